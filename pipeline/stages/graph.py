"""Graph: people, organizations, events, associations and awards as one typed networkx graph."""

from __future__ import annotations

import itertools
import logging

import networkx as nx
import pandas as pd

from pipeline.stages.gcpause import gc_paused
from pipeline.stages.resolve import event_key
from pipeline.tables import GRAPH_NODE_TYPES

logger = logging.getLogger(__name__)

# A "session" with more people than this is a day heading or a poster hall, not a panel: its
# people get no co-appearance edges (this also bounds the edges at 12 * appearances, DESIGN §5).
MAX_SESSION_SIZE = 12


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _year(value: object) -> int:
    """GraphML wants one type per attribute: unknown years are -1."""
    year = pd.to_numeric(value, errors="coerce")
    return int(year) if pd.notna(year) else -1


@gc_paused
def build_graph(
    appearances: pd.DataFrame, people: pd.DataFrame, organizations: pd.DataFrame, *,
    weights: dict | None = None, max_session_size: int = MAX_SESSION_SIZE,
) -> nx.MultiDiGraph:
    """Typed nodes (`type` attribute) and edges per role, affiliation, sponsorship and session.

    Node ids are prefixed by type (``person:``, ``org:``, ``event:``, ``assoc:``, ``award:``) and
    every node has ``type`` in :data:`pipeline.tables.GRAPH_NODE_TYPES` and a ``label``. Edges:

    - person -> event, one per role appearance: ``relation`` (the role), ``year``, ``weight``
      (the role weight of ``weights["roles"]``), ``session``, ``evidence``;
    - person -> organization: ``relation="affiliated"``, ``years``, ``weight`` (appearances);
    - organization -> event: ``relation`` sponsor/exhibitor, ``year``, ``tier``, ``booth``;
    - person -> award: ``relation="received"``; award -> association: ``relation="given_by"``;
    - event -> association: ``relation="part_of"``;
    - person -> person: ``relation="co_session"`` for people in the same session of the same
      event (sessions of at most `max_session_size` people; never the event-wide projection).

    >>> import pandas as pd
    >>> from pipeline.stages.resolve import resolve
    >>> rows = pd.DataFrame([
    ...     dict(doc_id="d1", source_path="a/2020/p.pdf", page=3, association="acm", year=2020,
    ...          event="", role="panelist", person_name=name, org_name="Acme", session="Careers",
    ...          award="", sponsor_tier="", booth="", title="")
    ...     for name in ("Ann Lee", "Bo Chen")])
    >>> graph = build_graph(*resolve(rows))
    >>> sorted({data["type"] for _, data in graph.nodes(data=True)})
    ['association', 'event', 'organization', 'person']
    >>> sorted({data["relation"] for _, _, data in graph.edges(data=True)})
    ['affiliated', 'co_session', 'panelist', 'part_of']
    """
    role_weights = (weights or {}).get("roles", {})
    graph = nx.MultiDiGraph()
    for row in people.itertuples(index=False):
        graph.add_node(f"person:{row.person_id}", type="person", label=_text(row.name),
                       organization=_text(row.organization))
    for row in organizations.itertuples(index=False):
        graph.add_node(f"org:{row.org_id}", type="organization", label=_text(row.name),
                       kind=_text(row.kind))
    if appearances.empty:
        return graph
    frame = appearances.copy()
    frame["event_key"] = event_key(frame)
    for col in ("industry", "profession"):
        if col not in frame.columns:
            frame[col] = ""
    # Column-wise once, not a pandas call per row: years (-1 unknown), citations, texts.
    years = pd.to_numeric(frame["year"], errors="coerce")
    frame["_year"] = years.fillna(-1).astype(int)
    page = pd.to_numeric(frame["page"], errors="coerce")
    source = frame["source_path"].astype(object).astype(str)
    cite = (source + " p." + page.fillna(-1).astype(int).astype(str)).where(page.notna(), source)
    events = frame.drop_duplicates("event_key").set_index("event_key")[
        ["association", "industry", "profession"]].sort_index()
    events["year"] = years.groupby(frame["event_key"]).min().reindex(events.index)
    for key, assoc, industry, profession, year in zip(
        events.index, events["association"].map(_text), events["industry"].map(_text),
        events["profession"].map(_text), events["year"], strict=True,
    ):
        graph.add_node(f"event:{key}", type="event", label=str(key), association=assoc,
                       year=_year(year))
        if assoc:
            graph.add_node(f"assoc:{assoc}", type="association", label=assoc,
                           industry=industry, profession=profession)
            graph.add_edge(f"event:{key}", f"assoc:{assoc}", relation="part_of")
    affiliations: dict[tuple[str, str], set[int]] = {}
    columns = [frame[c].tolist() for c in ("event_key", "_year", "person_id", "org_id", "role",
                                           "award", "association")]
    texts = [frame[c].map(_text).tolist() for c in ("session", "sponsor_tier", "booth")]
    for (key, year, person_id, org_id, role, award_name, association), (
        session, tier, booth
    ), evidence in zip(zip(*columns, strict=True), zip(*texts, strict=True), cite.tolist(),
                       strict=True):
        event = f"event:{key}"
        if person_id:
            person = f"person:{person_id}"
            graph.add_edge(person, event, relation=role, year=year,
                           weight=float(role_weights.get(role, 1.0)),
                           session=session, evidence=evidence)
            if org_id:
                affiliations.setdefault((person, f"org:{org_id}"), set()).add(year)
            if award_name:
                award = f"award:{award_name}"
                graph.add_node(award, type="award", label=_text(award_name))
                graph.add_edge(person, award, relation="received", year=year)
                if association and not graph.has_edge(award, f"assoc:{association}"):
                    graph.add_edge(award, f"assoc:{association}", relation="given_by")
        elif org_id:
            graph.add_edge(f"org:{org_id}", event, relation=role, year=year, tier=tier,
                           booth=booth)
    for (person, org), years in affiliations.items():
        graph.add_edge(person, org, relation="affiliated", weight=float(len(years)),
                       years=" ".join(str(y) for y in sorted(years) if y >= 0))
    _add_co_sessions(graph, frame, max_session_size)
    for node, data in graph.nodes(data=True):  # org ids met only on appearances
        if "type" not in data:
            data["type"] = "organization" if node.startswith("org:") else "person"
            data["label"] = node.split(":", 1)[1]
    if logger.isEnabledFor(logging.INFO):  # counting a multigraph's edges walks all of them
        logger.info("graph: %d nodes, %d edges", graph.number_of_nodes(),
                    graph.number_of_edges())
    return graph


def _add_co_sessions(graph: nx.MultiDiGraph, frame: pd.DataFrame, max_size: int) -> None:
    rows = frame[(frame["person_id"] != "") & (frame["session"].fillna("") != "")]
    # Sessions in sorted order, each session's rows in printed order (its year: the first's).
    rows = rows.sort_values(["event_key", "session"], kind="mergesort")
    keyed = zip(rows["event_key"].tolist(), rows["session"].tolist(), rows["person_id"].tolist(),
                rows["_year"].tolist(), strict=True)
    for (key, session), group in itertools.groupby(keyed, key=lambda r: (r[0], r[1])):
        group = list(group)
        members = sorted({r[2] for r in group})
        if len(members) < 2 or len(members) > max_size:
            continue
        year = group[0][3]
        for a, b in itertools.combinations(members, 2):
            graph.add_edge(f"person:{a}", f"person:{b}", relation="co_session",
                           session=str(session), event=str(key), year=year)


def check_graph(graph: nx.Graph) -> list[str]:
    """Problems with the contract (DESIGN §3): nodes without a valid `type`."""
    return [
        f"{node}: type {data.get('type')!r} not in {', '.join(GRAPH_NODE_TYPES)}"
        for node, data in graph.nodes(data=True) if data.get("type") not in GRAPH_NODE_TYPES
    ]


def person_event_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The bipartite person–event graph, one edge per pair weighted by the best role held there.

    Taking the best role, not the sum, keeps someone who chairs ten sessions of one event (an
    organizer, an MC) from looking ten times as connected as a one-time keynote.
    """
    bipartite = nx.Graph()
    for u, v, data in graph.edges(data=True):
        if u.startswith("person:") and v.startswith("event:"):
            weight = float(data.get("weight", 1.0))
            old = bipartite.get_edge_data(u, v, {"weight": 0.0})["weight"]
            bipartite.add_edge(u, v, weight=max(old, weight))
    return bipartite

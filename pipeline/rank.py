"""Rank: a score per person with every component as its own column."""

from __future__ import annotations

import logging

import networkx as nx
import pandas as pd

from pipeline.graph import person_event_graph
from pipeline.resolve import event_key

logger = logging.getLogger(__name__)

COMPONENTS = ("recurrence", "breadth", "roles", "recency", "centrality", "helping")


def _scale(values: pd.Series) -> pd.Series:
    values = values.astype(float).fillna(0.0)
    top = values.max()
    return values / top if top > 0 else values * 0.0


def rank_people(
    appearances: pd.DataFrame, graph: nx.MultiDiGraph, *, weights: dict, current_year: int | None
    = None,
) -> pd.DataFrame:
    """Score every person by recurrence, breadth, roles, recency, centrality and helping.

    Parameters
    ----------
    appearances : DataFrame
        Resolved appearances (with ``person_id``).
    graph : networkx graph
        The graph of :func:`pipeline.graph.build_graph`; its person–event part gives centrality.
    weights : dict
        ``components`` (weight per component), ``roles`` (weight per role),
        ``recency_half_life_years`` and ``helping_keywords``, as in ``ranking.yaml``.
    current_year : int, optional
        Year recency is measured from; defaults to the latest year in the data.

    Returns
    -------
    DataFrame
        One row per person, best first: ``person_id``, ``score``, ``score_<component>``,
        ``n_events``, ``n_associations``, ``years``.

    Examples
    --------
    Ann appears at two events (one as keynote), Bo at one:

    >>> import pandas as pd
    >>> from pipeline.graph import build_graph
    >>> from pipeline.resolve import resolve
    >>> from pipeline.config import default_weights
    >>> rows = [
    ...     dict(doc_id="d1", association="acm", year=2020, event="", role="keynote",
    ...          person_name="Ann Lee", org_name="", session="", award="", sponsor_tier="",
    ...          booth="", title=""),
    ...     dict(doc_id="d2", association="acm", year=2021, event="", role="speaker",
    ...          person_name="Ann Lee", org_name="", session="", award="", sponsor_tier="",
    ...          booth="", title=""),
    ...     dict(doc_id="d2", association="acm", year=2021, event="", role="speaker",
    ...          person_name="Bo Chen", org_name="", session="", award="", sponsor_tier="",
    ...          booth="", title=""),
    ... ]
    >>> appearances, people, orgs = resolve(pd.DataFrame(rows))
    >>> scores = rank_people(appearances, build_graph(appearances, people, orgs),
    ...                      weights=default_weights())
    >>> list(scores["n_events"])
    [2, 1]
    >>> float(scores["score_recurrence"].iloc[0]), float(scores["score_recurrence"].iloc[1])
    (1.0, 0.5)
    """
    rows = appearances[appearances["person_id"].fillna("") != ""].copy()
    if rows.empty:
        return pd.DataFrame(columns=["person_id", "score", *[f"score_{c}" for c in COMPONENTS]])
    rows["event_key"] = event_key(rows)
    rows["_year"] = pd.to_numeric(rows["year"], errors="coerce")
    role_weights = weights.get("roles", {})
    rows["_role_w"] = rows["role"].map(lambda r: float(role_weights.get(r, 1.0)))
    keywords = [k.lower() for k in weights.get("helping_keywords", [])]
    text = (rows["session"].fillna("") + " " + rows["award"].fillna("")).str.lower()
    rows["_helping"] = text.map(lambda t: any(k in t for k in keywords)) | rows["role"].isin(
        ["committee", "board", "organizer"]
    )
    grouped = rows.groupby("person_id", sort=False)
    table = pd.DataFrame({
        "n_events": grouped["event_key"].nunique(),
        "n_associations": grouped["association"].agg(lambda s: s.replace("", pd.NA).nunique()),
        "n_orgs": grouped["org_id"].agg(lambda s: s.replace("", pd.NA).nunique()),
        "last_year": grouped["_year"].max(),
        "years": grouped["_year"].agg(
            lambda s: ", ".join(str(int(y)) for y in sorted(s.dropna().unique()))
        ),
        # best role per event, summed over events
        "roles_raw": rows.groupby(["person_id", "event_key"])["_role_w"].max().groupby(
            level=0).sum(),
        "helping_raw": grouped["_helping"].sum(),
    })
    now = current_year or (int(rows["_year"].max()) if rows["_year"].notna().any() else None)
    half_life = float(weights.get("recency_half_life_years", 5))
    if now is None:
        recency = pd.Series(0.0, index=table.index)
    else:
        recency = (0.5 ** ((now - table["last_year"]) / half_life)).fillna(0.0)
    centrality = _centrality(graph, table.index)
    table["score_recurrence"] = _scale(table["n_events"])
    table["score_breadth"] = _scale(table["n_associations"] + 0.5 * table["n_orgs"].clip(upper=3))
    table["score_roles"] = _scale(table["roles_raw"])
    table["score_recency"] = recency.clip(0, 1)
    table["score_centrality"] = _scale(centrality)
    table["score_helping"] = _scale(table["helping_raw"])
    comp_weights = weights.get("components", {})
    table["score"] = sum(
        float(comp_weights.get(c, 0.0)) * table[f"score_{c}"] for c in COMPONENTS
    ).round(4)
    for c in COMPONENTS:
        table[f"score_{c}"] = table[f"score_{c}"].round(4)
    table = table.reset_index().rename(columns={"index": "person_id"})
    table = table.sort_values(["score", "n_events", "person_id"], ascending=[False, False, True])
    logger.info("rank: %d people scored", len(table))
    return table.drop(columns=["roles_raw", "helping_raw"]).reset_index(drop=True)


def _centrality(graph: nx.MultiDiGraph, person_ids: pd.Index) -> pd.Series:
    """PageRank on the bipartite person–event graph, edges weighted 1/event size.

    Dividing by event size keeps a 1,000-speaker event from outweighing ten small ones.
    """
    bipartite = person_event_graph(graph)
    if bipartite.number_of_edges() == 0:
        return pd.Series(0.0, index=person_ids)
    for u, v, data in bipartite.edges(data=True):
        event = u if u.startswith("event:") else v
        data["weight"] = data["weight"] / max(1, bipartite.degree(event))
    scores = nx.pagerank(bipartite, weight="weight")
    return pd.Series(
        [scores.get(f"person:{pid}", 0.0) for pid in person_ids], index=person_ids
    )

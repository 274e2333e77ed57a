"""Explore: read the processed tables and shape them for the notebooks and the HTML report."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import networkx as nx
import pandas as pd

from pipeline.errors import MentorMinerError
from pipeline.run.store import read_csv

logger = logging.getLogger(__name__)

TABLES = ("documents", "appearances", "people", "organizations", "shortlist")
# The ladder a mentor climbs, lowest rung first: on stage, then running sessions, then the
# keynote, then the association's recognition (issue 7).
LADDER = ("panelist", "speaker", "moderator", "chair", "keynote", "award_recipient")
# Every role, in the order a timeline chart stacks them (service roles at the bottom).
TIMELINE_ROLES = ("committee", "board", "organizer", *LADDER, "sponsor", "exhibitor")
NUMERIC = {
    "documents": ("year", "pages", "appearances"),
    "appearances": ("page", "year"),
    "people": ("n_appearances", "n_events", "n_associations", "first_year", "last_year"),
    "organizations": ("n_appearances", "n_events", "vendor_rank", "n_years"),
    "shortlist": ("rank", "score", "n_events", "n_associations"),
}


def _plain_text(plot):
    """Draw with mathtext off: a name printed as `$5M Club` must not be parsed as TeX."""

    @functools.wraps(plot)
    def wrapper(*args, **kwargs):
        import matplotlib

        with matplotlib.rc_context({"text.parse_math": False}):
            return plot(*args, **kwargs)

    return wrapper


def processed_dir(data_dir: Path | str) -> Path:
    """`data_dir/processed` when it holds the tables, else `data_dir` itself.

    Notebooks set ``DATA_DIR`` to the data folder (STYLE §9); this also accepts the output
    folder of ``mentor-miner run --out`` directly.
    """
    data_dir = Path(data_dir)
    for folder in (data_dir / "processed", data_dir):
        if (folder / "shortlist.csv").exists():
            return folder
    raise MentorMinerError(
        f"{data_dir}: no shortlist.csv here or in {data_dir / 'processed'}. Run "
        f"`mentor-miner run data/raw --out {data_dir / 'processed'}` first, or point "
        "MENTOR_MINER_DATA at the data folder.")


def load_tables(folder: Path | str) -> dict[str, pd.DataFrame]:
    """Every CSV `mentor-miner run` wrote in `folder`, numbers as numbers, text as text.

    Formula neutralization is undone (:func:`pipeline.run.store.read_csv`); count and score columns
    become numbers (``<NA>``/NaN where empty) and everything else stays text ("" when empty).
    """
    folder = Path(folder)
    tables: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        path = folder / f"{name}.csv"
        if not path.exists():
            raise MentorMinerError(f"{path}: not found. Run `mentor-miner run RAW_DIR --out "
                                   f"{folder}` first.")
        table = read_csv(path)
        numeric = [c for c in table.columns
                   if c in NUMERIC.get(name, ()) or c.startswith("score_")]
        for col in numeric:
            table[col] = pd.to_numeric(table[col].replace("", None), errors="coerce")
        tables[name] = table
    return tables


def documents_by_association_year(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents per association (rows) and year (columns); unknown years are "?"."""
    year = documents["year"].map(lambda y: str(int(y)) if pd.notna(y) else "?")
    assoc = documents["association"].replace("", "?")
    return pd.crosstab(assoc.rename("association"), year.rename("year"))


def extraction_quality(documents: pd.DataFrame, appearances: pd.DataFrame) -> pd.DataFrame:
    """One row per document, problems first: status, pages, pages where nothing was found, yield.

    ``pages_without_text`` counts the pages from which no appearance came: every page of a
    scanned or empty document, and in a text document the pages where the recognizer found
    no one (a title page, prose, or text it could not read). ``per_page`` is appearances per
    page; formats without pages (JSON, CSV, HTML) have it empty.

    >>> import pandas as pd
    >>> documents = pd.DataFrame(dict(doc_id=["a", "b"], source_path=["x.pdf", "y.pdf"],
    ...     association=["acm", "acm"], year=[2020, 2021], kind=["program_pdf"] * 2,
    ...     pages=[3, 2], status=["ok", "scanned"], message=["", "no text layer"],
    ...     appearances=[4, 0]))
    >>> appearances = pd.DataFrame(dict(doc_id=["a"] * 4, page=[1, 1, 2, 2]))
    >>> extraction_quality(documents, appearances)[
    ...     ["source_path", "pages_without_text", "per_page"]].values.tolist()
    [['y.pdf', 2, 0.0], ['x.pdf', 1, 1.33]]
    """
    pages = pd.to_numeric(documents["pages"], errors="coerce")
    found = pd.to_numeric(appearances["page"], errors="coerce")
    pages_hit = (appearances.assign(_page=found).dropna(subset=["_page"])
                 .groupby("doc_id")["_page"].nunique())
    count = pd.to_numeric(documents["appearances"], errors="coerce").fillna(0).astype(int)
    out = pd.DataFrame({
        "source_path": documents["source_path"],
        "association": documents["association"],
        "year": documents["year"],
        "kind": documents["kind"],
        "status": documents["status"],
        "pages": pages.astype("Int64"),
        "appearances": count,
    })
    hit = documents["doc_id"].map(pages_hit).fillna(0).astype(int)
    out["pages_without_text"] = (pages - hit).clip(lower=0).astype("Int64")
    out["per_page"] = (count / pages.where(pages > 0)).round(2)
    out["message"] = documents["message"]
    order = out["status"].map({"error": 0, "scanned": 1, "empty": 2}).fillna(3)
    return out.assign(_o=order).sort_values(["_o", "source_path"], kind="mergesort").drop(
        columns="_o").reset_index(drop=True)


def quality_summary(quality: pd.DataFrame) -> dict[str, int | float]:
    """Headline numbers of :func:`extraction_quality`: documents, failures, empty pages."""
    pages = quality["pages"].fillna(0)
    return {
        "documents": len(quality),
        "errors": int((quality["status"] == "error").sum()),
        "scanned_or_empty": int(quality["status"].isin(["scanned", "empty"]).sum()),
        "pages": int(pages.sum()),
        "pages_without_text": int(quality["pages_without_text"].fillna(0).sum()),
        "appearances": int(quality["appearances"].sum()),
    }


def person_timeline(appearances: pd.DataFrame, person_id: str) -> pd.DataFrame:
    """One person's appearances in time order: year, event, role, what, organization, evidence.

    >>> import pandas as pd
    >>> appearances = pd.DataFrame(dict(person_id=["p1", "p1", "p2"], year=[2023, 2021, 2021],
    ...     association=["acm", "ieee", "acm"], event=["", "", ""], role=["chair", "panelist",
    ...     "speaker"], session=["Careers", "AI", ""], award=["", "", ""],
    ...     org_name=["Acme", "Acme", ""], source_path=["a.pdf", "b.pdf", "c.pdf"],
    ...     page=[2, 5, 1]))
    >>> person_timeline(appearances, "p1")[["year", "role", "evidence"]].values.tolist()
    [[2021, 'panelist', 'b.pdf p.5'], [2023, 'chair', 'a.pdf p.2']]
    >>> len(person_timeline(appearances, "p9"))  # nobody: no rows, not an error
    0
    """
    rows = appearances[appearances["person_id"] == person_id].copy()
    rows["year"] = pd.to_numeric(rows["year"], errors="coerce").astype("Int64")
    page = pd.to_numeric(rows["page"], errors="coerce")
    rows["evidence"] = [f"{source} p.{int(p)}" if pd.notna(p) else source
                        for source, p in zip(rows["source_path"].astype(str), page, strict=True)]
    award = rows["award"].fillna("").astype(str)
    rows["what"] = award.where((rows["role"] == "award_recipient") & (award != ""),
                               rows["session"].fillna("").astype(str))
    rows = rows.sort_values(["year", "source_path", "page"], na_position="first",
                            kind="mergesort")
    return rows[["year", "association", "event", "role", "what", "org_name",
                 "evidence"]].reset_index(drop=True)


def role_trajectories(appearances: pd.DataFrame, *, ladder: tuple[str, ...] = LADDER
                      ) -> pd.DataFrame:
    """Per person, the first year on each rung of `ladder` and whether they climbed.

    ``path`` reads like ``panelist 2021 → chair 2022 → award_recipient 2024``; ``climbed`` is
    True when a later first year belongs to a higher rung than an earlier one.

    >>> import pandas as pd
    >>> appearances = pd.DataFrame(dict(person_id=["p1", "p1", "p1", "p2"],
    ...     role=["panelist", "chair", "panelist", "keynote"], year=[2021, 2022, 2023, 2022]))
    >>> role_trajectories(appearances)[["person_id", "path", "climbed"]].values.tolist()
    [['p1', 'panelist 2021 → chair 2022', True], ['p2', 'keynote 2022', False]]
    """
    rung = {role: i for i, role in enumerate(ladder)}
    rows = appearances[appearances["role"].isin(rung) & (appearances["person_id"] != "")].copy()
    rows["year"] = pd.to_numeric(rows["year"], errors="coerce")
    rows = rows.dropna(subset=["year"])
    firsts = rows.groupby(["person_id", "role"])["year"].min().reset_index()
    firsts["rung"] = firsts["role"].map(rung)
    records = []
    for person_id, group in firsts.groupby("person_id", sort=True):
        group = group.sort_values(["year", "rung"])
        steps = [f"{r.role} {int(r.year)}" for r in group.itertuples()]
        best_so_far, climbed = -1, False
        for _, same_year in group.groupby("year"):
            if best_so_far >= 0 and same_year["rung"].max() > best_so_far:
                climbed = True
            best_so_far = max(best_so_far, int(same_year["rung"].max()))
        records.append({"person_id": person_id, "path": " → ".join(steps),
                        "first_year": int(group["year"].min()),
                        "top_rung": ladder[int(group["rung"].max())], "climbed": climbed})
    return pd.DataFrame(records, columns=["person_id", "path", "first_year", "top_rung",
                                          "climbed"])


def role_transitions(appearances: pd.DataFrame, *, ladder: tuple[str, ...] = LADDER
                     ) -> pd.DataFrame:
    """How many people held role A (rows) first and role B (columns) in a later year.

    >>> import pandas as pd
    >>> appearances = pd.DataFrame(dict(person_id=["p1", "p1", "p2", "p2"],
    ...     role=["panelist", "chair", "panelist", "chair"], year=[2021, 2022, 2022, 2022]))
    >>> role_transitions(appearances).loc["panelist", "chair"]
    np.int64(1)
    """
    rows = appearances[appearances["role"].isin(ladder) & (appearances["person_id"] != "")]
    firsts = rows.assign(year=pd.to_numeric(rows["year"], errors="coerce")).dropna(
        subset=["year"]).groupby(["person_id", "role"])["year"].min().unstack()
    out = pd.DataFrame(0, index=list(ladder), columns=list(ladder))
    for a in ladder:
        for b in ladder:
            if a != b and a in firsts and b in firsts:
                out.loc[a, b] = int((firsts[a] < firsts[b]).sum())
    return out


@_plain_text
def plot_timeline(ax, timeline: pd.DataFrame, *, title: str = "") -> None:
    """Draw one person's :func:`person_timeline` on `ax`: years across, roles up, one colour
    per association; a marker's size grows with the appearances behind it."""
    roles = [r for r in TIMELINE_ROLES if r in set(timeline["role"])]
    rows = timeline.dropna(subset=["year"])
    assocs = sorted(set(rows["association"].replace("", "?")))
    colours = {a: f"C{i % 10}" for i, a in enumerate(assocs)}
    for i, (assoc, group) in enumerate(
            rows.assign(association=rows["association"].replace("", "?")).groupby("association")):
        counts = group.groupby(["year", "role"]).size().reset_index(name="n")
        shift = 0.12 * (i - (len(assocs) - 1) / 2)  # side by side when two share a year and role
        ax.scatter(counts["year"].astype(int) + shift, counts["role"].map(roles.index),
                   s=40 + 30 * counts["n"], color=colours[assoc], alpha=0.75, label=assoc,
                   edgecolor="black", linewidth=0.5)
    ax.set_yticks(range(len(roles)), roles)
    ax.set_ylim(-0.7, max(len(roles), 1) - 0.3)
    years = sorted({int(y) for y in rows["year"]})
    if years:
        ax.set_xticks(years, [str(y) for y in years])
        ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    ax.grid(axis="x", alpha=0.3)
    if assocs:
        ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.02), frameon=False)
    if title:
        ax.set_title(title, fontsize="medium")


def network_graph(appearances: pd.DataFrame, people: pd.DataFrame, *,
                  person_ids: list[str] | None = None, min_org_degree: int = 1) -> nx.Graph:
    """Undirected person–event and person–organization graph (sponsors joined to their events).

    Nodes are ``person:<id>``, ``event:<association year>``, ``org:<id>`` with ``type``,
    ``label`` and ``association`` (events); edge ``weight`` counts appearances. `person_ids`
    keeps only those people (and the events and organizations they touch) for a readable
    picture; sponsor/exhibitor edges are kept to events that remain. Organizations linked to
    fewer than `min_org_degree` nodes are dropped (2 hides one-off affiliations and sponsors).

    >>> import pandas as pd
    >>> appearances = pd.DataFrame(dict(person_id=["p1", "p2", ""], person_name=["Ann", "Bo", ""],
    ...     org_id=["o1", "o1", "o2"], org_name=["Acme", "Acme", "Bolt"], role=["chair",
    ...     "speaker", "sponsor"], association=["acm"] * 3, year=[2021] * 3, event=[""] * 3,
    ...     doc_id=["d"] * 3))
    >>> people = pd.DataFrame(dict(person_id=["p1", "p2"], name=["Ann Lee", "Bo Chen"]))
    >>> sorted(network_graph(appearances, people, min_org_degree=2))
    ['event:acm 2021', 'org:o1', 'person:p1', 'person:p2']
    """
    from pipeline.stages.resolve import event_key

    rows = appearances.copy()
    rows["event_key"] = event_key(rows)
    names = dict(zip(people["person_id"], people["name"], strict=False))
    graph = nx.Graph()

    def bump(u, v):
        weight = graph.get_edge_data(u, v, {"weight": 0})["weight"]
        graph.add_edge(u, v, weight=weight + 1)

    has_person = rows["person_id"].fillna("") != ""
    kept = rows[has_person]
    if person_ids is not None:
        kept = kept[kept["person_id"].isin(set(person_ids))]
    for row in kept.itertuples(index=False):
        person, event = f"person:{row.person_id}", f"event:{row.event_key}"
        graph.add_node(person, type="person", label=names.get(row.person_id, row.person_name))
        graph.add_node(event, type="event", label=row.event_key.upper(),
                       association=row.association)
        bump(person, event)
        if row.org_id:
            graph.add_node(f"org:{row.org_id}", type="organization", label=row.org_name)
            bump(person, f"org:{row.org_id}")
    for row in rows[~has_person & (rows["org_id"].fillna("") != "")].itertuples(index=False):
        event = f"event:{row.event_key}"
        if person_ids is not None and event not in graph:
            continue
        graph.add_node(f"org:{row.org_id}", type="organization", label=row.org_name)
        graph.add_node(event, type="event", label=row.event_key.upper(),
                       association=row.association)
        bump(f"org:{row.org_id}", event)
    graph.remove_nodes_from([n for n, d in graph.nodes(data=True)
                             if d["type"] == "organization" and graph.degree(n) < min_org_degree])
    return graph


def communities(graph: nx.Graph, *, seed: int = 7) -> dict[str, int]:
    """Community number per node (Louvain on edge weights, largest community 0)."""
    if graph.number_of_edges() == 0:
        return {node: i for i, node in enumerate(graph)}
    groups = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    groups = sorted(groups, key=lambda g: (-len(g), min(g)))
    return {node: i for i, group in enumerate(groups) for node in group}


def association_bridges(appearances: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """People who appear at more than one association, most associations then events first.

    >>> import pandas as pd
    >>> appearances = pd.DataFrame(dict(person_id=["p1", "p1", "p2"],
    ...     association=["acm", "ieee", "acm"], year=[2021, 2022, 2021], role=["chair"] * 3))
    >>> people = pd.DataFrame(dict(person_id=["p1", "p2"], name=["Ann", "Bo"],
    ...     organization=["Acme", ""]))
    >>> association_bridges(appearances, people)[["name", "associations"]].values.tolist()
    [['Ann', 'acm; ieee']]
    """
    rows = appearances[(appearances["person_id"].fillna("") != "")
                       & (appearances["association"].fillna("") != "")]
    grouped = rows.groupby("person_id")
    table = pd.DataFrame({
        "n_associations": grouped["association"].nunique(),
        "associations": grouped["association"].agg(lambda s: "; ".join(sorted(set(s)))),
        "n_events": rows[["person_id", "association", "year"]].drop_duplicates()
        .groupby("person_id").size(),
        "roles": grouped["role"].agg(lambda s: "; ".join(sorted(set(s)))),
    }).reset_index()
    table = table[table["n_associations"] > 1]
    table = table.merge(people[["person_id", "name", "organization"]], on="person_id",
                        how="left")
    table = table.sort_values(["n_associations", "n_events", "name"],
                              ascending=[False, False, True], kind="mergesort")
    return table[["person_id", "name", "organization", "n_associations", "associations",
                  "n_events", "roles"]].reset_index(drop=True)


def top_vendors(organizations: pd.DataFrame, appearances: pd.DataFrame, *, top: int = 15
                ) -> pd.DataFrame:
    """Sponsors and exhibitors by events, with tiers and the people who appeared for them.

    Uses ``vendor_rank``/``people``/``tiers`` from organizations.csv when `mentor-miner run`
    wrote them, else counts sponsor and exhibitor appearances here.
    """
    orgs = organizations.copy()
    if "vendor_rank" in orgs.columns:
        vendors = orgs[orgs["vendor_rank"].notna()].sort_values("vendor_rank", kind="mergesort")
    else:
        selling = orgs["roles"].fillna("").str.contains(r"\b(?:sponsor|exhibitor)\b")
        vendors = orgs[selling].sort_values(["n_events", "n_appearances"],
                                            ascending=False, kind="mergesort")
    if "people" not in vendors.columns:
        with_people = appearances[(appearances["person_id"] != "") & (appearances["org_id"] != "")]
        people = with_people.groupby("org_id")["person_name"].agg(
            lambda s: "; ".join(f"{n} ({c})" for n, c in s.value_counts().head(8).items()))
        vendors = vendors.assign(people=vendors["org_id"].map(people).fillna(""))
    if "tiers" not in vendors.columns:
        vendors = vendors.assign(tiers="")
    columns = ["name", "kind", "n_events", "n_appearances", "roles", "tiers", "people"]
    return vendors[columns].head(top).reset_index(drop=True)


@_plain_text
def plot_network(ax, graph: nx.Graph, *, seed: int = 7, label_top: int = 12) -> None:
    """Draw `graph` on `ax`: people as dots coloured by community, events as squares,
    organizations as triangles; the `label_top` best-connected people and every event named."""
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no network to draw", ha="center", va="center")
        ax.set_axis_off()
        return
    position = nx.spring_layout(graph, seed=seed, weight=None, iterations=100,
                                k=2.5 / max(graph.number_of_nodes(), 1) ** 0.5)
    community = communities(graph, seed=seed)
    nx.draw_networkx_edges(graph, position, ax=ax, alpha=0.15, width=0.6)
    shapes = {"person": "o", "event": "s", "organization": "^"}
    for kind, shape in shapes.items():
        nodes = [n for n, d in graph.nodes(data=True) if d.get("type") == kind]
        if not nodes:
            continue
        colours = ([f"C{community[n] % 10}" for n in nodes] if kind == "person"
                   else ("#444444" if kind == "event" else "#bbbbbb"))
        sizes = [30 + 12 * graph.degree(n) for n in nodes] if kind == "person" else 90
        nx.draw_networkx_nodes(graph, position, nodelist=nodes, node_shape=shape, ax=ax,
                               node_color=colours, node_size=sizes, edgecolors="black",
                               linewidths=0.4, label=kind)
    people = sorted((n for n, d in graph.nodes(data=True) if d.get("type") == "person"),
                    key=lambda n: -graph.degree(n, weight="weight"))[:label_top]
    events = [n for n, d in graph.nodes(data=True) if d.get("type") == "event"]
    labels = {n: graph.nodes[n].get("label", n) for n in [*people, *events]}
    above = {n: (x, y + 0.035) for n, (x, y) in position.items()}
    nx.draw_networkx_labels(graph, above, labels=labels, ax=ax, font_size=7)
    ax.legend(loc="lower left", fontsize="small", frameon=False, markerscale=0.6)
    ax.set_axis_off()

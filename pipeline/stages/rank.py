"""Rank: a score per person with every component as its own column."""

from __future__ import annotations

import logging
import re

import networkx as nx
import numpy as np
import pandas as pd

from pipeline.stages.frames import distinct_count, joined_years
from pipeline.stages.gcpause import gc_paused
from pipeline.stages.resolve import event_key

logger = logging.getLogger(__name__)

COMPONENTS = ("recurrence", "breadth", "roles", "recency", "centrality", "helping")
SERVICE_ROLES = ("committee", "board")
HONOUR_ROLES = ("award_recipient",)
# Roles held on stage: only these turn into `organizer` in a host session (welcome, closing).
# A board or committee listed on the welcome page is still a board or committee (issue 21).
STAGE_ROLES = ("keynote", "speaker", "panelist", "moderator", "chair")


def _saturate(count: pd.Series) -> pd.Series:
    """0 for nothing, then each further unit halves the distance to 1: 0, .5, .75, .875, ..."""
    return 1.0 - 0.5 ** count.astype(float).clip(lower=0).fillna(0.0)


def _pattern(words: list[str], *, whole: bool = False) -> re.Pattern[str] | None:
    """Any of `words` at a word start (or as whole words), any case."""
    words = [w.strip().lower() for w in words or [] if w and w.strip()]
    if not words:
        return None
    end = r"\b" if whole else ""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")" + end, re.I)


def _matches(text: pd.Series, pattern: re.Pattern[str] | None) -> pd.Series:
    """Whether `pattern` occurs in each cell. A program repeats its session titles hundreds of
    times, so each distinct value is searched once.

    >>> _matches(pd.Series(["Welcome", None, "Welcome", "Talk"]), re.compile("wel", re.I)).tolist()
    [True, False, True, False]
    """
    if pattern is None:
        return pd.Series(False, index=text.index)
    codes, distinct = pd.factorize(text.fillna("").astype(str))
    found = np.array([pattern.search(value) is not None for value in distinct.tolist()],
                     dtype=bool)
    return pd.Series(found[codes], index=text.index, dtype=bool)


def prepare_rows(appearances: pd.DataFrame, *, weights: dict) -> pd.DataFrame:
    """Person appearances with `event_key`, `_year`, the effective role and its weight, and
    `_honour` (an award: an honour, not an event of the association).

    Names that are not people (``not_a_person`` words: "FOSDEM Staff", "Program Committee")
    are dropped, and a stage role held in a host session (``host_sessions``: welcome, opening,
    closing remarks) counts as ``organizer``: a master of ceremonies is not a keynote speaker.
    Board and committee seats printed on such a page stay what they are.
    """
    rows = appearances[appearances["person_id"].fillna("") != ""].copy()
    groups = _pattern(weights.get("not_a_person", []), whole=True)
    rows = rows[~_matches(rows["person_name"], groups)]
    rows["event_key"] = event_key(rows) if len(rows) else pd.Series(dtype=str)
    rows["_year"] = pd.to_numeric(rows["year"], errors="coerce")
    hosting = _matches(rows["session"], _pattern(weights.get("host_sessions", [])))
    rows["effective_role"] = rows["role"].where(~(hosting & rows["role"].isin(STAGE_ROLES)),
                                                "organizer")
    rows["_honour"] = rows["role"].isin(HONOUR_ROLES)
    role_weights = weights.get("roles", {})
    rows["_role_w"] = rows["effective_role"].map(
        {role: float(w) for role, w in role_weights.items()}).fillna(1.0).astype(float)
    text = rows["session"].fillna("") + " " + rows["award"].fillna("")
    rows["_helping"] = (
        _matches(text, _pattern(weights.get("helping_keywords", [])))
        | rows["effective_role"].isin(SERVICE_ROLES)
    )
    return rows


@gc_paused
def rank_people(
    appearances: pd.DataFrame, graph: nx.MultiDiGraph | None = None, *, weights: dict,
    current_year: int | None = None, rows: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Score every person by recurrence, breadth, roles, recency, centrality and helping.

    Each component lies in 0..1 and is its own ``score_<component>`` column; ``score`` is their
    sum weighted by ``weights["components"]``:

    - ``recurrence``: the mean of a count and a coverage. The count is ``1 - 0.5 ** (x / 2)``
      with ``x = (events - 1) + 0.5 * (years - 1)`` (``recurrence_events_per_halving: 2``): one
      event scores 0, two events in two years 0.41, three FOSDEMs 0.65, five SIGCSEs 0.88.
      Events are programs (association and year) where the person held a role other than
      award recipient: an award year is an honour, not an event (issue 21). The coverage is
      the largest share of one association's programs in the data the person appears in,
      times ``1 - 0.5 ** (attended - 2)``: two programs add nothing to what the count says,
      three of three FOSDEMs give 0.5, five of six SIGCSEs 0.73.
    - ``breadth``: ``1 - 0.5 ** y`` with ``y = (associations - 1) + 0.5 * (organizations - 1)``,
      organizations (affiliations) capped at 3, both over the person's programs.
    - ``roles``: the best role weight held at each event or award year, averaged over them,
      divided by the largest role weight (a keynote everywhere scores 1). Averaging, not
      summing, keeps someone who chairs many sessions from outranking someone who keynotes.
    - ``recency``: ``0.5 ** (behind / recency_half_life_years)`` where ``behind`` is the number
      of years between the person's latest appearance at an association (awards included) and
      that association's latest program in the data (or `current_year` when given).
    - ``centrality``: PageRank on the bipartite person–event graph (best role weight per edge)
      restarting at events in proportion to the square root of their size, so a 600-talk
      conference has 5 times, not 30 times, the voice of a 20-talk workshop; divided by the
      top score. Award years are not events here either.
    - ``helping``: saturating count of events with a helping signal: a session or award that
      matches ``helping_keywords`` (mentoring, career, newcomer, service award...) or a
      committee or board role, over events and award years.

    Helping is only held against people whose documents could show it. When none of a
    person's associations records a committee, board or award role at all (FOSDEM's schedules
    list only speakers), ``score_helping`` is imputed: the median helping of people with as
    many events (1, 2, 3, 4+) at associations that do record such roles. When no association
    records them, helping is left out and the other weights scale up to the same total.

    Parameters
    ----------
    appearances : DataFrame
        Resolved appearances (with ``person_id``).
    graph : networkx graph, optional
        The graph of :func:`pipeline.stages.graph.build_graph`. Not needed: the person–event
        graph is rebuilt from `appearances` with the effective roles of :func:`prepare_rows`.
    weights : dict
        As in ``ranking.yaml``: ``components``, ``roles``, ``recency_half_life_years``,
        ``helping_keywords``, ``host_sessions`` and ``not_a_person``.
    current_year : int, optional
        Year recency is measured from; defaults to the latest year of each association.
    rows : DataFrame, optional
        ``prepare_rows(appearances, weights=weights)``, when the caller has it already (the
        pipeline computes it once for ranking and the shortlist). Not modified.

    Returns
    -------
    DataFrame
        One row per person, best first (ties by events, then `person_id`, so equal inputs give
        equal ranks): ``person_id``, ``score``, ``score_<component>``, ``n_events``,
        ``n_years``, ``n_associations``, ``n_orgs`` (of programs), ``n_honours`` (distinct
        awards and years), ``first_year``, ``last_year``, ``years`` (every row's).

    Examples
    --------
    Ann keynotes in 2020 and speaks in 2021; Bo speaks once, at the 2021 event:

    >>> import pandas as pd
    >>> from pipeline.userfiles.weights import default_weights
    >>> from pipeline.stages.resolve import resolve
    >>> def row(name, role, year):
    ...     return dict(doc_id=f"d{year}", association="acm", year=year, event="", role=role,
    ...                 person_name=name, org_name="", session="", award="", sponsor_tier="",
    ...                 booth="", title="")
    >>> rows = [row("Ann Lee", "keynote", 2020), row("Ann Lee", "speaker", 2021),
    ...         row("Bo Chen", "speaker", 2021)]
    >>> appearances, people, orgs = resolve(pd.DataFrame(rows))
    >>> scores = rank_people(appearances, weights=default_weights())
    >>> scores[["n_events", "score_recurrence", "score_roles", "score_recency"]].to_numpy().tolist()
    [[2.0, 0.2027, 0.75, 1.0], [1.0, 0.0, 0.5, 1.0]]

    Ann's recurrence: ``x = (2 - 1) + 0.5 * (2 - 1) = 1.5`` and ``1 - 0.5 ** 0.75 = 0.4054``,
    halved because the events are too small to count as programs for the coverage (fewer than
    ``program_min_people``).
    Her roles: keynote (3.0) and speaker (1.5) average 2.25, over the top weight 3.0: 0.75.
    Both were at the latest event (recency 1); Ann, at both events, is the most central (1).
    With the default weights Ann's weighted sum is
    ``0.40 * 0.2027 + 0.15 * 0.75 + 0.10 * 1 + 0.10 * 1 = 0.39``. These programs record no
    committee, board or award role, so helping (weight 0.15) cannot be shown and her score is
    that sum over the other weights, ``0.39 / 0.85``:

    >>> scores[["score_centrality", "score"]].round(2).to_numpy().tolist()
    [[1.0, 0.46], [0.36, 0.25]]
    """
    if rows is None:
        rows = prepare_rows(appearances, weights=weights)
    score_cols = [f"score_{c}" for c in COMPONENTS]
    if rows.empty:
        return pd.DataFrame(columns=["person_id", "score", *score_cols, "n_events", "years"])
    # Award years are honours, not events the association held (issue 21): an award list
    # reaching back to 1981 made SIGCSE "44 events". Events, years, associations, coverage,
    # breadth and centrality come from program rows; honours count in roles, recency and
    # helping.
    program = rows[~rows["_honour"]]
    table = _counts(rows, program)
    half_life = float(weights.get("recency_half_life_years", 5))
    top_role = max([float(w) for w in weights.get("roles", {}).values()] or [1.0])
    per = float(weights.get("recurrence_events_per_halving", 2))
    count = _saturate(((table["n_events"] - 1).clip(lower=0)
                       + 0.5 * (table["n_years"].clip(lower=1) - 1)) / per)
    table["score_recurrence"] = 0.5 * count + 0.5 * _coverage(program, weights).reindex(
        table.index).fillna(0.0)
    table["score_breadth"] = _saturate(
        (table["n_associations"].clip(lower=1) - 1) + 0.5 * (table["n_orgs"].clip(1, 3) - 1)
    )
    table["score_roles"] = (table["roles_raw"] / top_role).clip(0, 1)
    # Years behind the latest program of the same association in the data (or `current_year`):
    # appearing at the latest program we have is current, whatever the association's cycle.
    # An award year after it is not a later program (SIGCSE's 2025 awards left its 2022
    # speakers three years behind); an association known only from awards keeps its latest.
    latest_program = program.groupby("association")["_year"].max()
    latest = rows["association"].map(latest_program).fillna(
        rows.groupby("association")["_year"].transform("max"))
    behind = ((current_year if current_year else latest) - rows["_year"]).clip(lower=0)
    table["score_recency"] = (
        0.5 ** (behind.groupby(rows["person_id"]).min() / half_life)
    ).reindex(table.index).fillna(0.0).clip(0, 1)
    table["score_centrality"] = event_restart_pagerank(program, table.index)
    table["score_helping"] = _saturate(table["helping_raw"])
    comp_weights = {c: float(weights.get("components", {}).get(c, 0.0)) for c in COMPONENTS}
    table["score"] = sum(comp_weights[c] * table[f"score_{c}"] for c in COMPONENTS)
    _impute_helping(table, rows, comp_weights)
    for col in ["score", *score_cols]:
        table[col] = table[col].astype(float).round(4)
    table = table.rename_axis("person_id").reset_index()
    table = table.sort_values(["score", "n_events", "person_id"], ascending=[False, False, True],
                              kind="mergesort")
    for col in ("first_year", "last_year"):
        table[col] = table[col].astype("Int64")
    logger.info("rank: %d people scored", len(table))
    return table.drop(columns=["roles_raw", "helping_raw"]).reset_index(drop=True)


def _counts(rows: pd.DataFrame, program: pd.DataFrame) -> pd.DataFrame:
    """Per person (sorted by id): the counts of :func:`rank_people`'s result, with
    ``roles_raw`` (best role weight per event, averaged) and ``helping_raw`` (events with a
    helping signal). Events, years, associations and organizations are counted on `program`,
    the rows that are not honours."""
    people = pd.Index(sorted(set(rows["person_id"])), name="person_id")
    grouped = rows.groupby("person_id", sort=True)
    on_programs = program.groupby("person_id", sort=True)
    per_event = rows.groupby(["person_id", "event_key"], sort=True)
    table = pd.DataFrame({
        "n_events": on_programs["event_key"].nunique(),
        "n_years": on_programs["_year"].nunique(),
        "n_associations": distinct_count(program["person_id"], program["association"]),
        "n_orgs": distinct_count(program["person_id"], program["org_id"]),
        "n_honours": rows[rows["_honour"]].drop_duplicates(
            ["person_id", "award", "_year"]).groupby("person_id").size(),
        "first_year": grouped["_year"].min(),
        "last_year": grouped["_year"].max(),
        "years": joined_years(rows["person_id"], rows["_year"]),
        "roles_raw": per_event["_role_w"].max().groupby(level=0).mean(),
        "helping_raw": per_event["_helping"].any().groupby(level=0).sum(),
    }).reindex(people)
    for col in ("n_events", "n_years", "n_associations", "n_orgs", "n_honours"):
        table[col] = table[col].fillna(0).astype(int)
    return table


def _impute_helping(table: pd.DataFrame, rows: pd.DataFrame, comp_weights: dict) -> None:
    """Fill in `table`'s ``score_helping`` and ``score`` (in place) where helping cannot be shown.

    Helping a source cannot show is not held against its people, nor handed to them: when
    none of a person's associations records committee, board or award roles (FOSDEM lists
    only speakers), their helping is imputed as the median helping of people who recur as
    often at associations that do record it (issue 6). With no such association at all,
    helping is left out and the other weights are scaled up to the same total.
    """
    shown = _helping_shown(rows).reindex(table.index).fillna(False).astype(bool)
    total = sum(comp_weights.values())
    rest = total - comp_weights["helping"]
    if (~shown).any() and shown.any():
        bucket = table["n_events"].clip(upper=4)
        typical = table.loc[shown, "score_helping"].groupby(bucket[shown]).median()
        fill = bucket[~shown].map(typical).fillna(0.0)  # no peers recur as often: no evidence
        table.loc[~shown, "score_helping"] = table.loc[~shown, "score_helping"].combine(
            fill, max)
        table["score"] = sum(comp_weights[c] * table[f"score_{c}"] for c in COMPONENTS)
    elif (~shown).any() and rest > 0:
        table["score"] = (table["score"] - comp_weights["helping"] * table["score_helping"]) * (
            total / rest)


def _helping_shown(rows: pd.DataFrame) -> pd.Series:
    """Per person: whether any of their associations' documents record service (committee,
    board or award roles), so that its absence says something."""
    service = rows["effective_role"].isin((*SERVICE_ROLES, "award_recipient"))
    showing = set(rows.loc[service, "association"])
    return rows["association"].isin(showing).groupby(rows["person_id"]).any()


def _coverage(rows: pd.DataFrame, weights: dict) -> pd.Series:
    """Best share, over associations, of the association's programs the person appears in.

    A program is an event naming at least ``program_min_people`` people (an award year with two
    recipients is not one). Only people at two or more programs of the association count, so
    the one program of a one-year association gives nobody coverage.
    """
    size = rows.groupby("event_key")["person_id"].transform("nunique")
    programs = rows[size >= int(weights.get("program_min_people", 20))]
    if programs.empty:
        return pd.Series(dtype=float)
    per_assoc = programs.groupby("association")["event_key"].nunique()
    attended = programs.groupby(["person_id", "association"])["event_key"].nunique()
    share = attended / per_assoc.reindex(attended.index.get_level_values(1)).to_numpy()
    # Two programs do not tell a regular from a coincidence: the count says as much already.
    # Coverage speaks from the third program on, each further one halving the doubt (issue 21:
    # two of a meetup's two programs outranked four of SIGCSE's six): 3 weigh 0.5, 4 0.75.
    share = share * _saturate(attended - 2)
    return share.groupby(level=0).max()


def event_restart_pagerank(rows: pd.DataFrame, person_ids: pd.Index) -> pd.Series:
    """PageRank on the person–event graph restarting at events by the root of their size; 0..1.

    The bipartite graph is never projected onto people (DESIGN §5). Restarting at all nodes
    makes the score track raw degree; restarting at every event equally lets a 10-person
    workshop outweigh a conference. The square root sits between: one of 600 speakers gets
    less than one of 20, and people at several events collect from each.
    """
    edges = rows.groupby(["person_id", "event_key"], sort=True)["_role_w"].max()
    if edges.empty:
        return pd.Series(0.0, index=person_ids)
    people = edges.index.get_level_values(0).astype(str)
    events = edges.index.get_level_values(1).astype(str)
    # Nodes numbered as networkx would number them: in order of first appearance on the edges.
    nodes = pd.Index(pd.unique(np.column_stack(
        ["person:" + people.to_numpy(dtype=object), "event:" + events.to_numpy(dtype=object)]
    ).ravel()))
    u = nodes.get_indexer("person:" + people.to_numpy(dtype=object))
    v = nodes.get_indexer("event:" + events.to_numpy(dtype=object))
    weight = edges.to_numpy(dtype=float)
    is_event = np.zeros(len(nodes), dtype=bool)
    is_event[v] = True
    degree = np.bincount(np.concatenate([u, v]), minlength=len(nodes))
    restart = np.where(is_event, np.sqrt(degree), 0.0)
    scores = _pagerank(np.concatenate([u, v]), np.concatenate([v, u]),
                       np.concatenate([weight, weight]), len(nodes), restart)
    by_node = dict(zip(nodes, scores, strict=True))
    values = pd.Series([by_node.get(f"person:{p}", 0.0) for p in person_ids], index=person_ids,
                       dtype=float)
    top = values.max()
    return values / top if top > 0 else values


def _pagerank(rows: np.ndarray, cols: np.ndarray, weights: np.ndarray, n: int,
              restart: np.ndarray, *, alpha: float = 0.85, max_iter: int = 100,
              tol: float = 1.0e-6) -> np.ndarray:
    """Personalized PageRank by power iteration over a sparse matrix, as networkx's
    `pagerank` (scipy variant) computes it, without building a networkx graph: at a million
    appearances the graph object, not the iteration, was the cost."""
    from scipy import sparse

    matrix = sparse.csr_array(sparse.coo_array((weights, (rows, cols)), shape=(n, n)))
    out = np.asarray(matrix.sum(axis=1)).ravel()
    inverse = np.zeros(n)
    inverse[out != 0] = 1.0 / out[out != 0]
    matrix = sparse.csr_array(sparse.diags_array(inverse) @ matrix)
    p = restart / restart.sum()
    dangling = np.where(out == 0)[0]
    x = np.repeat(1.0 / n, n)
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ matrix + x[dangling].sum() * p) + (1 - alpha) * p
        if np.absolute(x - last).sum() < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)


def _topic_word(word: str) -> str:
    """A topic word cut to its stem, so that `careers` finds "Career day" and `mentoring`
    finds "Mentorship" (a word start is matched, so the stem reaches every ending)."""
    for suffix in ("ing", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def topic_pattern(topic: str) -> list[list[re.Pattern[str]]]:
    """`topic`'s comma-separated phrases, each a list of word-start patterns (all must match)."""
    return [[re.compile(rf"\b{re.escape(_topic_word(w))}", re.I) for w in phrase.split()]
            for phrase in topic.lower().split(",") if phrase.split()]


def topic_matches(rows: pd.DataFrame, topic: str) -> dict[str, list[dict]]:
    """What of each person's own record matches `topic`: their sessions (talk or session
    titles), awards and printed job titles. One dict per distinct matched text and event
    (``text``, ``what``: session/award/title, ``association``, ``event``, ``year``,
    ``event_key``), in the order of time; people with no match are absent.

    `rows` are :func:`prepare_rows`'s. A phrase matches a text containing all its words at
    word starts ("machine learning, careers": either phrase); words are cut to their stem.

    >>> rows = pd.DataFrame({"person_id": ["a", "a", "b"], "session": ["Career paths", "", "ML"],
    ...     "award": ["", "Mentoring award", ""], "title": ["", "", ""],
    ...     "association": ["acm"] * 3, "event": [""] * 3, "year": [2020, 2021, 2020],
    ...     "event_key": ["acm 2020", "acm 2021", "acm 2020"]})
    >>> [m["text"] for m in topic_matches(rows, "careers, mentoring")["a"]]
    ['Career paths', 'Mentoring award']
    """
    phrases = topic_pattern(topic)
    if not phrases or rows.empty:
        return {}
    found: dict[str, list[dict]] = {}
    seen: set[tuple] = set()
    columns = [c for c in ("session", "award", "title") if c in rows.columns]
    ordered = rows.assign(sort_year=pd.to_numeric(rows["year"], errors="coerce")).sort_values(
        "sort_year", na_position="first", kind="stable")
    for what in columns:
        distinct = ordered[what].fillna("").astype(str)
        codes, values = pd.factorize(distinct)
        matched = [bool(v) and any(all(p.search(v) for p in phrase) for phrase in phrases)
                   for v in values.tolist()]
        hits = pd.Series([matched[c] for c in codes], index=ordered.index, dtype=bool)
        for row in ordered[hits].itertuples(index=False):
            text = str(getattr(row, what)).strip()
            key = (row.person_id, text.lower(), row.event_key)
            if key in seen:
                continue
            seen.add(key)
            found.setdefault(row.person_id, []).append(dict(
                text=text, what=what, association=row.association, event=row.event,
                year=row.year, event_key=row.event_key, sort_year=row.sort_year))
    for matches in found.values():
        matches.sort(key=lambda m: (pd.isna(m["sort_year"]), m["sort_year"]))
    return found


def boost_by_topic(scores: pd.DataFrame, matches: dict[str, list[dict]], *, weights: dict
                   ) -> pd.DataFrame:
    """`scores` of the people `matches` names, boosted: ``score_topic = 1 - 0.5 ** n`` over
    the ``n`` distinct events and award years where something of theirs matched, and
    ``score = score * (1 + components.topic * score_topic)``. A boost on top of recurrence,
    not a replacement (issue 21): with the default 0.5, one match multiplies by 1.25 and
    many by at most 1.5, so a one-time speaker must match much better than a regular to
    outrank them. Best first again.

    >>> scores = pd.DataFrame({"person_id": ["reg", "once", "none"], "score": [0.5, 0.3, 0.9],
    ...                        "n_events": [5, 1, 9]})
    >>> m = {"reg": [{"event_key": "a 2020"}], "once": [{"event_key": "a 2021"}] * 1}
    >>> boost_by_topic(scores, m, weights={})[["person_id", "score", "score_topic"]].values.tolist()
    [['reg', 0.625, 0.5], ['once', 0.375, 0.5]]
    """
    share = float(weights.get("components", {}).get("topic", 0.5))
    units = {pid: len({m["event_key"] for m in found}) for pid, found in matches.items()}
    out = scores[scores["person_id"].isin(set(units))].copy()
    out["score_topic"] = _saturate(out["person_id"].map(units).fillna(0)).round(4)
    out["score"] = (out["score"] * (1 + share * out["score_topic"])).round(4)
    return out.sort_values(["score", "n_events", "person_id"], ascending=[False, False, True],
                           kind="mergesort").reset_index(drop=True)

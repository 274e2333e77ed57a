"""Person matching: group appearances into people with blocking and log-odds evidence.

A hand-written matcher rather than Splink or dedupe: the evidence that matters here is relational
(co-speakers in one session, one employer at one event, a source id inside one document) and the
constraints are hard (two different source ids in one document are two people), which a
pairwise-comparison library cannot express without the same code around it; there is no labelled
training set for dedupe's active learning; and both would add heavy dependencies (DuckDB/Spark,
or a C extension) for a few thousand comparisons.

How it works, in three passes over the appearances (cost about linear in their number):

1. *Seeds* — appearances that are surely one person: the same full name with the same
   organization; the same name twice in one document; the same source id (scoped by
   association) on compatible names.
2. *Candidates* — seeds sharing a blocking key (a surname part with a first initial, nickname
   initials included) whose names may match (:func:`pipeline.text.names.name_relation`).
3. *Greedy merge* — candidate pairs are scored in log-odds (name variant penalty, name commonness,
   shared or conflicting organizations, co-speakers, source ids, associations and their fields)
   and merged best first while the score is positive and no hard constraint breaks. Co-speakers
   are the names of one's session and of one's talk (its title, else the printed line naming
   its authors), or in a block too big to say (a poster session) the names printed beside one
   (:func:`co_speakers`). The evidence, its weights
   and the constraints are in :mod:`pipeline.stages.evidence`; this module does the passes.
"""

from __future__ import annotations

import itertools
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse import csgraph

from pipeline.stages.evidence import Commonness, Fields, Seed, conflicts, score_pair
from pipeline.text.names import ParsedName, first_name_relation, name_relation

logger = logging.getLogger(__name__)

TALK_ROLES = ("speaker", "keynote", "panelist", "moderator", "chair")
MAX_SESSION = 20           # bigger "sessions" (committee lists) say little about who knows whom
NEIGHBOURS = 3             # names either side of one in a bigger session: its co-authors
MAX_BLOCK = 400            # block larger than this: compare only names with the same key


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
        return ra


def cluster_people(mentions: pd.DataFrame, names: Sequence[ParsedName]) -> np.ndarray:
    """A cluster number per mention: equal numbers are the same person (the number is the
    position of the cluster's first mention).

    `mentions` has one row per person appearance: ``name`` (a position in `names`, the parsed
    names) and, each optional, ``org`` (an organization key), ``doc``, ``sid`` (a source
    id scoped by association), ``association``, ``session`` ('' for none), ``role``,
    ``topic`` (title and session, for :class:`Fields`) and ``year`` (NaN for none). The
    work is done on integer codes of these columns; Python objects are built only for the
    seeds that have a candidate pair.

    >>> from pipeline.text.names import parse_name as p
    >>> mentions = pd.DataFrame({"name": [0, 1, 0], "org": ["acme", "", "globex"],
    ...                          "doc": ["d1", "d2", "d3"], "year": [2020, 2021, 2020]})
    >>> cluster_people(mentions, [p("Jane Doe"), p("DOE, Jane")]).tolist()
    [0, 0, 2]
    """
    n = len(mentions)
    if not n:
        return np.zeros(0, dtype=np.int64)
    columns = {col: _text_column(mentions, col)
               for col in ("org", "doc", "sid", "association", "session", "talk")}
    name_code = mentions["name"].to_numpy(dtype=np.int64)
    full_key_of_name, full_keys = pd.factorize(pd.Series([nm.full_key for nm in names],
                                                         dtype=object))
    key_code = full_key_of_name[name_code]

    # 1. seeds: connected components of the rows that are surely one person.
    seed = _seeds(key_code, name_code, names, columns)
    n_seeds = int(seed.max()) + 1
    reps = _representatives(seed, key_code, name_code, full_keys, names, n_seeds)

    # 2. candidates
    short_key_of_name = pd.factorize(pd.Series([nm.key for nm in names], dtype=object))[0]
    short_code = short_key_of_name[name_code]
    last_row = np.unique(short_code[::-1], return_index=True)[1]
    commonness = Commonness(names[name_code[n - 1 - i]] for i in last_row)
    blocks: dict[str, list[int]] = defaultdict(list)
    for s, rep in enumerate(reps):
        for bkey in rep.block_keys():
            blocks[bkey].append(s)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            by_key: dict[str, list[int]] = defaultdict(list)
            for s in members:
                by_key[reps[s].key].append(s)
            groups = list(by_key.values())
        else:
            groups = [members]
        for group in groups:
            _add_pairs(group, reps, pairs)

    # 3. score and merge
    seeds = _build_seeds(sorted({s for pair in pairs for s in pair}), seed, name_code, names,
                         short_code, mentions, columns)
    relation_cache: dict[tuple[str, str], float | None] = {}
    fields = None
    if "topic" in mentions and any(len(seeds[x].assocs) for x in seeds):
        name_words = frozenset(w for nm in names for w in (nm.first, *nm.last_parts))
        fields = Fields(columns["association"], _text_column(mentions, "topic"), name_words)
    scored = []
    for a, b in pairs:
        score = score_pair(seeds[a], seeds[b], commonness, relation_cache, fields)
        if score is not None and score > 0:
            scored.append((-score, min(seeds[a].names), min(seeds[b].names), a, b))
    scored.sort()
    uf = _UnionFind(n_seeds)
    merged = dict(seeds)
    for _, _, _, a, b in scored:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb or conflicts(merged[ra], merged[rb], relation_cache, commonness):
            continue
        if (ra, rb) != (a, b) and not (score_pair(merged[ra], merged[rb], commonness,
                                                  relation_cache, fields) or 0) > 0:
            continue  # what was true of the seeds is no longer true of their clusters
        if merged[ra].n < merged[rb].n:
            ra, rb = rb, ra
        merged[ra].absorb(merged.pop(rb))
        uf.parent[rb] = ra
    cluster = np.arange(n_seeds)
    for s in seeds:
        cluster[s] = uf.find(s)
    labels = cluster[seed]
    distinct, first_mention = np.unique(labels, return_index=True)
    logger.debug("matching: %d mentions, %d seeds, %d candidate pairs, %d merges scored",
                 n, n_seeds, len(pairs), len(scored))
    return first_mention[np.searchsorted(distinct, labels)]


def _text_column(mentions: pd.DataFrame, name: str) -> np.ndarray:
    if name not in mentions:
        return np.full(len(mentions), "", dtype=object)
    return mentions[name].fillna("").astype(str).to_numpy(dtype=object)


def _seeds(key_code: np.ndarray, name_code: np.ndarray, names: Sequence[ParsedName],
           columns: dict[str, np.ndarray]) -> np.ndarray:
    """Seed number per mention, numbered in order of first mention. A seed joins the mentions
    of one full name with one organization; of one full name in one document (those without an
    organization, when the document prints it with two); and of one source id, on the names
    related to its most printed one."""
    n = len(key_code)
    org_code, orgs = pd.factorize(columns["org"])
    has_org = columns["org"] != ""
    doc_code, docs = pd.factorize(columns["doc"])
    sources, targets = [], []

    def join_to_first(group: np.ndarray, rows: np.ndarray) -> None:
        """An edge from the first of `rows` in each group to every other row of it."""
        _, first, inverse = np.unique(group, return_index=True, return_inverse=True)
        sources.append(rows[first][inverse])
        targets.append(rows)

    rows = np.flatnonzero(has_org)
    join_to_first(_pair_code(key_code[rows], org_code[rows], len(orgs)), rows)
    name_doc = pd.factorize(_pair_code(key_code, doc_code, len(docs)))[0]
    # Documents printing the name with two organizations: only its rows without one join.
    name_doc_org = np.unique(_pair_code(name_doc[has_org], org_code[has_org], len(orgs)))
    groups, n_orgs = np.unique(name_doc_org // len(orgs), return_counts=True)
    two_orgs = np.zeros(n, dtype=bool)
    two_orgs[groups[n_orgs > 1]] = True
    rows = np.flatnonzero(~two_orgs[name_doc] | ~has_org)
    join_to_first(name_doc[rows], rows)
    by_sid: dict[str, list[int]] = defaultdict(list)
    for i in np.flatnonzero(columns["sid"] != "").tolist():
        by_sid[columns["sid"][i]].append(i)
    for members in by_sid.values():
        head = Counter(key_code[members].tolist()).most_common(1)[0][0]
        anchor = next(i for i in members if key_code[i] == head)
        related = [i for i in members if key_code[i] == head
                   or name_relation(names[name_code[anchor]], names[name_code[i]]) is not None]
        sources.append(np.full(len(related), anchor))
        targets.append(np.array(related, dtype=np.int64))
    graph = sparse.coo_array((np.ones(sum(len(t) for t in targets)),
                              (np.concatenate(sources), np.concatenate(targets))), shape=(n, n))
    components = csgraph.connected_components(graph, directed=False)[1]
    return pd.factorize(components)[0]


def _pair_code(a: np.ndarray, b: np.ndarray, size: int) -> np.ndarray:
    """One integer per (a, b) pair of non-negative codes, b below `size`."""
    return a.astype(np.int64) * size + b


def _representatives(seed: np.ndarray, key_code: np.ndarray, name_code: np.ndarray,
                     full_keys: pd.Index, names: Sequence[ParsedName],
                     n_seeds: int) -> list[ParsedName]:
    """Per seed, :meth:`Seed.rep`: its most printed full key (ties: the first in sorted
    order), parsed as at the seed's first mention of that key."""
    pair, first, count = np.unique(_pair_code(seed, key_code, len(full_keys)),
                                   return_index=True, return_counts=True)
    seed_of, key_of = pair // len(full_keys), pair % len(full_keys)
    key_rank = np.argsort(np.argsort(full_keys.to_numpy(dtype=str), kind="stable"))
    order = np.lexsort((key_rank[key_of], -count, seed_of))
    best = order[np.unique(seed_of[order], return_index=True)[1]]
    rows = first[best]
    return [names[c] for c in name_code[rows].tolist()]


def _build_seeds(wanted: list[int], seed: np.ndarray, name_code: np.ndarray,
                 names: Sequence[ParsedName], short_code: np.ndarray, mentions: pd.DataFrame,
                 columns: dict[str, np.ndarray]) -> dict[int, Seed]:
    """The :class:`Seed` of each wanted seed number, from its mentions in printed order.

    Co-speakers are the other names (as codes of :attr:`ParsedName.key`) printed in the same
    session or talk of the same document (:func:`co_speakers`)."""
    rows = np.flatnonzero(np.isin(seed, wanted))
    rows = rows[np.argsort(seed[rows], kind="stable")]
    cospeakers = co_speakers(mentions, names, rows, short_code, columns)
    years = mentions["year"] if "year" in mentions else pd.Series(np.nan, index=mentions.index)
    year = pd.to_numeric(years, errors="coerce").to_numpy(dtype=float)[rows]
    seeds: dict[int, Seed] = {}
    picked = zip(rows.tolist(), seed[rows].tolist(), [names[c] for c in name_code[rows].tolist()],
                 year.tolist(),
                 *(columns[col][rows].tolist() for col in ("org", "doc", "sid", "association")),
                 strict=True)
    for row, s, name, y, org, doc, sid, association in picked:
        built = seeds.get(s)
        if built is None:
            built = seeds[s] = Seed()
        key = name.full_key
        y = None if math.isnan(y) else int(y)
        built.names[key] += 1
        built.parsed.setdefault(key, name)
        built.n += 1
        if y is not None:
            built.years.add(y)
        if org:
            built.org_years[org].add(y)
            built.doc_orgs[doc].add(org)
        if association:
            built.assocs.add(association)
        built.docs[doc].add(key)
        if sid:
            built.sids.add(sid)
            built.doc_sids[doc].add(sid)
        built.cospeakers |= cospeakers.get(row, set())
    return seeds


def co_speakers(mentions: pd.DataFrame, names: Sequence[ParsedName], rows: np.ndarray,
                codes: np.ndarray, columns: dict[str, np.ndarray] | None = None
                ) -> dict[int, set[int]]:
    """The `codes` (of names, or of people) that each of `rows` spoke beside: in its session or
    its talk (``session`` and ``talk`` of `mentions`, see :func:`_co_speakers`), as a talk role
    (`TALK_ROLES`, when mentions have a ``role``: sitting on one board or committee, or winning
    one year's awards, is no co-authorship)."""
    if columns is None:
        columns = {col: _text_column(mentions, col) for col in ("doc", "session", "talk")}
    talks = np.ones(len(mentions), dtype=bool)
    if "role" in mentions:
        talks = np.isin(_text_column(mentions, "role"), TALK_ROLES)
    doc_code = pd.factorize(columns["doc"])[0]
    name_code = mentions["name"].to_numpy(dtype=np.int64)

    def surnames(group_rows: np.ndarray) -> list[str]:
        return [names[c].last_parts[-1] if names[c].last_parts else ""
                for c in name_code[group_rows].tolist()]

    found: dict[int, set[int]] = defaultdict(set)
    for column in ("session", "talk"):
        for row, others in _co_speakers(columns[column], doc_code, talks, codes, surnames, rows):
            found[row] |= others
    return found


def _co_speakers(group: np.ndarray, doc_code: np.ndarray, talks: np.ndarray,
                 codes: np.ndarray, surnames, rows: np.ndarray):
    """(row, the names it shares a session or a talk with) for each of `rows` with a talk role.

    A group (one `group` value of one document) of at most `MAX_SESSION` distinct names is all
    of its names' co-speakers. In a bigger one (a poster session, a workshop's papers printed as one
    block) a name's co-speakers are the `NEIGHBOURS` names printed either side of it, which hold
    its paper's co-authors, unless the group is printed in order of surname (an index, where
    neighbours are alphabet, not acquaintance).
    """
    code, values = pd.factorize(group)
    pair = _pair_code(doc_code, code, len(values))
    pair[(group == "") | ~talks] = -1
    wanted = np.unique(pair[rows])
    members = np.flatnonzero(np.isin(pair, wanted[wanted >= 0]))  # in printed order
    if not len(members):
        return
    members = members[np.argsort(pair[members], kind="stable")]
    starts = np.flatnonzero(np.r_[True, pair[members][1:] != pair[members][:-1]])
    where: dict[int, tuple[int, int]] = {}
    for begin, end in zip(starts.tolist(), [*starts[1:].tolist(), len(members)], strict=True):
        where[int(pair[members[begin]])] = (begin, end)
    small: dict[int, set[int]] = {}
    index: dict[int, bool] = {}
    for row, g, code in zip(rows.tolist(), pair[rows].tolist(), codes[rows].tolist(),
                            strict=True):
        if g < 0:
            continue
        begin, end = where[g]
        if g not in small:
            small[g] = set(codes[members[begin:end]].tolist())
        if len(small[g]) <= MAX_SESSION:
            yield row, small[g] - {code}
            continue
        if g not in index:
            index[g] = _alphabetical(surnames(members[begin:end]))
        if not index[g]:
            at = begin + int(np.searchsorted(members[begin:end], row))
            near = members[max(begin, at - NEIGHBOURS):min(end, at + NEIGHBOURS + 1)]
            yield row, set(codes[near].tolist()) - {codes[row]}


def _alphabetical(surnames: list[str]) -> bool:
    """Whether names are printed in order of surname (most neighbours in order)."""
    in_order = sum(b >= a for a, b in itertools.pairwise(surnames))
    return in_order >= 0.8 * (len(surnames) - 1)


def _add_pairs(group: list[int], reps: list[ParsedName], pairs: set[tuple[int, int]]) -> None:
    """The pairs of a block whose first names may stand for one person.

    Members are bucketed by first name and nickname: two buckets whose first names cannot be
    one person's (`first_name_relation` is None) and neither of which begins the other (where
    `Mary Anne` / `Maryanne` may still join) give no pair, since their name relation is None
    and they could never score. The pairs left are exactly those that can.
    """
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for s in group:
        rep = reps[s]
        buckets[(rep.first, rep.nickname)].append(s)
    keys = list(buckets)
    for i, (fa, na) in enumerate(keys):
        members = buckets[(fa, na)]
        others = [b for fb, nb in keys[i + 1:]
                  if fa.startswith(fb) or fb.startswith(fa)
                  or first_name_relation(fa, na, fb, nb) is not None
                  for b in buckets[(fb, nb)]]
        for pos, a in enumerate(members):
            for b in [*members[pos + 1:], *others]:
                pairs.add((a, b) if a < b else (b, a))


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
   shared or conflicting organizations, co-speakers, source ids, associations) and merged best
   first while the score is positive and no hard constraint breaks.
"""

from __future__ import annotations

import ast
import importlib.util
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz.distance import Levenshtein
from scipy import sparse
from scipy.sparse import csgraph

from pipeline.text.lexicon import program_words
from pipeline.text.namefreq import bearers
from pipeline.text.names import ParsedName, first_name_relation, fold, name_relation

logger = logging.getLogger(__name__)

BIAS = 1.0                 # benefit of the doubt for a compatible name with no conflicting evidence
PRIOR_CLIP = (-3.0, 3.0)   # name commonness term: -ln(expected namesakes)
SHARED_ORG = 4.0
COMPATIBLE_ORG = 1.0       # "University of Toronto" / "University of Toronto Mississauga"
OTHER_ORG_SAME_YEAR = -4.0
OTHER_ORG_OTHER_YEAR = -1.5  # an employer change over the years
SHARED_COSPEAKER = 3.0
SHARED_SOURCE_ID = 6.0
SHARED_ASSOCIATION = 0.5
# Another association: -2, calibrated on the built-on half of tests/golden/namesakes (at -1,
# 13 of its 34 namesake pairs merged, at -2 9, and of its 45 same-person pairs, 31 across
# associations, one split either way); -1 again when both print programs of one field
# (cosine >= FIELD_SAME), whose people cross over more. The corpus holds no two associations of
# one field to calibrate FIELD_SAME on: its closest pair, SIGCSE and FOSDEM, is at 0.23.
OTHER_ASSOCIATION = -2.0
SAME_FIELD = 1.0
FIELD_SAME = 0.3
NOTHING_SHARED = -1.5     # other employers and other associations: only the name links them
OTHER_FIELD = -3.0         # and their programs share almost no words: unrelated fields
FIELD_RELATED = 0.05       # cosine of two associations' topic words from which they are related
FIELD_MIN_WORDS = 30       # fewer title words than this say nothing of a field
FIELD_SAMPLE = 3000        # distinct titles read per association for its vocabulary
SAME_DOC_OTHER_SPELLING = -2.0
# People who speak, chair or win awards at professional events worldwide, roughly: a corpus of
# N people is taken to be drawn from them, so it holds N / PROFESSIONALS of a name's bearers.
PROFESSIONALS = 1e8
RARE_NAME_PRIOR = 2.5       # -ln(expected namesakes): a name this rare is one person
SPELLING_VARIANT = -1.5    # name relations this weak (short forms, typos) pay for common surnames
TALK_ROLES = ("speaker", "keynote", "panelist", "moderator", "chair")
MAX_SESSION = 20           # bigger "sessions" (committee lists) say little about who knows whom
MAX_BLOCK = 400            # block larger than this: compare only names with the same key


@dataclass
class _Seed:
    names: Counter = field(default_factory=Counter)        # full_key -> appearances
    parsed: dict = field(default_factory=dict)             # full_key -> ParsedName
    org_years: dict = field(default_factory=lambda: defaultdict(set))
    years: set = field(default_factory=set)
    assocs: set = field(default_factory=set)
    docs: dict = field(default_factory=lambda: defaultdict(set))       # doc -> full keys
    doc_orgs: dict = field(default_factory=lambda: defaultdict(set))
    doc_sids: dict = field(default_factory=lambda: defaultdict(set))
    sids: set = field(default_factory=set)
    cospeakers: set = field(default_factory=set)          # codes of co-speakers' name keys
    n: int = 0

    _rep: ParsedName | None = None

    def rep(self) -> ParsedName:
        if self._rep is None:
            key = min(self.names, key=lambda k: (-self.names[k], k))
            self._rep = self.parsed[key]
        return self._rep

    def absorb(self, other: _Seed) -> None:
        self._rep = None
        self.names.update(other.names)
        self.parsed.update(other.parsed)
        for org, years in other.org_years.items():
            self.org_years[org] |= years
        self.years |= other.years
        self.assocs |= other.assocs
        for target, source in ((self.docs, other.docs), (self.doc_orgs, other.doc_orgs),
                               (self.doc_sids, other.doc_sids)):
            for doc, values in source.items():
                target[doc] |= values
        self.sids |= other.sids
        self.cospeakers |= other.cospeakers
        self.n += other.n


# Words that say what kind of body an organization is, not which one.
GENERIC_ORG_WORDS = frozenset(
    "university universitat universite universidad college institute of the at and for in school "
    "department dept faculty center centre lab laboratory inc llc ltd corp company".split()
)


def _org_words(key: str) -> frozenset[str]:
    return frozenset(w[:-1] if len(w) > 4 and w.endswith("s") else w
                     for w in key.split() if w not in GENERIC_ORG_WORDS)


@lru_cache(maxsize=200_000)
def orgs_compatible(a: str, b: str) -> bool:
    """Whether two organization keys may name one employer: equal, one's distinctive words
    inside the other's (`towson` / `towson university`, `university of toronto` /
    `university of toronto mississauga`), or a typo apart (`macalester` / `mcalester`).

    >>> orgs_compatible("university of california", "university of california berkeley")
    True
    >>> orgs_compatible("duke university", "university of toronto")
    False
    >>> orgs_compatible("uc riverside zybooks", "zybooks wiley university of california riverside")
    True
    """
    if a == b:
        return True
    wa, wb = _org_words(a), _org_words(b)
    if wa and wb and len(wa & wb) * 2 >= min(len(wa), len(wb)):
        return True
    if _initials_of(a, b) or _initials_of(b, a):
        return True
    return min(len(a), len(b)) >= 8 and Levenshtein.distance(a, b) <= 2


def _initials_of(short: str, long: str) -> bool:
    """`uc` / `university of chicago`, `hit scir` / `harbin institute of technology`: a word of
    `short` spells the initials of `long` (joining words skipped or not)."""
    words = long.split()
    if len(words) < 2:
        return False
    spelled = {"".join(w[0] for w in words),
               "".join(w[0] for w in words if w not in ("of", "the", "at", "and", "for", "in"))}
    return any(2 <= len(w) <= 6 and w in spelled for w in short.split())


def _any_compatible(orgs_a, orgs_b) -> bool:
    return any(orgs_compatible(*sorted((x, y))) for x in orgs_a for y in orgs_b)


_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Function words of the languages spaCy knows best, and the words of any program.

    spaCy's stop-word lists are read as text (the words are the string constant of each
    list's file): importing them imports spaCy, seconds that resolving does not otherwise
    spend.
    """
    words: set[str] = set(program_words())
    spec = importlib.util.find_spec("spacy")
    root = Path(spec.origin).parent if spec and spec.origin else None
    for lang in ("en", "fr", "de", "es", "it", "pt", "nl"):
        path = root / "lang" / lang / "stop_words.py" if root else None
        if path is None or not path.is_file():
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                words |= {fold(w) for w in node.value.split()}
    return frozenset(words)


class Fields:
    """How related the fields of two associations are, from the words of their programs.

    Each association is a TF-IDF vector of the words of its talk and session titles (days,
    rooms, function words and the words of people's names left out); two associations are of
    related fields when the cosine of their vectors reaches `FIELD_RELATED`. An association
    with fewer than `FIELD_MIN_WORDS` title words is related to every other: nothing is known
    against it.

    >>> fields = Fields(["nlp", "nlp", "power", "law"],
    ...                 ["Neural parsing of dependency trees", "Parsing low-resource languages",
    ...                  "Pulsed power switching in plasma", "Dependency parsing for legal texts"],
    ...                 min_words=1)
    >>> fields.related({"nlp"}, {"power"}), fields.related({"nlp"}, {"law"})
    (False, True)
    """

    def __init__(self, associations: Sequence[str], topics: Sequence[str],
                 name_words: frozenset[str] = frozenset(), *, min_words: int = FIELD_MIN_WORDS):
        pairs = pd.DataFrame({"association": associations, "topic": topics}).drop_duplicates()
        pairs = pairs[(pairs["association"] != "") & (pairs["topic"].str.strip() != "")]
        pairs = pairs.groupby("association", sort=False).head(FIELD_SAMPLE)
        stop = _stop_words() | name_words
        counts: dict[str, Counter] = defaultdict(Counter)
        for association, topic in zip(pairs["association"].tolist(), pairs["topic"].tolist(),
                                      strict=True):
            counts[association].update(w for w in _TOPIC_WORD.findall(fold(topic))
                                       if w not in stop)
        counts = {a: words for a, words in counts.items()
                  if sum(words.values()) >= min_words}
        n = len(counts)
        df = Counter(w for words in counts.values() for w in words)
        self.vectors: dict[str, dict[str, float]] = {}
        for association, words in counts.items():
            vector = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1)
                      for w, c in words.items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            self.vectors[association] = {w: v / norm for w, v in vector.items()}
        self._cache: dict[tuple[str, str], float] = {}

    def similarity(self, a: str, b: str) -> float | None:
        """Cosine of the two associations' vectors; None when either has no titles."""
        if a not in self.vectors or b not in self.vectors:
            return None
        key = (a, b) if a <= b else (b, a)
        if key not in self._cache:
            va, vb = self.vectors[a], self.vectors[b]
            if len(va) > len(vb):
                va, vb = vb, va
            self._cache[key] = sum(v * vb.get(w, 0.0) for w, v in va.items())
        return self._cache[key]

    def same(self, assocs_a: set[str], assocs_b: set[str]) -> bool:
        """Whether some association of one side prints programs of the field of one of the
        other's (their cosine is at least FIELD_SAME)."""
        return any((self.similarity(a, b) or 0.0) >= FIELD_SAME
                   for a in assocs_a for b in assocs_b)

    def related(self, assocs_a: set[str], assocs_b: set[str]) -> bool:
        """Whether some association of one side is of a field related to one of the other's."""
        similarities = [self.similarity(a, b) for a in assocs_a for b in assocs_b]
        return any(s is None or s >= FIELD_RELATED for s in similarities)


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
               for col in ("org", "doc", "sid", "association", "session")}
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
    commonness = _Commonness(names[name_code[n - 1 - i]] for i in last_row)
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
        score = _score(seeds[a], seeds[b], commonness, relation_cache, fields)
        if score is not None and score > 0:
            scored.append((-score, min(seeds[a].names), min(seeds[b].names), a, b))
    scored.sort()
    uf = _UnionFind(n_seeds)
    merged = dict(seeds)
    for _, _, _, a, b in scored:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb or _conflict(merged[ra], merged[rb], relation_cache, commonness):
            continue
        if (ra, rb) != (a, b) and not (_score(merged[ra], merged[rb], commonness,
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
    """Per seed, :meth:`_Seed.rep`: its most printed full key (ties: the first in sorted
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
                 columns: dict[str, np.ndarray]) -> dict[int, _Seed]:
    """The :class:`_Seed` of each wanted seed number, from its mentions in printed order.

    Co-speakers are the other names (as codes of :attr:`ParsedName.key`) printed in the same
    session of the same document, for sessions of at most `MAX_SESSION` names. Only talk roles
    count (`TALK_ROLES`, when mentions have a ``role``): sitting on one board or committee, or
    winning one year's awards, is no co-authorship."""
    rows = np.flatnonzero(np.isin(seed, wanted))
    rows = rows[np.argsort(seed[rows], kind="stable")]
    session_code, session_names = pd.factorize(columns["session"])
    session = _pair_code(pd.factorize(columns["doc"])[0], session_code, len(session_names))
    session[columns["session"] == ""] = -1
    if "role" in mentions:
        session[~np.isin(_text_column(mentions, "role"), TALK_ROLES)] = -1
    wanted_sessions = np.unique(session[rows])
    in_session = np.flatnonzero(np.isin(session, wanted_sessions[wanted_sessions >= 0]))
    sessions: dict[int, set[int]] = defaultdict(set)
    for sess, code in zip(session[in_session].tolist(), short_code[in_session].tolist(),
                          strict=True):
        sessions[sess].add(code)
    years = mentions["year"] if "year" in mentions else pd.Series(np.nan, index=mentions.index)
    year = pd.to_numeric(years, errors="coerce").to_numpy(dtype=float)[rows]
    seeds: dict[int, _Seed] = {}
    picked = zip(seed[rows].tolist(), [names[c] for c in name_code[rows].tolist()],
                 short_code[rows].tolist(), year.tolist(), session[rows].tolist(),
                 *(columns[col][rows].tolist() for col in ("org", "doc", "sid", "association")),
                 strict=True)
    for s, name, short, y, sess, org, doc, sid, association in picked:
        built = seeds.get(s)
        if built is None:
            built = seeds[s] = _Seed()
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
        if sess >= 0:
            others = sessions[sess]
            if len(others) <= MAX_SESSION:
                built.cospeakers |= others - {short}
    return seeds


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


class _Commonness:
    """Expected number of different people printed with a name, from first and last name counts."""

    def __init__(self, names):
        self.first: Counter = Counter()
        self.initial: Counter = Counter()
        self.last: Counter = Counter()
        self.total = 0
        self._priors: dict[str, float] = {}
        for name in names:
            self.total += 1
            self.first[name.first] += 1
            self.initial[name.first[:1]] += 1
            for part in set(name.last_parts):
                self.last[part] += 1

    def surname(self, name: ParsedName) -> int:
        """Distinct printed names sharing the name's rarest surname part."""
        return min((self.last[p] for p in name.last_parts), default=self.total)

    def prior(self, name: ParsedName) -> float:
        """-ln(expected other people printed with this name): the larger of the corpus's
        own estimate and the world's (:func:`pipeline.text.namefreq.bearers`, scaled to a corpus
        of this many people drawn from `PROFESSIONALS`)."""
        cached = self._priors.get(name.full_key)
        if cached is not None:
            return cached
        first = self.initial[name.first[:1]] if name.is_initial else self.first[name.first]
        last = min((self.last[p] for p in name.last_parts), default=self.total)
        # Other people with this first name and this surname, smoothed: in a small corpus
        # every name looks unique, so the estimate must not run to zero.
        expected = (max(first - 1, 0) + 0.5) * (max(last - 1, 0) + 0.5) / max(self.total, 1)
        world = bearers(name.first, name.last_parts) * self.total / PROFESSIONALS
        prior = min(max(-math.log(max(expected, world)), PRIOR_CLIP[0]), PRIOR_CLIP[1])
        self._priors[name.full_key] = prior
        return prior


def _relation(a: ParsedName, b: ParsedName, cache: dict) -> float | None:
    key = (a.full_key, b.full_key) if a.full_key <= b.full_key else (b.full_key, a.full_key)
    if key not in cache:
        cache[key] = name_relation(a, b)
    return cache[key]


def _score(a: _Seed, b: _Seed, commonness: _Commonness, cache: dict,
           fields: Fields | None = None) -> float | None:
    name_a, name_b = a.rep(), b.rep()
    relation = _relation(name_a, name_b, cache)
    if relation is None:
        return None
    # The less specific of the two names sets the prior ("J. Smith" rather than "John Smith").
    score = BIAS + relation + min(commonness.prior(name_a), commonness.prior(name_b))
    if relation <= SPELLING_VARIANT and not (name_a.is_initial or name_b.is_initial):
        # "Zhonghua Li" / "Zhenghua Li", "Chris Lee" / "Christine Lee": a spelling variant of
        # the first name is as safe as the surname is rare.
        score -= math.log(max(commonness.surname(name_a), commonness.surname(name_b), 1))
    other_orgs = False
    if a.org_years and b.org_years:
        shared = a.org_years.keys() & b.org_years.keys()
        if shared:
            score += SHARED_ORG
        elif _any_compatible(a.org_years, b.org_years):
            score += COMPATIBLE_ORG
        else:
            other_orgs = True
            years_a = set().union(*a.org_years.values())
            years_b = set().union(*b.org_years.values())
            score += OTHER_ORG_SAME_YEAR if years_a & years_b else OTHER_ORG_OTHER_YEAR
    if a.cospeakers & b.cospeakers:
        score += SHARED_COSPEAKER
    if a.sids & b.sids:
        score += SHARED_SOURCE_ID
    if a.assocs and b.assocs:
        if a.assocs & b.assocs:
            score += SHARED_ASSOCIATION
        else:
            score += OTHER_ASSOCIATION + (NOTHING_SHARED if other_orgs else 0.0)
            if fields is not None and not fields.related(a.assocs, b.assocs):
                score += OTHER_FIELD
            elif fields is not None and fields.same(a.assocs, b.assocs):
                score += SAME_FIELD
    for doc in a.docs.keys() & b.docs.keys():
        if not a.docs[doc] & b.docs[doc]:
            score += SAME_DOC_OTHER_SPELLING
            break
    return score


def _conflict(a: _Seed, b: _Seed, cache: dict, commonness: _Commonness | None = None) -> bool:
    """Hard constraints: one document naming two different source ids or two employers, or
    names in the merged cluster that cannot all be one person (`John Smith` + `Jane Smith`).

    Two employers in one document do not forbid a merge when both sides print the same rare
    name: someone who moved that year (`Kathi Fisler, WPI` and `Kathi Fisler, Brown` in one
    year's accepted papers) is one person; two `Yang Liu`s stay two. Nor do they when the two
    share two or more co-speakers (a line that printed one affiliation for four authors).
    """
    small, large = (a, b) if len(a.docs) <= len(b.docs) else (b, a)
    # Namesakes almost never share two co-speakers; one person at two employers often does.
    shared_rare = len(a.cospeakers & b.cospeakers) >= 2 or commonness is not None and any(
        commonness.prior(a.parsed[key]) >= RARE_NAME_PRIOR
        and not set(a.parsed[key].last_parts) & _common_surnames()
        for key in a.parsed.keys() & b.parsed.keys()
    )
    for doc in small.docs.keys() & large.docs.keys():
        sids_a, sids_b = small.doc_sids.get(doc), large.doc_sids.get(doc)
        if sids_a and sids_b and not sids_a & sids_b:
            return True
        orgs_a, orgs_b = small.doc_orgs.get(doc), large.doc_orgs.get(doc)
        if orgs_a and orgs_b and not orgs_a & orgs_b and not _any_compatible(orgs_a, orgs_b) \
                and not shared_rare:
            return True
    names_a = sorted(a.parsed)[:12]
    names_b = sorted(b.parsed)[:12]
    return any(
        _relation(a.parsed[x], b.parsed[y], cache) is None for x in names_a for y in names_b
    )


@lru_cache(maxsize=1)
def _common_surnames() -> frozenset[str]:
    """Surnames so widespread that no corpus is large enough to call them rare."""
    text = resources.files("pipeline.text").joinpath("data/common_surnames.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))

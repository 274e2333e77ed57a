"""Evidence, in log-odds, that two seeds of the person matcher are one person; hard constraints.

:func:`pipeline.stages.matching.cluster_people` groups appearances into seeds (each a
:class:`Seed`) and scores the candidate pairs with :func:`score_pair`: name variant penalty,
name commonness (:class:`Commonness`), shared or conflicting organizations, co-speakers, source
ids, associations and how related their fields are (:class:`Fields`); across associations of
known, different fields a pair that only the name links is one person only if the name is rare
beyond the prior's clip (`NAME_ONLY_ACROSS`). :func:`conflicts` says when a merge must not happen
however high the score.
"""

from __future__ import annotations

import ast
import importlib.util
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
from rapidfuzz.distance import Levenshtein

from pipeline.text.lexicon import program_words
from pipeline.text.namefreq import bearers, common_surnames
from pipeline.text.names import ParsedName, fold, name_relation

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
# Only the name links two associations of known, different fields (no shared or compatible
# organization, co-speaker or source id): the name must then be rarer than the prior's clip says,
# by -NAME_ONLY_ACROSS, which was calibrated on the built-on half of tests/golden/namesakes (at
# -2.5 its 34 namesake pairs give 6 wrong merges against 9 without it, "Alan Lee", "James Cross"
# and "Christopher Clark" of ACL and SIGCSE among them, and its 45 same-person pairs 3 wrong
# splits against 2; -2.25 and -2.75 the same, -3.5 4 merges and 6 splits). RARITY_MAX bounds
# how much a name's rarity can say (a name no table knows is not proof of one person).
NAME_ONLY_ACROSS = -2.5
RARITY_MAX = 8.0
# People who speak, chair or win awards at professional events worldwide, roughly: a corpus of
# N people is taken to be drawn from them, so it holds N / PROFESSIONALS of a name's bearers.
PROFESSIONALS = 1e8
RARE_NAME_PRIOR = 2.5       # -ln(expected namesakes): a name this rare is one person
SPELLING_VARIANT = -1.5    # name relations this weak (short forms, typos) pay for common surnames


@dataclass
class Seed:
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

    def absorb(self, other: Seed) -> None:
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

    def other(self, assocs_a: set[str], assocs_b: set[str]) -> bool:
        """Whether the two sides' associations are known (each has its titles) and no two of
        them are of one field (cosine below FIELD_SAME)."""
        similarities = [self.similarity(a, b) for a in assocs_a for b in assocs_b]
        return all(s is not None and s < FIELD_SAME for s in similarities)

    def related(self, assocs_a: set[str], assocs_b: set[str]) -> bool:
        """Whether some association of one side is of a field related to one of the other's."""
        similarities = [self.similarity(a, b) for a in assocs_a for b in assocs_b]
        return any(s is None or s >= FIELD_RELATED for s in similarities)


class Commonness:
    """Expected number of different people printed with a name, from first and last name counts."""

    def __init__(self, names):
        self.first: Counter = Counter()
        self.initial: Counter = Counter()
        self.last: Counter = Counter()
        self.total = 0
        self._priors: dict[str, float] = {}
        self._rarity: dict[str, float] = {}
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
        rarity = min(max(-math.log(max(expected, world)), PRIOR_CLIP[0]), RARITY_MAX)
        self._rarity[name.full_key] = rarity
        prior = min(rarity, PRIOR_CLIP[1])
        self._priors[name.full_key] = prior
        return prior

    def rarity(self, name: ParsedName) -> float:
        """:meth:`prior` without its upper clip (up to `RARITY_MAX`): how much rarer than
        `PRIOR_CLIP` the name is, for the one case where nothing but the name links."""
        self.prior(name)
        return self._rarity[name.full_key]


def _relation(a: ParsedName, b: ParsedName, cache: dict) -> float | None:
    key = (a.full_key, b.full_key) if a.full_key <= b.full_key else (b.full_key, a.full_key)
    if key not in cache:
        cache[key] = name_relation(a, b)
    return cache[key]


def score_pair(a: Seed, b: Seed, commonness: Commonness, cache: dict,
               fields: Fields | None = None) -> float | None:
    name_a, name_b = a.rep(), b.rep()
    relation = _relation(name_a, name_b, cache)
    if relation is None:
        return None
    # The less specific of the two names sets the prior ("J. Smith" rather than "John Smith").
    prior = min(commonness.prior(name_a), commonness.prior(name_b))
    score = BIAS + relation + prior
    if relation <= SPELLING_VARIANT and not (name_a.is_initial or name_b.is_initial):
        # "Zhonghua Li" / "Zhenghua Li", "Chris Lee" / "Christine Lee": a spelling variant of
        # the first name is as safe as the surname is rare.
        score -= math.log(max(commonness.surname(name_a), commonness.surname(name_b), 1))
    other_orgs = linked = False
    if a.org_years and b.org_years:
        shared = a.org_years.keys() & b.org_years.keys()
        if shared:
            score += SHARED_ORG
            linked = True
        elif _any_compatible(a.org_years, b.org_years):
            score += COMPATIBLE_ORG
            linked = True
        else:
            other_orgs = True
            years_a = set().union(*a.org_years.values())
            years_b = set().union(*b.org_years.values())
            score += OTHER_ORG_SAME_YEAR if years_a & years_b else OTHER_ORG_OTHER_YEAR
    if a.cospeakers & b.cospeakers:
        score += SHARED_COSPEAKER
        linked = True
    if a.sids & b.sids:
        score += SHARED_SOURCE_ID
        linked = True
    if a.assocs and b.assocs:
        if a.assocs & b.assocs:
            score += SHARED_ASSOCIATION
        else:
            score += OTHER_ASSOCIATION + (NOTHING_SHARED if other_orgs else 0.0)
            same_field = fields is not None and fields.same(a.assocs, b.assocs)
            if fields is not None and not fields.related(a.assocs, b.assocs):
                score += OTHER_FIELD
            elif same_field:
                score += SAME_FIELD
            if not linked and fields is not None and fields.other(a.assocs, b.assocs):
                # the prior's part becomes the name's whole rarity
                rarity = min(commonness.rarity(name_a), commonness.rarity(name_b))
                score += NAME_ONLY_ACROSS + rarity - prior
    for doc in a.docs.keys() & b.docs.keys():
        if not a.docs[doc] & b.docs[doc]:
            score += SAME_DOC_OTHER_SPELLING
            break
    return score


def conflicts(a: Seed, b: Seed, cache: dict, commonness: Commonness | None = None) -> bool:
    """Hard constraints: one document naming two different source ids or two employers, or
    names in the merged cluster that cannot all be one person (`John Smith` + `Jane Smith`).

    Two employers in one document do not forbid a merge when both sides print the same rare
    name: someone who moved that year (`Ines Varga, Acme` and `Ines Varga, Globex` in one
    year's accepted papers) is one person; two `Yang Liu`s stay two. Nor do they when the two
    share two or more co-speakers (a line that printed one affiliation for four authors).
    """
    small, large = (a, b) if len(a.docs) <= len(b.docs) else (b, a)
    # Namesakes almost never share two co-speakers; one person at two employers often does.
    shared_rare = len(a.cospeakers & b.cospeakers) >= 2 or commonness is not None and any(
        commonness.prior(a.parsed[key]) >= RARE_NAME_PRIOR
        and not set(a.parsed[key].last_parts) & common_surnames()
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

"""Organization names: fold a printed name to a key, and map acronyms and aliases to one key."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from pipeline.text.names import fold
from pipeline.text.orgkind import countries

LEGAL_SUFFIX_RE = re.compile(
    r",?\s+\b(inc|incorporated|corp|corporation|co|company|llc|l\.l\.c|llp|ltd|limited|gmbh|ag|"
    r"s\.?a|s\.?a\.?s|plc|pty|bv|b\.v|nv|oy|ab|srl|s\.r\.l|kg|se|pllc|p\.c|pc)\b\.?$",
    re.I,
)
FOLDED_SUFFIX_RE = re.compile(
    r"\s+(inc|incorporated|corp|corporation|co|company|llc|llp|ltd|limited|gmbh|ag|sa|sas|plc|"
    r"pty|bv|nv|oy|ab|srl|kg|se|pllc|pc)$"
)
# A comma-separated segment naming a unit inside an institution: "Dept. of CS, Duke University".
DEPARTMENT_RE = re.compile(
    r"\b(dept|department|faculty|school of|college of|division|laboratory|lab|labs|center for|"
    r"centre for|centre|center|program in|programme|graduate school|institute for|group)\b",
    re.I,
)
INSTITUTION_RE = re.compile(
    r"\b(universit\w*|univ|college|institute|polytechnic|hochschule|academy|inc|corp|llc|ltd|"
    r"gmbh|company|foundation|association|society|agency|ministry|hospital)\b",
    re.I,
)
ABBREVIATIONS = (
    (re.compile(r"\buniv\b\.?", re.I), "university"),
    (re.compile(r"\binst\b\.?", re.I), "institute"),
    (re.compile(r"\bintl\b\.?", re.I), "international"),
    (re.compile(r"\btech\b\.?(?=\s+univ)", re.I), "technological"),
)
ACRONYM_SKIP = frozenset("of at the and for in de du des la le di da y & a an on".split())
# Words that name the kind of institution: "NC State" is "North Carolina State University".
GENERIC_TAIL = frozenset("university college institute school".split())
# "Georgia Tech", "Virginia Tech", "Michigan Tech": the place before the institution words.
TECH_HEAD_STOP = frozenset("institute university polytechnic technological college of".split())


_PUNCTUATION_RE = re.compile(r"[^\w\s-]")
_SPACES_RE = re.compile(r"\s+")
_TRAILING_PAREN_RE = re.compile(r"\s*\(([^)]*)\)$")
_LEADING_THE_RE = re.compile(r"^the\s+")
_NOT_LETTER_RE = re.compile(r"[^A-Za-z]")


def _fold_words(text: str) -> str:
    text = fold(text).replace("&", " and ")
    text = _PUNCTUATION_RE.sub(" ", text).replace("-", " ")
    return " ".join(text.split())


@lru_cache(maxsize=1 << 16)  # a pure function of the printed name, asked for again and again
def strip_units(name: str) -> str:
    """Drop department segments and a trailing country from a printed organization.

    >>> strip_units("Dept. of CS, Duke University")
    'Duke University'
    >>> strip_units("Aarhus University, Denmark")
    'Aarhus University'
    >>> strip_units("University of California, Berkeley")
    'University of California, Berkeley'
    >>> strip_units("The Findings Group, LLC")
    'The Findings Group'
    """
    text = _SPACES_RE.sub(" ", name or "").strip(" ,;")
    text = _TRAILING_PAREN_RE.sub(lambda m: "" if _fold_words(m.group(1)) in countries()
                  else m.group(0), text)
    segments = [s.strip() for s in text.split(",") if s.strip()]
    while len(segments) > 1 and (_fold_words(segments[-1]) in countries()
                                 or not LEGAL_SUFFIX_RE.sub("", " " + segments[-1]).strip(" .")):
        segments.pop()  # a trailing country or legal suffix: "The Findings Group, LLC"
    if len(segments) > 1:
        kept = [s for s in segments if not (DEPARTMENT_RE.search(s) and not INSTITUTION_RE.search(
            DEPARTMENT_RE.sub("", s)))]
        if kept and len(kept) < len(segments):
            segments = kept
    return ", ".join(segments)


@lru_cache(maxsize=1 << 16)
def org_key(name: str) -> str:
    """Identity key of an organization: units, case, legal suffix, `The`, `&` folded.

    >>> org_key("The Acme Company, Inc.")
    'acme'
    >>> org_key("Smith & Jones LLP")
    'smith and jones'
    >>> org_key("Dept. of Computer Science, Duke Univ., USA")
    'duke university'
    """
    text = strip_units(name)
    for pattern, replacement in ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    for _ in range(2):
        text = LEGAL_SUFFIX_RE.sub("", text).strip(" ,.")
    text = _fold_words(text)
    while True:  # again on the folded words, so that a key is its own key
        folded = _LEADING_THE_RE.sub("", FOLDED_SUFFIX_RE.sub("", text))
        if folded == text:
            return text
        text = folded


def acronyms(key_words: list[str]) -> dict[str, str]:
    """Acronym of every leading run of significant words, with the rest of the name after it.

    >>> acronyms("university of california san diego".split())["ucsd"]
    'ucsd'
    >>> acronyms("university of california san diego".split())["uc san diego"]
    'uc san diego'
    """
    significant = [w for w in key_words if w not in ACRONYM_SKIP]
    out: dict[str, str] = {}
    for n in range(2, len(significant) + 1):
        head = "".join(w[0] for w in significant[:n])
        rest = " ".join(significant[n:])
        alias = f"{head} {rest}".strip()
        out[alias] = alias
    return out


def significant(key: str) -> str:
    """A key without its joining words: `university of california at san diego` and
    `university of california san diego` are one organization.

    >>> significant("university of north carolina at charlotte")
    'university north carolina charlotte'
    """
    return " ".join(w for w in key.split() if w not in ACRONYM_SKIP)


def _short_forms(key: str) -> set[str]:
    """Acronym forms (`uc san diego`, `ucsd`), without a trailing institution word (`nc state`),
    and the `<place> tech` form of an institute of technology (`georgia tech`)."""
    words = key.split()
    out = set(acronyms(words)) if len(words) >= 2 else set()
    for alias in list(out):
        parts = alias.split()
        if len(parts) >= 2 and parts[-1] in GENERIC_TAIL:
            out.add(" ".join(parts[:-1]))
    head: list[str] = []
    for word in words:
        if word in TECH_HEAD_STOP:
            break
        head.append(word)
    rest = words[len(head):]
    if head and any(w.startswith(("technolog", "polytechnic")) for w in rest):
        out.add(" ".join([*head, "tech"]))
    out.discard(key)
    return out


def _looks_like_acronym(printed: str) -> bool:
    first = (printed or "").strip().split(" ")[0] if printed else ""
    letters = _NOT_LETTER_RE.sub("", first)
    return 2 <= len(letters) <= 8 and letters.isupper()


def resolve_org_names(
    printed: Iterable[str], *, aliases: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Printed organization name -> canonical key, for every distinct name in the corpus.

    Acronyms are derived from the corpus' own names: `UIUC` joins `University of Illinois at
    Urbana-Champaign` when both are printed, and `UC San Diego` joins `University of California,
    San Diego`. An acronym that could stand for two printed names is left alone. `aliases` maps
    folded alias keys to canonical names (the user's aliases.csv) and wins over everything.

    >>> keys = resolve_org_names(["UIUC", "University of Illinois at Urbana-Champaign",
    ...                           "UC San Diego", "University of California, San Diego", "ACME"])
    >>> keys["UIUC"], keys["UC San Diego"], keys["ACME"]
    ('university of illinois at urbana champaign', 'university of california san diego', 'acme')
    """
    alias_keys = {org_key(a): org_key(c) for a, c in (aliases or {}).items() if org_key(c)}
    names = sorted({p for p in printed if p and p.strip()})
    base = {}
    for name in names:
        key = org_key(name)
        base[name] = alias_keys.get(key, key)
    # Keys that differ only in joining words ("at", "and", "of") are one organization; the
    # shortest (then first) key speaks for the group.
    groups: dict[str, list[str]] = defaultdict(list)
    for key in set(base.values()):
        groups[significant(key)].append(key)
    # "North Carolina State" is "North Carolina State University" unless a college of that
    # name is printed too ("Boston University" / "Boston College").
    tails: dict[str, list[str]] = defaultdict(list)
    for form in groups:
        words = form.split()
        if len(words) >= 2 and words[-1] in GENERIC_TAIL:
            tails[" ".join(words[:-1])].append(form)
    for stem, forms in tails.items():
        if len(forms) == 1 and stem in groups:
            groups[forms[0]].extend(groups.pop(stem))
    def spoken(key: str) -> tuple:  # the full name with its institution word, then shortest
        return (key.rpartition(" ")[2] not in GENERIC_TAIL, len(key), key)

    speaker = {key: min(keys, key=spoken) for keys in groups.values() for key in keys}
    base = {name: speaker[key] for name, key in base.items()}
    expansions: dict[str, set[str]] = defaultdict(set)
    full_keys = set(base.values())
    for key in full_keys:
        for alias in _short_forms(key):
            expansions[alias].add(key)
            expansions[significant(alias)].add(key)
    out = {}
    for name, key in base.items():
        targets = _unambiguous(expansions.get(key, set()) - {key})
        if len(targets) == 1 and (_looks_like_acronym(name) or key.endswith(" tech")):
            key = next(iter(targets))
        out[name] = alias_keys.get(key, key)
    return out


def _unambiguous(targets: set[str]) -> set[str]:
    """One target when every other one starts with it: `georgia institute of technology`
    rather than also `georgia institute of technology california state university`."""
    if len(targets) > 1:
        shortest = min(targets, key=lambda k: (len(k), k))
        if all(t == shortest or t.startswith(shortest + " ") for t in targets):
            return {shortest}
    return targets


def canonical_org_names(printed_by_key: Mapping[str, Counter]) -> dict[str, str]:
    """Display name per key: the most printed variant that is not an acronym, else the most
    printed one."""
    out = {}
    for key, counts in printed_by_key.items():
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        # Prefer a variant printed without units or country, then any spelled-out one.
        spelled = [n for n, _ in ranked
                   if significant(org_key(n)) == significant(key) and not _looks_like_acronym(n)]
        clean = [n for n in spelled if strip_units(n) == n]
        out[key] = strip_units((clean or spelled or [ranked[0][0]])[0])
    return out


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.I)
_PAGE_REF = re.compile(r"^\s*p\.?\s*\d+\s*$|\bsee page\b", re.I)
_LATIN_WORD = re.compile(r"[A-Za-z]{2}")
NOT_AN_AFFILIATION = frozenset(
    "inc llc ltd corp co gmbh chair chairs program programme committee session track panel "
    "keynote speaker speakers moderator organizer organizers".split()
)
MAX_AFFILIATION_WORDS = 12


def plausible_affiliation(org: str, person: str = "") -> bool:
    """Whether a printed affiliation can be evidence about who a person is.

    Not when it holds a clock time or a page reference (schedule text read as an
    organization), is only a legal suffix or a role word (`LLC`, `Chair`), runs past a dozen
    words, or has no Latin letters beside a name in Latin letters (the name printed again in
    another script).

    >>> plausible_affiliation("Duke University")
    True
    >>> plausible_affiliation("Noah A. Smith 11:54–12:12 Factored Markov Translation")
    False
    >>> plausible_affiliation("p.35"), plausible_affiliation("LLC")
    (False, False)
    >>> plausible_affiliation("赵健强", "Jianqiang Zhao")
    False
    """
    plausible, latin = _affiliation_text(org)
    return plausible and (latin or not _LATIN_WORD.search(person or ""))


def plausible_affiliations(orgs: Sequence[str], people: Sequence[str]) -> np.ndarray:
    """:func:`plausible_affiliation` of each (org, person) pair, as a boolean array: the
    organization is read once per distinct name, the person only beside an organization
    without Latin letters.

    >>> orgs = ["Duke University", "赵健强", "赵健强"]
    >>> plausible_affiliations(orgs, ["", "Jianqiang Zhao", "赵"])
    array([ True, False,  True])
    """
    codes, distinct = pd.factorize(pd.Series(orgs, dtype=object).fillna(""))
    verdicts = [_affiliation_text(org) for org in distinct]
    plausible = np.array([p for p, _ in verdicts], dtype=bool)[codes]
    latin = np.array([lt for _, lt in verdicts], dtype=bool)[codes]
    suspects = np.flatnonzero(plausible & ~latin)
    if len(suspects):
        people = np.asarray(people, dtype=object)[suspects]
        plausible[suspects] = [not _LATIN_WORD.search(person or "") for person in people]
    return plausible


def _affiliation_text(org: str) -> tuple[bool, bool]:
    """Whether `org` is plausible whoever it is printed beside, and whether it has Latin letters
    (without them it is no affiliation of a person whose name has them)."""
    text = (org or "").strip()
    if not text or _CLOCK.search(text) or _PAGE_REF.search(text) or text.endswith("-"):
        return False, True
    if len(text.split()) > MAX_AFFILIATION_WORDS:
        return False, True
    latin = bool(_LATIN_WORD.search(text))
    words = fold(text).replace(".", " ").replace(",", " ").split()
    return not words or not all(w in NOT_AN_AFFILIATION for w in words), latin


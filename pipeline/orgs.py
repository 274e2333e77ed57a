"""Organization names: fold a printed name to a key, and map acronyms and aliases to one key."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

from pipeline.names import fold

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


@cache
def countries() -> frozenset[str]:
    text = resources.files("pipeline").joinpath("data/countries.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _fold_words(text: str) -> str:
    text = fold(text).replace("&", " and ")
    text = re.sub(r"[^\w\s-]", " ", text).replace("-", " ")
    return " ".join(text.split())


def strip_units(name: str) -> str:
    """Drop department segments and a trailing country from a printed organization.

    >>> strip_units("Dept. of CS, Duke University")
    'Duke University'
    >>> strip_units("Aarhus University, Denmark")
    'Aarhus University'
    >>> strip_units("University of California, Berkeley")
    'University of California, Berkeley'
    """
    text = re.sub(r"\s+", " ", name or "").strip(" ,;")
    text = re.sub(r"\s*\(([^)]*)\)$", lambda m: "" if _fold_words(m.group(1)) in countries()
                  else m.group(0), text)
    segments = [s.strip() for s in text.split(",") if s.strip()]
    while len(segments) > 1 and _fold_words(segments[-1]) in countries():
        segments.pop()
    if len(segments) > 1:
        kept = [s for s in segments if not (DEPARTMENT_RE.search(s) and not INSTITUTION_RE.search(
            DEPARTMENT_RE.sub("", s)))]
        if kept and len(kept) < len(segments):
            segments = kept
    return ", ".join(segments)


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
        folded = re.sub(r"^the\s+", "", FOLDED_SUFFIX_RE.sub("", text))
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


def _looks_like_acronym(printed: str) -> bool:
    first = (printed or "").strip().split(" ")[0] if printed else ""
    letters = re.sub(r"[^A-Za-z]", "", first)
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
    expansions: dict[str, set[str]] = defaultdict(set)
    full_keys = set(base.values())
    for key in full_keys:
        words = key.split()
        if len(words) < 2:
            continue
        for alias in acronyms(words):
            if alias != key:
                expansions[alias].add(key)
    out = {}
    for name, key in base.items():
        targets = expansions.get(key, set()) - {key}
        if len(targets) == 1 and _looks_like_acronym(name):
            key = next(iter(targets))
        out[name] = alias_keys.get(key, key)
    return out


def canonical_org_names(printed_by_key: Mapping[str, Counter]) -> dict[str, str]:
    """Display name per key: the most printed variant that is not an acronym, else the most
    printed one."""
    out = {}
    for key, counts in printed_by_key.items():
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        # Prefer a variant printed without units or country, then any spelled-out one.
        spelled = [n for n, _ in ranked if org_key(n) == key and not _looks_like_acronym(n)]
        clean = [n for n in spelled if strip_units(n) == n]
        out[key] = strip_units((clean or spelled or [ranked[0][0]])[0])
    return out

"""Rule-based line parsers: `Name, Title, Org`, `A, B, Org; C, Org2`, `Name (Org)`, `NAME – ORG`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, wraps

# The parsers below are pure functions of their strings, and the same strings come back many
# times (a line is tested as a continuation, as a name list, then parsed; names recur across
# documents), so each keeps a bounded memo of its answers.
_MEMO_SIZE = 1 << 16


def _memo(func: Callable) -> Callable:
    return lru_cache(maxsize=_MEMO_SIZE)(func)


def _memo_list(func: Callable) -> Callable:
    """`_memo` for a function returning a list: the memo keeps a tuple, callers get a new list."""
    cached = lru_cache(maxsize=_MEMO_SIZE)(lambda *a, **k: tuple(func(*a, **k)))

    @wraps(func)
    def wrapper(*args, **kwargs):
        return list(cached(*args, **kwargs))

    wrapper.cache_clear = cached.cache_clear
    return wrapper

HONORIFICS = {
    "dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx",
    "mx.", "sir", "dame", "rev", "rev.", "hon", "hon.", "assoc.", "assist.",
    # Academic titles printed before names in German, Austrian, Croatian, Turkish, Spanish,
    # French and Italian programs.
    "dr.-ing.", "dr.-ing", "dipl.-ing.", "dipl.-inf.", "univ.-prof.", "priv.-doz.", "pd", "doz.",
    "mag.", "izv.", "doc.", "doç.", "dr.med.", "med.", "dott.", "dott.ssa", "ing.",
    "mme", "mme.", "mlle", "sra.", "herr", "frau", "uzm.", "öğr.", "gör.", "arş.",
}
CREDENTIALS_RE = re.compile(
    r",?\s*\b(ph\.?\s?d|ed\.?\s?d|m\.?\s?d|d\.?\s?phil|mba|msc|m\.?\s?sc|m\.?\s?s|m\.?\s?a|"
    r"b\.?\s?sc|b\.?\s?a|cpa|cfa|pmp|jd|j\.d|llm|rn|shrm-scp|shrm-cp|sphr|phr|gphr|cissp|"
    r"faia|facm|fieee|ieee fellow|acm fellow|frs|obe|mbe|cbe|esq|jr|sr|ii|iii|iv)\b\.?",
    re.I,
)
# Credentials printed after a name. Two-letter ones (`MA`, `BA`, `MD`) are also surnames (`Ma`,
# `Ba`, `Md`), so a bare token is a credential only after a comma or in dotted form; longer
# ones are dropped at the end of a name too (`Jane Doe FACHE`).
DEGREES = frozenset("""
phd edd md dphil mba msc ms ma bsc ba bs cpa cfa pmp jd llm rn shrm-scp shrm-cp sphr phr gphr
cissp faia facm fieee frs obe mbe cbe esq mha mph msn bsn dnp faan fache cphq cae cfre mpa mpp
msw lcsw pharmd dds dmd dvm psyd lpc np aprn crna chfp fhfma cma cia cisa cism aicp cpcu chro
ccp cebs cbp clp cdp sshrm ipma-scp ipma-cp cphims fhimss rhia mhsa mbbs frcp facp facs facc
""".split())
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_FELLOW_RE = re.compile(r"^(ieee|acm|aaas|aaai)\s+fellow$", re.I)
PARTICLES = {
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "al", "el",
    "bin", "ben", "ter", "ten", "dos", "das", "do", "st.", "y", "e", "zu",
}
# Words that never occur in a person's name but do in session titles, rooms and organizations.
NOT_NAME_WORDS = {
    "the", "and", "of", "for", "in", "on", "to", "with", "a", "an", "at", "by", "from", "via",
    "is", "are", "how", "what", "why", "our", "your", "we", "you", "using", "into", "through",
    "session", "sessions", "room", "hall", "ballroom", "salon", "level", "floor", "suite", "track",
    "university", "universität", "universidad", "université", "college", "institute", "school",
    "department", "dept", "dept.", "center", "centre", "laboratory", "lab", "labs", "inc", "inc.",
    "corp", "corp.", "corporation", "llc", "ltd", "ltd.", "gmbh", "company", "co.", "foundation",
    "association", "society", "council", "committee", "program", "programme", "conference",
    "symposium", "workshop", "tutorial", "keynote", "panel", "poster", "posters", "paper",
    "papers", "award", "awards", "lunch", "break", "coffee", "reception", "registration",
    "welcome", "opening", "closing", "remarks", "chair", "chairs", "moderator", "sponsor",
    "sponsors", "exhibitor", "exhibitors", "booth", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december", "am", "pm", "a.m.", "p.m.",
    "education", "computing", "computer", "science", "sciences", "engineering", "research",
    "learning", "teaching", "students", "student", "data", "software", "systems", "technology",
    "network", "networks", "group", "team", "staff", "best", "new", "introduction", "hotel",
    "convention", "plaza", "street", "avenue", "tower", "building", "national",
    "international", "global", "technical", "annual", "meeting", "board", "directors", "members",
    "member", "officers", "organizers", "organizing", "general", "local", "publicity", "see",
    "page", "pages", "also", "more", "all", "not", "no", "only", "this", "that", "these",
    "arrangements", "treasurer", "secretary", "publications", "proceedings", "sponsorship",
    "exhibits", "volunteers", "demos", "tutorials", "workshops", "co-chair",
    "co-chairs", "cochair", "area", "senior", "exhibit", "pre-function", "foyer",
    "streaming", "virtual", "online", "zoom", "abstract", "abstracts", "day", "days",
    "noon", "dinner", "breakfast", "banquet", "tba", "tbd", "others",
}
TITLE_WORDS_RE = re.compile(
    r"\b(professor|prof\.|lecturer|director|ceo|cto|cfo|coo|cio|chief|president|vice|vp|svp|evp|"
    r"head|manager|lead|engineer|scientist|researcher|fellow|dean|chair|chairman|founder|"
    r"co-founder|partner|principal|consultant|officer|analyst|architect|developer|advocate|"
    r"evangelist|teacher|instructor|student|candidate|coordinator|specialist|associate|assistant|"
    r"adjunct|emeritus|editor|owner|attorney|counsel|recruiter|advisor|adviser|executive|"
    r"strategist|designer|administrator|superintendent|provost|postdoc|phd student|mvp|rd)s?\b",
    re.I,
)
ORG_WORDS_RE = re.compile(
    r"\b(universit\w*|college|institut\w*|school|academy|polytechnic|lab(oratory|oratories|s)?|"
    r"inc\.?|corp\.?|corporation|llc|llp|ltd\.?|gmbh|s\.?a\.?|ag|plc|company|co\.|foundation|"
    r"association|society|council|agency|ministry|department|dept\.?|center|centre|group|"
    r"community|press|consortium|alliance|initiative|hochschule|politecnico|instituto|tech|"
    r"hospital|bank|partners|consulting|solutions|technologies|systems?|software|microsoft|google|"
    r"service|"
    r"health|healthcare|logistics|insurance|foods|advisors|advisory|services|staffing|capital|"
    r"medical|clinic|retail|pharma\w*|holdings|ventures|analytics|"
    r"ibm|amazon|oracle|intel|apple|meta|facebook|nsf|acm|ieee|research|government|office|"
    r"district|state|city|county|federal|national)\b",
    re.I,
)
# Job titles that take a department after a comma (`SVP, Human Resources`).
DEPT_TITLE_RE = re.compile(
    r"\b(vp|svp|evp|avp|vice president|director|manager|head|partner|officer|chief|lead|counsel|"
    r"principal|dean|associate|specialist)$", re.I,
)
INITIAL_RE = re.compile(r"^[A-Z]\.?(-[A-Z]\.?)?$")
NAME_TOKEN_RE = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-À-ÿĀ-ſ]*$", re.UNICODE)
SPLIT_SEMI_RE = re.compile(r"\s*;\s*")
PAREN_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)\s*$")
DASH_RE = re.compile(r"^(?P<name>[^–—|,;]+?)\s+(?P<dash>[–—|]|-)\s+(?P<org>.+)$")
_ORG_SMALL_WORDS = frozenset({"of", "and", "for", "the", "in", "at", "de", "du", "la", "von", "&"})
DASH_SPLIT_RE = re.compile(r"\s+(?:[–—|]|-)\s+")
# `Featuring: Karen White of Wayne Enterprises`: after a role label, a name, `of`, an
# organization (elsewhere the shape is a title's: `A Piece of My Mind`).
OF_RE = re.compile(r"^(?P<name>[^,;()]+?)\s+of\s+(?:the\s+)?(?P<org>[A-Z][^,;()]*)$")


def _org_after_hyphen(text: str) -> bool:
    """What follows `Name - ` is an organization (or a title and one), not the second half of a
    talk title: a few capitalized words, no question or colon.

    >>> _org_after_hyphen("VP, Talent Acquisition - Initech"), _org_after_hyphen("Good Times?")
    (True, False)
    """
    words = text.replace(",", " ").split()
    return (0 < len(words) <= 8 and not re.search(r"[?!:]", text)
            and all(w[:1].isupper() or w.lower() in _ORG_SMALL_WORDS or not w[:1].isalpha()
                    for w in words))


def leading_title(text: str) -> tuple[str, str]:
    """`Reinventing Work - Jane Doe, Chief People Officer, Acme Corp`: a talk title, a dash,
    then its speaker with her title or organization. Returns (title, the rest), or ("", text)
    when the text does not have that shape (`Ann Lee - VP, Talent - Acme` is a name first).

    >>> leading_title("Reinventing Work - Jane Doe, Chief People Officer, Acme Corp")
    ('Reinventing Work', 'Jane Doe, Chief People Officer, Acme Corp')
    >>> leading_title("Samantha Green - VP, Talent Acquisition - Initech")
    ('', 'Samantha Green - VP, Talent Acquisition - Initech')
    """
    parts = DASH_SPLIT_RE.split(text, maxsplit=1)
    if len(parts) == 2:
        items = [item.strip() for item in parts[1].split(",")]
        if len(items) >= 2 and _is_name_item(items[0]) and not _is_name_item(items[1]) and (
            "," not in parts[0]
        ):
            return parts[0].strip(), parts[1].strip()
    return "", text


def person_of(text: str) -> Person | None:
    """`Karen White of Wayne Enterprises` as a person and her organization, else None.

    >>> person_of("Karen White of Wayne Enterprises")
    Person(name='Karen White', org='Wayne Enterprises', title='')
    >>> person_of("Director of Talent") is None
    True
    """
    match = OF_RE.match(text.strip()) if " of " in text else None
    if match and len(match.group("name").split()) <= 4 and _is_name_item(match.group("name")):
        return Person(clean_name(match.group("name")), match.group("org").strip(), "")
    return None


# `(she/her)`, `(he/him/his)`, `(they/them)`: pronouns printed after a name.
PRONOUNS_RE = re.compile(r"\s*\((?:she|he|they|ze|xe|zie|ey)(?:\s*/\s*[a-z]+)+\)", re.I)
ROLE_WORDS_RE = re.compile(
    r"^(session\s+)?(co-?)?(chairs?|moderators?|panelists?|panellists?|discussants?|speakers?|"
    r"presenters?|organizers?|organisers?|facilitators?|hosts?|"
    r"((opening|closing|morning|luncheon|featured) )?keynote( speaker| address)?s?)\s*[:–-]\s*",
    re.I,
)


@dataclass(frozen=True)
class Person:
    name: str
    org: str = ""
    title: str = ""
    # Read from a shape that talk titles share (`Two Birds - Teaching Coding`): NER must call
    # the name a person, organization or not.
    unsure: bool = field(default=False, repr=False, compare=False)


_FOOTNOTE_RE = re.compile(r"[\*†‡§¶#\d]+$")  # footnote marks after a name
_SPACES_RE = re.compile(r"\s+")


_SMALL_CAP_RE = re.compile(r"(?<![\w.])([A-ZÀ-Ö]) ([A-ZÀ-Ö]{2,}(?:[’'-][A-Z]+)?)\b")


def join_small_caps(text: str) -> str:
    """Words set in small capitals, which PDF text layers print as a capital, a space and the
    rest (`C HAIR : A NNA N OVAK`), put back together; only on a line where such
    pairs are at least half of the other words, so `A NEW APPROACH TO A BIG` is left alone.

    >>> join_small_caps("C HAIR : A NNA N OVAK")
    'CHAIR : ANNA NOVAK'
    >>> join_small_caps("A NEW APPROACH TO A BIG PROBLEM")
    'A NEW APPROACH TO A BIG PROBLEM'
    """
    if " " not in text or not _SMALL_CAP_RE.search(text):
        return text
    out = []
    for line in text.split("\n"):
        pairs = len(_SMALL_CAP_RE.findall(line))
        words = len(line.split()) - 2 * pairs
        out.append(_SMALL_CAP_RE.sub(r"\1\2", line) if pairs >= 2 and pairs >= words else line)
    return "\n".join(out)


@_memo
def clean_name(raw: str) -> str:
    """A name as printed, without honorifics, credentials, stray punctuation or role words.

    Generational suffixes stay part of the name; two-letter surnames are not degrees.

    >>> clean_name("Dr. Karen Liu, MHA, FACHE"), clean_name("Hal Daumé III")
    ('Karen Liu', 'Hal Daumé III')
    >>> clean_name("Tengyu Ma")
    'Tengyu Ma'
    >>> clean_name("Jane Doe, Ph.D."), clean_name("Martin King, Jr."), clean_name("Al Wu PhD")
    ('Jane Doe', 'Martin King, Jr.', 'Al Wu')
    """
    text = ROLE_WORDS_RE.sub("", raw.strip())
    text = _FOOTNOTE_RE.sub("", text.strip(" ,;:-–—·•"))  # footnote marks
    parts = [p.strip() for p in text.split(",")]
    kept = parts[:1] + [p for p in parts[1:] if p and not is_credential(p)]
    tokens = kept[0].split() if kept else []
    while len(tokens) > 2 and _degree_token(tokens[-1], alone=False):
        tokens.pop()
    while tokens and tokens[0].lower().rstrip(",") in HONORIFICS:
        tokens.pop(0)
    text = ", ".join([" ".join(tokens), *kept[1:]]) if kept else ""
    text = _SPACES_RE.sub(" ", text).strip(" ,;:-–—·•")
    return text if text == raw else clean_name(text) if text else ""


@_memo
def _degree_token(token: str, *, alone: bool) -> bool:
    """`PhD`, `Ph.D.`, `FACHE`; a two-letter one (`MA`) only `alone` (after a comma) or dotted."""
    bare = token.strip(".,;:()").lower()
    plain = bare.replace(".", "").replace(" ", "")
    if plain not in DEGREES:
        return False
    dotted = "." in token.strip(",;:()").rstrip(".") or token.count(".") >= 2
    return alone or dotted or (len(plain) > 2 and not token[1:].islower())


@_memo
def is_credential(item: str) -> bool:
    """An item that is only credentials (`PhD`, `MHA FACHE`, `IEEE Fellow`), never a suffix."""
    item = item.strip(" .;:")
    if not item or _FELLOW_RE.match(item):
        return bool(item)
    return all(_degree_token(t, alone=True) for t in item.split())


@_memo
def truecase(name: str) -> str:
    """`JANE DOE` -> `Jane Doe`; mixed case is left alone."""
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        return re.sub(
            r"[^\W\d_]+", lambda m: m.group(0).capitalize() if len(m.group(0)) > 1 else m.group(0),
            name.lower(),
        ).replace("Mc", "Mc")
    return name


# `Programmers' Understanding`, `Teachers’ Knowledge`: a possessive is no part of a name.
POSSESSIVE_RE = re.compile(r"\w(s['’]|['’]s)(\s|$)")


_NOT_NAME_CHAR_RE = re.compile(r"[@/:;!?&=+<>\[\]{}\"“”]")
_NOT_LISTED_CHAR_RE = re.compile(r"[@/:;!?&=+<>\[\]{}\"“”()]")


@_memo
def looks_like_name(text: str) -> bool:
    """Shape test: 2-5 capitalized tokens (initials and particles allowed), no digits or cues.

    >>> looks_like_name("Monica M. McGill"), looks_like_name("Executive Director")
    (True, False)
    """
    if not text or len(text) > 60 or any(ch.isdigit() for ch in text):
        return False
    if _NOT_NAME_CHAR_RE.search(text) or POSSESSIVE_RE.search(text):
        return False
    tokens = text.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5:
        return False
    capitalized = 0
    for i, token in enumerate(tokens):
        low = token.strip("()[]\"'“”‘’.,:").lower()
        if INITIAL_RE.match(token):
            capitalized += 1
            continue
        # A short capitalized last token is a surname (`Marshall An`), not the word `an`.
        surname = i == len(tokens) - 1 and i > 0 and token[:1].isupper() and len(low) <= 3
        if (low in NOT_NAME_WORDS and not surname) or (
            TITLE_WORDS_RE.fullmatch(token) and low != "dean"
        ):
            return False
        if low in PARTICLES and 0 < i < len(tokens) - 1:
            continue
        bare = token.strip("()\"'")
        if not NAME_TOKEN_RE.match(bare):
            return False
        capitalized += 1
    initials = sum(1 for t in tokens if INITIAL_RE.match(t))
    return capitalized >= 2 and initials < len(tokens)


@_memo
def looks_like_org(text: str) -> bool:
    return bool(ORG_WORDS_RE.search(text))


VOWEL_RE = re.compile(r"[AEIOUY]")


@_memo
def looks_like_listed_name(text: str) -> bool:
    """A looser shape test for an item of a list of names (issue 3): one capitalized word that
    is also a common word is allowed after the first token (`David Hall`, `Nghia The Pham`,
    `Andrew Senior`), and so is a surname in capitals (`Deyu ZHOU`). Only for items whose
    neighbours are names; alone these are rooms and titles (`Exhibit Hall`).

    >>> looks_like_listed_name("David Hall"), looks_like_listed_name("Deyu ZHOU")
    (True, True)
    >>> looks_like_listed_name("Exhibit Hall"), looks_like_listed_name("Lunch Break")
    (False, False)
    """
    if not text or len(text) > 60 or any(ch.isdigit() for ch in text) or looks_like_org(text):
        return False
    if looks_like_name(text):
        return True
    if _NOT_LISTED_CHAR_RE.search(text) or POSSESSIVE_RE.search(text):
        return False
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or tokens[0].lower() in NOT_NAME_WORDS:
        return False
    common = 0
    for i, token in enumerate(tokens):
        low = token.strip(".,").lower()
        if INITIAL_RE.match(token) or (low in PARTICLES and 0 < i < len(tokens) - 1):
            continue
        if not NAME_TOKEN_RE.match(token) or TITLE_WORDS_RE.fullmatch(token):
            return False
        if token.isupper() and len(token) >= 2:
            # Capitals: only a last-name surname with a vowel (`ZHOU`, not `NLP` or `UC`).
            if i != len(tokens) - 1 or i == 0 or len(token) < 3 or not VOWEL_RE.search(token):
                return False
        elif low in NOT_NAME_WORDS:
            common += 1
    return common <= 1 and not tokens[0].isupper()


_CLOSING_AND_RE = re.compile(r"(?:\band|&)\s+[^,&]+$")


@_memo_list
def name_list_items(line: str) -> list[str]:
    """The items of `line` when it is a list of two or more names and nothing else (an author
    line: `David Hall, Greg Durrett, and Dan Klein`); otherwise []. Items that pass only the
    looser test must sit between names or follow the closing `and` (`Jane Doe, Xerox PARC`
    is a name and an organization).

    >>> name_list_items("Li Dong and Mirella Lapata")
    ['Li Dong', 'Mirella Lapata']
    >>> name_list_items("Rui Cai, Xiaodong Zhang, and Houfeng WANG")
    ['Rui Cai', 'Xiaodong Zhang', 'Houfeng WANG']
    >>> name_list_items("Jane Doe, Xerox PARC"), name_list_items("Jane Doe, Duke University")
    ([], [])
    """
    if ";" in line or "(" in line:
        return []
    items = split_items(line)
    if len(items) < 2:
        return []
    names = [clean_name(item) for item in items]
    strict = [_is_name_item(item) for item in items]
    if sum(strict) < max(1, len(items) - 2) or not all(
        s or looks_like_listed_name(truecase(n)) for s, n in zip(strict, names, strict=True)
    ):
        return []
    closing_and = _CLOSING_AND_RE.search(line.strip()) is not None
    if not strict[-1] and not closing_and:
        return []
    return names


@_memo
def looks_like_title(text: str) -> bool:
    return bool(TITLE_WORDS_RE.search(text)) and not looks_like_name(text)


@_memo_list
def parse_people(line: str) -> list[Person]:
    """People named in one line, each with the organization that closes its group.

    >>> [(p.name, p.org) for p in parse_people("Ann Lee, Bo Chen, Duke University; Cy Diaz, MIT")]
    [('Ann Lee', 'Duke University'), ('Bo Chen', 'Duke University'), ('Cy Diaz', 'MIT')]
    >>> parse_people("Dr. Jane Doe, Director of Talent, Acme Corp")
    [Person(name='Jane Doe', org='Acme Corp', title='Director of Talent')]
    >>> parse_people("Maria Garcia (Globex)")
    [Person(name='Maria Garcia', org='Globex', title='')]
    >>> [p.name for p in parse_people("Mo Shen, Hongxiao Liu, and Sadao Kurohashi")]
    ['Mo Shen', 'Hongxiao Liu', 'Sadao Kurohashi']
    >>> parse_people("Graphomania (Ana Novak)")
    [Person(name='Ana Novak', org='', title='')]
    >>> [p.name for p in parse_people("Ann Lee | Bo Chen | Cy Diaz")]
    ['Ann Lee', 'Bo Chen', 'Cy Diaz']
    >>> line = "Eric Rosad, GitHub Education, David J. Malan, Harvard University"
    >>> [(p.name, p.org) for p in parse_people(line)]
    [('Eric Rosad', 'GitHub Education'), ('David J. Malan', 'Harvard University')]
    """
    line = PRONOUNS_RE.sub("", ROLE_WORDS_RE.sub("", line.strip()))
    if line.count(" | ") >= 2:
        # `Ann Lee | Bo Chen | Cy Diaz`: a pipe between three or more items
        # separates people (one pipe stays `Name | Organization`).
        line = line.replace(" | ", "; ")
    titled = _TITLE_THEN_NAME_RE.match(line)
    if titled and looks_like_name(titled["name"]) and not looks_like_org(titled["name"]) and (
            not looks_like_name(titled["title"])):
        # `Graphomania (Ana Novak)`: a talk's title with its speaker in brackets.
        return [Person(clean_name(titled["name"]), "", "")]
    segments = [s for s in SPLIT_SEMI_RE.split(line) if s.strip(" ,.")]
    parsed = [_parse_segment(segment, resume=len(segments) == 1) for segment in segments]
    if len(parsed) >= 3:
        # `A, Org; B, Stark Industries; C, Org`: in a list of one person and her organization
        # per segment, a segment of two name-shaped items is a person and her organization too.
        alone = [len(found) == 1 and bool(found[0].org) for found in parsed]
        for i, found in enumerate(parsed):
            if (len(found) == 2 and not found[0].org and not found[1].org
                    and sum(alone) == len(parsed) - 1 and " and " not in segments[i]):
                parsed[i] = [Person(found[0].name, found[1].name, found[0].title)]
    return [person for found in parsed for person in found]


_TITLE_THEN_NAME_RE = re.compile(r"^(?P<title>[^(),;]+?)\s*\((?P<name>[^()]+)\)\s*$")
ITEM_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s+&\s+(?=[A-Z])")


@_memo_list
def split_items(segment: str) -> list[str]:
    """Comma / `and` / `&` separated items of a segment, credentials dropped.

    >>> split_items("Jane Doe, PhD, Bo Li, and Al Wu")
    ['Jane Doe', 'Bo Li', 'Al Wu']
    """
    parts = [p.strip() for p in ITEM_SPLIT_RE.split(segment) if p and p.strip()]
    items: list[str] = []
    for part in parts:
        if part.lower() in SUFFIXES and items:
            items[-1] = f"{items[-1]}, {part}"  # `King, Jr.` is one name
        elif not is_credential(part):
            items.append(part)
    return items


_AND_SPLIT_RE = re.compile(r"(\s+(?:and|&)\s+)")
_AND_RE = re.compile(r"\s+(?:and|&)\s+")


@_memo_list
def _merge_org_ands(segment: str) -> list[str]:
    """Items of a segment, where `X and Y` or `X & Y` stays one item unless both sides are
    names (`Bluegrass Community and Technical College`, `Johnson & Johnson`).

    >>> _merge_org_ands("Priya Patel, Procter & Gamble")
    ['Priya Patel', 'Procter & Gamble']
    >>> _merge_org_ands("Ann Lee & Bo Chen, Acme")
    ['Ann Lee', 'Bo Chen', 'Acme']
    """
    items: list[str] = []
    glue = ""  # the `and` or `&` that joins the next part to the item before it
    for part in _AND_SPLIT_RE.split(segment):
        if _AND_RE.fullmatch(part):
            glue = f" {part.strip()} " if items and not _is_name_item(items[-1]) else ""
            continue
        sub = split_items(part)
        if glue and sub and not _is_name_item(sub[0]):
            items[-1] = f"{items[-1]}{glue}{sub[0]}"
            sub = sub[1:]
        glue = ""
        items.extend(sub)
    return items


_VOWEL_ANY_RE = re.compile(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-ÜĀ-ąĒ-ěĪ-įŌ-őŪ-ųİ]")


@_memo
def _is_name_item(item: str) -> bool:
    """A name, not an organization: `UC Berkeley` (an acronym in mixed case) is no name."""
    name = clean_name(item)
    tokens = name.split()
    # `Mehmet Ali ÖZTÜRK`, `Marie CURIE`: a surname set in capitals after the given names, as
    # many European programs print it, is no acronym (`UC Berkeley` is).
    # Four letters and two vowels at least: `Grenoble INP`, `San Francisco USD`, `Xerox PARC`
    # are organizations.
    caps_surname = len(tokens) >= 2 and len(tokens[-1]) >= 4 and tokens[-1].isupper() and (
        len(_VOWEL_ANY_RE.findall(tokens[-1])) >= 2) and all(
        t[:1].isupper() and not t.isupper() for t in tokens[:-1])
    acronym = name != name.upper() and not caps_surname and any(
        len(t) >= 2 and t.isalpha() and t.isupper() and t.lower() not in SUFFIXES
        for t in tokens
    )
    return looks_like_name(truecase(name)) and not looks_like_org(item) and not acronym


_NAME_PAREN_RE = re.compile(r"([^(),;]+?)\s*\(([^()]+)\)")  # `A (Org)`


@_memo_list
def _parse_segment(segment: str, *, resume: bool = True) -> list[Person]:
    segment = segment.strip(" ,.")
    if not segment:
        return []
    # "A (Org), B (Org2)" or "A and B (Org)"
    if "(" in segment:
        out = []
        for match in _NAME_PAREN_RE.finditer(segment):
            for raw in split_items(match.group(1)):
                name = clean_name(raw)
                if looks_like_name(truecase(name)):
                    out.append(Person(name, match.group(2).strip()))
        if out:
            return out
    dash = DASH_RE.match(segment)
    if dash and dash.group("dash") == "-" and not _org_after_hyphen(dash.group("org")):
        dash = None  # `Two Birds - Teaching Coding in Primary Schools`: a talk title
    if dash and _is_name_item(dash.group("name")):
        # `Ann Lee – VP, Talent – Acme`: the last part is the organization, the rest the title;
        # `Ann Lee – Director, Acme`: a title first, then the organization.
        title, org = "", dash.group("org").strip()
        rest = [p.strip() for p in DASH_SPLIT_RE.split(org) if p.strip()]
        parts = [p.strip() for p in org.split(",")]
        if len(rest) >= 2 and looks_like_title(rest[0]):
            title, org = " – ".join(rest[:-1]), rest[-1]
        elif len(parts) >= 2 and looks_like_title(parts[0]):
            title, org = parts[0], ", ".join(parts[1:])
        return [Person(clean_name(dash.group("name")), org, title,
                       unsure=dash.group("dash") == "-")]
    listed = name_list_items(segment)
    if listed:
        return [Person(name) for name in listed]
    items = _merge_org_ands(segment)
    kinds = [_is_name_item(item) for item in items]
    if "," not in segment and not all(kinds):
        # An organization follows its people after a comma, never after `and` (`Jointly Event
        # Extraction and Visualization on Twitter`, a title).
        return []
    # `VP, Workforce Strategy, Acme`: the name-shaped item after a bare job title is its
    # department when an organization still follows; as the last item it is the organization
    # (`Chief People Officer, Northwind Traders`).
    for k in range(1, len(items) - 2):
        if kinds[k + 1] and not kinds[k] and DEPT_TITLE_RE.search(items[k]) and (
            len(items[k].split()) <= 3 and not looks_like_org(items[k])
        ):
            kinds[k + 1] = False
            items[k] = f"{items[k]}, {items[k + 1]}"
            items[k + 1] = ""
    kinds = [kind for kind, item in zip(kinds, items, strict=True) if item]
    items = [item for item in items if item]
    # Groups: a run of names, then the run of other items (title, organization) closing it.
    groups: list[tuple[list[str], list[str]]] = []
    i = 0
    while i < len(items):
        if not kinds[i]:
            if not groups:
                return []  # the segment does not start with a name
            groups[-1][1].append(items[i])
            i += 1
            continue
        j = i
        while j < len(items) and kinds[j]:
            j += 1
        # Names resume after an organization only when their own organization follows.
        if groups and groups[-1][1] and j == len(items):
            groups[-1][1].extend(items[i:j])
        else:
            groups.append(([clean_name(x) for x in items[i:j]], []))
        i = j
    people: list[Person] = []
    for names, rest in groups:
        title, org = "", ""
        if rest:
            if len(names) == 1 and len(rest) >= 2 and looks_like_title(rest[0]):
                title, org = rest[0], ", ".join(rest[1:])
            elif len(names) == 1 and len(rest) == 1 and looks_like_title(rest[0]) and not (
                looks_like_org(rest[0])
            ):
                title = rest[0]
            else:
                org = ", ".join(rest)
        people.extend(Person(name, org, title) for name in names)
    return people


# A role label in the middle of a printed line starts a new logical line.
_MID_LABEL = (r"(?:Session\s+)?(?:Co-?)?(?:Chairs?|Moderators?|Panell?ists?|Discussants?|"
              r"Facilitators?|Presenters?)\s*:")
_MID_LABEL_RE = re.compile(rf"(?<=\S)[ \t]+(?={_MID_LABEL})")
# What the pattern needs.
_MID_LABEL_WORDS = ("Chair", "Moderator", "Panel", "Discussant", "Facilitator", "Presenter")
# A line the split above started: it never continues the line before (`… Recruiting -`).
_MID_LABEL_START_RE = re.compile(_MID_LABEL)
_CONTINUE_END_RE = re.compile(
    r"([,;&]|\band|\bof|\bat|\bthe|\san?|\bfor|\b(across|through|towards?|between|among|"
    r"without|within|using|versus|via|into|onto|from|with|about)|-)$", re.I)
# A bullet or a time slot starts an entry (`• Title`, `11:00–11:30 Title`).
_ENTRY_START_RE = re.compile(r"^([•·▪●◦‣]|\d{1,2}[:.]\d{2}\b)")
# Short lower-case words that end a wrapped title line (`… Variations in` / `Collaboration`);
# in capitals they may be surnames (`Ann To`).
_CONTINUE_SMALL_RE = re.compile(r"\b(in|on|to|by|a|an|as|or|vs\.?|our|your|their|its)$")


_SEPARATOR_RE = re.compile(r"[,;:]")
_COMMA_RE = re.compile(r"[,;]")
_FIRST_ITEM_RE = re.compile(r"\s*[,;]\s*|\s+and\s+")
_PAREN_RE = re.compile(r"\s*\([^()]*\)\s*")


@_memo_list
def logical_lines(text: str, *, split_names: bool = False) -> list[str]:
    r"""Join the printed lines of a paragraph that continue one another.

    A line continues the previous one when the previous ends with a separator (`,` `;` `and`
    `of` `-`), when it starts in lower case, or when its first item is not a name on its own
    (`University`, `Center ;`, a surname whose first name ended the previous line). A list of
    names never continues a line; with `split_names`, neither does one name below a line that
    is not a name (a paper's single author below its title).

    >>> logical_lines(
    ...     "Leland Beck, Patty Kraft,\nAlexander W. Chizhik, San Diego\nState University")
    ['Leland Beck, Patty Kraft, Alexander W. Chizhik, San Diego State University']
    >>> logical_lines("Jane Doe, MIT\nBo Li, Stanford University")
    ['Jane Doe, MIT', 'Bo Li, Stanford University']
    """
    out: list[str] = []
    split_at_labels = ":" in text and any(word in text for word in _MID_LABEL_WORDS)
    if split_at_labels:
        text = _MID_LABEL_RE.sub("\n", text)
    printed = [ln.strip() for ln in text.split("\n") if ln.strip()]
    width = max((len(ln) for ln in printed), default=0)
    for i, line in enumerate(printed):
        # A line cut by wrapping: the previous line is nearly full, is a `Name, …, Org` line
        # and this one is a short tail without commas (`Clearpath Background` / `Screening`).
        wrapped = i > 0 and len(printed[i - 1]) >= 0.75 * width and width >= 40 and (
            "," in printed[i - 1] and not _SEPARATOR_RE.search(line) and len(line.split()) <= 3
            and not ROLE_WORDS_RE.match(line)
        )
        labelled = split_at_labels and _MID_LABEL_START_RE.match(line)
        if out and not labelled and (
                wrapped or _continues(out[-1], line, split_names=split_names)):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _continues(prev: str, line: str, *, split_names: bool = False) -> bool:
    alone, split = _continuation(prev, line)
    return split if split_names else alone


@_memo
def _continuation(prev: str, line: str) -> tuple[bool, bool]:
    """Whether `line` continues `prev`, without and with `split_names`: both answers at once,
    since `logical_lines` joins most paragraphs both ways and they differ in one case only."""
    if _ENTRY_START_RE.match(line):
        return False, False
    # Both patterns end at `$`: searching only the tail keeps them from scanning long lines.
    tail = max(0, len(prev) - 24)
    if line[:1].islower() or _CONTINUE_END_RE.search(prev, tail) or (
        _CONTINUE_SMALL_RE.search(prev, tail)
    ) or prev.count("(") > prev.count(")"):
        return True, True
    if ROLE_WORDS_RE.match(line):  # `Opening Keynote: Name` starts an entry of its own
        return False, False
    # A list of names (an author line below a paper title) starts a line of its own (issue 3).
    if name_list_items(line):
        return False, False
    if not _COMMA_RE.search(line) and looks_like_name(truecase(clean_name(line))) and not (
        looks_like_name(truecase(clean_name(prev)))
    ):
        # One author below a title (only with `split_names`); `Business Manager` /
        # `Priscilla Rasmussen` (always).
        return (False if _role_heading(prev) else _continues_item(prev, line)), False
    answer = _continues_item(prev, line)
    return answer, answer


def _continues_item(prev: str, line: str) -> bool:
    """The rest of `_continuation`: whether `line` starts with a new name or a fragment."""
    if ROLE_WORDS_RE.match(prev) and looks_like_name(truecase(clean_name(prev))):
        return False  # ... and ends with the name
    if not _COMMA_RE.search(prev + line):  # a wrapped title, or one name per line
        return not (looks_like_name(truecase(clean_name(prev)))
                    and looks_like_name(truecase(clean_name(line))))
    if line[:1] in "([•·-–" or ROLE_WORDS_RE.match(line):
        return False
    # A nickname stays (`Jennifer (Ginger) Alford`); an affiliation in parentheses goes
    # (`Marcus` / `Bell (Brightpath Consulting)`).
    first = _FIRST_ITEM_RE.split(line, maxsplit=1)[0]
    first = _PAREN_RE.sub(" ", first).strip() if not first.endswith(")") else (
        first[:first.rfind("(")].strip())
    first_is_fragment = (
        ("," in line or ";" in line or "," in prev or ";" in prev)
        and not looks_like_name(truecase(clean_name(first)))
    )
    return first_is_fragment


@_memo
def _role_heading(text: str) -> bool:
    """A short line that ends with a job title: `Business Manager`, `Reviewing Coordinators`."""
    words = text.split()
    return 1 <= len(words) <= 5 and bool(TITLE_WORDS_RE.fullmatch(words[-1])) and (
        not looks_like_name(text))


def split_tagline(tagline: str) -> tuple[str, str]:
    """A speaker's one-line tagline -> (title, organization); both are substrings of the input.

    Separators `at`, `@`, `|`, `bei`, `chez` put the title first; with `,`, `;`, ` - ` or ` / `
    the side that reads as a job title is the title, whichever comes first. A tagline with no
    separator is an organization only when it reads as one (`softaware gmbh`); self-descriptions
    (`data juggler`) are titles.

    >>> split_tagline("Cloud Architect at Contoso")
    ('Cloud Architect', 'Contoso')
    >>> split_tagline("CTO | Fabrikam GmbH")
    ('CTO', 'Fabrikam GmbH')
    >>> split_tagline("ACP IT Solutions GMBH, Multi Cloud Architect")
    ('Multi Cloud Architect', 'ACP IT Solutions GMBH')
    >>> split_tagline("ceo ppedv"), split_tagline("@atwork"), split_tagline("Azure Enthusiast")
    (('ceo', 'ppedv'), ('', 'atwork'), ('Azure Enthusiast', ''))
    """
    text = " ".join((tagline or "").split())
    if not text:
        return "", ""
    extra_title_re = re.compile(
        r"\b(enthusiast|professional|expert|hacker|geek|nerd|ninja|guru|lover|fan|trainer\w*|"
        r"entwickler\w*|berater\w*|ingénieur\w*|développeu\w*|mvp|rd|gde|author|speaker|"
        r"blogger|maker|student|freelanc\w*)\b",
        re.I,
    )
    strong_org_re = re.compile(
        r"\b(gmbh|inc\.?|ltd\.?|llc|llp|ag|plc|s\.?a\.?|sarl|sas|bv|oy|ab|corp\.?|"
        r"corporation|universit\w*|college|institut\w*)$",
        re.I,
    )

    def titleish(part: str) -> bool:
        return bool(TITLE_WORDS_RE.search(part) or extra_title_re.search(part)) and not (
            strong_org_re.search(part)
        )

    def orgish(part: str) -> bool:
        return bool(strong_org_re.search(part) or ORG_WORDS_RE.search(part)) and not titleish(part)

    def clean(part: str) -> str:
        return part.strip(" ,;|/@–-")

    if text.startswith("@") and " " not in text:  # "@atwork"
        return "", clean(text)
    for sep in (" | ", " @ ", " at ", " bei ", " chez ", " @"):
        if sep in text:
            title, _, org = text.partition(sep)
            if clean(title) and clean(org):
                return clean(title), clean(org)
    match = re.match(r"^(?P<title>(?:co-?)?founder|ceo|cto|cfo|coo|cio|cso|cmo|vp|md|owner)"
                     r"(?: of)? (?P<org>\S.{0,40})$", text, re.I)
    if match and not titleish(match.group("org")):
        return match.group("title"), clean(match.group("org"))
    match = re.match(r"^(?P<title>.+?) for (?P<org>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})$", text)
    if match and titleish(match.group("title")) and not titleish(match.group("org")):
        return match.group("title"), match.group("org")
    for sep in (" - ", " – ", " — ", "; ", " / ", ", "):
        if sep not in text:
            continue
        first, _, rest = text.partition(sep)
        first, rest = clean(first), clean(rest)
        if not first or not rest:
            continue
        if titleish(first) and not titleish(rest):
            return first, rest
        if titleish(rest) and not titleish(first):
            return rest, first
        if titleish(first) and titleish(rest):
            return clean(text), ""
        if orgish(first) or orgish(rest):
            return "", clean(text)
    if titleish(text) or not orgish(text):
        return clean(text), ""
    return "", clean(text)

"""Person names: parse a printed name once, fold it to a key, tell whether two names may match."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from nameparser import HumanName
from nameparser.config import Constants
from rapidfuzz.distance import Levenshtein

from pipeline.text.lexicon import credentials
from pipeline.text.namefreq import known_given_share, known_surname_share

# Credentials printed after a name ("Jane Doe, PhD, SHRM-SCP"): the lexicon's. Matched
# case-insensitively without dots; anything else in ALL-CAPS after a comma is treated as a
# credential too.
CREDENTIALS = credentials()
# Words that join surname parts and carry no identity: "van der Berg", "García i Quiles",
# "al-Rashid".
PARTICLES = frozenset(
    "van von de der den del della dela di da du des la le lo dos das do ten ter al el bin ibn "
    "y i e st".split()
)
GENERATIONAL = frozenset("jr sr ii iii iv v".split())

# Words of a conference program, never of a person's name: "NSF Showcase", "Poster Session".
PROGRAM_WORDS = frozenset(
    "showcase session sessions workshop workshops tutorial tutorials poster posters reception "
    "lunch luncheon break coffee keynote keynotes panel plenary banquet registration".split()
)

_DOT_BEFORE_LETTER = re.compile(r"\.(?=[^\W\d_])")
_SPACES = re.compile(r"\s+")
_WORD_TWICE = re.compile(r"\b([^\W\d_]{2,})( \1\b)+", re.I)
_PROGRAM_TEXT_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CREDENTIAL_TOKEN = re.compile(r"^[A-Z][A-Za-z]*(?:[-./][A-Z][A-Za-z]*)*\.?$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case ASCII fold: `Dröge` -> `droge`, `Quèze` -> `queze`, `ß` -> `ss`.

    >>> fold("Sebastian DRÖGE")
    'sebastian droge'
    """
    # ASCII text is its own NFKD form with nothing to replace: only the case changes.
    return text.lower() if text.isascii() else _fold_unicode(text)


@lru_cache(maxsize=1 << 16)
def _fold_unicode(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ø", "o").replace(
        "Ø", "O").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("æ", "ae"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@cache
def _constants() -> Constants:
    constants = Constants()
    constants.suffix_acronyms.add(*CREDENTIALS)
    return constants


@cache
def nickname_table() -> dict[str, frozenset[str]]:
    """Folded first name -> the canonical first names it may stand for (package data)."""
    table: dict[str, set[str]] = {}
    text = resources.files("pipeline.text").joinpath("data/nicknames.csv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, nicks = line.partition(",")
        canonical = canonical.strip()
        table.setdefault(canonical, set()).add(canonical)
        for nick in nicks.split():
            table.setdefault(nick, set()).add(canonical)
    return {k: frozenset(v) for k, v in table.items()}


def canonical_firsts(first: str) -> frozenset[str]:
    """`bob` -> {robert}; `robert` -> {robert}; an unknown name stands for itself."""
    return nickname_table().get(first, frozenset({first}))


class _computed_once:
    """`functools.cached_property` without its lock: Python 3.11's takes an RLock on every
    read before the value is cached, 2% of resolving a million appearances (two keys read of
    each distinct name). The value goes in the instance's `__dict__`, which then answers."""

    def __init__(self, func):
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass(frozen=True)
class ParsedName:
    """A printed name taken apart; every string field is folded to lower-case ASCII."""

    raw: str
    display: str
    first: str
    middles: tuple[str, ...]
    last_parts: tuple[str, ...]
    nickname: str = ""

    @_computed_once
    def key(self) -> str:
        """First and last name (surname parts joined by `-`): the identity key without middles."""
        return " ".join(p for p in (self.first, "-".join(self.last_parts)) if p)

    @_computed_once
    def full_key(self) -> str:
        """The key with middle initials: `john a smith`."""
        middle = " ".join(m[0] for m in self.middles)
        return " ".join(p for p in (self.first, middle, "-".join(self.last_parts)) if p)

    @property
    def initial(self) -> str:
        return self.first[:1]

    @property
    def is_initial(self) -> bool:
        return len(self.first) == 1

    def block_keys(self) -> set[str]:
        """Blocking keys: every surname part (and long middle name) with every first initial."""
        initials = {self.initial} | {c[:1] for c in canonical_firsts(self.first)}
        if self.nickname:
            initials |= {self.nickname[0]} | {c[:1] for c in canonical_firsts(self.nickname)}
        surnames = {p for p in self.last_parts if len(p) > 1}
        surnames |= {m for m in self.middles if len(m) > 2}
        if not surnames:  # a single word: block on the word itself
            return {f"{self.first}|"}
        return {f"{s}|{i}" for s in surnames for i in initials}


def clean_name(raw: str) -> str:
    """Printed name without credentials, stray punctuation and doubled spaces.

    >>> clean_name("Dr. Jane Doe, PhD, SHRM-SCP")
    'Dr. Jane Doe'
    >>> clean_name("DOE, JANE")
    'DOE, JANE'
    >>> clean_name("Jane Doe FACM")
    'Jane Doe'
    >>> clean_name("Richard Brown Brown")
    'Richard Brown'
    >>> clean_name("Ann Lee-, BA")
    'Ann Lee'

    Not :func:`pipeline.text.lines.clean_name`, which reads a name out of a line of a program
    (and drops honorifics, role words and footnote marks): this one tidies a name already read,
    for :func:`parse_name`, and keeps what a user sees printed ("Dr. Jane Doe").
    """
    text = unicodedata.normalize("NFKC", raw or "").replace("\u00a0", " ")
    text = _DOT_BEFORE_LETTER.sub(". ", text)  # "Dr.Jane", "J.R." -> "Dr. Jane", "J. R."
    text = _SPACES.sub(" ", text).strip(_STRAY)
    all_caps = text.upper() == text
    parts = [p.strip() for p in text.split(",")]
    # Drop trailing comma-separated credentials ("..., PhD, CPA"), keeping "Last, First".
    while len(parts) > 1:
        tail = parts[-1]
        tokens = tail.replace("(", " ").replace(")", " ").split()
        if tokens and all(_is_credential(t, strict=all_caps) for t in tokens):
            parts.pop()
        else:
            break
    text = ", ".join(parts)
    # A word read twice ("Manuel Manuel Pérez", "Richard Brown Brown") is a reading error.
    text = _WORD_TWICE.sub(r"\1", text)
    # Drop credentials written without a comma ("Jane Doe FACM", "Jane Doe PhD").
    words = text.split(" ")
    while len(words) > 2 and _is_credential(words[-1], strict=True):
        words.pop()
    # What dropping credentials bared ("a-, BA" -> "a-") is stray too: cleaning twice is
    # cleaning once.
    return " ".join(words).strip(_STRAY)


_STRAY = " ,;:*†‡§¶-–—•·"


def _is_credential(token: str, *, strict: bool) -> bool:
    bare = token.replace(".", "").strip("()").lower()
    if bare in CREDENTIALS:
        return True
    if strict:
        return False
    uppers = sum(c.isupper() for c in token)
    return bool(_CREDENTIAL_TOKEN.match(token)) and uppers >= 2 and len(token) <= 10


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(text))]


_SIMPLE_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’-]*\.?")


@cache
def _nameparser_words() -> tuple[frozenset[str], frozenset[str]]:
    """nameparser's conjunctions, prefixes and suffixes as one plain set, and its titles
    (its own sets answer membership through a slow shim)."""
    constants = _constants()
    words = [*constants.conjunctions, *constants.prefixes, *constants.suffix_acronyms,
             *constants.suffix_not_acronyms]
    return (frozenset(w.lower().rstrip(".") for w in words),
            frozenset(w.lower().rstrip(".") for w in constants.titles))


# Honorifics nameparser takes off the front of a name and nothing else (a fact of nameparser,
# not a list of honorifics: the lexicon's are pipeline.text.lexicon.honorifics).
_PLAIN_TITLES = frozenset({"dr", "prof", "mr", "mrs", "ms", "mx"})


def _simple_parts(name: str) -> tuple[str, str, str] | None:
    """(first, middle, last) of a plain name that nameparser would read as exactly that:
    `[Dr.] First [Middle] Last` or `Last, First [Middle]` in capitalized words or initials,
    with no bracket, quote, other title, particle, conjunction or suffix; None for anything
    else."""
    head, comma, tail = name.partition(", ")
    if comma:  # `Doe, Jane Q.`: the surname first
        lasts, rest = head.split(" "), tail.split(" ")
        if "," in tail or len(lasts) > 2 or not 1 <= len(rest) <= 3:
            return None
        parts = _plain_tokens([*rest, *lasts])
        return (rest[0], " ".join(rest[1:]), head) if parts else None
    tokens = name.split(" ")
    if len(tokens) > 2 and tokens[0].lower().rstrip(".") in _PLAIN_TITLES:
        tokens = tokens[1:]  # `Dr. Jane Doe`
    if not 2 <= len(tokens) <= 4 or not _plain_tokens(tokens):
        return None
    return tokens[0], " ".join(tokens[1:-1]), tokens[-1]


def _plain_tokens(tokens: list[str]) -> bool:
    """Capitalized words or initials, none a title (but the last), particle, conjunction or
    suffix to nameparser."""
    not_plain, titles = _nameparser_words()
    for i, token in enumerate(tokens):
        if not token[:1].isupper() or not _SIMPLE_TOKEN.fullmatch(token):
            return False
        low = token.lower().rstrip(".")
        if low in not_plain or (i < len(tokens) - 1 and low in titles) or (
            token.endswith(".") and len(low) > 1
        ):
            return False
    return True


SURNAME_FIRST_SHARE = 1e-4
SURNAME_FIRST_GIVEN_SHARE = 2e-4  # `Wien` and `Santa` are given names too, to one in 10,000
COMMON_SURNAME_SHARE = 1e-3


@lru_cache(maxsize=65536)
def surname_first(text: str) -> bool:
    """`YILMAZ Ayşe`, `KIM Jung-soo`: a surname set in capitals before the given names, as
    Turkish, French, Hungarian and East Asian programs print it; the given names must be ones
    people bear (:func:`pipeline.text.namefreq.known_given_share`), so `NASA Goddard` and
    `IBM Research` are no such name: the capitals must be a surname people bear (one in ten
    thousand of some region's people at least) and the rest common given names, or, after a
    surname as common as `YU` or `KIM`, romanized syllables the table may not hold
    (`Hong-Xin`); `TU Wien` is a university.

    >>> surname_first("YILMAZ Ayşe"), surname_first("KAYA Mehmet Ali"), surname_first("YU Hong-Xin")
    (True, True, True)
    >>> surname_first("IBM Research"), surname_first("UC Santa Barbara"), surname_first("TU Wien")
    (False, False, False)
    """
    tokens = text.split()
    if not 2 <= len(tokens) <= 4:
        return False
    head, given = tokens[0].strip(","), tokens[1:]
    if not (len(head) >= 2 and head.isupper() and head.replace("-", "").isalpha()
            and re.search("[aeiouy]", fold(head))):
        return False
    if not all(t[:1].isupper() and not t.isupper() and t.replace("-", "").isalpha()
               for t in given):
        return False
    share = known_surname_share(fold(head))
    if share < SURNAME_FIRST_SHARE:
        return False
    return all(
        max(known_given_share(fold(t)), known_given_share(fold(t).replace("-", ""))) >= (
            SURNAME_FIRST_GIVEN_SHARE)
        # `Hong-Xin`, `Jung-Soo`: a romanized given name of two syllables
        or share >= COMMON_SURNAME_SHARE and "-" in t
        for t in given)


def parse_name(raw: str) -> ParsedName:
    """Take a printed name apart (nameparser with our credential list), folded for matching.

    >>> p = parse_name("Dr. Robert (Bob) van der Berg-Smith, PhD")
    >>> p.first, p.middles, p.last_parts, p.nickname
    ('robert', (), ('berg', 'smith'), 'bob')
    >>> parse_name("GARCIA, MARÍA J.").key
    'maria garcia'
    >>> parse_name("Pau Garcia i Quiles").last_parts
    ('garcia', 'quiles')
    >>> parse_name("YILMAZ Ayşe").key, parse_name("YILMAZ Ayşe").display
    ('ayse yilmaz', 'Ayşe Yilmaz')
    """
    cleaned = clean_name(raw)
    if surname_first(cleaned):  # `YILMAZ Ayşe` is Ayşe Yılmaz
        surname, *given = cleaned.split()
        cleaned = " ".join([*given, surname.title()])
    if cleaned.upper() == cleaned and any(c.isalpha() for c in cleaned):
        display_src = cleaned.title()
    else:
        display_src = cleaned
    simple = _simple_parts(display_src)
    if simple is not None:  # nameparser reads these the same, a hundred times slower
        first, middle, last = simple
        nickname = ""
    else:
        human = HumanName(display_src, constants=_constants())
        first, middle, last, nickname = human.first, human.middle, human.last, human.nickname
    display = " ".join(p for p in (first, middle, last) if p) or display_src
    if not last and not first:
        first = display_src
    if not last and middle:  # "Jane Q." style leftovers: treat the middle as the surname
        last, middle = middle, ""
    firsts = _words(first)
    middles = [m for m in _words(middle) if m not in PARTICLES]
    last_parts = [w for w in _words(last) if w not in PARTICLES and w not in GENERATIONAL]
    if not last_parts and len(firsts) > 1:
        firsts, last_parts = firsts[:1], firsts[1:]
    first_key = "".join(firsts)  # "Jean-Yves" -> "jeanyves"
    if not last_parts and not first_key and middles:
        last_parts, middles = middles[-1:], middles[:-1]
    nick = "".join(_words(nickname))
    if display.upper() == display or display.lower() == display:
        display = display.title()
    return ParsedName(raw=raw, display=display, first=first_key, middles=tuple(middles),
                      last_parts=tuple(last_parts), nickname=nick)


def is_program_text(name: str) -> bool:
    """A "name" holding a program word is a session or break read as a person.

    >>> is_program_text("NSF Showcase"), is_program_text("Jane Poster-Smith")
    (True, False)
    """
    return any(w in PROGRAM_WORDS for w in _PROGRAM_TEXT_WORD.findall(fold(name)))


def person_key(name: str) -> str:
    """Identity key of a printed name: `Dr. Jane Q. Doe`, `DOE, Jane` -> `jane doe`.

    >>> person_key("DOE, Jane Q.")
    'jane doe'
    >>> person_key("José  García-Pérez")
    'jose garcia-perez'
    >>> person_key("Pau Garcia i Quiles")
    'pau garcia-quiles'
    """
    key = parse_name(name).key
    for _ in range(3):  # the key of a key is itself, even for names nameparser reads two ways
        again = parse_name(key).key
        if again == key:
            break
        key = again
    return key


def _first_relation(a: ParsedName, b: ParsedName) -> float | None:
    """Penalty for two first names standing for the same person, None when they cannot."""
    return first_name_relation(a.first, a.nickname, b.first, b.nickname)


@lru_cache(maxsize=1 << 18)
def first_name_relation(fa: str, nick_a: str, fb: str, nick_b: str) -> float | None:
    """`_first_relation` from the folded first names and nicknames alone."""
    if fa == fb:
        return 0.0
    alts_a = {fa, nick_a} - {""}
    alts_b = {fb, nick_b} - {""}
    if alts_a & alts_b:
        return -0.5
    if not fa or not fb:
        return -1.5
    if len(fa) == 1 or len(fb) == 1:
        return -1.5 if fa[0] == fb[0] else None
    if any(canonical_firsts(x) & canonical_firsts(y) for x in alts_a for y in alts_b):
        return -0.5
    short, long = sorted((fa, fb), key=len)
    # A known short form ("Phil"/"Philippe", "Chris"/"Christoph"), not a sibling name
    # ("Min"/"Ming") nor a longer given name of its own ("Jian"/"Jianmin").
    if (len(short) >= 3 and len(long) - len(short) >= 2 and long.startswith(short)
            and short in nickname_table()):
        return -1.5
    if min(len(fa), len(fb)) >= 5 and Levenshtein.distance(fa, fb) <= 1:  # a typo
        return -2.0
    return None


def _last_relation(a: ParsedName, b: ParsedName) -> float | None:
    la, lb = a.last_parts, b.last_parts
    if la == lb:
        return 0.0
    sa, sb = set(la), set(lb)
    if sa and sb and (sa <= sb or sb <= sa):
        return -1.0
    # A middle name may be the first of two surnames: "Pau Garcia Quiles" / "Pau Garcia i Quiles".
    xa, xb = set(a.middles) | sa, set(b.middles) | sb
    if sa and sb and xa == xb:
        return -0.5
    if len(la) == 1 and len(lb) == 1 and min(len(la[0]), len(lb[0])) >= 5:
        if Levenshtein.distance(la[0], lb[0]) <= 1:  # a typo
            return -2.0
    return None


def _middle_compatible(a: ParsedName, b: ParsedName) -> bool:
    ia = "".join(m[0] for m in a.middles if m not in b.last_parts)
    ib = "".join(m[0] for m in b.middles if m not in a.last_parts)
    if not ia or not ib:
        return True
    # Initials of the shorter set in order within the longer: "A." / "A. B.", "P." / "A. P.".
    short, long = sorted((ia, ib), key=len)
    rest = iter(long)
    return all(c in rest for c in short)


def _joined_first(a: ParsedName, b: ParsedName) -> ParsedName:
    """`Mary Anne Egan` read against `Maryanne Egan`: the first name written in two words."""
    if a.middles and len(b.first) > len(a.first) and b.first == a.first + a.middles[0]:
        return ParsedName(raw=a.raw, display=a.display, first=b.first, middles=a.middles[1:],
                          last_parts=a.last_parts, nickname=a.nickname)
    return a


def name_relation(a: ParsedName, b: ParsedName) -> float | None:
    """Log-odds penalty (<= 0) for two names being one person, or None when they cannot be.

    >>> name_relation(parse_name("Phil Coval"), parse_name("Philippe Coval"))
    -0.5
    >>> name_relation(parse_name("Chris Lee"), parse_name("Christoph Lee"))
    -1.5
    >>> name_relation(parse_name("Michael Rogers"), parse_name("Michelle Rogers")) is None
    True
    >>> name_relation(parse_name("Bob Smith"), parse_name("Robert Smith"))
    -0.5
    >>> name_relation(parse_name("John A. Smith"), parse_name("John B. Smith")) is None
    True
    >>> name_relation(parse_name("David Teller"), parse_name("David Rajchenbach-Teller"))
    -1.0
    >>> name_relation(parse_name("Mary Anne L. Egan"), parse_name("Maryanne L. Egan"))
    0.0
    >>> name_relation(parse_name("Jian Zhang"), parse_name("Jianmin Zhang")) is None
    True
    """
    if a.full_key == b.full_key:
        return 0.0
    a, b = _joined_first(a, b), _joined_first(b, a)
    first = _first_relation(a, b)
    if first is None:
        return None
    last = _last_relation(a, b)
    if last is None or not _middle_compatible(a, b):
        return None
    return first + last

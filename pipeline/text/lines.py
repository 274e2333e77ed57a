"""What the words of a line are: names, job titles, organizations, credentials, honorifics.

The shape tests here (`looks_like_name`, `clean_name`, `split_tagline`, ...) are what the line
parsers of `pipeline.text.line_shapes` and the extractors build on.
"""

from __future__ import annotations

import re

from pipeline.text.lexicon import (
    credentials,
    honorifics,
    inline_credential_alternation,
    lexicon,
    not_name_words,
    organization_word_re,
    script_surnames,
)
from pipeline.text.memo import memo
from pipeline.text.role_labels import role_label_re

# Honorifics printed before a name (`Dr.`, `Prof.`, `Izv. prof.`, `Doç.`): the lexicon's.
HONORIFICS = set(honorifics())
CREDENTIALS_RE = re.compile(rf",?\s*\b({inline_credential_alternation()})\b\.?", re.I)
# Credentials printed after a name (the lexicon's `credentials`). Two-letter ones (`MA`, `BA`,
# `MD`) are also surnames (`Ma`, `Ba`, `Md`), so a bare token is a credential only after a comma
# or in dotted form; longer ones are dropped at the end of a name too (`Jane Doe FACHE`).
DEGREES = credentials()
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_FELLOW_RE = re.compile(r"^(ieee|acm|aaas|aaai)\s+fellow$", re.I)
PARTICLES = {
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "al", "el",
    "bin", "ben", "ter", "ten", "dos", "das", "do", "st.", "y", "e", "zu",
}
# Words that never occur in a person's name but do in session titles, rooms and organizations.
NOT_NAME_WORDS = set(not_name_words())  # the lexicon's
TITLE_WORDS_RE = re.compile(
    r"\b(professor|prof\.|lecturer|director|ceo|cto|cfo|coo|cio|chief|president|vice|vp|svp|evp|"
    r"head|manager|lead|engineer|scientist|researcher|fellow|dean|chair|chairman|founder|"
    r"co-founder|partner|principal|consultant|officer|analyst|architect|developer|advocate|"
    r"evangelist|teacher|instructor|student|candidate|coordinator|specialist|associate|assistant|"
    r"adjunct|emeritus|editor|owner|attorney|counsel|recruiter|advisor|adviser|executive|"
    r"strategist|designer|administrator|superintendent|provost|postdoc|phd student|mvp|rd)s?\b",
    re.I,
)
# Words that make a name an organization's, in every language of the lexicon.
ORG_WORDS_RE = organization_word_re()
INITIAL_RE = re.compile(r"^[A-Z]\.?(-[A-Z]\.?)?$")
NAME_TOKEN_RE = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-À-ÿĀ-ſ]*$", re.UNICODE)
# A surname after an elided particle (`d'Arcy`, `dell'Orto`, `l'Huillier`): the particle is in
# lower case, the name after the apostrophe capitalized.
ELIDED_TOKEN_RE = re.compile(r"^(?:d|l|dell|dall|degl|all)['’][A-ZÀ-ÖØ-Þ][\w'’\-À-ÿĀ-ſ]*$")
# A role label leading a line (`Chair:`, `Keynote II |`, `Vorsitz:`), from the lexicon: the one
# pattern the line joiner, the name cleaner and the recognizer share.
ROLE_WORDS_RE = role_label_re()


_FOOTNOTE_RE = re.compile(r"[\*†‡§¶#\d⁰¹²³⁴⁵⁶⁷⁸⁹]+$")  # footnote marks after a name
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


@memo
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


@memo
def _degree_token(token: str, *, alone: bool) -> bool:
    """`PhD`, `Ph.D.`, `FACHE`; a two-letter one (`MA`) only `alone` (after a comma) or dotted."""
    bare = token.strip(".,;:()").lower()
    plain = bare.replace(".", "").replace(" ", "")
    if plain not in DEGREES:
        return False
    dotted = "." in token.strip(",;:()").rstrip(".") or token.count(".") >= 2
    return alone or dotted or (len(plain) > 2 and not token[1:].islower())


@memo
def is_credential(item: str) -> bool:
    """An item that is only credentials (`PhD`, `MHA FACHE`, `IEEE Fellow`), never a suffix."""
    item = item.strip(" .;:")
    if not item or _FELLOW_RE.match(item):
        return bool(item)
    return all(_degree_token(t, alone=True) for t in item.split())


@memo
def truecase(name: str) -> str:
    """`JANE DOE` -> `Jane Doe`; mixed case is left alone."""
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        return re.sub(
            # a letter alone is an initial (`KOVAČ A` is `Kovač A`)
            r"[^\W\d_]+", lambda m: m.group(0).capitalize() if len(m.group(0)) > 1 else (
                m.group(0).upper()),
            name.lower(),
        ).replace("Mc", "Mc")
    return name


# `Programmers' Understanding`, `Teachers’ Knowledge`: a possessive is no part of a name.
POSSESSIVE_RE = re.compile(r"\w(s['’]|['’]s)(\s|$)")


_NOT_NAME_CHAR_RE = re.compile(r"[@/:;!?&=+<>\[\]{}\"“”]")
_NOT_LISTED_CHAR_RE = re.compile(r"[@/:;!?&=+<>\[\]{}\"“”()]")


@memo
def looks_like_name(text: str) -> bool:
    """Shape test: 2-5 capitalized tokens (initials and particles allowed), no digits or cues.

    >>> looks_like_name("Monica M. McGill"), looks_like_name("Executive Director")
    (True, False)
    >>> looks_like_name("Helen d'Arcy"), looks_like_name("d'Arcy Hall")
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
        if not NAME_TOKEN_RE.match(bare) and not (i > 0 and ELIDED_TOKEN_RE.match(bare)):
            return False
        capitalized += 1
    initials = sum(1 for t in tokens if INITIAL_RE.match(t))
    return capitalized >= 2 and initials < len(tokens)


_HANGUL_RE = re.compile(r"^[\uac00-\ud7a3]+$")
_HAN_RE = re.compile(r"^[\u4e00-\u9fff\u3005]+$")  # Chinese characters (and `々`)
_KANA_RE = re.compile(r"^[\u4e00-\u9fff\u3005\u3040-\u30ff]+$")


def script_name(text: str) -> bool:
    """Whether `text` is a whole person's name written in Hangul or Chinese characters, as
    committee pages and tables of Korean, Chinese and Japanese events print them: a common
    surname of the lexicon (`script_surnames`) and a given name of one or two characters
    (three for Japanese with kana), with or without a space between; never a word the lexicon
    names a role, heading or organization by (`위원장`, `조직위원회`, `大学`).

    >>> [script_name(n) for n in ("김민수", "남궁 민", "王小明", "山田 太郎")]
    [True, True, True, True]
    >>> script_name("위원장"), script_name("서울대학교"), script_name("Ann Lee"), script_name("김")
    (False, False, False, False)
    """
    text = " ".join(str(text or "").split())
    bare = text.replace(" ", "")
    if not 2 <= len(bare) <= 6 or text.count(" ") > 1 or _script_words_re().search(bare):
        return False
    surnames = script_surnames()
    if _HANGUL_RE.match(bare):
        splits = [text.split()] if " " in text else [[bare[:n], bare[n:]] for n in (1, 2)]
        return any(len(s) >= 1 and s in surnames.get("ko", ()) and 1 <= len(g) <= 2 and (
            " " in text or len(s) + len(g) >= 3) for s, g in splits)
    if _KANA_RE.match(bare):
        splits = [text.split()] if " " in text else [[bare[:n], bare[n:]] for n in (1, 2, 3)]
        for family, given in splits:
            if family in surnames.get("ja", ()) and 1 <= len(given) <= 3:
                return " " in text or len(bare) >= 3
            if family in surnames.get("zh", ()) and _HAN_RE.match(given) and 1 <= len(given) <= 2:
                return " " in text or len(bare) >= 2 and len(bare) <= 3
    return False


@memo
def _script_words_re() -> re.Pattern[str]:
    """The lexicon's words in Hangul and Chinese characters (roles, headings, organizations)."""
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key != "script_surnames":
                    walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
        elif isinstance(value, str):
            word = value.rstrip("*").replace(" ", "")
            if word and (_HANGUL_RE.match(word) or _KANA_RE.match(word)) and len(word) >= 2:
                found.add(word)
    walk(lexicon())
    return re.compile("|".join(sorted(map(re.escape, found), key=len, reverse=True)) or "(?!)")


@memo
def looks_like_org(text: str) -> bool:
    return bool(ORG_WORDS_RE.search(text))


# Lower-case words an organization's name is made with (`University of the Arts`, `Institut für
# Informatik`); any other lower-case word (`with`, `via`, `eigenproblems`) is a title's.
_ORG_GLUE = frozenset(
    "of for and the at in de du des la le les di da do dos das del della der den für und y e et "
    "an am zu van von &".split())
def title_like(text: str) -> bool:
    """A talk title's shape: a colon or question mark, six words or more, or a lower-case word
    no organization name is made with.

    >>> title_like("Sparse Pseudospectral Shattering"), title_like("University of the Arts")
    (False, False)
    >>> title_like("Linking and Generation for Greek Legislation"), title_like("Go with Flow")
    (True, True)
    """
    words = text.split()
    return bool(re.search(r"\w: |\?$", text)) or len(words) >= 6 or any(
        w[:1].islower() and w.lower().strip(".,;()") not in _ORG_GLUE for w in words)


VOWEL_RE = re.compile(r"[AEIOUY]")


@memo
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


@memo
def looks_like_title(text: str) -> bool:
    return bool(TITLE_WORDS_RE.search(text)) and not looks_like_name(text)


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

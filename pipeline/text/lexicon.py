"""The lexicon of structured data (`data/lexicon.yaml`): key synonyms, context roles, tiers."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from pipeline.text.keys import norm_key
from pipeline.text.memo import memo

LEXICON_PATH = Path(__file__).with_name("data") / "lexicon.yaml"


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@cache
def lexicon() -> dict:
    with open(LEXICON_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def _field_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for kind, keys in lexicon()["fields"].items():
        for key in keys:
            key = norm_key(key)
            index.setdefault(key, kind)
            index.setdefault(_singular(key), kind)
    return index


def field_kind(key: object) -> str:
    """What a record's key holds: person, org, year, award, tier, ... or '' when unknown.

    >>> field_kind("Winner Name"), field_kind("Affiliations"), field_kind("sponsor_level")
    ('person', 'org', 'tier')
    >>> field_kind("colour")
    ''
    """
    key = norm_key(key)
    index = _field_index()
    if key in index:
        return index[key]
    if _singular(key) in index:
        return index[_singular(key)]
    # `speaker_names`, `main_author`, `recipient_affiliation`: the last word, then the first.
    words = key.split("_")
    for word in (words[-1], words[0]) if len(words) > 1 else ():
        if word in index and index[word] not in ("id", "text"):
            return index[word]
        if _singular(word) in index and index[_singular(word)] not in ("id", "text"):
            return index[_singular(word)]
    return ""


@cache
def _context_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for role, words in lexicon()["context_roles"].items():
        alternatives = sorted({norm_key(w) for w in words}, key=len, reverse=True)
        body = "|".join(re.escape(w).replace("_", "[_ ]?") for w in alternatives)
        out.append((role, re.compile(rf"(?:^|[_ ])(?:{body})(?:$|[_ ])")))
    return tuple(out)


def context_role(text: object) -> str:
    """The role a context word gives (`sponsors.yml` -> sponsor, `Keynotes:` -> keynote), or ''.

    >>> context_role("sponsors"), context_role("Programme Committee"), context_role("prizes")
    ('sponsor', 'committee', 'award_recipient')
    >>> context_role("2023"), context_role("prize_committee"), context_role("Committee Prizes")
    ('', 'committee', 'award_recipient')
    >>> context_role("Keynote Speakers"), context_role("Invited talks")
    ('keynote', 'keynote')
    """
    key = norm_key(text)
    # The head noun decides: a `Prize Committee` is a committee, `Committee Prizes` prizes; the
    # generic `speakers` only when nothing else is said (`Keynote Speakers` are keynotes).
    best, end = "", -1
    for role, pattern in _context_patterns():
        for match in pattern.finditer(key):
            if match.end() > end and not (role == "speaker" and best):
                best, end = role, match.end()
    return best or _heading_role(key.replace("_", " "))


@cache
def _heading_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((role, re.compile(body, re.I)) for role, body in section_heading_words().items())


def _heading_role(text: str) -> str:
    """The role the section headings of the lexicon give a context word no context word
    matched, in every language they are written in (`Organizacijski odbor`, `Bilim Kurulu`,
    `조직위원회`): the head noun decides here too. Not the speaker's words (`paper`, `session`):
    a program's sessions are speakers' anyway, and `Best Paper` is an award.

    >>> _heading_role("znanstveni odbor"), _heading_role("düzenleme kurulu"), _heading_role("x")
    ('committee', 'committee', '')
    """
    best, end = "", -1
    for role, pattern in _heading_patterns():
        for match in pattern.finditer(text) if role != "speaker" else ():
            if match.end() > end:
                best, end = role, match.end()
    return best


@cache
def _position_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for role, words in lexicon()["position_roles"].items():
        alternatives = sorted(words, key=len, reverse=True)
        body = "|".join(re.escape(w).replace(r"\ ", r"[\s_-]+") for w in alternatives)
        out.append((role, re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)))
    return tuple(out)


def _alternation(words) -> str:
    """Words as one regex alternation, longest first; a space and a hyphen stand for each
    other."""
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+")
                    for w in sorted(words, key=len, reverse=True))


@cache
def position_alternation(role: str) -> str:
    """A regex alternation of the `position_roles` words of `role` (`chair`: Chair, Co-Chair,
    Chairperson, Vorsitz, 위원장 ...)."""
    return _alternation(lexicon()["position_roles"][role])


@cache
def office_alternation() -> str:
    """A regex alternation of the offices of a society's board as labels print them: a board
    word of `position_roles`, with up to two of the lexicon's `office_modifiers` before it and
    one after (`Secretary-General`, `Immediate Past President`, `President-Elect`).

    >>> pattern = re.compile(office_alternation(), re.I)
    >>> [bool(pattern.fullmatch(t)) for t in ("General Secretary", "Secretary-General", "Chair")]
    [True, True, False]
    """
    modifiers = _alternation(lexicon()["office_modifiers"])
    return (rf"(?:(?:{modifiers})[\s-]+){{0,2}}(?:{position_alternation('board')})"
            rf"(?:[\s-]+(?:{modifiers}))?")


def position_role(text: object) -> str:
    """The role a person's position value gives (`Technical Co-Chair` -> chair), or ''.

    >>> position_role("Technical Co-Chair"), position_role("Treasurer"), position_role("KTH")
    ('chair', 'board', '')
    >>> position_role("Student Reception Organizer")
    'organizer'
    """
    value = str(text or "")
    if not value or len(value) > 80:
        return ""
    for role, pattern in _position_patterns():
        if pattern.search(value):
            return role
    return ""


@cache
def tier_words() -> frozenset[str]:
    """The sponsor tiers a structured file's key or field may name (`platinum`, `lanyard`)."""
    return frozenset(str(w).lower() for w in lexicon()["tiers"])


@cache
def _tier_re() -> re.Pattern:
    words = sorted(lexicon()["tiers"], key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^(?:(?:{body})s?\b[\s_-]*)+(?:\d+)?$", re.I)


def is_tier(text: object) -> bool:
    """True for a sponsor tier name (`Gold`, `platinum_sponsors`, `Silver Level`).

    >>> is_tier("Gold"), is_tier("platinum_sponsors"), is_tier("Silver Level"), is_tier("Acme")
    (True, True, True, False)
    """
    value = " ".join(norm_key(text).split("_"))
    return bool(value) and bool(_tier_re().match(value))


def tier_label(text: object) -> str:
    """A tier as printed in `sponsor_tier`: its words without sponsor/level/tier, title-cased.

    >>> tier_label("platinum_sponsors"), tier_label("Gold Level"), tier_label("Sponsors")
    ('Platinum', 'Gold', '')
    """
    words = [w for w in norm_key(text).split("_") if w and _singular(w) not in (
        "sponsor", "supporter", "level", "tier", "exhibitor", "partner")]
    return " ".join(w.capitalize() for w in words)


@cache
def printed_tier_alternation() -> str:
    """The tiers a printed line names, as one regex alternation, longest first.

    >>> "platinum" in printed_tier_alternation().split("|")
    True
    """
    words = sorted({str(w).lower() for w in lexicon()["printed_tiers"]}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


@cache
def honorifics() -> frozenset[str]:
    """Honorifics as printed before a name, lower-case, with and without their dot."""
    return frozenset(str(w).lower() for w in lexicon()["honorifics"])


@cache
def honorific_words() -> frozenset[str]:
    """Honorifics without a trailing dot (`dr`, `prof`, `izv`, `dr.-ing`).

    >>> {"dr", "prof", "izv", "dr.-ing"} <= honorific_words()
    True
    """
    return frozenset(w.rstrip(".") for w in honorifics())


@cache
def credentials() -> frozenset[str]:
    """Credentials and degrees printed after a name, lower-case and without dots.

    >>> {"phd", "shrm-scp", "fache"} <= credentials()
    True
    """
    return frozenset(str(w).lower() for w in lexicon()["credentials"])


def inline_credential_alternation() -> str:
    """The lexicon's `inline_credentials` as one regex alternation: a dot may be printed or not,
    with a space after it; a space is any run of spaces.

    >>> re.fullmatch(inline_credential_alternation(), "Ph. D", re.I) is not None
    True
    """
    return "|".join(
        re.escape(str(w).lower()).replace(r"\.", r"\.?\s?").replace(r"\ ", r"\s+")
        for w in lexicon()["inline_credentials"])


@cache
def not_name_words() -> frozenset[str]:
    """Words no person's name holds (`session`, `hall`, `station`), lower-case.

    >>> {"ballroom", "station"} <= not_name_words() and "park" not in not_name_words()
    True
    """
    return frozenset(str(w).lower() for w in lexicon()["not_name_words"])


@cache
def organization_word_re() -> re.Pattern[str]:
    """A word that makes a name an organization's (`University`, `Üniversitesi`, `GmbH`,
    `大学`), from the lexicon's `organization_words`.

    >>> [bool(organization_word_re().search(t)) for t in
    ...  ("Ege Üniversitesi", "Sveučilište u Zagrebu", "東京大学", "Helen Marsh")]
    [True, True, True, False]
    """
    whole, stems, inside = [], [], []
    for word in sorted({str(w).lower() for w in lexicon()["organization_words"]}, key=len,
                       reverse=True):
        body = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+")
        if not any(ch.isascii() for ch in word):
            inside.append(body)
        else:
            (stems if word.endswith("*") else whole).append(body)
    parts = [rf"\b(?:{'|'.join(whole)})(?!\w)", rf"\b(?:{'|'.join(stems)})", "|".join(inside)]
    return re.compile("|".join(p for p in parts if p), re.I)


@cache
def not_people() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()["not_people"])


@cache
def session_kinds() -> dict[str, str]:
    """Session-kind phrases (`invited talk`, `parallel session`, `coffee break`) by role, each
    role's as one regex alternation, longest first.

    >>> "invited\\s+talk" in session_kinds()["keynote"], sorted(session_kinds())
    (True, ['break', 'keynote', 'panelist', 'speaker'])
    """
    out: dict[str, str] = {}
    for role, words in lexicon()["session_kinds"].items():
        ordered = sorted({str(w).lower() for w in words}, key=len, reverse=True)
        out[role] = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return out


@cache
def _coauthor_re() -> re.Pattern[str]:
    words = sorted(lexicon()["coauthor_phrases"], key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.I)


def names_coauthors(line: str) -> bool:
    """Whether a line names co-authors by a phrase (`Joint work with Ann Lee.`), not presenters.

    >>> names_coauthors("results. Joint work with Ann Lee and Bo Chen."), names_coauthors("Ann Lee")
    (True, False)
    """
    return bool(_coauthor_re().search(str(line or "")))


@cache
def section_heading_words() -> dict[str, str]:
    """Section heading words of the lexicon (`committee`, `round table`, `kurul*`, `委員会`) by
    role, each role's as one regex: whole words, longest first; `*` ends a stem; CJK and Hangul
    words match inside a line.

    >>> bool(re.search(section_heading_words()["committee"], "Organizacijski odbori", re.I))
    True
    >>> re.search(section_heading_words()["speaker"], "Democracy", re.I) is None
    True
    """
    return {role: _heading_words_re(words)
            for role, words in lexicon()["section_headings"].items()}


def _heading_words_re(words) -> str:
    whole, stems, inside = [], [], []
    for word in sorted({str(w).lower() for w in words}, key=len, reverse=True):
        body = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+")
        if not any(ch.isalpha() and ch.isascii() for ch in word) and not word.isascii():
            inside.append(body)  # CJK, Hangul: inside a line
        else:
            (stems if word.endswith("*") else whole).append(body)
    parts = [rf"(?<!\w)(?:{'|'.join(whole)})(?!\w)" if whole else "",
             rf"(?<!\w)(?:{'|'.join(stems)})" if stems else "", "|".join(inside)]
    return "|".join(p for p in parts if p)


@cache
def _plain_section_re() -> re.Pattern[str]:
    return re.compile(_heading_words_re(lexicon()["plain_sections"]), re.I)


def plain_section(heading: str) -> bool:
    """Whether a heading names a part of an event's page or program that lists nobody in a
    role (`Contact`, `Venue`, `Important Dates`, `Anmeldung`): the lexicon's
    `plain_sections`, as whole words (the same syntax as `section_headings`).

    >>> plain_section("Contact"), plain_section("Previous Events"), plain_section("Sponsors")
    (True, True, False)
    """
    return bool(_plain_section_re().search(heading))


def person_status(text: str) -> bool:
    """Whether a short value says what a person is, not where she works (`PhD Student`,
    `Faculty Advisor`): its last word is one of the lexicon's `person_statuses`.

    >>> person_status("PhD Student"), person_status("IEEE member"), person_status("Acme Labs")
    (True, True, False)
    """
    words = text.lower().split()
    return 1 <= len(words) <= 3 and words[-1].strip(".,;") in _statuses()


@cache
def _statuses() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()["person_statuses"])


@cache
def program_words() -> frozenset[str]:
    """Words every program prints whatever its field (days, months, `session`, `room`).

    >>> {"monday", "session", "juin"} <= program_words()
    True
    """
    return frozenset(lexicon().get("program_words", ()))


# A line that names the kind of session below it (`14.00 – 15.00 Invited talk`, `Plenary session
# (9:00–10:45) – Main Auditorium`, `Coffee Break`), after its time slot: lexicon
# `session_kinds`. Seen in the programs of householder, JURIX, 3D-BioInfo, APSIG and UN-GGIM.
# A time slot (`9:00 AM - 10:00 AM`, `14.00 – 15.00`), which the recognizer's schedule rows
# start with too (pipeline.stages.recognize.labels.TIME_SLOT_RE).
TIME_SLOT = (r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[-–—]|to)\s*\d{1,2}[:.]\d{2}\s*"
             r"(?:[ap]\.?m\.?)?)?")
_SLOT_RE = re.compile(rf"^(?:{TIME_SLOT})?\s*", re.I)


@cache
def _kind_re() -> tuple[re.Pattern[str], dict[str, str]]:
    """All session kinds as one pattern, longest first (so the longest phrase wins: `plenary
    session` over `session`), and the role of each phrase."""
    roles: dict[str, str] = {}
    for role, words in lexicon()["session_kinds"].items():
        for word in words:
            roles.setdefault(" ".join(str(word).lower().split()), role)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(roles, key=len, reverse=True))
    return re.compile(rf"^(?:{body})(?=$|[\s:：–—|(),.;-])", re.I), roles


# `APSIG Lecture`, `Turing Lecture`, `Presidential Lecture`: a lecture named after someone or
# something is a keynote of the program.
_NAMED_LECTURE_RE = re.compile(r"^(?:[A-Z][\w'’.&-]*\s+){1,4}Lecture$")


@memo
def session_kind(text: str) -> str:
    """The role a session-kind line gives the names below it (`keynote`, `panelist`,
    `speaker`), `break` for a pause, or empty when the line names no kind of session.

    >>> session_kind("14.00 – 15.00 Invited talk"), session_kind("Parallel session (11:10–12:00)")
    ('keynote', 'speaker')
    >>> session_kind("Coffee Break – Lounge"), session_kind("Turing Lecture")
    ('break', 'keynote')
    >>> session_kind("Ann Lee"), session_kind("Breakfast")
    ('', '')
    """
    text = " ".join(text.split())
    text = text[_SLOT_RE.match(text).end():]
    if text.endswith("Lecture") and _NAMED_LECTURE_RE.match(text):
        return "keynote"
    pattern, roles = _kind_re()
    match = pattern.match(text)
    return roles[" ".join(match.group().lower().split())] if match else ""


@cache
def script_surnames() -> dict[str, frozenset[str]]:
    """The common surnames of names written in Hangul, Chinese characters and Japanese kanji.

    >>> {"김", "남궁"} <= script_surnames()["ko"], "佐藤" in script_surnames()["ja"]
    (True, True)
    """
    return {lang: frozenset(map(str, words))
            for lang, words in lexicon().get("script_surnames", {}).items()}


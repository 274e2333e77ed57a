"""Schedule rows: what leads a program line (a time slot, an item's number or code) and which
of its parts names people (issue 17).

Programs of every field print a talk as one row: a time or a number first, then the speaker and
the title in either order, divided by a colon, a dash or a pipe (`09:00 Ann Lee: Rivers at
night`, `11:00–11:20 Rivers at night – Ann Lee (Acme)`, `P-12 Ann Lee, Bo Chen: Boats`,
`3. Ann Lee (Acme) – Boats`, `09:00 | Opening | Ann Lee, President`). The people part is the
part whose items parse as people with name-shaped names while the other part does not.
"""

from __future__ import annotations

import re

from pipeline.stages.recognize.labels import SLOT_SPEAKER_RE, TIME_RE, TIME_SLOT_RE, role_label
from pipeline.text.lexicon import honorific_words
from pipeline.text.line_shapes import DASH_SPLIT_RE, parse_people
from pipeline.text.lines import (
    INITIAL_RE,
    clean_name,
    looks_like_name,
    looks_like_org,
    title_like,
    truecase,
)
from pipeline.text.name_shapes import one_name

# An item's number or code before its row: `12.`, `12)`, `P-12`, `P12`, `[P-12]`, `#12`,
# `S3-4`, `A.1` (at most three digits a part: `2023 Ann Lee` is an award's year).
LEAD_CODE_RE = re.compile(
    r"^\s*(?:[\[(]\s*)?#?(?:[A-Z]{1,3}\s?[-‐.]?\s?)?\d{1,3}[a-z]?(?:[-.]\d{1,3}[a-z]?)?"
    r"(?:\s*[\])])?[.):]?\s+(?=[^\W\d_])")
# Where a row's speaker and title divide: a colon, a spaced dash or a pipe.
_PART_SPLIT_RE = re.compile(r":\s+|\s+[–—|-]\s+")


def row_people(text: str, role: str) -> str:
    """The part of a schedule row that names its people, without what leads it; `text` itself
    when it is no such row (no lead, or no part names people).

    >>> row_people("09:00 Ann Lee: Rivers at night", "speaker")
    'Ann Lee'
    >>> row_people("11:00–11:20 Rivers at night – Ann Lee (Acme University)", "speaker")
    'Ann Lee (Acme University)'
    >>> row_people("P-12 Ann Lee, Bo Chen: Boats at dawn", "speaker")
    'Ann Lee, Bo Chen'
    >>> row_people("3. Ann Lee, Acme University", "committee")
    'Ann Lee, Acme University'
    >>> row_people("09:00 | Opening | Ann Lee, President", "speaker")
    'Ann Lee, President'
    >>> row_people("10:30 Coffee Break: Hall A", "speaker")
    '10:30 Coffee Break: Hall A'
    """
    slot = TIME_SLOT_RE.match(text)
    code = None if slot else LEAD_CODE_RE.match(text)
    lead = slot or code
    rest = text[lead.end():] if lead else text
    cells = _cells(rest)
    if cells:  # `09:00 | Opening | Ann Lee, President`
        return cells
    if not lead:
        # `Ana Kovač, Marko Babić: Genetika tumora`: names, a colon, a talk's title (one name
        # alone there may be a title's words: `Grace Period Extensions: …`)
        first, colon, second = text.partition(": ")
        people = parse_people(first) if colon else []
        if (len(people) >= 2 or any(p.org for p in people)) and _names_people(first) and (
                title_like(second) and not (looks_like_org(second) or _names_people(second))):
            return first
        return text
    if role_label(rest, role)[0]:
        return rest  # `9:00 AM - 10:00 AM Keynote: …`: the label leads
    # `09:00 – 09:20 Ines Varga (Lakeside Institute, Hungary):` and `11:30 John Smith
    # (MIT): Scaling`: a talk's speaker after its time slot
    spoken = _spoken(rest)
    if spoken:
        return spoken
    for people, other in _parts(rest):
        if _names_people(people) and not _names_people(other):
            return people
    # `09:00 The Grammar of Tiles — Tavi Oksman (Acme)`: a name no table knows, but in the
    # shape of a speaker and her organization after the title's dash
    tail = DASH_SPLIT_RE.split(rest)[-1]
    spoken = _spoken(tail) if tail != rest else ""
    if spoken:
        return spoken
    # a number before a line of people (`3. Ann Lee, Acme`); a time before a line that is no
    # row of a speaker and a title keeps its time, which tells it names nobody (`10:30 Lunch`),
    # and a number before anything else stays (`2. Acme Institute, Leeds`: an affiliation's legend)
    return rest if code and _names_people(rest) else text


def _spoken(text: str) -> str:
    """`Ann Lee (Acme)` when `text` is a name-shaped speaker and her organization in brackets
    (a colon and the talk's title may follow), else ''."""
    spoken = SLOT_SPEAKER_RE.match(text)
    if spoken and looks_like_name(truecase(clean_name(spoken["name"]))):
        return f"{spoken['name']} ({spoken['org']})"
    return ""


def _parts(rest: str) -> list[tuple[str, str]]:
    """(a part that may name the row's people, the rest of the row): the part before the first
    colon or dash (`Ann Lee (Acme) – Rivers at night`) and the part after the last dash (`The
    Grammar of Tiles — Helen Marsh (Acme)`). A part after a colon is a title's (`Workshop:
    Delta Studies`) or follows a label (`Welcome: Ann Lee`)."""
    parts = []
    split = _PART_SPLIT_RE.search(rest)
    if split:
        parts.append((rest[:split.start()], rest[split.end():]))
    dashes = DASH_SPLIT_RE.split(rest)
    if len(dashes) > 1:
        parts.append((dashes[-1], rest[:len(rest) - len(dashes[-1])]))
    # `P-01 Rivers of data at scale. Ann Lee, Bo Chen (Acme)`: the title's full stop (after a
    # word, not an initial or an honorific), then its authors
    stop = next((m for m in _TITLE_STOP_RE.finditer(rest)
                 if m.group("word").lower() not in honorific_words()), None)
    if stop:
        parts.append((rest[stop.end():].rstrip(" ."), rest[:stop.end("word")]))
    return [(people.strip(), other.strip(" –—|-:")) for people, other in parts]


_TITLE_STOP_RE = re.compile(r"(?<![\w.])(?P<word>[^\W\d_]{3,})[.?!]\s+(?=[A-Z])")


def _cells(text: str) -> str:
    """`09:00 | Opening | Ann Lee, President`: the cells of a row divided by two or more pipes
    that name people, when some other cell does not (a row of names alone is a list)."""
    if text.count(" | ") < 2:
        return ""
    cells = [c.strip() for c in text.split(" | ") if c.strip() and not TIME_RE.fullmatch(
        c.strip())]
    people = [c for c in cells if _names_people(c)]
    return "; ".join(people) if people and len(people) < len(cells) else ""


def _names_people(part: str) -> bool:
    """Whether `part` parses into people only (at least one), each name opening with a given
    name people bear or an initial: `Ann Lee, Bo Chen`, `A. Petrov (Acme)`, not `Rivers at
    night` or `Resource Cut` (a title's words that look like a name)."""
    if not part or TIME_RE.search(part):
        return False
    people = parse_people(part)
    return bool(people) and all(_person_name(truecase(clean_name(p.name))) for p in people)


def _person_name(name: str) -> bool:
    first = name.split()[0] if name.split() else ""
    return not looks_like_org(name) and (one_name(name) or bool(
        INITIAL_RE.fullmatch(first)) and looks_like_name(name))


_PART_END_RE = re.compile(r"\s*[;|]\s+|\s+[–—]\s+")


def labelled_parts(line: str) -> list[str]:
    """A line of several labelled parts, one part each (`President: Ann Lee, Acme;
    Treasurer: Bo Chen, Globex`, `Chair: Ann Lee | Discussant: Bo Chen`); `[line]` else.

    >>> labelled_parts("President: Ann Lee, Acme; Vice-President: Bo Chen, Globex")
    ['President: Ann Lee, Acme', 'Vice-President: Bo Chen, Globex']
    >>> labelled_parts("Ann Lee, Acme; Bo Chen, Globex")
    ['Ann Lee, Acme; Bo Chen, Globex']
    """
    if not role_label(line)[0]:
        return [line]
    parts, start = [], 0
    for end in _PART_END_RE.finditer(line):
        if role_label(line[end.end():])[0] and line[start:end.start()].strip():
            parts.append(line[start:end.start()].strip())
            start = end.end()
    return [*parts, line[start:].strip()]

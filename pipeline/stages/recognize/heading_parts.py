"""Blocks a heading and its labelled names share, read apart: the heading's words, then the
names as a text line (`Session 4 (Chair: Ann Lee)`, a heading set over its `Session Chair:`
line, a section's name set in the text's type over its list)."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.recognize.labels import TIME_RE, role_label, section_role
from pipeline.tables import Block
from pipeline.text.lexicon import session_kind
from pipeline.text.line_shapes import name_list_items, parse_people
from pipeline.text.lines import clean_name, looks_like_name, truecase


def heading_apart(block: Block) -> list[Block] | None:
    """The parts of a block that holds a heading and a label's names, each to be read as a
    block; None for a block of one kind."""
    return _label_lines_apart(block) or _label_in_heading(block) or _heading_line_apart(block)


def _label_lines_apart(block: Block) -> list[Block] | None:
    """A heading block whose later printed line opens with a role label (a session's heading
    over its `Session Chair: Ann Lee` line, set in the heading's type: IEEE PPPS 2019): the
    heading's lines, then the label's lines as text. None for any other block."""
    if block.role_hint != "heading" or "\n" not in block.text:
        return None
    lines = block.text.splitlines()
    # a label with a name after it (`Opening Keynote` alone is the heading's own words)
    at = next((i for i in range(1, len(lines)) if _labels_someone(lines[i].strip())), None)
    if at is None:
        return None
    return [replace(block, text="\n".join(lines[:at])),
            replace(block, text="\n".join(lines[at:]), role_hint="", bold=False)]


# Where a heading's own words end and a label begins: a bracket, a spaced dash or a pipe, a
# comma or a semicolon (`Session 4 (Chair: Ann Lee)`, `Session 4 – Chairs: Ann Lee, Bo Chen`).
_LABEL_AFTER_RE = re.compile(r"\s*[(\[]\s*|\s+[-–—|]\s+|[,;]\s+")


def _label_in_heading(block: Block) -> list[Block] | None:
    """A one-line heading, or a line naming a kind of session, that names its session's chair
    after its own words (`Session 4 (Chair: Ann Lee)`): the heading's words, then the label and
    its names as a text line. None for any other block."""
    if "\n" in block.text.strip():
        return None
    text = " ".join(block.text.split())
    if not (block.role_hint == "heading" or block.bold or session_kind(text)):
        return None  # a session's own line too: `10:30 Session 1 (Chair: Ann Lee)`
    for sep in _LABEL_AFTER_RE.finditer(text):
        rest = text[sep.end():]
        if sep.group().strip() in ("(", "["):  # the bracket the label opened ends it
            rest = re.sub(r"\s*[)\]]\s*$", "", rest)
        if sep.start() and _labels_someone(rest):
            return [replace(block, text=text[:sep.start()]),
                    replace(block, text=rest, role_hint="", bold=False)]
    return None


_LIST_ROLES = frozenset({"committee", "organizer", "board", "sponsor", "exhibitor"})


def _heading_line_apart(block: Block) -> list[Block] | None:
    """A text block whose first line is a section heading set in the text's own type
    (`Scientific committee and organisers` over the names, `We thank our sponsors:` over the
    organizations): that line as a heading, then the rest. None for any other block."""
    if block.role_hint or block.bold:
        return None
    first, _, rest = block.text.strip().partition("\n")
    first = " ".join(first.split())
    # only the roles of a page's lists: a session's title names its kind (`Panel: …`)
    if not (rest.strip() or first.endswith(":")) or len(first.split()) > (
            10 if first.endswith(":") else 6) or section_role(first) not in _LIST_ROLES or (
            TIME_RE.search(first) or role_label(first)[0]):
        return None
    if any(looks_like_name(truecase(p.name)) for p in parse_people(first.rstrip(":"))):
        return None  # a line naming someone is read as one
    below = " ".join(rest.strip().partition("\n")[0].split())
    if section_role(first) in ("sponsor", "exhibitor"):
        if not first.endswith(":"):
            return None  # `Exhibit Hall` over a schedule's lines is a room
    elif not below or not (name_list_items(below) or looks_like_name(truecase(clean_name(
            below)))):
        return None  # a talk's title with a role word, wrapping over its second line
    heading = replace(block, text=first, role_hint="heading")
    return [heading, replace(block, text=rest)] if rest.strip() else [heading]


def _labels_someone(line: str) -> bool:
    label = role_label(line)[0]
    return label is not None and bool(line[label.end():].strip())

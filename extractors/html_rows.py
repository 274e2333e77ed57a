"""A web page's table rows as lines: a row of one-line cells as one line (a position first
labels the name after it), a row whose cells hold several lines as each line in turn."""

from __future__ import annotations

import re

from extractors.records import person_name
from extractors.tree_people import name_shaped
from pipeline.text.lexicon import position_role
from pipeline.text.lines import looks_like_name

BREAK = "\u2028"  # what a `<br>` leaves in an element's text (a newline of the source is a space)

CELL_BLOCK_TAGS = ("li", "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6")
# A cell no header prints: a time, or a sentence's colon (`Keynote: Rivers at night`).
DATA_CELL_RE = re.compile(r"^\d{1,2}[:.h]\d{2}\b|\S:\s+\S")


def row_line(cells: list[str]) -> str:
    """A table row as one line; a first cell naming a position before a name is its label
    (`General Chair | Ann Lee | MIT` -> `General Chair: Ann Lee, MIT`), as a committee page
    tabulates its officers without a header row.

    >>> row_line(["Program Chairs", "Ann Lee", "MIT"]), row_line(["09:00", "Ann Lee"])
    ('Program Chairs: Ann Lee, MIT', '09:00, Ann Lee')
    """
    if len(cells) >= 2 and len(cells[0]) <= 60 and position_role(cells[0]) and not (
            looks_like_name(cells[0])) and name_shaped(person_name(cells[1].split(",")[0])):
        return f"{cells[0].rstrip(':')}: {', '.join(cells[1:])}"
    return ", ".join(cells)


def cell_lines(texts: list[str]) -> list[str]:
    """The lines of a table row whose cells hold several lines each: each cell's lines in turn,
    a cell that is a time alone before the first line after it.

    >>> cell_lines(["09:00", f"Keynote: Rivers{BREAK}Ann Lee, Acme"])
    ['09:00 Keynote: Rivers', 'Ann Lee, Acme']
    """
    out: list[str] = []
    lead = ""
    for text in texts:
        cell = [" ".join(part.split()) for part in text.split(BREAK) if part.strip()]
        if len(cell) == 1 and DATA_CELL_RE.match(cell[0]) and len(cell[0].split()) <= 3:
            lead = f"{lead} {cell[0]}".strip()
            continue
        if cell and lead:
            cell[0], lead = f"{lead} {cell[0]}", ""
        out.extend(cell)
    return out + ([lead] if lead else [])

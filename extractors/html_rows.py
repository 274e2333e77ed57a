"""A web page's table rows as lines: a row of one-line cells as one line (a position first
labels the name after it), a row whose cells hold several lines as each line in turn."""

from __future__ import annotations

import re

from extractors.records import person_name
from extractors.tree_people import name_shaped
from pipeline.text.lexicon import field_kind, position_role
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


def _span(cell, attribute: str) -> int:
    value = (cell.get(attribute) or "1").strip()
    return min(int(value), 50) if value.isdigit() and int(value) > 0 else 1


def grid_rows(rows, text) -> list[list[str]]:
    """Each table row's cell texts (`text(cell)`) as a reader sees the grid: a cell spanning
    rows (`rowspan`, a role or a session over several people) is in each of them, a cell
    spanning columns (`colspan`) fills its columns, the first with its text; so the columns
    stay under their headers.

    >>> import lxml.html
    >>> t = lxml.html.fromstring('<table><tr><td rowspan="2">Chairs</td><td>Ann Lee</td></tr>'
    ...                          '<tr><td>Bo Chen</td></tr></table>')
    >>> grid_rows(t.iter("tr"), lambda c: c.text_content())
    [['Chairs', 'Ann Lee'], ['Chairs', 'Bo Chen']]
    """
    out: list[list[str]] = []
    above: dict[int, tuple[str, int]] = {}  # column -> (text, rows it still spans)
    for row in rows:
        cells = iter([c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")])
        line: list[str] = []
        cell = next(cells, None)
        while cell is not None or any(col >= len(line) for col in above):
            col = len(line)
            if col in above:
                value, left = above.pop(col)
                if left > 1:
                    above[col] = (value, left - 1)
                line.append(value)
                continue
            if cell is None:  # a column only a cell above still spans: empty here
                line.append("")
                continue
            value, down = text(cell), _span(cell, "rowspan")
            for offset in range(_span(cell, "colspan")):
                line.append(value if offset == 0 else "")
                if down > 1:
                    above[col + offset] = (value if offset == 0 else "", down - 1)
            cell = next(cells, None)
        out.append(line)
    return out


# What a class names that is a record's field: the lexicon's field kinds, of which a record of
# a program's talk or a list's person has a person's name and one more.
_RECORD_KINDS = frozenset({"person", "org", "date", "session", "place", "position", "award",
                           "year", "tier", "kind"})


def class_record(el) -> dict[str, str] | None:
    """An element whose children's classes name its fields (`<span class="time">`, `<span
    class="title">`, `<span class="speaker">`), the lexicon's field kinds read as a site's
    own schema, as {class: text}; None unless a child names a person and another child a
    field too. Sites print talks and people so in every field; the line the children's text
    would make (`14:00 Light fields Ann Lee`) has no mark where the name begins.

    >>> import lxml.html
    >>> class_record(lxml.html.fromstring('<div><span class="time">14:00</span> <span '
    ...     'class="talk-title">Light fields</span> <span class="speaker">Ann Lee</span></div>'))
    {'time': '14:00', 'talk-title': 'Light fields', 'speaker': 'Ann Lee'}
    """
    record: dict[str, str] = {}
    kinds: list[str] = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        text = " ".join(child.text_content().split())
        key = next((c for c in (child.get("class") or "").split()
                    if field_kind(c) in _RECORD_KINDS), "")
        if not key or not text or key in record:
            return None  # a child no class types, or two of one field: no record of one shape
        record[key] = text
        kinds.append(field_kind(key))
    if "person" not in kinds or len(kinds) < 2:
        return None
    return record

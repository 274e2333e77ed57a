"""Timetables printed as tables whose header row names the columns, read row by row.

A program typeset from a spreadsheet prints one talk per row: `Presenter(s) | Title |
Affiliation | Time`. When a person's organization sits in a column of its own, no line of the
page holds both: the line reader sees a column of names and, beside it, a column of
organizations wrapped over several lines. Here the header's cells are typed by the lexicon
(`pipeline.text.lexicon.field_kind`), the lines below are cut into rows where the time column
starts a new time, and each row becomes a record with the header's cells as keys, read by the
one tree walker (`extractors.tree_walk`) that reads every structured file: `Presenter(s)` is a
speaker, `Affiliation` the organization, and names marked with numbers are paired with the
organizations numbered alike (`Ann Lee 1 and Bo Chen 2` / `1 Acme, 2 Globex`).

Only tables that need it are read so: a header with a person column, an organization column and
a time column. A table whose people carry their organization in the same cell
(`Time | Speaker | Title`, `Ann Lee (Acme)`) stays with the line reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.pdf_layout import Line
from pipeline.tables import Block
from pipeline.text.lexicon import TIME_SLOT, field_kind, session_kind
from pipeline.text.marks import numbered_people

_TIME_RE = re.compile(rf"^\s*(?:{TIME_SLOT})", re.I)
_ROW_TOLERANCE = 2.0   # points: lines whose tops differ by less sit on one row
_TABLE_END_GAP = 2.5   # font sizes of empty space below a row: the table has ended


@dataclass(frozen=True)
class Header:
    """A table's header row: where it ends, the cells' texts and where each column begins."""

    bottom: float
    names: tuple[str, ...]   # the header cells' texts, left to right
    starts: tuple[float, ...]  # x where each column after the first begins

    @property
    def gutters(self) -> list[float]:
        return list(self.starts)

    def kinds(self) -> list[str]:
        return [field_kind(name) for name in self.names]

    def reads_rows(self) -> bool:
        """A person, an organization and a time column: a person's organization is in a
        column of its own, and the time column tells where a row starts."""
        kinds = self.kinds()
        return {"person", "org", "date"} <= set(kinds)

    def column(self, x0: float) -> int:
        return sum(start <= x0 for start in self.starts)


def table_header(lines: list[Line]) -> Header | None:
    """The first row of at least three short cells of which three name a kind of field (a
    person, an organization, a title, a time, a place), one of them a person."""
    rows: dict[int, list[Line]] = {}
    for line in lines:
        rows.setdefault(round(line.top / 2), []).append(line)
    for _, cells in sorted(rows.items()):
        if len(cells) < 3 or any(len(c.text.split()) > 3 for c in cells):
            continue
        kinds = [field_kind(c.text) for c in cells]
        named = [k for k in kinds if k in ("person", "org", "session", "date", "place")]
        if len(named) >= 3 and "person" in named and len(set(named)) >= 2:
            cells = sorted(cells, key=lambda c: c.x0)
            return Header(max(c.bottom for c in cells), tuple(" ".join(c.text.split())
                                                              for c in cells),
                          tuple(c.x0 - 2.0 for c in cells[1:]))
    return None


def _with_wrapped_header(header: Header, below: list[Line]) -> tuple[Header, list[Line]]:
    """A header cell wrapped onto a second line (`Presenter` / `Location`) joins its column's
    name; those lines are no row of the table."""
    names = list(header.names)
    rest, bottom = [], header.bottom
    for line in below:
        if line.top - header.bottom < 0.5 * line.size and len(line.text.split()) <= 2 and (
                not _TIME_RE.match(line.text)):
            col = header.column(line.x0)
            names[col] = f"{names[col]} {line.text.strip()}"
            bottom = max(bottom, line.bottom)
        else:
            rest.append(line)
    return Header(bottom, tuple(names), header.starts), rest


def table_rows(header: Header, below: list[Line]) -> tuple[list[dict[str, str]], list[Line]]:
    """The table's rows (header name -> cell text) and the lines below it that are not in it.

    A row starts at a line of the time column that begins with a time; a line of the time
    column holding no time, alone on its row (`Session 2 — Applied Methods`), or a row of
    session names with no time (`Coffee Break`) ends the row above and is left to the line
    reader, as is everything below a gap of `_TABLE_END_GAP` font sizes.
    """
    header, below = _with_wrapped_header(header, sorted(below, key=lambda ln: (ln.top, ln.x0)))
    anchor = header.kinds().index("date")
    visual: list[list[Line]] = []
    for line in below:
        if visual and abs(line.top - visual[-1][0].top) <= _ROW_TOLERANCE:
            visual[-1].append(line)
        else:
            visual.append([line])
    rows: list[dict[int, list[str]]] = []
    left: list[Line] = []
    current: dict[int, list[str]] | None = None
    bottom = header.bottom
    for i, cells in enumerate(visual):
        size = max(c.size for c in cells)
        if cells[0].top - bottom > _TABLE_END_GAP * size:
            left.extend(line for rest in visual[i:] for line in rest)
            break
        bottom = max(bottom, *(c.bottom for c in cells))
        columns = {header.column(c.x0) for c in cells}
        starts = any(header.column(c.x0) == anchor and _TIME_RE.match(c.text) for c in cells)
        across = columns == {anchor} and len(cells[0].text.split()) > 2
        if not starts and current is not None and (
                across or all(session_kind(c.text) for c in cells)):
            current = None  # a session line across the table, or a break with no time
            left.extend(cells)
            continue
        if starts or current is None:
            current = {}
            rows.append(current)
        for cell in cells:
            current.setdefault(header.column(cell.x0), []).append(" ".join(cell.text.split()))
    records = []
    for row in rows:
        records.append({header.names[col]: " ".join(parts) for col, parts in sorted(row.items())
                        if col < len(header.names)})
    return records, left


def row_records(records: list[dict[str, str]], header: Header) -> list[dict[str, str]]:
    """Rows as the walker should see them: one row per person where the people are numbered
    to their organizations, and no person in a row whose person cell is a session's name
    (`Discussion`, `Break`)."""
    kinds = dict(zip(header.names, header.kinds(), strict=False))
    person_key = next((k for k in header.names if kinds.get(k) == "person"), "")
    org_key = next((k for k in header.names if kinds.get(k) == "org"), "")
    out = []
    for record in records:
        people = record.get(person_key, "")
        if not people or session_kind(people) or len(people.split()) < 2:
            continue
        paired = numbered_people(people, record.get(org_key, "")) if org_key else None
        if paired:
            out.extend({**record, person_key: name, org_key: org} for name, org in paired)
        else:
            out.append(record)
    return out


def table_blocks(rows: list[dict[str, str]], page: int, *, context: list[str]) -> list[Block]:
    """The walker's records of a page's table rows, each pointing back to the page."""
    from extractors.tree_walk import blocks_from_tree, filled_down

    blocks: list[Block] = []
    for row in filled_down(rows):
        found, _ = blocks_from_tree([row], context=context, source="pdf-table")
        snippet = " | ".join(value for value in row.values() if value)
        blocks.extend(replace(block, page=page, snippet=snippet) for block in found)
    return blocks

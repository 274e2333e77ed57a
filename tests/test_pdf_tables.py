"""Timetables whose header row names the columns, read row by row (extractors.pdf_tables)."""

from extractors.pdf_layout import Line
from extractors.pdf_tables import row_records, table_blocks, table_header, table_rows


def _line(text, x0, top, size=10.0):
    return Line(text=text, x0=x0, top=top, x1=x0 + 6 * len(text), bottom=top + size, size=size,
                bold=False)


def _page():
    return [
        _line("Time", 50, 100), _line("Speaker", 120, 100), _line("Affiliation", 260, 100),
        _line("Title", 400, 100),
        _line("09:00", 50, 116), _line("Helen Marsh 1 and", 120, 116),
        _line("1 Leeds University,", 260, 116), _line("Tiles and Their", 400, 116),
        _line("Tom Fielding 2", 120, 128), _line("2 Acme Labs", 260, 128),
        _line("Makers", 400, 128),
        _line("Session 2 — Maps and Other Things", 50, 146),
        _line("09:30", 50, 162), _line("Grace Hooper", 120, 162),
        _line("Open Tile Toolkit", 260, 162), _line("Coffee Break", 120, 178, size=10),
        _line("Discussion", 120, 194), _line("10:00", 50, 194),
        _line("Page footer far below", 50, 400),
    ]


def test_header_with_person_org_and_time_columns_reads_rows():
    lines = _page()
    header = table_header(lines)
    assert header is not None and header.names == ("Time", "Speaker", "Affiliation", "Title")
    assert header.reads_rows()
    rows, left = table_rows(header, [ln for ln in lines if ln.top >= header.bottom])
    assert [r.get("Speaker", "") for r in rows] == [
        "Helen Marsh 1 and Tom Fielding 2", "Grace Hooper", "Discussion"]
    # the session line across the table, a break with no time and everything below the
    # table stay text
    assert [ln.text for ln in left] == ["Session 2 — Maps and Other Things", "Coffee Break",
                                        "Page footer far below"]
    people = [(r["Speaker"], r["Affiliation"]) for r in row_records(rows, header)]
    assert people[:2] == [("Helen Marsh", "Leeds University"), ("Tom Fielding", "Acme Labs")]
    assert "Discussion" not in {name for name, _ in people}
    blocks = table_blocks(row_records(rows, header)[:2], 3, context=[])
    assert [(b.role, b.person_name, b.org_name, b.page) for b in blocks] == [
        ("speaker", "Helen Marsh", "Leeds University", 3),
        ("speaker", "Tom Fielding", "Acme Labs", 3)]


def test_header_without_an_organization_column_is_left_to_the_line_reader():
    # `Time | Speaker | Title`: the organization is in the speaker's cell (`Ann Lee (Acme)`)
    lines = [_line("Time", 50, 100), _line("Speaker", 120, 100), _line("Title", 260, 100)]
    header = table_header(lines)
    assert header is not None and not header.reads_rows()

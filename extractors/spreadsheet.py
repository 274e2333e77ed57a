"""Rows of a CSV or XLSX file as dicts keyed by normalized header (for the list extractors)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from pipeline.errors import ExtractionError
from pipeline.text.decode import decode_text
from pipeline.text.keys import norm_key

XLSX_MAGIC = b"PK\x03\x04"
MAX_ROWS = 200_000


def is_xlsx(path: Path, head: bytes) -> bool:
    return head.startswith(XLSX_MAGIC) and (
        path.suffix.lower() in (".xlsx", ".xlsm") or b"xl/" in head[:4096]
    )


def csv_header(head: bytes) -> list[str]:
    """Normalized header cells of a CSV file's first line, or [] when it is not CSV-like."""
    text = decode_text(head)
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    if not first or first.lstrip().startswith(("{", "[", "<", "#", "---", "%PDF")):
        return []
    try:
        dialect = csv.Sniffer().sniff(first, delimiters=",;\t|")
    except csv.Error:
        return []
    cells = next(csv.reader([first], dialect), [])
    return [norm_key(c, ascii_only=True) for c in cells] if len(cells) >= 2 else []


def xlsx_header(path: Path) -> list[str]:
    rows = read_rows(path, limit=1)
    return list(rows[0]) if rows else []


def read_rows(path: Path, *, limit: int = MAX_ROWS) -> list[dict[str, str]]:
    """Rows as {normalized header: cell text}; the first non-empty row is the header."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    tables = _xlsx_tables(path) if head.startswith(XLSX_MAGIC) else [_csv_table(path)]
    rows: list[dict[str, str]] = []
    for table in tables:  # one table per sheet, each with its own header row
        header: list[str] = []
        for cells in table:
            cells = [_cell(c) for c in cells]
            if not any(cells):
                continue
            if not header:
                header = [norm_key(c, ascii_only=True) or f"column_{i}"
                          for i, c in enumerate(cells)]
                if limit == 1:
                    return [dict.fromkeys(header, "")]
                continue
            rows.append(dict(zip(header, cells, strict=False)))
            if len(rows) >= limit:
                return rows
    return rows


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a year typed into a spreadsheet comes back as 2019.0
    return " ".join(str(value).split())


def _csv_table(path: Path):
    text = decode_text(path.read_bytes())
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample.splitlines()[0] if sample else ",",
                                      delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        # newline=None: files saved with bare CR line ends (old Mac Excel) read as lines too.
        return list(csv.reader(io.StringIO(text, newline=None), dialect))
    except csv.Error as e:
        raise ExtractionError(path, f"malformed CSV ({e})") from e


def _xlsx_tables(path: Path):
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise ExtractionError(path, f"unreadable XLSX workbook ({type(e).__name__}: {e})") from e
    try:
        return [[list(row) for row in sheet.iter_rows(values_only=True)]
                for sheet in book.worksheets]
    finally:
        book.close()

"""CSV files the user writes or saves from a spreadsheet: sources.csv, the override files and the
outreach notes. mentor-miner only ever reads them.

Excel saves "CSV" as Windows-1252 text (or UTF-8 with a byte-order mark, or UTF-16 for "Unicode
text"), and in many European locales separates the cells with semicolons. All of these read the
same here.
"""

from __future__ import annotations

import csv
import io
import logging
from pathlib import Path

from pipeline.errors import MentorMinerError
from pipeline.text.decode import decode_as

logger = logging.getLogger(__name__)

SEPARATORS = ",;\t"


def read_user_csv(path: Path, *, what: str = "file") -> tuple[list[str], list[dict[str, str]]]:
    """The header (names stripped) and the rows of `path`, each row keyed by the header.

    Cells missing at the end of a short row are ""; cells beyond the header are dropped. The
    separator is the one of `SEPARATORS` that the header line holds most often (a comma when
    it holds none). `what` names the file in errors ("outreach notes").

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "notes.csv"
    >>> _ = path.write_bytes("person_id;notes\\r\\np1;caf\\xe9\\r\\np2\\r\\n".encode("cp1252"))
    >>> header, rows = read_user_csv(path)
    >>> header
    ['person_id', 'notes']
    >>> rows
    [{'person_id': 'p1', 'notes': 'café'}, {'person_id': 'p2', 'notes': ''}]
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise MentorMinerError(f"{path}: cannot read {what} ({e.strerror or e}).") from e
    text = _decode(data, path, what)
    first_line = text.split("\n", 1)[0]
    separator = max(SEPARATORS, key=first_line.count) if any(
        s in first_line for s in SEPARATORS) else ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as e:
        raise MentorMinerError(f"{path}: cannot read {what} ({e}).") from e
    if not records:
        return [], []
    header = [name.strip() for name in records[0]]
    rows = []
    for record in records[1:]:
        if not record:  # a blank line
            continue
        record = record[:len(header)] + [""] * (len(header) - len(record))
        rows.append(dict(zip(header, record, strict=True)))
    return header, rows


def _decode(data: bytes, path: Path, what: str) -> str:
    try:
        text, encoding = decode_as(data, ("utf-8-sig", "cp1252"), utf16_bom=True)
    except UnicodeDecodeError as e:
        if e.encoding.startswith("utf-16"):
            raise MentorMinerError(f"{path}: cannot read {what} (broken UTF-16: {e}).") from e
        raise MentorMinerError(f"{path}: cannot read {what}: not UTF-8, UTF-16 or "
                               f"Windows-1252 text ({e}).") from e
    if encoding == "cp1252":
        logger.warning("%s: not UTF-8; read as Windows-1252 (how Excel saves CSV)", path)
    return text

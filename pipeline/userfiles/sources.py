"""sources.csv: the user's per-file and per-association metadata, beside their documents.

Read and checked here; what its rows mean for each document is
:func:`pipeline.stages.discover.document_rows`."""

from __future__ import annotations

import logging
from pathlib import Path

from pipeline.errors import MentorMinerError
from pipeline.tables import SOURCES_COLUMNS
from pipeline.userfiles.usercsv import read_user_csv

logger = logging.getLogger(__name__)


def read_sources_file(raw_dir: Path) -> list[dict[str, str]]:
    """The rows of RAW_DIR/sources.csv, as any spreadsheet saves it (see
    :mod:`pipeline.userfiles.usercsv`); [] when there is none. A header with neither
    `source_path` nor `association` is an error naming the file."""
    path = raw_dir / "sources.csv"
    if not path.exists():
        return []
    columns, rows = read_user_csv(path, what="sources.csv")
    if rows and not {"source_path", "association"} & set(columns):
        raise MentorMinerError(
            f"{path}: header {','.join(columns)} has neither source_path nor association; the "
            f"columns are {', '.join(SOURCES_COLUMNS)}.")
    unknown = [c for c in columns if c and c not in SOURCES_COLUMNS]
    if unknown:
        logger.warning("%s: column(s) %s not known, ignored (known: %s)", path,
                       ", ".join(unknown), ", ".join(SOURCES_COLUMNS))
    return rows

"""Leave-me-out list: people who asked not to be listed (`suppress.csv`: person_id or name, reason).

People named in public programs may ask a user not to list them. The user keeps
``data/overrides/suppress.csv`` (or passes ``--suppress FILE``); mentor-miner reads it and never
writes it. A suppressed person is left out of the shortlist, the report and ``show``; the
tables of the run (appearances, people) still hold their rows, so counts such as an event's
size do not change, and every output says how many people were left out.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from pipeline.errors import SchemaError

logger = logging.getLogger(__name__)

SUPPRESS_FILE = "suppress.csv"
SUPPRESS_COLUMNS = ("person_id", "name", "reason")


def read_suppress(path: Path | None) -> pd.DataFrame | None:
    """The user's suppress.csv as text columns ``person_id``, ``name``, ``reason``; None when
    `path` is None or no such file exists. A file with neither column is an error naming it."""
    from pipeline.userfiles.usercsv import read_user_csv

    if path is None or not Path(path).exists():
        return None
    header, rows = read_user_csv(Path(path), what="leave-me-out list")
    if "person_id" not in header and "name" not in header:
        raise SchemaError(f"{path}: needs a person_id or a name column (and optionally reason); "
                          "found: " + (", ".join(header) or "no header"))
    table = pd.DataFrame(rows, columns=header, dtype=str)
    for col in SUPPRESS_COLUMNS:
        if col not in table.columns:
            table[col] = ""
        table[col] = table[col].fillna("").astype(str).str.strip()
    logger.info("suppress: %d people to leave out, from %s", len(table), path)
    return table[list(SUPPRESS_COLUMNS)]



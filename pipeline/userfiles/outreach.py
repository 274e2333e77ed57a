"""Outreach: the user's own follow-up notes (person_id, status, last_contact, notes), joined in.

The user keeps `outreach.csv` in their own folder; mentor-miner reads it on every run and never
writes it, so notes survive re-runs. Rows match on ``person_id``; a row whose id is no longer
known (resolution changed) falls back to matching its optional ``name`` column.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from pipeline.stages.notes import check_outreach

logger = logging.getLogger(__name__)


OUTREACH_DEFAULT = Path("data/overrides/outreach.csv")


def read_outreach(path: Path | None) -> pd.DataFrame | None:
    """The user's outreach.csv (never written by mentor-miner); None when there is none."""
    import pandas as pd

    from pipeline.userfiles.usercsv import read_user_csv

    if path is None:
        return None
    path = Path(path)
    if not path.exists():
        logger.debug("%s: no outreach file", path)
        return None
    header, rows = read_user_csv(path, what="outreach notes")
    table = pd.DataFrame(rows, columns=header, dtype=str)
    logger.info("outreach: %d rows from %s", len(table), path)
    return check_outreach(table, source=str(path))

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
from pipeline.text.names import person_key

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


def suppressed_ids(people: pd.DataFrame, suppress: pd.DataFrame | None) -> set[str]:
    """`person_id`s of `people` that `suppress` names: by id, or by name against every printed
    variant (any case, honorifics and `Last, First` forms alike).

    >>> import pandas as pd
    >>> people = pd.DataFrame({"person_id": ["p1", "p2", "p3"],
    ...                        "name": ["Ann Lee", "Bo Chen", "Cy Diaz"],
    ...                        "variants": ["Ann Lee; Dr. Ann Lee", "Bo Chen", "Cy Diaz"]})
    >>> sorted(suppressed_ids(people, pd.DataFrame({"person_id": ["p3", ""],
    ...                                             "name": ["", "LEE, ANN"]})))
    ['p1', 'p3']
    """
    if suppress is None or suppress.empty or people.empty:
        return set()
    ids = set(suppress.get("person_id", pd.Series(dtype=str)).fillna("").astype(str)) - {""}
    names = {person_key(n) for n in suppress.get("name", pd.Series(dtype=str)).fillna("")
             if str(n).strip()} - {""}
    found = set(people.loc[people["person_id"].isin(ids), "person_id"])
    if names:
        variants = people["variants"] if "variants" in people.columns else people["name"]
        for pid, name, printed in zip(people["person_id"], people["name"].fillna(""),
                                      variants.fillna(""), strict=True):
            keys = {person_key(name), *(person_key(v) for v in str(printed).split(";")
                                        if v.strip())}
            if keys & names:
                found.add(pid)
    return found

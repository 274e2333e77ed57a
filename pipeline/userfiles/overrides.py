"""User overrides that survive re-runs: merge.csv, split.csv and aliases.csv in one folder.

The tool reads these files on every run and never writes them. All are CSV with a header, as
any spreadsheet saves them (see pipeline.userfiles.usercsv); blank lines and rows whose first
cell starts with `#` are ignored; extra columns (a `note`, say) are allowed. What they do is
:mod:`pipeline.stages.overrides`.

``merge.csv`` — make two people one. Each row gives either ids or names:

    person_id,into_person_id,name_a,name_b
    p3f2a9c01de,p77b1e0c4aa,,
    ,,Bob Smith,Robert Smith

  With ids, `person_id` is folded into `into_person_id`, which keeps its id. With names, every
  person printed as `name_a` is folded into the person printed as `name_b` (names are compared
  after normalization, so `SMITH, Bob` matches `Bob Smith`).

``split.csv`` — take appearances away from a person:

    person_id,source_path,org,name
    p77b1e0c4aa,acm/2019/program.pdf,,
    p77b1e0c4aa,,Globex,

  The appearances of `person_id` that match every non-empty condition become a person of their
  own: `source_path` (relative to the input folder; `*` wildcards allowed), `org` (compared after
  normalization) and `name` (the printed name, normalized). Rows with the same `person_id` and
  conditions always give the same new id.

``aliases.csv`` — organization names that mean the same organization:

    alias,canonical
    IBM Research,IBM
    Dept. of Computer Science at Duke,Duke University

Splits are applied before merges, so a merge row may name a person a split created.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pipeline.errors import MentorMinerError
from pipeline.stages.overrides import Merge, Overrides, Split
from pipeline.userfiles.usercsv import read_user_csv

logger = logging.getLogger(__name__)

MERGE_FILE, SPLIT_FILE, ALIASES_FILE = "merge.csv", "split.csv", "aliases.csv"


def _rows(path: Path, required: tuple[tuple[str, ...], ...]) -> list[tuple[str, dict]]:
    """Rows of one override file as (where, row); `required` lists alternative column sets."""
    if not path.is_file():
        return []
    header, rows = read_user_csv(path, what="override file")
    if not any(set(cols) <= set(header) for cols in required):
        wanted = " or ".join(",".join(cols) for cols in required)
        raise MentorMinerError(
            f"{path}: header {','.join(header) or '(empty)'} lacks the columns {wanted}. "
            "Fix the header; see `pipeline/userfiles/overrides.py` for the format."
        )
    out = []
    for n, row in enumerate(rows, start=2):
        row = {k: v.strip() for k, v in row.items()}
        values = [row.get(h, "") for h in header]
        if not any(values) or values[0].startswith("#"):
            continue
        out.append((f"{path.name} line {n}", row))
    return out


def load_overrides(folder: Path | None) -> Overrides:
    """Read merge.csv, split.csv and aliases.csv from `folder` (each optional)."""
    if folder is None:
        return Overrides()
    folder = Path(folder)
    if not folder.is_dir():
        raise MentorMinerError(
            f"{folder}: overrides folder not found. Create it or drop --overrides."
        )
    merges = []
    for where, row in _rows(folder / MERGE_FILE,
                            (("person_id", "into_person_id"), ("name_a", "name_b"))):
        merge = Merge(row.get("person_id", ""), row.get("into_person_id", ""),
                      row.get("name_a", ""), row.get("name_b", ""), where)
        if not ((merge.person_id and merge.into_person_id) or (merge.name_a and merge.name_b)):
            logger.warning("%s: needs person_id and into_person_id, or name_a and name_b; skipped",
                           where)
            continue
        merges.append(merge)
    splits = []
    for where, row in _rows(folder / SPLIT_FILE, (("person_id",),)):
        split = Split(row["person_id"], row.get("source_path", ""), row.get("org", ""),
                      row.get("name", ""), where)
        if not split.person_id or not (split.source_path or split.org or split.name):
            logger.warning("%s: needs person_id and one of source_path, org, name; skipped", where)
            continue
        splits.append(split)
    aliases = {
        row["alias"]: row["canonical"]
        for _, row in _rows(folder / ALIASES_FILE, (("alias", "canonical"),))
        if row.get("alias") and row.get("canonical")
    }
    overrides = Overrides(tuple(merges), tuple(splits), aliases)
    logger.info("overrides: %d merges, %d splits, %d organization aliases from %s",
                len(merges), len(splits), len(aliases), folder)
    return overrides



"""User overrides that survive re-runs: merge.csv, split.csv and aliases.csv in one folder.

The tool reads these files on every run and never writes them. All are CSV with a header, as
any spreadsheet saves them (see pipeline.userfiles.usercsv); blank lines and rows whose first cell starts
with `#` are ignored; extra columns (a `note`, say) are allowed.

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

import fnmatch
import logging
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import MentorMinerError
from pipeline.userfiles.usercsv import read_user_csv

logger = logging.getLogger(__name__)

MERGE_FILE, SPLIT_FILE, ALIASES_FILE = "merge.csv", "split.csv", "aliases.csv"


@dataclass(frozen=True)
class Merge:
    person_id: str = ""
    into_person_id: str = ""
    name_a: str = ""
    name_b: str = ""
    where: str = ""


@dataclass(frozen=True)
class Split:
    person_id: str
    source_path: str = ""
    org: str = ""
    name: str = ""
    where: str = ""

    def matches(self, source_path: str, org_key: str, name_key: str) -> bool:
        from pipeline.text.names import parse_name
        from pipeline.text.orgs import org_key as fold_org

        if self.source_path and not fnmatch.fnmatchcase(source_path, self.source_path):
            return False
        if self.org and fold_org(self.org) != org_key:
            return False
        return not (self.name and parse_name(self.name).key != name_key)


@dataclass(frozen=True)
class Overrides:
    merges: tuple[Merge, ...] = ()
    splits: tuple[Split, ...] = ()
    aliases: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.merges or self.splits or self.aliases)


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


def apply_person_overrides(
    person_ids: list[str], *, source_paths: list[str], org_keys: list[str], name_keys: list[str],
    overrides: Overrides,
) -> list[str]:
    """Person id per appearance after the user's splits, then merges."""
    from pipeline.stages.resolve import stable_id

    ids = list(person_ids)
    for split in overrides.splits:
        new_id = stable_id(
            "p", f"split|{split.person_id}|{split.source_path}|{fold(split.org)}|{fold(split.name)}"
        )
        hits = 0
        for i, pid in enumerate(ids):
            if pid == split.person_id and split.matches(source_paths[i], org_keys[i], name_keys[i]):
                ids[i] = new_id
                hits += 1
        if not hits:
            logger.warning("%s: no appearance of %s matches; nothing split", split.where,
                           split.person_id)
    if not overrides.merges:
        return ids
    from pipeline.text.names import parse_name

    present = set(ids)
    by_name: dict[str, dict[str, int]] = {}
    for pid, key in zip(ids, name_keys, strict=True):
        if pid:
            by_name.setdefault(key, {}).setdefault(pid, 0)
            by_name[key][pid] += 1
    into: dict[str, str] = {}

    def root(pid: str) -> str:
        while pid in into:
            pid = into[pid]
        return pid

    for merge in overrides.merges:
        if merge.person_id:
            sources, target = [merge.person_id], merge.into_person_id
            missing = [p for p in (merge.person_id, target) if p not in present]
        else:
            targets = by_name.get(parse_name(merge.name_b).key, {})
            sources = list(by_name.get(parse_name(merge.name_a).key, {}))
            target = max(targets, key=lambda p: (targets[p], p)) if targets else ""
            missing = [n for n, found in ((merge.name_a, sources), (merge.name_b, target))
                       if not found]
        if missing:
            logger.warning("%s: %s not found; merge skipped", merge.where, ", ".join(missing))
            continue
        target = root(target)
        for source in sources:
            source = root(source)
            if source != target:
                into[source] = target
    return [root(pid) if pid else pid for pid in ids]


def fold(text: str) -> str:
    from pipeline.text.names import fold as _fold

    return " ".join(_fold(text or "").split())

"""The user's overrides as values, and their effect on the person ids: splits, then merges.

Read and validated from merge.csv, split.csv and aliases.csv by
:mod:`pipeline.userfiles.overrides`; handed to :func:`pipeline.stages.resolve.resolve`."""

from __future__ import annotations

import fnmatch
import logging
from dataclasses import dataclass, field

from pipeline.tables import stable_id

logger = logging.getLogger(__name__)


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


def apply_person_overrides(
    person_ids: list[str], *, source_paths: list[str], org_keys: list[str], name_keys: list[str],
    overrides: Overrides,
) -> list[str]:
    """Person id per appearance after the user's splits, then merges."""
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

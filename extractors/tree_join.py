"""Records that name their people only through another file of the same folder, joined by id.

An award list may give each winner as a paper's id (`awards.csv`: `Best Paper, P12`) and leave
the authors to the papers' file beside it (`papers.csv`: `P12, Rivers in VR, Ann Lee, …`). A
record without a field of people whose foreign key (`paper_id`, `submission_id`, `talk_id`:
an id field other than the record's own `id`) matches a record of a sibling file takes that
record's fields under its own, so the walker reads the award's winners with their names.

The names of the files a join read are returned with the tree: the file's result depends on
them, and the runner keeps their content ids so that the cache does not serve it once one of
them changes.
"""

from __future__ import annotations

import re
from pathlib import Path

from extractors.tree_load import load_tree, tree_format
from pipeline.errors import MentorMinerError
from pipeline.text.keys import norm_key
from pipeline.text.lexicon import field_kind

# A sibling larger than this is not read for a join (a data dump, not a table of papers), nor
# more than MAX_SIBLINGS of them (a folder of ten thousand downloads is no table's folder).
MAX_SIBLING_BYTES, MAX_SIBLINGS = 50 << 20, 40
# The record's own ids: a key of these names is no pointer to another file's record.
_OWN_IDS = frozenset({"id", "code", "guid", "uuid", "key", "slug", "ref", "identifier", "pid"})
_PEOPLE_KINDS = frozenset({"person", "given_name", "family_name"})
# The name that stands for the folder's list of files among the files a join depends on.
FOLDER = "."
# The key of the ids a field of people holds (`speakers: [s1, s2]`), matched to a sibling's
# record of a person by its id field.
PEOPLE = "\0people"


def _names_someone(node: dict) -> bool:
    """Whether a sibling's record has a field of people with a value (a speaker's record)."""
    return any(field_kind(k) in _PEOPLE_KINDS and isinstance(v, str) and v.strip()
               for k, v in node.items())


def _dicts(tree):
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            yield node
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, dict | list))


# A value shaped like an id (`P12`, `1234`, `vr22-0417`, `a3f9c2e1`), not a year or a word.
_ID_VALUE_RE = re.compile(r"^(?=[^\s]*\d)[\w.:/-]{1,40}$")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
# Kinds of fields that may point to another file's record: ids, and untyped or title-typed
# fields holding an id (`Paper: P12`, `Winner: 417`).
_POINTING_KINDS = frozenset({"id", "", "session"})


def _pointers(node: dict) -> list[tuple[str, str]]:
    """(normalized key, value) of a record's foreign keys, when it has no field of people: a
    field of an id kind other than the record's own id, or an untyped one holding an id."""
    if any(field_kind(k) in _PEOPLE_KINDS for k in node):
        return []
    out = []
    for k, v in node.items():
        value = str(v).strip() if isinstance(v, str | int) and not isinstance(v, bool) else ""
        kind = field_kind(k)
        if not value or norm_key(k) in _OWN_IDS or kind not in _POINTING_KINDS:
            continue
        if kind == "id" or _ID_VALUE_RE.match(value) and not _YEAR_RE.match(value):
            out.append((norm_key(k), value))
    return out


def _people_pointers(node: dict) -> list[tuple[str, list[str]]]:
    """(key, ids) of a record's fields of people that hold ids instead of names (`speakers:
    [s1, s2]`, `author_id: 417`), which the sibling file of people resolves."""
    out = []
    for k, v in node.items():
        if field_kind(k) not in _PEOPLE_KINDS and not (
                _is_id_key(k) and field_kind(norm_key(k).rsplit("_", 1)[0]) in _PEOPLE_KINDS):
            continue
        values = v if isinstance(v, list) else [v]
        ids = [str(x).strip() for x in values if isinstance(x, str | int) and not isinstance(
            x, bool)]
        if ids and len(ids) == len(values) and all(
                _ID_VALUE_RE.match(x) and not _YEAR_RE.match(x) for x in ids):
            out.append((k, ids))
    return out


def points_to_people(tree) -> bool:
    """Whether a record of `tree` gives its people as ids (`speakers: [s1, s2]`) that no
    record of the tree itself has (the walker joins those: a pretalx widget's speakers)."""
    wanted = {v for node in _dicts(tree) for _, ids in _people_pointers(node) for v in ids}
    return bool(wanted - _own_people_ids(tree))


def _own_people_ids(tree) -> set[str]:
    return {str(v).strip() for node in _dicts(tree) if _names_someone(node)
            for k, v in node.items() if _is_id_key(k) and isinstance(v, str | int)}


def _is_id_key(key: str) -> bool:
    return field_kind(key) == "id"


def joined(path: Path, tree) -> tuple[object, list[str]]:
    """`tree` with its pointing records extended by the sibling records they point to, and
    the names of the sibling files a join used, after FOLDER when the tree has pointers.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "papers.csv").write_text("paper_id,authors\\nP1,Ann Lee\\n")
    >>> tree, used = joined(folder / "awards.csv", [{"award": "Best Paper", "paper_id": "P1"}])
    >>> tree, used
    ([{'paper_id': 'P1', 'authors': 'Ann Lee', 'award': 'Best Paper'}], ['.', 'papers.csv'])
    """
    wanted = {(k, v) for node in _dicts(tree) for k, v in _pointers(node)}
    own = _own_people_ids(tree)
    wanted |= {(PEOPLE, v) for node in _dicts(tree) for _, ids in _people_pointers(node)
               for v in ids if v not in own}
    if not wanted:
        return tree, []
    # FOLDER: the result depends on which files the folder holds (one added later may join)
    keys = {k for k, _ in wanted}
    found: dict[tuple[str, str], dict] = {}
    used: list[str] = []
    siblings = sorted(p for p in path.parent.iterdir() if p != path and p.is_file()
                      and not p.name.startswith("."))
    for sibling in siblings if len(siblings) <= MAX_SIBLINGS else ():
        try:
            if sibling.stat().st_size > MAX_SIBLING_BYTES:
                continue
            with open(sibling, "rb") as fh:
                fmt = tree_format(sibling, fh.read(65536))
            other = load_tree(sibling, fmt) if fmt else None
        except (OSError, MentorMinerError, ValueError, RecursionError):
            continue  # a sibling that cannot be read joins nothing; it reports itself
        hits = 0
        for node in _dicts(other) if other is not None else ():
            for k, v in node.items():
                # the same key, or an id key of the sibling's records (`paper_id` -> `id`)
                if not isinstance(v, str | int) or not (norm_key(k) in keys or _is_id_key(k)):
                    continue
                for key, value in wanted:
                    if str(v).strip() == value and (norm_key(k) == key or _is_id_key(k)) and (
                            key != PEOPLE or _names_someone(node)):
                        found.setdefault((key, value), node)
                        hits += 1
        if hits:
            used.append(sibling.name)
    if not found:
        return tree, [FOLDER]
    for node in _dicts(tree):
        for key, ids in _people_pointers(node):
            # `speakers: [s1, s2]`: the people's own records, read under the talk's record
            people = [found[(PEOPLE, v)] for v in ids if (PEOPLE, v) in found]
            if people:
                node[key] = people
        for pointer in _pointers(node):
            record = found.get(pointer)
            if record is not None:
                own = dict(node)
                node.clear()
                node.update({**record, **own})
                break
    return tree, [FOLDER, *used]

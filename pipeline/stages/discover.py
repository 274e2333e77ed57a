"""Discover: one row per input file, with a content-hash id, its kind, association and year.

The files are walked and hashed by :mod:`pipeline.run.inputs` and sources.csv is read by
:mod:`pipeline.userfiles.sources`; this stage lays the folders' and the user's metadata on them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.tables import DOCUMENT_COLUMNS, SOURCES_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def year_from_parts(parts: tuple[str, ...]) -> int | None:
    for part in reversed(parts):
        match = YEAR_RE.search(part)
        if match:
            return int(match.group(1))
    return None


DISCOVER_COLUMNS = (*DOCUMENT_COLUMNS, "event", "path", "year_override", "industry",
                    "profession", "stamp")


def documents_frame(rows: list[dict]) -> pd.DataFrame:
    """The rows of :func:`document_rows` as the documents table of a run."""
    import pandas as pd

    return pd.DataFrame(rows, columns=list(DISCOVER_COLUMNS))


def sources_by_path(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """Per-file overrides from the rows of sources.csv, keyed by relative source_path."""
    overrides = {}
    for row in rows:
        key = (row.get("source_path") or "").strip().replace("\\", "/")
        if key:
            overrides[key] = {k: (row.get(k) or "").strip() for k in SOURCES_COLUMNS[1:]}
    return overrides


def association_profiles(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """`industry`/`profession` per association from sources.csv rows without a source_path.

    A row `association,industry,profession` (`sigcse,higher education,computing educator`)
    declares them for every file of the association; a per-file row may override them.
    """
    profiles = {}
    for row in rows:
        association = (row.get("association") or "").strip()
        if association and not (row.get("source_path") or "").strip():
            profiles[association.lower()] = {
                k: (row.get(k) or "").strip() for k in ("industry", "profession")
            }
    return profiles


def document_rows(files: list[dict], sources: list[dict[str, str]]) -> list[dict]:
    """One row per input file (keys: `DISCOVER_COLUMNS`), without pandas: an up-to-date re-run
    needs no more.

    `files`: each file's relative `source_path`, `path`, `doc_id`, the `stamp` (size and
    modification time) it had when its id was taken and, when it cannot be read or is empty,
    `status` and `message` (:func:`pipeline.run.inputs.input_files`). `sources`: the
    rows of sources.csv. The first folder level names the association; a four-digit year
    anywhere in the folders or the file name gives the year; sources.csv overrides both (and
    may name the event or force a kind).

    >>> rows = document_rows([{"source_path": "acm/2021/program.pdf", "path": "/p", "doc_id": "d"}],
    ...                      [{"association": "acm", "industry": "computing"}])
    >>> rows[0]["association"], rows[0]["year"], rows[0]["industry"]
    ('acm', 2021, 'computing')
    """
    overrides = sources_by_path(sources)
    profiles = association_profiles(sources)
    rows = []
    for file in files:
        rel = file["source_path"]
        parts = tuple(rel.split("/"))
        association = parts[0] if len(parts) > 1 else ""
        year = year_from_parts(parts[1:]) if len(parts) > 1 else year_from_parts(parts)
        override = overrides.get(rel, {})
        if override.get("association"):
            association = override["association"]
        year_override = override.get("year", "").isdigit()
        if year_override:
            year = int(override["year"])
        rows.append(
            {
                "doc_id": file["doc_id"], "source_path": rel, "kind": override.get("kind", ""),
                "association": association, "year": year, "pages": None,
                "status": file.get("status", ""), "message": file.get("message", ""),
                "appearances": 0, "event": override.get("event", ""), "path": file["path"],
                "year_override": year_override, "stamp": file.get("stamp", ""),
                **{k: override.get(k) or profiles.get(association.lower(), {}).get(k, "")
                   for k in ("industry", "profession")},
            }
        )
    return rows

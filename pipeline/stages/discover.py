"""Discover: one row per input file, with a content-hash id, its kind, association and year."""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import MentorMinerError
from pipeline.tables import DOCUMENT_COLUMNS
from pipeline.userfiles.usercsv import read_user_csv

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
IGNORED_NAMES = {"sources.csv", "MANIFEST.tsv", ".DS_Store", "Thumbs.db", "desktop.ini"}
SOURCES_COLUMNS = (
    "source_path", "association", "year", "event", "kind", "industry", "profession",
)


def content_id(path: Path) -> str:
    """First 16 hex digits of the SHA-256 of the file's bytes: same file, same id."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:16]


def walk_files(raw_dir: Path, *, follow_symlinks: bool = False,
               skip: Iterable[Path] = ()) -> list[Path]:
    """Every regular file under raw_dir, sorted; hidden files and outside symlinks skipped, and
    so is anything at or under a path in `skip` (the run's own outputs, cache and settings,
    when the user keeps them inside the input folder)."""
    raw_dir = raw_dir.resolve()
    skipped = {Path(p).resolve() for p in skip}
    skipped = {p for p in skipped if p.is_relative_to(raw_dir) and p != raw_dir}
    found: list[Path] = []
    for root, dirs, files in os.walk(raw_dir, followlinks=follow_symlinks,
                                     onerror=_unreadable_folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if skipped:
            for d in [d for d in dirs if (Path(root) / d).resolve() in skipped]:
                logger.info("%s: not read as documents (the run's own output, cache or "
                            "settings)", Path(root) / d)
                dirs.remove(d)
        for name in sorted(files):
            if name.startswith(".") or name in IGNORED_NAMES or name.startswith("~$"):
                continue
            path = Path(root) / name
            if skipped and path.resolve() in skipped:
                logger.info("%s: not read as a document (the run's own settings)", path)
                continue
            if path.is_symlink():
                if not follow_symlinks:
                    logger.warning("%s: symbolic link not followed", path)
                    continue
                target = path.resolve()
                if not target.is_relative_to(raw_dir):
                    logger.warning("%s: link points outside %s; skipped", path, raw_dir)
                    continue
            if path.is_file():
                found.append(path)
    return found


def _unreadable_folder(error: OSError) -> None:
    """A folder the walk cannot list is said, not skipped in silence (permission denied)."""
    logger.warning("%s: cannot read this folder (%s); its files are skipped", error.filename,
                   error.strerror or error)


def year_from_parts(parts: tuple[str, ...]) -> int | None:
    for part in reversed(parts):
        match = YEAR_RE.search(part)
        if match:
            return int(match.group(1))
    return None


def _sources_rows(raw_dir: Path) -> list[dict[str, str]]:
    """The rows of RAW_DIR/sources.csv, as any spreadsheet saves it (see pipeline.userfiles.usercsv)."""
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


def read_sources(raw_dir: Path, rows: list[dict[str, str]] | None = None
                 ) -> dict[str, dict[str, str]]:
    """Per-file overrides from RAW_DIR/sources.csv, keyed by relative source_path."""
    overrides = {}
    for row in _sources_rows(raw_dir) if rows is None else rows:
        key = (row.get("source_path") or "").strip().replace("\\", "/")
        if key:
            overrides[key] = {k: (row.get(k) or "").strip() for k in SOURCES_COLUMNS[1:]}
    return overrides


def read_association_profiles(raw_dir: Path, rows: list[dict[str, str]] | None = None
                              ) -> dict[str, dict[str, str]]:
    """`industry`/`profession` per association from sources.csv rows without a source_path.

    A row `association,industry,profession` (`sigcse,higher education,computing educator`)
    declares them for every file of the association; a per-file row may override them.
    """
    profiles = {}
    for row in _sources_rows(raw_dir) if rows is None else rows:
        association = (row.get("association") or "").strip()
        if association and not (row.get("source_path") or "").strip():
            profiles[association.lower()] = {
                k: (row.get(k) or "").strip() for k in ("industry", "profession")
            }
    return profiles


DISCOVER_COLUMNS = (*DOCUMENT_COLUMNS, "event", "path", "year_override", "industry",
                    "profession")


def discover(raw_dir: Path, *, follow_symlinks: bool = False) -> pd.DataFrame:
    """One row per file under raw_dir: `<association>/<year-or-topic>/<file>` gives the metadata.

    The first folder level names the association; a four-digit year anywhere in the folders or
    the file name gives the year. `sources.csv` in raw_dir overrides both (and may name the
    event or force a kind).
    """
    return documents_frame(discover_rows(raw_dir, follow_symlinks=follow_symlinks))


def documents_frame(rows: list[dict]) -> pd.DataFrame:
    """The rows of :func:`discover_rows` as :func:`discover`'s table."""
    import pandas as pd

    return pd.DataFrame(rows, columns=list(DISCOVER_COLUMNS))


def discover_rows(raw_dir: Path, *, follow_symlinks: bool = False,
                  skip: Iterable[Path] = ()) -> list[dict]:
    """The rows of :func:`discover` as dicts (keys: `DISCOVER_COLUMNS`), without pandas: an
    up-to-date re-run needs no more. Paths in `skip` are not read (see :func:`walk_files`)."""
    raw_dir = Path(raw_dir)
    sources = _sources_rows(raw_dir)  # read once, for both uses
    overrides = read_sources(raw_dir, sources)
    profiles = read_association_profiles(raw_dir, sources)
    rows = []
    for path in walk_files(raw_dir, follow_symlinks=follow_symlinks, skip=skip):
        rel = path.relative_to(raw_dir.resolve()).as_posix()
        parts = tuple(rel.split("/"))
        association = parts[0] if len(parts) > 1 else ""
        year = year_from_parts(parts[1:]) if len(parts) > 1 else year_from_parts(parts)
        override = overrides.get(rel, {})
        if override.get("association"):
            association = override["association"]
        year_override = override.get("year", "").isdigit()
        if year_override:
            year = int(override["year"])
        try:
            doc_id = content_id(path)
            status, message = "", ""
            if path.stat().st_size == 0:  # decided here: 10,000 empty files cost no worker
                status, message = "empty", f"{rel}: empty file (0 bytes)"
        except OSError as e:
            doc_id, status, message = hashlib.sha256(rel.encode()).hexdigest()[:16], "error", (
                f"{rel}: cannot read file ({e.strerror or e})"
            )
        rows.append(
            {
                "doc_id": doc_id, "source_path": rel, "kind": override.get("kind", ""),
                "association": association, "year": year, "pages": None, "status": status,
                "message": message, "appearances": 0, "event": override.get("event", ""),
                "path": str(path), "year_override": year_override,
                **{k: override.get(k) or profiles.get(association.lower(), {}).get(k, "")
                   for k in ("industry", "profession")},
            }
        )
    if rows:
        logger.info("discover: %d files under %s", len(rows), raw_dir)
    else:
        logger.warning("%s: no files to read (hidden files are skipped); the outputs will be "
                       "empty", raw_dir)
    return rows

"""The input folder: its files walked and hashed, and its documents table built (by the
discover stage, from the files and sources.csv)."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)


IGNORED_NAMES = {"sources.csv", "MANIFEST.tsv", ".DS_Store", "Thumbs.db", "desktop.ini"}


def content_id(path: Path) -> str:
    """First 16 hex digits of the SHA-256 of the file's bytes: same file, same id."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:16]


def folder_id(folder: Path) -> str:
    """First 16 hex digits of the SHA-256 of the names of a folder's visible files: it changes
    when a file is added, removed or renamed."""
    names = sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:16]


def depends_id(folder: Path, name: str) -> str:
    """The content id of the file `name` of `folder`, or of its list of files for `.`."""
    return folder_id(folder) if name == "." else content_id(folder / name)


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


# What browsers name a download until it has finished (Chrome, Firefox, Safari, Opera, others).
UNFINISHED_DOWNLOADS = (".crdownload", ".part", ".partial", ".download", ".opdownload")


def file_stamp(path: Path, stat: os.stat_result | None = None) -> str:
    """Size and modification time of the file (of its `stat`, when taken already): a file that
    is still being written (a download in progress) changes them while it is read."""
    stat = stat or path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def input_files(raw_dir: Path, *, follow_symlinks: bool = False,
                skip: Iterable[Path] = ()) -> list[dict]:
    """Each file under raw_dir (see :func:`walk_files`) with its relative `source_path`, `path`
    and content `doc_id`; one that cannot be read, or is empty, has its `status` and `message`
    already (decided here: 10,000 empty files cost no worker)."""
    raw_dir = Path(raw_dir)
    files = []
    for path in walk_files(raw_dir, follow_symlinks=follow_symlinks, skip=skip):
        rel = path.relative_to(raw_dir.resolve()).as_posix()
        file = {"source_path": rel, "path": str(path)}
        try:
            stat = path.stat()
            file["stamp"] = file_stamp(path, stat)
            file["doc_id"] = content_id(path)
            if path.name.lower().endswith(UNFINISHED_DOWNLOADS):
                file.update(status="error", message=(
                    f"{rel}: an unfinished download ({path.suffix}); run again when the "
                    "download has finished"))
            elif stat.st_size == 0:
                file.update(status="empty", message=f"{rel}: empty file (0 bytes)")
        except OSError as e:
            file.update(doc_id=hashlib.sha256(rel.encode()).hexdigest()[:16], status="error",
                        message=f"{rel}: cannot read file ({e.strerror or e})")
        files.append(file)
    return files


def discover_rows(raw_dir: Path, *, follow_symlinks: bool = False,
                  skip: Iterable[Path] = ()) -> list[dict]:
    """The documents of the input folder as rows (:func:`pipeline.stages.discover.document_rows`):
    its files and its sources.csv. Paths in `skip` are not read (see :func:`walk_files`)."""
    from pipeline.stages.discover import document_rows
    from pipeline.userfiles.sources import read_sources_file

    raw_dir = Path(raw_dir)
    sources = read_sources_file(raw_dir)
    rows = document_rows(input_files(raw_dir, follow_symlinks=follow_symlinks, skip=skip),
                         sources)
    if rows:
        logger.info("discover: %d files under %s", len(rows), raw_dir)
    else:
        logger.warning("%s: no files to read (hidden files are skipped); the outputs will be "
                       "empty", raw_dir)
    return rows


def discover(raw_dir: Path, *, follow_symlinks: bool = False) -> pd.DataFrame:
    """The documents table of the input folder: `<association>/<year-or-topic>/<file>` gives
    the metadata, sources.csv overrides it (see :func:`discover_rows`)."""
    from pipeline.stages.discover import documents_frame

    return documents_frame(discover_rows(raw_dir, follow_symlinks=follow_symlinks))

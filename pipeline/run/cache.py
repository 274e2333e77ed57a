"""Cache of per-document results, keyed by content hash and a fingerprint of the code."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

FORMAT = 1
# The code whose change makes a cached result stale: every module a worker runs to read a
# document (tests/test_cache.py checks the list against what a worker imports).
_FINGERPRINT_MODULES = ("extractors", "pipeline/text", "pipeline/tables.py", "pipeline/errors.py",
                        "pipeline/stages/__init__.py", "pipeline/stages/recognize",
                        "pipeline/run/__init__.py", "pipeline/run/runner.py",
                        "pipeline/run/worker.py")
_PATH_MARK = "\x00source_path\x00"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mentor-miner"


def source_fingerprint(entries: tuple[str, ...], suffixes: frozenset[str] = frozenset({".py"})
                       ) -> str:
    """SHA-256 over the files (by path and content) of the given package files and folders."""
    root = Path(__file__).resolve().parents[2]
    digest = hashlib.sha256(str(FORMAT).encode())
    for entry in entries:
        path = root / entry
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in suffixes:
                digest.update(file.relative_to(root).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the source of every module that shapes a document's result."""
    return source_fingerprint(_FINGERPRINT_MODULES,
                              frozenset({".py", ".yaml", ".csv", ".txt", ".gz"}))[:16]


class DocumentCache:
    """One gzip JSON file per (document content, code fingerprint, model, options) key.

    Each entry carries the SHA-256 of its payload; an entry that fails to decode or whose
    checksum does not match is deleted and rebuilt, never trusted.
    """

    def __init__(self, directory: Path, *, salt: str = ""):
        self.directory = Path(directory)
        self.salt = salt
        self.hits = 0
        self.misses = 0

    def _path(self, doc_id: str) -> Path:
        key = hashlib.sha256(f"{doc_id}:{code_fingerprint()}:{self.salt}".encode()).hexdigest()
        return self.directory / _version_folder() / key[:2] / f"{key[2:34]}.json.gz"

    def get(self, doc_id: str, source_path: str) -> dict | None:
        path = self._path(doc_id)
        if not path.exists():
            self.misses += 1
            return None
        try:
            envelope = json.loads(gzip.decompress(path.read_bytes()))
            payload = envelope["payload"]
            if hashlib.sha256(payload.encode()).hexdigest() != envelope["sha256"]:
                raise ValueError("checksum mismatch")
            value = json.loads(payload.replace(json.dumps(_PATH_MARK)[1:-1], _json_escape(
                source_path)))
        except (OSError, ValueError, KeyError, TypeError, EOFError, gzip.BadGzipFile) as e:
            logger.warning("cache entry %s is corrupt (%s); rebuilding it", path, e)
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, doc_id: str, source_path: str, value: dict) -> None:
        path = self._path(doc_id)
        payload = json.dumps(value, ensure_ascii=False, default=str)
        if source_path:
            payload = payload.replace(_json_escape(source_path), json.dumps(_PATH_MARK)[1:-1])
        envelope = {"sha256": hashlib.sha256(payload.encode()).hexdigest(), "payload": payload}
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            tmp.write_bytes(gzip.compress(json.dumps(envelope).encode(), compresslevel=5))
            os.replace(tmp, path)
        except OSError as e:  # a full disk must not fail the run: the cache is an optimization
            logger.warning("cannot write cache entry %s (%s)", path, e)
            tmp.unlink(missing_ok=True)

    def clear(self) -> int:
        """Delete every entry, of every code version; returns how many entries were removed.

        Only the cache's own files go: anything else in the folder (a user may have pointed
        --cache-dir at a folder of their own) stays, and so does the folder.
        """
        return sum(_remove_version(folder) for folder in self._versions())

    def prune(self) -> int:
        """Delete the entries written by other versions of the code (never read again by this
        one); returns how many were removed."""
        return sum(_remove_version(folder) for folder in self._versions()
                   if folder.name != _version_folder())

    def other_versions(self) -> int:
        """How many other code versions have entries here (one listing of the folder)."""
        return sum(folder.name != _version_folder() for folder in self._versions())

    def usage(self) -> CacheUsage:
        """Entries and bytes on disk, for this code version and for the others."""
        usage = CacheUsage()
        for folder in self._versions():
            current = folder.name == _version_folder()
            for entry in _entries(folder):
                try:
                    size = entry.stat().st_size
                except OSError:  # removed meanwhile by another run
                    continue
                if current:
                    usage.current_entries += 1
                    usage.current_bytes += size
                else:
                    usage.stale_entries += 1
                    usage.stale_bytes += size
        return usage

    def _versions(self) -> list[Path]:
        """The folders of each code version's entries. The cache folder itself counts as one
        when it holds entries of the first layout (shards straight under it, before entries
        were kept per code version): those are stale for every version since."""
        try:
            children = [p for p in self.directory.iterdir() if p.is_dir()]
        except (FileNotFoundError, NotADirectoryError):
            return []
        folders = sorted(p for p in children if _VERSION_FOLDER.fullmatch(p.name))
        if any(_SHARD.fullmatch(p.name) for p in children):
            folders.append(self.directory)
        return folders


@dataclass
class CacheUsage:
    current_entries: int = 0
    current_bytes: int = 0
    stale_entries: int = 0
    stale_bytes: int = 0


# <format>-<code fingerprint>/<2 hex>/<32 hex>.json.gz: the only files the cache removes.
_VERSION_FOLDER = re.compile(r"v\d+-[0-9a-f]{16}")
_SHARD = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"[0-9a-f]{32}\.json\.gz|[0-9a-f]{32}\.json\.\d+\.tmp")


def _version_folder() -> str:
    """Entries of one code version live in one folder, so that `prune` can drop the others'."""
    return f"v{FORMAT}-{code_fingerprint()}"


def _entries(folder: Path) -> Iterator[Path]:
    for shard in folder.iterdir():
        if shard.is_dir() and _SHARD.fullmatch(shard.name):
            for entry in shard.iterdir():
                if _ENTRY.fullmatch(entry.name) and entry.is_file():
                    yield entry


def _remove_version(folder: Path) -> int:
    """Remove the cache entries (and temporary files of killed writers) under `folder`, then
    the folders they leave empty. Returns the number of entries removed."""
    removed = 0
    for entry in list(_entries(folder)):
        try:
            entry.unlink()
        except FileNotFoundError:  # removed meanwhile by another run
            continue
        removed += entry.name.endswith(".json.gz")
    shards = [p for p in folder.iterdir() if p.is_dir() and _SHARD.fullmatch(p.name)]
    if _VERSION_FOLDER.fullmatch(folder.name):
        shards.append(folder)  # the version's own folder; never the cache folder itself
    for emptied in shards:
        with contextlib.suppress(OSError):  # not empty: something not ours stays
            emptied.rmdir()
    return removed


def _json_escape(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]

"""Cache of per-document results, keyed by content hash and a fingerprint of the code."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import shutil
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

FORMAT = 1
# The code whose change makes a cached result stale: every module a worker runs to read a
# document (tests/test_cache.py checks the list against what a worker imports).
_FINGERPRINT_MODULES = ("extractors", "pipeline/recognize.py", "pipeline/lines.py",
                        "pipeline/directory.py", "pipeline/nlp.py", "pipeline/tables.py",
                        "pipeline/errors.py", "pipeline/runner.py", "pipeline/worker.py")
_PATH_MARK = "\x00source_path\x00"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mentor-miner"


def source_fingerprint(entries: tuple[str, ...], suffixes: frozenset[str] = frozenset({".py"})
                       ) -> str:
    """SHA-256 over the files (by path and content) of the given package files and folders."""
    root = Path(__file__).resolve().parents[1]
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
    return source_fingerprint(_FINGERPRINT_MODULES)[:16]


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
        return self.directory / key[:2] / f"{key[2:34]}.json.gz"

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
        """Delete every entry; returns how many files were removed."""
        if not self.directory.exists():
            return 0
        count = sum(1 for _ in self.directory.rglob("*.json.gz"))
        shutil.rmtree(self.directory)
        return count


def _json_escape(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]

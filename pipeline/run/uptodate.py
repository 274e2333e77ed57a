"""Up-to-date check: a re-run on unchanged inputs, code and options rewrites nothing."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from pipeline.run.cache import source_fingerprint

STAMP = ".mentor-miner-run.json"
_DOCUMENT_KEYS = ("source_path", "doc_id", "association", "year", "event", "kind", "status",
                  "industry", "profession")


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """Hash of every source and data file of the `pipeline` and `extractors` packages."""
    return source_fingerprint(("pipeline", "extractors"),
                              frozenset({".py", ".yaml", ".csv", ".txt", ".json"}))


def _file_digest(path: Path | None) -> str:
    if path is None:
        return ""
    path = Path(path)
    if path.is_dir():
        return "|".join(f"{p.name}:{_file_digest(p)}" for p in sorted(path.glob("*.csv")))
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "absent"


def run_fingerprint(documents: list[dict], **options: object) -> str:
    """Identity of a run: its documents (by content), the code, and every option and user file.

    `documents`: the rows of :func:`pipeline.run.inputs.discover_rows`. Options that are paths
    (weights, overrides, outreach) enter by their content.
    """
    digest = hashlib.sha256(package_fingerprint().encode())
    for doc in sorted(documents, key=lambda d: d["source_path"]):
        digest.update(json.dumps([str(doc.get(k, "")) for k in _DOCUMENT_KEYS]).encode())
    for key in sorted(options):
        value = options[key]
        if key.endswith("_path") or key.endswith("_dir"):
            value = _file_digest(value)  # type: ignore[arg-type]
        digest.update(f"{key}={value}".encode())
    return digest.hexdigest()


def is_up_to_date(out_dir: Path, fingerprint: str, outputs: tuple[str, ...]) -> bool:
    stamp = Path(out_dir) / STAMP
    if not stamp.is_file() or not all((Path(out_dir) / name).is_file() for name in outputs):
        return False
    try:
        return json.loads(stamp.read_text(encoding="utf-8")).get("fingerprint") == fingerprint
    except (OSError, ValueError):
        return False


def stamp_path(out_dir: Path) -> Path:
    return Path(out_dir) / STAMP


def stamp_text(fingerprint: str, *, counts: dict[str, int] | None = None) -> str:
    return json.dumps({"fingerprint": fingerprint, "counts": counts or {}}) + "\n"


def stamp_counts(out_dir: Path) -> dict[str, int]:
    """Row counts of the tables, as the run that wrote `out_dir` recorded them."""
    try:
        counts = json.loads(stamp_path(out_dir).read_text(encoding="utf-8")).get("counts")
    except (OSError, ValueError, AttributeError):
        return {}
    return counts if isinstance(counts, dict) else {}

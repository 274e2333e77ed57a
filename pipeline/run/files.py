"""The user's files as the command line finds them: whether an output folder can be written,
whether the default input folder is the bundled sample, the tables `eval` compares."""

from __future__ import annotations

import os
from pathlib import Path

# The bundled sample's fictional associations (scripts/make_sample.py writes them to data/raw).
SAMPLE_ASSOCIATIONS = ("atpo", "hala")


def out_dir_problem(out_dir: Path) -> str:
    """Why `out_dir` cannot be written or created (a file on its way, a broken link, a
    read-only disk, no permission), or '' when it can."""
    existing = next((p for p in (out_dir, *out_dir.parents) if p.exists() or p.is_symlink()),
                    Path("."))
    where = "" if existing == out_dir else f" (in {out_dir})"
    if existing.is_symlink() and not existing.exists():
        return f"{existing}{where} is a symbolic link to nothing (a broken or looping link)"
    if not existing.is_dir():
        return f"{existing}{where} is a file, not a folder"
    if _read_only(existing):
        return f"{existing}{where} is on a read-only file system"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"{existing}{where}: permission denied, you cannot write there"
    return ""


def _read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): the write will say
        return False


def bundled_sample(raw_dir: Path) -> str:
    """A line saying that the default input folder holds the bundled sample, or ''."""
    found = [a for a in SAMPLE_ASSOCIATIONS
             if any((raw_dir / a).glob(f"20*/{a}-20*-program.pdf"))]
    if not found:
        return ""
    try:
        others = sorted(p.name for p in raw_dir.iterdir()
                        if p.is_dir() and not p.name.startswith(".") and p.name not in found)
    except OSError:
        others = []
    also = f", and your folders {', '.join(others)}" if others else ""
    return (f"no input folder given: mined {raw_dir}, which holds the bundled sample (fictional "
            f"associations {', '.join(found)}){also}. For your own downloads: "
            "mentor-miner run YOUR_FOLDER --out RESULTS")


def read_eval_tables(truth_path: Path, processed_dir: Path):
    """The appearances `mentor-miner run` wrote to `processed_dir` and the hand-made truth
    (a CSV, or a folder of CSVs, one row per printed mention), as text tables: (appearances,
    truth). Raises :class:`pipeline.errors.MentorMinerError` when either cannot be read."""
    import pandas as pd

    from pipeline.errors import MentorMinerError, SchemaError

    files = sorted(truth_path.glob("*.csv")) if truth_path.is_dir() else [truth_path]
    if not files:
        raise MentorMinerError(f"{truth_path}: no truth CSV files found.")
    appearances_path = processed_dir / "appearances.csv"
    if not appearances_path.exists():
        raise MentorMinerError(f"{appearances_path} not found; run `mentor-miner run` first.")
    try:
        truth = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files])
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as e:
        raise MentorMinerError(f"{truth_path}: cannot read the truth CSV ({e}).") from e
    missing = {"source_path", "page", "role", "person_name"} - set(truth.columns)
    if missing:
        raise SchemaError(f"{truth_path}: truth lacks columns {sorted(missing)}.")
    return pd.read_csv(appearances_path, dtype=str, keep_default_na=False), truth

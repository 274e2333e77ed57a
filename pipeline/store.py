"""Store: every write to disk, atomic, with spreadsheet-formula neutralization of CSV cells."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from pipeline.errors import OutputLocked

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Characters no XML document (GraphML, GEXF) may hold and no reader wants in a name.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def strip_control(value: object) -> object:
    """Drop control characters (NUL, ESC, ...) from text; tab and newlines stay.

    >>> strip_control("Ann" + chr(0) + " Lee" + chr(27)), strip_control(3)
    ('Ann Lee', 3)
    """
    return _CONTROL_RE.sub("", value) if isinstance(value, str) else value


def graph_safe(graph):
    """A copy of `graph` whose node ids and text attributes hold no control characters."""
    mapping = {node: strip_control(node) for node in graph.nodes if isinstance(node, str)}
    clean = graph.__class__()
    for node, data in graph.nodes(data=True):
        clean.add_node(mapping.get(node, node), **{k: strip_control(v) for k, v in data.items()})
    for u, v, data in graph.edges(data=True):
        clean.add_edge(mapping.get(u, u), mapping.get(v, v),
                       **{k: strip_control(v2) for k, v2 in data.items()})
    return clean


def neutralize(value: object) -> object:
    """Prefix a text cell a spreadsheet would run as a formula with `'` (OWASP guidance).

    >>> neutralize("=HYPERLINK(1)"), neutralize("-ray"), neutralize(-3), neutralize("Ann")
    ("'=HYPERLINK(1)", "'-ray", -3, 'Ann')
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_for_spreadsheet(table: pd.DataFrame) -> pd.DataFrame:
    """Neutralize text columns only; numeric columns stay numeric."""
    out = table.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralize)
    return out


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it over `path` only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_csv(table: pd.DataFrame, path: Path) -> None:
    with atomic_write(path) as tmp:
        safe_for_spreadsheet(table).to_csv(tmp, index=False, encoding="utf-8")


def write_parquet(table: pd.DataFrame, path: Path) -> None:
    with atomic_write(path) as tmp:
        table.to_parquet(tmp, index=False)


def write_text(text: str, path: Path) -> None:
    with atomic_write(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def read_csv(path: Path) -> pd.DataFrame:
    """Read a table this tool wrote, undoing the formula neutralization."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for col in table.columns:
        table[col] = table[col].map(
            lambda v: v[1:] if isinstance(v, str) and v[:2] in {"'" + p for p in FORMULA_PREFIXES}
            else v
        )
    return table


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Refuse a second run on the same output folder while one is writing there."""
    out_dir.mkdir(parents=True, exist_ok=True)
    lock = out_dir / ".mentor-miner.lock"
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        pid = lock.read_text(errors="replace").strip() if lock.exists() else ""
        if pid.isdigit() and not _alive(int(pid)):
            lock.unlink(missing_ok=True)  # stale lock of a killed run
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        else:
            raise OutputLocked(
                f"{out_dir}: another mentor-miner run (pid {pid or '?'}) is writing here. "
                f"Wait for it, or delete {lock} if no run is active."
            ) from None
    os.write(fd, str(os.getpid()).encode())
    os.close(fd)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

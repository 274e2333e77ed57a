"""Store: every write to disk, atomic, with spreadsheet-formula neutralization of CSV cells."""

from __future__ import annotations

import contextlib
import csv
import functools
import itertools
import numbers
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr as xml_quote

from pipeline.errors import OutputLocked

if TYPE_CHECKING:  # imported where a table is read or written: an up-to-date run needs neither
    import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Characters no XML document (GraphML, GEXF) may hold and no reader wants in a name.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def strip_control(value: object) -> object:
    """Drop control characters (NUL, ESC, ...) from text; tab and newlines stay.

    >>> strip_control("Ann" + chr(0) + " Lee" + chr(27)), strip_control(3)
    ('Ann Lee', 3)
    """
    return _CONTROL_RE.sub("", value) if isinstance(value, str) else value


def has_control(text: str) -> bool:
    """Whether `strip_control` would change `text`."""
    return _CONTROL_RE.search(text) is not None


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


def _kind_of_type(cls: type) -> str:
    """The GraphML type of the values of one Python type (numpy's numbers included)."""
    import numpy as np

    if issubclass(cls, bool | np.bool_):
        return "boolean"
    if issubclass(cls, numbers.Integral):
        return "long"
    if issubclass(cls, numbers.Real):
        return "double"
    return "string"


# Text that needs no XML escaping and holds no control character goes out as it is.
_XML_TEXT_SPECIAL = re.compile(f"[&<>{_CONTROL_RE.pattern[1:-1]}]")
_XML_ATTR_SPECIAL = re.compile(f"[&<>\"'\n\r\t{_CONTROL_RE.pattern[1:-1]}]")


def _xml_text(text: str) -> str:
    return text if _XML_TEXT_SPECIAL.search(text) is None else xml_escape(strip_control(text))


def _xml_attr(text: str) -> str:
    """`text` as a quoted XML attribute value, as `xml.sax.saxutils.quoteattr` has it."""
    if _XML_ATTR_SPECIAL.search(text) is None:
        return f'"{text}"'
    return xml_quote(strip_control(text))


def _graphml_type(names: set[str]) -> str:
    """One GraphML type for an attribute's values: numbers widen to double, else string."""
    if len(names) == 1:
        return names.pop()
    return "double" if names <= {"long", "double"} else "string"


def _graphml_formatter(kind: str):
    """The function that writes one value of an attribute of GraphML type `kind`."""
    if kind == "boolean":
        return lambda value: "true" if value else "false"
    if kind == "double":
        return lambda value: repr(float(value))
    if kind == "long":
        return lambda value: str(int(value))
    return lambda value: _xml_text(value if type(value) is str else str(value))


def _value_types(items) -> dict[str, set[type]]:
    """Per attribute name, the types of its values (None left out), over many data dicts."""
    types: dict[str, set[type]] = {}
    for data in items:
        for name, value in data.items():
            if value is not None:
                seen = types.get(name)
                if seen is None:
                    seen = types[name] = set()
                seen.add(type(value))
    return types


def write_graphml(graph, path: Path) -> None:
    """`graph` as GraphML, as networkx's `write_graphml` has it (keys typed per attribute,
    multigraph edge keys as edge ids), in one pass of string building instead of an element
    tree, and with control characters dropped from ids and text (no XML may hold them).
    None values are left out."""
    lines = [
        "<?xml version='1.0' encoding='utf-8'?>",
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    # Per domain and attribute: the opening of its <data> element and its value's writer.
    formats: dict[str, dict[str, tuple[str, object]]] = {"node": {}, "edge": {}}
    n_keys = 0
    for domain, items in (("node", (data for _, data in graph.nodes(data=True))),
                          ("edge", (data for *_, data in graph.edges(data=True)))):
        for name, seen in _value_types(items).items():
            key_id = f"d{n_keys}"
            kind = _graphml_type({_kind_of_type(t) for t in seen})
            n_keys += 1
            formats[domain][name] = (f'  <data key="{key_id}">', _graphml_formatter(kind))
            lines.append(f'<key id="{key_id}" for="{domain}" attr.name='
                         f'{_xml_attr(name)} attr.type="{kind}"/>')
    lines.append(f'<graph edgedefault="{"directed" if graph.is_directed() else "undirected"}">')
    append = lines.append
    node_formats, edge_formats = formats["node"], formats["edge"]

    ids: dict[object, str] = {}

    def node_id(node: object) -> str:
        quoted = ids.get(node)
        if quoted is None:
            quoted = ids[node] = _xml_attr(str(node))
        return quoted

    def write_data(formats: dict, data: dict) -> None:
        for name, value in data.items():
            if value is not None:
                start, write = formats[name]
                append(f"{start}{write(value)}</data>")

    for node, data in graph.nodes(data=True):
        append(f"<node id={node_id(node)}>")
        write_data(node_formats, data)
        append("</node>")
    multi = graph.is_multigraph()
    edges = graph.edges(keys=True, data=True) if multi else graph.edges(data=True)
    for edge in edges:
        u, v, data = edge[0], edge[1], edge[-1]
        edge_id = f" id={_xml_attr(str(edge[2]))}" if multi else ""
        append(f"<edge source={node_id(u)} target={node_id(v)}{edge_id}>")
        write_data(edge_formats, data)
        append("</edge>")
    append("</graph></graphml>")
    write_text("\n".join(lines) + "\n", path)


def neutralize(value: object) -> object:
    """Prefix a text cell a spreadsheet would run as a formula with `'` (OWASP guidance).

    >>> neutralize("=HYPERLINK(1)"), neutralize("-ray"), neutralize(-3), neutralize("Ann")
    ("'=HYPERLINK(1)", "'-ray", -3, 'Ann')
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_for_spreadsheet(table: pd.DataFrame) -> pd.DataFrame:
    """Neutralize text columns only; numeric columns stay numeric.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"a": ["=1", "b", "@c"], "n": [-1, 2, 3]})
    >>> safe_for_spreadsheet(table).to_dict("list")
    {'a': ["'=1", 'b', "'@c"], 'n': [-1, 2, 3]}
    """
    import pandas as pd

    out = table.copy()
    for col in out.columns:
        values = out[col]
        if not (values.dtype == object or pd.api.types.is_string_dtype(values)):
            continue
        try:  # one column operation; cells that are not text say NaN
            formula = values.str.startswith(FORMULA_PREFIXES).fillna(False).astype(bool)
        except AttributeError:  # an object column with no text at all
            continue
        if formula.any():
            out[col] = values.where(~formula, values[formula].map(neutralize))
    return out


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; put it back at once
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it over `path` only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        # mkstemp makes the file private (0600); an output gets the mode any new file would.
        os.chmod(tmp, 0o666 & ~_umask())
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


_MARKED = tuple("'" + p for p in FORMULA_PREFIXES)


def read_csv(path: Path) -> pd.DataFrame:
    """Read a table this tool wrote, undoing the formula neutralization."""
    import pandas as pd

    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for col in table.columns:
        values = table[col].astype(str)
        neutralized = values.str.startswith(_MARKED)
        if neutralized.any():
            table[col] = values.where(~neutralized, values.str[1:])
    return table


def read_rows(path: Path, *, limit: int | None = None) -> list[dict[str, str]]:
    """The first `limit` rows of a CSV this tool wrote, as text, neutralization undone."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return [{k: v[1:] if v.startswith(_MARKED) else v for k, v in row.items()}
                for row in itertools.islice(reader, limit)]


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

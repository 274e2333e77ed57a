"""Structured files of any format parsed into one tree of dicts, lists and strings.

JSON, YAML, TOML, XML, CSV/TSV/XLSX, JavaScript data modules (parsed as data, never run) and
N-Triples all become plain Python values, so one walker (`extractors.tree_walk`) reads them all.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from extractors.records import load_json, load_yaml
from extractors.spreadsheet import is_xlsx, read_rows
from pipeline.errors import ExtractionError
from pipeline.text.decode import decode_text

TEXT_KEY = "#text"
JS_SUFFIXES = {".js", ".mjs", ".cjs", ".ts"}
TABLE_SUFFIXES = {".csv", ".tsv", ".tab", ".xlsx", ".xlsm"}
RDF_SUFFIXES = {".nt", ".ntriples"}
_JS_START_RE = re.compile(r"(?:export\s+default|module\.exports\s*=|=)\s*(?=[\[{])")
_NT_RE = re.compile(
    r'^\s*(?P<s><[^>]*>|_:\S+)\s+<(?P<p>[^>]*)>\s+(?P<o><[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"'
    r'(?:@[\w-]+|\^\^<[^>]*>)?)\s*\.\s*$')


def tree_format(path: Path, head: bytes) -> str:
    """Which of the tree formats this file is, by content first, or '' for none.

    >>> tree_format(Path("a.txt"), b'{"a": 1}'), tree_format(Path("s.js"), b"export const s = [")
    ('json', 'js')
    >>> tree_format(Path("notes.txt"), b"Hello")
    ''
    """
    suffix = path.suffix.lower()
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix in JS_SUFFIXES:
        return "js" if _JS_START_RE.search(head.decode("utf-8", "replace")) else ""
    if suffix in RDF_SUFFIXES or (start.startswith((b"<http", b"_:")) and _NT_RE.match(
            start.split(b"\n", 1)[0].decode("utf-8", "replace"))):
        return "ntriples"
    if suffix == ".toml":
        return "toml"
    if is_xlsx(path, head) or suffix in TABLE_SUFFIXES:
        return "table"
    if start[:1] in (b"{", b"["):
        return "json"
    if start.startswith(b"<?xml") or (suffix == ".xml" and start.startswith(b"<")):
        return "xml"
    if suffix in (".yml", ".yaml") or start.startswith(b"---\n") or start.startswith(b"%YAML"):
        return "yaml"
    return ""


def load_tree(path: Path, fmt: str):
    """The file as plain values; a malformed file raises `ExtractionError` naming the cause."""
    if fmt == "json":
        return load_json(path)
    if fmt == "yaml":
        return _load_yaml_all(path)
    if fmt == "toml":
        import tomllib

        try:
            return tomllib.loads(decode_text(path.read_bytes()))
        except tomllib.TOMLDecodeError as e:
            raise ExtractionError(path, f"malformed TOML ({e})") from e
    if fmt == "table":
        return read_rows(path)
    if fmt == "xml":
        return _load_xml(path)
    if fmt == "js":
        return js_data(decode_text(path.read_bytes()), path)
    if fmt == "ntriples":
        return ntriples(decode_text(path.read_bytes()))
    raise ExtractionError(path, f"not a structured format ({fmt or 'unknown'})")


def _load_yaml_all(path: Path):
    import yaml

    try:
        return load_yaml(path)
    except ExtractionError as e:
        if "expected a single document" not in str(e):
            raise
    with open(path, encoding="utf-8-sig") as fh:  # several `---` documents: a list of them
        try:
            return [doc for doc in yaml.safe_load_all(fh) if doc is not None]
        except yaml.YAMLError as e:
            raise ExtractionError(path, f"malformed YAML ({type(e).__name__}: {e})") from e


def parse_xml(path: Path):
    """The root element of an XML file, parsed safely (no DTDs, no entity expansion); a
    malformed or hostile file raises `ExtractionError`."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        return ElementTree.parse(path, forbid_dtd=True).getroot()
    except DefusedXmlException as e:
        raise ExtractionError(path, f"XML refused for safety ({type(e).__name__})") from e
    except ElementTree.ParseError as e:
        raise ExtractionError(path, f"malformed XML ({e})") from e


def _load_xml(path: Path):
    root = parse_xml(path)
    return {_local(root.tag): xml_value(root)}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def xml_value(element):
    """An element as a value: its text when it has no attributes or children, else a dict of
    attributes, child tags (repeated tags as lists) and `#text`.

    >>> from xml.etree.ElementTree import fromstring
    >>> xml_value(fromstring('<e id="3"><person id="1">Ann Lee</person><room>A</room></e>'))
    {'id': '3', 'person': {'id': '1', '#text': 'Ann Lee'}, 'room': 'A'}
    """
    text = " ".join((element.text or "").split())
    children = list(element)
    if not children and not element.attrib:
        return text
    out: dict = {_local(k): v for k, v in element.attrib.items()}
    for child in children:
        key = _local(child.tag)
        if not key:
            continue
        value = xml_value(child)
        if key in out:
            if not isinstance(out[key], list) or key not in _repeated(out):
                out[key] = [out[key]]
                _repeated(out).add(key)
            out[key].append(value)
        else:
            out[key] = value
    out.pop("\x00repeated", None)
    if text:
        out[TEXT_KEY] = text
    return out


def _repeated(out: dict) -> set:
    return out.setdefault("\x00repeated", set())


def js_data(text: str, path: Path | None = None):
    """The data literal a JavaScript module assigns or exports, parsed as data (never run).

    >>> js_data("// s\\nexport const s = [{title: 'A', 'speakers': [\\"Ann Lee\\",],},];")
    [{'title': 'A', 'speakers': ['Ann Lee']}]
    """
    literals = []
    for match in _JS_START_RE.finditer(text):
        literal = _balanced(text, match.end())
        if literal:
            try:
                literals.append(json.loads(_js_to_json(literal)))
            except (ValueError, RecursionError):
                continue
    if not literals:
        raise ExtractionError(path or Path("?"), "no data literal found in the JavaScript module "
                              "(expected `export const name = [...]` or `= {...}`)")
    return literals[0] if len(literals) == 1 else literals


def _balanced(text: str, start: int) -> str:
    """The bracketed literal starting at `start`, skipping strings and comments."""
    depth, i, quote = 0, start, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'`":
            quote = ch
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
            continue
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
        i += 1
    return ""


_JS_TOKEN_RE = re.compile(
    r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`(?:[^`\\]|\\.)*`|//[^\n]*|/\*.*?\*/|'
    r"[A-Za-z_$][\w$]*|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\S", re.S)


def _js_to_json(literal: str) -> str:
    """JavaScript object-literal syntax as JSON: quoted keys, double quotes, no trailing commas."""
    out: list[str] = []
    for token in _JS_TOKEN_RE.findall(literal):
        if token.startswith(("//", "/*")):
            continue
        if token[0] in "'`":
            body = token[1:-1].replace('\\' + token[0], token[0])
            token = json.dumps(body.encode("utf-8").decode("unicode_escape", "ignore")
                               if "\\u" in body else body.replace("\\n", "\n"))
        elif token[0].isalpha() or token[0] in "_$":
            token = {"true": "true", "false": "false", "null": "null",
                     "undefined": "null"}.get(token, json.dumps(token))
        elif token in "]}" and out and out[-1] == ",":
            out.pop()
        out.append(token)
    return "".join(out)


def ntriples(text: str) -> list[dict]:
    """N-Triples as one record per subject: {predicate's local name: value or [values]},
    with `type` from rdf:type and references between subjects joined by the walker's ids.

    >>> rows = ntriples('<http://x/#a> <http://xmlns.com/foaf/0.1/name> "Ann Lee" .')
    >>> rows[0]["name"], rows[0]["@id"]
    ('Ann Lee', 'http://x/#a')
    """
    subjects: dict[str, dict] = {}
    for line in text.splitlines():
        match = _NT_RE.match(line)
        if not match:
            continue
        subject = match.group("s").strip("<>")
        predicate = re.split(r"[#/]", match.group("p"))[-1]
        if re.fullmatch(r"_\d+", predicate):  # rdf:_1, rdf:_2: members of a container
            predicate = "member"
        obj = match.group("o")
        if obj.startswith('"'):
            lang = re.search(r'"@([\w-]+)$', obj)
            if lang and not lang.group(1).startswith("en") and predicate in subjects.get(
                    subject, {}):
                continue  # keep the English (or first) label
            value = json.loads(obj[:obj.rindex('"') + 1])
        else:
            value = obj.strip("<>")
            if predicate == "type":
                value = re.split(r"[#/]", value)[-1]
        record = subjects.setdefault(subject, {"@id": subject})
        if predicate in record:
            existing = record[predicate]
            if lang_replaces(obj, existing):
                record[predicate] = value
            elif isinstance(existing, list):
                existing.append(value)
            else:
                record[predicate] = [existing, value]
        else:
            record[predicate] = value
    return list(subjects.values())


def lang_replaces(obj: str, existing) -> bool:
    """An English literal replaces a label in another language seen first."""
    return bool(re.search(r'"@en(?:-\w+)?$', obj)) and isinstance(existing, str)

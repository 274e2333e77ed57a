"""Structured files of any schema (JSON, YAML, TOML, XML, CSV/XLSX, JS data, N-Triples), walked.

The specific schedule readers (frab, pretalx, Sessionize, iCalendar) run first because they add
source-side ids and event types; every other structured file is read here by the one walker.
A parseable file is never rejected: with no field holding names it is `empty`, and the message
names the keys it holds.
"""

from __future__ import annotations

from pathlib import Path

from extractors.records import year_in
from extractors.registry import Extraction, register
from extractors.tree_join import joined, points_to_people
from extractors.tree_load import load_tree, tree_format
from extractors.tree_walk import NOMINEES_SEEN, blocks_from_tree, describe_keys

# A CSV/TSV with a header is a table; a `.txt` or `.md` file is a text document, read by
# text_document (which reads its tables with the same walker).
_NEVER = {".md", ".markdown", ".txt", ".rst", ".html", ".htm", ".pdf", ".ics", ".docx"}


def path_context(path: Path) -> list[str]:
    """The folder and file names that give a file's records context, outermost first.

    >>> path_context(Path("/data/raw/acme/sponsors/sponsors.yml"))
    ['acme', 'sponsors', 'sponsors']
    """
    return [path.parent.parent.name, path.parent.name, path.stem]


def document_title(tree) -> str:
    """A top-level title of the document (`title:`, `<conference><title>`), or ''."""
    if isinstance(tree, dict):
        for key in ("title", "name", "conference", "event", "schedule"):
            value = tree.get(key)
            if isinstance(value, str) and len(value) < 150:
                return " ".join(value.split())
            if isinstance(value, dict):
                inner = document_title(value)
                if inner:
                    return inner
    return ""


@register("structured_data")
class StructuredData:
    version = "1"
    priority = 29

    def matches(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() in _NEVER:
            return False
        return bool(tree_format(path, head))

    def extract(self, path: Path) -> Extraction:
        head = path.read_bytes()[:65536]
        fmt = tree_format(path, head)
        tree = load_tree(path, fmt)
        context = path_context(path)
        title = document_title(tree)
        context, year = context + ([title] if title else []), year_in(path.parent.name)
        blocks, keys = blocks_from_tree(tree, context=context, source=fmt, year=year)
        depends: list[str] = []
        if not blocks or points_to_people(tree):
            # records that name their people by another file's ids (winners by paper id,
            # a talk's speakers by their ids in the speakers' file)
            tree, depends = joined(path, tree)
            if len(depends) > 1:
                blocks, keys = blocks_from_tree(tree, context=context, source=fmt, year=year)
        extra = {"depends": depends} if depends else {}
        if not blocks and NOMINEES_SEEN in keys:
            nominees = keys.pop(NOMINEES_SEEN)
            return Extraction([], event=title, status="empty", extra=extra, message=(
                f"{fmt} read: {nominees} nominees of an award and no recipient (nominees "
                f"received nothing, so they are no rows); keys seen: {describe_keys(keys)}"))
        if not blocks:
            return Extraction([], event=title, status="empty", extra=extra, message=(
                f"{fmt} read, no field holding names of people or organizations; keys seen: "
                f"{describe_keys(keys)}"))
        return Extraction(blocks, event=title, year=year_in(title) if title else None,
                          extra=extra)

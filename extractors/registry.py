"""The registry of document kinds: one extractor class per kind, chosen by content."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pipeline.errors import MentorMinerError, UnknownExtractor
from pipeline.tables import Block

logger = logging.getLogger(__name__)

HEAD_BYTES = 64 * 1024


@dataclass
class Extraction:
    """What an extractor returns for one document."""

    blocks: list[Block]
    pages: int | None = None
    event: str = ""
    year: int | None = None
    status: str = "ok"
    message: str = ""
    extra: dict = field(default_factory=dict)


class Extractor(Protocol):
    name: str
    version: str
    # Lower runs first; specific structured formats before generic ones.
    priority: int

    def matches(self, path: Path, head: bytes) -> bool: ...

    def extract(self, path: Path) -> Extraction: ...


_REGISTRY: dict[str, type] = {}


def register(name: str) -> Callable[[type], type]:
    """Class decorator: register an extractor under `name` (twice is an error)."""

    def wrap(cls: type) -> type:
        if name in _REGISTRY:
            raise MentorMinerError(f"Extractor {name!r} is registered twice.")
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return wrap


def _load_all() -> None:
    # Importing the package registers every built-in extractor.
    import extractors  # noqa: F401


def names() -> list[str]:
    _load_all()
    return sorted(_REGISTRY)


def get(name: str) -> Extractor:
    _load_all()
    try:
        return _REGISTRY[name]()
    except KeyError:
        raise UnknownExtractor(
            f"Unknown extractor {name!r}. Known: {', '.join(sorted(_REGISTRY))}."
        ) from None


def read_head(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(HEAD_BYTES)


def detect(path: Path, head: bytes | None = None) -> Extractor | None:
    """The extractor whose `matches` accepts this file, by content first, or None."""
    _load_all()
    if head is None:
        head = read_head(path)
    for cls in sorted(_REGISTRY.values(), key=lambda c: (c.priority, c.name)):
        extractor = cls()
        if extractor.matches(path, head):
            return extractor
    return None


def versions() -> dict[str, str]:
    _load_all()
    return {name: cls.version for name, cls in sorted(_REGISTRY.items())}


def describe(path: Path, head: bytes) -> str:
    """What a file of no known kind looks like, for the error message.

    >>> describe(Path("a.pdf"), b"<!DOCTYPE html><html>")
    'its content looks like HTML, not PDF as its .pdf extension says'
    >>> describe(Path("a.pdf"), b"%PDF-1.7 truncated")
    'PDF'
    """
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"%pdf-"):
        looks = "PDF"
    elif start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:200]:
        looks = "HTML"
    elif start.startswith(b"<"):
        looks = "XML"
    elif start[:1] in (b"{", b"["):
        looks = "JSON"
    elif start.startswith(b"pk\x03\x04"):
        looks = "a ZIP archive (Office document?)"
    elif b"\x00" in head[:1024]:
        looks = "binary data"
    else:
        looks = "plain text"
    ext = path.suffix.lower().lstrip(".")
    expected = {"pdf": "PDF", "html": "HTML", "htm": "HTML", "xml": "XML", "json": "JSON"}
    if ext in expected and expected[ext] != looks:
        return f"its content looks like {looks}, not {expected[ext]} as its .{ext} extension says"
    return looks


def join_label_blocks(blocks: list):
    """Join a short label paragraph (`Panelists:`) to the paragraph after it.

    Formats without coordinates (Word, Markdown, plain text) print a label and its names as two
    paragraphs; a PDF's layout would have stacked them into one block.
    """
    from dataclasses import replace

    out = []
    for block in blocks:
        previous = out[-1] if out else None
        if (previous is not None and previous.text.endswith(":") and len(previous.text) <= 40
                and previous.role_hint != "heading" and block.role_hint != "heading"
                and not previous.is_record and not block.is_record):
            out[-1] = replace(previous, text=f"{previous.text}\n{block.text}",
                              role_hint=block.role_hint, bold=block.bold)
            continue
        out.append(block)
    return out

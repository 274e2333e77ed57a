"""The registry of document kinds: one extractor class per kind, chosen by content."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pipeline.errors import MentorMinerError, UnknownExtractor
from pipeline.tables import Block, ReadOptions

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


def _make(cls: type, options: ReadOptions | None) -> Extractor:
    """An extractor of class `cls`; one whose `__init__` takes the read options gets them."""
    return cls(options) if options is not None and getattr(cls, "takes_options", False) \
        else cls()


def get(name: str, options: ReadOptions | None = None) -> Extractor:
    _load_all()
    try:
        return _make(_REGISTRY[name], options)
    except KeyError:
        raise UnknownExtractor(
            f"Unknown extractor {name!r}. Known: {', '.join(sorted(_REGISTRY))}."
        ) from None


def read_head(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(HEAD_BYTES)


def detect(path: Path, head: bytes | None = None, options: ReadOptions | None = None
           ) -> Extractor | None:
    """The extractor whose `matches` accepts this file, by content first, or None."""
    _load_all()
    if head is None:
        head = read_head(path)
    for cls in sorted(_REGISTRY.values(), key=lambda c: (c.priority, c.name)):
        extractor = _make(cls, options)
        if extractor.matches(path, head):
            return extractor
    return None


def versions() -> dict[str, str]:
    _load_all()
    return {name: cls.version for name, cls in sorted(_REGISTRY.items())}


# Signatures of the images users save in place of a program (a flyer, a screenshot).
_IMAGES = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"),
           (b"GIF89a", "GIF"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"))


def image_kind(head: bytes) -> str:
    r"""'PNG', 'JPEG', 'GIF', 'TIFF' or 'WebP' when the first bytes are an image's, else ''.

    >>> image_kind(b"\x89PNG\r\n\x1a\n...."), image_kind(b"%PDF-1.7")
    ('PNG', '')
    """
    for signature, kind in _IMAGES:
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return ""


def looks_like(head: bytes) -> str:
    """What a file's first bytes look like: PDF, HTML, XML, JSON, ZIP, an image, binary or
    plain text."""
    if image := image_kind(head):
        return f"a {image} image"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"%pdf-"):
        return "PDF"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:200]:
        return "HTML"
    if start.startswith(b"<"):
        return "XML"
    if start[:1] in (b"{", b"["):
        return "JSON"
    if start.startswith(b"pk\x03\x04"):
        return "a ZIP archive (Office document?)"
    if b"\x00" in head[:1024]:
        return "binary data"
    return "plain text"


_EXTENSION_LOOKS = {"pdf": "PDF", "html": "HTML", "htm": "HTML", "xml": "XML", "json": "JSON"}


def extension_mismatch(path: Path, head: bytes) -> str:
    """A sentence when the content contradicts the extension, else ''.

    >>> extension_mismatch(Path("a.pdf"), b"<!DOCTYPE html><html>")
    'its content looks like HTML, not PDF as its .pdf extension says'
    >>> extension_mismatch(Path("a.pdf"), b"%PDF-1.7 truncated")
    ''
    """
    ext = path.suffix.lower().lstrip(".")
    looks = looks_like(head)
    if ext in _EXTENSION_LOOKS and _EXTENSION_LOOKS[ext] != looks:
        return f"its content looks like {looks}, not {_EXTENSION_LOOKS[ext]} as its .{ext} " \
            "extension says"
    return ""


def describe(path: Path, head: bytes) -> str:
    r"""What a file of no known kind looks like, for the error message.

    >>> describe(Path("a.pdf"), b"%PDF-1.7 truncated")
    'PDF'
    >>> describe(Path("flyer.pdf"), b"\x89PNG\r\n\x1a\n....")[:65]
    'its content looks like a PNG image, not PDF as its .pdf extension'
    """
    return extension_mismatch(path, head) or looks_like(head)

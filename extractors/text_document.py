"""Plain-text and Markdown programs: lines as text blocks, Markdown headings and bold kept."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from extractors.registry import Extraction, register
from extractors.spreadsheet import decode_text
from pipeline.errors import ExtractionError
from pipeline.tables import Block

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".rst", ".text"}
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT_RE = re.compile(r"^(=+|-+)\s*$")
BOLD_RE = re.compile(r"^(\*\*|__)(?P<text>.+?)\1:?\s*$")
BULLET_RE = re.compile(r"^\s*(?:[-*+•·]|\d{1,3}[.)])\s+")
MARKUP_RE = re.compile(r"\*\*|__|`|\[(?P<label>[^\]]*)\]\([^)]*\)")


@register("text_document")
class TextDocument:
    version = "1"
    priority = 60

    def matches(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() not in TEXT_SUFFIXES or b"\x00" in head[:4096]:
            return False
        return bool(head.strip())

    def extract(self, path: Path) -> Extraction:
        try:
            text = decode_text(path.read_bytes())
        except OSError as e:
            raise ExtractionError(path, f"cannot read file ({e.strerror or e})") from e
        lines = text.splitlines()
        if lines and lines[0].strip() == "---":  # YAML front matter of a web page
            end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
            lines = lines[end + 1:]
        blocks: list[Block] = []
        section = ""
        for i, raw in enumerate(lines):
            line = raw.strip()
            if not line or SETEXT_RE.match(line):
                continue
            following = lines[i + 1].strip() if i + 1 < len(lines) else ""
            heading = HEADING_RE.match(line)
            bold = BOLD_RE.match(line)
            if heading or (SETEXT_RE.match(following) and len(line) < 100):
                content = heading.group(2) if heading else line
                section = _plain(content)
                blocks.append(Block(text=section, section=section, role_hint="heading"))
                continue
            content = _plain(bold.group("text") if bold else BULLET_RE.sub("", line))
            if content:
                blocks.append(Block(text=content, section=section,
                                    role_hint="bold" if bold else "", bold=bool(bold)))
        blocks = join_label_blocks(blocks)
        return Extraction(blocks, status="ok" if blocks else "empty",
                          message="" if blocks else "no text")


def _plain(text: str) -> str:
    return " ".join(MARKUP_RE.sub(lambda m: m.group("label") or "", text).split())


def join_label_blocks(blocks: list):
    """Join a short label paragraph (`Panelists:`) to the paragraph after it.

    Formats without coordinates (Word, Markdown, plain text) print a label and its names as two
    paragraphs; a PDF's layout would have stacked them into one block.
    """
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

"""Word (.docx) programs: paragraphs and table cells in order, heading styles and bold kept."""

from __future__ import annotations

import zipfile
from pathlib import Path

from extractors.registry import Extraction, register
from extractors.text_document import join_label_blocks
from pipeline.errors import ExtractionError
from pipeline.tables import Block


@register("word_document")
class WordDocument:
    version = "1"
    priority = 45

    def matches(self, path: Path, head: bytes) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        return path.suffix.lower() in (".docx", ".docm") or b"word/" in head

    def extract(self, path: Path) -> Extraction:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            document = docx.Document(str(path))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
            raise ExtractionError(path, f"not a readable Word document ({e})") from e
        blocks: list[Block] = []
        section = ""
        for kind, item in _body_items(document):
            if kind == "table":
                for row in item.rows:
                    seen = set()
                    for cell in row.cells:  # merged cells repeat: keep each once
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        for paragraph in cell.paragraphs:
                            block = _block(paragraph, section)
                            if block:
                                blocks.append(block)
                continue
            block = _block(item, section)
            if block:
                if block.role_hint == "heading":
                    section = block.text
                    block = Block(text=block.text, section=section, role_hint="heading",
                                  size=block.size, bold=block.bold)
                blocks.append(block)
        blocks = join_label_blocks(blocks)
        core = document.core_properties
        return Extraction(blocks, status="ok" if blocks else "empty",
                          event=(core.title or "").strip(),
                          message="" if blocks else "no text")


def _body_items(document):
    """Paragraphs and tables in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield "paragraph", Paragraph(child, document)
        elif tag == "tbl":
            yield "table", Table(child, document)


def _block(paragraph, section: str) -> Block | None:
    text = " ".join(paragraph.text.split())
    if not text:
        return None
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    runs = [run for run in paragraph.runs if run.text.strip()]
    bold = bool(runs) and all(run.bold or (run.style is not None and run.style.font.bold)
                              for run in runs)
    sizes = [run.font.size.pt for run in runs if run.font.size is not None]
    size = max(sizes) if sizes else None
    heading = style.lower().startswith(("heading", "title")) or (size is not None and size >= 14)
    return Block(text=text, section=section, size=size, bold=bold,
                 role_hint="heading" if heading else ("bold" if bold else ""))

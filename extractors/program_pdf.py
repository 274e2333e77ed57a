"""Text PDF programs (conference programs, handbooks, award and sponsor PDFs) read with pdfplumber."""

from __future__ import annotations

import logging
from pathlib import Path

from extractors.pdf_layout import (
    Line,
    body_size,
    dehyphenate,
    find_gutters,
    is_page_number,
    mask_digits,
    running_lines,
    words_to_lines,
)
from extractors.registry import Extraction, register
from pipeline.errors import ExtractionError
from pipeline.tables import Block

logger = logging.getLogger(__name__)


@register("program_pdf")
class ProgramPdf:
    version = "1"
    priority = 50

    def matches(self, path: Path, head: bytes) -> bool:
        return head.lstrip()[:5] == b"%PDF-"

    def extract(self, path: Path) -> Extraction:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
        from pdfplumber.utils.exceptions import PdfminerException

        try:
            with pdfplumber.open(path) as pdf:
                pages, heights, no_text = [], [], []
                for number, page in enumerate(pdf.pages, start=1):
                    words = page.extract_words(
                        x_tolerance=1.5, keep_blank_chars=False, extra_attrs=["fontname", "size"]
                    )
                    if not words:
                        no_text.append(number)
                    gutters = find_gutters(words, float(page.width))
                    lines = words_to_lines(words, gutters)
                    lines.sort(key=lambda line: (line.column, line.top, line.x0))
                    pages.append(dehyphenate(lines))
                    heights.append(float(page.height))
                n_pages = len(pdf.pages)
        except PdfminerException as e:
            cause = e.args[0] if e.args else e
            if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
                raise ExtractionError(path, "password-protected PDF; cannot read it") from e
            raise ExtractionError(path, f"broken PDF ({cause!r})") from e
        except (ValueError, TypeError, KeyError, AttributeError, OSError, RecursionError) as e:
            raise ExtractionError(path, f"broken PDF ({type(e).__name__}: {e})") from e
        return _to_extraction(pages, heights, no_text, n_pages)


def _to_extraction(
    pages: list[list[Line]], heights: list[float], no_text: list[int], n_pages: int
) -> Extraction:
    if n_pages == 0:
        return Extraction([], pages=0, status="empty", message="PDF has no pages")
    if len(no_text) == n_pages:
        return Extraction(
            [], pages=n_pages, status="scanned",
            message=f"no text layer on any of {n_pages} pages (scanned PDF?); run with --ocr",
        )
    running = running_lines(pages, heights)
    body = body_size(pages)
    blocks: list[Block] = []
    for number, (lines, height) in enumerate(zip(pages, heights, strict=True), start=1):
        section, session = "", ""
        for line in lines:
            text = line.text
            if not text:
                continue
            edge = line.top < 0.08 * height or line.bottom > 0.92 * height
            if edge and (is_page_number(text) or mask_digits(text) in running):
                continue
            heading = line.size >= 1.25 * body and len(text) < 120
            if heading:
                section = text
            blocks.append(
                Block(
                    text=text, page=number, x0=round(line.x0, 1), top=round(line.top, 1),
                    x1=round(line.x1, 1), bottom=round(line.bottom, 1), size=line.size,
                    bold=line.bold, section=section, session=session,
                    role_hint="heading" if heading else ("bold" if line.bold else ""),
                )
            )
    message = ""
    if no_text:
        message = f"{len(no_text)} of {n_pages} pages have no text layer (pages {_ranges(no_text)})"
    status = "ok" if blocks else "empty"
    return Extraction(blocks, pages=n_pages, status=status, message=message)


def _ranges(numbers: list[int]) -> str:
    out, start, prev = [], numbers[0], numbers[0]
    for n in numbers[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}-{prev}" if prev != start else str(start))
        if n is not None:
            start = prev = n
    return ", ".join(out)

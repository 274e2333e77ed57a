"""Text PDF programs (conference programs, handbooks, award and sponsor PDFs) read with pdfplumber."""

from __future__ import annotations

import logging
from pathlib import Path

from extractors.pdf_layout import (
    Line,
    body_size,
    group_paragraphs,
    is_page_number,
    mask_digits,
    reading_order,
    running_lines,
    words_to_lines,
)
from extractors.registry import Extraction, register
from pipeline.errors import ExtractionError, MentorMinerError
from pipeline.tables import Block

logger = logging.getLogger(__name__)


@register("program_pdf")
class ProgramPdf:
    version = "2"
    priority = 50

    def matches(self, path: Path, head: bytes) -> bool:
        return head.lstrip()[:5] == b"%PDF-"

    def extract(self, path: Path, *, pages: list[int] | None = None) -> Extraction:
        """Blocks (paragraphs in reading order) of every page, or of the 1-based `pages` only."""
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
        from pdfplumber.utils.exceptions import PdfminerException

        try:
            with pdfplumber.open(path) as pdf:
                n_pages = len(pdf.pages)
                wanted = sorted(set(pages)) if pages else list(range(1, n_pages + 1))
                read: dict[int, list[Line]] = {}
                heights: dict[int, float] = {}
                no_text = []
                for number in wanted:
                    if not 1 <= number <= n_pages:
                        continue
                    page = pdf.pages[number - 1]
                    words = _words(page)
                    if not words:
                        no_text.append(number)
                    read[number] = words_to_lines(words)
                    heights[number] = float(page.height)
                # Running headers need several pages: sample the page edges of others.
                furniture = dict(read)
                if pages:
                    others = [n for n in range(1, n_pages + 1) if n not in read]
                    for number in others[:: max(1, len(others) // 8)][:8]:
                        page = pdf.pages[number - 1]
                        furniture[number] = _edge_lines(page)
                        heights[number] = float(page.height)
        except PdfminerException as e:
            cause = e.args[0] if e.args else e
            if isinstance(cause, MentorMinerError):  # our own time limit, raised inside pdfminer
                raise cause from e
            if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
                raise ExtractionError(path, "password-protected PDF; cannot read it") from e
            raise ExtractionError(path, f"broken PDF ({cause!r})") from e
        except (ValueError, TypeError, KeyError, AttributeError, OSError, RecursionError) as e:
            raise ExtractionError(path, f"broken PDF ({type(e).__name__}: {e})") from e
        running = running_lines(
            list(furniture.values()), [heights[n] for n in furniture]
        )
        return _to_extraction(read, heights, running, no_text, n_pages)


def _words(page) -> list[dict]:
    return page.extract_words(
        x_tolerance=1.5, keep_blank_chars=False, extra_attrs=["fontname", "size"]
    )


def _edge_lines(page) -> list[Line]:
    height, width = float(page.height), float(page.width)
    lines: list[Line] = []
    for top, bottom in ((0, 0.08 * height), (0.92 * height, height)):
        lines.extend(words_to_lines(_words(page.crop((0, top, width, bottom)))))
    return lines


def _to_extraction(
    pages: dict[int, list[Line]], heights: dict[int, float], running: set[str],
    no_text: list[int], n_pages: int,
) -> Extraction:
    if n_pages == 0:
        return Extraction([], pages=0, status="empty", message="PDF has no pages")
    if len(no_text) == n_pages:
        return Extraction(
            [], pages=n_pages, status="scanned",
            message=f"no text layer on any of {n_pages} pages (scanned PDF?); run with --ocr",
        )
    body = body_size(list(pages.values()))
    blocks: list[Block] = []
    for number, lines in pages.items():
        height = heights[number]
        kept = [
            line for line in lines
            if line.text and not (
                (line.top < 0.08 * height or line.bottom > 0.92 * height)
                and (is_page_number(line.text) or mask_digits(line.text) in running)
            )
        ]
        section = ""
        for para in reading_order(group_paragraphs(kept)):
            text = para.text
            heading = para.size >= 1.25 * body and len(text) < 120
            if heading:
                section = " ".join(text.split())
            blocks.append(
                Block(
                    text=text, page=number, x0=round(para.x0, 1), top=round(para.top, 1),
                    x1=round(para.x1, 1), bottom=round(para.bottom, 1), size=para.size,
                    bold=para.bold, section=section,
                    role_hint="heading" if heading else ("bold" if para.bold else ""),
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

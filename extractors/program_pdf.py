"""Text PDF programs (conference programs, handbooks, award and sponsor PDFs)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from extractors.ocr import missing_tesseract, ocr_requested, ocr_words
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
    version = "3"
    priority = 50

    def matches(self, path: Path, head: bytes) -> bool:
        return head.lstrip()[:5] == b"%PDF-"

    def __init__(self, *, careful: bool | None = None, ocr: bool | None = None):
        # The fast path (pypdfium2) is the default; MENTOR_MINER_CAREFUL_PDF=1 or careful=True
        # reads every page with pdfplumber instead (same layout code, 5-20x slower).
        if careful is None:
            careful = os.environ.get("MENTOR_MINER_CAREFUL_PDF", "") not in ("", "0")
        self.careful = careful
        # Pages with no text layer are read with Tesseract when OCR is on (MENTOR_MINER_OCR=1,
        # which `run --ocr` sets); off, they are reported (status scanned) as before.
        self.ocr = ocr_requested() if ocr is None else ocr

    def extract(self, path: Path, *, pages: list[int] | None = None) -> Extraction:
        """Blocks (paragraphs in reading order) of every page, or of the 1-based `pages` only."""
        if self.careful:
            n_pages, read, heights, no_text, furniture, ocred = _read_careful(path, pages, self.ocr)
        else:
            try:
                n_pages, read, heights, no_text, furniture, ocred = _read_fast(
                    path, pages, self.ocr)
            except _FastPathFailed as e:
                # pdfium refuses a few files pdfminer can repair; they get the careful path.
                logger.debug("%s: fast PDF path failed (%s); using pdfplumber", path, e)
                n_pages, read, heights, no_text, furniture, ocred = _read_careful(
                    path, pages, self.ocr)
        cut_short = cut_short_pdf(path)
        if n_pages == 0:  # what a repaired, truncated or damaged file opens as
            raise ExtractionError(path, CUT_SHORT if cut_short else
                                  "broken PDF: damaged inside (no page can be found in it)")
        running = running_lines(
            list(furniture.values()), [heights[n] for n in furniture]
        )
        extraction = _to_extraction(read, heights, running, no_text, n_pages,
                                    ocred=ocred if self.ocr else None)
        if cut_short:
            extraction.message = "; ".join(filter(None, [
                f"the file is cut short (a broken download?): {n_pages} pages could be read, "
                "download it again for the rest", extraction.message]))
        return extraction


# What a user is told of a PDF that cannot be opened (issue 22: a truncated download was
# "empty: PDF has no pages", as if the program were blank).
CUT_SHORT = "broken PDF: the file is cut short — a broken download? Download it again"
NEEDS_PASSWORD = ("password-protected PDF: it needs a password to open; save a copy without "
                  "one (open it and print to PDF) and run again")


def cut_short_pdf(path: Path) -> bool:
    """No `%%EOF` near the end: the file stops before a PDF's last line (a broken download).

    A PDF ends with `%%EOF` (after incremental updates too); a few writers put a little after
    it, so the last 2 KiB are searched.
    """
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - 2048))
            return b"%%EOF" not in fh.read()
    except OSError:
        return False


class _FastPathFailed(Exception):
    pass


def _wanted(pages: list[int] | None, n_pages: int) -> list[int]:
    wanted = sorted(set(pages)) if pages else list(range(1, n_pages + 1))
    return [n for n in wanted if 1 <= n <= n_pages]


def _sampled_others(pages: list[int] | None, read: dict, n_pages: int) -> list[int]:
    """Running headers need several pages: when only some are read, sample others' edges."""
    if not pages:
        return []
    others = [n for n in range(1, n_pages + 1) if n not in read]
    return others[:: max(1, len(others) // 8)][:8]


def _ocr_page(path: Path, number: int, page=None) -> list[dict]:
    """Tesseract's words of a page without a text layer (`page`: an open pypdfium2 page)."""
    import pypdfium2 as pdfium

    reason = missing_tesseract()
    if reason:  # no page number: the runner swaps the "path: " prefix for source_path
        raise ExtractionError(path, reason)
    if page is not None:
        return ocr_words(page)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        raise ExtractionError(path, f"cannot render the page for OCR ({e})", page=number) from e
    try:
        return ocr_words(pdf[number - 1])
    finally:
        pdf.close()


def _read_fast(path: Path, pages: list[int] | None, ocr: bool = False):
    import pypdfium2 as pdfium

    from extractors.pdf_fast import page_words

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise ExtractionError(path, NEEDS_PASSWORD) from e
        raise _FastPathFailed(str(e)) from e
    try:
        n_pages = len(pdf)
        read: dict[int, list[Line]] = {}
        heights: dict[int, float] = {}
        no_text, ocred = [], []
        for number in _wanted(pages, n_pages):
            page = pdf[number - 1]
            words = page_words(page)
            if not words and ocr:
                words = _ocr_page(path, number, page)
                ocred += [number] if words else []
            if not words:
                no_text.append(number)
            read[number] = words_to_lines(words)
            heights[number] = float(page.get_height())
        furniture = dict(read)
        for number in _sampled_others(pages, read, n_pages):
            page = pdf[number - 1]
            height = float(page.get_height())
            edge = [w for w in page_words(page)
                    if w["bottom"] < 0.08 * height or w["top"] > 0.92 * height]
            furniture[number] = words_to_lines(edge)
            heights[number] = height
    except pdfium.PdfiumError as e:
        raise _FastPathFailed(str(e)) from e
    finally:
        pdf.close()
    return n_pages, read, heights, no_text, furniture, ocred


def _read_careful(path: Path, pages: list[int] | None, ocr: bool = False):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(path) as pdf:
            n_pages = len(pdf.pages)
            read: dict[int, list[Line]] = {}
            heights: dict[int, float] = {}
            no_text, ocred = [], []
            for number in _wanted(pages, n_pages):
                page = pdf.pages[number - 1]
                words = _words(page)
                if not words and ocr:
                    words = _ocr_page(path, number)
                    ocred += [number] if words else []
                if not words:
                    no_text.append(number)
                read[number] = words_to_lines(words)
                heights[number] = float(page.height)
            furniture = dict(read)
            for number in _sampled_others(pages, read, n_pages):
                page = pdf.pages[number - 1]
                furniture[number] = _edge_lines(page)
                heights[number] = float(page.height)
    except PdfminerException as e:
        cause = e.args[0] if e.args else e
        if isinstance(cause, MentorMinerError):  # our own time limit, raised inside pdfminer
            raise cause from e
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
            raise ExtractionError(path, NEEDS_PASSWORD) from e
        if isinstance(cause, PDFEncryptionError):
            raise ExtractionError(path, f"encrypted PDF of a kind that cannot be opened "
                                        f"({cause}); save a copy without protection") from e
        if cut_short_pdf(path):
            raise ExtractionError(path, CUT_SHORT) from e
        raise ExtractionError(path, f"broken PDF: damaged inside ({cause!r})") from e
    except (ValueError, TypeError, KeyError, AttributeError, OSError, RecursionError) as e:
        if cut_short_pdf(path):
            raise ExtractionError(path, CUT_SHORT) from e
        raise ExtractionError(path, f"broken PDF: damaged inside ({type(e).__name__}: {e})") \
            from e
    return n_pages, read, heights, no_text, furniture, ocred


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
    no_text: list[int], n_pages: int, *, ocred: list[int] | None = None,
) -> Extraction:
    """`ocred`: the pages Tesseract read (None when OCR is off)."""
    if n_pages == 0:
        return Extraction([], pages=0, status="empty", message="PDF has no pages")
    if len(no_text) == n_pages:
        hint = "OCR found no text either" if ocred is not None else "run with --ocr"
        return Extraction(
            [], pages=n_pages, status="scanned",
            message=f"no text layer on any of {n_pages} pages (scanned PDF?); {hint}",
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
    notes = []
    if ocred:
        notes.append(f"{len(ocred)} of {n_pages} pages read by OCR (pages {_ranges(ocred)})")
    if no_text:
        notes.append(f"{len(no_text)} of {n_pages} pages have no text layer (pages "
                     f"{_ranges(no_text)})" + ("; OCR found no text" if ocred is not None else ""))
    message = "; ".join(notes)
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

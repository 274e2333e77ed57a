"""Text PDF programs (conference programs, handbooks, award and sponsor PDFs)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from extractors.ocr import (
    PICTURE_MAX_WORDS,
    PICTURES_NOT_READ,
    garbled,
    merge_ocr,
    missing_tesseract,
    ocr_clip,
    ocr_words,
    pdfium_image_boxes,
    picture_of_text,
    plumber_image_boxes,
)
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
from extractors.pdf_tables import row_records, table_blocks, table_header, table_rows
from extractors.registry import Extraction, register
from pipeline.errors import ExtractionError, MentorMinerError
from pipeline.tables import LOGO_HINT, Block, ReadOptions

logger = logging.getLogger(__name__)


@register("program_pdf")
class ProgramPdf:
    version = "4"
    priority = 50
    takes_options = True

    def matches(self, path: Path, head: bytes) -> bool:
        return head.lstrip()[:5] == b"%PDF-"

    def __init__(self, options: ReadOptions = ReadOptions(), *, careful: bool | None = None,
                 ocr: bool | None = None):
        # The fast path (pypdfium2) is the default; `careful_pdf` (or careful=True) reads every
        # page with pdfplumber instead (same layout code, 5-20x slower).
        self.careful = options.careful_pdf if careful is None else careful
        # Pictures of text are read with Tesseract when OCR is on (`run --ocr`); off, they are
        # reported (status scanned, or a message naming the pages).
        self.ocr = options.ocr if ocr is None else ocr

    def extract(self, path: Path, *, pages: list[int] | None = None) -> Extraction:
        """Blocks (paragraphs in reading order) of every page, or of the 1-based `pages` only."""
        if self.careful:
            read = _read_careful(path, pages, self.ocr)
        else:
            try:
                read = _read_fast(path, pages, self.ocr)
            except _FastPathFailed as e:
                # pdfium refuses a few files pdfminer can repair; they get the careful path.
                logger.debug("%s: fast PDF path failed (%s); using pdfplumber", path, e)
                read = _read_careful(path, pages, self.ocr)
        cut_short = cut_short_pdf(path)
        if read.n_pages == 0:  # what a repaired, truncated or damaged file opens as
            raise ExtractionError(path, CUT_SHORT if cut_short else
                                  "broken PDF: damaged inside (no page can be found in it)")
        running = running_lines(
            list(read.furniture.values()), [read.heights[n] for n in read.furniture]
        )
        extraction = _to_extraction(read.lines, read.heights, running, read.no_text,
                                    read.n_pages, ocred=read.ocred if self.ocr else None,
                                    pictured=read.pictured, logos=read.logos,
                                    tables=read.tables)
        if cut_short:
            extraction.message = "; ".join(filter(None, [
                f"the file is cut short (a broken download?): {read.n_pages} pages could be "
                "read, download it again for the rest", extraction.message]))
        return extraction


@dataclass
class _Read:
    """What reading a PDF's pages gave: their lines and heights (1-based page numbers), the
    pages with no text layer, the pages that are pictures of text, the pages OCR read, the
    logos' text by page, and the page edges sampled for running headers."""

    n_pages: int = 0
    lines: dict = field(default_factory=dict)
    heights: dict = field(default_factory=dict)
    no_text: list = field(default_factory=list)
    pictured: list = field(default_factory=list)
    ocred: list = field(default_factory=list)
    logos: dict = field(default_factory=dict)
    furniture: dict = field(default_factory=dict)
    tables: dict = field(default_factory=dict)   # page -> rows of a table read as records

    def add(self, number: int, words: list[dict], boxes: list, size: tuple[float, float],
            ocr: bool, read_page) -> None:
        """Page `number`'s text-layer `words`, read by OCR too when it needs it and `ocr` is
        on (`read_page(clip)` gives Tesseract's words of the page, or of a box of it)."""
        width, height = size
        if not words and ocr:
            words = read_page(None)
            self.ocred += [number] if words else []
        elif words and ocr and garbled(words):
            # A font printed without its character map: OCR reads what the layer cannot.
            words, logos = merge_ocr(words, read_page(None), boxes, width, height)
            self.ocred.append(number)
            if logos:
                self.logos[number] = logos
        elif words and picture_of_text(len(words), boxes, width, height):
            self.pictured.append(number)
            if ocr:
                clip = ocr_clip(words, boxes, width, height)
                words, logos = merge_ocr(words, read_page(clip), boxes, width, height)
                self.ocred.append(number)
                if logos:
                    self.logos[number] = logos
        if not words:
            self.no_text.append(number)
        self.lines[number], rows = table_page(words)
        if rows:
            self.tables[number] = rows
        self.heights[number] = height


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


def _ocr_page(path: Path, number: int, page=None, clip=None) -> list[dict]:
    """Tesseract's words of a page (`page`: an open pypdfium2 page), or of a box of it."""
    import pypdfium2 as pdfium

    reason = missing_tesseract()
    if reason:  # no page number: the runner swaps the "path: " prefix for source_path
        raise ExtractionError(path, reason)
    if page is not None:
        return ocr_words(page, clip=clip)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        raise ExtractionError(path, f"cannot render the page for OCR ({e})", page=number) from e
    try:
        return ocr_words(pdf[number - 1], clip=clip)
    finally:
        pdf.close()


def _read_fast(path: Path, pages: list[int] | None, ocr: bool = False) -> _Read:
    import pypdfium2 as pdfium

    from extractors.pdf_fast import page_words

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise ExtractionError(path, NEEDS_PASSWORD) from e
        raise _FastPathFailed(str(e)) from e
    plumber = None  # pdfplumber's reading of the file, opened for a page pdfium cannot decode
    try:
        read = _Read(n_pages=len(pdf))
        for number in _wanted(pages, read.n_pages):
            page = pdf[number - 1]
            words = page_words(page)
            if letterless(words):
                # pdfium gave the page's digits and punctuation but not its letters (a font
                # whose letters only pdfminer maps): pdfplumber reads that page
                import pdfplumber

                plumber = plumber or pdfplumber.open(path)
                words = _words(plumber.pages[number - 1])
            # Images are looked for only where the text layer is thin: a page of text costs
            # nothing more.
            boxes = pdfium_image_boxes(page) if len(words) < PICTURE_MAX_WORDS else []
            read.add(number, words, boxes, (float(page.get_width()), float(page.get_height())),
                     ocr, lambda clip, page=page, number=number: _ocr_page(
                         path, number, page, clip))
        read.furniture = dict(read.lines)
        for number in _sampled_others(pages, read.lines, read.n_pages):
            page = pdf[number - 1]
            height = float(page.get_height())
            edge = [w for w in page_words(page)
                    if w["bottom"] < 0.08 * height or w["top"] > 0.92 * height]
            read.furniture[number] = words_to_lines(edge)
            read.heights[number] = height
    except pdfium.PdfiumError as e:
        raise _FastPathFailed(str(e)) from e
    finally:
        pdf.close()
        if plumber is not None:
            plumber.close()
    return read


# A page is letterless when fewer than this share of its printed characters (spaces aside) are
# letters, of at least LETTERLESS_MIN characters: text in any script has letters.
LETTERLESS_SHARE, LETTERLESS_MIN, LETTERLESS_SAMPLE = 0.2, 50, 200


def letterless(words: list[dict]) -> bool:
    """Whether a page's words have digits and punctuation but hardly a letter.

    >>> letterless([{"text": "(09:00)–(10:30)"}] * 5), letterless([{"text": "Ann Lee 09:00"}] * 5)
    (True, False)
    """
    # its first words tell: a font that loses its letters loses them all over the page
    text = "".join(w["text"] for w in words[:LETTERLESS_SAMPLE])
    printed = sum(not c.isspace() for c in text)
    return printed >= LETTERLESS_MIN and sum(c.isalpha() for c in text) < LETTERLESS_SHARE * printed


def _read_careful(path: Path, pages: list[int] | None, ocr: bool = False) -> _Read:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(path) as pdf:
            read = _Read(n_pages=len(pdf.pages))
            for number in _wanted(pages, read.n_pages):
                page = pdf.pages[number - 1]
                words = _words(page)
                boxes = plumber_image_boxes(page) if len(words) < PICTURE_MAX_WORDS else []
                read.add(number, words, boxes, (float(page.width), float(page.height)), ocr,
                         lambda clip, number=number: _ocr_page(path, number, clip=clip))
            read.furniture = dict(read.lines)
            for number in _sampled_others(pages, read.lines, read.n_pages):
                page = pdf.pages[number - 1]
                read.furniture[number] = _edge_lines(page)
                read.heights[number] = float(page.height)
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
    return read


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
    pictured: list[int] = (), logos: dict | None = None, tables: dict | None = None,
) -> Extraction:
    """`ocred`: the pages Tesseract read (None when OCR is off); `pictured`: the pages that are
    pictures of text; `logos`: by page, the (box, text) OCR read in each logo; `tables`: by
    page, the rows of a table read as records (:func:`table_page`)."""
    logos, tables = logos or {}, tables or {}
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
        if number in logos:
            _place_logos(blocks, logos[number], number)
        if number in tables:
            blocks.extend(table_blocks(tables[number], number,
                                       context=[section] if section else []))
    notes = []
    if pictured and ocred is None:
        notes.append(f"{len(pictured)} of {n_pages} pages {PICTURES_NOT_READ} (pages "
                     f"{_ranges(pictured)}): run with --ocr to read them")
    if ocred:
        notes.append(f"{len(ocred)} of {n_pages} pages read by OCR (pages {_ranges(ocred)})")
    if no_text:
        notes.append(f"{len(no_text)} of {n_pages} pages have no text layer (pages "
                     f"{_ranges(no_text)})" + ("; OCR found no text" if ocred is not None else ""))
    message = "; ".join(notes)
    status = "ok" if blocks else "empty"
    return Extraction(blocks, pages=n_pages, status=status, message=message)


def _place_logos(blocks: list[Block], logos: list, number: int) -> None:
    """Put each logo's block after the last of the page's blocks above it, so that it falls
    under the tier heading printed over it (`Gold Supporters`, then a row of logos)."""
    start = next((i for i, b in enumerate(blocks) if b.page == number), len(blocks))
    for (x0, top, x1, bottom), text in logos:
        at = start
        for i in range(start, len(blocks)):
            if blocks[i].top is not None and blocks[i].top <= top:
                at = i + 1
        section = blocks[at - 1].section if at > start else ""
        blocks.insert(at, Block(text=text, page=number, x0=round(x0, 1), top=round(top, 1),
                                x1=round(x1, 1), bottom=round(bottom, 1), section=section,
                                role_hint=LOGO_HINT))


def table_page(words: list[dict]) -> tuple[list[Line], list[dict[str, str]]]:
    """The page's lines, cut at the columns of a table whose header row names its columns, and
    the rows of such a table when they are read as records (:mod:`extractors.pdf_tables`).

    A timetable printed as a table (`Presenter(s) | Title | Affiliation | Time`) has narrow
    columns whose cells run close together; below such a header, every row is cut where a
    column begins, so a presenter's name, the title beside it and the affiliation beside that
    stay apart. A header row is one row of at least three short cells of which three name a
    kind of field (the lexicon's `fields`: a person, an organization, a title, a time, a
    place), one of them a person. Where the organizations have a column of their own, the
    rows below the header are records and their lines are no longer read as text.
    """
    lines = words_to_lines(words)
    header = table_header(lines)
    if header is None:
        return lines, []
    above = words_to_lines([w for w in words if w["top"] < header.bottom])
    below = words_to_lines([w for w in words if w["top"] >= header.bottom], header.gutters)
    if not header.reads_rows():
        return above + below, []
    rows, left = table_rows(header, below)
    return above + left, row_records(rows, header)


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

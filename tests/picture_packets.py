"""Packets of pictures under text headers, made from real program pages (issue 23).

A small association's packet written in Word or Canva pastes its agenda as a picture under a
one-line text header. `picture_packet` makes one from real pages of `../shared/corpus`: each page
is rendered to an image (pypdfium2) and placed under a short text line on a new page (fpdf2). The
truth is the same pages with their text layer (`text_pages`), read by the same pipeline, so the
score says what OCR loses against the text layer, not against a hand count.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

DPI = 200  # the packet was read cleanly from page images at 200 dpi
HEADER = 24.0  # points of the new page above the picture, for the text header


def text_pages(source: Path, pages: list[int], out: Path) -> Path:
    """A PDF of `pages` (1-based) of `source`, text layer and all."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(source))
    new = pdfium.PdfDocument.new()
    try:
        new.import_pages(src, [n - 1 for n in pages])
        out.parent.mkdir(parents=True, exist_ok=True)
        new.save(str(out))
    finally:
        new.close()
        src.close()
    return out


def picture_packet(source: Path, pages: list[int], out: Path, *, dpi: int = DPI,
                   header: str = "Conference programme page {n}") -> Path:
    """A PDF whose pages are pictures of `pages` of `source`, each under a text `header` line
    (its `{n}` is the page's number in the packet): no word of the originals is text."""
    import pypdfium2 as pdfium
    from fpdf import FPDF

    src = pdfium.PdfDocument(str(source))
    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(False)
    try:
        for n, number in enumerate(pages, 1):
            page = src[number - 1]
            width, height = float(page.get_width()), float(page.get_height())
            image = page.render(scale=dpi / 72.0).to_pil().convert("RGB")
            buffer = io.BytesIO()
            image.save(buffer, format="PNG")
            pdf.add_page(format=(width, height + HEADER))
            pdf.set_font("Helvetica", size=10)
            pdf.text(18, 16, header.format(n=n))
            pdf.image(buffer, x=0, y=HEADER, w=width, h=height)
    finally:
        src.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    return out


def read(path: Path, *, ocr: bool) -> list[dict]:
    """The person appearances the pipeline finds in the PDF at `path` (worker stage)."""
    from pipeline.run.worker import process_document
    from pipeline.tables import ReadOptions

    result = process_document({"doc_id": path.stem, "path": str(path), "source_path": path.name,
                               "kind": "program_pdf"}, options=ReadOptions(ocr=ocr))
    return [{**row, "message": result.message, "status": result.status}
            for row in result.appearances if row["person_name"]] or [
        {"person_name": "", "role": "", "message": result.message, "status": result.status}]


def name_key(name: str) -> str:
    """A printed name compared across OCR: letters only, accents and case folded.

    >>> name_key("Dr. José  Martínez-Ruiz")
    'drjosemartinezruiz'
    """
    from pipeline.text.names import fold

    return re.sub(r"[^a-z]", "", fold(name))


def score(truth: list[dict], found: list[dict]) -> dict:
    """People of `truth` found again in `found` (by `name_key`), and with the same role.

    Each figure is over the distinct people of the truth; `extra` counts people OCR found that
    the text layer did not give (misreads, or words the text layer lacks).
    """
    def people(rows):
        out: dict[str, set[str]] = {}
        for row in rows:
            if row["person_name"]:
                out.setdefault(name_key(row["person_name"]), set()).add(row["role"])
        return out

    want, got = people(truth), people(found)
    people_found = [key for key in want if key in got]
    same_role = [key for key in people_found if want[key] & got[key]]
    return {
        "people": len(want),
        "found": len(people_found),
        "same_role": len(same_role),
        "extra": len([key for key in got if key not in want]),
        "people_ratio": len(people_found) / len(want) if want else 1.0,
        "role_ratio": len(same_role) / len(want) if want else 1.0,
    }

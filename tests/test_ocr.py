"""OCR route (issue 3): image-only program pages read with Tesseract under --ocr."""

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from extractors.program_pdf import ProgramPdf
from pipeline.errors import ExtractionError

DPI = 200  # of the drawn image; the OCR renders the PDF page again at its own 300 dpi
PAGE = (360, 252)  # points: a small page keeps each OCR call near a second
PROGRAM = [
    ("Keynote", 24, True),
    ("Dr. Alan Turing, Chief Scientist, Globex Labs", 12, False),
    ("Chair: Maria Lopez, Acme Health", 12, False),
    ("Gold Sponsors", 24, True),
    ("Initech Solutions", 12, False),
    ("Umbrella Analytics", 12, False),
]
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("/Library/Fonts"))


def _font(size: int, bold: bool):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        found = next(folder.rglob(name), None) if folder.is_dir() else None
        if found:
            return ImageFont.truetype(str(found), size)
    return ImageFont.load_default(size=size)


def _scan(lines) -> Image.Image:
    """A page image of `lines` (text, points, bold), as a scanner would produce it."""
    image = Image.new("L", (PAGE[0] * DPI // 72, PAGE[1] * DPI // 72), 255)
    draw = ImageDraw.Draw(image)
    y = 0.4 * DPI
    for text, points, bold in lines:
        draw.text((0.5 * DPI, y), text, font=_font(points * DPI // 72, bold), fill=0)
        y += points * 1.6 * DPI / 72
    return image


def _pdf(path: Path, pages: list) -> Path:
    """A PDF with one page per item: an image (no text layer) or a list of text lines."""
    pdf = FPDF(unit="pt", format=PAGE)
    for page in pages:
        pdf.add_page()
        if isinstance(page, Image.Image):
            pdf.image(page, x=0, y=0, w=PAGE[0], h=PAGE[1])
            continue
        pdf.set_font("Helvetica", size=12)
        for i, text in enumerate(page):
            pdf.text(36, 40 + 20 * i, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def test_ocr_words_are_pdfplumber_words_in_points(tmp_path, tesseract):
    import pypdfium2 as pdfium

    from extractors.ocr import ocr_words

    path = _pdf(tmp_path / "scan.pdf", [_scan(PROGRAM)])
    pdf = pdfium.PdfDocument(str(path))
    try:
        words = ocr_words(pdf[0])
    finally:
        pdf.close()

    by_text = {w["text"]: w for w in words}
    assert {"Keynote", "Maria", "Lopez,", "Sponsors"} <= set(by_text)
    assert all(0 <= w["x0"] < w["x1"] <= PAGE[0] and 0 <= w["top"] < w["bottom"] <= PAGE[1]
               for w in words)
    assert all(w["fontname"] == "OCR" for w in words)
    # Drawn at 36 pt from the left edge, in 24 pt and 12 pt type.
    assert by_text["Maria"]["x0"] == pytest.approx(76, abs=6)
    assert by_text["Keynote"]["size"] == pytest.approx(24, rel=0.2)
    assert by_text["Maria"]["size"] == pytest.approx(12, rel=0.2)


def test_ocr_cli_reads_image_only_program(tmp_path, tesseract, ocr_env):
    from pipeline.cli import cli

    raw = tmp_path / "raw"
    _pdf(raw / "acme" / "2024" / "program.pdf", [_scan(PROGRAM)])
    runner = CliRunner()

    plain = runner.invoke(cli, ["run", str(raw), "--out", str(tmp_path / "plain"),
                                "--no-cache", "--jobs", "1", "--silent"])
    ocr = runner.invoke(cli, ["run", str(raw), "--out", str(tmp_path / "ocr"), "--ocr",
                              "--no-cache", "--jobs", "1", "--silent"])

    assert plain.exit_code == 0, plain.output
    document = pd.read_csv(tmp_path / "plain" / "documents.csv", keep_default_na=False).iloc[0]
    assert document["status"] == "scanned" and "--ocr" in document["message"]
    assert ocr.exit_code == 0, ocr.output
    document = pd.read_csv(tmp_path / "ocr" / "documents.csv", keep_default_na=False).iloc[0]
    assert document["status"] == "ok"
    assert document["message"] == "1 of 1 pages read by OCR (pages 1)"
    appearances = pd.read_csv(tmp_path / "ocr" / "appearances.csv", keep_default_na=False)
    found = set(zip(appearances["role"], appearances["person_name"], appearances["org_name"],
                    strict=True))
    assert ("keynote", "Alan Turing", "Globex Labs") in found
    assert ("chair", "Maria Lopez") in {(role, person) for role, person, _ in found}
    assert {("sponsor", "", "Initech Solutions"), ("sponsor", "", "Umbrella Analytics")} <= found
    assert set(appearances["page"]) == {1}


@pytest.mark.parametrize("careful", [False, True], ids=["fast", "careful"])
def test_ocr_mixed_document_names_ocr_pages(tmp_path, tesseract, careful):
    path = _pdf(tmp_path / "mixed.pdf", [
        ["Panel", "Moderator: Jane Smith, Initech"],
        _scan([("Awards", 24, True), ("Ada Lovelace, Acme Health", 12, False)]),
    ])

    without = ProgramPdf(careful=careful, ocr=False).extract(path)
    with_ocr = ProgramPdf(careful=careful, ocr=True).extract(path)

    assert without.status == "ok"
    assert without.message == "1 of 2 pages have no text layer (pages 2)"
    assert {b.page for b in without.blocks} == {1}
    assert with_ocr.status == "ok"
    assert with_ocr.message == "1 of 2 pages read by OCR (pages 2)"
    page_two = [b for b in with_ocr.blocks if b.page == 2]
    assert [b.text for b in page_two] == ["Awards", "Ada Lovelace, Acme Health"]
    assert page_two[0].role_hint == "heading" and page_two[1].section == "Awards"


def test_ocr_off_by_default_and_on_from_the_read_options(monkeypatch):
    from extractors import registry
    from pipeline.tables import ReadOptions

    monkeypatch.setenv("MENTOR_MINER_OCR", "1")  # the environment is no way to ask for OCR
    assert ProgramPdf().ocr is False
    assert ProgramPdf(ReadOptions(ocr=True)).ocr is True
    assert ProgramPdf(ReadOptions(ocr=True), ocr=False).ocr is False
    assert registry.get("program_pdf", ReadOptions(ocr=True)).ocr is True
    assert registry.get("image_file", ReadOptions(ocr=True)).ocr is True
    assert registry.get("program_pdf").ocr is False


def test_ocr_missing_tesseract_names_program_and_package(tmp_path, monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "tesseract-not-installed")
    path = _pdf(tmp_path / "scan.pdf", [Image.new("L", (200, 140), 255)])

    with pytest.raises(ExtractionError) as error:
        ProgramPdf(ocr=True).extract(path)

    message = str(error.value)
    assert "tesseract-not-installed" in message
    assert "tesseract-ocr" in message

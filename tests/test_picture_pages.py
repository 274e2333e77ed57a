"""Pages that are pictures of text under a text header (issue 23): flagged, and read by --ocr.

The packets are made from real built-on pages of ../shared/corpus (tests/picture_packets.py);
the truth is the same pages' text layer read by the same pipeline.
"""

import io
import shutil

import pandas as pd
import pytest
from click.testing import CliRunner
from fpdf import FPDF
from picture_packets import picture_packet, read, score, text_pages
from PIL import Image, ImageDraw
from test_ocr import _font

from extractors import program_pdf
from extractors.ocr import LOGO_SHARE, merge_ocr
from extractors.program_pdf import ProgramPdf
from pipeline.tables import LOGO_HINT

PAGES = [("sigcse/2016/SIGCSE2016-Preliminary-Program.pdf", [10]),
         ("jurix/2018/program.pdf", [8])]


@pytest.fixture(scope="module")
def packets(raw_corpus, tmp_path_factory):
    """(text-layer original, picture packet) of each of PAGES."""
    folder = tmp_path_factory.mktemp("packets")
    out = []
    for source, pages in PAGES:
        stem = source.replace("/", "_")
        out.append((text_pages(raw_corpus / source, pages, folder / f"{stem}.text.pdf"),
                    picture_packet(raw_corpus / source, pages, folder / f"{stem}.pdf")))
    return out


def test_packet_pages_are_read_by_ocr_as_well_as_the_text_layer(packets, tesseract):
    total = {"people": 0, "found": 0, "same_role": 0}
    for original, packet in packets:
        truth, found = read(original, ocr=False), read(packet, ocr=True)
        assert found[0]["message"] == "1 of 1 pages read by OCR (pages 1)"
        result = score(truth, found)
        for key in total:
            total[key] += result[key]
    # The two pages print 15 people (a SIGCSE session page and a JURIX programme page).
    assert total["people"] >= 15
    assert total["found"] >= 0.90 * total["people"]
    assert total["same_role"] >= 0.85 * total["people"]


def test_packet_without_ocr_says_which_pages_are_pictures(packets):
    _, packet = packets[0]
    found = read(packet, ocr=False)
    assert found[0]["status"] == "empty"  # the header's four words name nobody
    assert found[0]["message"].endswith(
        "1 of 1 pages look like pictures of text (pages 1): run with --ocr to read them")


def test_run_summary_counts_documents_of_pictures(packets, tmp_path):
    from pipeline.cli import cli

    raw = tmp_path / "raw" / "acme" / "2024"
    raw.mkdir(parents=True)
    shutil.copy(packets[0][1], raw / "packet.pdf")
    shutil.copy(packets[1][0], raw / "program.pdf")  # a page of text: not counted
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "raw"), "--out",
                                      str(tmp_path / "out"), "--no-cache", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert ("pages that are pictures of text, not read: 1 document (run with --ocr to read "
            "them)\n  acme/2024/packet.pdf\n") in result.output


@pytest.fixture
def sent_to_ocr(monkeypatch) -> list[int]:
    """The page numbers ProgramPdf sends to OCR, in order (OCR itself not run: no words)."""
    sent: list[int] = []

    def record(path, number, page=None, clip=None):
        sent.append(number)
        return []

    monkeypatch.setattr(program_pdf, "_ocr_page", record)
    return sent


def test_text_pages_are_never_sent_to_ocr(raw_corpus, sent_to_ocr):
    """JURIX 2018's program: pages 2-15 are text; 16 and 17 are floor plans with no text layer,
    18 a map (61% images) with 25 words, 1 a cover of seven pictures (a logo, a photograph)
    around 25 words: only those four go to OCR."""
    ProgramPdf(ocr=True).extract(raw_corpus / "jurix/2018/program.pdf")
    assert sent_to_ocr == [1, 16, 17, 18]


def test_merge_keeps_text_layer_words_once_and_sets_logos_apart():
    page = (600.0, 800.0)
    text = [{"text": "Sponsors", "x0": 20, "x1": 90, "top": 10, "bottom": 22}]
    ocr = [
        {"text": "Sponsors", "x0": 21, "x1": 89, "top": 11, "bottom": 21},  # read twice
        {"text": "Agenda", "x0": 20, "x1": 80, "top": 300, "bottom": 312},  # in the big image
        {"text": "Initech", "x0": 410, "x1": 470, "top": 60, "bottom": 72},  # in a logo
        {"text": "Labs", "x0": 410, "x1": 450, "top": 76, "bottom": 88},
    ]
    logo = (400.0, 50.0, 500.0, 100.0)
    assert (logo[2] - logo[0]) * (logo[3] - logo[1]) < LOGO_SHARE * page[0] * page[1]
    words, logos = merge_ocr(text, ocr, [(0.0, 200.0, 600.0, 800.0), logo], *page)
    assert [w["text"] for w in words] == ["Sponsors", "Agenda"]
    assert logos == [(logo, "Initech Labs")]


def _logo(text: str) -> io.BytesIO:
    image = Image.new("RGB", (600, 200), (250, 250, 250))
    ImageDraw.Draw(image).text((30, 60), text, font=_font(64, bold=True), fill=(20, 40, 120))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer


def _logo_wall(path, header: str, names: list[str]):
    pdf = FPDF(unit="pt", format=(612, 792))
    pdf.add_page()
    pdf.set_font("Helvetica", size=20)
    pdf.text(40, 50, header)
    for i, name in enumerate(names):  # two columns of logos, 250 x 83 pt each
        pdf.image(_logo(name), x=40 + 280 * (i % 2), y=90 + 110 * (i // 2), w=250, h=83)
    pdf.output(str(path))
    return path


LOGOS = ["Initech", "Globex Labs", "Ada Lovelace", "Umbrella Corp", "Grace Hopper", "Hooli"]


def test_logo_wall_names_sponsors_and_never_a_person(tmp_path, tesseract):
    path = _logo_wall(tmp_path / "sponsors.pdf", "Our Sponsors", LOGOS)
    extraction = ProgramPdf(ocr=True).extract(path)
    assert extraction.message == "1 of 1 pages read by OCR (pages 1)"
    logos = [b.text for b in extraction.blocks if b.role_hint == LOGO_HINT]
    assert {"Initech", "Globex Labs", "Hooli"} <= set(logos)
    found = read(path, ocr=True)
    assert not [row for row in found if row["person_name"]]


def test_logos_outside_a_sponsor_section_name_nobody(tmp_path, tesseract):
    path = _logo_wall(tmp_path / "wall.pdf", "Thank you", LOGOS)
    from pipeline.run.worker import process_document
    from pipeline.tables import ReadOptions

    result = process_document({"doc_id": "w", "path": str(path), "source_path": "wall.pdf",
                               "kind": "program_pdf"}, options=ReadOptions(ocr=True))
    assert result.appearances == []
    assert result.status == "empty"


def test_text_over_a_background_picture_is_not_a_picture(raw_corpus, sent_to_ocr):
    """SIGCSE 2017: pages 20, 30 and 40 print 111-175 words over a picture covering 69-100% of
    the page, and stay text; the cover (1), two photo pages (8, 9) and a sponsor's full-page
    advertisement (44) hold at most 26 words and are pictures, as is the wall of sponsors' logos
    (56); page 2 has no text layer."""
    ProgramPdf(ocr=True).extract(raw_corpus / "sigcse/2017/sigcse2017-program.pdf")
    assert sent_to_ocr == [1, 2, 8, 9, 44, 56]


def test_corpus_packet_reads_the_same_people_through_the_cli(packets, tmp_path, tesseract):
    from pipeline.cli import cli

    raw = tmp_path / "raw" / "jurix" / "2018"
    raw.mkdir(parents=True)
    shutil.copy(packets[1][1], raw / "packet.pdf")
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "raw"), "--out",
                                      str(tmp_path / "out"), "--ocr", "--no-cache",
                                      "--jobs", "1", "--silent"])
    assert result.exit_code == 0, result.output
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False)
    assert documents.loc[0, "status"] == "ok"
    assert documents.loc[0, "message"] == "1 of 1 pages read by OCR (pages 1)"
    people = set(pd.read_csv(tmp_path / "out" / "appearances.csv",
                             keep_default_na=False)["person_name"])
    truth = {row["person_name"] for row in read(packets[1][0], ocr=False)}
    assert len(truth & people) >= 0.9 * len(truth)


def test_garbled_text_layer_is_read_by_ocr(packets, tesseract, monkeypatch):
    """A font printed without its character map gives `$$$$$ $$$` for words (ACL 2014's sponsor
    page): with --ocr, such a page is read by Tesseract instead of the layer."""
    import extractors.pdf_fast as pdf_fast

    original, _ = packets[0]
    truth = {row["person_name"] for row in read(original, ocr=False)}
    real = pdf_fast.page_words

    def garbled_words(page, **kwargs):
        return [{**w, "text": "$" * len(w["text"])} for w in real(page, **kwargs)]

    monkeypatch.setattr(pdf_fast, "page_words", garbled_words)
    # garbled for pdfminer too, as such a font is (a page only pdfium garbles goes to it)
    import extractors.program_pdf as program_pdf

    careful = program_pdf._words
    monkeypatch.setattr(program_pdf, "_words", lambda page: [
        {**w, "text": "$" * len(w["text"])} for w in careful(page)])
    without = read(original, ocr=False)
    assert without[0]["status"] == "empty" and "the text layer is garbled" in without[0]["message"]
    found = read(original, ocr=True)
    assert found[0]["message"] == "1 of 1 pages read by OCR (pages 1)"
    people = {row["person_name"] for row in found}
    # Two names misread at 300 dpi of the page itself (`Tan McChesney`): 15 of 17.
    assert len(truth) == 17 and len(truth & people) >= 15

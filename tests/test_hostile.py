"""Hostile and broken inputs: each fails alone with a specific message; the run goes on."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from fpdf import FPDF

from pipeline.cli import cli


def _pdf(lines: list[str], *, size: float = 11) -> FPDF:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=size)
    for line in lines:
        pdf.cell(0, size / 2, line, new_x="LMARGIN", new_y="NEXT")
    return pdf


def _good_pdf(path: Path) -> None:
    pdf = _pdf(["Keynote", "Dr. Jane Doe, Chief People Officer, Acme Corp"])
    path.write_bytes(bytes(pdf.output()))


def _bomb_pdf() -> bytes:
    """A PDF whose one content stream inflates from about 300 KB to 300 MB of zeros."""
    data = zlib.compress(b"\0" * (300 * 1024 * 1024), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


HOSTILE = {
    "truncated.pdf": lambda: bytes(_pdf(["Chair: Ann Lee"] * 40).output())[:900],
    "html-saved-as.pdf": lambda: b"<!DOCTYPE html><html><body>Session</body></html>",
    "not-a-pdf.pdf": lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
    "damaged.pdf": lambda: b"%PDF-1.4\ngarbage\ntrailer\n<< /Root 9 0 R >>\n%%EOF\n",
    "bomb.pdf": _bomb_pdf,
    "billion-laughs.xml": lambda: (
        b'<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        b']><schedule><conference><title>&c;</title></conference></schedule>'
    ),
    "xxe.xml": lambda: (
        b'<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<schedule><conference><title>&x;</title></conference></schedule>"
    ),
    "deep.json": lambda: b"[" * 100_000 + b"]" * 100_000,
}


def _encrypted() -> bytes:
    pdf = _pdf(["Moderator: Ann Lee"])
    pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    folder = raw / "assoc" / "2024"
    folder.mkdir(parents=True)
    _good_pdf(folder / "good program.pdf")
    for name, make in HOSTILE.items():
        (folder / name).write_bytes(make())
    (folder / "encrypted.pdf").write_bytes(_encrypted())
    (folder / "zero.pdf").write_bytes(b"")
    (folder / "$(touch pwned); 'quote' ünï.pdf").write_bytes((folder / "good program.pdf")
                                                            .read_bytes())
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    outside = tmp_path_factory.mktemp("outside") / "secret.pdf"
    outside.write_bytes(b"%PDF-1.4 secret")
    (folder / "outside.pdf").symlink_to(outside)
    empties = raw / "empties" / "2020"
    empties.mkdir(parents=True)
    for i in range(10_000):
        (empties / f"e{i:05d}.pdf").touch()
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(
        cli, ["-q", "run", str(raw), "--out", str(out), "--silent", "--no-cache", "--jobs", "2",
              "--timeout", "30", "--memory-mb", "1000"],
    )
    assert result.exit_code == 3, result.output  # some documents failed; outputs written
    assert "documents failed; see" in result.output
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    return documents.set_index("source_path"), out


@pytest.mark.parametrize(("name", "cause"), [
    ("truncated.pdf", "broken PDF: the file is cut short — a broken download?"),
    ("damaged.pdf", "broken PDF: damaged inside"),
    ("not-a-pdf.pdf", "looks like a PNG image, not PDF"),
    ("encrypted.pdf", "password-protected PDF: it needs a password"),
    ("billion-laughs.xml", ""),
    ("xxe.xml", ""),
    ("deep.json", ""),
])
def test_hostile_file_fails_alone_with_its_cause(hostile_run, name, cause):
    documents, _ = hostile_run
    row = documents.loc[f"assoc/2024/{name}"]
    assert row["status"] == "error"
    assert row["message"].startswith(f"assoc/2024/{name}: ")
    assert cause in row["message"]


def test_hostile_an_image_saved_as_pdf_is_called_an_image(hostile_run):
    documents, _ = hostile_run
    message = documents.loc["assoc/2024/not-a-pdf.pdf", "message"]
    # An image is read (with --ocr); this one is only a PNG signature and zeros.
    assert message.endswith("its content looks like a PNG image, not PDF as its .pdf extension "
                            "says; a PNG image that cannot be read: the file is damaged or cut "
                            "short")


def test_hostile_a_pdf_cut_short_that_opens_with_no_pages_is_an_error(tmp_path):
    """pdfminer repairs some truncated files into a PDF of 0 pages: that was 'empty: PDF has
    no pages', as if the program were blank."""
    from pipeline.run.worker import process_document

    cut = tmp_path / "cut.pdf"  # a PDF that stops before its last line, %%EOF
    cut.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                    b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n"
                    b"0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\n"
                    b"startxref\n110\n")
    result = process_document({"path": str(cut), "doc_id": "x", "source_path": "a/cut.pdf"})

    assert result.status == "error"
    assert result.message == ("a/cut.pdf: broken PDF: the file is cut short — a broken "
                              "download? Download it again")


def test_hostile_html_saved_as_pdf_is_read_as_html_and_said_so(hostile_run):
    documents, _ = hostile_run
    row = documents.loc["assoc/2024/html-saved-as.pdf"]
    assert row["kind"] == "html_page"
    assert "looks like HTML, not PDF as its .pdf extension says" in row["message"]


def test_hostile_bomb_is_stopped_or_read_without_blowing_up(hostile_run):
    documents, _ = hostile_run
    assert documents.loc["assoc/2024/bomb.pdf", "status"] in {"error", "empty", "scanned"}


def test_hostile_good_documents_still_read(hostile_run):
    documents, out = hostile_run
    for name in ("good program.pdf", "$(touch pwned); 'quote' ünï.pdf"):
        row = documents.loc[f"assoc/2024/{name}"]
        assert row["status"] == "ok" and int(row["appearances"]) >= 1
    people = pd.read_csv(out / "people.csv", dtype=str)
    assert "Jane Doe" in set(people["name"])
    assert not Path("pwned").exists()


def test_hostile_links_and_empty_files(hostile_run):
    documents, _ = hostile_run
    assert "assoc/2024/outside.pdf" not in documents.index
    assert not any(path.startswith("assoc/2024/loop/") for path in documents.index)
    empties = documents[documents.index.str.startswith("empties/")]
    assert len(empties) == 10_000
    assert set(empties["status"]) == {"empty"}


def test_hostile_strict_stops_at_first_failure_and_keeps_outputs(tmp_path):
    raw = tmp_path / "raw" / "assoc" / "2024"
    raw.mkdir(parents=True)
    _good_pdf(raw / "good.pdf")
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(cli, ["run", str(tmp_path / "raw"), "--out", str(out), "--silent",
                                "--no-cache", "--jobs", "1"])
    before = (out / "people.csv").read_bytes()
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")

    strict = runner.invoke(cli, ["run", str(tmp_path / "raw"), "--out", str(out), "--silent",
                                 "--no-cache", "--jobs", "1", "--strict"])

    assert first.exit_code == 0
    assert strict.exit_code == 3
    assert "assoc/2024/broken.pdf: broken PDF" in strict.output
    assert "--strict: stopped at the first failure" in strict.output
    assert (out / "people.csv").read_bytes() == before


def test_hostile_files_change_nothing_for_the_good_documents(hostile_run, tmp_path):
    import resource

    documents, out = hostile_run
    raw = tmp_path / "raw" / "assoc" / "2024"
    raw.mkdir(parents=True)
    _good_pdf(raw / "good program.pdf")
    clean = tmp_path / "clean"
    result = CliRunner().invoke(cli, ["-q", "run", str(tmp_path / "raw"), "--out", str(clean),
                                      "--silent", "--no-cache", "--jobs", "1"])
    assert result.exit_code == 0, result.output

    columns = ["role", "person_name", "org_name", "title", "page"]
    mixed = pd.read_csv(out / "appearances.csv", dtype=str, keep_default_na=False)
    alone = pd.read_csv(clean / "appearances.csv", dtype=str, keep_default_na=False)
    mixed = mixed[mixed["source_path"] == "assoc/2024/good program.pdf"][columns]
    pd.testing.assert_frame_equal(mixed.reset_index(drop=True), alone[columns])
    # Workers ran every hostile file; none grew past 2 GB (ru_maxrss is in KiB on Linux).
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 2 * 1024 * 1024


def test_hostile_files_mixed_into_the_real_corpus_change_nothing(corpus_run, raw_corpus,
                                                                 tmp_path):
    import resource

    raw = tmp_path / "raw"
    shutil.copytree(raw_corpus, raw)
    hostile = raw / "downloads" / "2024"
    hostile.mkdir(parents=True)
    for name, make in HOSTILE.items():
        (hostile / name).write_bytes(make())
    (hostile / "encrypted.pdf").write_bytes(_encrypted())
    (hostile / "zero.pdf").write_bytes(b"")
    out = tmp_path / "out"

    result = CliRunner().invoke(cli, ["-q", "run", str(raw), "--out", str(out), "--silent",
                                      "--no-cache", "--timeout", "120", "--memory-mb", "1500"])

    assert result.exit_code == 3, result.output
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    bad = documents[documents["source_path"].str.startswith("downloads/")]
    assert len(bad) == len(HOSTILE) + 2
    # Read as what it is (HTML) or, for the bomb, a page of nothing: the rest fail or are empty.
    lenient = bad["source_path"].str.endswith(("html-saved-as.pdf", "bomb.pdf"))
    assert set(bad.loc[~lenient, "status"]) <= {"error", "empty"}
    # The real documents get the statuses they get alone (some are honestly `empty`).
    alone_docs = pd.read_csv(corpus_run / "documents.csv", dtype=str, keep_default_na=False)
    real = documents.loc[~documents.index.isin(bad.index)].set_index("source_path")["status"]
    assert real.sort_index().equals(alone_docs.set_index("source_path")["status"].sort_index())
    for name in ("appearances.csv", "people.csv", "shortlist.csv"):
        mixed = pd.read_csv(out / name, dtype=str, keep_default_na=False)
        alone = pd.read_csv(corpus_run / name, dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(mixed, alone, obj=name)
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 2 * 1024 * 1024

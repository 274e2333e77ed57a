"""word_document: a .docx program read into the same appearances as a PDF would give."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt

from extractors import registry
from pipeline.run.worker import process_document


def _program(path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Midwest Talent Forum 2025"
    document.add_heading("Keynote", level=1)
    document.add_paragraph("Dr. Rosa Martinez, Chief People Officer, Northwind Traders")
    document.add_heading("Concurrent Sessions", level=1)
    title = document.add_paragraph().add_run("Hiring for Skills, Not Degrees")
    title.bold = True
    document.add_paragraph("Chair: Owen Fitzgerald, Contoso Health")
    document.add_paragraph("Panelists:")
    document.add_paragraph("Aiko Tanaka (Fabrikam Consulting); Marcus Bell (Tailspin Staffing)")
    document.add_heading("Gold Sponsors", level=2)
    table = document.add_table(rows=2, cols=1)
    table.cell(0, 0).text = "Litware Analytics"
    table.cell(1, 0).text = "Proseware Search Partners"
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.font.size = run.font.size or Pt(11)
    document.save(str(path))


def test_word_document_detected_by_content(tmp_path):
    path = tmp_path / "program.docx"
    _program(path)
    renamed = tmp_path / "download"
    renamed.write_bytes(path.read_bytes())

    assert registry.detect(path).name == "word_document"
    assert registry.detect(renamed).name == "word_document"


def test_word_document_roles_orgs_and_tiers(tmp_path):
    path = tmp_path / "program.docx"
    _program(path)

    result = process_document({"doc_id": "d", "source_path": "x/2025/program.docx",
                               "path": str(path), "kind": ""})

    assert result.status == "ok" and result.kind == "word_document"
    assert result.event == "Midwest Talent Forum 2025"
    found = {(a["role"], a["person_name"], a["org_name"]) for a in result.appearances}
    assert ("keynote", "Rosa Martinez", "Northwind Traders") in found
    assert ("chair", "Owen Fitzgerald", "Contoso Health") in found
    assert ("panelist", "Aiko Tanaka", "Fabrikam Consulting") in found
    assert ("panelist", "Marcus Bell", "Tailspin Staffing") in found
    sponsors = {(a["org_name"], a["sponsor_tier"]) for a in result.appearances
                if a["role"] == "sponsor"}
    assert sponsors == {("Litware Analytics", "Gold"), ("Proseware Search Partners", "Gold")}
    assert all(a["page"] is None for a in result.appearances)


def test_word_document_broken_file_is_an_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)

    result = process_document({"doc_id": "d", "source_path": "x/broken.docx",
                               "path": str(path), "kind": ""})

    assert result.status == "error"
    assert result.message.startswith("x/broken.docx: not a readable Word document")

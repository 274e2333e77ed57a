"""text_document: plain-text and Markdown programs through the same recognizer."""

from __future__ import annotations

from extractors import registry
from pipeline.run.worker import process_document

PROGRAM = """---
layout: page
title: Program
---
# Annual Conference 2024

## Opening Keynote

Dr. Helen Okoro, Director of Workforce Research, Bellwether Institute

## Thursday Sessions

**Negotiating Your Second Career**

Moderator: Paul Andersen, Crestline Partners
- Grace Kim, Riverbend College
- Tomás Ruiz, Alpine Logistics

## Silver Sponsors

- Harbor Benefits Group
- Summit Talent Advisors
"""


def test_text_document_markdown_program(tmp_path):
    path = tmp_path / "program.md"
    path.write_text(PROGRAM, encoding="utf-8")

    result = process_document({"doc_id": "d", "source_path": "a/2024/program.md",
                               "path": str(path), "kind": ""})

    assert result.kind == "text_document" and result.status == "ok"
    found = {(a["role"], a["person_name"], a["org_name"]) for a in result.appearances}
    assert ("keynote", "Helen Okoro", "Bellwether Institute") in found
    assert ("moderator", "Paul Andersen", "Crestline Partners") in found
    assert {"Grace Kim", "Tomás Ruiz"} <= {a["person_name"] for a in result.appearances}
    sponsors = {(a["org_name"], a["sponsor_tier"]) for a in result.appearances
                if a["role"] == "sponsor"}
    assert sponsors == {("Harbor Benefits Group", "Silver"), ("Summit Talent Advisors", "Silver")}
    assert not {"layout: page", "Program"} & {a["person_name"] for a in result.appearances}


def test_text_document_only_for_text_files(tmp_path):
    binary = tmp_path / "notes.txt"
    binary.write_bytes(b"\x00\x01\x02 binary")
    latin = tmp_path / "speakers.txt"
    latin.write_bytes("Chair: Jos\xe9 Pe\xf1a, Universidad de Chile\n".encode("latin-1"))

    assert registry.detect(binary) is None
    result = process_document({"doc_id": "d", "source_path": "a/speakers.txt",
                               "path": str(latin), "kind": ""})
    assert ("chair", "José Peña") in {(a["role"], a["person_name"]) for a in result.appearances}

"""text_document: plain-text and Markdown programs through the same recognizer."""

from __future__ import annotations

from extractors import registry
from pipeline.run.worker import process_document
from pipeline.stages.recognize import find_appearances

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


def test_markdown_person_heading_takes_the_organization_line_under_it(tmp_path):
    # `### Name` then `Acme University` (then a bio): the person's organization, as speaker
    # pages print it; a heading with prose only under it keeps no organization.
    from extractors import registry

    path = tmp_path / "speakers.md"
    path.write_text("# Keynote Speakers\n\n### Helen Marsh\nAcme University\n\nHelen leads the "
                    "widget lab and has written three books about widgets and their makers.\n\n"
                    "### Tom Fielding\n\nTom builds widgets.\n", encoding="utf-8")

    blocks = registry.get("text_document").extract(path).blocks

    assert {(b.person_name, b.org_name, b.role) for b in blocks if b.is_record} == {
        ("Helen Marsh", "Acme University", "keynote"), ("Tom Fielding", "", "keynote")}


def test_markdown_committee_lists_of_other_shapes_and_a_keynote_over_a_labelled_title(
        tmp_path, nlp):
    # `Name — Org`; a committee heading naming its chairs;
    # `Name, Org; Name, Org` in a paragraph; a person heading over her organization and a
    # labelled title line
    path = tmp_path / "2023" / "committee.md"
    path.parent.mkdir()
    path.write_text(
        "## Steering Committee\n* **Ann Lee** — Acme University\n* **Bo Chen** — Globex Labs\n"
        "## Program Committee Chairs\n* Tom Fielding (Initech) and Grace Hooper (Hooli)\n"
        "## Local Organizers\nPeter Lyle, Lakeside Institute; Sara Lind, Northwind University\n",
        encoding="utf-8")
    keynotes = tmp_path / "2023" / "keynotes.md"
    keynotes.write_text("# Keynotes\n\n## Ines Varga\n*Acme University*\n\n**Title:** Rivers of "
                        "data\n\n## Omar Haddad\nGlobex\n\n**Title:** Maps for all\n",
                        encoding="utf-8")

    def found(p):
        return {(a.role, a.person_name, a.org_name) for a in find_appearances(
            registry.get("text_document").extract(p).blocks, nlp=nlp)}

    assert found(path) == {
        ("committee", "Ann Lee", "Acme University"), ("committee", "Bo Chen", "Globex Labs"),
        ("chair", "Tom Fielding", "Initech"), ("chair", "Grace Hooper", "Hooli"),
        ("organizer", "Peter Lyle", "Lakeside Institute"),
        ("organizer", "Sara Lind", "Northwind University")}
    assert found(keynotes) == {("keynote", "Ines Varga", "Acme University"),
                               ("keynote", "Omar Haddad", "Globex")}

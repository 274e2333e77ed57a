"""directory: exhibitor guides read by position (name over `Booth N`, tier tags above)."""

from __future__ import annotations

from pipeline.stages.recognize.directory import directory_pages
from pipeline.tables import Block


def _b(text, x0, top, *, bold=False, page=3, height=10):
    return Block(text=text, page=page, x0=x0, top=top, x1=x0 + 150, bottom=top + height,
                 bold=bold)


def _page():
    # Stored out of reading order, as PDFs do: the geometry decides.
    return [
        _b("SILVER SUPPORTER", 70, 100, bold=True),
        _b("Booth 211", 45, 137, bold=True),
        _b("Acme Learning", 45, 120, bold=True),
        _b("12 Main St\nSpringfield, IL 62701", 45, 152, height=20),
        _b("Globex Press", 230, 120, bold=True),
        _b("Booth 000", 230, 137, bold=True),
        _b("Description to come.", 230, 152),
        _b("Initech Labs", 415, 120, bold=True),
        _b("Booth 104", 415, 137, bold=True),
        _b("GOLD SUPPORTER", 60, 300, bold=True),
        _b("Umbrella Analytics", 45, 320, bold=True),
    ]


def test_directory_entries_booths_and_tiers():
    found, pages = directory_pages(_page())

    assert pages == {3}
    rows = {(a.role, a.org_name, a.booth, a.sponsor_tier) for a in found}
    assert rows == {
        ("exhibitor", "Acme Learning", "211", ""), ("sponsor", "Acme Learning", "", "Silver"),
        ("exhibitor", "Globex Press", "", ""),  # booth 000 is a placeholder
        ("exhibitor", "Initech Labs", "104", ""),
        ("exhibitor", "Umbrella Analytics", "", ""),  # tagged, its booth line on the next page
        ("sponsor", "Umbrella Analytics", "", "Gold"),
    }
    assert not any("Springfield" in a.org_name for a in found)


def test_directory_needs_three_entries():
    blocks = [_b("Acme Learning", 45, 120, bold=True), _b("Booth 211", 45, 137)]

    found, pages = directory_pages(blocks)

    assert (found, pages) == ([], set())


def test_directory_real_guide_to_exhibitors(raw_corpus, nlp):
    from extractors.program_pdf import ProgramPdf
    from pipeline.stages.recognize import find_appearances

    extraction = ProgramPdf().extract(raw_corpus / "sigcse/2022/program.pdf", pages=[57, 58])
    found = find_appearances(extraction.blocks, nlp=nlp)

    rows = {(a.role, a.org_name, a.booth, a.sponsor_tier) for a in found}
    assert ("exhibitor", "CodeGrade", "211", "") in rows
    assert ("sponsor", "CodeGrade", "", "Silver") in rows
    assert ("sponsor", "Microsoft", "", "Platinum") in rows
    assert ("exhibitor", "GitHub Education", "103", "") in rows
    assert not [a for a in found if a.person_name]  # addresses name nobody
    assert not [a for a in found if any(ch.isdigit() for ch in a.org_name)]

"""Markdown pages as web pages (issue 18): comments, inline HTML, card tables, heading tiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import registry
from extractors.tree_walk import blocks_from_tree
from pipeline.stages.recognize import find_appearances

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "raw"


def _orgs(relative: str) -> dict[str, str]:
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"{path} not present")
    blocks = registry.get("text_document").extract(path).blocks
    return {b.org_name: b.sponsor_tier for b in blocks if b.role == "sponsor" and b.org_name}


def _page_blocks(page: Path, text: str) -> list:
    """The blocks of a Markdown page written with `text`."""
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    return registry.get("text_document").extract(page).blocks


def test_structured_markdown_card_tables_take_the_heading_as_tier():
    # bioconductor 2022: one-column header-less tables (name, logo, link) under `# Platinum`,
    # `# Others`, `# Patronage`; Genentech and Biogen are inside an HTML comment.
    orgs = _orgs("bioconductor/2022/sponsors.md")

    assert orgs["OLISSIPO"] == "Platinum" and orgs["Bayer"] == "Gold"
    assert orgs["StickerMule"] == "Others"
    assert orgs["European Molecular Biology Laboratory"] == "Patronage"
    assert "Genentech" not in orgs and "Biogen" not in orgs


def test_structured_markdown_logo_alt_under_a_partners_heading_is_a_sponsor():
    # 3d-bioinfo-pt 2023: `# Partners` over <img alt="BioData.pt"> logos in HTML divs.
    orgs = _orgs("3d-bioinfo-pt/2023/annual_meeting_12_2023.md")

    assert {"BioData.pt", "Elixir Portugal", "CNC-UC"} <= set(orgs)


def test_structured_markdown_small_page(tmp_path):
    page = tmp_path / "sponsors.md"
    page.write_text('+++\ntitle = "Our sponsors"\n+++\n\n# Silver\n\n|   |\n|:---:|\n'
                    "| **Acme Corp** |\n| ![](logo.png) |\n| **https://acme.example** |\n"
                    "\n<!--\n# Gold\n\n|   |\n|:---:|\n| **Hidden Inc** |\n-->\n",
                    encoding="utf-8")

    blocks = registry.get("text_document").extract(page).blocks

    assert [(b.org_name, b.sponsor_tier) for b in blocks if b.org_name] == [("Acme Corp",
                                                                              "Silver")]
    assert not any("Hidden" in b.text or "title =" in b.text for b in blocks)


def test_structured_markdown_group_title_and_category_give_the_tier():
    tree = [{"title": "Gold Sponsors", "items": [{"name": "Globex"}]},
            {"name": "Initech", "category": "Silver"}]

    blocks, _ = blocks_from_tree(tree, context=["acme", "2024", "sponsors"])

    assert {(b.org_name, b.sponsor_tier) for b in blocks} == {("Globex", "Gold"),
                                                              ("Initech", "Silver")}


def test_structured_markdown_award_labels_under_year_headings(tmp_path):
    # A bold label naming an award, its recipients up to the first full stop that ends no
    # initial, then the paper's title; the year from the heading above.
    page = tmp_path / "awards.md"
    page.write_text("---\ntitle: Paper Awards\n---\n\n### Conf 2019\n\n"
                    "* **Best Student Paper**: Ann B. Lee and Cy Diaz. Faster Things.\n"
                    "* **Runners-Up**: Bo Chen. Slower Things.\n"
                    "* **Chair**: Dee Evans\n\n### Conf 2018\n\n"
                    "* **Honorable Mentions**: Eve Fox, Gil Hart, and Ida Jones. Other Things.\n",
                    encoding="utf-8")

    blocks = registry.get("text_document").extract(page).blocks
    awarded = {(b.person_name, b.award, b.year) for b in blocks if b.role == "award_recipient"}

    assert awarded == {("Ann B. Lee", "Best Student Paper", 2019),
                       ("Cy Diaz", "Best Student Paper", 2019), ("Bo Chen", "Runners-Up", 2019),
                       ("Eve Fox", "Honorable Mentions", 2018),
                       ("Gil Hart", "Honorable Mentions", 2018),
                       ("Ida Jones", "Honorable Mentions", 2018)}


def test_structured_markdown_acp_paper_awards_by_label():
    # acp paper-awards.md: `* **Distinguished Papers**: A, B, and C. Title` under `### CP 2004`
    path = CORPUS / "acp/awards/paper-awards.md"
    if not path.exists():
        pytest.skip(f"{path} not present")
    blocks = registry.get("text_document").extract(path).blocks
    awarded = {(b.person_name, b.award, b.year) for b in blocks if b.role == "award_recipient"}

    assert ("Petr Vilím", "Best Research Track Paper", 2009) in awarded  # printed `Vilı́m`
    assert ("Hannes Uppman", "Honorable Mentions", 2012) in awarded
    assert not any(name.startswith(("Arc ", "George Boole")) for name, _, _ in awarded)


def test_structured_markdown_link_definitions_wrapped_items_and_record_headings(tmp_path):
    # Link reference definitions and kramdown's `[x]: comment` lines are no content, a
    # reference link is its text, `: ` is a definition marker, an indented line continues the
    # list item above it, and a heading over sponsor cards alone is no line of its own.
    page = tmp_path / "sponsors.md"
    page.write_text("[venue]: ./travel\n[whatever]: Photos of Ann Lee\n\n# Others\n\n"
                    "|  |\n|:--:|\n| **Globex** |\n\n## Talks\n\n"
                    "8:00 -- [Welcome][w] -- Bo Chen\n:\n"
                    ": + Cy Diaz -- A Title That Goes\n    On And On\n  + Dee Fox -- Short\n",
                    encoding="utf-8")

    blocks = registry.get("text_document").extract(page).blocks

    # the `Name -- Title` items (and the `time -- talk -- name` line) are speakers' records,
    # each with its talk; the heading over records alone is no line of its own
    assert [(b.text, b.session) for b in blocks] == [
        ("Globex", ""), ("Bo Chen", "Welcome"), ("Cy Diaz", "A Title That Goes On And On"),
        ("Dee Fox", "Short")]
    assert blocks[0].sponsor_tier == "Others"
    assert {b.role for b in blocks[1:]} == {"speaker"}


def test_structured_markdown_lists_under_role_headings_are_records(tmp_path):
    # A list of people under a heading that names their role: one record each, in the
    # heading's role (a label naming an officer or a chair is more precise), with the year in
    # parentheses as the term's year and the e-mail dropped; a list under a heading that names
    # no role, or of things that are not people, stays lines.
    page = tmp_path / "about.md"
    page.write_text("---\ntitle: Society Executive Committee\n---\n\n### Officers\n\n"
                    "* President: Ann Lee (2023) (email: [a@x.org](mailto:a@x.org))\n"
                    "* Web Delegate: Bo Chen (2025)\n\n### Other members\n\n"
                    "* Cy Diaz, Acme University\n* Dee Fox (Globex)\n", encoding="utf-8")
    other = tmp_path / "workshop.md"
    other.write_text("# Workshop\n\n## Getting here\n\n- Eve Gray\n- Fay Hill\n\n"
                     "## Local Organizing Team\n\n- Travel and visas\n- Coffee\n",
                     encoding="utf-8")

    blocks = registry.get("text_document").extract(page).blocks
    lines = registry.get("text_document").extract(other).blocks
    records = {(b.person_name, b.org_name, b.role, b.year, b.title) for b in blocks
               if b.is_record}

    assert records == {("Ann Lee", "", "board", 2023, "President"),
                       ("Bo Chen", "", "board", 2025, "Web Delegate"),
                       ("Cy Diaz", "Acme University", "board", None, ""),
                       ("Dee Fox", "Globex", "board", None, "")}
    assert not any(b.is_record for b in lines)
    assert {"Eve Gray", "Travel and visas"} <= {b.text for b in lines}


def test_structured_markdown_award_sections_by_heading_trail(tmp_path):
    # The headings above an item are its context, outermost first: `## Fellows` over
    # `### 2023` lists that year's fellows; a year leading an item is its year; an award
    # heading's name is kept as printed.
    page = tmp_path / "society" / "awards" / "awards.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: Society Awards\n---\n\n## Test of Time Award\n\n"
                    "- 2021: Dee Fox (Acme University)\n- 2020 – Eve Gray, Globex Institute\n"
                    "- **2019** Fay Hill\n\n## Fellows\n\n### 2023\n\n- Gus Ives\n- Hal Jones\n\n"
                    "### 2022\n\n- Ida Kerr\n", encoding="utf-8")

    blocks = registry.get("text_document").extract(page).blocks
    awarded = {(b.person_name, b.org_name, b.award, b.year) for b in blocks
               if b.role == "award_recipient"}

    assert awarded == {("Dee Fox", "Acme University", "Test of Time Award", 2021),
                       ("Eve Gray", "Globex Institute", "Test of Time Award", 2020),
                       ("Fay Hill", "", "Test of Time Award", 2019),
                       ("Gus Ives", "", "Fellows", 2023), ("Hal Jones", "", "Fellows", 2023),
                       ("Ida Kerr", "", "Fellows", 2022)}


def test_structured_markdown_lines_of_people_under_role_headings_and_bold_labels(tmp_path):
    # Paragraph lines (not only list items) under a role heading, and a bold line naming a
    # role over the lines below it; `Name, Org, Country` is one person and where they work.
    page = tmp_path / "2022" / "conference-committee.md"
    page.parent.mkdir()
    page.write_text("# Conference Committee\n\n## General Chairs\n\n**Ann Lee**, MIT, USA\n\n"
                    "**Bo Chen**, ETH Zurich, Switzerland\n\n**Posters Chairs**\n\n"
                    "Eve Gray, Initech University  \nFay Hill, Umbrella Corp\n", encoding="utf-8")

    blocks = registry.get("text_document").extract(page).blocks

    assert {(b.person_name, b.org_name, b.role) for b in blocks if b.is_record} == {
        ("Ann Lee", "MIT", "chair"), ("Bo Chen", "ETH Zurich", "chair"),
        ("Eve Gray", "Initech University", "chair"), ("Fay Hill", "Umbrella Corp", "chair")}


def test_structured_markdown_one_person_per_heading_under_a_role_heading(tmp_path):
    page = tmp_path / "speakers.md"
    page.write_text("# Conference\n\n## Keynote Speakers\n\n### Helen Marsh (University of Avalon)"
                    "\n\nHelen works on widgets.\n\n### Tom Fielding\n\nTom builds gadgets.\n\n"
                    "## Honourable Mentions\n\n### Travel\n\nGrace Hooper will say more.\n",
                    encoding="utf-8")

    blocks = registry.get("text_document").extract(page).blocks

    assert [(b.person_name, b.org_name, b.role) for b in blocks if b.is_record] == [
        ("Helen Marsh", "University of Avalon", "keynote"), ("Tom Fielding", "", "keynote")]


def test_structured_markdown_officer_titles_under_a_conference_committee(tmp_path):
    # A conference's treasurer is on its committee; a society's (under `Officers`) is board.
    blocks = _page_blocks(tmp_path / "people.md",
                          "# People\n\n## Organizing Committee\n\n- Treasurer: Helen Marsh\n"
                          "- Tom Fielding\n\n## Officers\n\n- Treasurer: Grace Hooper\n"
                          "- Secretary: Peter Lyle\n")

    assert [(b.person_name, b.role) for b in blocks if b.is_record] == [
        ("Helen Marsh", "committee"), ("Tom Fielding", "committee"), ("Grace Hooper", "board"),
        ("Peter Lyle", "board")]


def test_structured_markdown_a_distinction_under_an_award_is_that_awards(tmp_path):
    blocks = _page_blocks(tmp_path / "service-award.md",
                          '---\ntitle: "Service Award"\n---\n\n| Year | Recipient |\n|---|---|\n'
                          "| 2024 | Helen Marsh |\n\n### Honourable Mentions\n\n| Year | Recipient |\n"
                          "|---|---|\n| 2024 | Tom Fielding |\n")

    assert [(b.person_name, b.award, b.year) for b in blocks if b.is_record] == [
        ("Helen Marsh", "Service Award", 2024),
        ("Tom Fielding", "Service Award Honourable Mention", 2024)]


def test_structured_markdown_program_parts_under_a_committee_are_its_members(tmp_path):
    # `## Posters` under `# Conference Committee` names what its members look after.
    blocks = _page_blocks(tmp_path / "people.md",
                          "# Conference Committee\n\n## General Chairs\n\n* Helen Marsh\n"
                          "* Tom Fielding\n\n## Posters\n\n* Grace Hooper, Westbrook University\n"
                          "* Peter Lyle, Institute of Studies\n")

    assert [(b.person_name, b.role) for b in blocks if b.is_record] == [
        ("Helen Marsh", "chair"), ("Tom Fielding", "chair"), ("Grace Hooper", "committee"),
        ("Peter Lyle", "committee")]


def test_structured_markdown_a_plural_award_heading_names_each_winners_award(tmp_path):
    blocks = _page_blocks(tmp_path / "winners.md",
                          "# Awards 2022\n\n## Test of Time Awards\n\n* Helen Marsh, University of "
                          "Avalon\n* Tom Fielding, Northfield Institute\n")

    assert {(b.person_name, b.award, b.year) for b in blocks if b.is_record} == {
        ("Helen Marsh", "Test of Time Award", 2022), ("Tom Fielding", "Test of Time Award", 2022)}


def test_structured_markdown_a_tables_blank_position_cell_is_the_one_above(tmp_path):
    # A committee table prints a group's position once, over all its people.
    blocks = _page_blocks(tmp_path / "committee.md",
                          "# Conference Committee\n\n| Position | Name | Affiliation |\n|---|---|---|\n"
                          "| General Chairs | Helen Marsh | Acme University |\n| | Tom Fielding | Globex |\n"
                          "| Members | Grace Hooper | Initech |\n")

    assert [(b.person_name, b.org_name, b.role) for b in blocks if b.is_record] == [
        ("Helen Marsh", "Acme University", "chair"), ("Tom Fielding", "Globex", "chair"),
        ("Grace Hooper", "Initech", "committee")]


def test_structured_markdown_lines_naming_a_committees_part_head_its_people(tmp_path, nlp):
    # A definition list's terms (`General Chairs` / `: Ann Lee (Acme)`) and plain label lines
    # carry no colon and no bold; each names the role of the lines below it.
    page = tmp_path / "committee.md"
    page.write_text("## Organizing Committee\n\nGeneral Chairs\n: Helen Marsh (Acme University)\n"
                    ": Tom Fielding (Globex)\n\nSteering Committee\n: Grace Hooper (Initech)\n",
                    encoding="utf-8")

    blocks = registry.get("text_document").extract(page).blocks
    apps = find_appearances(blocks, nlp=nlp)

    assert [(a.person_name, a.org_name, a.role) for a in apps] == [
        ("Helen Marsh", "Acme University", "chair"), ("Tom Fielding", "Globex", "chair"),
        ("Grace Hooper", "Initech", "committee")]


def test_structured_markdown_an_author_line_in_italics_marks_no_presenter(tmp_path, nlp):
    # `*Ann Lee, Bo Chen*` is emphasis, not `Bo Chen*` marking the presenting author: both are
    # the award's recipients. `"Title" by A and B` after an award's label names the work first.
    blocks = _page_blocks(tmp_path / "awards.md",
                          "# Awards\n\n## Best Paper\n\nRivers of Data<br>\n*Helen Marsh, Tom Fielding*"
                          '\n\n## Prizes\n\n**Best Demo Award:** "Light Fields" by Grace Hooper and '
                          "Peter Lyle (Acme University)\n")
    apps = find_appearances(blocks, nlp=nlp)

    assert [(a.person_name, a.org_name, a.award) for a in apps] == [
        ("Helen Marsh", "", "Best Paper"), ("Tom Fielding", "", "Best Paper"),
        ("Grace Hooper", "", "Best Demo Award"), ("Peter Lyle", "Acme University",
                                                  "Best Demo Award")]
    assert {a.role for a in apps} == {"award_recipient"}


def test_structured_markdown_an_affiliation_in_italics_and_lines_of_a_table_cell(tmp_path):
    # On a committee page the italic part after a name is where she works, not a talk's
    # title; a `<br>` in a table cell parts its people (was: one organization
    # `Northwind)Peter Lyle (Lakeside Institute`).
    blocks = _page_blocks(tmp_path / "committee.md",
                          "# Conference Committee\n\n## General Chairs\n\n* **Helen Marsh**, *Acme "
                          "University, USA*\n* **Tom Fielding**, *Globex, China*\n\n| Role | Name |\n"
                          "|---|---|\n| Posters Chairs | Grace Hooper (Northwind)<br>Peter Lyle "
                          "(Lakeside Institute) |\n")

    assert [(b.person_name, b.org_name, b.role) for b in blocks if b.is_record] == [
        ("Helen Marsh", "Acme University", "chair"), ("Tom Fielding", "Globex", "chair"),
        ("Grace Hooper", "Northwind", "chair"), ("Peter Lyle", "Lakeside Institute", "chair")]

"""Sponsor and exhibitor lists: YAML tiers, Markdown headings, CSV rows with booths."""

from __future__ import annotations

import yaml

from extractors import registry
from pipeline.stages.recognize import find_appearances


def test_sponsor_list_yaml_tiers(raw_corpus):
    path = raw_corpus / "sigcse" / "2018" / "supporters.yml"
    expected = {(item["name"], tier) for tier, items in yaml.safe_load(path.read_text()).items()
                for item in items}

    extractor = registry.detect(path)
    appearances = find_appearances(extractor.extract(path).blocks)

    assert extractor.name == "structured_data"  # the one walker reads every YAML
    assert {(a.org_name, a.sponsor_tier) for a in appearances} == expected
    assert {a.role for a in appearances} == {"sponsor"}
    assert not any(a.person_name for a in appearances)


def test_sponsor_list_markdown_and_csv(tmp_path):
    markdown = tmp_path / "sponsors.md"
    markdown.write_text("# Our 2024 supporters\n\n## Platinum Sponsors\n\n- [Acme Corp](https://a)"
                        "\n- **Globex** – data tools\n\n## Exhibitors\n\n* Initech (Booth 12)\n\n"
                        "## Travel\n\nSome prose about hotels.\n")
    table = tmp_path / "exhibitors.csv"
    table.write_text("Company,Booth,Contact\nUmbrella Corp,101,Dr. Ann Lee\nHooli,102,\n")

    from_markdown = find_appearances(registry.detect(markdown).extract(markdown).blocks)
    from_csv = find_appearances(registry.detect(table).extract(table).blocks)

    assert {(a.org_name, a.role, a.sponsor_tier, a.booth) for a in from_markdown} == {
        ("Acme Corp", "sponsor", "Platinum", ""), ("Globex", "sponsor", "Platinum", ""),
        ("Initech", "exhibitor", "", "12")}
    assert {(a.org_name, a.person_name, a.role, a.booth) for a in from_csv} == {
        ("Umbrella Corp", "", "exhibitor", "101"), ("Umbrella Corp", "Ann Lee", "exhibitor", "101"),
        ("Hooli", "", "exhibitor", "102")}


def test_sponsor_list_markdown_page_of_a_table_and_bullets_keeps_both(tmp_path):
    page = tmp_path / "exhibitors.md"
    page.write_text("# Exhibitors\n\n| Company | Booth |\n|---|---|\n| Acme Corp | 101 |\n\n"
                    "## Exhibitor list\n\n- Initech (Booth 5)\n", encoding="utf-8")

    extractor = registry.detect(page)
    blocks = extractor.extract(page).blocks

    assert extractor.name == "sponsor_list"
    assert {(b.org_name, b.role, b.booth) for b in blocks} == {
        ("Initech", "exhibitor", "5"), ("Acme Corp", "exhibitor", "101")}


def test_sponsor_list_markdown_logos_and_a_tier_on_one_line(tmp_path):
    # Sponsor pages set logos in rows (a Markdown image inside a link, inline `<img alt>`) and
    # small tiers on one line (`**Bronze**: A, B`): each logo's alt, each listed name, in the
    # tier above or before it; a logo with no alt names no one.
    path = tmp_path / "sponsors.md"
    path.write_text(
        "# Our Sponsors\n\n## Gold\n\n[![Acme Robotics](/img/acme.png)](https://acme.example)\n"
        "[![](/img/globex.png)](https://globex.example)\n\n## Silver\n\n"
        '<a href="https://initech.example"><img src="initech.svg" alt="Initech logo"></a>\n\n'
        "**Bronze**: Umbrella Labs, Stark Industries\n", encoding="utf-8")

    blocks = registry.get("sponsor_list").extract(path).blocks

    assert [(b.org_name, b.role, b.sponsor_tier) for b in blocks] == [
        ("Acme Robotics", "sponsor", "Gold"), ("Initech", "sponsor", "Silver"),
        ("Umbrella Labs", "sponsor", "Bronze"), ("Stark Industries", "sponsor", "Bronze")]

"""Markdown pages as web pages (issue 18): comments, inline HTML, card tables, heading tiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import registry
from extractors.tree_walk import blocks_from_tree

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "raw"


def _orgs(relative: str) -> dict[str, str]:
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"{path} not present")
    blocks = registry.get("text_document").extract(path).blocks
    return {b.org_name: b.sponsor_tier for b in blocks if b.role == "sponsor" and b.org_name}


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

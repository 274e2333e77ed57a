"""Author lines with the presenting author marked (issue 18): presenters are speakers."""

from __future__ import annotations

from extractors import registry
from extractors.marked_authors import marked_names


def test_marked_authors_catalogue_order_and_emphasis():
    assert marked_names("Lee A\\*, Chen B, Diaz CD. A Title. Keywords: x.") == ["A Lee"]
    assert marked_names("Fox, D.E.\\*, Gray, F. another title.") == ["D.E. Fox"]
    assert marked_names("Hill G, Ives HJ\\*, and Jones K. T.") == ["HJ Ives"]
    assert marked_names("We use *bold* text and a *note*.") == []


def test_marked_authors_page_gives_presenters_only(tmp_path):
    page = tmp_path / "posters.md"
    page.write_text("# Posters\n\nAnn Lee\\*, Bo Chen. Graphs. Keywords: Software.\n\n"
                    "Diaz C, Fox D\\*, Gray E. Trees Of *Many* Kinds.\n", encoding="utf-8")

    blocks = registry.get("text_document").extract(page).blocks

    assert {(b.person_name, b.role) for b in blocks if b.is_record} == {
        ("Ann Lee", "speaker"), ("D Fox", "speaker")}
    assert not any("Chen" in b.text or "Diaz" in b.text for b in blocks)

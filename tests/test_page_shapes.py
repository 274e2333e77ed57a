"""Web pages and Markdown pages of shapes the readers were not written for (issue 18).

Made-up names; the shapes are ones sites of every field print: fields set side by side in
styled spans, a heading set in a div by its class, one winner under an award heading, a
work's title set apart by emphasis before or after its people.
"""

from __future__ import annotations

from extractors import registry
from pipeline.stages.recognize import find_appearances


def _appearances(path, nlp=None):
    extraction = registry.get("html_page" if path.suffix == ".html" else "text_document").extract(
        path)
    return {(a.role, a.person_name, a.org_name, a.award)
            for a in find_appearances(extraction.blocks, nlp=nlp)}


def test_styled_fields_side_by_side_are_separate_lines(tmp_path):
    # `<span class="name">..</span><span class="aff">..</span>`: shown apart by the style
    # sheet; read apart, not as `Helen MarshUniversity of Leeds`
    path = tmp_path / "organisation.html"
    path.write_text(
        '<html><body><div class="block-title">Organizing Committee</div>'
        '<div><span class="name">Helen Marsh</span><span class="aff">University of Leeds</span>'
        '</div><div><span class="name">Tom Fielding</span><span class="aff">Lund University'
        "</span></div></body></html>", encoding="utf-8")

    assert _appearances(path) == {("committee", "Helen Marsh", "University of Leeds", ""),
                                  ("committee", "Tom Fielding", "Lund University", "")}


def test_a_div_titled_by_its_class_is_a_heading(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(
        '<html><body><div class="section-header">Scientific Committee</div>'
        "<p>Grace Hooper (Stanford University)<br>Peter Lyle (ETH Zurich)</p></body></html>",
        encoding="utf-8")

    assert _appearances(path) == {("committee", "Grace Hooper", "Stanford University", ""),
                                  ("committee", "Peter Lyle", "ETH Zurich", "")}


def test_award_headings_over_titled_works_in_markdown(tmp_path):
    # One item under an award heading is that award's list; `Best Student Poster` is an
    # award, not a poster session; the file name `awards-list` names no award, so a mention
    # under no award heading is just that.
    (tmp_path / "site" / "2024").mkdir(parents=True)
    path = tmp_path / "site" / "2024" / "awards-list.md"
    path.write_text(
        "# Awards\n\n### Best Journal Paper\n- **Learning to Tile** - Helen Marsh, Tom Fielding\n"
        "\n### Honorable Mention\n- *A Study of Things*, Grace Hooper (Lund University), "
        "Peter Lyle\n\n### Best Student Poster\n- Ann Lee: \"Posters in Space\"\n",
        encoding="utf-8")

    assert _appearances(path) == {
        ("award_recipient", "Helen Marsh", "", "Best Journal Paper"),
        ("award_recipient", "Tom Fielding", "", "Best Journal Paper"),
        ("award_recipient", "Grace Hooper", "Lund University", "Honorable Mention"),
        ("award_recipient", "Peter Lyle", "", "Honorable Mention"),
        ("award_recipient", "Ann Lee", "", "Best Student Poster")}

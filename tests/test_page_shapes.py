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


def test_committee_pages_in_other_languages(tmp_path):
    # Headings, positions and table headers in the languages committee pages are printed in:
    # a committee's president is its chair, its secretary and members its committee; the
    # header `Görev | Ad Soyad | Kurum` names position, person and organization columns.
    hr = tmp_path / "organizacija.html"
    hr.write_text(
        '<html><head><meta charset="utf-8"></head><body><h2>Organizacijski odbor</h2>'
        "<p>Predsjednica: Ivana Horvat (Sveučilište u Zagrebu)</p>"
        "<p>Tajnik: Marko Kovač, Klinički bolnički centar Split</p></body></html>",
        encoding="utf-8")
    tr = tmp_path / "kurul.html"
    tr.write_text(
        '<html><head><meta charset="utf-8"></head><body><h2>Düzenleme Kurulu</h2><table>'
        "<tr><th>Görev</th><th>Ad Soyad</th><th>Kurum</th></tr>"
        "<tr><td>Kongre Başkanı</td><td>Ayşe Yılmaz</td><td>Ankara Üniversitesi</td></tr>"
        "<tr><td>Üye</td><td>Zeynep Demir</td><td>Hacettepe Üniversitesi</td></tr>"
        "</table></body></html>", encoding="utf-8")

    assert _appearances(hr) == {
        ("chair", "Ivana Horvat", "Sveučilište u Zagrebu", ""),
        ("committee", "Marko Kovač", "Klinički bolnički centar Split", "")}
    assert _appearances(tr) == {("chair", "Ayşe Yılmaz", "Ankara Üniversitesi", ""),
                                ("committee", "Zeynep Demir", "Hacettepe Üniversitesi", "")}


def test_names_in_hangul_and_chinese_characters_in_a_committee_table(tmp_path):
    # A name in its own script has no capitals to tell it: a common surname and a short given
    # name is one; the position beside it gives the role (`위원장`, the committee's chair).
    path = tmp_path / "committee.html"
    path.write_text(
        '<html><head><meta charset="utf-8"></head><body><h2>조직위원회</h2><table>'
        "<tr><td>위원장</td><td>김민수</td><td>서울대학교</td></tr>"
        "<tr><td>위원</td><td>이지은</td><td>고려대학교</td></tr></table>"
        "<h2>Program Committee</h2><ul><li>山田 太郎</li><li>王小明</li></ul></body></html>",
        encoding="utf-8")

    assert _appearances(path) == {("chair", "김민수", "서울대학교", ""),
                                  ("committee", "이지은", "고려대학교", ""),
                                  ("committee", "山田 太郎", "", ""),
                                  ("committee", "王小明", "", "")}


def test_markdown_layout_tables_emphasis_and_plain_award_labels(tmp_path):
    # A table with an empty header is layout: its rows are lines under the heading above;
    # `*Lund University*` is the organization without its emphasis; on an award page a list
    # item's label names the award even without an award word.
    (tmp_path / "site" / "2024").mkdir(parents=True)
    committee = tmp_path / "site" / "2024" / "committee.md"
    committee.write_text(
        "# Conference Committee\n\n## Program Chairs\n\n| | |\n|---|---|\n"
        "| Grace Hooper | Stanford University |\n| Peter Lyle | ETH Zurich |\n\n"
        "### Posters Chairs\nAnn Lee, *Lund University*  \nBo Chen, _Peking University_\n",
        encoding="utf-8")
    winners = tmp_path / "site" / "2024" / "award-winners.md"
    winners.write_text("# Award Winners\n\n## 2021\n\n- Lifetime Achievement Award: Ann Lee\n"
                       "- Early Career Researcher: Bo Chen\n", encoding="utf-8")

    assert _appearances(committee) == {
        ("chair", "Grace Hooper", "Stanford University", ""),
        ("chair", "Peter Lyle", "ETH Zurich", ""), ("chair", "Ann Lee", "Lund University", ""),
        ("chair", "Bo Chen", "Peking University", "")}
    assert _appearances(winners) == {
        ("award_recipient", "Ann Lee", "", "Lifetime Achievement Award"),
        ("award_recipient", "Bo Chen", "", "Early Career Researcher")}


def test_a_markdown_page_written_in_html_blocks_keeps_its_structure(tmp_path):
    # Static sites write pages in HTML inside Markdown: the headings govern the lists and
    # paragraphs under them, and a table row's bold position labels its person.
    path = tmp_path / "conference-committee.md"
    path.write_text(
        "---\ntitle: Conference Committee\n---\n\n<div class=\"committee\">\n"
        "<h3>General Chairs</h3>\n<p>Helen Marsh, University of Leeds<br/>\n"
        "Tom Fielding, Lund University</p>\n<h3>Local Organizers</h3>\n<ul>\n"
        "<li>Grace Hooper, Stanford University</li>\n</ul>\n</div>\n\n<table>\n"
        "<tr><td><b>Demo Chair</b></td><td>Bo Chen</td><td>Peking University</td></tr>\n"
        "</table>\n", encoding="utf-8")

    assert _appearances(path) == {
        ("chair", "Helen Marsh", "University of Leeds", ""),
        ("chair", "Tom Fielding", "Lund University", ""),
        ("organizer", "Grace Hooper", "Stanford University", ""),
        ("chair", "Bo Chen", "Peking University", "")}

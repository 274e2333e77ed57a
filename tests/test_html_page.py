"""HTML pages: declared encoding honored, boilerplate ignored, headings become section cues."""

from __future__ import annotations

from extractors import registry
from pipeline.stages.recognize import find_appearances

PAGE = (
    '<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" '
    'content="text/html; charset=ISO-8859-1"><title>ACME Summit 2019</title>'
    '<script>var speaker = "Evil Person";</script><style>p {color: red}</style></head><body>'
    '<nav><a href="/">Home</a> <a href="/x">John Navbar</a></nav>'
    '<div class="cookie-banner">We use cookies, Jill Cookie</div>'
    "<h1>ACME Summit 2019</h1><h2>Keynote Speakers</h2><ul>"
    "<li>Jos\xe9 Mart\xednez, Chief Scientist, Globex Corporation</li>"
    "<li>Ren\xe9e M\xfcller (Universit\xe4t Wien)</li></ul>"
    "<h2>Panel: Careers</h2><p>Moderator: Ann Lee, Duke University<br>"
    "Panelists: Bo Chen, MIT; Cy Diaz, Stanford University</p>"
    "<h2>Award Winners</h2><table><tr><th>Name</th><th>Organization</th></tr>"
    "<tr><td>Dee Fox</td><td>Initrode University</td></tr></table>"
    '<h2>Gold Sponsors</h2><p><img src="a.png" alt="Initech logo"> '
    '<img src="b.png" alt="Umbrella Corp"></p>'
    "<footer><p>Copyright Jane Footer, Webmaster</p></footer></body></html>"
).encode("latin-1")


def test_html_page_encoding_boilerplate_and_roles(tmp_path):
    path = tmp_path / "speakers.html"
    path.write_bytes(PAGE)

    extractor = registry.detect(path)
    extraction = extractor.extract(path)
    appearances = find_appearances(extraction.blocks)
    people = {(a.person_name, a.role) for a in appearances if a.person_name}
    orgs = {(a.org_name, a.sponsor_tier) for a in appearances if a.role == "sponsor"}

    assert extractor.name == "html_page"
    assert extraction.extra["encoding"] == "iso-8859-1"
    assert {"José Martínez", "Renée Müller"} <= {b.text.split(",")[0].split(" (")[0]
                                                  for b in extraction.blocks}
    assert {("José Martínez", "keynote"), ("Renée Müller", "keynote"), ("Ann Lee", "moderator"),
            ("Bo Chen", "panelist"), ("Cy Diaz", "panelist")} <= people
    text = " ".join(b.text for b in extraction.blocks)
    for boilerplate in ("Evil Person", "John Navbar", "Jane Footer", "Jill Cookie", "color"):
        assert boilerplate not in text
    assert [b.text for b in extraction.blocks if b.role_hint == "heading"] == [
        "ACME Summit 2019", "Keynote Speakers", "Panel: Careers", "Award Winners",
        "Gold Sponsors"]
    assert {("Initech", "Gold"), ("Umbrella Corp", "Gold")} <= orgs
    # The winners' table is records (Name, Organization columns) under the heading above it.
    assert ("Dee Fox", "Initrode University", "award_recipient") in {
        (b.person_name, b.org_name, b.role) for b in extraction.blocks if b.is_record}
    assert extraction.year == 2019


def test_html_page_utf8_meta_charset(tmp_path):
    path = tmp_path / "index.htm"
    path.write_bytes('<html><head><meta charset="utf-8"></head><body><h2>Program Committee'
                     "</h2><p>Zoë Adeyemi, Łódź University</p></body></html>".encode())

    blocks = registry.detect(path).extract(path).blocks

    assert [b.text for b in blocks] == ["Program Committee", "Zoë Adeyemi"]
    assert (blocks[1].org_name, blocks[1].role) == ("Łódź University", "committee")


def test_html_page_tables_definition_lists_and_open_headings(tmp_path):
    """A table with a header naming its columns is records for the tree walker; `<dt>`/`<dd>`
    is a label and its names; a heading left open by broken markup does not swallow the list
    after it (issue 18)."""
    path = tmp_path / "awards" / "2024" / "index.html"
    path.parent.mkdir(parents=True)
    path.write_text(
        "<!DOCTYPE html><html><head><title>Society prizes</title></head><body>"
        "<h2>Early Career Prize</h2><table><tr><th>Year</th><th>Recipient</th>"
        "<th>Affiliation</th></tr><tr><td>2023</td><td>Ann Lee</td><td>Lund University</td></tr>"
        "<tr><td>2021</td><td>Bo Chen</td><td>KU Leuven</td></tr></table>"
        "<h3>Organising committee</h2><ul><li>Cy Diaz, University of Zagreb</li></ul>"
        "<dl><dt>Programme Chair</dt><dd>Dana Okafor, Monash University</dd></dl>"
        "</body></html>", encoding="utf-8")

    appearances = find_appearances(registry.detect(path).extract(path).blocks)
    rows = {(a.role, a.person_name, a.org_name, a.year, a.award) for a in appearances}

    assert ("award_recipient", "Ann Lee", "Lund University", 2023, "Early Career Prize") in rows
    assert ("award_recipient", "Bo Chen", "KU Leuven", 2021, "Early Career Prize") in rows
    assert {(a.role, a.person_name) for a in appearances} >= {
        ("committee", "Cy Diaz"), ("chair", "Dana Okafor")}


def test_html_page_name_index_in_two_layouts(tmp_path):
    """A name index lists the event's participants: `Surname, Given  12, 45` and `SURNAME Given`
    runs are read in Given Family order; a lone such line in prose is not (issue 18)."""
    path = tmp_path / "2025" / "index.html"
    path.parent.mkdir()
    path.write_text(
        "<html><body><h2>Index of authors</h2><p>Smith, John A. 12, 45</p><p>Novak, Ana 7</p>"
        "<p>van der Berg, Anna 3</p><p>Okafor, Dana 19, 22</p><p>Tanaka, Jun 8</p>"
        "<h2>Participants</h2><ul><li>DE LA CRUZ Maria</li><li>HORVAT Goran</li>"
        "<li>KIM Hana</li><li>SILVA Eli</li><li>CHEN Bo</li></ul>"
        "<h2>About</h2><p>Lee, Ann</p></body></html>", encoding="utf-8")

    appearances = find_appearances(registry.detect(path).extract(path).blocks)
    names = {a.person_name for a in appearances if a.method == "html:name-index"}

    assert names == {"John A. Smith", "Ana Novak", "Anna van der Berg", "Dana Okafor",
                     "Jun Tanaka", "Maria De La Cruz", "Goran Horvat", "Hana Kim", "Eli Silva",
                     "Bo Chen"}


CARDS = (
    "<html><head><title>Summit 2024</title></head><body><h2>Invited Speakers</h2>"
    '<div class="grid">'
    '<div class="card"><img alt="Ann Lee"><h3>Ann Lee</h3><p>Globex University</p>'
    "<p>Ann studies graphs.</p></div>"
    '<div class="card"><h3>Bo Chen [Initech]</h3><div class="bio">Bo Chen builds Systems '
    "Nobody Uses.</div><ul><li>A Talk About Things</li></ul></div>"
    '<div class="card"><h3>Cy Diaz</h3><p>Director of Research</p><p>Umbrella Labs</p></div>'
    "</div><h2>Program Committee</h2>"
    '<ul class="committee"><li>Dee Fox, Acme University</li><li>Eve Gray</li></ul>'
    '<ul class="committee"><li>Fay Hill</li><li>Gus Ives</li></ul>'
    '<ul class="committee"><li>Hal Jones</li></ul>'
    "</body></html>"
)


def test_html_page_repeated_cards_are_one_person_each(tmp_path):
    # Sibling elements of one shape opening with a name: one record per card, in the role of
    # the heading above, the organization from the bracket or the short line after the name
    # (a job title is the title, not the role); lists of names are no cards.
    path = tmp_path / "index.html"
    path.write_text(CARDS, encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks
    cards = {(b.person_name, b.org_name, b.role, b.title) for b in blocks
             if b.method.startswith("html-card")}

    assert cards == {("Ann Lee", "Globex University", "keynote", ""),
                     ("Bo Chen", "Initech", "keynote", ""),
                     ("Cy Diaz", "Umbrella Labs", "keynote", "Director of Research")}
    assert ("Dee Fox", "Acme University", "committee") in {
        (b.person_name, b.org_name, b.role) for b in blocks}  # a list under its role heading
    assert not any("Nobody Uses" in b.person_name for b in blocks)


def test_html_page_lists_under_role_headings_are_records(tmp_path):
    # `<h3>Program chair</h3><ul><li>..` : each item a record in the heading's role, the
    # organization after the comma (one not naming a person, in any language), a labelled item
    # (`Web Arrangements: A, B.`) its people under the heading's role; other lists stay lines.
    path = tmp_path / "index.html"
    path.write_text(
        "<html><body><h3>Program chair</h3><ul><li><a href='x'>Ann Lee</a></li></ul>"
        "<h3>Organizing Committee</h3><ul><li>Web Arrangements: <a href='y'>Bo Chen</a>, "
        "Cy Diaz.</li><li>Lucia d'Arco, Universidade do Norte</li></ul>"
        "<h3>Travel</h3><ul><li>Dee Fox</li><li>Eve Gray</li></ul></body></html>",
        encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks
    records = {(b.person_name, b.org_name, b.role) for b in blocks if b.is_record}

    assert records == {("Ann Lee", "", "chair"), ("Bo Chen", "", "committee"),
                       ("Cy Diaz", "", "committee"),
                       ("Lucia d'Arco", "Universidade do Norte", "committee")}
    assert {"Dee Fox", "Eve Gray"} <= {b.text for b in blocks}


def test_html_page_logos_under_a_supported_by_heading_are_sponsors(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(
        "<html><body><h3>Supported by</h3><div><a href='a'><img alt='Acme Institute logo'></a>"
        "<a href='b'><img alt='Globex Society'></a></div><h3>Speakers</h3><div><img alt='Ann Lee'>"
        "</div></body></html>", encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks

    assert {(b.org_name, b.role) for b in blocks if b.is_record and b.org_name} == {
        ("Acme Institute", "sponsor"), ("Globex Society", "sponsor")}
    assert ("Ann Lee", "speaker") in {(b.person_name, b.role) for b in blocks}


def test_html_page_headings_above_a_list_are_its_context(tmp_path):
    # `<h2>Program Committee</h2><h4>Track A</h4><ul>`: the outer heading names the role; a new
    # h2 ends it.
    path = tmp_path / "index.html"
    path.write_text(
        "<html><body><h2>Program Committee</h2><h4>Track A</h4><ul><li>Ann Lee, MIT</li>"
        "<li>Bo Chen, ETH Zurich</li></ul><h2>Travel</h2><h4>Hotels</h4><ul><li>Cy Diaz</li>"
        "<li>Dee Fox</li></ul></body></html>", encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks

    assert {(b.person_name, b.org_name, b.role) for b in blocks if b.is_record} == {
        ("Ann Lee", "MIT", "committee"), ("Bo Chen", "ETH Zurich", "committee")}


def test_html_page_paragraph_lines_under_a_role_heading_are_records(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(
        "<html><body><h2>General Chairs</h2><p>Ann Lee, MIT, USA</p><p>Bo Chen, ETH Zurich</p>"
        "<h2>Steering Committee</h2><p>Cy Diaz (Globex)<br>Dee Fox (Acme)</p>"
        "<h2>News</h2><p>Eve Gray joined</p><p>The Venue Opens</p></body></html>",
        encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks

    assert {(b.person_name, b.org_name, b.role) for b in blocks if b.is_record} == {
        ("Ann Lee", "MIT", "chair"), ("Bo Chen", "ETH Zurich", "chair"),
        ("Cy Diaz", "Globex", "committee"), ("Dee Fox", "Acme", "committee")}


def test_html_page_a_class_naming_a_role_labels_its_name(tmp_path, nlp):
    # A program grid marks each session's chair by class (`<span class="chair">`), with no
    # printed label; a class naming the default role (speaker) or a span of no name adds none.
    path = tmp_path / "program.html"
    path.write_text(
        "<html><body><h2>Thursday</h2><div class='papers'><span class='location'>Room 1</span>"
        "<span class='chair'>Helen Marsh</span><h3>Session I: Widgets</h3>"
        "<span class='speaker'>Tom Fielding and Grace Hooper</span>"
        "<span class='chair'>Coffee</span></div></body></html>", encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks
    apps = find_appearances(blocks, nlp=nlp)

    assert [b.text for b in blocks if "Marsh" in b.text] == ["chair: Helen Marsh"]
    assert {(a.role, a.person_name) for a in apps} == {
        ("chair", "Helen Marsh"), ("speaker", "Tom Fielding"), ("speaker", "Grace Hooper")}


def test_html_page_one_person_per_heading_under_a_role_heading(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(
        "<html><body><h2>Invited Speakers</h2><h3>Helen Marsh</h3><p>Helen works on widgets.</p>"
        "<h3>Tom Fielding, Northfield Institute</h3><p>Tom builds gadgets.</p>"
        "<h2>Venue</h2><h3>Peter Lyle</h3><p>A hall named after a donor.</p></body></html>",
        encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks

    assert [(b.person_name, b.org_name, b.role) for b in blocks if b.is_record] == [
        ("Helen Marsh", "", "keynote"), ("Tom Fielding", "Northfield Institute", "keynote")]


def test_html_page_a_header_less_table_of_positions_names_its_officers(tmp_path):
    # `General Chair | Helen Marsh | University of Avalon`: the first row is data, not a
    # header, and each row's first cell is the position of the person after it.
    path = tmp_path / "organization.html"
    path.write_text(
        "<html><body><h2>Organizing Committee</h2><table>"
        "<tr><td>General Chair</td><td>Helen Marsh</td><td>University of Avalon</td></tr>"
        "<tr><td>Program Chairs</td><td>Tom Fielding</td><td>Northfield Institute</td></tr>"
        "<tr><td>Local Arrangements</td><td>Grace Hooper</td><td>Westbrook University</td></tr>"
        "</table></body></html>", encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks

    assert [(b.person_name, b.org_name, b.role) for b in blocks if b.is_record] == [
        ("Helen Marsh", "University of Avalon", "chair"),
        ("Tom Fielding", "Northfield Institute", "chair"),
        ("Grace Hooper", "Westbrook University", "committee")]


def test_html_page_award_labels_and_lists_of_winners(tmp_path):
    # A bold award label before the paper's title and its authors, and a list of
    # `Title - Authors` items under an award heading.
    path = tmp_path / "acme" / "2023" / "awards.html"
    path.parent.mkdir(parents=True)
    path.write_text(
        "<html><head><title>Awards</title></head><body><h2>2023</h2><ul>"
        "<li><b>Best Paper:</b> A Study of Widgets. Helen Marsh, Tom Fielding</li>"
        "<li><b>Best Student Paper:</b> Gadgets Everywhere. Grace Hooper</li></ul>"
        "<h3>Honorable Mentions</h3><ul><li><em>Paper One</em> - Peter Lyle</li>"
        "<li><em>Paper Two</em> - Sarah Nguyen and James Obi</li></ul></body></html>",
        encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks

    assert [(b.person_name, b.role, b.award, b.year) for b in blocks if b.is_record] == [
        ("Helen Marsh", "award_recipient", "Best Paper", 2023),
        ("Tom Fielding", "award_recipient", "Best Paper", 2023),
        ("Grace Hooper", "award_recipient", "Best Student Paper", 2023),
        ("Peter Lyle", "award_recipient", "Honorable Mentions", 2023),
        ("Sarah Nguyen", "award_recipient", "Honorable Mentions", 2023),
        ("James Obi", "award_recipient", "Honorable Mentions", 2023)]


def test_html_page_lines_under_a_year_keep_the_award_heading_above_it(tmp_path):
    path = tmp_path / "acme" / "history" / "winners.html"
    path.parent.mkdir(parents=True)
    path.write_text(
        "<html><head><title>Prize winners</title></head><body><h2>Young Researcher Prize</h2>"
        "<h3>2023</h3><p>Helen Marsh, University of Avalon</p><h3>2022</h3>"
        "<p>Tom Fielding, Northfield Institute</p><p>Grace Hooper, Westbrook University</p>"
        "</body></html>", encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks

    assert [(b.person_name, b.award, b.year) for b in blocks if b.is_record] == [
        ("Helen Marsh", "Young Researcher Prize", 2023),
        ("Tom Fielding", "Young Researcher Prize", 2022),
        ("Grace Hooper", "Young Researcher Prize", 2022)]


def test_html_page_a_secretariat_or_administration_heading_lists_organizers(tmp_path):
    path = tmp_path / "committees.html"
    path.write_text(
        "<html><body><h2>Committees</h2><h3>Program committee</h3><ul><li>Helen Marsh</li>"
        "<li>Tom Fielding</li></ul><h3>Contact &amp; administration</h3><ul>"
        "<li>Grace Hooper</li><li>Peter Lyle</li></ul></body></html>", encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks

    assert [(b.person_name, b.role) for b in blocks if b.is_record] == [
        ("Helen Marsh", "committee"), ("Tom Fielding", "committee"),
        ("Grace Hooper", "organizer"), ("Peter Lyle", "organizer")]


def test_html_page_logos_without_alt_are_named_by_their_links_title(tmp_path):
    # A logo wall whose images have no alt text: the link's title (or the image's) names the
    # sponsor; a logo with neither names nobody (its file name was tried and, measured on the
    # held-out half, named no sponsor the page's truth lists).
    path = tmp_path / "sponsors.html"
    path.write_text(
        "<html><body><h2>Gold Sponsors</h2><div>"
        "<a href='https://a.example' title='Acme Robotics'><img src='a.png' alt=''></a>"
        "<a href='https://b.example'><img src='/img/globex.png' title='Globex'></a>"
        "<a href='https://c.example'><img src='/img/initech_logo.png'></a>"
        "</div></body></html>", encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks

    assert {(b.org_name, b.role, b.sponsor_tier, b.method) for b in blocks if b.is_record} == {
        ("Acme Robotics", "sponsor", "Gold", "html-logo:name"),
        ("Globex", "sponsor", "Gold", "html-logo:name")}


def test_html_page_two_cards_and_a_person_heading_keep_their_organizations(tmp_path):
    # `<div><h4>Name</h4><p>Org</p></div>` twice under a committee heading (too few to be a
    # grid by count alone, but each a name over an organization), and a single one: each
    # person keeps the organization printed under the name; a row holding two cards is not one.
    path = tmp_path / "committee.html"
    path.write_text(
        "<html><body><h2>Steering Committee</h2><div class='row'>"
        "<div class='m'><img src='a.jpg'><h4>Helen Marsh</h4><p>Acme University</p></div>"
        "<div class='m'><img src='b.jpg'><h4>Tom Fielding</h4><p>Beta Institute</p></div></div>"
        "<h2>Local Organizers</h2><div class='row'>"
        "<div class='m'><img src='c.jpg'><h4>Grace Hooper</h4><p>University of Lowtown</p>"
        "</div></div></body></html>", encoding="utf-8")

    blocks = registry.get("html_page").extract(path).blocks

    assert {(b.person_name, b.org_name, b.role) for b in blocks if b.is_record} == {
        ("Helen Marsh", "Acme University", "committee"),
        ("Tom Fielding", "Beta Institute", "committee"),
        ("Grace Hooper", "University of Lowtown", "organizer")}


def _found(path, nlp, html, *, rows=set, fields=lambda a: (a.role, a.person_name, a.org_name)):
    """The appearances a page written at `path` gives, as `fields` tuples."""
    path.parent.mkdir(exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return rows(fields(a) for a in find_appearances(
        registry.get("html_page").extract(path).blocks, nlp=nlp))


def test_html_page_a_schedule_table_whose_cells_hold_lines(tmp_path, nlp):
    # no header row (its first row is a talk), cells of several lines (a `<br>`, a list in
    # the cell): each line is read as a program's line, after the row's time, so the keynote's
    # label reaches her name on the line below, a session's chair is read from its label and
    # the talks of the cell's list are separate lines
    found = _found(
        tmp_path / "2024" / "program.html", nlp, "<html><body><h2>Tuesday</h2><table>"
        "<tr><td>09:00</td><td><b>Keynote</b>: Rivers at night<br>"
        "<i>Grace Hooper, Lakeside Institute</i></td></tr>"
        "<tr><td>10:30</td><td>Session 1 (Chair: Ann Lee)<ul><li>Maps for all — Bo Chen "
        "(Globex)</li><li>Dams — Tom Fielding (Initech)</li></ul></td></tr>"
        "<tr><td>12:00</td><td>Lunch</td></tr></table></body></html>")

    assert found == {("keynote", "Grace Hooper", "Lakeside Institute"),
                     ("chair", "Ann Lee", ""), ("speaker", "Bo Chen", "Globex"),
                     ("speaker", "Tom Fielding", "Initech")}


def test_html_page_cards_with_positions_headings_with_honorifics_and_logo_titles(tmp_path, nlp):
    # committee cards: a chair's position is the chair's role, and the short line after it
    # her organization though no organization's word marks it
    found = _found(tmp_path / "2024" / "committee.html", nlp,
                   "<html><body><h1>Organizing Committee</h1>" + "".join(
        f'<div class="member"><img src="x.jpg" alt="{n}"><h4>{n}</h4><p class="role">{r}</p>'
        f'<p class="aff">{o}</p></div>' for n, r, o in [
            ("Ann Lee", "General Chair", "Acme University"), ("Bo Chen", "Program Chair",
                                                              "Globex"),
            ("Tom Fielding", "Publicity", "Initech")]) + "</body></html>")
    assert found == {("chair", "Ann Lee", "Acme University"), ("chair", "Bo Chen", "Globex"),
                     ("committee", "Tom Fielding", "Initech")}

    # a person per heading, printed with an honorific, over a one-word organization: one row
    found = _found(
        tmp_path / "2024" / "keynotes.html", nlp, "<html><body><h2>Keynote Speakers</h2><div>"
        "<h3>Prof. Grace Hooper</h3><span>Lakeside Institute</span><p>Grace Hooper is a professor "
        "of rivers.</p></div><div><h3>Dr. Peter Lyle</h3><span>Hooli</span><p>Peter works on "
        "maps.</p></div></body></html>", rows=list)
    assert sorted(found) == [("keynote", "Grace Hooper", "Lakeside Institute"),
                             ("keynote", "Peter Lyle", "Hooli")]

    # a logo named by its title alone; a `Venue` heading after the logos ends the list
    found = _found(
        tmp_path / "2024" / "sponsors.html", nlp,
        '<html><body><h2>Our Sponsors</h2><h3>Gold</h3><a href="https://g.example">'
        '<img src="g.png" alt="Globex"></a><a href="https://i.example"><img src="i.png" '
        'title="Initech"></a><h2>Venue</h2><p>Lakeside Convention Center</p></body></html>',
        fields=lambda a: (a.role, a.org_name, a.sponsor_tier))
    assert found == {("sponsor", "Globex", "Gold"), ("sponsor", "Initech", "Gold")}


def test_html_page_a_cell_spanning_rows_is_in_each_of_them(tmp_path):
    # `rowspan` prints a role or a tier once over its rows; the cells after it stay under
    # their own headers (was: `Globex` read as a person, `Tom Fielding` as her organization).
    path = tmp_path / "committee.html"
    path.write_text(
        "<html><body><h1>Organising Committee</h1><table><tr><th>Role</th><th>Name</th>"
        "<th>Affiliation</th></tr><tr><td rowspan='2'>General Chairs</td><td>Helen Marsh</td>"
        "<td>Acme University</td></tr><tr><td>Tom Fielding</td><td>Globex</td></tr>"
        "<tr><td>Members</td><td>Grace Hooper</td><td>Initech</td></tr></table>"
        "<h2>Sponsors</h2><table><tr><th>Level</th><th>Sponsor</th></tr><tr><td rowspan='2'>"
        "Gold</td><td>Acme</td></tr><tr><td>Globex</td></tr><tr><td>Silver</td><td>Initech</td>"
        "</tr><tr><td></td><td>Hooli</td></tr></table></body></html>", encoding="utf-8")

    blocks = [b for b in registry.get("html_page").extract(path).blocks if b.is_record]

    assert [(b.person_name, b.org_name, b.role) for b in blocks if b.person_name] == [
        ("Helen Marsh", "Acme University", "chair"), ("Tom Fielding", "Globex", "chair"),
        ("Grace Hooper", "Initech", "committee")]
    assert [(b.org_name, b.sponsor_tier) for b in blocks if not b.person_name] == [
        ("Acme", "Gold"), ("Globex", "Gold"), ("Initech", "Silver"), ("Hooli", "Silver")]


def test_html_page_classes_naming_fields_make_a_record_and_a_headed_container_ends(
        tmp_path, nlp):
    # A talk whose spans' classes name its fields (time, title, speaker) gives its speaker
    # (the line `14:00 Light fields Tom Fielding` marks no name); the panel's heading, inside
    # its own container, does not govern the talks after that container.
    path = tmp_path / "program.html"
    path.write_text(
        "<html><body><h1>Program</h1><h2>Day 2</h2><div class='session'><h3>Panel: Careers"
        "</h3><p><strong>Panelists:</strong> Helen Marsh, Grace Hooper</p></div>"
        "<div class='talk'><span class='time'>14:00</span> <span class='title'>Light fields"
        "</span> <span class='speaker'>Tom Fielding</span></div><p>14:20 Sparse views, Peter "
        "Lyle (Acme University)</p></body></html>", encoding="utf-8")

    apps = find_appearances(registry.get("html_page").extract(path).blocks, nlp=nlp)

    assert [(a.role, a.person_name) for a in apps] == [
        ("panelist", "Helen Marsh"), ("panelist", "Grace Hooper"), ("speaker", "Tom Fielding"),
        ("speaker", "Peter Lyle")]

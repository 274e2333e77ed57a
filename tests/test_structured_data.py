"""The one tree walker over structured files of any schema (extractors/structured_data.py)."""

from __future__ import annotations

import json
import re

import yaml

from extractors import registry
from pipeline.stages.recognize import find_appearances


def norm(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


def test_jekyll_data_accepted_papers(raw_corpus):
    path = raw_corpus / "sigcse" / "2018" / "accepted.yml"
    expected = set()
    for row in yaml.safe_load(path.read_text()):
        role = "panelist" if row["type"] == "Panel" else "speaker"
        for author in row["authors"].split(";"):
            expected.add((norm(author.split("(")[0]), role))

    extractor = registry.detect(path)
    appearances = find_appearances(extractor.extract(path).blocks)
    found = {(norm(a.person_name), a.role) for a in appearances}

    assert extractor.name == "structured_data"  # the one walker reads every YAML
    assert len(expected & found) / len(expected) >= 0.99
    assert found <= expected
    dryer = next(a for a in appearances if a.person_name == "Amber Dryer")
    assert dryer.org_name == "University of Wisconsin - Green Bay (UWGB)"


def test_jekyll_data_list_of_dicts(tmp_path):
    path = tmp_path / "sessions.yml"
    path.write_text("- title: Careers in data\n  type: Panel\n  moderator: Ann Lee\n"
                    "  panelists:\n    - name: Bo Chen\n      affiliation: MIT\n"
                    "    - Cy Diaz (Stanford)\n")

    appearances = find_appearances(registry.detect(path).extract(path).blocks)

    assert {(a.person_name, a.role, a.org_name) for a in appearances} == {
        ("Ann Lee", "moderator", ""), ("Bo Chen", "panelist", "MIT"),
        ("Cy Diaz", "panelist", "Stanford")}


# --- The tree walker on ordinary files of shapes no reader was written for (issue 18) ---------

def _write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _rows(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    extractor = registry.detect(path)
    assert extractor is not None, name
    return {(a.role, a.person_name, a.org_name, a.year, a.award, a.sponsor_tier)
            for a in find_appearances(extractor.extract(path).blocks)}


def test_structured_data_yaml_award_list_keyed_by_year(tmp_path):
    rows = _rows(tmp_path, "awards/mentor-award.yml",
                 "2023: Jane Doe\n2022:\n  - Ann Lee (Initech)\n  - Bo Chen\n")
    assert rows == {("award_recipient", "Jane Doe", "", 2023, "Mentor Award", ""),
                    ("award_recipient", "Ann Lee", "Initech", 2022, "Mentor Award", ""),
                    ("award_recipient", "Bo Chen", "", 2022, "Mentor Award", "")}


def test_structured_data_semicolon_csv_of_winners(tmp_path):
    rows = _rows(tmp_path, "prizes.csv", "Year;Winner Name;Institution;Prize\n"
                 "2021;Cy Diaz;Stanford University;Early Career Prize\n")
    assert rows == {("award_recipient", "Cy Diaz", "Stanford University", 2021,
                     "Early Career Prize", "")}


def test_structured_data_fellows_by_class_year_and_a_tier_naming_its_members(tmp_path):
    # a `Class` column of years is the fellows' year (the key is a sponsor list's word too)
    fellows = _rows(tmp_path, "awards/fellows.csv", "Class;Fellow;Employer\n"
                    "2020;Grace Hooper;Lakeside Institute\n2021;Peter Lyle;Globex\n")
    assert fellows == {("award_recipient", "Grace Hooper", "Lakeside Institute", 2020,
                        "Fellows", ""),
                       ("award_recipient", "Peter Lyle", "Globex", 2021, "Fellows", "")}
    # a record named by a tier lists that tier's sponsors under a member key
    tiers = _rows(tmp_path, "sponsors/partners.toml", '[[tier]]\nname = "Diamond"\n'
                  'members = ["Initech", "Umbrella Corporation"]\n[[tier]]\nname = "Silver"\n'
                  'members = ["Hooli"]\n')
    assert tiers == {("sponsor", "", "Initech", None, "", "Diamond"),
                     ("sponsor", "", "Umbrella Corporation", None, "", "Diamond"),
                     ("sponsor", "", "Hooli", None, "", "Silver")}


def test_structured_data_a_members_organization_after_her_comma(tmp_path):
    rows = _rows(tmp_path, "people/committee.yml", "program_committee:\n  members:\n"
                 "    - Ivo Marek, Central Polytechnic\n    - Ann Lee, Bo Chen\n")
    assert rows == {("committee", "Ivo Marek", "Central Polytechnic", None, "", ""),
                    ("committee", "Ann Lee", "", None, "", ""),
                    ("committee", "Bo Chen", "", None, "", "")}


def test_structured_data_sponsor_tiers_as_keys_and_as_levels(tmp_path):
    keys = _rows(tmp_path, "a/sponsors.yml", "sponsors:\n  platinum:\n    - Acme Corp\n"
                 "  gold:\n    - name: Globex\n      url: https://globex.example\n")
    levels = _rows(tmp_path, "b/partners.yml", "levels:\n  - level: Platinum\n    companies:"
                   " [Acme Corp]\n  - level: Gold Sponsors\n    companies:\n      - Globex\n")
    expected = {("sponsor", "", "Acme Corp", None, "", "Platinum"),
                ("sponsor", "", "Globex", None, "", "Gold")}
    assert keys == expected and levels == expected


def test_structured_data_a_list_of_sponsors_with_levels_and_kinds_is_read_once(tmp_path):
    # `sponsors: [{name, level}]` (read both as a list of names and as records) gives each
    # sponsor once, in its tier; a kind field holding a tier (`type: gold`) is the tier.
    levels = registry.get("structured_data").extract(_write(
        tmp_path, "c/sponsors.yml", "sponsors:\n  - name: Acme Corp\n    level: platinum\n"
        "  - name: Globex\n    level: gold\n")).blocks
    kinds = registry.get("structured_data").extract(_write(
        tmp_path, "d/partners.yml", "- title: Acme Corp\n  type: platinum\n  logo: /a.png\n"
        "- title: Globex\n  type: gold\n  logo: /g.png\n")).blocks
    expected = [("Acme Corp", "Platinum"), ("Globex", "Gold")]
    assert [(b.org_name, b.sponsor_tier) for b in levels] == expected
    assert [(b.org_name, b.sponsor_tier) for b in kinds] == expected


def test_structured_data_exhibitors_with_booths_in_a_map_of_ids(tmp_path):
    rows = _rows(tmp_path, "2019/exhibitors.yml", "tera:\n  name: Tera Analysis Ltd.\n  booth: 1\n"
                 "hvr:\n  name: HVR Components\n  booth: 5\n")
    assert {(r[0], r[2], r[3]) for r in rows} == {("exhibitor", "Tera Analysis Ltd.", 2019),
                                                  ("exhibitor", "HVR Components", 2019)}


def test_structured_data_people_with_positions(tmp_path):
    rows = _rows(tmp_path, "2019/chairs.yml", "a:\n  name: Ray Allen\n  position: General Chair\n"
                 "b:\n  name: Stu Jackson\n  position: Treasurer\n"
                 "c:\n  name: Ezgi Kara\n  position: Izmir Biomedicine and Genome Center\n")
    # chairs.yml says so; a conference's treasurer sits on its committee, not a society's board
    assert {(r[0], r[1], r[2]) for r in rows} == {
        ("chair", "Ray Allen", ""), ("committee", "Stu Jackson", ""),
        ("chair", "Ezgi Kara", "Izmir Biomedicine and Genome Center")}


def test_structured_data_xml_schedule_that_is_not_frab(tmp_path):
    rows = _rows(tmp_path, "2019/schedule.xml", '<?xml version="1.0"?>\n<schedule><day><room name='
                 '"Main"><event id="1"><title>Keynote: Graphs</title><person>Prof. Dr. Ann Lee'
                 "</person></event><event id=\"2\"><title>Tools</title><person>Bo Chen, Cy Diaz"
                 "</person></event></room></day></schedule>")
    assert {(r[0], r[1]) for r in rows} == {("keynote", "Ann Lee"), ("speaker", "Bo Chen"),
                                            ("speaker", "Cy Diaz")}


def test_structured_data_xml_people_as_element_text_with_attributes(tmp_path):
    # `<speaker affiliation="…">Name</speaker>`: the text is the name, the attributes its
    # fields; the root's `name="… 2023"` is the event's, no person's.
    rows = _rows(tmp_path, "2023/schedule.xml", '<?xml version="1.0"?>\n<conference name="Geo '
                 'Days 2023"><day date="2023-05-02"><slot start="09:00"><talk type="keynote">'
                 '<title>Why rivers move</title><speaker affiliation="Northwind University">'
                 "Helen Marsh</speaker></talk></slot><slot start=\"10:30\"><talk type=\"regular\">"
                 "<title>Dams</title><speakers><speaker>Tom Fielding</speaker><speaker>Grace "
                 "Hooper</speaker></speakers></talk></slot></day></conference>")
    assert {(r[0], r[1], r[2]) for r in rows} == {
        ("keynote", "Helen Marsh", "Northwind University"), ("speaker", "Tom Fielding", ""),
        ("speaker", "Grace Hooper", "")}


def test_structured_data_markdown_table_of_sponsors_and_levels(tmp_path):
    rows = _rows(tmp_path, "2023/sponsors.md", "# Our Sponsors\n\n| Sponsor | Level |\n|---|---|\n"
                 "| Acme Corporation | Gold |\n| Soylent Foods | Silver |\n")
    assert rows == {("sponsor", "", "Acme Corporation", 2023, "", "Gold"),
                    ("sponsor", "", "Soylent Foods", 2023, "", "Silver")}


def test_html_definition_list_of_names_surname_first_is_a_name_index(tmp_path):
    entries = "".join(f"<dt>{name}</dt><dd>Session {n}A, {10 + n}</dd>" for n, name in enumerate(
        ["Chen, Bo", "Fielding, Tom", "Hooper, Grace", "Lee, Ann", "Lyle, Peter"]))
    rows = _rows(tmp_path, "2023/people.html", "<html><head><title>Index of names</title></head>"
                 f"<body><h1>Index of names</h1><dl>{entries}</dl></body></html>")
    assert {(r[0], r[1]) for r in rows} == {("speaker", "Bo Chen"), ("speaker", "Tom Fielding"),
                                            ("speaker", "Grace Hooper"), ("speaker", "Ann Lee"),
                                            ("speaker", "Peter Lyle")}


def test_structured_data_winners_given_by_paper_id_are_joined_with_the_papers_file(tmp_path):
    (tmp_path / "2022").mkdir()
    (tmp_path / "2022" / "conferencepapers.csv").write_text(
        "Paper ID,Title,Authors,Affiliations\nP12,Rivers in VR,\"Helen Marsh, Tom Fielding\","
        "Northwind University\nP40,Maps that move,Grace Hooper,Lakeside Institute\n"
        "P41,Unawarded,Peter Lyle,Eastfield\n", encoding="utf-8")
    rows = _rows(tmp_path, "2022/awards.csv", "Award,Paper ID\nBest Paper,P12\n"
                 "Honorable Mention,P40\n")
    assert rows == {
        ("award_recipient", "Helen Marsh", "Northwind University", 2022, "Best Paper", ""),
        ("award_recipient", "Tom Fielding", "Northwind University", 2022, "Best Paper", ""),
        ("award_recipient", "Grace Hooper", "Lakeside Institute", 2022, "Honorable Mention", "")}


def test_structured_data_javascript_module_parsed_never_run(tmp_path):
    rows = _rows(tmp_path, "2024/schedule_full.js", "// generated\nexport const schedule = [\n"
                 "  {time: '9:00', title: 'Opening keynote', type: 'keynote', speakers: "
                 "[{name: 'Ann Lee', affiliation: \"MIT\"},],},\n  {title: `Panel`, type: 'panel',"
                 " speakers: ['Bo Chen', 'Cy Diaz']},\n];\n")
    assert {(r[0], r[1], r[2]) for r in rows} == {
        ("keynote", "Ann Lee", "MIT"), ("panelist", "Bo Chen", ""), ("panelist", "Cy Diaz", "")}


def test_structured_data_speakers_joined_by_id(tmp_path):
    rows = _rows(tmp_path, "2025/widget.json", '{"talks": [{"title": "Scaling", "speakers": '
                 '["AB12"]}], "speakers": [{"code": "AB12", "name": "Ann Lee [Ohio Center]"}, '
                 '{"code": "CD34", "name": "Bo Chen"}]}')
    # Ann Lee with her talk (not a second time without it); Bo Chen, who gives none, alone.
    assert {(r[0], r[1], r[2]) for r in rows} == {("speaker", "Ann Lee", "Ohio Center"),
                                                  ("speaker", "Bo Chen", "")}


def test_structured_data_ntriples_people_of_events(tmp_path):
    rows = _rows(tmp_path, "2019/graph.nt", "\n".join([
        '<http://x/#e1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
        '<http://schema.org/Event> .',
        '<http://x/#e1> <http://www.w3.org/2000/01/rdf-schema#label> "Linked data at scale" .',
        '<http://x/#e1> <http://schema.org/performer> <http://x/#ann> .',
        '<http://x/#ann> <http://xmlns.com/foaf/0.1/name> "Ann Lee" .',
        '<http://x/#ann> <http://schema.org/affiliation> <http://x/#org> .',
        '<http://x/#org> <http://xmlns.com/foaf/0.1/name> "InfAI" .',
        '<http://x/#room> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
        '<http://schema.org/Place> .',
        '<http://x/#room> <http://xmlns.com/foaf/0.1/name> "Main Hall" .']) + "\n")
    assert {(r[0], r[1], r[2]) for r in rows} == {("speaker", "Ann Lee", "InfAI")}


def test_structured_data_markdown_table_of_winners(tmp_path):
    rows = _rows(tmp_path, "awards/research-award.md", "---\ntitle: \"Research Award\"\n---\n\n"
                 "Previous recipients:\n\n| Year | Recipient | Affiliation |\n|---|---|---|\n"
                 "| 2024 | [Ann Lee](https://a.example) | KU Leuven, Belgium |\n"
                 "| 2023 | Bo Chen | Lund University |\n")
    assert rows >= {("award_recipient", "Ann Lee", "KU Leuven, Belgium", 2024, "Research Award",
                     ""), ("award_recipient", "Bo Chen", "Lund University", 2023,
                           "Research Award", "")}


def test_structured_data_parseable_file_without_names_is_empty_with_keys(tmp_path):
    path = tmp_path / "rooms.json"
    path.write_text('[{"room": "A", "capacity": 40}, {"room": "B", "capacity": 12}]')

    extraction = registry.detect(path).extract(path)

    assert extraction.status == "empty" and extraction.blocks == []
    assert "keys seen: capacity (2), room (2)" in extraction.message


# --- Property: the same records nested as real files nest them give the same rows ----------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_GIVEN = ["Ann", "Bo", "Cy", "Dana", "Eli", "Fatima", "Goran", "Hana", "Ivo", "Jun"]
_FAMILY = ["Lee", "Chen", "Diaz", "Okafor", "Novak", "Tanaka", "Silva", "Horvat", "Kim"]
_ORGS = ["Lund University", "Acme Institute", "KU Leuven", "", "University of Zagreb"]


@st.composite
def _winners(draw):
    count = draw(st.integers(1, 6))
    people = draw(st.lists(st.tuples(st.sampled_from(_GIVEN), st.sampled_from(_FAMILY)),
                           min_size=count, max_size=count, unique=True))
    return [(f"{g} {f}", draw(st.sampled_from(_ORGS)), draw(st.integers(1990, 2025)))
            for g, f in people]


def _nest(winners, shape):
    records = [{"name": n, "affiliation": o, "year": y} if o else {"name": n, "year": y}
               for n, o, y in winners]
    if shape == "list":
        return records
    if shape == "by_year":
        out: dict = {}
        for n, o, y in winners:
            out.setdefault(y, []).append({"name": n, **({"affiliation": o} if o else {})})
        return out
    if shape == "wrapped":
        return {"data": {"recipients": records}}
    return {f"id{i}": record for i, record in enumerate(records)}  # a map of ids


@settings(max_examples=40, deadline=None)
@given(_winners(), st.sampled_from(["list", "by_year", "wrapped", "ids"]))
def test_structured_data_nesting_does_not_change_the_rows(winners, shape):
    import json

    from extractors.tree_walk import blocks_from_tree

    tree = json.loads(json.dumps(_nest(winners, shape)))  # as a parser would give it
    blocks, _ = blocks_from_tree(tree, context=["awards", "mentor-prize"])

    assert {(b.person_name, b.org_name, b.year, b.role) for b in blocks} == {
        (n, o, y, "award_recipient") for n, o, y in winners}


def test_structured_data_award_named_by_its_record_and_winners_by_year():
    # `{name: Best Paper Award, winners: {2023: ...}}`: the record's name is the award, not a
    # person, and its winners are keyed by year; `George Best` is still a person.
    from extractors.tree_walk import blocks_from_tree

    tree = {"awards": [{"name": "Best Paper Award", "winners": {2023: "Ann Lee, Bo Chen",
                                                               2022: ["Cy Diaz (MIT)"]}},
                       {"name": "Test of Time Award", "winners": [{"year": 2021,
                                                                   "name": "Dee Fox"}]},
                       {"name": "George Best", "award": "Service Prize", "year": 2020}]}

    blocks = blocks_from_tree(tree, context=["society", "awards", "awards"])[0]

    assert {(b.person_name, b.org_name, b.award, b.year) for b in blocks} == {
        ("Ann Lee", "", "Best Paper Award", 2023), ("Bo Chen", "", "Best Paper Award", 2023),
        ("Cy Diaz", "MIT", "Best Paper Award", 2022),
        ("Dee Fox", "", "Test of Time Award", 2021),
        ("George Best", "", "Service Prize", 2020)}
    assert {b.role for b in blocks} == {"award_recipient"}


def test_structured_data_table_under_a_best_paper_heading_names_the_award():
    from extractors.tree_walk import table_blocks

    blocks = table_blocks([{"Year": "2023", "Paper": "A Study", "Authors": "Ann Lee and Bo Chen"}],
                          context=["conf", "site", "index", "Conference", "Best Paper"])

    assert {(b.person_name, b.role, b.award, b.year) for b in blocks} == {
        ("Ann Lee", "award_recipient", "Best Paper", 2023),
        ("Bo Chen", "award_recipient", "Best Paper", 2023)}


def test_structured_data_offices_members_groups_and_an_officer_chair():
    # `officers: {chair: A, secretary: B}`: offices held (a society's chair is an officer);
    # `{title: Program Committee, members: [...]}`: the group's title gives its members' role.
    from extractors.tree_walk import blocks_from_tree

    officers = blocks_from_tree({"officers": {"chair": "Ann Lee", "secretary": "Bo Chen",
                                              "treasurer": "to be announced"}},
                                context=["soc", "2019", "digest"])[0]
    groups = blocks_from_tree([{"title": "Program Committee", "members": ["Cy Diaz"]},
                               {"title": "Graphs at Scale", "speakers": ["Dee Fox"]}],
                              context=["conf", "2024", "people"])[0]

    assert {(b.person_name, b.role) for b in officers} == {("Ann Lee", "board"),
                                                          ("Bo Chen", "board")}
    assert {(b.person_name, b.role) for b in groups} == {("Cy Diaz", "committee"),
                                                        ("Dee Fox", "speaker")}


def test_structured_data_a_key_naming_an_award_names_its_recipients_award():
    # `best_paper_award:` is the award of the records under it, as `Best Paper Award:` is
    from extractors.tree_walk import blocks_from_tree

    tree = {"best_paper_award": [{"name": "Helen Marsh", "title": "Widgets"}],
            "Test of Time Award": ["Tom Fielding"]}

    blocks, _ = blocks_from_tree(tree, context=["acme", "2024", "awards"])

    assert {(b.person_name, b.role, b.award) for b in blocks} == {
        ("Helen Marsh", "award_recipient", "Best Paper Award"),
        ("Tom Fielding", "award_recipient", "Test of Time Award")}


def test_structured_data_a_name_alone_in_a_schedule_cell_goes_to_ner_not_a_tally():
    from extractors.tree_walk import table_blocks

    rows = [{"Time": "09:15", "Session": "Keynote", "Title": "Dr. Helen Marsh"},
            {"Candidate": "Tom Fielding", "Votes": "86"}]

    blocks = table_blocks(rows, context=["acme", "2024", "schedule"])

    assert [(b.text, b.role, b.role_hint) for b in blocks] == [
        ("Dr. Helen Marsh", "keynote", "ner")]


def test_structured_data_a_sponsor_logo_named_by_its_title_or_alt():
    from extractors.tree_walk import blocks_from_tree

    tree = {"platinum": [{"title": "Umbrella Corporation", "link": "https://u.example",
                          "image": "/img/u.png"}],
            "gold": [{"alt": "Hooli", "url": "https://h.example"}],
            "silver": [{"title": "Our product demo", "time": "10:00"}]}

    blocks, _ = blocks_from_tree(tree, context=["acme", "sponsors", "sponsors"])

    assert [(b.org_name, b.role, b.sponsor_tier) for b in blocks] == [
        ("Umbrella Corporation", "sponsor", "Platinum"), ("Hooli", "sponsor", "Gold")]


def test_structured_data_numbered_speaker_columns_and_schema_org_works_for(tmp_path):
    # `Speaker 2` takes `Affiliation 2`, not the row's first organization
    talks = _rows(tmp_path, "program/talks.csv",
                  "Session,Title,Speaker 1,Affiliation 1,Speaker 2,Affiliation 2\n"
                  "Morning,Rivers at night,Ines Varga,Lakeside Institute,Omar Haddad,Globex\n")
    assert talks == {("speaker", "Ines Varga", "Lakeside Institute", None, "", ""),
                     ("speaker", "Omar Haddad", "Globex", None, "", "")}
    event = _rows(tmp_path, "program/event.jsonld", json.dumps({
        "@context": "https://schema.org", "@type": "Event", "name": "Delta Days",
        "subEvent": [{"@type": "Event", "name": "Boats", "performer": {
            "@type": "Person", "name": "Bo Chen",
            "worksFor": {"@type": "Organization", "name": "Globex"}}}]}))
    assert event == {("speaker", "Bo Chen", "Globex", None, "", "")}


def test_structured_data_a_tier_of_sponsor_records_a_group_position_and_a_role_flag(tmp_path):
    # a tier record whose sponsors are an organization field, as names or as records: the
    # tier's own name is no sponsor
    tiers = _rows(tmp_path, "sponsors.toml", '[[tier]]\nname = "Gold"\n'
                  'sponsors = ["Acme Corp", "Globex"]\n[[tier]]\nname = "Silver"\n'
                  'sponsors = [{ name = "Initech", url = "https://initech.example" }]\n')
    assert tiers == {("sponsor", "", "Acme Corp", None, "", "Gold"),
                     ("sponsor", "", "Globex", None, "", "Gold"),
                     ("sponsor", "", "Initech", None, "", "Silver")}
    # a group's position names its members' role
    committee = _rows(tmp_path, "committee.yml",
                      "- role: General Chairs\n  members:\n    - name: Ann Lee\n"
                      "      affiliation: Acme University\n- role: Program Committee\n"
                      "  members:\n    - {name: Tom Fielding, affiliation: Initech}\n")
    assert committee == {("chair", "Ann Lee", "Acme University", None, "", ""),
                         ("committee", "Tom Fielding", "Initech", None, "", "")}
    # a flag whose key names a role gives it; a false one does not
    speakers = _rows(tmp_path, "speakers.json",
                     '{"speakers": [{"fullName": "Ann Lee", "company": "Acme", "keynote": false},'
                     ' {"fullName": "Bo Chen", "company": "Globex", "keynote": true}]}')
    assert speakers == {("speaker", "Ann Lee", "Acme", None, "", ""),
                        ("keynote", "Bo Chen", "Globex", None, "", "")}


_SPONSORS = ["Acme Corp", "Globex Labs", "Initech", "Hooli", "Northwind Traders",
             "Umbrella Corporation", "Lakeside Foundation"]


@st.composite
def _tiered(draw):
    names = draw(st.lists(st.sampled_from(_SPONSORS), min_size=1, max_size=5, unique=True))
    return [(n, draw(st.sampled_from(["Gold", "Silver", "Bronze", "Platinum"]))) for n in names]


def _nest_sponsors(sponsors, shape):
    tiers: dict = {}
    for name, tier in sponsors:
        tiers.setdefault(tier, []).append(name)
    if shape == "by_tier":  # `{gold: [Acme, ...]}`
        return {t.lower(): names for t, names in tiers.items()}
    if shape == "levels":  # `[{level: Gold, sponsors: [Acme]}]`
        return [{"level": t, "sponsors": names} for t, names in tiers.items()]
    if shape == "records":  # `[{name: Acme, tier: Gold}]`
        return [{"name": n, "tier": t} for n, t in sponsors]
    # `[{name: Gold, sponsors: [{name: Acme, url: ...}]}]`: a tier named by its record
    return [{"name": t, "sponsors": [{"name": n, "url": "https://example.org"} for n in names]}
            for t, names in tiers.items()]


@settings(max_examples=40, deadline=None)
@given(_tiered(), st.sampled_from(["by_tier", "levels", "records", "named_tiers"]))
def test_structured_data_sponsor_nesting_does_not_change_the_rows(sponsors, shape):
    import json

    from extractors.tree_walk import blocks_from_tree

    tree = json.loads(json.dumps(_nest_sponsors(sponsors, shape)))
    blocks, _ = blocks_from_tree(tree, context=["conf", "sponsors"])

    assert {(b.org_name, b.sponsor_tier, b.role) for b in blocks} == {
        (n, t, "sponsor") for n, t in sponsors}


def test_structured_data_a_session_of_a_lexicon_kind_and_a_name_with_a_one_word_company(tmp_path):
    # a roundtable's participants are panelists (the kind of the lexicon, in a `format`
    # field); `Bo Chen, Globex` is one person and her company
    rows = _rows(tmp_path, "program.yml", '- time: "14:00"\n  title: Data futures\n'
                 "  format: Roundtable\n  participants:\n    - Bo Chen, Globex\n"
                 "    - Cy Diaz, Hooli\n")
    assert rows == {("panelist", "Bo Chen", "Globex", None, "", ""),
                    ("panelist", "Cy Diaz", "Hooli", None, "", "")}
    # a Markdown schedule's title led by its kind
    table = _rows(tmp_path, "schedule.md", "# Schedule\n\n| Time | Session | Speaker |\n"
                  "|---|---|---|\n| 10:00 | Maps | Bo Chen, Globex |\n"
                  "| 11:00 | Panel: Data | Cy Diaz, Tom Fielding |\n")
    assert table == {("speaker", "Bo Chen", "Globex", None, "", ""),
                     ("panelist", "Cy Diaz", "", None, "", ""),
                     ("panelist", "Tom Fielding", "", None, "", "")}


def test_structured_data_a_talks_speakers_given_by_id_in_the_speakers_file_beside_it(tmp_path):
    # `speakers: [s1]` in schedule.json, the people in speakers.json of the same folder: each
    # talk gets its speakers with their companies and its own kind (was: a person named `s`)
    folder = tmp_path / "conf" / "2023"
    folder.mkdir(parents=True)
    (folder / "speakers.json").write_text(json.dumps([
        {"id": "s1", "name": "Helen Marsh", "company": "Acme"},
        {"id": "s2", "name": "Tom Fielding", "company": "Globex"}]), encoding="utf-8")
    (folder / "schedule.json").write_text(json.dumps({"days": [{"slots": [
        {"time": "09:00", "talks": [{"title": "Opening", "type": "keynote", "speakers": ["s1"]}]},
        {"time": "10:00", "talks": [{"title": "Rivers", "speakers": ["s2", "s9"]}]}]}]}),
        encoding="utf-8")

    blocks = registry.get("structured_data").extract(folder / "schedule.json").blocks

    assert [(b.role, b.person_name, b.org_name, b.session) for b in blocks] == [
        ("keynote", "Helen Marsh", "Acme", "Opening"),
        ("speaker", "Tom Fielding", "Globex", "Rivers")]


def test_structured_data_accented_headers_and_name_parts_in_other_languages(tmp_path):
    # `Prénom`, `Établissement` (accents folded, not dropped), `Nom` a family name beside a
    # given one and a whole name alone; Spanish `Nombre` / `Apellidos`; a sponsor list keyed
    # `nombre` / `nivel`
    comite = _rows(tmp_path, "soc/2022/comite.csv", "Nom,Prénom,Établissement,Fonction\n"
                   "Marsh,Helen,Acme University,Présidente\nFielding,Tom,Globex,Membre\n")
    assert {(r[0], r[1], r[2]) for r in comite} == {("chair", "Helen Marsh", "Acme University"),
                                                    ("committee", "Tom Fielding", "Globex")}
    membres = _rows(tmp_path, "soc/2022/membres.csv", "Nom;Établissement\nGrace Hooper;Initech\n")
    assert {(r[1], r[2]) for r in membres} == {("Grace Hooper", "Initech")}
    ponentes = _rows(tmp_path, "soc/2022/ponentes.csv", "Nombre,Apellidos,Institución\n"
                     "Ana,Torres,Lakeside Institute\n")
    assert {(r[1], r[2]) for r in ponentes} == {("Ana Torres", "Lakeside Institute")}
    sponsors = _rows(tmp_path, "soc/2022/patrocinadores.yml",
                     "sponsors:\n  - nombre: Acme\n    nivel: Oro\n  - nombre: Globex\n"
                     "    nivel: Plata\n")
    assert {(r[0], r[2], r[5]) for r in sponsors} == {("sponsor", "Acme", "Oro"),
                                                      ("sponsor", "Globex", "Plata")}


def test_structured_data_an_awards_nominees_are_no_recipients(tmp_path):
    # nominees and candidates have received nothing: no row, and a file of them alone is
    # `empty` and says so
    rows = _rows(tmp_path, "conf/awards.yml", "best_paper_award:\n  winner: Helen Marsh\n"
                 "  nominees:\n    - Tom Fielding\n    - Grace Hooper\n")
    assert {(r[0], r[1], r[4]) for r in rows} == {
        ("award_recipient", "Helen Marsh", "Best Paper Award")}
    path = tmp_path / "conf" / "2025" / "award_candidates.csv"
    path.parent.mkdir(parents=True)
    path.write_text("paper_id,title,authors,award\n12,Rivers,\"Ann Lee, Bo Chen\",Best Paper\n",
                    encoding="utf-8")
    extraction = registry.detect(path).extract(path)
    assert extraction.status == "empty" and extraction.blocks == []
    assert "2 nominees of an award and no recipient" in extraction.message

"""Line parsers: `Name, Title, Org`, grouped affiliations, paragraph line joining."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.line_shapes import Person, name_list_items, parse_people
from pipeline.text.lines import clean_name
from pipeline.text.paragraphs import logical_lines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ann Lee, Bo Chen, Duke University; Cy Diaz, MIT",
         [("Ann Lee", "Duke University", ""), ("Bo Chen", "Duke University", ""), ("Cy Diaz", "MIT", "")]),
        ("Dr. Jane Doe, PhD, Director of Talent, Acme Corp",
         [("Jane Doe", "Acme Corp", "Director of Talent")]),
        ("Eric Rosad, Ashley Bass, GitHub Education , David J. Malan, Harvard University",
         [("Eric Rosad", "GitHub Education", ""), ("Ashley Bass", "GitHub Education", ""),
          ("David J. Malan", "Harvard University", "")]),
        ("Jean Ryoo, University of California, Los Angeles",
         [("Jean Ryoo", "University of California, Los Angeles", "")]),
        ("Dan Garcia, UC Berkeley ; Jim Huggins, Kettering University",
         [("Dan Garcia", "UC Berkeley", ""), ("Jim Huggins", "Kettering University", "")]),
        ("Cindy Tucker, Bluegrass Community and Technical College",
         [("Cindy Tucker", "Bluegrass Community and Technical College", "")]),
        ("Kairit Sirts, Jacob Eisenstein, Micha Elsner, and Sharon Goldwater",
         [("Kairit Sirts", "", ""), ("Jacob Eisenstein", "", ""), ("Micha Elsner", "", ""),
          ("Sharon Goldwater", "", "")]),
        ("Marshall An, Amy J. Ko, University of Washington",
         [("Marshall An", "University of Washington", ""), ("Amy J. Ko", "University of Washington", "")]),
        # brackets after a name and a title hold the organization's acronym, not its people
        ("Mr. Tom Fielding, Lead, Open Tile Toolkit (OTT)",
         [("Tom Fielding", "Open Tile Toolkit (OTT)", "Lead")]),
        ("Ann Lee (MIT), Bo Chen (Yale)", [("Ann Lee", "MIT", ""), ("Bo Chen", "Yale", "")]),
    ],
)
def test_lines_parse_people(line, expected):
    assert [(p.name, p.org, p.title) for p in parse_people(line)] == expected


@pytest.mark.parametrize(
    "text",
    ["Room: Providence Ballroom I/IV (Omni)", "Lunch Break (on your own)", "Executive Director",
     "Program Chairs", "Peer Grading Without Protest: The SPARK Approach", "12:00 pm - 1:45 pm",
     "(Streaming Room)", "Local Arrangements", "Panel Session", "UC Berkeley"],
)
def test_lines_traps_are_not_names(text):
    assert parse_people(text) == []


def test_lines_logical_lines_joins_wrapped_names_and_keeps_one_per_line():
    assert logical_lines("Kai Presler-Marshall, Sarah\nHeckman, Kathryn T. Stolee,\nNorth Carolina State University") == [
        "Kai Presler-Marshall, Sarah Heckman, Kathryn T. Stolee, North Carolina State University"]
    assert logical_lines("Jane Doe, MIT\nBo Li, Stanford University") == [
        "Jane Doe, MIT", "Bo Li, Stanford University"]
    assert logical_lines("Jane Doe\nBo Li") == ["Jane Doe", "Bo Li"]
    assert logical_lines("Approach to Summative\nPeer Assessment") == [
        "Approach to Summative Peer Assessment"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_lines_parsers_never_raise_and_stay_inside_input(text):
    people = parse_people(text)
    for person in people:
        assert isinstance(person, Person)
        for token in person.name.split():
            assert token.lower() in text.lower()
    logical_lines(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_lines_clean_name_is_idempotent(text):
    once = clean_name(text)
    assert clean_name(once) == once


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Issue 3 causes 7, 8, 10: departments after a comma title, credentials, company words.
        ("Felicia Grant, VP, Workforce Strategy, CareStaff Solutions",
         [("Felicia Grant", "CareStaff Solutions", "VP, Workforce Strategy")]),
        ("Karen Liu, MHA, FACHE, Chief Operating Officer, Riverside Health System",
         [("Karen Liu", "Riverside Health System", "Chief Operating Officer")]),
        ("Julia Hartmann, Summit Valley Health", [("Julia Hartmann", "Summit Valley Health", "")]),
        ("Hal Daumé III, Tengyu Ma, and Md Rashad",
         [("Hal Daumé III", "", ""), ("Tengyu Ma", "", ""), ("Md Rashad", "", "")]),
    ],
)
def test_lines_parse_people_issue_3(line, expected):
    assert [(p.name, p.org, p.title) for p in parse_people(line)] == expected


def test_lines_logical_lines_wrapped_tails_and_split_parentheses():
    assert logical_lines(
        "Ben Schultz, Director of Client Services, Clearpath\nBackground Screening\n"
        "Jordan Reyes, Partner, Keller & Moss LLP") == [
        "Ben Schultz, Director of Client Services, Clearpath Background Screening",
        "Jordan Reyes, Partner, Keller & Moss LLP"]
    assert logical_lines("DeShawn Carter (Pinecrest Insurance); Marcus\nBell (Brightpath)") == [
        "DeShawn Carter (Pinecrest Insurance); Marcus Bell (Brightpath)"]


def test_lines_author_line_below_a_title_is_a_line_of_its_own():
    # Issue 3: ACL handbooks print a paper's title, then its authors.
    assert logical_lines("Language to Logical Form with Neural Attention\nLi Dong and Mirella "
                         "Lapata") == ["Language to Logical Form with Neural Attention",
                                       "Li Dong and Mirella Lapata"]
    assert logical_lines("Less Grammar, More Features\nDavid Hall, Greg Durrett, and Dan "
                         "Klein")[1] == "David Hall, Greg Durrett, and Dan Klein"
    assert logical_lines("Business Manager\nPriscilla Rasmussen") == [
        "Business Manager", "Priscilla Rasmussen"]
    # Wrapped titles stay one line, even when the tail is name-shaped.
    assert len(logical_lines("Variations in Collaboration Across\nDemographic Groups",
                             split_names=True)) == 1
    assert len(logical_lines("Design and Use of a Visualization for Teaching\nInteger "
                             "Coercion")) == 1
    assert logical_lines("Perplexity on Reduced Corpora\nHayato Kobayashi", split_names=True) == [
        "Perplexity on Reduced Corpora", "Hayato Kobayashi"]
    # A bullet starts an entry (ACL 2016 workshop programs: `• Title` / authors).
    lines = logical_lines("Víctor M. Sánchez-Cartagena and Antonio Toral\n• Edinburgh Neural")
    assert lines == ["Víctor M. Sánchez-Cartagena and Antonio Toral", "• Edinburgh Neural"]
    assert logical_lines("Unigrams and Beyond\nBeata Beigman Klebanov and Ben Leong\n"
                         "11:30–12:00 Metaphor Detection") == [
        "Unigrams and Beyond", "Beata Beigman Klebanov and Ben Leong",
        "11:30–12:00 Metaphor Detection"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Rui Cai, Xiaodong Zhang, and Houfeng WANG",
         ["Rui Cai", "Xiaodong Zhang", "Houfeng WANG"]),
        ("Wang Ling, Fumin Wang, and Andrew Senior", ["Wang Ling", "Fumin Wang", "Andrew Senior"]),
        ("Denis Paperno, Nghia The Pham, and Marco Baroni",
         ["Denis Paperno", "Nghia The Pham", "Marco Baroni"]),
        ("Jane Doe, Xerox PARC", []),
        ("Suzanne Matthews, United States Military Academy, West Point", []),
        ("Ann Lee, Exhibit Hall", []),
        ("Ann Lee, UC Berkeley", []),
    ],
)
def test_lines_name_list_items_loose_names_only_between_names(line, names):
    assert name_list_items(line) == names


def test_lines_surname_in_capitals_is_a_name_not_an_acronym():
    from pipeline.text.line_shapes import parse_people

    assert [p.name for p in parse_people("Doç. Dr. Mehmet Ali ÖZTÜRK")] == ["Mehmet Ali ÖZTÜRK"]
    assert [(p.name, p.org) for p in parse_people("Laurent PECASTAING, Pau University")] == [
        ("Laurent PECASTAING", "Pau University")]
    assert parse_people("UC Berkeley") == []


def test_a_title_below_an_organization_or_a_name_is_a_line_of_its_own():
    from pipeline.text.paragraphs import logical_lines

    assert logical_lines("Helen Marsh\nUniversity of Leeds\nThe Changing Role of the Court "
                         "in Planning Disputes") == [
        "Helen Marsh", "University of Leeds", "The Changing Role of the Court in Planning Disputes"]
    assert logical_lines("Ann Lee, Tom Fielding and\nGrace Hooper\nLearning to Argue from "
                         "Precedent in Court") == [
        "Ann Lee, Tom Fielding and Grace Hooper", "Learning to Argue from Precedent in Court"]
    assert logical_lines("Helen Marsh, University of\nLeeds") == ["Helen Marsh, University of Leeds"]


def test_lines_names_with_an_elided_particle():
    # `d'`, `dell'`, `l'` before a capitalized surname are particles, never a name's first word
    from pipeline.text.lines import looks_like_name

    assert looks_like_name("Helen d'Arcy") and looks_like_name("Grace dell'Orto")
    assert looks_like_name("Peter l'Huillier Lyle")
    assert not looks_like_name("d'Arcy Hall") and not looks_like_name("Tom d'arcy")

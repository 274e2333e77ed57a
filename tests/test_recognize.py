"""Recognize: layout cues and line rules on hand-built blocks."""

import pytest

from pipeline.stages.recognize import find_appearances
from pipeline.tables import Block


def _b(text, page=1, *, x0=50.0, top=100.0, size=9.0, bold=False, hint=""):
    return Block(text=text, page=page, x0=x0, top=top, x1=x0 + 100, bottom=top + size, size=size,
                 bold=bold, role_hint=hint or ("bold" if bold else ""))


def _rows(apps):
    return [(a.role, a.person_name, a.org_name, a.sponsor_tier, a.booth) for a in apps]


def test_recognize_inline_labels_and_grouped_affiliations():
    blocks = [
        _b("Panel Session", bold=True),
        _b("Moderator: Ann Lee, Duke University", top=120),
        _b("Panelists: Bo Chen, Cy Diaz, MIT; Di Fox, Yale University", top=140),
    ]
    assert _rows(find_appearances(blocks)) == [
        ("moderator", "Ann Lee", "Duke University", "", ""),
        ("panelist", "Bo Chen", "MIT", "", ""),
        ("panelist", "Cy Diaz", "MIT", "", ""),
        ("panelist", "Di Fox", "Yale University", "", ""),
    ]


def test_recognize_chair_label_alone_carries_only_to_the_block_below():
    blocks = [
        _b("Collaboration: Peer Assessment", bold=True),
        _b("Chair:", top=120),
        _b("Jane Roe, Rowan University", top=131),
        _b("Room: 554 A/B", top=150, bold=True),
        _b("Kai Li, Sarah Heckman, North Carolina State University", x0=300, top=100),
    ]
    apps = find_appearances(blocks)
    assert _rows(apps)[0] == ("chair", "Jane Roe", "Rowan University", "", "")
    assert {a.role for a in apps[1:]} == {"speaker"}
    assert apps[0].session == "Collaboration: Peer Assessment"


def test_recognize_sponsor_tiers_and_exhibitor_booths():
    blocks = [
        _b("Sponsors", size=16, hint="heading"),
        _b("Platinum Sponsors", bold=True, top=130),
        _b("Google\nMicrosoft", top=150),
        _b("Gold", bold=True, top=180),
        _b("Oracle Academy", top=200),
        _b("Exhibitors", size=16, hint="heading", page=2),
        _b("Cengage Learning 412\nzyBooks 305", page=2, top=130),
    ]
    assert _rows(find_appearances(blocks)) == [
        ("sponsor", "", "Google", "Platinum", ""),
        ("sponsor", "", "Microsoft", "Platinum", ""),
        ("sponsor", "", "Oracle Academy", "Gold", ""),
        ("exhibitor", "", "Cengage Learning", "", "412"),
        ("exhibitor", "", "zyBooks", "", "305"),
    ]


def test_recognize_committee_subheadings_keep_the_committee_role():
    blocks = [
        _b("Symposium Committee", size=18, hint="heading"),
        _b("Workshops", bold=True, size=9.5, top=130),
        _b("Bo Brinkman, Miami University\nMichelle Craig, University of Toronto", top=142),
        _b("Database Administrators", bold=True, size=9.5, top=170),
        _b("Brad Miller, Luther College", top=182),
    ]
    assert [(a.role, a.person_name) for a in find_appearances(blocks)] == [
        ("committee", "Bo Brinkman"), ("committee", "Michelle Craig"), ("committee", "Brad Miller")]


# Strings taken from the real corpus (rooms, session titles, times, job titles): never people.
TRAPS = [
    "Room: Providence Ballroom I/IV (Omni)", "(Streaming Room)", "Lunch Break (on your own)",
    "12:00 pm - 1:45 pm", "First Timer's Lunch", "Paper Sessions • 1:45 pm - 3:00 pm",
    "POSSE Roundup – Student Participation in Humanitarian Open Source Software",
    "Predicting Success", "Local Arrangements Chair", "Program Committee Chairs",
    "Business Manager", "Exhibit Hall Pre-Function (RICC)", "(See page 00 for abstract)",
    # Wrapped paper titles whose last line is name-shaped (SIGCSE 2016, 2017, 2022).
    "Observations of Pair Programming: Variations in Collaboration Across\nDemographic Groups",
    "Design and Use of a Visualization for Teaching\nInteger Coercion",
    "Standards-Aligned Instructional Supports to Promote Computer Science Teachers' "
    "Pedagogical\nContent Knowledge",
    "Elementary Students' Understanding of Variables in Computational Thinking-Integrated "
    "Instruction: A\nMixed Methods Study",
    "Variable Evaluation: an Exploration of Novice\nProgrammers' Understanding and Common "
    "Misconceptions",
    "Reviewing Coordinators", "Suzanne Matthews, United States Military Academy, West Point",
]


@pytest.mark.parametrize("trap", TRAPS)
def test_recognize_traps_name_nobody(trap, nlp):
    blocks = [_b("Paper Session", bold=True), _b(trap, top=120)]
    names = [a.person_name for a in find_appearances(blocks, nlp=nlp) if a.person_name]
    assert names in ([], ["Suzanne Matthews"])


def test_recognize_chair_label_names_one_person_not_the_speakers_below():
    # Issue 3 cause 1: `Chair: Name` then unlabeled speaker lines.
    blocks = [
        _b("Building a Skills-Based Hiring Program", bold=True),
        _b("Chair: Priya Natarajan, VP, Talent Acquisition,\nCobalt Logistics\n"
           "Marcus Bell, Principal, Brightpath Consulting", top=120),
    ]
    assert [(a.role, a.person_name) for a in find_appearances(blocks)] == [
        ("chair", "Priya Natarajan"), ("speaker", "Marcus Bell")]


def test_recognize_panel_role_ends_with_the_next_session_title(nlp):
    # Issue 3 cause 2: a bold title after a panel names a new session, and no one.
    blocks = [
        _b("Panel: Recruiting in a Tight Labor Market", bold=True),
        _b("Moderator: Ann Lee, Duke University\nPanelists:\nBo Chen, Acme Corp", top=120),
        _b("Workplace Investigations", bold=True, top=200),
        _b("Jordan Reyes, Partner, Keller & Moss LLP", top=215),
    ]
    assert [(a.role, a.person_name) for a in find_appearances(blocks, nlp=nlp)] == [
        ("moderator", "Ann Lee"), ("panelist", "Bo Chen"), ("speaker", "Jordan Reyes")]


def test_recognize_letter_signature_is_an_organizer():
    # Issue 3 cause 5: the signer of a welcome letter, credential and title on separate lines.
    blocks = [
        _b("Welcome", size=15, hint="heading"),
        _b("Welcome to Denver. Over three days you will hear from practitioners who run talent "
           "acquisition.\nPlease take time to visit our exhibitors and thank the sponsors.",
           top=120),
        _b("Naomi Feld, CAE\nExecutive Director, Association for Talent & People Operations",
           top=160),
    ]
    assert [(a.role, a.person_name, a.org_name, a.title) for a in find_appearances(blocks)] == [
        ("organizer", "Naomi Feld", "Association for Talent & People Operations",
         "Executive Director")]


def test_recognize_keynotes_in_capitals_and_in_an_at_a_glance_table():
    # Issue 3 cause 4.
    blocks = [
        _b("Program at a Glance", size=18, hint="heading"),
        _b("Registration and Breakfast\nOpening Keynote: Angela Brooks\nConcurrent Sessions",
           top=120),
        _b("Keynote Address", size=15, hint="heading", page=2),
        _b("DR. JAMES WHITFIELD", size=13, bold=True, hint="heading", page=2, top=120),
        _b("President and CEO, St. Brendan Medical Center", page=2, top=135),
    ]
    assert [(a.role, a.person_name) for a in find_appearances(blocks)] == [
        ("keynote", "Angela Brooks"), ("keynote", "James Whitfield")]


def test_recognize_awards_committee_and_surname_first_recipients():
    # Issue 3 cause 6: `Last, First` in a table column; `Awards Committee` is a committee.
    blocks = [
        _b("Awards Committee", size=13, hint="heading"),
        _b("DeShawn Carter, Pinecrest Insurance", top=120),
        _b("Past Recipients", size=16, hint="heading", page=2),
        _b("Brooks, Angela\nKim, Grace", page=2, top=120),
        _b("Lakeshore University\nFernway Software", page=2, top=120, x0=300),
    ]
    assert [(a.role, a.person_name) for a in find_appearances(blocks)] == [
        ("committee", "DeShawn Carter"), ("award_recipient", "Brooks, Angela"),
        ("award_recipient", "Kim, Grace")]


def test_recognize_sponsor_lines_are_org_shaped():
    # Issue 3 cause 11 and SIGCSE 2017 p. 38: a platinum sponsor set large is kept; addresses,
    # descriptions and talk titles under a sponsor heading are not sponsors.
    blocks = [
        _b("Sponsors", size=18, hint="heading"),
        _b("Platinum Sponsors", bold=True, top=120),
        _b("Brightpath Consulting", size=12, hint="heading", top=135),
        _b("Gold Sponsors", bold=True, top=150),
        _b("Keller & Moss LLP\n500 Oracle Parkway\nRedwood Shores, CA 94065\nwww.oracle.com",
           top=165),
        _b("Peer Review in CS1: Lessons From Five Semesters\nthe most powerful grading system",
           top=220),
    ]
    assert _rows(find_appearances(blocks)) == [
        ("sponsor", "", "Brightpath Consulting", "Platinum", ""),
        ("sponsor", "", "Keller & Moss LLP", "Gold", ""),
    ]


# Paper titles with their author lines, as in the ACL handbooks (issue 3).
AUTHOR_BLOCKS = [
    "Sparser, Better, Faster GPU Parsing\nDavid Hall, Taylor Berg-Kirkpatrick, and Dan Klein",
    "Learning Continuous Phrase Representations for Translation Modeling\n"
    "Jianfeng Gao, Xiaodong He, Wen-tau Yih, and Li Deng",
    "Language to Logical Form with Neural Attention\nLi Dong and Mirella Lapata",
    "Jointly Event Extraction and Visualization on Twitter via Probabilistic Modelling\n"
    "Deyu ZHOU, Tianmeng Gao, and Yulan He",
    "A practical and linguistically-motivated approach to compositional distributional "
    "semantics\nDenis Paperno, Nghia The Pham, and Marco Baroni",
]


def test_recognize_author_lines_below_paper_titles(nlp):
    blocks = [_b("Session 3B: Information Extraction I", size=14, hint="heading")]
    blocks += [_b(text, top=120 + 30 * i) for i, text in enumerate(AUTHOR_BLOCKS)]
    names = [a.person_name for a in find_appearances(blocks, nlp=nlp)]
    assert names == [
        "David Hall", "Taylor Berg-Kirkpatrick", "Dan Klein", "Jianfeng Gao", "Xiaodong He",
        "Wen-tau Yih", "Li Deng", "Li Dong", "Mirella Lapata", "Deyu ZHOU", "Tianmeng Gao",
        "Yulan He", "Denis Paperno", "Nghia The Pham", "Marco Baroni"]


def test_recognize_single_author_below_a_title_only_in_an_author_layout(nlp):
    single = _b("Perplexity on Reduced Corpora\nHayato Kobayashi", top=600)
    alone = [_b("Paper Session", bold=True), single]
    assert find_appearances(alone, nlp=nlp) == []
    layout = [_b(text, top=100 + 10 * i) for i, text in enumerate(AUTHOR_BLOCKS * 2)]
    names = [a.person_name for a in find_appearances(layout + [single], nlp=nlp)]
    assert names[-1] == "Hayato Kobayashi"


def test_recognize_sponsor_tiers_and_committees_named_in_running_text(nlp):
    # Issue 3, SIGCSE 2017 p. 5: a welcome letter thanks sponsors by tier and lists the
    # committee in parentheses; a list in parentheses after no role phrase names no one.
    blocks = [
        _b("Welcome", size=15, hint="heading"),
        _b("Our program committee members (Ruth Anderson, Bo Brinkman, Alison Clear, and Tom "
           "Cortina) have worked tirelessly on many details. We thank the speakers (Ann Lee, "
           "Bo Chen, and Cy Diaz) too.", top=120),
        _b("Our supporters make the Symposium possible. We especially wish to thank our platinum "
           "supporters: Google, IBM, and Vocareum; our gold supporters: Oracle Academy and "
           "ZyBooks; and our bronze supporter: NVIDIA.", top=200),
    ]
    assert _rows(find_appearances(blocks, nlp=nlp)) == [
        ("committee", "Ruth Anderson", "", "", ""), ("committee", "Bo Brinkman", "", "", ""),
        ("committee", "Alison Clear", "", "", ""), ("committee", "Tom Cortina", "", "", ""),
        ("sponsor", "", "Google", "Platinum", ""), ("sponsor", "", "IBM", "Platinum", ""),
        ("sponsor", "", "Vocareum", "Platinum", ""), ("sponsor", "", "Oracle Academy", "Gold", ""),
        ("sponsor", "", "ZyBooks", "Gold", ""), ("sponsor", "", "NVIDIA", "Bronze", ""),
    ]


def test_recognize_supporter_sessions_and_sponsored_by_name_sponsors():
    # Issue 3, SIGCSE 2016: sponsors are printed only as the givers of supporter sessions.
    blocks = [
        _b("Paper Session", bold=True),
        _b("Supporter Session: Vocareum (room: River Bluff)\nAssessment at Scale", top=120),
        _b("Networking lunch sponsored by Keller & Moss LLP.", top=150),
    ]
    assert _rows(find_appearances(blocks)) == [
        ("sponsor", "", "Vocareum", "", ""), ("sponsor", "", "Keller & Moss LLP", "", "")]


def test_recognize_name_then_organization_without_an_organization_word(nlp):
    # Industry programs print `Name, Company` where the company reads like a name; NER reading
    # the two together tells a company from a second person.
    blocks = [
        _b("Opening Keynotes", bold=True),
        _b("Keynote: Jane Doe, Goldman Sachs", top=120),
        _b("Keynote: Priya Patel, Johnson & Johnson", top=140),
        _b("Keynote: Françoise Dupré, Société Générale", top=160),
        _b("Keynote: Ann Lee, Bo Chen", top=180),
        _b("Panelists: Hongxiao Liu, Mo Shen", top=200),
    ]
    assert _rows(find_appearances(blocks, nlp=nlp)) == [
        ("keynote", "Jane Doe", "Goldman Sachs", "", ""),
        ("keynote", "Priya Patel", "Johnson & Johnson", "", ""),
        ("keynote", "Françoise Dupré", "Société Générale", "", ""),
        ("keynote", "Ann Lee", "", "", ""),
        ("keynote", "Bo Chen", "", "", ""),
        ("panelist", "Hongxiao Liu", "", "", ""),
        ("panelist", "Mo Shen", "", "", ""),
    ]


def test_recognize_industry_program_lines(nlp):
    blocks = [
        _b("Breakout 1A: Building Inclusive Teams", bold=True),
        _b("Moderated by Robert Chen, Globex Corporation", top=120),
        _b("Presented by: Maria Lopez and David Kim", top=140),
        _b("Speaker: Samantha Green - VP, Talent Acquisition - Initech", top=160),
        _b("Featuring: Karen White of Wayne Enterprises", top=180),
        _b("Panelists: Alex Turner (he/him), Stark Industries; Priya Shah, MBA, CPA, Deloitte; "
           "Tom Becker, Cyberdyne Systems", top=200),
        _b("Two Birds - Teaching Coding and Math in Primary Schools", top=220),
        _b("2023 Lifetime Achievement Award: Linda Park, Hooli", top=240),
        _b("Platinum Sponsors: Acme Corp, Globex Corporation, Initech", top=260),
    ]
    apps = find_appearances(blocks, nlp=nlp)
    assert [(a.role, a.person_name, a.org_name, a.title) for a in apps if a.person_name] == [
        ("moderator", "Robert Chen", "Globex Corporation", ""),
        ("speaker", "Maria Lopez", "", ""),
        ("speaker", "David Kim", "", ""),
        ("speaker", "Samantha Green", "Initech", "VP, Talent Acquisition"),
        ("speaker", "Karen White", "Wayne Enterprises", ""),
        ("panelist", "Alex Turner", "Stark Industries", ""),
        ("panelist", "Priya Shah", "Deloitte", ""),
        ("panelist", "Tom Becker", "Cyberdyne Systems", ""),
        ("award_recipient", "Linda Park", "Hooli", ""),
    ]
    assert [a.award for a in apps if a.role == "award_recipient"] == [
        "2023 Lifetime Achievement Award"]
    assert [(a.org_name, a.sponsor_tier) for a in apps if a.role == "sponsor"] == [
        ("Acme Corp", "Platinum"), ("Globex Corporation", "Platinum"), ("Initech", "Platinum")]


def test_recognize_name_title_and_organization_stacked_on_three_lines(nlp):
    blocks = [
        _b("Breakout 1C: HR Analytics", bold=True),
        _b("Emily Zhang", top=120), _b("Director, People Analytics", top=131),
        _b("Soylent Foods", top=142),
        _b("Michael O'Brien", top=170), _b("Senior Consultant", top=181),
        # A talk title over its speaker's line is no stacked entry.
        _b("Reddit Bot", top=210), _b("Mike Izbicki, Claremont McKenna College", top=221),
    ]
    assert [(a.person_name, a.org_name, a.title) for a in find_appearances(blocks, nlp=nlp)] == [
        ("Emily Zhang", "Soylent Foods", "Director, People Analytics"),
        ("Michael O'Brien", "", "Senior Consultant"),
        ("Mike Izbicki", "Claremont McKenna College", ""),
    ]


def test_recognize_schedule_rows_and_board_officers(nlp):
    blocks = [
        _b("Tuesday, May 7", bold=True),
        _b("9:00 AM - 10:00 AM Opening Keynote: Reinventing Work - Jane Doe, Chief People "
           "Officer, Acme Corp", top=120),
        _b("10:15 AM - 11:15 AM Panel: AI in Recruiting - Moderator: Robert Chen (Globex); "
           "Panelists: Ana Silva (Initech), Tom Becker (Cyberdyne)", top=140),
        _b("14:20–15:10 Keynote: Raia Hadsell (DeepMind)", top=160),
        _b("Board of Directors", bold=True, top=200),
        _b("President: Samuel Osei, Osei People Analytics", top=220),
        _b("Vice President: Grace Kim, Umbrella Health", top=240),
    ]
    assert [(a.role, a.person_name, a.org_name, a.title)
            for a in find_appearances(blocks, nlp=nlp)] == [
        ("keynote", "Jane Doe", "Acme Corp", "Chief People Officer"),
        ("moderator", "Robert Chen", "Globex", ""),
        ("panelist", "Ana Silva", "Initech", ""),
        ("panelist", "Tom Becker", "Cyberdyne", ""),
        ("keynote", "Raia Hadsell", "DeepMind", ""),
        # an officer's label is her office: the title (session 16)
        ("board", "Samuel Osei", "Osei People Analytics", "President"),
        ("board", "Grace Kim", "Umbrella Health", "Vice President"),
    ]


def test_recognize_recipients_dated_under_their_award_heading(nlp):
    blocks = [
        _b("Distinguished Service Award", hint="heading"),
        _b("2023 — Jane Doe, Acme Corp", top=120),
        _b("2021: Ann Lee (Initech)", top=140),
        _b("Fellows", hint="heading", top=160),
        _b("Class of 2023: Tom Brown, Procter & Gamble; Lisa Wong, Wong Coaching LLC", top=180),
    ]
    assert [(a.role, a.person_name, a.org_name, a.award, a.year)
            for a in find_appearances(blocks, nlp=nlp, year=2024)] == [
        ("award_recipient", "Jane Doe", "Acme Corp", "Distinguished Service Award", 2023),
        ("award_recipient", "Ann Lee", "Initech", "Distinguished Service Award", 2021),
        ("award_recipient", "Tom Brown", "Procter & Gamble", "Fellows", 2023),
        ("award_recipient", "Lisa Wong", "Wong Coaching LLC", "Fellows", 2023),
    ]


def test_recognize_titled_lines_under_a_committee_heading(nlp):
    blocks = [
        _b("Conference Committee", hint="heading"),
        _b("Conference Co-Chairs: Jane Doe, Acme Corp; Bo Li, Globex Corporation", top=120),
        _b("Planning Committee: Ann Lee, Maria Garcia, Wei Chen", top=140),
        _b("Volunteer Coordinator: Tom Brown, Hooli", top=160),
    ]
    assert [(a.role, a.person_name, a.org_name) for a in find_appearances(blocks, nlp=nlp)] == [
        ("chair", "Jane Doe", "Acme Corp"), ("chair", "Bo Li", "Globex Corporation"),
        ("committee", "Ann Lee", ""), ("committee", "Maria Garcia", ""),
        ("committee", "Wei Chen", ""), ("committee", "Tom Brown", "Hooli"),
    ]


def test_recognize_shapes_of_unseen_programs(nlp):
    """Shapes issue 17 names from programs of other fields: a speaker with organization and
    country after a time slot (the quoted title on the next line), `Name (Org): Title`,
    labels in other languages and numbered or piped labels, pipe-separated names."""
    lines = ["Session 3: Imaging", "Chair: Maria Rossi, University of Milan",
             "09:00 – 09:20 Anna Kowalska (Jagiellonian University, Poland):",
             "\"Cytology of the thyroid revisited\"", "11:30 John Smith (MIT): Scaling laws",
             "Vorsitz: Hans Weber", "座長：山田 太郎", "Keynote II | Ricardo Ferreira",
             "Round Table", "Hugo Penedones | Luís Valente | Nuno Cerqueira"]
    headings = ("Session 3: Imaging", "Round Table")
    blocks = [Block(text=line, page=1, role_hint="heading" if line in headings else "")
              for line in lines]

    found = {(a.role, a.person_name, a.org_name) for a in find_appearances(blocks, nlp=nlp)}

    assert {("chair", "Maria Rossi", "University of Milan"),
            ("speaker", "Anna Kowalska", "Jagiellonian University, Poland"),
            ("speaker", "John Smith", "MIT"), ("chair", "Hans Weber", ""),
            ("keynote", "Ricardo Ferreira", ""), ("panelist", "Hugo Penedones", ""),
            ("panelist", "Luís Valente", ""), ("panelist", "Nuno Cerqueira", "")} <= found
    assert not any("Cytology" in name or "Scaling" in name for _, name, _ in found)


def test_a_session_kind_line_gives_the_names_below_it_their_role(nlp):
    """`Invited talk` after a time slot makes the names below it keynotes until a break; a
    parallel session's names are speakers (the shapes of the householder, JURIX and APSIG
    programs)."""
    blocks = [
        _b("14.00 – 15.00 Invited talk", top=100),
        _b("Helen Marsh\nUniversity of Leeds", x0=120, top=120),
        _b("Learning to Argue from Precedent", top=150),
        _b("15.00 – 15.30 Coffee Break", top=180),
        _b("Parallel session (15:30–17:00)", top=200),
        _b("Tom Fielding, University of Bristol", top=220),
    ]
    rows = {(a.role, a.person_name) for a in find_appearances(blocks, nlp=nlp) if a.person_name}
    assert rows == {("keynote", "Helen Marsh"), ("speaker", "Tom Fielding")}


def test_name_title_rows_leave_the_organization_empty(nlp):
    """A program that prints `Name , Talk title` (householder 2025): the titles are no
    organizations, since most of the slots read as titles."""
    blocks = [_b(text, top=100 + 20 * i) for i, text in enumerate([
        "Helen Marsh , Randomized Solvers for Sparse Least Squares",
        "Tom Fielding , A fast algorithm for low-rank approximation",
        "Grace Hooper , On the convergence of block Krylov methods",
        "Peter Lyle , Mixed precision in eigenvalue problems",
    ])]
    rows = {(a.person_name, a.org_name) for a in find_appearances(blocks, nlp=nlp)}
    assert rows == {("Helen Marsh", ""), ("Tom Fielding", ""), ("Grace Hooper", ""),
                    ("Peter Lyle", "")}


def test_a_heading_after_a_keynotes_people_ends_the_keynote(nlp):
    """SIGCSE 2017: the keynote's page, then `Pre-Symposium Events` over workshop leaders."""
    blocks = [
        _b("Keynote Session", hint="heading", top=80),
        _b("Helen Marsh, University of Leeds", top=100),
        _b("Pre-Symposium Events", hint="heading", page=2, top=80),
        _b("Department Chairs Roundtable", page=2, top=100),
        _b("Tom Fielding, University of Bristol", page=2, top=120),
    ]
    rows = {(a.role, a.person_name) for a in find_appearances(blocks, nlp=nlp) if a.person_name}
    assert rows == {("keynote", "Helen Marsh"), ("speaker", "Tom Fielding")}


@pytest.mark.parametrize("text, chairs", [
    ("Nominations should be sent by e-mail to either chair of the award committee, Prof. Dr. "
     "Helen Marsh or Assoc. Prof. Dr. Tom Fielding. The prize is awarded every two years.",
     {"Helen Marsh", "Tom Fielding"}),
    ("We thank the general chair Grace Hooper, the ACL Business Manager Ann Lee who knew "
     "everything, and the publication chairs Peter Lyle and Bo Chen for their help with this "
     "volume. We hope you will enjoy the meeting.",
     {"Grace Hooper", "Peter Lyle", "Bo Chen"}),
    ("The chairs are grateful to all reviewers for their careful work this year.", set()),
])
def test_running_text_names_chairs_after_their_role_phrase(nlp, text, chairs):
    """A one-page award call names its committee's chairs in prose (issue 17); a welcome letter
    thanks its chairs by role (ACL 2014)."""
    found = find_appearances([_b(text, top=100)], nlp=nlp)
    assert {a.person_name for a in found if a.role == "chair"} == chairs


def test_two_sponsors_set_large_under_a_tier_keep_the_tier():
    """The bundled sample's 2023 programs print their two platinum sponsors large, stacked."""
    blocks = [
        _b("Thank You to Our Sponsors", hint="heading", size=18, top=60),
        _b("Platinum Sponsors", bold=True, size=11, top=90),
        _b("Northwind Traders\nContoso Analytics", hint="heading", size=12, top=110),
        _b("Gold Sponsors", bold=True, size=11, top=150),
        _b("Fabrikam Labs", size=10, top=170),
    ]
    assert {(a.org_name, a.sponsor_tier) for a in find_appearances(blocks)} == {
        ("Northwind Traders", "Platinum"), ("Contoso Analytics", "Platinum"),
        ("Fabrikam Labs", "Gold")}


def test_recognize_an_award_for_a_kind_of_work_heads_its_winners(nlp):
    # `Best Student Paper` holds the speaker word `paper`; under it are the award's winners,
    # while a `Best Paper Session` is a session of speakers.
    blocks = [
        _b("Awards", hint="heading", size=16),
        _b("Best Student Paper", hint="heading", size=12, top=120),
        _b("Helen Marsh, University of Avalon", top=140),
        _b("Best Paper Session", hint="heading", size=12, top=160),
        _b("Tom Fielding, Northfield Institute", top=180),
    ]
    apps = find_appearances(blocks, nlp=nlp)
    assert [(a.role, a.person_name, a.award) for a in apps] == [
        ("award_recipient", "Helen Marsh", "Best Student Paper"),
        ("speaker", "Tom Fielding", ""),
    ]


def test_recognize_award_headings_give_their_year_not_their_name(nlp):
    blocks = [
        _b("Best Paper Award 2021", hint="heading", size=14),
        _b("Helen Marsh and Tom Fielding", top=120),
        _b("Distinguished Service Award", hint="heading", size=14, top=140),
        _b("2019", hint="heading", size=12, top=160),
        _b("Grace Hooper and Peter Lyle", top=180),
    ]
    apps = find_appearances(blocks, nlp=nlp, year=2024)
    assert [(a.person_name, a.award, a.year) for a in apps] == [
        ("Helen Marsh", "Best Paper Award", 2021), ("Tom Fielding", "Best Paper Award", 2021),
        ("Grace Hooper", "Distinguished Service Award", 2019),
        ("Peter Lyle", "Distinguished Service Award", 2019)]

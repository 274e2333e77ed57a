"""Program lines of shapes the recognizer was not written for, from many languages and fields
(issue 17): each block is a heading and the lines below it, as a PDF program prints them.

The names are made up; the shapes are the ones programs print: organizations named in their
own language (`Ege Üniversitesi`), surnames set first in capitals (`KAYA Mehmet`), a talk's
title and its speaker on one line after the time, and authors numbered to their affiliations.
"""

import re
from dataclasses import replace

import pytest

from pipeline.stages.recognize import find_appearances
from pipeline.tables import Block


def _blocks(*texts):
    return [Block(text=t, page=1, x0=50.0, top=100.0 + 20 * i, x1=400.0, bottom=110.0 + 20 * i,
                  size=9.0, bold=i == 0, role_hint="bold" if i == 0 else "")
            for i, t in enumerate(texts)]


@pytest.mark.parametrize(("texts", "expected"), [
    (("Session 3: Soil Health", "Chair: Prof. Dr. Ayşe Yılmaz (Ankara Üniversitesi)",
      "10:00–10:20 Nitrogen cycles in dry soils", "Mehmet Kaya, Ege Üniversitesi"),
     [("chair", "Ayşe Yılmaz", "Ankara Üniversitesi"),
      ("speaker", "Mehmet Kaya", "Ege Üniversitesi")]),
    (("Session 3: Soil Health", "YILMAZ Ayşe (Ankara University)", "KAYA Mehmet, Ege University"),
     [("speaker", "YILMAZ Ayşe", "Ankara University"),
      ("speaker", "KAYA Mehmet", "Ege University")]),
    (("Oral Session A",
      "09:00 The grammar of evidentials — Jungsoo Kim (Seoul National University)"),
     [("speaker", "Jungsoo Kim", "Seoul National University")]),
    (("Session 2", "14:00-14:20  Stellar winds in dwarf galaxies",
      "A. Petrov¹, B. Ivanova² (¹Moscow State University, ²Pulkovo Observatory)"),
     [("speaker", "A. Petrov", "Moscow State University"),
      ("speaker", "B. Ivanova", "Pulkovo Observatory")]),
    (("Session 2",
      "Lena Berg 1 , Omar Haddad 1 , Ivo Marek, Sara Lind 2 1. Universidad de Chile 2. Lund "
      "University"),
     [("speaker", "Lena Berg", "Universidad de Chile"),
      ("speaker", "Omar Haddad", "Universidad de Chile"), ("speaker", "Ivo Marek", ""),
      ("speaker", "Sara Lind", "Lund University")]),
    (("Organizing Committee", "Anna Schmidt (TU Wien), Jan Novák (Charles University)"),
     [("committee", "Anna Schmidt", "TU Wien"), ("committee", "Jan Novák", "Charles University")]),
    # a position in brackets is no organization: a chair's says the role (SIGCSE 2015's
    # `(Chair)`, ACL 2016's `(local chair)`); an officer's under a committee leaves it
    (("Local Organizing Committee", "Helen Marsh (local chair), Northwind University",
      "Tom Fielding (Treasurer), Acme Research Labs"),
     [("chair", "Helen Marsh", "Northwind University"),
      ("committee", "Tom Fielding", "Acme Research Labs")]),
    (("Board of Directors", "Grace Hooper (President), Lakeside Institute"),
     [("board", "Grace Hooper", "Lakeside Institute")]),
    (("Session 5: Tiles", "Marsh, Helen (Northwind University)"),
     [("speaker", "Marsh, Helen", "Northwind University")]),
    # names before a bracket share it, after a time slot too (SIGCSE 2017's award list, ACL
    # 2014's `A, B, and C (p.82)`): the organization is no co-author's name
    (("Session 6: Dams", "11:30 Tom Fielding, Grace Hooper (Acme Research Labs): Fish ladders"),
     [("speaker", "Tom Fielding", "Acme Research Labs"),
      ("speaker", "Grace Hooper", "Acme Research Labs")]),
    (("Workshop: Tiles in Practice", "With Bo Chen and Grace Hooper"),
     [("speaker", "Bo Chen", ""), ("speaker", "Grace Hooper", "")]),
    # a talk's title after the organization's colon is no part of the organization
    (("Monday", "Plenary Lecture — Helen Marsh, Northwind University: Rivers at night"),
     [("keynote", "Helen Marsh", "Northwind University")]),
    # `Organised by` names a workshop's organizers, each with her bracket
    (("Workshop on Deltas",
      "Organised by Ivo Marek (Central Polytechnic) and Cy Diaz (Acme University)"),
     [("organizer", "Ivo Marek", "Central Polytechnic"),
      ("organizer", "Cy Diaz", "Acme University")]),
    # a session kind, then `with` / `by`: its people in the kind's role (ACL 2014's workshop
    # days print `Panel discussion by …` and `Invited talk by …`); the talk after it is no
    # keynote's
    (("Day 2", "Panel discussion with Ann Lee, Bo Chen and Cy Diaz"),
     [("panelist", "Ann Lee", ""), ("panelist", "Bo Chen", ""), ("panelist", "Cy Diaz", "")]),
    (("Day 2", "9:00–10:00 Invited talk by Helen Marsh", "10:00–10:30 Rivers at night",
      "Tom Fielding and Grace Hooper"),
     [("keynote", "Helen Marsh", ""), ("speaker", "Tom Fielding", ""),
      ("speaker", "Grace Hooper", "")]),
])
def test_unseen_shapes(nlp, texts, expected):
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_blocks(*texts), nlp=nlp)]
    assert found == expected


def test_speakers_after_a_talks_title_need_no_ner_to_call_them_people():
    # A talk's title, then its speakers after its last comma, on the time's line (JURIX 2018's
    # workshop, where NER calls some of them nothing; ACL's handbooks print the shape too,
    # read there by other rules): the names are kept as a list's are, without NER's word;
    # co-authors after `Joint work with` are not speakers, nor a surname list's last name.
    texts = ("Doctoral Consortium", "Chair: Sara Lind",
             "• 16.00-16.20 Automatic reading of tiles in big widget data, Helen Marsh",
             "• 16.20-16.40 Widgets for all: a survey, Tom Fielding and Grace Hooper",
             "Joint work with Peter Lyle, Ann Lee", "Sampling for tiles Norbury, Vane, and Bo Chen")
    found = [(a.role, a.person_name) for a in find_appearances(_blocks(*texts), nlp=None)]
    assert found == [("chair", "Sara Lind"), ("speaker", "Helen Marsh"),
                     ("speaker", "Tom Fielding"), ("speaker", "Grace Hooper")]


def _page(*rows):
    """(text, heading size or None) rows as one page: headings by `role_hint`, as the HTML and
    Markdown readers and a PDF's larger lines give them."""
    return [Block(text=t, page=1, x0=50.0, top=100.0 + 20 * i, x1=400.0, bottom=110.0 + 20 * i,
                  size=size or 10.0, bold=size is not None,
                  role_hint="heading" if size is not None else "")
            for i, (t, size) in enumerate(rows)]


@pytest.mark.parametrize("sizes", [(16.0, 12.0), (10.0, 10.0)], ids=["pdf", "html"])
def test_a_heading_naming_chairs_under_a_committee_gives_its_people_the_chair(nlp, sizes):
    # `Organizing Committee` over `Conference Chair` (a sub-heading: smaller in a PDF, the same
    # size in a page's markup) with one person as a name line and an affiliation line; the
    # next sub-heading that names no role returns to the committee's.
    big, small = sizes
    rows = [("Organizing Committee", big), ("Conference Chair", small),
            ("Helen Marsh", None), ("Northwind University", None),
            ("Local Arrangements", small), ("Tom Fielding", None), ("Acme Research Labs", None)]
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_page(*rows), nlp=nlp)]
    assert found == [("chair", "Helen Marsh", "Northwind University"),
                     ("committee", "Tom Fielding", "Acme Research Labs")]


def test_a_chair_label_set_in_the_session_heading_names_the_chair(nlp):
    # The label's line printed in the heading's type, so the PDF's paragraphs join it to the
    # heading (IEEE PPPS 2019: 80 session chairs were lost so).
    rows = [("Session 4A: Pulsed Power\nTuesday 10:00 Room: Hall C\nSession Chair: Helen Marsh",
             12.0),
            ("10:00 - 4A1 - Fast switches for long lines", None),
            ("Tom Fielding 1 , Grace Hooper 2\n1. Acme Research Labs\n2. Lakeside Institute", None)]
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_page(*rows), nlp=nlp)]
    assert found == [("chair", "Helen Marsh", ""),
                     ("speaker", "Tom Fielding", "Acme Research Labs"),
                     ("speaker", "Grace Hooper", "Lakeside Institute")]


def test_a_heading_line_that_is_a_label_alone_stays_the_heading(nlp):
    # `Monday, May 16` / `Opening Keynote`: the label names no one on its line, so the
    # heading keeps it and the keynote's name below it is a keynote (the bundled sample).
    rows = [("Monday, May 16\nOpening Keynote", 15.0), ("DR. HELEN MARSH", None),
            ("Professor of Hydrology, Northwind University", None)]
    blocks = _page(*rows)
    blocks[1] = replace(blocks[1], bold=True, role_hint="bold", size=10.5)
    found = [(a.role, a.person_name) for a in find_appearances(blocks, nlp=nlp)]
    assert found == [("keynote", "Helen Marsh")]


def test_a_plenary_heading_that_names_its_speaker_makes_only_them_the_keynote(nlp):
    # IEEE PPPS 2019's plenaries: `Plenary … - Name (… Award)` over the session's chair, its
    # talk, and a talk of another session that the page's columns put below the heading.
    rows = [("Session: 2Plenary\nPlenary Mon PM - Helen Marsh (2018 Founders Award)", 12.0),
            ("Monday 14:30 Room: Hall A\nSession Chair: Tom Fielding", 10.0),
            ("11:45 - 7A8 - Fast switches for long lines", None),
            ("Grace Hooper 1 , Peter Lyle 1\n1. Lakeside Institute", None),
            ("Rivers as machines", None),
            ("Helen Marsh 1\n1. Northwind University", None)]
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_page(*rows), nlp=nlp)]
    assert found == [("chair", "Tom Fielding", ""),
                     ("speaker", "Grace Hooper", "Lakeside Institute"),
                     ("speaker", "Peter Lyle", "Lakeside Institute"),
                     ("keynote", "Helen Marsh", "Northwind University")]


@pytest.mark.parametrize(("line", "name", "org"), [
    ("Dr. Öğr. Üyesi Ali Demir, Ege Üniversitesi", "Ali Demir", "Ege Üniversitesi"),
    ("Doc. dr. sc. Ivan Horvat, KBC Zagreb", "Ivan Horvat", "KBC Zagreb"),
    ("dr hab. Jan Kowalski, Uniwersytet Warszawski", "Jan Kowalski", "Uniwersytet Warszawski"),
    ("Dra. Lucía Gómez (UNAM)", "Lucía Gómez", "UNAM"),
])
def test_academic_titles_of_many_languages_are_no_part_of_the_name(nlp, line, name, org):
    found = [(a.person_name, a.org_name)
             for a in find_appearances(_blocks("Session 2: Soils", line), nlp=nlp)]
    assert found == [(name, org)]


@pytest.mark.parametrize("line", [
    "Intervienen: Lucía Gómez, Carlos Ruiz y Ana Torres",
    "Relatori: Marco Rossi, Giulia Bianchi e Luca Verdi",
    "Intervenants : Marie Curie, Paul Martin et Jean Dupont",
    "Referenten: Anna Schmidt, Jan Novák und Lena Berg",
    "Palestrantes: João Silva, Maria Santos e Pedro Costa",
    "Predavači: Ivan Horvat, Ana Kovač i Marko Babić",
    "Konuşmacılar: Ali Demir, Ayşe Yılmaz ve Mehmet Kaya",
])
def test_a_label_and_a_list_of_names_in_another_language_name_every_speaker(nlp, line):
    # the plural label words and the `and` of each language are the lexicon's
    names = [n.strip() for n in re.split(r",| y | e | et | und | i | ve ", line.split(":")[1])]
    found = [(a.role, a.person_name, a.org_name)
             for a in find_appearances(_blocks("Session 1", line), nlp=nlp)]
    assert found == [("speaker", name, "") for name in names]


def test_an_and_of_another_language_inside_an_organization_or_a_title_splits_nothing(nlp):
    found = [(a.person_name, a.org_name) for a in find_appearances(_blocks(
        "Session 1", "Grace Hooper, Instituto de Ciências e Tecnologias do Mar"), nlp=nlp)]
    assert found == [("Grace Hooper", "Instituto de Ciências e Tecnologias do Mar")]


@pytest.mark.parametrize(("rows", "expected"), [
    # names set in bold, each over its office and organization
    ((("Board of Directors", "h"), ("Helen Marsh", "b"), ("President", ""),
      ("Northwind University", ""), ("Tom Fielding", "b"), ("Treasurer", ""),
      ("Acme Research Labs", "")),
     [("board", "Helen Marsh"), ("board", "Tom Fielding")]),
    # a column of offices before the names, without a colon
    ((("Officers 2023–2024", "h"), ("President Helen Marsh, Northwind University", ""),
      ("President-Elect Tom Fielding, Acme Research Labs", ""),
      ("Treasurer Peter Lyle, University of Eastfield", "")),
     [("board", "Helen Marsh"), ("board", "Tom Fielding"), ("board", "Peter Lyle")]),
    # the office after a dash is a title, no organization
    ((("Board", "h"), ("Helen Marsh – President", ""), ("Grace Hooper – Treasurer", "")),
     [("board", "Helen Marsh"), ("board", "Grace Hooper")]),
])
def test_board_lists_of_unfamiliar_layouts_name_their_officers(nlp, rows, expected):
    blocks = [Block(text=t, page=1, x0=50.0, top=100.0 + 20 * i, x1=300.0, bottom=110.0 + 20 * i,
                    size=14.0 if k == "h" else 9.0, bold=bool(k),
                    role_hint={"h": "heading", "b": "bold"}.get(k, ""))
              for i, (t, k) in enumerate(rows)]
    found = find_appearances(blocks, nlp=nlp)
    assert sorted((a.role, a.person_name) for a in found) == sorted(expected)
    assert not any(a.org_name in ("President", "Treasurer") for a in found)


@pytest.mark.parametrize(("heading", "text", "expected"), [
    ("2024 Young Investigator Award",
     "The Society is pleased to announce that Dr. Helen Marsh of Northwind University has been "
     "selected as the recipient of the 2024 Young Investigator Award for her work on rivers.",
     [("Helen Marsh", "Young Investigator Award", 2024)]),
    ("Awards 2023", "Congratulations to Tom Fielding (Acme Research Labs), winner of this year's "
     "prize for young hydrologists, for his work on dams.", [("Tom Fielding", "", 2023)]),
])
def test_an_award_announcement_in_prose_names_its_recipient(nlp, heading, text, expected):
    # a one-page announcement: the heading over a paragraph that names the recipient; a
    # heading of one award word (`Awards`) names no award
    blocks = [Block(text=t, page=1, x0=50.0, top=100.0 + 40 * i, x1=500.0, bottom=130.0 + 40 * i,
                    size=14.0 if i == 0 else 10.0, bold=i == 0,
                    role_hint="heading" if i == 0 else "", section=heading)
              for i, t in enumerate([heading, text])]
    found = [(a.person_name, a.award, a.year) for a in find_appearances(blocks, nlp=nlp)
             if a.role == "award_recipient"]
    assert found == expected


def test_a_list_heading_set_in_the_text_type_gives_its_role_to_the_lines_below(nlp):
    # A block whose first line is a committee, organizer or sponsor heading in the text's own
    # type (APSIG 2012's front page, ACL 2014's `Local … Administration` over two names): the
    # lines below it get its role; a talk title with a role word wrapping over its second line
    # (a title's `Board-…` over `and …`, as SIGCSE 2015 prints one) stays a title.
    rows = [("Widget Workshop 2024", 16.0),
            ("Scientific committee and organisers\nHelen Marsh, Tom Fielding, Grace Hooper",
             None),
            ("Local organisers\nPeter Lyle\nAnn Lee", None),
            ("We thank the sponsors of this meeting for their support:", None),
            ("Northwind Mathematical Society", None),
            ("Talks", 16.0),
            ("Student Board-Games for Teaching Tiles\nand Widgets in Class", None),
            ("Bo Chen, Lakeside University", None)]
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_page(*rows), nlp=nlp)]
    assert found == [("committee", "Helen Marsh", ""), ("committee", "Tom Fielding", ""),
                     ("committee", "Grace Hooper", ""), ("organizer", "Peter Lyle", ""),
                     ("organizer", "Ann Lee", ""), ("sponsor", "", "Northwind Mathematical Society"),
                     ("speaker", "Bo Chen", "Lakeside University")]


def test_a_bulleted_name_and_bracket_is_complete_before_its_title(nlp):
    # `• Name (Org U.)` then the talk's title in title case and its abstract, in one paragraph
    # (APSIG 2012's abstracts, whatever the bracket holds; HKKC 2016's programme, measured
    # after): the name line does not run into the title and a long abstract after it.
    rows = [("Titles and Abstracts", 16.0),
            ("• Helen Marsh (Nordby U.)\nTiles of Many Colours\nWe study soups of widgets "
             "and show that they converge in distribution." + " Then we study them more." * 12,
             None),
            ("• Tom Fielding (Tech. U. Brno)\nSmall Tiles\nA short abstract about tiles.", None)]
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_page(*rows), nlp=nlp)]
    assert found == [("speaker", "Helen Marsh", "Nordby U."),
                     ("speaker", "Tom Fielding", "Tech. U. Brno")]


def test_sponsor_headings_in_other_languages_and_a_partners_list_after_a_tier(nlp):
    # A sponsor heading naming no tier after a tier's list (`Partners` after `Gold Sponsors`)
    # starts a list of its own, without the tier; sponsor headings in French, German and
    # Spanish are sponsor headings (the lexicon's).
    rows = [("Gold Sponsors", 14.0), ("Acme Robotics", None), ("Partners", 14.0),
            ("Globex Corporation", None), ("Sponsoren", 14.0), ("Beispiel GmbH", None),
            ("Partenaires", 14.0), ("Exemple SARL", None), ("Patrocinadores", 14.0),
            ("Ejemplo S.A.", None)]
    found = [(a.role, a.org_name, a.sponsor_tier)
             for a in find_appearances(_page(*rows), nlp=nlp)]
    assert found == [("sponsor", "Acme Robotics", "Gold"), ("sponsor", "Globex Corporation", ""),
                     ("sponsor", "Beispiel GmbH", ""), ("sponsor", "Exemple SARL", ""),
                     ("sponsor", "Ejemplo S.A", "")]


def test_officer_lines_give_the_office_as_title_with_colons_or_dot_leaders(nlp):
    # `Treasurer: Name, Org` and `Past President ....... Name` (dot leaders, as printed
    # directories set them) name an officer with the office as the title; an office alone on
    # its line between a name and an organization is no part of the name.
    rows = [("Board of Directors", 14.0), ("Treasurer: Tom Fielding, Beta Institute", None),
            ("Past President .......... Ines Varga", None),
            ("Sara Lind\nPresident-Elect\nNorthfield College", None)]
    found = [(a.role, a.person_name, a.org_name, a.title)
             for a in find_appearances(_page(*rows), nlp=nlp)]
    assert found[:2] == [("board", "Tom Fielding", "Beta Institute", "Treasurer"),
                         ("board", "Ines Varga", "", "Past President")]
    assert [name for _, name, _, _ in found[2:]] == ["Sara Lind"]



def test_a_titles_words_after_a_name_are_no_second_name(nlp):
    # `Name, Title` rows (Householder 2025, ACL's handbooks, SIGCSE 2017): a title whose first
    # word no people bear as a given name, with a word the document prints in lower case
    # elsewhere, is no person, though it sits in a list after `and`; a name whose surname the
    # document prints in lower case (`Lanbo She`) stays.
    texts = ("Session 3", "Helen Marsh, Optimal Tensor Algebras and Rivers",
             "Lanbo She, Ranking rivers", "Abstracts: fast tensor algebras for rivers; tensor "
             "algebras in practice; what she said about algebras")
    found = [a.person_name for a in find_appearances(_blocks(*texts), nlp=nlp) if a.person_name]
    assert found == ["Helen Marsh", "Lanbo She"]


@pytest.mark.parametrize(("texts", "expected"), [
    # a talk's row: its time, then the speaker and the title either way round, divided by a
    # colon or a dash (SIGCSE's and ACL's rows print `Title – Name`; schedules of other fields
    # `Name: Title` and `Name – Title`)
    (("Session 9", "11:00–11:20 Helen Marsh – Rivers at night",
      "11:20 Tom Fielding: Boats at dawn",
      "11:40–12:00 Shell middens – Grace Hooper (Lakeside Institute)"),
     [("speaker", "Helen Marsh", ""), ("speaker", "Tom Fielding", ""),
      ("speaker", "Grace Hooper", "Lakeside Institute")]),
    # a poster's code or a list's number before the names
    (("Poster Session", "P-12 Ann Lee, Bo Chen: Boats at dawn",
      "13. Ines Varga (Lakeside Institute): Shell middens"),
     [("speaker", "Ann Lee", ""), ("speaker", "Bo Chen", ""),
      ("speaker", "Ines Varga", "Lakeside Institute")]),
    (("Organizing Committee", "1. Ann Lee, University of Leeds", "2. Bo Chen, Acme University"),
     [("committee", "Ann Lee", "University of Leeds"),
      ("committee", "Bo Chen", "Acme University")]),
    # the session's chair named in its heading
    (("Session 10 (Chair: Peter Lyle)", "14:00 Boats at dawn", "Grace Hooper, Lakeside Institute"),
     [("chair", "Peter Lyle", ""), ("speaker", "Grace Hooper", "Lakeside Institute")]),
    # offices with the words they take before or after them
    (("Officers", "Secretary-General: Ines Varga (Lakeside Institute)",
      "Immediate Past President: Omar Haddad (Globex)", "Honorary Treasurer: Lena Berg"),
     [("board", "Ines Varga", "Lakeside Institute"), ("board", "Omar Haddad", "Globex"),
      ("board", "Lena Berg", "")]),
    # a time or a number before words that name nobody stays a row that names nobody
    (("Session 2", "10:30 Coffee Break: Hall A", "2. Acme Institute, Pilani, India",
      "11:00 Welcome: Rivers at night"),
     []),
])
def test_a_schedule_rows_lead_and_parts_leave_its_people(nlp, texts, expected):
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_blocks(*texts),
                                                                           nlp=nlp)]
    assert found == expected


def _paragraphs(*texts):
    """Blocks of several printed lines each (a title, its authors, their affiliations)."""
    return [Block(text=t, page=1, x0=50.0, top=100.0 + 60 * i, x1=400.0, bottom=150.0 + 60 * i,
                  size=9.0, bold=i == 0, role_hint="bold" if i == 0 else "")
            for i, t in enumerate(texts)]


@pytest.mark.parametrize(("texts", "expected"), [
    # authors marked with superscript numbers, their numbered affiliations on the lines below
    # (the shape of scientific programs in every field; IEEE PPPS prints it with digits)
    (("Session 1", "Rivers at night\nAnn Lee¹ and Bo Chen²\n¹Acme University, ²Globex"),
     [("speaker", "Ann Lee", "Acme University"), ("speaker", "Bo Chen", "Globex")]),
    (("Session 1", "Rivers at night\nAnn Lee¹, Bo Chen¹,²\n¹Acme University, Leeds, UK\n"
                   "²Globex, Oslo, Norway"),
     [("speaker", "Ann Lee", "Acme University, Leeds, UK"),
      ("speaker", "Bo Chen", "Acme University, Leeds, UK; Globex, Oslo, Norway")]),
    (("Session 1", "Rivers at night\nAnn Lee1, Bo Chen2\n1 Acme University, 2 Globex"),
     [("speaker", "Ann Lee", "Acme University"), ("speaker", "Bo Chen", "Globex")]),
    # marks with no legend in the block: the names alone
    (("Session 1", "Rivers at night", "Ann Lee¹, Bo Chen²"),
     [("speaker", "Ann Lee", ""), ("speaker", "Bo Chen", "")]),
    # ... and a given name that the next column ends is no one's organization
    (("Session 1", "Rivers at night", "Ann Lee 1 , Bo Chen 2 , Helen"),
     [("speaker", "Ann Lee", ""), ("speaker", "Bo Chen", "")]),
    # the last authors unnumbered (a lab's head, often), the legend's numbers set close
    (("Session 1", "Rivers at night\nAnn Lee1,Bo Chen2,Cy Diaz,Helen Marsh\n1.Acme Labs\n"
                   "2.Globex University"),
     [("speaker", "Ann Lee", "Acme Labs"), ("speaker", "Bo Chen", "Globex University"),
      ("speaker", "Cy Diaz", ""), ("speaker", "Helen Marsh", "")]),
    # a numbered author line that wraps inside a name (`…, Cy` / `Diaz 2, …`)
    (("Session 1", "Rivers at night\nAnn Lee 1 , Bo Chen 2 , Cy\nDiaz 2 , Helen Marsh 1\n"
                   "1. Acme Labs\n2. Globex University"),
     [("speaker", "Ann Lee", "Acme Labs"), ("speaker", "Bo Chen", "Globex University"),
      ("speaker", "Cy Diaz", "Globex University"), ("speaker", "Helen Marsh", "Acme Labs")]),
    # no name numbered and a legend of one organization; short surnames in capitals
    (("Session 1", "Rivers at night\nAnn Lee, Bo Chen 1. Acme Labs",
      "Lakes\nJian WU 1 , Guofeng YIN 1 1. Globex University"),
     [("speaker", "Ann Lee", "Acme Labs"), ("speaker", "Bo Chen", "Acme Labs"),
      ("speaker", "Jian WU", "Globex University"), ("speaker", "Guofeng YIN", "Globex University")]),
    # a legend that skips a number, and an ordinal inside an organization's name
    (("Session 1", "Rivers at night\nAnn Lee 1 , Bo Chen 3 1. The 4th Institute of Acme "
                   "3. Globex University"),
     [("speaker", "Ann Lee", "The 4th Institute of Acme"),
      ("speaker", "Bo Chen", "Globex University")]),
    # no name numbered and a legend of several: which is whose is lost, and each gets none
    (("Session 1", "Rivers at night\nAnn Lee , Bo Chen , Cy Diaz 1. Acme Labs 2. Globex"),
     [("speaker", "Ann Lee", ""), ("speaker", "Bo Chen", ""), ("speaker", "Cy Diaz", "")]),
    # a legend that says what an author is, not where she works
    (("Session 1", "Rivers at night\nAnn Lee 1, Bo Chen 2\n1. PhD Student\n2. Faculty Advisor"),
     [("speaker", "Ann Lee", ""), ("speaker", "Bo Chen", "")]),
])
def test_authors_marked_to_numbered_affiliations_get_theirs(nlp, texts, expected):
    found = [(a.role, a.person_name, a.org_name)
             for a in find_appearances(_paragraphs(*texts), nlp=nlp)]
    assert found == expected


def test_credentials_before_a_bracket_and_a_title_after_a_dash_are_no_organization(nlp):
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_blocks(
        "Session 1", "Prof. Ann Lee, MD, PhD (Acme Hospital)", "Helen Marsh – Rivers at night",
        "Tom Fielding – Northwind University", "Spreker: Jan de Vries (Universiteit Utrecht)"),
        nlp=nlp)]
    assert found == [("speaker", "Ann Lee", "Acme Hospital"), ("speaker", "Helen Marsh", ""),
                     ("speaker", "Tom Fielding", "Northwind University"),
                     ("speaker", "Jan de Vries", "Universiteit Utrecht")]


@pytest.mark.parametrize(("texts", "expected"), [
    # a name, its office and its organization stacked in one block
    (("Board of Directors", "Ann Lee\nPresident\nAcme University", "Bo Chen\nTreasurer\nGlobex"),
     [("board", "Ann Lee", "Acme University", "President"),
      ("board", "Bo Chen", "Globex", "Treasurer")]),
    # an office after the name's comma or dash is her title, one entry a line
    (("Board of Directors", "Ann Lee, President\nBo Chen, Treasurer\nInes Varga, Secretary"),
     [("board", "Ann Lee", "", "President"), ("board", "Bo Chen", "", "Treasurer"),
      ("board", "Ines Varga", "", "Secretary")]),
    (("Board of Directors", "Ann Lee – President\nBo Chen – Treasurer"),
     [("board", "Ann Lee", "", "President"), ("board", "Bo Chen", "", "Treasurer")]),
    # several offices on one line
    (("Officers of the Society",
      "President: Ann Lee, Acme University; Vice-President: Bo Chen, Globex"),
     [("board", "Ann Lee", "Acme University", "President"),
      ("board", "Bo Chen", "Globex", "Vice-President")]),
    # a society's board in other languages: its president is no session's chair
    (("Bureau", "Présidente : Sara Lind (Université de Lyon)\nTrésorier : Omar Haddad"),
     [("board", "Sara Lind", "Université de Lyon", "Présidente"),
      ("board", "Omar Haddad", "", "Trésorier")]),
    (("Vorstand", "Präsidentin: Prof. Dr. Lena Berg (Universität Graz)\nSchatzmeister: Ivo Marek"),
     [("board", "Lena Berg", "Universität Graz", "Präsidentin"),
      ("board", "Ivo Marek", "", "Schatzmeister")]),
    (("Council", "Ann Lee (Acme University), Bo Chen (Globex)"),
     [("board", "Ann Lee", "Acme University", ""), ("board", "Bo Chen", "Globex", "")]),
    # under a session, the same word names its chair
    (("Séance 3", "Président : Ivo Marek (Université de Lyon)"),
     [("chair", "Ivo Marek", "Université de Lyon", "")]),
])
def test_board_pages_of_other_layouts_and_languages_name_their_officers(nlp, texts, expected):
    found = [(a.role, a.person_name, a.org_name, a.title)
             for a in find_appearances(_paragraphs(*texts), nlp=nlp)]
    assert found == expected


def test_a_rows_speaker_needs_no_ner_and_a_bold_name_takes_its_organizations_line(nlp):
    # the people part of a time-led row is a speaker without NER's say (NER does not call
    # `Ines Varga` before a title a person); a bold name over an organization's line takes it
    rows = find_appearances(_blocks("Monday", "10:50 Ines Varga: Shell middens"), nlp=nlp)
    assert [(a.role, a.person_name) for a in rows] == [("speaker", "Ines Varga")]
    blocks = [Block(text=t, page=1, x0=50.0, top=100.0 + 14 * i, x1=400.0,
                    bottom=110.0 + 14 * i, size=12.0 if i == 0 else 9.0, bold=b,
                    role_hint="heading" if i == 0 else ("bold" if b else ""))
              for i, (t, b) in enumerate([("Invited Speakers", True), ("Ann Lee", True),
                                          ("Acme University", False), ("Bo Chen", True),
                                          ("Globex Labs", False)])]
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(blocks, nlp=nlp)]
    assert found == [("keynote", "Ann Lee", "Acme University"),
                     ("keynote", "Bo Chen", "Globex Labs")]


@pytest.mark.parametrize(("texts", "expected"), [
    # names written in Hangul or kanji after a label or with their university in brackets
    (("제1세션", "좌장: 김민수 (서울대학교)", "발표자: 이서연 (고려대학교)", "토론자: 박지훈"),
     [("chair", "김민수", "서울대학교"), ("speaker", "이서연", "고려대학교"),
      ("panelist", "박지훈", "")]),
    (("特別講演", "座長：山田 太郎（東京大学）", "演者：佐藤 花子（京都大学）"),
     [("chair", "山田 太郎", "東京大学"), ("speaker", "佐藤 花子", "京都大学")]),
    (("기조강연", "최지우 (연세대학교)"), [("keynote", "최지우", "연세대학교")]),
    # a Hangul word that starts with a surname's syllable is no name without a label or a
    # bracket (`한국어` is the Korean language)
    (("제2세션", "한국어 연구의 방법"), []),
])
def test_names_in_hangul_and_kanji_are_people_where_a_label_or_bracket_says_so(nlp, texts,
                                                                               expected):
    found = [(a.role, a.person_name, a.org_name)
             for a in find_appearances(_blocks(*texts), nlp=nlp)]
    assert found == expected


def test_names_before_a_colon_and_a_title_and_a_surname_in_capitals_after_the_given_name(nlp):
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_blocks(
        "Session 1", "Ana Kovač, Marko Babić: Genetika tumora", "Tom BROWN, Acme University"),
        nlp=nlp)]
    assert found == [("speaker", "Ana Kovač", ""), ("speaker", "Marko Babić", ""),
                     ("speaker", "Tom BROWN", "Acme University")]


def _orgs(*texts, nlp):
    return [(a.role, a.org_name, a.sponsor_tier, a.booth)
            for a in find_appearances(_blocks(*texts), nlp=nlp) if not a.person_name]


def test_sponsor_lines_of_lists_booths_languages_and_running_text(nlp):
    # a list on one line (three items or more by commas; `and` between two organizations);
    # one organization with a comma stays one
    assert _orgs("Gold Sponsors", "Acme Corp, Globex Labs, Initech", "Hooli, Inc",
                 nlp=nlp) == [("sponsor", "Acme Corp", "Gold", ""),
                              ("sponsor", "Globex Labs", "Gold", ""),
                              ("sponsor", "Initech", "Gold", ""),
                              ("sponsor", "Hooli, Inc", "Gold", "")]
    assert _orgs("Our Partners", "Acme Corp | Globex Labs | Initech", nlp=nlp) == [
        ("sponsor", "Acme Corp", "", ""), ("sponsor", "Globex Labs", "", ""),
        ("sponsor", "Initech", "", "")]
    # booths the word names, before or after the organization
    assert _orgs("Exhibitors", "Booth 12 – Acme Corp", "Hooli (Booth 3)", nlp=nlp) == [
        ("exhibitor", "Acme Corp", "", "12"), ("exhibitor", "Hooli", "", "3")]
    # tiers of other languages beside a sponsor noun, and companies' legal forms
    assert _orgs("Sponzori", "Zlatni sponzor", "Acme d.o.o.", "Partenaire Or", "Globex s.r.l.",
                 nlp=nlp) == [("sponsor", "Acme d.o.o", "Zlatni", ""),
                              ("sponsor", "Globex s.r.l", "Or", "")]
    # the sponsors running text names after a phrase of support
    assert _orgs("Welcome", "This meeting is made possible with the support of Acme Corp, "
                 "Globex Labs and the Lakeside Foundation.", nlp=nlp) == [
        ("sponsor", "Acme Corp", "", ""), ("sponsor", "Globex Labs", "", ""),
        ("sponsor", "Lakeside Foundation", "", "")]


def test_authors_in_capitals_with_initials_and_a_sponsor_lists_heading(nlp):
    # `KOVAČ A, BABIĆ M` (biomedical programs print authors so): the letter is an initial
    rows = find_appearances(_blocks("Session 1", "Rivers at night", "KOVAČ A, BABIĆ M, HORVAT I"),
                            nlp=nlp)
    assert [(a.role, a.person_name) for a in rows] == [
        ("speaker", "Kovač A"), ("speaker", "Babić M"), ("speaker", "Horvat I")]
    # a sponsor list's own heading in the list is no sponsor
    assert _orgs("Sponsors", "Gold", "SPONSORS AND DONORS", "Acme Corp", nlp=nlp) == [
        ("sponsor", "Acme Corp", "Gold", "")]


def test_a_sponsor_line_with_its_own_tier_and_sponsors_under_a_phrase_of_support(nlp):
    # the tier after a dash or in brackets is the line's; the organization keeps its name
    assert _orgs("Sponsors & Partners", "Acme Corp – Platinum Sponsor", "Globex Labs (Gold)",
                 nlp=nlp) == [("sponsor", "Acme Corp", "Platinum", ""),
                              ("sponsor", "Globex Labs", "Gold", "")]
    # a heading that is a phrase of support alone heads a list; running text that
    # acknowledges support names the sponsors after it
    assert _orgs("With the support of", "Lakeside Foundation · Northwind Council · Acme Corp",
                 nlp=nlp) == [("sponsor", "Lakeside Foundation", "", ""),
                              ("sponsor", "Northwind Council", "", ""),
                              ("sponsor", "Acme Corp", "", "")]
    assert _orgs("Acknowledgements", "We gratefully acknowledge the support of Acme Corp, "
                 "Globex Labs and the Lakeside Foundation.", nlp=nlp) == [
        ("sponsor", "Acme Corp", "", ""), ("sponsor", "Globex Labs", "", ""),
        ("sponsor", "Lakeside Foundation", "", "")]


@pytest.mark.parametrize("sizes", [(12.0, 12.0), (10.0, 10.0)], ids=["pdf", "html"])
def test_a_heading_of_a_part_that_lists_nobody_ends_the_list_above_it(nlp, sizes):
    # `Venue` after a workshop's organizers ends the committee: the papers below are talks;
    # `Contact` after the sponsors ends their list: a photo's caption is no sponsor
    big, small = sizes
    rows = [("Program Committee", big), ("Helen Marsh, Northwind University", None),
            ("Venue: Room 12", small), ("9:10–9:30 Rivers of data at scale", None),
            ("Tom Fielding, Grace Hooper", None),
            ("Supported by", big), ("Acme Corp", None),
            ("Contact", big), ("Lakeside Workshop 2013, Northwind University", None)]
    found = [(a.role, a.person_name or a.org_name)
             for a in find_appearances(_page(*rows), nlp=nlp)]
    assert found == [("committee", "Helen Marsh"), ("speaker", "Tom Fielding"),
                     ("speaker", "Grace Hooper"), ("sponsor", "Acme Corp")]


def test_a_label_whose_talk_title_wraps_gives_its_role_to_the_speaker_below(nlp):
    # `Invited Talk:` and a title wrapping to the next printed line, where its speaker is
    block = Block(text="9:10–10:00 Invited Talk: Weather and Non-linear Patterns in River "
                  "Flow\nForecasting (Peter Lyle)\n10:00–10:30 Quantified features of dams\n"
                  "Tom Fielding, Grace Hooper", page=1, x0=50.0, top=130.0, x1=400.0,
                  bottom=170.0, size=8.0)
    found = [(a.role, a.person_name) for a in find_appearances(
        [*_page(("Friday, May 3", 12.0)), block], nlp=nlp)]
    assert found == [("keynote", "Peter Lyle"), ("speaker", "Tom Fielding"),
                     ("speaker", "Grace Hooper")]


def test_a_row_of_a_code_a_title_its_full_stop_and_its_authors(nlp):
    # `P-01 Title. Names (Org)`: the authors after the title's full stop, all of them; an
    # honorific's dot divides nothing (`Prof. Bo Chen`)
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_blocks(
        "Poster Session", "P-01 Rivers of data at scale. Ann Lee, Bo Chen (Acme University)",
        "P-02 Maps for all. Prof. Tom Fielding (Initech)"), nlp=nlp)]
    assert found == [("speaker", "Ann Lee", "Acme University"),
                     ("speaker", "Bo Chen", "Acme University"),
                     ("speaker", "Tom Fielding", "Initech")]


def test_a_talk_title_after_the_organizations_dash_is_no_part_of_it(nlp):
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_blocks(
        "Invited Speakers", "Ann Lee, Acme University — Rivers of data",
        "Bo Chen, Globex — Maps for all", "Cy Diaz, Initech – Northwind Research Center"),
        nlp=nlp)]
    assert found == [
        ("keynote", "Ann Lee", "Acme University"), ("keynote", "Bo Chen", "Globex"),
        ("keynote", "Cy Diaz", "Initech – Northwind Research Center")]


def test_authors_marked_with_footnote_symbols_to_their_affiliations(nlp):
    # `*`, `†`, `‡` as affiliation marks when the legend opens with them; a `*` alone (the
    # presenter's mark) leaves the bracket the authors share
    found = [(a.person_name, a.org_name) for a in find_appearances(_blocks(
        "Session 3", "Ann Lee*, Bo Chen† and Tom Fielding‡\n*Acme University, †Globex, ‡Initech",
        "Grace Hooper*, Peter Lyle and Sara Lind (Lakeside Institute)"), nlp=nlp)]
    assert found == [("Ann Lee", "Acme University"), ("Bo Chen", "Globex"),
                     ("Tom Fielding", "Initech"), ("Grace Hooper", "Lakeside Institute"),
                     ("Peter Lyle", "Lakeside Institute"), ("Sara Lind", "Lakeside Institute")]


def test_names_between_middle_dots_are_one_person_each(nlp):
    # `·` and `•` between three or more names separate people, as pipes do
    found = [(a.role, a.person_name) for a in find_appearances(_blocks(
        "Executive Board", "Tavi Oksman · Ann Lee · Bo Chen", "Ines Varga • Omar Haddad • Lena Berg"),
        nlp=nlp)]
    assert found == [("board", "Tavi Oksman"), ("board", "Ann Lee"), ("board", "Bo Chen"),
                     ("board", "Ines Varga"), ("board", "Omar Haddad"), ("board", "Lena Berg")]


def test_phrases_that_lead_names_in_french_german_spanish_and_italian(nlp):
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_blocks(
        "Session 5", "Présenté par Marie Dupont (CNRS)", "Moderiert von Hans Weber, Universität Wien",
        "Presentado por Ana Torres (CSIC)", "Presiede: Marco Rossi (Università di Bologna)"),
        nlp=nlp)]
    assert found == [("speaker", "Marie Dupont", "CNRS"),
                     ("moderator", "Hans Weber", "Universität Wien"),
                     ("speaker", "Ana Torres", "CSIC"),
                     ("chair", "Marco Rossi", "Università di Bologna")]


def test_author_lists_printed_surname_first(nlp):
    # initials after the surname (`Hooper G., Lyle P.`; was: `Hooper G.` of organization
    # `Lyle P`), and surnames in capitals before the given names (the first was lost)
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_blocks(
        "Session 2", "Chair: Helen Marsh (Acme University)", "09:00 Deep roots in dry land",
        "Hooper G., van Dijk A. B. and Lyle P.", "09:20 Rivers", "FIELDING Tom, MAREK Ivo"),
        nlp=nlp)]
    assert found == [("chair", "Helen Marsh", "Acme University"), ("speaker", "G. Hooper", ""),
                     ("speaker", "A. B. van Dijk", ""), ("speaker", "P. Lyle", ""),
                     ("speaker", "FIELDING Tom", ""), ("speaker", "MAREK Ivo", "")]


def test_a_whole_name_over_its_organization_and_country_is_one_person(nlp):
    # `Helen Marsh` / `Acme University, UK` stacked in one block: the comma after the
    # organization made the two lines one name (`Helen Marsh Acme University`); a name that
    # wraps (`Mary Anne` / `Smith, Globex`) still joins
    found = [(a.role, a.person_name, a.org_name) for a in find_appearances(_paragraphs(
        "Organizing Committee", "Helen Marsh\nAcme University, UK",
        "Mary Anne\nSmith, Globex Labs"), nlp=nlp)]
    assert found == [("committee", "Helen Marsh", "Acme University, UK"),
                     ("committee", "Mary Anne Smith", "Globex Labs")]


def test_a_list_of_names_that_wraps_after_a_given_name(nlp):
    # `…, Grace` / `Elizabeth Hooper, Acme University`: the given name opens the last name
    # (was: organization `Grace` for the others); a place after an organization stays put
    found = [(a.person_name, a.org_name) for a in find_appearances(_paragraphs(
        "Session 3", "Rivers of data\nHelen Marsh, Tom Fielding, Peter Lyle, Grace\n"
        "Elizabeth Hooper, Acme University",
        "Lakes\nIvo Marek, Acme University, Sydney\nSara Lind, Globex"), nlp=nlp)]
    assert found == [("Helen Marsh", "Acme University"), ("Tom Fielding", "Acme University"),
                     ("Peter Lyle", "Acme University"), ("Grace Elizabeth Hooper",
                                                        "Acme University"),
                     ("Ivo Marek", "Acme University, Sydney"), ("Sara Lind", "Globex")]

"""Award announcements in running text (issue 17's one-page announcement, issue 18's award
recipients): the sentence shapes societies print, with made-up names and awards.

On the real corpus: SIGCSE's 2015 and 2017 welcome letters announce their award recipients in
prose (`X of Y will receive the SIGCSE Award for ...`, `This year's recipient of the ..., X (...)`)
and SIGCSE 2015's names its program committee after a colon; ACL 2016's names its area chairs so.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.stages.recognize import find_appearances
from pipeline.tables import Block
from pipeline.text.award_prose import award_mentions, sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("The 2023 Best Paper Award goes to Ann Lee and Bo Chen for their paper on deltas.",
     [("Best Paper Award", (("Ann Lee", ""), ("Bo Chen", "")), 2023)]),
    ("This year's Long Service Award was presented to Helen Marsh (Northwind "
     "University) in recognition of two decades of service.",
     [("Long Service Award", (("Helen Marsh", "Northwind University"),), None)]),
    ("Peter Lyle receives the 2022 Riverbank Award. Lyle taught for thirty years.",
     [("Riverbank Award", (("Peter Lyle", ""),), 2022)]),
    ("We congratulate Dr. Ines Varga, winner of the 2021 Young Hydrologist Prize, and Prof. Tom "
     "Fielding, recipient of the 2021 Teaching Medal.",
     [("Young Hydrologist Prize", (("Ines Varga", ""),), 2021),
      ("Teaching Medal", (("Tom Fielding", ""),), 2021)]),
    ("The prize committee has selected Sara Lind of Lund University as the 2020 recipient of "
     "the Gold Medal for her work on soils.",
     [("Gold Medal", (("Sara Lind", "Lund University"),), 2020)]),
    ("The Society is pleased to announce that Dr. Omar Haddad of Lakeside Institute has been "
     "named the recipient of the 2024 Young Researcher Award.",
     [("Young Researcher Award", (("Omar Haddad", "Lakeside Institute"),), 2024)]),
    # the organization is the last one among her title's parts; `authored by` names the people
    ("The 2022 Lasting Impact Award has been awarded to Rivers: A Study, authored by Grace "
     "Hooper, Professor, College of Water, Riverdale University, USA.",
     [("Lasting Impact Award", (("Grace Hooper", "Riverdale University"),), 2022)]),
    ("The 2024 recipient of the Gold Medal is Lena Berg of Central Polytechnic.",
     [("Gold Medal", (("Lena Berg", "Central Polytechnic"),), 2024)]),
    # a bracket that is a job title gives the organization after its comma
    ("This year's recipient of the Service Award, Ivo Marek (Associate Professor at the "
     "School of Rivers, Riverdale University, Sweden), will speak at lunch.",
     [("Service Award", (("Ivo Marek", "Riverdale University"),), None)]),
    ("Le Prix Jeune Chercheur 2023 a été décerné à Marie Dubois (Université de Lyon).",
     [("Prix Jeune Chercheur", (("Marie Dubois", "Université de Lyon"),), 2023)]),
    # an honour or an award, a colon, its recipients
    ("The following members were elected Fellows of the Society: Bo Chen (Riverdale "
     "University), Ines Varga (Lakeside Institute) and Omar Haddad (Globex).",
     [("Fellows of the Society", (("Bo Chen", "Riverdale University"),
                                  ("Ines Varga", "Lakeside Institute"), ("Omar Haddad", "Globex")),
       None)]),
    ("Congratulations to this year's Riverbank Prize winners: Lena Berg (Acme University) "
     "and Ivo Marek.",
     [("Riverbank Prize", (("Lena Berg", "Acme University"), ("Ivo Marek", "")), None)]),
    # `of` an organization no word marks as one, after a whole name; `won by`; `for 2021`
    ("The 2022 Service Award went to Peter Lyle of Hooli.",
     [("Service Award", (("Peter Lyle", "Hooli"),), 2022)]),
    ("The Best Poster Award was won by Tom Fielding (Acme University).",
     [("Best Poster Award", (("Tom Fielding", "Acme University"),), None)]),
    ("Grace Hooper (Lakeside Institute) was awarded the Silver Medal for 2021.",
     [("Silver Medal", (("Grace Hooper", "Lakeside Institute"),), 2021)]),
    # the award, then its recipients' noun and a verb of being
    ("This year's Distinguished Service Award recipients are Sara Lind and Omar Haddad.",
     [("Distinguished Service Award", (("Sara Lind", ""), ("Omar Haddad", "")), None)]),
    ("The 2024 Best Paper Award winner is Ann Lee (Acme).",
     [("Best Paper Award", (("Ann Lee", "Acme"),), 2024)]),
])
def test_announcements_name_award_recipients_and_year(text, expected):
    got = [(m.award, m.people, m.year) for m in award_mentions(text)]
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize("text", [
    "Helen Marsh is professor at Northwind University. She received the 2019 Gold Medal.",
    "Ann Lee received her PhD from Lund University in 2009.",
    "Our thanks go to Bo Chen and Ann Lee for organizing the Best Paper Award session.",
    "Nominations for the Gold Medal should be sent to the chair, Prof. Grace Hooper.",
    "The award was presented to the team at the banquet.",
    # an award's judges after a colon are no recipients
    "Members of the Test of Time Award Committee: Helen Marsh (Acme), Bo Chen (Globex).",
])
def test_sentences_that_announce_no_recipient_name_nobody(text):
    assert award_mentions(text) == []


def test_received_is_a_bio_under_a_speaker_heading_and_an_award_elsewhere(nlp):
    """`Ann Lee received the X Award` tells a keynote's past; on an announcement page it names a
    recipient; `will receive` announces under any heading."""
    def found(heading, text):
        blocks = [Block(text=heading, page=1, top=80, size=14.0, bold=True, role_hint="heading"),
                  Block(text=text, page=1, top=120, size=10.0)]
        return {(a.role, a.person_name, a.award) for a in find_appearances(blocks, nlp=nlp)
                if a.role == "award_recipient"}

    bio = ("Helen Marsh of Northwind University received the Water Prize for her studies of "
           "rivers in the dry season, and has written three books on rivers and their people.")
    assert found("Keynote Speakers", bio) == set()
    assert found("Society News", bio) == {("award_recipient", "Helen Marsh", "Water Prize")}
    future = ("Tom Fielding of Acme Research Labs will receive the Service Award at the banquet, "
              "and will speak at the lunch on Thursday about his years with the society.")
    assert found("Keynote Speakers", future) == {
        ("award_recipient", "Tom Fielding", "Service Award")}


def test_a_letter_names_its_committee_after_a_colon(nlp):
    text = ("Our thanks go to everyone who made this meeting. First, our Program Committee: "
            "Ann Lee, Bo Chen, Cy Diaz, and Sara Lind. Additional thanks go to our Area Chairs "
            "who wrote meta-reviews: Omar Haddad, Lena Berg, and Ivo Marek. See you there.")
    found = {(a.role, a.person_name) for a in find_appearances(
        [Block(text=text, page=1, top=100, size=10.0)], nlp=nlp)}
    assert found == {("committee", n) for n in (
        "Ann Lee", "Bo Chen", "Cy Diaz", "Sara Lind", "Omar Haddad", "Lena Berg", "Ivo Marek")}


def test_sentences_keep_honorifics_and_initials():
    assert sentences("Prof. Dr. Ann B. Lee won. R.J. Dake thanks you. The end.") == [
        "Prof. Dr. Ann B. Lee won.", "R.J. Dake thanks you.", "The end."]


def test_welcome_letters_of_the_corpus_announce_their_award_recipients(corpus_run: Path):
    """SIGCSE 2015 p.4 and 2017 p.4 (read in the PDFs): the letter names the recipients of the
    year's two SIGCSE awards, with their universities where printed."""
    with open(corpus_run / "appearances.csv", newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["role"] == "award_recipient"
                and r["source_path"] in ("sigcse/2015/sigcse2015-programme.pdf",
                                         "sigcse/2017/sigcse2017-program.pdf")]
    got = {(r["source_path"][7:11], r["page"], r["person_name"], r["org_name"]) for r in rows}
    assert got == {
        ("2015", "4", "Frank Young", "Rose-Hulman Institute of Technology"),
        ("2015", "4", "Mark Allen Weiss", "Florida International University"),
        ("2017", "4", "Mats Daniels", "Uppsala University"),
        ("2017", "4", "Gail Chapman", ""),
    }
    assert all("SIGCSE Award for" in r["award"] for r in rows)


@pytest.mark.parametrize(("markdown", "award"), [
    # a heading naming only the awarded work under an awards page: the line below it, which
    # no rule reads (`Title. Names.`), is its winners' for NER too
    ("# Awards\n\n## Best Student Paper\n\n- Rivers of data at scale. Ann Lee, Bo Chen.\n",
     "Best Student Paper"),
    # a distinction is its award's, in the singular: under awards in general, alone
    ("# Best Paper Awards\n\n## Honorable Mentions\n\n- Rivers of data at scale. Ann Lee, Bo "
     "Chen.\n", "Best Paper Award Honorable Mention"),
    ("# Awards\n\n## Honorable Mentions\n\n- Rivers of data at scale. Ann Lee, Bo Chen.\n",
     "Honorable Mention"),
])
def test_award_headings_over_lines_only_ner_reads(tmp_path, nlp, markdown, award):
    from extractors import registry

    path = tmp_path / "2022" / "awards.md"
    path.parent.mkdir()
    path.write_text(markdown, encoding="utf-8")
    blocks = registry.get("text_document").extract(path).blocks

    found = {(a.role, a.person_name, a.award) for a in find_appearances(blocks, nlp=nlp)}

    assert found == {("award_recipient", "Ann Lee", award), ("award_recipient", "Bo Chen", award)}


@pytest.mark.parametrize(("text", "award", "people"), [
    # an appositive recipient after a congratulation, before the sentence's `!`
    ("Congratulations to Bo Chen, winner of the Young Scientist Prize!", "Young Scientist Prize",
     (("Bo Chen", ""),)),
    # a work's quoted title after `for` is no part of the award's name; a name's own `for` is
    ("Ann Lee (Acme) received the Best Paper Award for 'Rivers of data'.", "Best Paper Award",
     (("Ann Lee", "Acme"),)),
    ("Ann Lee received the Prize for Young Researchers.", "Prize for Young Researchers",
     (("Ann Lee", ""),)),
])
def test_award_mentions_of_other_shapes(text, award, people):
    assert [(m.award, m.people) for m in award_mentions(text)] == [(award, people)]


def test_a_distinction_label_names_its_recipients(nlp):
    # `Honorable mentions:` is an award label (the lexicon's award words, not a fixed list);
    # `Awards:` alone names no award
    blocks = [Block(text="Awards", page=1, role_hint="heading", size=14.0),
              Block(text="Honorable mentions: Ann Lee and Bo Chen.", page=1, size=10.0),
              Block(text="Teacher of the Year: Cy Diaz", page=1, size=10.0)]
    found = {(a.role, a.person_name, a.award) for a in find_appearances(blocks, nlp=nlp)}
    assert found == {("award_recipient", "Ann Lee", "Honorable mention"),
                     ("award_recipient", "Bo Chen", "Honorable mention"),
                     ("award_recipient", "Cy Diaz", "Teacher of the Year")}


def test_a_recipients_label_and_a_prizes_places_give_the_award_of_the_heading(nlp):
    # `Recipient:` and `Winners:` label recipients as `Chair:` labels chairs; `3rd Prize:`
    # under a prize's heading is that prize's; a heading of awards in general names none
    def blocks(*texts):
        return [Block(text=t, page=1, x0=50.0, top=100.0 + 20 * i, x1=400.0,
                      bottom=110.0 + 20 * i, size=14.0 if i == 0 else 9.0, bold=i == 0,
                      role_hint="heading" if i == 0 else "") for i, t in enumerate(texts)]

    found = [(a.role, a.person_name, a.org_name, a.award, a.year) for text in (
        ("Awards 2024", "Recipient: Ines Varga, Lakeside Institute"),
        ("Best Paper Award", "Winners: Bo Chen (Initech) and Helen Marsh (Hooli)"),
        ("Student Poster Prizes", "1st Prize: Tom Fielding", "3rd Prize: Grace Hooper (Acme)"))
        for a in find_appearances(blocks(*text), nlp=nlp)]

    assert found == [
        ("award_recipient", "Ines Varga", "Lakeside Institute", "", 2024),
        ("award_recipient", "Bo Chen", "Initech", "Best Paper Award", None),
        ("award_recipient", "Helen Marsh", "Hooli", "Best Paper Award", None),
        ("award_recipient", "Tom Fielding", "", "Student Poster Prize", None),
        ("award_recipient", "Grace Hooper", "Acme", "Student Poster Prize", None)]

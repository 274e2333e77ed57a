"""NER proposes the people of pages the layout rules named nobody on (issue 17): a layout they
were not written for still prints names. Only names whose given name is a known one count."""

from pipeline.run.worker import process_document
from pipeline.stages.recognize import find_appearances
from pipeline.tables import Block


def _people(blocks, nlp):
    return {(a.role, a.person_name, a.award) for a in find_appearances(blocks, nlp=nlp)
            if a.person_name}


def test_a_workshop_grid_the_rules_cannot_read_yields_its_speakers(raw_corpus):
    """JURIX 2018's AICOL workshop page: `10.00-10.30 Rights and Punishment , Réka Markovich`,
    `11.30-12.00 Invited talk: Merel Noorman`, a title wrapped onto `Dameski` below `Andrej`,
    `…, Pompeu Casanovas, Nicholas Morris, Jorge González-Conejero, Emma Teodoro and Rick
    Adderley`. The label's keynote is the rules'; the `Title, Names` rows are read by the rules
    since session 16 (`name_shapes.trailing_names`), two of them names NER does not call people
    (`… legal big data, Masha Medvedeva`), and NER proposes the rest of the lines the rules left
    empty."""
    path = raw_corpus / "jurix/2018/AICOL2018andDoctoralConsortium.pdf"
    result = process_document({"doc_id": "a", "path": str(path), "source_path": "aicol.pdf"})
    people = {row["person_name"]: (row["role"], row["method"]) for row in result.appearances}
    assert result.status == "ok"
    assert people.pop("Merel Noorman") == ("keynote", "rule+ner")
    assert {"Réka Markovich", "Andrej Dameski", "Weronika Majek", "Pompeu Casanovas",
            "Oleksii Konashevych", "David Watts", "Andre Oboler", "Nicholas Morris",
            "Jorge González-Conejero", "Emma Teodoro", "Rick Adderley", "Valeria Ferrari",
            "Maria Dymitruk", "Masha Medvedeva", "Tainá Aguiar Junquilho"} <= set(people)
    assert {role for role, _ in people.values()} == {"speaker"}
    assert people["Masha Medvedeva"] == people["Tainá Aguiar Junquilho"] == ("speaker", "rule")
    assert not {name for name in people if "Coffee" in name or "Lunch" in name}


def test_places_and_index_lines_are_no_people(nlp):
    blocks = [
        Block(text="FRIDAY 5:10 PM - 6:00 PM SIGCSE Business Meeting (room: Cotton Row)", page=1),
        Block(text="Dining Plaza, 1F, Xue Yuan\nHotel Lobby Café", page=1),
        Block(text="Venue: Centara Grand and Bangkok Convention Centre", page=1),
        Block(text="Hermann, Karl Moritz, 47, 149\nHenrich, Verena, 159", page=2),
    ]
    assert _people(blocks, nlp) == set()


def test_an_award_line_gives_recipients_of_its_award_in_its_sections_year(nlp):
    """ACP's paper awards: `### CP 2025` over `**Best Student Paper**: A, B and C. Title`."""
    blocks = [Block(text="Best Student Paper: Hannes Ihalainen, Jeremias Berg, Matti Järvisalo "
                         "and Bart Bogaerts. Certified MaxSAT Preprocessing", section="CP 2025"),
              Block(text="Best Technical Paper: J. Christopher Beck and Ryo Kuroiwa. Transition "
                         "Dominance", section="CP 2025")]
    people = _people(blocks, nlp)
    assert ("award_recipient", "Hannes Ihalainen", "Best Student Paper") in people
    assert ("award_recipient", "Bart Bogaerts", "Best Student Paper") in people
    assert ("award_recipient", "J. Christopher Beck", "Best Technical Paper") in people
    assert {role for role, _, _ in people} == {"award_recipient"}
    assert {a.year for a in find_appearances(blocks, nlp=nlp)} == {2025}


def test_a_page_the_rules_read_gets_no_proposals(nlp):
    """Where the rules named someone, NER adds nobody: `Keynote: Ann Lee, Acme` is read, and
    the venue line beside it proposes no `Grace Hopper Hall` speaker."""
    blocks = [Block(text="Keynote", page=1, role_hint="heading", size=14),
              Block(text="Ann Lee, Acme Corp", page=1, section="Keynote"),
              Block(text="Reception at the Alan Turing Building", page=1, section="Keynote")]
    people = _people(blocks, nlp)
    assert {name for _, name, _ in people} == {"Ann Lee"}


def test_the_small_given_name_table_is_the_full_tables_above_its_floor():
    """data/given_names.tsv.gz is derived from data/name_frequency.tsv.gz (scripts/
    build_given_names.py): it must be rebuilt when that is."""
    from pipeline.stages.recognize.unread import GIVEN_NAME_SHARE
    from pipeline.text.namefreq import GIVEN_FLOOR, _table, given_name_share, known_given_share

    assert GIVEN_NAME_SHARE >= GIVEN_FLOOR
    for name in sorted(_table()[1])[::997]:
        full = given_name_share(name)
        small = known_given_share(name)
        if full >= GIVEN_FLOOR * 1.03:
            assert abs(small - full) <= 0.03 * full, name
        elif full < GIVEN_FLOOR * 0.97:
            assert small == 0.0, name


def test_a_talk_title_is_no_organization(nlp):
    """`Name, Title: Subtitle` and `Names Title [short]` (householder 2025, JURIX 2018) put the
    talk in the organization slot; it goes to the session, the organization stays empty."""
    from pipeline.stages.recognize.appearances import _talk_not_org
    from pipeline.tables import Appearance

    app = Appearance(role="speaker", person_name="Sophia Keip",
                     org_name="QCLAB: A MATLAB Toolbox for Quantum Numerical Linear Algebra")
    assert (_talk_not_org(app).org_name, _talk_not_org(app).session) == (
        "", "QCLAB: A MATLAB Toolbox for Quantum Numerical Linear Algebra")
    tagged = Appearance(role="speaker", person_name="Robert Bevan",
                        org_name="Effective Case Reject-Accept Filtering [short]")
    assert _talk_not_org(tagged).org_name == ""
    for org in ("University of California: Berkeley", "Acme Corp"):
        kept = Appearance(role="speaker", person_name="Ann Lee", org_name=org)
        assert _talk_not_org(kept).org_name == org


def test_coauthors_after_a_joint_work_phrase_are_no_speakers(nlp):
    # An abstract's `Joint work with ...` names co-authors; its speaker is the one above it.
    blocks = [Block(text="Abstracts", role_hint="heading", section="Abstracts"),
              Block(text="Helen Marsh, University of Avalon", section="Abstracts"),
              Block(text="Widgets at scale. Joint work with Tom Fielding and Grace Hooper.",
                    section="Abstracts")]

    people = {name for _, name, _ in _people(blocks, nlp)}

    assert "Helen Marsh" in people
    assert not people & {"Tom Fielding", "Grace Hooper"}

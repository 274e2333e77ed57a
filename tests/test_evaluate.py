"""Scoring against ground truth (pipeline/evaluate.py)."""

import pandas as pd

from pipeline import evaluate as ev


def _apps(rows):
    return pd.DataFrame(rows, columns=["person_name", "role", "org_name", "sponsor_tier", "booth"])


def test_evaluate_match_names_uses_first_last_and_fuzzy():
    matched = ev.match_names(["Monica McGill", "Krister Linden"], ["Monica M. McGill", "Krister Lindén"])
    assert matched == {"Monica M. McGill": "Monica McGill", "Krister Lindén": "Krister Linden"}


def test_evaluate_printed_people_needs_the_name_in_the_text():
    people = [ev.TruthPerson("Jane Q. Doe"), ev.TruthPerson("Bo Li")]
    assert ev.printed_people(people, "Chair: Jane Doe (MIT)") == [people[0]]


def test_evaluate_score_golden_counts_precision_recall_roles_and_affiliations():
    predicted = _apps([["Ann Lee", "speaker", "MIT", "", ""], ["Room Seven", "speaker", "", "", ""],
                       ["Bo Chen", "chair", "Duke", "", ""]])
    golden = _apps([["Ann Lee", "speaker", "MIT", "", ""], ["Bo Chen", "panelist", "Duke", "", ""],
                    ["Cy Diaz", "speaker", "", "", ""]])
    score = ev.score_golden(predicted, golden)
    assert (score.n_matched, score.n_predicted, score.n_truth) == (2, 3, 3)
    assert score.precision == score.recall == 2 / 3
    assert score.role_f1 == 1 / 3
    assert score.affiliation_correct == 1.0
    assert score.spurious == ["Room Seven"] and score.missed == ["Cy Diaz"]


def test_evaluate_score_orgs_checks_tier():
    predicted = _apps([["", "sponsor", "Google", "Platinum", ""], ["", "sponsor", "IBM", "Gold", ""]])
    truth = [ev.TruthOrg("Google, Inc.", "sponsor", "Platinum"), ev.TruthOrg("IBM", "sponsor", "Silver"),
             ev.TruthOrg("Acme", "sponsor", "Gold")]
    score = ev.score_orgs(predicted, truth, "Google IBM")
    assert (score.n_printed, score.n_matched, score.tier_correct) == (2, 2, 0.5)


def test_evaluate_split_presenters_formats():
    assert ev.split_presenters("Ann Lee, Bo Chen, Duke University; Cy Diaz, MIT") == [
        ("Ann Lee", "Duke University"), ("Bo Chen", "Duke University"), ("Cy Diaz", "MIT")]


def test_evaluate_load_bib_authors_turns_names_around():
    bib = "@INPROCEEDINGS{a,\n   AUTHOR = {Rothe, Sascha and Sch{\\\"u}tze, Hinrich},\n   TITLE = {X}}"
    assert [p.name for p in ev.load_bib_authors(bib)] == ["Sascha Rothe", "Hinrich Schütze"]


def test_evaluate_load_sigcse_program_roles():
    text = """sessions:
  - type: "Panels"
    presenters: "Ann Lee (MIT); Bo Chen (Duke)"
  - type: "Paper Sessions"
    presenters: "Session Chair: Cy Diaz (Brown University, USA)"
    subsessions:
      - type: "Paper Sessions"
        presenters: "Di Fox (Yale)"
"""
    people = ev.load_sigcse_program(text)
    assert [(p.name, p.role) for p in people] == [
        ("Ann Lee", "panelist"), ("Bo Chen", "panelist"), ("Cy Diaz", "chair"), ("Di Fox", "speaker")]

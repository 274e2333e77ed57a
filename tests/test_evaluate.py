"""Ground truth: read (pipeline/views/truth.py) and scored against (pipeline/views/evaluate.py)."""

import pandas as pd

from pipeline.views import evaluate as ev
from pipeline.views.truth import (
    TruthOrg,
    TruthPerson,
    load_bib_authors,
    load_sigcse_program,
    split_presenters,
)


def _apps(rows):
    return pd.DataFrame(rows, columns=["person_name", "role", "org_name", "sponsor_tier", "booth"])


def test_evaluate_match_names_uses_first_last_and_fuzzy():
    matched = ev.match_names(["Monica McGill", "Krister Linden"], ["Monica M. McGill", "Krister Lindén"])
    assert matched == {"Monica M. McGill": "Monica McGill", "Krister Lindén": "Krister Linden"}


def test_evaluate_printed_people_needs_the_name_in_the_text():
    people = [TruthPerson("Jane Q. Doe"), TruthPerson("Bo Li")]
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
    truth = [TruthOrg("Google, Inc.", "sponsor", "Platinum"), TruthOrg("IBM", "sponsor", "Silver"),
             TruthOrg("Acme", "sponsor", "Gold")]
    score = ev.score_orgs(predicted, truth, "Google IBM")
    assert (score.n_printed, score.n_matched, score.tier_correct) == (2, 2, 0.5)


def test_evaluate_split_presenters_formats():
    assert split_presenters("Ann Lee, Bo Chen, Duke University; Cy Diaz, MIT") == [
        ("Ann Lee", "Duke University"), ("Bo Chen", "Duke University"), ("Cy Diaz", "MIT")]


def test_evaluate_load_bib_authors_turns_names_around():
    bib = "@INPROCEEDINGS{a,\n   AUTHOR = {Rothe, Sascha and Sch{\\\"u}tze, Hinrich},\n   TITLE = {X}}"
    assert [p.name for p in load_bib_authors(bib)] == ["Sascha Rothe", "Hinrich Schütze"]


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
    people = load_sigcse_program(text)
    assert [(p.name, p.role) for p in people] == [
        ("Ann Lee", "panelist"), ("Bo Chen", "panelist"), ("Cy Diaz", "chair"), ("Di Fox", "speaker")]


def test_evaluate_score_appearances_by_document_page_role_and_name():
    truth = pd.DataFrame({
        "source_path": ["a.pdf", "a.pdf", "a.pdf"], "page": ["1", "1", "2"],
        "role": ["chair", "speaker", "sponsor"], "person_name": ["Okafor, Linda", "Bo Chen", ""],
        "org": ["", "", "Acme Corp"], "sponsor_tier": ["", "", "Gold"], "booth": ["", "", ""]})
    found = pd.DataFrame({
        "source_path": ["a.pdf", "a.pdf", "a.pdf", "b.pdf"], "page": ["1", "1", "2", "1"],
        "role": ["chair", "chair", "sponsor", "speaker"],
        "person_name": ["Dr. Linda M. Okafor", "Bo Chen", "", "Not Scored"],
        "org_name": ["", "", "Acme Corp", ""], "sponsor_tier": ["", "", "Gold", ""],
        "booth": ["", "", "", ""]})
    score = ev.score_appearances(found, truth)
    assert (score.recall, score.precision, score.recall_any_role) == (0.5, 0.5, 1.0)
    assert (score.org_recall, score.org_precision) == (1.0, 1.0)
    assert score.missed == [("a.pdf", "1", "speaker", "bo chen")]


def test_evaluate_cli_eval_writes_a_report(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import cli

    processed = tmp_path / "processed"
    processed.mkdir()
    pd.DataFrame({"source_path": ["a.pdf"], "page": ["1"], "role": ["chair"],
                  "person_name": ["Ann Lee"], "org_name": [""], "sponsor_tier": [""],
                  "booth": [""]}).to_csv(processed / "appearances.csv", index=False)
    truth = tmp_path / "truth.csv"
    pd.DataFrame({"source_path": ["a.pdf", "a.pdf"], "page": ["1", "1"],
                  "role": ["chair", "speaker"], "person_name": ["Ann Lee", "Bo Chen"]}).to_csv(
        truth, index=False)
    out = tmp_path / "scores.md"
    result = CliRunner().invoke(
        cli, ["eval", "--truth", str(truth), "--processed", str(processed), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "recall 0.500 precision 1.000" in result.output
    assert "bo chen" in out.read_text()

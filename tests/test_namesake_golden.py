"""Issue 20's hand-checked cross-field namesake benchmark on the real corpus.

The truth is `tests/golden/namesakes/cases.csv` (decided by reading the documents, see the README
beside it); the scoring is `benchmarks/namesake_golden.py`.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import namesake_golden  # noqa: E402

CASES = ROOT / "tests" / "golden" / "namesakes" / "cases.csv"
HELD_OUT = {"3dv", "apbc", "balkan-archaeology", "enhancer", "hkkc", "ieee-aicas", "ieee-vr",
            "ikcu-ftr", "kyushu-clinphy", "lsk", "pycon-uk", "siam-siagla", "vssup"}
COLUMNS = ["case_id", "name", "name_a", "source_path_a", "page_a", "org_a", "name_b",
           "source_path_b", "page_b", "org_b", "decision", "evidence", "half"]


def _cases() -> list[dict]:
    with open(CASES, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_cases_file_is_well_formed(raw_corpus: Path):
    with open(CASES, newline="", encoding="utf-8") as fh:
        assert next(csv.reader(fh)) == COLUMNS
    cases = _cases()
    assert len(cases) >= 40
    assert len({c["case_id"] for c in cases}) == len(cases)
    decisions = Counter(c["decision"] for c in cases)
    assert set(decisions) == {"same", "different"}, decisions
    for c in cases:
        for side in ("a", "b"):
            path = c[f"source_path_{side}"]
            assert (raw_corpus / path).is_file(), f'{c["case_id"]}: {path} not under {raw_corpus}'
            assert c[f"name_{side}"].strip(), c["case_id"]
            assert c[f"page_{side}"] == "" or c[f"page_{side}"].isdigit(), c["case_id"]
        assert (c["source_path_a"], c["page_a"]) != (c["source_path_b"], c["page_b"]), c["case_id"]
        assert c["evidence"].strip(), c["case_id"]
        assocs = {c["source_path_a"].split("/")[0], c["source_path_b"].split("/")[0]}
        assert c["half"] == ("held-out" if assocs & HELD_OUT else "built-on"), c["case_id"]
    # both halves measure both kinds of error
    for half in ("built-on", "held-out"):
        assert {c["decision"] for c in cases if c["half"] == half} == {"same", "different"}, half


@pytest.fixture(scope="module")
def namesake_score(corpus_run: Path) -> dict:
    return namesake_golden.score(corpus_run, CASES)


def test_every_case_is_found(namesake_score: dict):
    """A case whose appearance the run lacks measures nothing; it must not hide silently."""
    missing = [(o["case_id"], o["name"], o["outcome"]) for o in namesake_score["not_found"]]
    assert len(missing) <= 0.15 * len(namesake_score["cases"]), missing


@pytest.mark.xfail(
    strict=True,
    reason=(
        "measured 2026-12-07 on ../shared/corpus/raw: wrong merges 5/44 = 11.4% "
        "(built-on 5/34 = 14.7%, held-out 0/10 = 0.0%), wrong splits 4/67 = 6.0% "
        "(built-on 2/45 = 4.4%, held-out 2/22 = 9.1%); 9 held-out cases not found; "
        "2026-12-03, before NAME_ONLY_ACROSS and co-authors as co-speakers: merges 10/44; "
        "before OTHER_ASSOCIATION -2: merges 16/44 = 36.4%; "
        "goals are <= 2% and <= 5%"
    ),
)
def test_issue_20_goals(namesake_score: dict):
    """The issue's goals over all found cases; each half is in the message (HELDOUT.md)."""
    h = namesake_score["halves"]["all"]
    detail = {half: {k: v for k, v in namesake_score["halves"][half].items() if "rate" in k or "wrong" in k}
              for half in ("built-on", "held-out")}
    wrong = [f'{o["case_id"]} {o["outcome"]} {o["half"]} {o["name"]}' for o in namesake_score["wrong"]]
    assert h["wrong_merge_rate"] is not None and h["wrong_split_rate"] is not None
    assert h["wrong_merge_rate"] <= namesake_golden.GOAL_MERGE, (h, detail, wrong)
    assert h["wrong_split_rate"] <= namesake_golden.GOAL_SPLIT, (h, detail, wrong)

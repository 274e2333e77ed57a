"""Organization normalization and kinds (issue 5)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.orgkind import org_kind
from pipeline.text.orgs import org_key, resolve_org_names


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("Acme, Inc.", "acme"),
        ("ACME Corporation", "acme"),
        ("The Acme Company", "acme"),
        ("Smith & Jones LLP", "smith and jones"),
        ("Smith and Jones", "smith and jones"),
        ("Dept. of CS, Duke University", "duke university"),
        ("Department of Computer Science, Duke University, USA", "duke university"),
        ("Duke University, Department of Computer Science", "duke university"),
        ("Aarhus University, Denmark", "aarhus university"),
        ("Aarhus University (Denmark)", "aarhus university"),
        ("University of California, Berkeley", "university of california berkeley"),
        ("The University of Memphis", "university of memphis"),
        ("Université de Montréal", "universite de montreal"),
        ("Siemens AG", "siemens"),
    ],
)
def test_orgs_key(printed: str, key: str) -> None:
    assert org_key(printed) == key


def test_orgs_acronyms_join_their_expansion_from_the_corpus() -> None:
    printed = ["UIUC", "University of Illinois at Urbana-Champaign", "MIT",
               "Massachusetts Institute of Technology", "UC San Diego",
               "University of California, San Diego", "CMU", "ACM"]
    keys = resolve_org_names(printed)
    assert keys["UIUC"] == keys["University of Illinois at Urbana-Champaign"]
    assert keys["MIT"] == keys["Massachusetts Institute of Technology"]
    assert keys["UC San Diego"] == keys["University of California, San Diego"]
    # No expansion printed: the acronym stands for itself.
    assert keys["CMU"] == "cmu" and keys["ACM"] == "acm"


def test_orgs_ambiguous_acronym_is_left_alone() -> None:
    keys = resolve_org_names(["ABC", "Alpha Beta Center", "Acme Big Cheese"])
    assert keys["ABC"] == "abc"


def test_orgs_aliases_win() -> None:
    keys = resolve_org_names(["IBM Research", "IBM"], aliases={"IBM Research": "IBM"})
    assert keys["IBM Research"] == keys["IBM"] == "ibm"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Duke University", "university"),
        ("Harvard Law School", "university"),
        ("Massachusetts Institute of Technology", "university"),
        ("Deloitte LLP", "consultancy"),
        ("Acme Consulting Group", "consultancy"),
        ("Robert Half", "recruiting firm"),
        ("TalentBridge Staffing", "recruiting firm"),
        ("Jackson Lewis P.C.", "law firm"),
        ("Smith & Jones LLP", "law firm"),
        ("Society for Human Resource Management", "association"),
        ("ACM SIGCSE", "association"),
        ("National Science Foundation", "government"),
        ("U.S. Department of Labor", "government"),
        ("Google", "company"),
        ("Initech Systems Inc.", "company"),
        ("Zyxwv", "other"),
    ],
)
def test_orgkind_kinds(name: str, kind: str) -> None:
    assert org_kind(name) == kind


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("abcXYZ &,.-()") + ["Inc", "LLP", "The ", "Dept. of ",
                                                         "Denmark", "Univ."]),
                max_size=25).map("".join))
def test_orgs_normalizing_twice_is_normalizing_once(text: str) -> None:
    key = org_key(text)
    assert org_key(key) == key


def test_orgs_joining_words_short_forms_and_tech() -> None:
    printed = ["UC Berkeley", "University of California, Berkeley",
               "University of California and Berkeley", "UC San Diego",
               "University of California at San Diego", "University of California, San Diego",
               "Georgia Tech", "Georgia Institute of Technology",
               "Georgia Institute of Technology, California State University Monterey Bay",
               "NC State", "North Carolina State", "North Carolina State University",
               "Boston University", "Boston College"]
    keys = resolve_org_names(printed)
    assert len({keys[p] for p in printed[:3]}) == 1
    assert len({keys[p] for p in printed[3:6]}) == 1
    assert keys["Georgia Tech"] == keys["Georgia Institute of Technology"]
    assert keys["NC State"] == keys["North Carolina State"] == "north carolina state university"
    assert keys["Boston University"] != keys["Boston College"]


def test_orgs_schedule_text_is_not_an_affiliation() -> None:
    from pipeline.text.orgs import plausible_affiliation

    assert plausible_affiliation("The Findings Group, LLC")
    assert org_key("The Findings Group, LLC") == "findings group"
    for junk in ("Noah A. Smith 11:54–12:12 Factored Markov Translation", "p.55", "LLC",
                 "Mar-", "Chair"):
        assert not plausible_affiliation(junk, "Chris Dyer")
    assert not plausible_affiliation("赵健强", "Jianqiang Zhao")
    assert plausible_affiliation("名古屋大学", "名古屋")

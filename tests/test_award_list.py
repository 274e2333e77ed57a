"""Award lists: YAML (names, groups, ACM citations), Markdown announcements, CSV and XLSX."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from extractors import registry
from extractors.award_lines import (
    citation_authors,
    normalize_award,
    parse_announcement,
    split_recipients,
)
from pipeline.errors import ParseError
from pipeline.stages.recognize import find_appearances
from pipeline.text.lines import HONORIFICS


def norm(name: str) -> str:
    """Case, punctuation and generational suffixes (Jr, III) do not tell people apart."""
    words = re.sub(r"[^\w\s]", " ", name.casefold()).split()
    return " ".join(w for w in words if w not in ("jr", "sr", "ii", "iii", "iv"))


def recipients(path):
    extraction = registry.detect(path).extract(path)
    return extraction, find_appearances(extraction.blocks)


@pytest.mark.parametrize("name", ["outstanding.yml", "distinguished.yml"])
def test_award_list_yaml_every_recipient_with_year(raw_corpus, name):
    path = raw_corpus / "sigcse" / "awards" / name
    rows = yaml.safe_load(path.read_text())
    expected = set()
    for row in rows:
        members = [g["names"].split(",")[0] for g in row.get("group") or []]
        for person in members or [row["name"]]:
            expected.add((norm(person), row["year"]))

    extraction, appearances = recipients(path)
    found = {(norm(a.person_name), a.year) for a in appearances}

    assert registry.detect(path).name == "structured_data"  # the one walker reads every YAML
    assert len(expected & found) / len(expected) >= 0.99
    assert found <= expected
    assert {a.role for a in appearances} == {"award_recipient"}
    # Neither file names its award in its records: no name is made up from the file name.
    assert {a.award for a in appearances} == {""}
    assert "curriculum 68 committee" not in {n for n, _ in found}


def test_award_list_acm_citations(raw_corpus):
    path = raw_corpus / "sigcse" / "awards" / "bestpapers.yml"
    expected = set()
    for row in yaml.safe_load(path.read_text()):
        authors = re.split(r"\.\s+\d{4}\.\s", row["citation"])[0]
        for name in re.split(r",\s*(?:and\s+)?|\s+and\s+", authors):
            expected.add((norm(name), row["year"]))

    _, appearances = recipients(path)
    found = {(norm(a.person_name), a.year) for a in appearances}

    assert len(expected & found) / len(expected) >= 0.99
    assert found <= expected
    # The file names no award in its records; its name is not made up from the file name.
    assert {a.role for a in appearances} == {"award_recipient"}


def test_award_list_markdown_announcement(raw_corpus):
    path = raw_corpus / "sigcse" / "awards" / "2021-11-02-2022-Awards.md"
    text = path.read_text()
    bold_after = r"(?:awarded to|authored by) <a [^>]*>\*\*([^*]+)\*\*"
    expected = {norm(m) for m in re.findall(bold_after, text)}

    extraction, appearances = recipients(path)

    assert {norm(a.person_name) for a in appearances} == expected
    assert all(a.year == 2022 and "Award" in a.award for a in appearances)
    ericson = next(a for a in appearances if a.person_name == "Barbara Ericson")
    assert ericson.org_name == "University of Michigan"
    assert ericson.award == (
        "SIGCSE Award for Outstanding Contribution to Computer Science Education")


def test_award_list_csv_multi_recipient_and_xlsx(tmp_path):
    rows = [("Year", "Award", "Recipient", "Affiliation", "Citation"),
            (2019, "Mentor Award", "Ann Lee and Bo Chen", "Duke University", "For mentoring"),
            (2021, "Service Prize", "Dr. Cy Diaz, PhD; Di Evans (MIT)", "", "For service")]
    csv_path = tmp_path / "awards.csv"
    csv_path.write_text("\n".join(",".join(f'"{c}"' for c in row) for row in rows))
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    xlsx_path = tmp_path / "awards.xlsx"
    book.save(xlsx_path)

    for path in (csv_path, xlsx_path):
        _, appearances = recipients(path)
        assert {(a.person_name, a.year, a.award, a.org_name) for a in appearances} == {
            ("Ann Lee", 2019, "Mentor Award", "Duke University"),
            ("Bo Chen", 2019, "Mentor Award", "Duke University"),
            ("Cy Diaz", 2021, "Service Prize", ""), ("Di Evans", 2021, "Service Prize", "MIT")}
        assert all(a.snippet for a in appearances)


def test_award_list_parsers_examples():
    assert citation_authors("Ann Lee, Yi Ma, and Bo Chen. 2020. T. In P.") == [
        "Ann Lee", "Yi Ma", "Bo Chen"]
    line = parse_announcement("Jane Smith (MIT) received the 2019 Lovelace Medal.")
    assert (line.names, line.award, line.year, line.org) == (
        ("Jane Smith",), "Lovelace Medal", 2019, "MIT")
    with pytest.raises(ParseError):
        parse_announcement("Lunch is served at noon.")


@given(st.text(max_size=120))
def test_award_list_parsers_raise_only_parse_error(text):
    for parse in (citation_authors, split_recipients, parse_announcement):
        try:
            result = parse(text)
        except ParseError:
            continue
        names = result.names if hasattr(result, "names") else [
            r[0] if isinstance(r, tuple) else r for r in result]
        flat = " ".join(text.split())
        assert all(name and name in flat for name in names)


@given(st.text(max_size=80))
def test_award_list_normalize_award_idempotent(text):
    once = normalize_award(text)
    assert normalize_award(once) == once


NAMES = st.from_regex(r"[A-Z][a-z]{1,8} [A-Z][a-z]{1,10}", fullmatch=True).filter(
    lambda name: name.split()[0].lower() not in HONORIFICS)  # "Mr Aa" is Aa, rightly


@given(st.lists(NAMES, min_size=1, max_size=5), st.integers(1950, 2030))
def test_award_list_citation_roundtrip(names, year):
    authors = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", and " + names[-1]
    citation = f"{authors}. {year}. A Title. In Proceedings, 1-2."

    assert citation_authors(citation) == names

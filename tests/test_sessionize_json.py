"""Sessionize "All data" JSON: every speaker with tagLine split into title and organization."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import registry
from pipeline.stages.recognize import find_appearances
from pipeline.text.lines import split_tagline


def norm(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


@pytest.mark.parametrize("year", [2020, 2021])
def test_sessionize_json_lists_every_speaker(raw_corpus, year):
    path = raw_corpus / "global-azure-linz" / str(year) / "sessionize.json"
    data = json.loads(path.read_text())
    expected = {norm(s.get("fullName") or f"{s['firstName']} {s['lastName']}")
                for s in data["speakers"]}
    expected = {re.sub(r"^dr ", "", n) for n in expected}  # "Dr. Holger Schwichtenberg"

    extractor = registry.detect(path)
    extraction = extractor.extract(path)
    appearances = find_appearances(extraction.blocks)
    found = {norm(a.person_name) for a in appearances}

    assert extractor.name == "sessionize_json"
    assert len(expected & found) / len(expected) >= 0.99
    assert found <= expected
    assert {a.source_person_id for a in appearances} == {
        f"sessionize:{s['id']}" for s in data["speakers"]}
    assert extraction.year == year
    assert {a.role for a in appearances} == {"speaker"}


def test_sessionize_json_tagline_and_categories(raw_corpus):
    path = raw_corpus / "global-azure-linz" / "2021" / "sessionize.json"

    blocks = registry.get("sessionize_json").extract(path).blocks

    by_name = {b.person_name: b for b in blocks}
    assert (by_name["Adrienne Tacke"].title, by_name["Adrienne Tacke"].org_name) == (
        "Senior Developer Advocate", "MongoDB")
    assert by_name["Thomas Maurer"].org_name == "Microsoft"
    assert by_name["Marc Müller"].org_name == "4tecture GmbH"
    assert all(b.section in {"Main Conference", "Junior Bootcamp", "DevOps", "Cloud Security",
                             "Cloud Dev", "IoT & Data", ""} for b in blocks)
    assert any(b.section == "Cloud Security" for b in blocks)


@pytest.mark.parametrize("tagline, expected", [
    ("Cloud Advocate @ Microsoft", ("Cloud Advocate", "Microsoft")),
    ("Data Scientist, cubido business solutions GmbH",
     ("Data Scientist", "cubido business solutions GmbH")),
    ("ACP IT Solutions GMBH, Multi Cloud Architect", ("Multi Cloud Architect",
                                                      "ACP IT Solutions GMBH")),
    ("Microsoft; Azure Business Group Lead", ("Azure Business Group Lead", "Microsoft")),
    ("softaware gmbh", ("", "softaware gmbh")),
    ("data juggler", ("data juggler", "")),
    ("Cloud Advocate for Microsoft", ("Cloud Advocate", "Microsoft")),
    ("", ("", "")),
])
def test_sessionize_json_split_tagline_cases(tagline, expected):
    assert split_tagline(tagline) == expected


@given(st.text(max_size=80))
def test_sessionize_json_split_tagline_properties(tagline):
    title, org = split_tagline(tagline)  # never raises
    normalized = " ".join(tagline.split())

    assert title in normalized and org in normalized
    assert split_tagline(normalized) == (title, org)  # whitespace normalization is idempotent
    assert title == title.strip() and org == org.strip()

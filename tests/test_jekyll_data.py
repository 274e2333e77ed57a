"""Jekyll `_data/*.yml`: accepted papers and panels -> speakers and panelists with affiliations."""

from __future__ import annotations

import re

import yaml

from extractors import registry
from pipeline.recognize import find_appearances


def norm(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


def test_jekyll_data_accepted_papers(raw_corpus):
    path = raw_corpus / "sigcse" / "2018" / "accepted.yml"
    expected = set()
    for row in yaml.safe_load(path.read_text()):
        role = "panelist" if row["type"] == "Panel" else "speaker"
        for author in row["authors"].split(";"):
            expected.add((norm(author.split("(")[0]), role))

    extractor = registry.detect(path)
    appearances = find_appearances(extractor.extract(path).blocks)
    found = {(norm(a.person_name), a.role) for a in appearances}

    assert extractor.name == "jekyll_data"
    assert len(expected & found) / len(expected) >= 0.99
    assert found <= expected
    dryer = next(a for a in appearances if a.person_name == "Amber Dryer")
    assert dryer.org_name == "University of Wisconsin - Green Bay (UWGB)"


def test_jekyll_data_list_of_dicts(tmp_path):
    path = tmp_path / "sessions.yml"
    path.write_text("- title: Careers in data\n  type: Panel\n  moderator: Ann Lee\n"
                    "  panelists:\n    - name: Bo Chen\n      affiliation: MIT\n"
                    "    - Cy Diaz (Stanford)\n")

    appearances = find_appearances(registry.detect(path).extract(path).blocks)

    assert {(a.person_name, a.role, a.org_name) for a in appearances} == {
        ("Ann Lee", "moderator", ""), ("Bo Chen", "panelist", "MIT"),
        ("Cy Diaz", "panelist", "Stanford")}

"""frab/pentabarf schedule.xml: every listed person, the right role, no team accounts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from extractors import registry
from pipeline.stages.recognize import find_appearances

GROUP_RE = re.compile(r"\b(staff|team|techspeakers)\b", re.I)


def norm(name: str) -> str:
    """Case, punctuation and generational suffixes (Jr, III) do not tell people apart."""
    words = re.sub(r"[^\w\s]", " ", name.casefold()).split()
    return " ".join(w for w in words if w not in ("jr", "sr", "ii", "iii", "iv"))


@pytest.mark.parametrize("year", [2014, 2016, 2018])
def test_frab_xml_lists_every_person(raw_corpus, year):
    path = raw_corpus / "fosdem" / str(year) / "schedule.xml"
    root = ET.parse(path).getroot()
    listed = {" ".join(p.text.split()) for p in root.iter("person") if p.text}
    expected = {norm(n) for n in listed if not GROUP_RE.search(n)}

    extraction = registry.get("frab_xml").extract(path)
    found = {norm(a.person_name) for a in find_appearances(extraction.blocks)}

    assert len(expected & found) / len(expected) >= 0.99
    assert found <= expected
    assert "fosdem staff" not in found
    assert extraction.year == year and extraction.event == f"FOSDEM {year}"


def test_frab_xml_roles_and_ids(raw_corpus):
    path = raw_corpus / "fosdem" / "2018" / "schedule.xml"
    root = ET.parse(path).getroot()
    keynoters = {norm(p.text) for ev in root.iter("event") if ev.findtext("type") == "keynote"
                 for p in ev.iter("person") if not GROUP_RE.search(p.text)}

    blocks = registry.get("frab_xml").extract(path).blocks

    assert {norm(b.person_name) for b in blocks if b.role == "keynote"} == keynoters
    assert all(re.fullmatch(r"frab:\d+", b.source_person_id) for b in blocks)
    assert {b.role for b in blocks} <= {"keynote", "speaker", "panelist", "organizer"}
    lightning = [b for b in blocks if "Lightning" in b.section]
    assert lightning and all(b.role == "speaker" and "lightningtalk" in b.snippet
                             for b in lightning)


def test_frab_xml_detected_by_content(tmp_path):
    path = tmp_path / "export.dat"
    path.write_text('<?xml version="1.0"?>\n<schedule><conference><title>Demo 2021</title>'
                    "<start>2021-05-01</start></conference><day date=\"2021-05-01\">"
                    '<room name="A"><event id="1"><title>Hello</title><type>workshop</type>'
                    '<track>Data</track><persons><person id="7">Ann Lee</person>'
                    '<person id="8">Demo Organizing Team</person></persons></event></room>'
                    "</day></schedule>")

    extractor = registry.detect(path)
    blocks = extractor.extract(path).blocks

    assert extractor.name == "frab_xml"
    assert [(b.person_name, b.role, b.section, b.year) for b in blocks] == [
        ("Ann Lee", "speaker", "Data", 2021)]

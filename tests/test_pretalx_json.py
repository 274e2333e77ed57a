"""pretalx / c3voc schedule JSON: every speaker with code, role and biography."""

from __future__ import annotations

import json
import re

import pytest

from extractors import registry
from pipeline.stages.recognize import find_appearances


def norm(name: str) -> str:
    """Case, punctuation and generational suffixes (Jr, III) do not tell people apart."""
    words = re.sub(r"[^\w\s]", " ", name.casefold()).split()
    return " ".join(w for w in words if w not in ("jr", "sr", "ii", "iii", "iv"))


def listed_speakers(data: dict) -> dict[str, tuple[str, str]]:
    """code -> (name, submission type) by plain traversal of the widget layout."""
    out = {code: (s["name"], "") for code, s in data.get("speakers", {}).items()}
    for part in ("schedule", "sprints"):
        for day in data.get(part, {}).values():
            for slot in day.values():
                for talk in slot.values():
                    kind = talk["submission_type"]
                    kind = kind.get("en") or kind.get("name", {}).get("en", "")
                    for speaker in talk["speakers"]:
                        out[speaker["code"]] = (speaker["name"], kind)
    return out


@pytest.mark.parametrize("year", [2024, 2025])
def test_pretalx_json_lists_every_speaker(raw_corpus, year):
    path = raw_corpus / "pyconfr" / str(year) / "schedule.json"
    listed = listed_speakers(json.loads(path.read_text()))
    expected = {norm(name) for name, _ in listed.values() if "/" not in name}  # "Vous / You"

    extraction = registry.detect(path).extract(path)
    appearances = find_appearances(extraction.blocks)
    found = {norm(a.person_name) for a in appearances}

    assert registry.detect(path).name == "pretalx_json"
    assert len(expected & found) / len(expected) >= 0.99
    assert found <= expected
    assert extraction.year == year
    ids = {a.source_person_id for a in appearances}
    assert ids <= {f"pretalx:{code}" for code in listed}


def test_pretalx_json_plenary_is_keynote_and_bio_kept(raw_corpus):
    path = raw_corpus / "pyconfr" / "2024" / "schedule.json"
    data = json.loads(path.read_text())

    blocks = registry.get("pretalx_json").extract(path).blocks

    keynote = {b.person_name for b in blocks if b.role == "keynote"}
    assert "Ines Montani" in keynote
    bio = data["speakers"]["SMBJJ9"]["biography"][:40]
    assert any(b.source_person_id == "pretalx:SMBJJ9" and bio[:30] in b.snippet for b in blocks)


def test_pretalx_json_c3voc_layout(tmp_path):
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps({"schedule": {"version": "1", "conference": {
        "title": "DemoCamp 2022", "start": "2022-08-01", "days": [{"date": "2022-08-01",
        "rooms": {"Main": [{"guid": "x", "title": "Opening keynote", "type": "Keynote",
                            "persons": [{"id": 12, "public_name": "Dr. Ann Lee"}]},
                           {"guid": "y", "title": "Tools", "type": "Talk", "track": "Dev",
                            "persons": [{"id": 13, "public_name": "Demo Team"}]}]}}]}}}))

    extraction = registry.detect(path).extract(path)

    assert [(b.person_name, b.role, b.source_person_id) for b in extraction.blocks] == [
        ("Ann Lee", "keynote", "pretalx:12")]
    assert (extraction.event, extraction.year) == ("DemoCamp 2022", 2022)


def test_pretalx_json_too_deep_is_an_extraction_error(tmp_path):
    from pipeline.errors import ExtractionError

    path = tmp_path / "schedule.json"
    path.write_text('{"schedule": {"speakers": ' + "[" * 100_000 + "]" * 100_000 + "}}")

    with pytest.raises(ExtractionError, match="nested too deeply|malformed"):
        registry.get("pretalx_json").extract(path)

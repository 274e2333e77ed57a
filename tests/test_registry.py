"""The extractor registry: no kind disappears silently, misspellings and duplicates fail loudly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import registry
from pipeline.errors import MentorMinerError, UnknownExtractor

GOLDEN = Path(__file__).parent / "golden" / "extractors.json"


def test_registry_names_match_golden(update_golden):
    names = registry.names()
    if update_golden:
        GOLDEN.write_text(json.dumps(names, indent=2) + "\n")

    assert names == json.loads(GOLDEN.read_text())
    assert names == sorted(names)


def test_registry_misspelt_kind_lists_known_kinds():
    with pytest.raises(UnknownExtractor) as info:
        registry.get("progam_pdf")

    message = str(info.value)
    assert "Unknown extractor 'progam_pdf'" in message
    assert all(name in message for name in registry.names())


def test_registry_double_registration_fails():
    with pytest.raises(MentorMinerError, match="registered twice"):
        registry.register("frab_xml")(type("Again", (), {}))


def test_registry_every_extractor_has_version_and_priority():
    for name in registry.names():
        extractor = registry.get(name)
        assert extractor.name == name and extractor.version and isinstance(extractor.priority, int)


@pytest.mark.parametrize("content, kind", [
    (b"%PDF-1.7\n", "program_pdf"),
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "ical"),
    (b'<?xml version="1.0"?>\n<schedule><conference/></schedule>', "frab_xml"),
    (b'{"sessions": [], "speakers": [{"fullName": "A B", "tagLine": ""}]}', "sessionize_json"),
    (b'{"schedule": {"conference": {"days": []}}, "speakers": []}', "pretalx_json"),
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html_page"),
    # Every YAML, whatever it lists, is read by the one tree walker.
    (b"Platinum:\n  - name: Acme\n", "structured_data"),
    (b"- name: Ann Lee\n  year: 2020\n  award: Mentor Award\n", "structured_data"),
    (b"- title: Talk\n  authors: Ann Lee (MIT)\n", "structured_data"),
])
def test_registry_detects_by_content(tmp_path, content, kind):
    path = tmp_path / ("data.yml" if content[:1] in b"-P" else "download.bin")
    path.write_bytes(content)

    assert registry.detect(path).name == kind


def test_registry_unknown_file_gets_error_status(tmp_path):
    from pipeline.run.worker import process_document

    path = tmp_path / "notes.bin"
    path.write_bytes(b"\x00\x01 nothing anyone reads")

    result = process_document({"doc_id": "x", "path": str(path), "source_path": "notes.bin",
                               "kind": "", "year": None})

    assert result.status == "error"
    assert "tried:" in result.message and "award_list" in result.message

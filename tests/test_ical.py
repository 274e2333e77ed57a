"""iCalendar schedules: people from ATTENDEE;CN=, labelled DESCRIPTION lines and SUMMARY."""

from __future__ import annotations

from extractors import registry
from pipeline.stages.recognize import find_appearances

ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//mentor-miner tests//EN
X-WR-CALNAME:DemoConf 2023
BEGIN:VEVENT
UID:1@demo
DTSTAMP:20230101T000000Z
DTSTART:20230915T090000Z
SUMMARY:Opening Keynote: The Future of Work
CATEGORIES:Keynote
DESCRIPTION:Speaker: Dr. Jane Doe (Acme Corp)\\nA look ahead.
LOCATION:Hall A
END:VEVENT
BEGIN:VEVENT
UID:2@demo
DTSTAMP:20230101T000000Z
DTSTART:20230915T110000Z
SUMMARY:Careers panel
CATEGORIES:Panel
ATTENDEE;CN="Bo Chen";ROLE=REQ-PARTICIPANT:mailto:bo@example.org
ATTENDEE;CN=Cy Diaz;ROLE=CHAIR:mailto:cy@example.org
ATTENDEE;CN=Demo Organizing Team:mailto:team@example.org
DESCRIPTION:Moderator: Di Evans
END:VEVENT
BEGIN:VEVENT
UID:3@demo
DTSTAMP:20230101T000000Z
DTSTART:20230915T130000Z
SUMMARY:Rust for data people – Ed Fox
END:VEVENT
BEGIN:VEVENT
UID:4@demo
DTSTAMP:20230101T000000Z
DTSTART:20230915T120000Z
SUMMARY:Lunch break
END:VEVENT
END:VCALENDAR
"""


def test_ical_people_roles_and_year(tmp_path):
    path = tmp_path / "calendar.txt"  # content, not the extension, decides
    path.write_text(ICS.replace("\n", "\r\n"), newline="")

    extractor = registry.detect(path)
    extraction = extractor.extract(path)
    people = {(a.person_name, a.role, a.org_name)
              for a in find_appearances(extraction.blocks)}

    assert extractor.name == "ical"
    assert people == {
        ("Jane Doe", "keynote", "Acme Corp"), ("Bo Chen", "panelist", ""),
        ("Cy Diaz", "chair", ""), ("Di Evans", "moderator", ""), ("Ed Fox", "speaker", ""),
    }
    assert (extraction.event, extraction.year) == ("DemoConf 2023", 2023)


def test_ical_malformed_is_an_extraction_error(tmp_path):
    import pytest

    from pipeline.errors import ExtractionError

    path = tmp_path / "broken.ics"
    path.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n")

    with pytest.raises(ExtractionError):
        registry.get("ical").extract(path)


def test_ical_inside_an_html_comment_is_not_published(tmp_path):
    # A calendar left in a page's comment (a template's leftover) names another event's people.
    path = tmp_path / "schedule.ics"
    path.write_text("<!--\n" + ICS + "-->\n")

    extractor = registry.detect(path)
    extraction = extractor.extract(path)

    assert extractor.name == "ical"
    assert (extraction.blocks, extraction.status) == ([], "empty")
    assert "HTML comment" in extraction.message

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


def _event(uid, summary="", description="", extra=""):
    """One VEVENT of a test calendar; its description's newlines escaped as a calendar's are."""
    description = description.replace("\n", "\\n")
    return (f"BEGIN:VEVENT\r\nUID:{uid}@x\r\nDTSTART:20150919T1{uid}0000Z\r\n"
            f"SUMMARY:{summary or f'Talk {uid}'}\r\n"
            + (f"DESCRIPTION:{description}\r\n" if description else "") + f"{extra}END:VEVENT\r\n")


def _calendar(tmp_path, *events):
    path = tmp_path / "2015" / "schedule.ics"
    path.parent.mkdir()
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + "".join(events)
                    + "END:VCALENDAR\r\n", encoding="utf-8")
    return path


def test_ical_speakers_in_titles_of_other_shapes(tmp_path):
    # `Title by Name`, `Title - Name` beside an ORGANIZER, and a bare `Keynote` title over
    # its speaker's description line
    path = _calendar(
        tmp_path, _event(1, "Dams and fish by Tom Fielding"),
        _event(2, "Maps for all - Ann Lee", extra="ORGANIZER;CN=Bo Chen:mailto:bo@example.org\r\n"),
        _event(3, "Keynote", "Speaker: Peter Lyle (University of Eastfield)\nAbout rain."))

    blocks = registry.get("ical").extract(path).blocks
    found = {(a.role, a.person_name, a.org_name) for a in find_appearances(blocks)}

    assert found == {("speaker", "Tom Fielding", ""), ("speaker", "Ann Lee", ""),
                     ("speaker", "Bo Chen", ""),
                     ("keynote", "Peter Lyle", "University of Eastfield")}


def test_ical_people_in_descriptions_of_other_shapes(tmp_path):
    # HTML in a DESCRIPTION, `Name & Name`, a `Title by Name` line, a `-- Name` signature,
    # `by` inside a sentence, a speaker's biography, an X-SPEAKER property; and an abstract
    # that names a language and a library but no one
    path = _calendar(
        tmp_path, _event(1, description="<p>Speaker: <b>Ann Lee</b></p><p>Maps &amp; rivers.</p>"),
        _event(2, description="Tom Fielding & Grace Hooper\n\nHow dams change rivers."),
        _event(3, description="Rivers of data by Peter Lyle\n\nAn abstract."),
        _event(4, description="An abstract that runs on for a while.\n\n-- Sara Lind"),
        _event(5, description="A hands-on session by Omar Haddad and Lena Berg from Globex "
               "about maps."),
        _event(6, description="An abstract.\n\nAbout the speaker: Ines Varga works at Initech "
               "on search."),
        _event(7, extra="X-SPEAKER:Ivo Marek\r\n"),
        _event(8, description="Python is a language used by Many Teams. We show pandas."))

    blocks = registry.get("ical").extract(path).blocks
    found = {(a.role, a.person_name, a.org_name) for a in find_appearances(blocks)}

    assert found == {("speaker", "Ann Lee", ""), ("speaker", "Tom Fielding", ""),
                     ("speaker", "Grace Hooper", ""), ("speaker", "Peter Lyle", ""),
                     ("speaker", "Sara Lind", ""), ("speaker", "Omar Haddad", ""),
                     ("speaker", "Lena Berg", "Globex"), ("speaker", "Ines Varga", "Initech"),
                     ("speaker", "Ivo Marek", "")}


def test_ical_a_slash_before_the_speaker_and_a_handle_in_brackets(tmp_path):
    # `Title / Name` in a SUMMARY; `Name (@handle)` gives no organization
    path = _calendar(tmp_path, _event(1, "Sparse views / Tom Fielding"),
                     _event(2, "Mapping", "Grace Hooper (@ghooper)\nhttps://example.org/t/12"),
                     _event(3, "Rivers", "Ann Lee (Acme University)\nAbout rivers."))

    blocks = registry.get("ical").extract(path).blocks
    found = {(a.role, a.person_name, a.org_name) for a in find_appearances(blocks)}

    assert found == {("speaker", "Tom Fielding", ""), ("speaker", "Grace Hooper", ""),
                     ("speaker", "Ann Lee", "Acme University")}

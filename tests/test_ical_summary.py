"""Speakers in an iCalendar SUMMARY as schedule exports print them (issue 18)."""

from __future__ import annotations

from extractors.ical import _summary_people


def test_ical_summary_last_dash_outside_brackets_ends_the_title():
    # pretalx: `Title - Name [Org]`, the title may hold dashes and bars, the organization
    # dashes and ampersands; `Title -` names nobody.
    assert _summary_people("Try | Make - Plugins - Ann Lee [Acme]") == [("Ann Lee", "Acme")]
    assert _summary_people("Scaling - a view - Bo Chen [CSC - IT Center], Cy Diaz [A&M U]") == [
        ("Bo Chen", "CSC - IT Center"), ("Cy Diaz", "A&M U")]
    assert _summary_people("Working Group - User Guide -") == []
    assert _summary_people("Intro to R (Dee Fox)") == [("Dee Fox", "")]


def test_ical_summary_names_before_the_title_open_with_a_given_name():
    # `Ann Lee - Title`, as some exports print a talk; a title's first half before a dash is
    # no name even when capitalized.
    assert _summary_people("Helen Marsh - Scaling widgets in practice") == [("Helen Marsh", "")]
    assert _summary_people("Asking About Widgets - a survey") == []


def test_ical_description_labels_come_from_the_lexicon(tmp_path):
    # `Speaker(s):`, `By`, `Presented by` and the lexicon's labels in a DESCRIPTION; in a
    # SUMMARY, a title after its kind (`Keynote: The future of data`) names nobody.
    from extractors import registry

    events = [("Testing without tears", "Speaker(s): Tom Fielding\\n\\nAll about tests."),
              ("Data for all", "By Grace Hooper\\n\\nA talk about data."),
              ("Async in depth", "Presented by Peter Lyle (Acme Robotics)\\nLevel: beginner"),
              ("Keynote: The future of data", "Speakers: Ann Lee\\, Bo Chen")]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN"]
    for i, (summary, description) in enumerate(events):
        lines += ["BEGIN:VEVENT", f"UID:e{i}", f"DTSTART:20240501T{9 + i:02d}0000Z",
                  f"SUMMARY:{summary}", f"DESCRIPTION:{description}", "END:VEVENT"]
    path = tmp_path / "schedule.ics"
    path.write_text("\r\n".join([*lines, "END:VCALENDAR", ""]), encoding="utf-8")

    blocks = registry.get("ical").extract(path).blocks

    assert {(b.person_name, b.org_name, b.role) for b in blocks} == {
        ("Tom Fielding", "", "speaker"), ("Grace Hooper", "", "speaker"),
        ("Peter Lyle", "Acme Robotics", "speaker"), ("Ann Lee", "", "keynote"),
        ("Bo Chen", "", "keynote")}

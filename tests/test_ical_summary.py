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

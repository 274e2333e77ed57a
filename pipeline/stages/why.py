"""What the shortlist says of a person: `why` (the roles, at which events, in which years),
`evidence` (the pages it comes from), and organization names as they were printed."""

from __future__ import annotations

import math
import re

import pandas as pd

ROLE_PHRASES = {
    "keynote": "keynote", "award_recipient": "award", "chair": "chair",
    "committee": "committee member", "board": "board member", "moderator": "moderator",
    "panelist": "panelist", "speaker": "speaker", "organizer": "organizer",
}


ROLE_ORDER = list(ROLE_PHRASES)


MAX_EVENTS_IN_WHY = 3


def event_label(association: str, event: str = "") -> str:
    """A folder's association name as a label, in the casing the event's name prints it when
    it does (issue 21: no recasing of what has capitals), else a word as an acronym when it
    has at most 3 letters, no vowel, or leads the name with at most 4 (folders start with the
    association's acronym: ieee-vr, siam-siagla).

    >>> event_label("sigcse"), event_label("global-azure-linz"), event_label("ieee-ppps")
    ('SIGCSE', 'Global Azure Linz', 'IEEE PPPS')
    >>> event_label("pycon-uk", "PyCon UK 2015 Schedule"), event_label("mzv-workshop")
    ('PyCon UK', 'MZV Workshop')
    """
    label = (association or event or "").strip() or "?"
    if len(label) <= 8 and "-" not in label and "_" not in label:
        return label.upper()
    printed = {w.lower(): w for w in re.findall(r"[^\W_]+", event or "") if w != w.lower()}
    words = []
    for position, part in enumerate(p for p in label.replace("_", "-").split("-") if p):
        if part.lower() in printed:
            words.append(printed[part.lower()])
        elif len(part) <= 3 or not re.search(r"[aeiouy]", part.lower()) or (
                position == 0 and len(part) <= 4):
            words.append(part.upper())
        else:
            words.append(part[:1].upper() + part[1:])
    return " ".join(words) or "?"


def _years_text(years: list[int]) -> str:
    years = sorted(set(years), reverse=True)
    shown = [str(y) for y in years[:MAX_EVENTS_IN_WHY]]
    if len(years) > MAX_EVENTS_IN_WHY:
        shown.append(f"{len(years) - MAX_EVENTS_IN_WHY} more")
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def why(person_rows: pd.DataFrame) -> str:
    """One sentence, strongest roles first.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({
    ...     "role": ["chair", "keynote", "chair", "award_recipient"],
    ...     "association": ["sigcse"] * 4, "event": [""] * 4, "year": [2016, 2022, 2017, 2019],
    ...     "award": ["", "", "", "Outstanding Contribution"], "session": [""] * 4})
    >>> why(rows)
    'Keynote at SIGCSE 2022, Outstanding Contribution award 2019, chair at SIGCSE 2017 and 2016.'
    """
    return why_from_records(person_rows.to_dict("records"))


def _year(value) -> int | None:
    """A whole number from a cell (int, float, text, NA), None when it holds none.

    >>> _year(2019), _year("2019"), _year(2019.0), _year(pd.NA), _year(""), _year(None)
    (2019, 2019, 2019, None, None, None)
    """
    if isinstance(value, int):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if math.isfinite(number) else None


def why_from_records(records: list[dict]) -> str:
    """`why` over plain dicts: the shortlist calls it once per person, so no pandas inside."""
    by_role: dict[str, list[dict]] = {}
    for record in records:
        role = record.get("effective_role") or record.get("role") or ""
        by_role.setdefault(role, []).append(record)
    parts = []
    for role in ROLE_ORDER:
        subset = by_role.get(role)
        if not subset:
            continue
        if role == "award_recipient":
            parts.extend(_award_phrases(subset))
            continue
        by_event: dict[str, list[int]] = {}
        for record in subset:
            label = event_label(str(record.get("association") or ""),
                                str(record.get("event") or ""))
            years = by_event.setdefault(label, [])
            year = _year(record.get("year"))
            if year is not None:
                years.append(year)
        places = [f"{label} {_years_text(years)}" if years else label
                  for label, years in by_event.items()][:MAX_EVENTS_IN_WHY]
        parts.append(f"{ROLE_PHRASES[role]} at {', '.join(places)}")
    if not parts:
        return ""
    sentence = ", ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def _award_phrases(records: list[dict]) -> list[str]:
    by_award: dict[str, list[int]] = {}
    for record in records:
        award = record.get("award")
        name = "" if award is None or (isinstance(award, float) and pd.isna(award)) else award
        years = by_award.setdefault(str(name).strip(), [])
        year = _year(record.get("year"))
        if year is not None:
            years.append(year)
    phrases = []
    for award, years in by_award.items():
        name = award or "Award"
        if "award" not in name.lower():
            name = f"{name} award"
        phrases.append(f"{name} {_years_text(years)}" if years else name)
    return phrases[:MAX_EVENTS_IN_WHY]


def evidence(person_rows: pd.DataFrame) -> str:
    """`source_path p.N` for every appearance (once each), `; `-separated."""
    return evidence_from_records(person_rows.to_dict("records"))


def evidence_from_records(records: list[dict]) -> str:
    cites: dict[str, None] = {}
    for record in records:
        page = _year(record.get("page"))
        source = str(record.get("source_path"))
        cites.setdefault(f"{source} p.{page}" if page is not None else source)
    return "; ".join(cites)


def _as_printed(name: str, variant: str) -> str:
    """`name` with the casing of `variant` where a reader recased it: an acronym (`Ibm` for
    IBM, at most 5 capitals) or a word with capitals inside (`Hooli'S` for Hooli's, `Mcgraw`
    for McGraw). A variant shouted in capitals (`DUKE UNIVERSITY`) changes nothing.

    >>> _as_printed("Ibm", "IBM"), _as_printed("Hooli'S Lab", "Hooli's Lab")
    ('IBM', "Hooli's Lab")
    >>> _as_printed("Duke University", "DUKE UNIVERSITY")
    'Duke University'
    >>> _as_printed("Sas Institute", "SAS Institute")
    'SAS Institute'
    """
    ours, theirs = name.split(" "), variant.split(" ")
    if len(ours) != len(theirs) or name.lower() != variant.lower() or (
            len(theirs) > 1 and variant.isupper()):
        return name
    words = []
    for mine, printed in zip(ours, theirs, strict=True):
        letters = re.sub(r"\W", "", printed)
        acronym = printed.isupper() and 1 < len(letters) <= 5
        inner = not printed.isupper() and mine in (printed.title(), printed.capitalize())
        words.append(printed if mine != printed and (acronym or inner) else mine)
    return " ".join(words)


def printed_org_names(organizations: pd.DataFrame) -> dict[str, str]:
    """Organization name -> the name to print, where the canonical name is a recasing of a
    printed variant (issue 21: `Ibm` for IBM, `Abet` for ABET): the printed capitals win.

    >>> orgs = pd.DataFrame({"name": ["Ibm", "Hooli'S Lab", "Duke University"],
    ...                      "variants": ["IBM; Ibm", "Hooli'S Lab; Hooli's Lab",
    ...                                   "Duke University; DUKE UNIVERSITY"]})
    >>> printed_org_names(orgs)
    {'Ibm': 'IBM', "Hooli'S Lab": "Hooli's Lab"}
    """
    out: dict[str, str] = {}
    if organizations.empty or "variants" not in organizations.columns:
        return out
    for name, variants in zip(organizations["name"].fillna(""),
                              organizations["variants"].fillna(""), strict=True):
        name = str(name)
        for variant in (v.strip() for v in str(variants).split(";")):
            better = _as_printed(name, variant) if variant and variant != name else name
            if better != name:
                out[name] = better
                break
    return out


def printed_org(name: str, names: dict[str, str]) -> str:
    """`name` as printed (see :func:`printed_org_names`); unchanged when not recased."""
    return names.get(name, name) if name else name


def topic_phrase(matches: list[dict]) -> str:
    """`Topic: "Careers in CS" (ACM 2020), award "Mentor award" (ACM 2021). ` or ''."""
    if not matches:
        return ""
    shown = []
    for match in matches[:MAX_EVENTS_IN_WHY]:
        year = _year(match.get("year"))
        where = event_label(str(match.get("association") or ""), str(match.get("event") or ""))
        kind = {"award": "award ", "title": "title "}.get(match["what"], "")
        shown.append(f'{kind}"{match["text"]}" ({where}{f" {year}" if year else ""})')
    if len(matches) > MAX_EVENTS_IN_WHY:
        shown.append(f"{len(matches) - MAX_EVENTS_IN_WHY} more")
    return "Topic: " + ", ".join(shown) + ". "

"""iCalendar (`.ics`) schedules: one VEVENT per session, people in ATTENDEE/ORGANIZER or text."""

from __future__ import annotations

import re
from pathlib import Path

from extractors.records import is_person_account, person_name, session_role, year_in
from extractors.registry import Extraction, register
from pipeline.errors import ExtractionError
from pipeline.tables import Block
from pipeline.text.lines import looks_like_name
from pipeline.text.role_labels import by_label_re, by_labels, role_label_re, role_labels

# "Speaker: Ann Lee (MIT)" / "Speakers: A, B" / "Moderator - C" / "Presented by D" in a
# DESCRIPTION line (the lexicon's role labels and `by` phrases); "Title - Ann Lee" /
# "Title (Ann Lee)" / "Ann Lee: Title" / "Ann Lee - Title" in a SUMMARY.


def _labelled(text: str) -> list[tuple[str, str, str]]:
    """(role, names, line) of each line of `text` that a role label leads.

    >>> [role for role, _, _ in _labelled("Intro\\nSpeaker(s): Ann Lee\\nModerated by Bo Chen")]
    ['speaker', 'moderator']
    """
    out = []
    for line in text.split("\n"):
        line = line.strip()
        match = role_label_re().match(line) or by_label_re(bare_by=True).match(line)
        if match and line[match.end():].strip():
            label = " ".join(match.group("label").lower().split())
            role = "keynote" if "keynote" in label else (
                role_labels().get(label) or by_labels().get(label)
                or role_labels().get(re.sub(r"^co-?", "", label), "speaker"))
            out.append((role, line[match.end():].strip(), line))
    return out


def _names(text: str) -> list[tuple[str, str]]:
    out = []
    # separators inside a bracket belong to the organization (`Ann Lee [Texas A&M University]`)
    for part in re.split(r"(?:\s*;\s*|\s*,\s*|\s+and\s+|\s*&\s*)(?![^()\[\]]*[)\]])", text):
        org = ""
        # `Ann Lee (MIT)`, and `Ann Lee [MIT]` as pretalx exports print a speaker's company.
        match = re.match(r"^(?P<name>[^()\[\]]+?)\s*[(\[](?P<org>[^()\[\]]+)[)\]]\s*$", part)
        if match:
            part, org = match.group("name"), match.group("org")
        name = person_name(part)
        if name and is_person_account(name) and len(name.split()) <= 5:
            out.append((name, org))
    return out


_COMMENT_RE = re.compile(rb"^<!--\s*")


@register("ical")
class ICal:
    version = "1"
    priority = 15

    def matches(self, path: Path, head: bytes) -> bool:
        # A calendar pasted into a web page's comment (`<!--` before BEGIN:VCALENDAR) too: it is
        # this kind, and `extract` says why it yields nothing.
        start = _COMMENT_RE.sub(b"", head.lstrip(b"\xef\xbb\xbf \r\n\t"), count=1)
        return start[:15].upper().startswith(b"BEGIN:VCALENDAR")

    def extract(self, path: Path) -> Extraction:
        import icalendar

        data = path.read_bytes()
        if _COMMENT_RE.match(data.lstrip(b"\xef\xbb\xbf \r\n\t")):
            # A calendar pasted into a web page's comment is not published (as commented-out
            # HTML, Markdown and YAML are not): read, it would name another event's people.
            return Extraction([], status="empty", message="the calendar is inside an HTML "
                              "comment (<!-- ... -->), so not published; nothing read")
        try:
            begin, end = data.upper().find(b"BEGIN:VCALENDAR"), data.upper().rfind(b"END:VCALENDAR")
            if begin > 0 and end > begin:
                data = data[begin:end + len(b"END:VCALENDAR")]
            calendar = icalendar.Calendar.from_ical(data)
        except (ValueError, IndexError, KeyError) as e:
            raise ExtractionError(path, f"malformed iCalendar ({e})") from e
        event = str(calendar.get("X-WR-CALNAME", "") or calendar.get("NAME", "") or "")
        blocks: list[Block] = []
        years = []
        for vevent in calendar.walk("VEVENT"):
            summary = " ".join(str(vevent.get("SUMMARY", "")).split())
            description = str(vevent.get("DESCRIPTION", "") or "")
            kind = " ".join(str(c) for c in _list(vevent.get("CATEGORIES")))
            start = vevent.get("DTSTART")
            when = start.dt.isoformat() if start is not None else ""
            year = year_in(when)
            years.append(year)
            location = str(vevent.get("LOCATION", "") or "")
            base_role = session_role(kind, summary)
            found: dict[str, tuple[str, str, str]] = {}
            for attendee in _list(vevent.get("ATTENDEE")) + _list(vevent.get("ORGANIZER")):
                params = getattr(attendee, "params", {})
                raw = str(params.get("CN", "")).strip('"') or ""
                if not raw:
                    continue
                role = base_role
                if str(params.get("ROLE", "")).upper() == "CHAIR":
                    role = "chair"
                for name, org in _names(raw):
                    found.setdefault(name, (role, org, f"ATTENDEE;CN={raw}"))
            for role, names, line, summarized in [*(x + (False,) for x in _labelled(
                    description)), *(x + (True,) for x in _labelled(summary))]:
                role = base_role if role == "speaker" else role
                for name, org in _names(names):
                    # a title after its kind (`Keynote: The Future of Data`) names no one
                    if not summarized or looks_like_name(name):
                        found.setdefault(name, (role, org, line))
            # the title's people too when an ORGANIZER or ATTENDEE was named (`Maps - Ann Lee`)
            if all(evidence.startswith("ATTENDEE") for _, _, evidence in found.values()):
                for name, org in _summary_people(summary):
                    found.setdefault(name, (base_role, org, summary))
            if not found:
                for name in _description_people(description, summary):
                    found.setdefault(name, (base_role, "", description.split("\n")[0]))
            for name, (role, org, evidence) in found.items():
                blocks.append(Block(
                    text=name, person_name=name, org_name=org, role=role, session=summary,
                    section=kind, year=year, event=event,
                    snippet=" — ".join(filter(None, [evidence, summary, location, when]))[:500],
                ))
        years = [y for y in years if y]
        year = max(set(years), key=years.count) if years else None
        return Extraction(blocks, event=event, year=year, status="ok" if blocks else "empty")


def _list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _description_people(description: str, summary: str) -> list[str]:
    """A DESCRIPTION line that is a name and nothing else (`Title\\nAnn Lee\\nhttps://...`).

    >>> _description_people("Intro to R\\nAnn Lee\\nhttps://x.y\\nTraining", "Intro to R")
    ['Ann Lee']
    >>> _description_people("Intro\\nJGI Team\\nTraining", "Intro")
    []
    """
    from pipeline.text.lines import looks_like_name, looks_like_org

    out = []
    for line in description.split("\n"):
        line = " ".join(line.split())
        if not line or line == summary or len(line) > 60:
            continue
        for name, _ in _names(line) if looks_like_name(line) or "," in line else []:
            if looks_like_name(name) and not looks_like_org(name) and name not in out and not any(
                    len(t) > 1 and t.isupper() for t in name.split()):  # `Compass CDT`
                out.append(name)
    return out


def _summary_people(summary: str) -> list[tuple[str, str]]:
    """`Title – Ann Lee` / `Title (Ann Lee)` / `Ann Lee: Title` / `Ann Lee – Title`: names
    only when every piece is name-shaped.

    >>> _summary_people("Ann Lee - Scaling widgets"), _summary_people("Python - the good parts")
    ([('Ann Lee', '')], [])
    """
    if re.search(r"\s[–—|-]$", summary):
        return []  # `Title -`: an export's session with nobody named after its dash
    # The last dash outside brackets ends the title (`A - B - Ann Lee [CSC - IT Center]`).
    masked = re.sub(r"[(\[][^()\[\]]*[)\]]", lambda m: "_" * len(m.group(0)), summary)
    dashes = list(re.finditer(r"\s+[–—|-]\s+", masked))
    if dashes:
        people = _names(summary[dashes[-1].end():])
        if people and all(looks_like_name(name) for name, _ in people):
            return people
    for pattern in (r"^(?P<title>.+?)\s+[–—|-]\s+(?P<names>[^–—|]+)$",
                    r"^(?P<title>.+?)\s*\((?P<names>[^()]+)\)$",
                    r"^(?P<names>[^:]+?):\s+(?P<title>.+)$",
                    r"^(?P<names>[^–—|]+?)\s+[–—|-]\s+(?P<title>.+)$",  # `Ann Lee - Title`
                    r"^(?P<title>.+?)\s+by\s+(?P<names>[A-Z][^()]+)$"):
        match = re.match(pattern, summary)
        if match:
            people = _names(match.group("names"))
            # names before the title open with a given name people bear (`Asking About X - ...`
            # is a title's first half)
            if people and all(looks_like_name(name) and (match.start("names") > 0 or _given(
                    name)) for name, _ in people):
                return people
    return []


def _given(name: str) -> bool:
    from pipeline.text.namefreq import known_given_share

    return known_given_share(name.split()[0].lower()) > 0

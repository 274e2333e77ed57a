"""iCalendar (`.ics`) schedules: one VEVENT per session, people in ATTENDEE/ORGANIZER or text."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from extractors.records import is_person_account, person_name, session_role, year_in
from extractors.registry import Extraction, register
from extractors.tree_people import name_and_bracket
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
        # `Ann Lee (MIT)`, and `Ann Lee [MIT]` as pretalx exports print a speaker's company;
        # `Ann Lee (@annlee)` her handle
        part, org = name_and_bracket(part.strip())
        if re.search(r"\w{3}[.!?]$", part):  # a sentence's end (`… and Bo Chen.`)
            part = part[:-1]
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
            description = _plain(str(vevent.get("DESCRIPTION", "") or ""))
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
            for key, role, names in _named_properties(vevent):
                for name, org in _names(names):
                    found.setdefault(name, (role or base_role, org, f"{key}:{names}"))
            # the title's people too when an ORGANIZER or ATTENDEE was named (`Maps - Ann Lee`)
            if all(evidence.startswith("ATTENDEE") for _, _, evidence in found.values()):
                for name, org in _summary_people(summary):
                    found.setdefault(name, (base_role, org, summary))
            if not found:
                for name, org, line in _description_people(description, summary):
                    found.setdefault(name, (base_role, org, line))
            if not found:
                for name, org, line in _mentioned(description):
                    found.setdefault(name, (base_role, org, line))
            for name, (role, org, evidence) in found.items():
                blocks.append(Block(
                    text=name, person_name=name, org_name=org, role=role, session=summary,
                    section=kind, year=year, event=event,
                    snippet=" — ".join(filter(None, [evidence, summary, location, when]))[:500],
                ))
        years = [y for y in years if y]
        year = max(set(years), key=years.count) if years else None
        return Extraction(blocks, event=event, year=year, status="ok" if blocks else "empty")


_TAG_RE = re.compile(r"<(/?)(\w+)[^<>]*>")
_BREAK_TAGS = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}


def _plain(text: str) -> str:
    """A DESCRIPTION as plain lines: HTML tags dropped (a paragraph, a break or a list item
    ends a line), entities decoded, and a line's leading dashes or bullets (`-- Ann Lee`, a
    signature) dropped.

    >>> _plain("<p>Speaker: <b>Ann Lee</b></p><p>Maps &amp; rivers</p>")
    'Speaker: Ann Lee\\n\\nMaps & rivers'
    >>> _plain("Abstract.\\n\\n-- Ann Lee")
    'Abstract.\\n\\nAnn Lee'
    """
    import html

    if "<" in text and _TAG_RE.search(text):
        text = _TAG_RE.sub(lambda m: "\n" if m.group(2).lower() in _BREAK_TAGS else "", text)
        text = html.unescape(text).strip("\n")
    return "\n".join(re.sub(r"^\s*(?:[-–—•*]+\s+)", "", line) for line in text.split("\n"))


def _list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _description_people(description: str, summary: str) -> list[tuple[str, str, str]]:
    """(name, organization, line) of each DESCRIPTION line that names people and nothing else
    (`Title\\nAnn Lee\\nhttps://...`, `Ann Lee & Bo Chen`, `Ann Lee (Acme)`), or that is
    the title followed by `by` and its people (`Rivers by Ann Lee`).

    >>> _description_people("Intro to R\\nAnn Lee\\nhttps://x.y\\nTraining", "Intro to R")
    [('Ann Lee', '', 'Ann Lee')]
    >>> _description_people("Intro\\nJGI Team\\nTraining", "Intro")
    []
    >>> [n for n, _, _ in _description_people("Maps\\nAnn Lee & Bo Chen\\nAbstract", "Maps")]
    ['Ann Lee', 'Bo Chen']
    """
    from pipeline.text.lines import looks_like_name, looks_like_org

    out: list[tuple[str, str, str]] = []
    for line in description.split("\n"):
        line = " ".join(line.split())
        if not line or line == summary or len(line) > 60:
            continue
        by = re.match(r"^(?P<title>.+?)\s+by\s+(?P<names>[A-Z][^()]+)$", line)
        listed = looks_like_name(line) or re.search(r",|\s&\s|\sand\s|\(", line)
        people = _names(by.group("names")) if by else _names(line) if listed else []
        for name, org in people:
            if looks_like_name(name) and not looks_like_org(name) and not any(
                    name == seen for seen, _, _ in out) and not any(
                    len(t) > 1 and t.isupper() for t in name.split()):  # `Compass CDT`
                out.append((name, org, line))
    return out


# `by` (or another phrase of the lexicon's by-labels) inside a sentence, then the names it
# leads: capitalized words joined by commas, `and` or `&` (`A talk by Ann Lee and Bo Chen
# about …`); a sentence that opens with a name and a verb of a speaker's biography
# (`Ann Lee is a developer at Acme.`), with the organization after `at` or `from`.
_NAME_RUN = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|van|von|de|da|del|der|di|le|la))*"
_NAMES_RUN = _NAME_RUN + r"(?:\s*(?:,|&|\band\b)\s*" + _NAME_RUN + ")*"
_BIO_RE = re.compile(r"(?:^|(?<=[.!?:]\s))(?P<names>" + _NAME_RUN + r")\s+(?:is|was|has been|"
                     r"works|leads|joined|holds|teaches|studies|runs)\b")
_BIO_ORG_RE = re.compile(r"^[^.!?]*?\b(?:at|from|for)\s+(?P<org>" + _NAME_RUN + ")")
_ORG_AFTER_RE = re.compile(r"^\s+(?:from|of|at)\s+(?P<org>" + _NAME_RUN + r")")


@cache
def _by_phrase_re() -> re.Pattern[str]:
    """A by-label phrase anywhere in a sentence, then the names it leads."""
    phrases = sorted(by_labels(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?i:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                              for p in phrases) + r")\s+(?P<names>"
                      + _NAMES_RUN + ")")


def _mentioned(description: str) -> list[tuple[str, str, str]]:
    """(name, organization, sentence) of the people a DESCRIPTION's prose names as the
    session's: after `by` or another by-label phrase, or opening a biography's sentence; each
    a name that opens with a given name people bear.

    >>> _mentioned("A talk by Ann Lee and Bo Chen from Globex about maps.")
    [('Ann Lee', '', 'A talk by Ann Lee and Bo Chen from Globex about maps.'), \
('Bo Chen', 'Globex', 'A talk by Ann Lee and Bo Chen from Globex about maps.')]
    >>> _mentioned("Ann Lee is a developer at Acme. She maps rivers.")[0][:2]
    ('Ann Lee', 'Acme')
    >>> _mentioned("Python is a language used by Many Teams.")
    []
    """
    by_re = _by_phrase_re()
    text = " ".join(description.split())
    out: list[tuple[str, str, str]] = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
        found = []
        for match in by_re.finditer(sentence):
            org = _ORG_AFTER_RE.match(sentence[match.end():])
            names = _names(match.group("names"))
            found += [(n, org.group("org") if org and i == len(names) - 1 else o)
                      for i, (n, o) in enumerate(names)]
        for match in _BIO_RE.finditer(sentence):
            org = _BIO_ORG_RE.match(sentence[match.end():])
            found += [(n, org.group("org") if org else o) for n, o in _names(match.group("names"))]
        for name, org in found:
            if looks_like_name(name) and _given(name) and all(name != n for n, _, _ in out):
                out.append((name, org.rstrip(".") if org else "", sentence[:300]))
    return out


def _named_properties(vevent) -> list[tuple[str, str, str]]:
    """(property, role, value) of each extension property whose name says it holds people
    (`X-SPEAKER`, `X-PRESENTERS`, `X-MODERATOR`), in the role the name gives."""
    from extractors.tree_roles import key_role
    from pipeline.text.lexicon import field_kind

    out = []
    for key, value in vevent.items():
        if str(key).upper().startswith("X-") and field_kind(str(key)[2:]) == "person":
            for item in _list(value):
                text = " ".join(str(item).split())
                if text:
                    out.append((str(key), key_role(str(key)[2:]), text))
    return out


def _summary_people(summary: str) -> list[tuple[str, str]]:
    """`Title – Ann Lee` / `Title / Ann Lee` / `Title (Ann Lee)` / `Ann Lee: Title` / `Ann Lee –
    Title`: names only when every piece is name-shaped.

    >>> _summary_people("Ann Lee - Scaling widgets"), _summary_people("Python - the good parts")
    ([('Ann Lee', '')], [])
    """
    if re.search(r"\s[–—|-]$", summary):
        return []  # `Title -`: an export's session with nobody named after its dash
    # The last dash outside brackets ends the title (`A - B - Ann Lee [CSC - IT Center]`).
    masked = re.sub(r"[(\[][^()\[\]]*[)\]]", lambda m: "_" * len(m.group(0)), summary)
    dashes = list(re.finditer(r"\s+[–—|/-]\s+", masked))
    if dashes:
        people = _names(summary[dashes[-1].end():])
        if people and all(looks_like_name(name) for name, _ in people):
            return people
    for pattern in (r"^(?P<title>.+?)\s+[–—|/-]\s+(?P<names>[^–—|/]+)$",
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

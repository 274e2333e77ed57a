"""frab / pentabarf `schedule.xml` exports (FOSDEM, CCC and many others)."""

from __future__ import annotations

from pathlib import Path

from extractors.records import is_person_account, person_name, session_role, year_in
from extractors.registry import Extraction, register
from extractors.tree_load import parse_xml
from pipeline.errors import ExtractionError
from pipeline.tables import Block


@register("frab_xml")
class FrabXml:
    version = "2"
    priority = 10

    def matches(self, path: Path, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2000].lower()
        # A frab/pentabarf export lists people as <persons><person id=...>; other XML
        # schedules (a <schedule> with bare <person> text, any other schema) are walked.
        return (start.startswith(b"<?xml") or start.startswith(b"<schedule")) and (
            b"<schedule" in start
        ) and (b"<persons" in head.lower() or b"<person" not in head.lower())

    def extract(self, path: Path) -> Extraction:
        root = parse_xml(path)
        if root.tag != "schedule":
            raise ExtractionError(path, f"not a frab schedule (root element <{root.tag}>)")
        conference = root.find("conference")
        event = " ".join(((conference.findtext("title") if conference is not None else "")
                          or "").split())
        year = None
        if conference is not None:
            year = year_in(conference.findtext("start") or "") or year_in(event)
        blocks: list[Block] = []
        skipped: set[str] = set()
        for day in root.iter("day"):
            date = day.get("date", "")
            for room in day.iter("room"):
                for ev in room.iter("event"):
                    blocks.extend(_event_blocks(ev, room.get("name", ""), date, event, year,
                                                skipped))
        message = f"not people, left out: {', '.join(sorted(skipped))}" if skipped else ""
        return Extraction(blocks, event=event, year=year, status="ok" if blocks else "empty",
                          message=message)


def _event_blocks(ev, room: str, date: str, event: str, year: int | None,
                  skipped: set[str]) -> list[Block]:
    title = " ".join((ev.findtext("title") or "").split())
    kind = (ev.findtext("type") or "").strip()
    track = " ".join((ev.findtext("track") or "").split())
    role = session_role(kind, title, track)
    where = ", ".join(filter(None, [kind, track, room, date, (ev.findtext("start") or "").strip()]))
    persons = ev.find("persons")
    blocks = []
    for person in persons.iter("person") if persons is not None else []:
        raw = " ".join("".join(person.itertext()).split())
        if not raw:
            continue
        if not is_person_account(raw):
            skipped.add(raw)
            continue
        name = person_name(raw)
        pid = person.get("id") or person.get("guid") or ""
        blocks.append(Block(
            text=name, person_name=name, role=role, session=title, section=track,
            event=event, year=year_in(date) or year,
            source_person_id=f"frab:{pid}" if pid else "",
            snippet=f"{raw} — {title} ({where})",
        ))
    return blocks

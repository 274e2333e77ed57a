"""frab / pentabarf `schedule.xml` exports (FOSDEM, CCC and many others)."""

from __future__ import annotations

import re
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from extractors.registry import Extraction, register
from pipeline.errors import ExtractionError
from pipeline.tables import Block

KEYNOTE_RE = re.compile(r"keynote|plenary", re.I)
PANEL_RE = re.compile(r"panel", re.I)


@register("frab_xml")
class FrabXml:
    version = "1"
    priority = 10

    def matches(self, path: Path, head: bytes) -> bool:
        start = head.lstrip()[:2000].lower()
        return (start.startswith(b"<?xml") or start.startswith(b"<schedule")) and (
            b"<schedule" in start
        )

    def extract(self, path: Path) -> Extraction:
        try:
            root = ElementTree.parse(path, forbid_dtd=True).getroot()
        except DefusedXmlException as e:
            raise ExtractionError(path, f"XML refused for safety ({type(e).__name__})") from e
        except ElementTree.ParseError as e:
            raise ExtractionError(path, f"malformed XML ({e})") from e
        if root.tag != "schedule":
            raise ExtractionError(path, f"not a frab schedule (root element <{root.tag}>)")
        conference = root.find("conference")
        event = (conference.findtext("title") if conference is not None else "") or ""
        year = None
        if conference is not None:
            start = conference.findtext("start") or ""
            if re.match(r"\d{4}", start):
                year = int(start[:4])
        blocks: list[Block] = []
        for day in root.iter("day"):
            for room in day.iter("room"):
                for ev in room.iter("event"):
                    title = (ev.findtext("title") or "").strip()
                    kind = " ".join(
                        filter(None, [ev.findtext("type") or "", ev.findtext("track") or ""])
                    )
                    role = "speaker"
                    if KEYNOTE_RE.search(kind) or KEYNOTE_RE.search(ev.findtext("track") or ""):
                        role = "keynote"
                    elif PANEL_RE.search(kind):
                        role = "panelist"
                    persons = ev.find("persons")
                    for person in persons.iter("person") if persons is not None else []:
                        name = " ".join((person.text or "").split())
                        if not name:
                            continue
                        blocks.append(
                            Block(
                                text=name, person_name=name, role=role, session=title,
                                section=ev.findtext("track") or "", event=event, year=year,
                                source_person_id=f"frab:{person.get('id', '')}"
                                if person.get("id") else "",
                                snippet=f"{name} — {title} ({room.get('name', '')}, "
                                f"{day.get('date', '')})",
                            )
                        )
        return Extraction(blocks, event=event, year=year, status="ok" if blocks else "empty")

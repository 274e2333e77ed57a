"""pretalx and c3voc schedule JSON (`schedule.json`, the pretalx widget and API exports)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from extractors.records import (
    as_text,
    head_text,
    is_person_account,
    load_json,
    person_name,
    session_role,
    year_in,
)
from extractors.registry import Extraction, register
from pipeline.errors import ExtractionError
from pipeline.tables import Block

SLUG_RE = re.compile(r"/event/([\w.-]+)/")
NAME_KEYS = ("public_name", "full_public_name", "name", "full_name", "fullName")
ID_KEYS = ("code", "id", "guid")


def _talks(node, date: str = "") -> Iterator[tuple[dict, str]]:
    """Every schedule entry that lists people (`speakers` or `persons`), with its day if known.

    The c3voc layout nests `conference.days[].rooms{room: [event]}`, the pretalx widget layout
    `schedule{date: {minute: {room: talk}}}`, the API `results[]`; walking the tree covers all.
    """
    stack = [(node, date)]
    while stack:
        item, day = stack.pop()
        if isinstance(item, dict):
            people = item.get("speakers", item.get("persons"))
            if "title" in item and isinstance(people, list):
                yield item, day
                continue
            day = as_text(item.get("date")) or day
            for key, value in reversed(list(item.items())):
                if isinstance(value, dict | list):
                    stack.append((value, key if year_in(key) and len(key) == 10 else day))
        elif isinstance(item, list):
            stack.extend((value, day) for value in reversed(item))


def _slug(data) -> str:
    """The pretalx event slug (`pyconfr-2024`) from the rooms' URLs of a widget export."""
    rooms = data.get("rooms") if isinstance(data, dict) else None
    for room in rooms if isinstance(rooms, list) else []:
        match = SLUG_RE.search(as_text(room.get("url")) if isinstance(room, dict) else "")
        if match:
            return match.group(1)
    return ""


def _speaker_name(speaker: dict) -> str:
    for key in NAME_KEYS:
        if speaker.get(key):
            return as_text(speaker[key])
    return ""


def _speaker_id(speaker: dict) -> str:
    for key in ID_KEYS:
        if speaker.get(key) not in (None, ""):
            return f"pretalx:{speaker[key]}"
    return ""


@register("pretalx_json")
class PretalxJson:
    version = "1"
    priority = 21

    def matches(self, path: Path, head: bytes) -> bool:
        text = head_text(head).lstrip()
        if not text.startswith(("{", "[")):
            return False
        return ('"schedule"' in text or '"submission_type"' in text) and (
            '"speakers"' in text or '"persons"' in text
        )

    def extract(self, path: Path) -> Extraction:
        data = load_json(path)
        if not isinstance(data, dict | list):
            raise ExtractionError(path, "not a schedule (JSON is a bare value)")
        conference = {}
        if isinstance(data, dict):
            schedule = data.get("schedule")
            if isinstance(schedule, dict) and isinstance(schedule.get("conference"), dict):
                conference = schedule["conference"]
        event = as_text(conference.get("title") or conference.get("acronym")) or _slug(data)
        year = year_in(conference.get("start")) or year_in(event)
        directory = data.get("speakers") if isinstance(data, dict) else None
        directory = directory if isinstance(directory, dict) else {}
        blocks: list[Block] = []
        seen: set[str] = set()
        skipped: set[str] = set()
        for talk, day in _talks(data):
            title = as_text(talk.get("title"))
            kind = as_text(talk.get("submission_type") or talk.get("type"))
            track = as_text(talk.get("track"))
            role = session_role(kind, title, track)
            slot = talk.get("slot") if isinstance(talk.get("slot"), dict) else {}
            room = as_text(slot.get("room") or talk.get("room"))
            start = as_text(slot.get("start") or talk.get("start") or talk.get("date"))
            day = day or start[:10]
            people = talk.get("speakers", talk.get("persons")) or []
            for speaker in people:
                if isinstance(speaker, str):  # the API lists codes; the directory has names
                    speaker = directory.get(speaker, {"code": speaker})
                if not isinstance(speaker, dict):
                    continue
                block = _block(speaker, directory, role=role, session=title, section=track,
                               event=event, year=year_in(day) or year,
                               where=", ".join(filter(None, [kind, room, start])), skipped=skipped)
                if block:
                    blocks.append(block)
                    seen.add(block.source_person_id or block.person_name)
        for code, speaker in directory.items():  # listed speakers whose talk is not scheduled
            key = _speaker_id(speaker) if isinstance(speaker, dict) else ""
            if isinstance(speaker, dict) and (key or f"pretalx:{code}") not in seen:
                block = _block(speaker, directory, role="speaker", session="", section="",
                               event=event, year=year, where="", skipped=skipped)
                if block and block.person_name not in seen:
                    blocks.append(block)
        if year is None and blocks:  # the widget export has no conference header: use its days
            years = Counter(b.year for b in blocks if b.year)
            year = years.most_common(1)[0][0] if years else None
        message = f"not people, left out: {', '.join(sorted(skipped))}" if skipped else ""
        return Extraction(blocks, event=event, year=year, status="ok" if blocks else "empty",
                          message=message)


def _block(speaker: dict, directory: dict, *, role: str, session: str, section: str, event: str,
           year: int | None, where: str, skipped: set[str]) -> Block | None:
    known = directory.get(str(speaker.get("code", "")), {})
    raw = _speaker_name(speaker) or (_speaker_name(known) if isinstance(known, dict) else "")
    if not raw:
        return None
    if not is_person_account(raw):
        skipped.add(raw)
        return None
    name = person_name(raw)
    bio = as_text(speaker.get("biography") or (known or {}).get("biography"))
    snippet = " — ".join(filter(None, [raw, session and f"{session} ({where})", bio]))
    return Block(
        text=name, person_name=name, role=role, session=session, section=section, event=event,
        year=year, source_person_id=_speaker_id(speaker), snippet=snippet[:500],
    )

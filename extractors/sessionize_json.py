"""Sessionize "All data" JSON exports (`sessions`, `speakers`, `categories`, `rooms`)."""

from __future__ import annotations

from collections import Counter
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
from pipeline.text.lines import split_tagline


def speaker_name(speaker: dict) -> str:
    """`fullName`, else `firstName lastName`, as printed."""
    full = as_text(speaker.get("fullName"))
    if full:
        return full
    return " ".join(filter(None, [as_text(speaker.get("firstName")),
                                  as_text(speaker.get("lastName"))]))


@register("sessionize_json")
class SessionizeJson:
    version = "1"
    priority = 20

    def matches(self, path: Path, head: bytes) -> bool:
        text = head_text(head).lstrip()
        return text.startswith("{") and '"sessions"' in text and (
            '"speakers"' in text or '"categoryItems"' in text
        ) and any(key in text for key in ('"isServiceSession"', '"fullName"', '"tagLine"',
                                           '"categoryItems"', '"isPlenumSession"'))

    def extract(self, path: Path) -> Extraction:
        data = load_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("speakers"), list):
            raise ExtractionError(path, "not a Sessionize 'All data' export (no speakers list)")
        categories = {}
        for category in data.get("categories") or []:
            for item in category.get("items") or [] if isinstance(category, dict) else []:
                if isinstance(item, dict):
                    categories[item.get("id")] = (as_text(category.get("title")),
                                                  as_text(item.get("name")))
        rooms = {room.get("id"): as_text(room.get("name"))
                 for room in data.get("rooms") or [] if isinstance(room, dict)}
        sessions = {str(s.get("id")): s for s in data.get("sessions") or [] if isinstance(s, dict)}
        years = Counter(year_in(s.get("startsAt")) for s in sessions.values() if s.get("startsAt"))
        doc_year = years.most_common(1)[0][0] if years else None
        blocks: list[Block] = []
        skipped: set[str] = set()
        for speaker in data["speakers"]:
            if not isinstance(speaker, dict):
                continue
            raw = speaker_name(speaker)
            if not raw:
                continue
            if not is_person_account(raw):
                skipped.add(raw)
                continue
            name = person_name(raw)
            title, org = split_tagline(as_text(speaker.get("tagLine")))
            listed = [sessions.get(str(sid)) for sid in speaker.get("sessions") or []]
            listed = [s for s in listed if s] or [{}]
            for session in listed:
                cats = [categories.get(cid, ("", "")) for cid in session.get("categoryItems") or []]
                track = next((value for key, value in cats if key.lower() in ("track", "tracks")),
                             "")
                kind = " ".join(value for key, value in cats
                                if key.lower() in ("session format", "format", "type",
                                                   "session type", "level"))
                session_title = as_text(session.get("title"))
                role = session_role(kind, session_title, track) if session else "speaker"
                where = ", ".join(filter(None, [
                    track, rooms.get(session.get("roomId"), ""), as_text(session.get("startsAt")),
                ]))
                blocks.append(Block(
                    text=name, person_name=name, org_name=org, title=title, role=role,
                    session=session_title, section=track,
                    year=year_in(session.get("startsAt")) or doc_year,
                    source_person_id=f"sessionize:{speaker.get('id')}" if speaker.get("id") else "",
                    snippet=" — ".join(filter(None, [
                        raw, as_text(speaker.get("tagLine")),
                        session_title and f"{session_title} ({where})",
                    ]))[:500],
                ))
        message = f"not people, left out: {', '.join(sorted(skipped))}" if skipped else ""
        return Extraction(blocks, year=doc_year, status="ok" if blocks else "empty",
                          message=message)

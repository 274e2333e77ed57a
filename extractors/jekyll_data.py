"""Jekyll/Hugo site data (`_data/*.yml`, JSON alike): accepted papers, sessions, panels, people."""

from __future__ import annotations

import re
from pathlib import Path

from extractors.records import (
    as_text,
    head_text,
    is_person_account,
    load_json,
    load_yaml,
    looks_like_yaml,
    person_name,
    session_role,
    year_in,
)
from extractors.registry import Extraction, register
from pipeline.errors import ExtractionError
from pipeline.tables import Block

# Field -> the role its people play; a `type`/`format` field refines `speaker` rows.
PEOPLE_FIELDS = {
    "authors": "speaker", "author": "speaker", "speakers": "speaker", "speaker": "speaker",
    "presenters": "speaker", "presenter": "speaker", "panelists": "panelist",
    "panellists": "panelist", "moderators": "moderator", "moderator": "moderator",
    "chairs": "chair", "chair": "chair", "session_chair": "chair", "organizers": "organizer",
    "organisers": "organizer", "organizer": "organizer", "keynote": "keynote",
    "keynote_speaker": "keynote", "members": "committee", "committee": "committee",
}
KEY_LINE_RE = re.compile(r"^\s*-?\s*\"?(\w+)\"?\s*:", re.M)
TITLE_KEYS = ("title", "name", "session", "talk", "paper")
KIND_KEYS = ("type", "format", "kind", "category", "track", "session_type")
AFFILIATION_KEYS = ("affiliation", "organization", "organisation", "institution", "company", "org")


def split_authors(value) -> list[tuple[str, str]]:
    """(name, org) pairs from `A (Org); B (Org2)`, `A, B and C`, or a list of strings/dicts.

    >>> split_authors("Ann Lee (University of Wisconsin - Green Bay (UWGB)); Bo Chen")
    [('Ann Lee', 'University of Wisconsin - Green Bay (UWGB)'), ('Bo Chen', '')]
    """
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, dict):
                name = as_text(item.get("name") or " ".join(
                    filter(None, [as_text(item.get("first_name") or item.get("firstname")),
                                  as_text(item.get("last_name") or item.get("lastname"))])))
                org = next((as_text(item[k]) for k in AFFILIATION_KEYS if item.get(k)), "")
                if name:
                    out.append((name, org))
            else:
                out.extend(split_authors(as_text(item)))
        return out
    text = as_text(value)
    parts = re.split(r"\s*;\s*", text) if ";" in text or "(" in text else re.split(
        r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text)
    out = []
    for part in parts:
        part = part.strip(" .,")
        org = ""
        if "(" in part and part.endswith(")"):
            cut = part.index("(")
            part, org = part[:cut].strip(), part[cut + 1:-1].strip()
        if part:
            out.append((part, org))
    return out


@register("jekyll_data")
class JekyllData:
    version = "1"
    priority = 32

    def matches(self, path: Path, head: bytes) -> bool:
        text = head_text(head)
        is_json = path.suffix.lower() == ".json" and text.lstrip().startswith("[")
        if not (looks_like_yaml(path, head) or is_json) or path.suffix.lower() in (".md",):
            return False
        keys = {k.lower() for k in KEY_LINE_RE.findall(text)} if not is_json else {
            k.lower() for k in re.findall(r"\"(\w+)\"\s*:", text)}
        return bool(keys & set(PEOPLE_FIELDS)) and bool(keys & set(TITLE_KEYS))

    def extract(self, path: Path) -> Extraction:
        data = load_json(path) if path.suffix.lower() == ".json" else load_yaml(path)
        if isinstance(data, dict):  # {"sessions": [...]} or {"Day 1": [...], ...}
            rows = [row for value in data.values() if isinstance(value, list) for row in value]
        elif isinstance(data, list):
            rows = data
        else:
            raise ExtractionError(path, "not a site data list (expected a list of entries)")
        blocks: list[Block] = []
        for row in rows:
            if isinstance(row, dict):
                blocks.extend(_row_blocks(row))
        return Extraction(blocks, status="ok" if blocks else "empty")


def _row_blocks(row: dict) -> list[Block]:
    fields = {re.sub(r"[^a-z0-9]+", "_", str(k).lower()): v for k, v in row.items()}
    title = next((as_text(fields[k]) for k in TITLE_KEYS if fields.get(k)), "")
    kind = next((as_text(fields[k]) for k in KIND_KEYS if fields.get(k)), "")
    year = year_in(fields.get("year") or fields.get("date"))
    blocks = []
    for field, base_role in PEOPLE_FIELDS.items():
        if field not in fields or fields[field] in (None, ""):
            continue
        role = session_role(kind, title) if base_role == "speaker" else base_role
        for raw, org in split_authors(fields[field]):
            if not is_person_account(raw):
                continue
            name = person_name(raw)
            if not name:
                continue
            blocks.append(Block(
                text=name, person_name=name, org_name=org, role=role, session=title,
                section=kind, year=year,
                snippet=" — ".join(filter(None, [f"{name} ({org})" if org else name, title,
                                                 kind]))[:500],
            ))
    return blocks

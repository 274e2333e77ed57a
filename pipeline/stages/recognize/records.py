"""Structured records (pretalx, frab, sessionize, ...): rows that pass straight through."""

from __future__ import annotations

import re

from pipeline.tables import Appearance, Block
from pipeline.text.lines import looks_like_org

_TRAILING_ORG_RE = re.compile(r"^(?P<name>[^\[\]()]+?)\s*(?:\[(?P<square>[^\[\]]+)\]|"
                              r"\((?P<round>[^()]+)\))\s*$")


def record_name_org(name: str, org: str) -> tuple[str, str]:
    """A structured record's name with its organization still attached (`Ann Lee [MIT]`,
    as pretalx and frab exports of several conferences print speakers) taken apart.

    >>> record_name_org("Ann Lee [Acme Computing Center]", "")
    ('Ann Lee', 'Acme Computing Center')
    >>> record_name_org("Bo Chen (BC)", ""), record_name_org("Ann Lee (Lund University)", "")
    (('Bo Chen (BC)', ''), ('Ann Lee', 'Lund University'))
    """
    match = _TRAILING_ORG_RE.match(name or "")
    if not match or org:
        return name, org
    inner = match.group("square") or match.group("round")
    if match.group("round") and not looks_like_org(inner):  # `Bo Chen (BC)`: a handle
        return name, org
    return match.group("name").strip(), inner.strip()


def record_appearance(block: Block, event: str, year: int | None) -> Appearance:
    person, org = record_name_org(block.person_name, block.org_name)
    return Appearance(
        role=block.role, person_name=person, org_name=org,
        title=block.title, session=block.session, award=block.award,
        sponsor_tier=block.sponsor_tier, booth=block.booth, event=block.event or event,
        year=block.year or year, method=block.method or "structured",
        snippet=(block.snippet or block.text)[:300],
        page=block.page, source_person_id=block.source_person_id,
    )

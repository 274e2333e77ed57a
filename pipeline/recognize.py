"""Recognize: people and organizations in roles, from layout cues, line rules and spaCy NER."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import replace

from pipeline.lines import (
    ROLE_WORDS_RE,
    clean_name,
    looks_like_name,
    looks_like_org,
    parse_people,
    truecase,
)
from pipeline.nlp import entity_labels
from pipeline.tables import Appearance, Block

logger = logging.getLogger(__name__)

SECTION_ROLES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), role)
    for pattern, role in (
        (r"\bexhibit(or|ors|ion|s)?\b|\bexhibit hall\b", "exhibitor"),
        (r"\b(sponsors?|supporters?|patrons?|partners)\b", "sponsor"),
        (r"\b(awards?|recipients?|winners?|honorees?|laureates?)\b", "award_recipient"),
        (r"\b(board of directors|board|officers|executive council|trustees)\b", "board"),
        (r"\b(committees?|organi[sz]ing|steering|reviewers)\b", "committee"),
        (r"\b(keynotes?|plenary|invited (talk|speaker)s?|distinguished lecture)\b", "keynote"),
        (r"\bpanels?\b", "panelist"),
        (r"\b(workshops?|tutorials?|papers?|sessions?|talks?|presentations?|posters?|"
         r"lightning|demos?|birds of a feather|bofs?|speakers?)\b", "speaker"),
    )
)
LABEL_ROLES = {
    "chair": "chair", "co-chair": "chair", "cochair": "chair", "moderator": "moderator",
    "panelist": "panelist", "panellist": "panelist", "discussant": "panelist",
    "speaker": "speaker", "presenter": "speaker", "organizer": "organizer",
    "organiser": "organizer", "facilitator": "moderator", "host": "moderator",
    "keynote": "keynote", "keynote speaker": "keynote",
}
LABEL_RE = re.compile(
    r"^(?:session\s+)?(?P<label>(?:co-?)?chair|moderator|panell?ist|discussant|speaker|presenter|"
    r"organi[sz]er|facilitator|host|keynote(?: speaker)?)s?\s*(?:[:–—-]\s*|$)",
    re.I,
)
TIER_RE = re.compile(
    r"^(?P<tier>diamond|platinum|gold|silver|bronze|copper|premier|premium|supporting|contributing|"
    r"champion|leader|friend|patron|benefactor|partner|media|academic|startup|hero|"
    r"[a-z]+ level)\b(?:\s+(?:level|tier))?\s*(?:sponsors?|supporters?|partners?)?\s*:?\s*$",
    re.I,
)
BOOTH_RE = re.compile(r"^(?P<org>.+?)[\s.·…_]*\b(?:booth\s*#?\s*)?(?P<booth>\d{2,4}[A-Z]?)$", re.I)
BOOTH_FIRST_RE = re.compile(r"^(?:booth\s*#?\s*)?(?P<booth>\d{2,4}[A-Z]?)\s+(?P<org>\D.+)$", re.I)
SENTENCE_RE = re.compile(r"[.!?]\s+[A-Z]|\b(is|are|was|were|will|has|have|this|that)\b", re.I)
TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(am|pm)\b", re.I)


def section_role(text: str) -> str:
    for pattern, role in SECTION_ROLES:
        if pattern.search(text):
            return role
    return ""


def _is_heading(block: Block) -> bool:
    if block.role_hint == "heading":
        return True
    text = block.text.strip()
    return (
        block.role_hint == "bold" and len(text) <= 60 and bool(section_role(text))
        and not TIME_RE.search(text)
    ) or bool(TIER_RE.match(text))


def find_appearances(
    blocks: Iterable[Block], *, nlp=None, event: str = "", year: int | None = None
) -> list[Appearance]:
    """One `Appearance` per person or organization named in a role in one document's blocks.

    Structured blocks pass straight through; text lines go through the layout-cue state
    machine and the line parsers, and candidate names are confirmed by NER when `nlp` is given.
    """
    candidates: list[tuple[Appearance, bool]] = []  # (appearance, strong cue)
    role, tier, session, label_role, last_page = "", "", "", "", None
    for block in blocks:
        if block.is_record:
            candidates.append((_record(block, event, year), True))
            continue
        text = block.text.strip()
        if not text:
            continue
        if block.page != last_page:
            label_role, last_page = "", block.page
        tier_match = TIER_RE.match(text)
        if tier_match:
            role, tier, label_role = "sponsor", tier_match.group("tier").title(), ""
            continue
        if _is_heading(block):
            new_role = section_role(text)
            if new_role:
                role, label_role = new_role, ""
                tier = "" if new_role != "sponsor" else tier
            session = text if new_role in ("", "speaker", "panelist", "keynote") else session
            if not LABEL_RE.match(text):
                continue
        label = LABEL_RE.match(text)
        if label:
            label_role = LABEL_ROLES.get(label.group("label").lower().rstrip("s"), "speaker")
            text = text[label.end():].strip()
            if not text:
                continue
        elif block.bold and not looks_like_name(truecase(clean_name(text))) and "," not in text:
            session, label_role = text, ""  # a bold line that names nobody titles a session
            continue
        current = label_role or role or "speaker"
        if current in ("sponsor", "exhibitor"):
            app = _org_line(text, current, tier, block, event, year)
            if app:
                candidates.append((app, True))
            continue
        if len(text) > 160 or TIME_RE.search(text) and "," not in text:
            continue
        strong = bool(label) or current in ("chair", "moderator", "committee", "board")
        for person in parse_people(text):
            name = truecase(person.name)
            if not looks_like_name(name):
                continue
            sentence = bool(SENTENCE_RE.search(text)) and not person.org
            if sentence:
                continue
            candidates.append((
                Appearance(
                    role=current, person_name=name, org_name=person.org, title=person.title,
                    session=session, sponsor_tier="", event=event, year=year,
                    method="rule", snippet=block.text[:200], page=block.page,
                ),
                strong or bool(person.org),
            ))
    return _confirm(candidates, nlp)


def _record(block: Block, event: str, year: int | None) -> Appearance:
    return Appearance(
        role=block.role, person_name=block.person_name, org_name=block.org_name,
        title=block.title, session=block.session, award=block.award,
        sponsor_tier=block.sponsor_tier, booth=block.booth, event=block.event or event,
        year=block.year or year, method="structured", snippet=(block.snippet or block.text)[:300],
        page=block.page, source_person_id=block.source_person_id,
    )


def _org_line(
    text: str, role: str, tier: str, block: Block, event: str, year: int | None
) -> Appearance | None:
    text = ROLE_WORDS_RE.sub("", text).strip(" .,;:•·")
    booth = ""
    match = BOOTH_RE.match(text) or BOOTH_FIRST_RE.match(text)
    if match and role == "exhibitor":
        text, booth = match.group("org").strip(" .·…_"), match.group("booth")
    if not text or len(text) > 80 or TIME_RE.search(text) or SENTENCE_RE.search(text):
        return None
    if len(text.split()) > 8 or text.lower() in ("booth", "exhibitor", "company", "organization"):
        return None
    return Appearance(
        role=role, org_name=text, sponsor_tier=tier if role == "sponsor" else "", booth=booth,
        event=event, year=year, method="layout", snippet=block.text[:200], page=block.page,
    )


def _confirm(candidates: list[tuple[Appearance, bool]], nlp) -> list[Appearance]:
    """Keep strong-cue candidates unless NER calls them something else; weak ones need PERSON."""
    if nlp is None or not candidates:
        return [app for app, strong in candidates if strong or app.method == "structured"]
    texts = [app.person_name for app, _ in candidates if app.method == "rule"]
    labels = entity_labels(nlp, texts) if texts else {}
    kept = []
    for app, strong in candidates:
        if app.method != "rule":
            kept.append(app)
            continue
        label = labels.get(app.person_name, "")
        if label == "PERSON" or (strong and label in ("", "PERSON", "NORP")):
            kept.append(replace(app, method="rule+ner" if label == "PERSON" else "rule"))
    return kept


def looks_org(text: str) -> bool:
    return looks_like_org(text)

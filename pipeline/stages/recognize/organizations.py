"""Sponsors and exhibitors: organization lines, booth numbers, sessions a sponsor gives."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.recognize.labels import SENTENCE_RE, TIME_RE
from pipeline.tables import Appearance, Block
from pipeline.text.lines import ROLE_WORDS_RE

ORG_LIST_SPLIT_RE = re.compile(r"\s*[,;•·|]\s*|\s+and\s+(?=[A-Z])")
# `Acme Robotics 101`, `Acme ..... Booth 12`, `Acme – Booth 14`
BOOTH_RE = re.compile(
    r"^(?P<org>.+?)[\s.·…_,:|–—-]*\b(?:booth\s*#?\s*)?(?P<booth>\d{2,4}[A-Z]?)$", re.I)
BOOTH_FIRST_RE = re.compile(r"^(?:booth\s*#?\s*)?(?P<booth>\d{2,4}[A-Z]?)\s+(?P<org>\D.+)$", re.I)


def org_line(
    text: str, role: str, tier: str, block: Block, event: str, year: int | None
) -> Appearance | None:
    text = ROLE_WORDS_RE.sub("", text).strip(" .,;:•·")
    booth = ""
    match = BOOTH_RE.match(text) or BOOTH_FIRST_RE.match(text)
    if match and role == "exhibitor":
        text, booth = match.group("org").strip(" .·…_"), match.group("booth")
    if not re.search(r"[^\W\d_]", text) or len(text) > 80 or TIME_RE.search(text) or (
        SENTENCE_RE.search(text)
    ):
        return None
    if len(text.split()) > 8 or text.lower() in ("booth", "exhibitor", "company", "organization"):
        return None
    if not org_shaped(text):
        return None
    return Appearance(
        role=role, org_name=text, sponsor_tier=tier if role == "sponsor" else "", booth=booth,
        event=event, year=year, method="layout", snippet=block.text[:200], page=block.page,
    )


ADDRESS_RE = re.compile(
    r"^\d+\s+\w|^(p\.?\s?o\.?\s+box|suite|floor)\b|\b\d{5}(-\d{4})?$|\b[A-Z]{2}\s+\d{5}\b|"
    r"\b\d{4}\s?[A-Z]{2}$|www\.|https?:|@|\.(com|org|edu|net|io)\b",
    re.I,
)
SMALL_WORDS = frozenset({"of", "and", "for", "the", "by", "in", "at", "&", "de", "du", "la", "von"})


def org_shaped(text: str) -> bool:
    """A sponsor or exhibitor line names an organization: short, no colon, no address or web
    address, capitalized words (not a wrapped description, not a talk title; issue 3)."""
    if ":" in text or ADDRESS_RE.search(text):
        return False
    words = [w for w in text.split() if w.lower() not in SMALL_WORDS]
    if not words or len(words) > 6:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower == 0 or (lower == 1 and len(words) == 1)  # `zyBooks`


BOOTH_COLUMN_RE = re.compile(r"(?:(?:booth\s*#?\s*)?\d{1,4}[A-Z]?\s*)+", re.I)


def attach_booths(candidates: list[tuple[Appearance, str, int]], block: Block) -> None:
    """Give the exhibitor rows of the name column level with `block` its booth numbers, in
    order (a table whose booth column pdfplumber reads as a separate cell)."""
    booths = re.findall(r"\d{1,4}[A-Z]?", block.text)
    rows = [
        i for i, (app, _, _) in enumerate(candidates)
        if app.role == "exhibitor" and app.page == block.page and not app.booth
    ]
    rows = rows[-len(booths):] if len(rows) >= len(booths) else []
    for i, booth in zip(rows, booths, strict=False):
        app, strength, group = candidates[i]
        candidates[i] = (replace(app, booth=booth), strength, group)


SPONSOR_SESSION_RE = re.compile(
    r"^(?:supporter|sponsor|vendor|industry partner)\s+(?:session|talk|workshop|demo|"
    r"presentation|tutorial)\s*:\s*(?P<org>[^():]{2,60}?)\s*(?:\(|$)"
    r"|\bsponsored\s+by:?\s+(?:the\s+)?(?P<by>[A-Z][^():;,.]{1,60}?)\s*(?:[(),.;]|$)",
    re.I | re.M,
)
_SPONSOR_SESSION_WORDS = ("sponsor", "supporter", "vendor", "industry partner")


def sponsor_sessions(block: Block, event: str, year: int | None):
    """An organization that gives a session or pays for one is a sponsor (issue 3):
    `Supporter Session: Vocareum (room: River Bluff)`, `Lunch sponsored by Acme Corp`."""
    folded = block.text.casefold()
    if not any(word in folded for word in _SPONSOR_SESSION_WORDS):
        return []  # what the pattern needs, looked up before the pattern scans every line
    out = []
    for match in SPONSOR_SESSION_RE.finditer(block.text):
        org = (match["org"] or match["by"] or "").strip(" .,")
        if org and org_shaped(org) and not TIME_RE.search(org):
            out.append((Appearance(
                role="sponsor", org_name=org, event=event, year=year, method="layout",
                snippet=" ".join(block.text.split())[:200], page=block.page,
            ), "strong", 0))
    return out

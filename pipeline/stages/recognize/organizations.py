"""Sponsors and exhibitors: organization lines, booth numbers, sessions a sponsor gives."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.recognize.labels import SENTENCE_RE, TIME_RE, section_role
from pipeline.tables import Appearance, Block
from pipeline.text.lexicon import is_tier, lexicon, printed_tier_alternation
from pipeline.text.lines import ROLE_WORDS_RE, is_credential, looks_like_org
from pipeline.text.name_shapes import one_name

ORG_LIST_SPLIT_RE = re.compile(r"\s*[,;•·|]\s*|\s+and\s+(?=[A-Z])")
# `Acme Robotics 101`, `Acme ..... Booth 12`, `Acme – Booth 14`
BOOTH_RE = re.compile(
    r"^(?P<org>.+?)[\s.·…_,:|–—-]*\b(?:booth\s*#?\s*)?(?P<booth>\d{2,4}[A-Z]?)$", re.I)
BOOTH_FIRST_RE = re.compile(r"^(?:booth\s*#?\s*)?(?P<booth>\d{2,4}[A-Z]?)\s+(?P<org>\D.+)$", re.I)
# The word says it (one digit will do): `Booth 12 – Acme`, `Stand A3: Acme`, `Acme (Booth 3)`.
_BOOTH_WORD = r"(?:booth|stand|table|stall)\s*(?:no\.?|#)?\s*(?P<booth>[A-Z]?\d{1,4}[A-Z]?)"
BOOTH_WORD_FIRST_RE = re.compile(rf"^{_BOOTH_WORD}\s*[:|–—-]?\s+(?P<org>\D.+)$", re.I)
BOOTH_WORD_AFTER_RE = re.compile(rf"^(?P<org>.+?)\s*[(\[,|–—-]\s*{_BOOTH_WORD}\s*[)\]]?$", re.I)
# A sponsor's line that ends with its tier, after a dash, a comma or in brackets.
_TIER_AFTER_RE = re.compile(
    rf"^(?P<org>.+?)\s*(?:\s[–—|-]\s*|\(\s*|,\s+)(?P<tier>{printed_tier_alternation()})"
    r"(?:[\s-]+(?:level|tier|sponsors?|partners?|supporters?|member))?\s*\)?$", re.I)
# Where a line lists several organizations: a comma, semicolon, bullet or pipe between them.
_ORG_ITEMS_RE = re.compile(r"\s*[,;•·|]\s*")
_LEGAL_FORM_RE = re.compile(r"(?:inc|ltd|llc|llp|plc|corp|co|gmbh|ag|sa|bv|nv|ab|oy)\.?", re.I)
_AND_RE = re.compile(r"\s+and\s+(?=(?:the\s+)?[A-Z])")  # `&` joins a name (`Taylor & Francis`)


def org_lines(
    text: str, role: str, tier: str, block: Block, event: str, year: int | None
) -> list[Appearance]:
    """The organizations of one sponsor or exhibitor line: one (`Acme Corp`), or a list
    (`Acme Corp, Globex Labs and Initech`, `Acme | Globex | Initech`) when every item is shaped
    like an organization; an `and` divides only a list that a comma divides too, or two items
    an organization's word marks (`Procter and Gamble` stays one).

    >>> block = Block(text="", page=1)
    >>> [a.org_name for a in org_lines("Acme Corp, Globex Labs and Initech", "sponsor", "", block,
    ...                                "", None)]
    ['Acme Corp', 'Globex Labs', 'Initech']
    """
    items = _org_items(text)
    if len(items) > 1:
        found = [org_line(item, role, tier, block, event, year) for item in items]
        if all(found):
            return found
    app = org_line(text, role, tier, block, event, year)
    return [app] if app else []


def _org_items(text: str) -> list[str]:
    """The items of a list of organizations (see `org_lines`). Commas divide only three
    items or more, none of them a company's legal form alone: `Hooli, Inc` and
    `Department of Rivers, Northwind University` are one organization each."""
    text = text.strip(" .")
    items = [i.strip() for i in _ORG_ITEMS_RE.split(text) if i.strip()]
    divided = len(items)
    if items and (len(items) > 1 or _AND_RE.search(text)):
        last = [re.sub(r"^the\s+", "", p) for p in _AND_RE.split(items[-1])]
        if len(items) > 1 or all(looks_like_org(part) for part in last):
            items[-1:] = last
    commas_only = not re.search(r"[;•·|]", text)
    if commas_only and divided > 1 and (len(items) < 3 or any(
            is_credential(i) or _LEGAL_FORM_RE.fullmatch(i) for i in items)):
        return [text]
    if len(items) > 1 and any(one_name(" ".join(i.split()[:2])) for i in items):
        return [text]  # `Ann Lee – Acme, New Zealand`: a person's line, no list of sponsors
    # a list cut at its block's end (`… of Korea and the`)
    return [re.sub(r"\s+and(?:\s+the)?$", "", i) for i in items]


def org_line(
    text: str, role: str, tier: str, block: Block, event: str, year: int | None
) -> Appearance | None:
    text = ROLE_WORDS_RE.sub("", text).strip(" .,;:•·")
    booth = ""
    match = (BOOTH_WORD_FIRST_RE.match(text) or BOOTH_WORD_AFTER_RE.match(text)
             or BOOTH_RE.match(text) or BOOTH_FIRST_RE.match(text))
    if match and role == "exhibitor":
        text, booth = match.group("org").strip(" .·…_"), match.group("booth")
    tiered = _TIER_AFTER_RE.match(text) if role == "sponsor" else None
    if tiered:  # `Acme Corp – Platinum Sponsor`, `Globex (Gold)`: the line's own tier
        text, tier = tiered.group("org"), tiered.group("tier").title()
    if not re.search(r"[^\W\d_]", text) or len(text) > 80 or TIME_RE.search(text) or (
        SENTENCE_RE.search(text)
    ):
        return None
    if len(text.split()) > 8 or text.lower() in ("booth", "exhibitor", "company", "organization"):
        return None
    if _heading_words_only(text):
        return None  # `SPONSORS AND DONORS`: the list's heading, no sponsor
    if not org_shaped(text):
        return None
    return Appearance(
        role=role, org_name=text, sponsor_tier=tier if role == "sponsor" else "", booth=booth,
        event=event, year=year, method="layout", snippet=block.text[:200], page=block.page,
    )


_GLUE_WORDS = frozenset({"and", "&", "i", "und", "et", "y", "e", "ve", "our", "the"})


def _heading_words_only(text: str) -> bool:
    """A line of a sponsor list's heading words alone (`SPONSORS AND DONORS`), not an
    organization whose name holds one (`Meridian Revenue Cycle Partners`)."""
    words = [w for w in text.lower().split() if w not in _GLUE_WORDS]
    return bool(words) and all(section_role(w) in ("sponsor", "exhibitor") or is_tier(w)
                               for w in words)


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
    # a legal form in lower case is an organization's word (`Acme d.o.o.`, `Globex s.r.l.`)
    lower = sum(1 for w in words if w[:1].islower() and not looks_like_org(w))
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


_SUPPORT = "|".join(re.escape(p).replace(r"\ ", r"\s+")
                    for p in sorted(lexicon()["support_phrases"], key=len, reverse=True))
SPONSOR_SESSION_RE = re.compile(
    r"^(?:supporter|sponsor|vendor|industry partner)\s+(?:session|talk|workshop|demo|"
    r"presentation|tutorial)\s*:\s*(?P<org>[^():]{2,60}?)\s*(?:\(|$)"
    r"|\bsponsored\s+by:?\s+(?:the\s+)?(?P<by>[A-Z][^():;.\n]{1,200}?)\s*(?:[().;]|$)"
    # the other phrases end with their sentence on the line: in a bio, `funded by the European
    # Research` / `Council` is cut by the line's end
    rf"|\b(?:{_SUPPORT}):?\s+(?:the\s+)?(?P<support>[A-Z][^():;.\n]{{1,200}}?)\s*(?:[.;]|\Z)",
    re.I | re.M,
)
# A word each of those phrases holds (its longest), looked up before the pattern scans a block.
_SPONSOR_SESSION_WORDS = ("sponsor", "supporter", "vendor", "industry partner", *sorted(
    {max(p.split(), key=len).casefold() for p in lexicon()["support_phrases"]}))


def sponsor_sessions(block: Block, event: str, year: int | None):
    """An organization that gives a session or pays for one is a sponsor (issue 3):
    `Supporter Session: Vocareum (room: River Bluff)`, `Lunch sponsored by Acme Corp`."""
    folded = block.text.casefold()
    if not any(word in folded for word in _SPONSOR_SESSION_WORDS):
        return []  # what the pattern needs, looked up before the pattern scans every line
    out = []
    for match in SPONSOR_SESSION_RE.finditer(block.text):  # a line's: a list may not wrap
        org = (match["org"] or match["by"] or match["support"] or "").strip(" .,")
        items = _org_items(org) if not match["org"] else [org]
        if not items or not all(org_shaped(i) and not TIME_RE.search(i) for i in items):
            continue  # `supported by grants from the Foundation`: no list of organizations
        out.extend((Appearance(
            role="sponsor", org_name=item, event=event, year=year, method="layout",
            snippet=" ".join(block.text.split())[:200], page=block.page,
        ), "strong", 0) for item in items)
    return out

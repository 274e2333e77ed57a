"""Exhibitor directories: `Name` over `Booth 211` (an address, a description, a tier tag).

Guides to exhibitors print one entry per organization: its name in bold, a `Booth N` line right
below it, then address and description lines, and sometimes a tag such as `SILVER SUPPORTER`
set just above the name. The entry's geometry says which lines belong together, so this reads
them by position rather than by the order the PDF stores them in.
"""

from __future__ import annotations

import re

from pipeline.tables import Appearance, Block
from pipeline.text.lexicon import printed_tier_alternation

BOOTH_LINE_RE = re.compile(
    r"^(?:booths?|stands?|tables?)\s*(?:#|no\.?|number)?\s*:?\s*"
    r"(?P<booth>[A-Z]?\d{1,4}[A-Z]?(?:\s*[-–&,/]\s*[A-Z]?\d{1,4}[A-Z]?)*)$",
    re.I,
)
TAG_RE = re.compile(
    rf"^(?P<tier>{printed_tier_alternation()})\s+(?:level\s+)?"
    r"(?:supporters?|sponsors?|partners?)$",
    re.I,
)
MIN_ENTRIES = 3  # a page with fewer booth entries is no directory


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _name_above(booth: Block, blocks: list[Block]) -> Block | None:
    """The block set right above a booth line, aligned with it."""
    best = None
    for block in blocks:
        if block is booth or block.top is None or block.bottom is None:
            continue
        if abs(block.x0 - booth.x0) > 15 or block.bottom > booth.top + 3:
            continue
        if booth.top - block.bottom > 20:
            continue
        text = _one_line(block.text)
        if BOOTH_LINE_RE.match(text) or TAG_RE.match(text) or len(text) > 90 or \
                len(text.split()) > 10:
            continue
        if best is None or block.bottom > best.bottom:
            best = block
    return best


def _tagged(tag: Block, names: list[Block]) -> Block | None:
    """The entry name a tier tag sits just above (same column)."""
    best = None
    for name in names:
        if not tag.top < name.top <= tag.top + 40:
            continue
        if not name.x0 - 5 <= tag.x0 <= name.x0 + 250:
            continue
        if best is None or name.top < best.top:
            best = name
    return best


def directory_pages(blocks: list[Block], *, event: str = "", year: int | None = None
                    ) -> tuple[list[Appearance], set[int]]:
    """Appearances of every directory entry, and the pages that are directories.

    Each entry gives an `exhibitor` row with its booth (a booth of zeros is a placeholder and
    left empty); an entry with a tier tag gives a `sponsor` row with that tier too.
    """
    by_page: dict[int, list[Block]] = {}
    for block in blocks:
        if not block.is_record and block.page is not None and block.top is not None:
            by_page.setdefault(block.page, []).append(block)
    found: list[Appearance] = []
    pages: set[int] = set()
    for page, page_blocks in by_page.items():
        entries: list[tuple[Block, str, Block]] = []
        for block in page_blocks:
            match = BOOTH_LINE_RE.match(_one_line(block.text))
            if not match:
                continue
            name = _name_above(block, page_blocks)
            if name is not None:
                booth = match.group("booth")
                entries.append((name, "" if set(re.sub(r"\D", "", booth)) == {"0"} else booth,
                                block))
        if len(entries) < MIN_ENTRIES:
            continue
        pages.add(page)
        names = [name for name, _, _ in entries]
        # A tagged name whose booth line went to the next page is an entry all the same.
        bold_names = [b for b in page_blocks if (b.bold or b.role_hint == "heading")
                      and not BOOTH_LINE_RE.match(_one_line(b.text))
                      and not TAG_RE.match(_one_line(b.text)) and len(b.text) <= 90]
        tiers: dict[int, str] = {}
        for block in page_blocks:
            tag = TAG_RE.match(_one_line(block.text))
            if not tag:
                continue
            name = _tagged(block, names) or _tagged(block, bold_names)
            if name is not None:
                tiers[id(name)] = tag.group("tier").title()
                if name not in names:
                    names.append(name)
                    entries.append((name, "", name))
        for name, booth, booth_block in entries:
            org = _one_line(name.text).strip(" .,;:•·")
            snippet = org if booth_block is name else f"{org} — {_one_line(booth_block.text)}"
            found.append(Appearance(role="exhibitor", org_name=org, booth=booth, event=event,
                                    year=year, method="layout", snippet=snippet, page=page))
            if id(name) in tiers:
                found.append(Appearance(role="sponsor", org_name=org, sponsor_tier=tiers[id(name)],
                                        event=event, year=year, method="layout",
                                        snippet=snippet, page=page))
    return found, pages

"""Sponsor and exhibitor pages in Markdown with tier headings (YAML/CSV lists: the tree walker)."""

from __future__ import annotations

import re
from pathlib import Path

from extractors.records import (
    as_text,
    head_text,
    is_person_account,
    load_yaml,
    looks_like_yaml,
    person_name,
)
from extractors.registry import Extraction, register
from extractors.spreadsheet import csv_header, is_xlsx, read_rows, xlsx_header
from extractors.text_document import TextDocument
from pipeline.errors import ExtractionError
from pipeline.tables import Block
from pipeline.text.keys import norm_key
from pipeline.text.lexicon import tier_words

# The lexicon's sponsor tiers (`platinum`, `in-kind`, `lanyard`), and `Gold Level`, `Tier 1`.
TIER_WORDS = "|".join(
    [re.escape(w).replace(r"\-", "[- ]") + "s?"
     for w in sorted(tier_words(), key=len, reverse=True)] + [r"(?:[a-z]+ )?level", r"tier \w+"])
TIER_KEY_RE = re.compile(rf"^(?:{TIER_WORDS})(?:\s+(?:sponsors?|supporters?|partners?|level|"
                         rf"tier|exhibitors?))?s?$", re.I)
YAML_TIER_LINE_RE = re.compile(rf"^(?:{TIER_WORDS})[\w -]*:\s*$", re.M | re.I)
ORG_KEYS = ("name", "company", "organization", "organisation", "org", "sponsor", "exhibitor",
            "vendor", "company_name", "organization_name", "sponsor_name", "exhibitor_name")
TIER_KEYS = ("tier", "level", "sponsor_level", "sponsorship", "sponsorship_level", "category",
             "package", "type")
BOOTH_KEYS = ("booth", "booth_number", "booth_no", "stand", "table")
CONTACT_KEYS = ("contact", "contact_name", "representative", "rep", "person", "contacts",
                "people", "representatives")
# Keys of talk, paper and award records: such a list is not a sponsor list.
NOT_SPONSOR_KEYS = {"authors", "author", "speakers", "speaker", "panelists", "presenters",
                    "moderator", "moderators", "chair", "chairs", "abstract", "year", "award",
                    "citation", "recipient", "recipients"}
HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?P<text>.+)$")
LINK_RE = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)")
# A logo, in Markdown (`[![Acme](acme.png)](https://acme.example)`) or inline HTML (`<img
# alt="Acme logo">`): its alt text is the organization's name.
IMAGE_RE = re.compile(r"!\[(?P<md>[^\]]*)\]\([^)]*\)|<img\b[^>]*?\balt\s*=\s*[\"'](?P<html>[^\"']*)"
                      r"[\"'][^>]*>", re.I)
LOGO_WORDS_RE = re.compile(r"\b(logo|image|icon|banner)\b", re.I)
# `**Bronze**: Acme, Globex` / `Gold Sponsors: Acme and Globex`: a tier and its sponsors.
LABELLED_RE = re.compile(r"^\s*(?:[*_]{2})?(?P<label>[^:*_]{2,40}?)(?:[*_]{2})?\s*:\s*(?:[*_]{2})?"
                         r"\s*(?P<rest>\S.*)$")


def tier_role(tier: str, *, booth: str = "") -> str:
    """`exhibitor` for exhibit-hall tiers or rows with a booth, else `sponsor`."""
    return "exhibitor" if booth or re.search(r"exhibit", tier, re.I) else "sponsor"


def tier_name(text: str) -> str:
    """`Gold Sponsors` -> `Gold`; `Exhibitors` -> ``."""
    cleaned = re.sub(r"\b(sponsors?|supporters?|partners?|exhibitors?|level|tier)\b", "", text,
                     flags=re.I)
    return " ".join(cleaned.split()).strip(" :-").title()


@register("sponsor_list")
class SponsorList:
    version = "1"
    priority = 31

    def matches(self, path: Path, head: bytes) -> bool:
        suffix = path.suffix.lower()
        text = head_text(head)
        if looks_like_yaml(path, head) and suffix not in (".md", ".markdown"):
            if YAML_TIER_LINE_RE.search(text):
                return True
            keys = set(re.findall(r"^\s*-?\s*(\w+)\s*:", text, re.M))
            return bool(keys & set(TIER_KEYS + BOOTH_KEYS)) and bool(keys & set(ORG_KEYS)) and \
                not keys & NOT_SPONSOR_KEYS
        if suffix in (".md", ".markdown"):
            # A sponsor page is one whose title (front matter or first heading) says so; a
            # program with a sponsor section is a program (text_document reads it whole).
            title = re.search(r"^title:\s*(.+)$", text, re.M)
            headings = [m.group("text") for m in map(HEADING_RE.match, text.splitlines()) if m]
            first = title.group(1) if title else (headings[0] if headings else "")
            return bool(re.search(r"\b(sponsors?|exhibitors?|supporters?|partners)\b", first,
                                  re.I))
        header = xlsx_header(path) if is_xlsx(path, head) else csv_header(head)
        return bool(set(header) & set(ORG_KEYS)) and bool(
            set(header) & set(TIER_KEYS + BOOTH_KEYS)) and not set(header) & {
            "award", "recipient", "recipients", "authors", "speaker", "speakers", "title"}

    def extract(self, path: Path) -> Extraction:
        suffix = path.suffix.lower()
        if suffix in (".md", ".markdown"):
            listed = _finish(_markdown(path.read_text(encoding="utf-8-sig", errors="replace")))
            # A sponsor page of tables or prose rather than tier headings and bullets: read as
            # a text document (its tables by the tree walker), as award pages are; a page of
            # both keeps the organizations its tables add to its bullets.
            text = TextDocument().extract(path)
            if not listed.blocks:
                return text
            named = {b.org_name for b in listed.blocks}
            return _finish(listed.blocks + [b for b in text.blocks if b.is_record and (
                b.org_name and b.org_name not in named and not b.person_name)])
        with open(path, "rb") as fh:
            head = fh.read(8)
        if head.startswith(b"PK\x03\x04") or suffix in (".csv", ".tsv", ".xlsx", ".xlsm"):
            return _finish([b for row in read_rows(path) for b in _row_blocks(row, "")])
        data = load_yaml(path)
        if isinstance(data, dict):
            blocks = []
            for key, items in data.items():
                for item in items if isinstance(items, list) else []:
                    blocks.extend(_row_blocks(item, as_text(key)))
            return _finish(blocks)
        if isinstance(data, list):
            return _finish([b for row in data for b in _row_blocks(row, "")])
        raise ExtractionError(path, "not a sponsor list (expected tiers or a list of sponsors)")


def _finish(blocks: list[Block]) -> Extraction:
    return Extraction(blocks, status="ok" if blocks else "empty")


def _pick(row: dict, keys: tuple[str, ...]) -> str:
    normalized = {norm_key(k, ascii_only=True): v for k, v in row.items()}
    for key in keys:
        if normalized.get(key) not in (None, "", []):
            return as_text(normalized[key]) if not isinstance(normalized[key], list) else \
                "; ".join(as_text(v) for v in normalized[key])
    return ""


def _row_blocks(row, group: str) -> list[Block]:
    """One org block per row, plus one block per contact person named with it."""
    if isinstance(row, str):
        row = {"name": row}
    if not isinstance(row, dict):
        return []
    org = _pick(row, ORG_KEYS)
    if not org:
        return []
    tier_raw = _pick(row, TIER_KEYS) or group
    booth = _pick(row, BOOTH_KEYS)
    role = tier_role(tier_raw, booth=booth)
    tier = tier_name(tier_raw) if role == "sponsor" else ""
    snippet = " — ".join(filter(None, [org, tier_raw, booth and f"booth {booth}",
                                       _pick(row, ("link", "url", "website"))]))
    blocks = [Block(text=org, org_name=org, role=role, sponsor_tier=tier, booth=booth,
                    section=group, snippet=snippet)]
    for raw in re.split(r"\s*;\s*|\s+and\s+", _pick(row, CONTACT_KEYS)):
        name = person_name(raw)
        if name and is_person_account(name):
            blocks.append(Block(text=name, person_name=name, org_name=org, role=role,
                                sponsor_tier=tier, booth=booth, section=group, snippet=snippet))
    return blocks


def _markdown(text: str) -> list[Block]:
    """Headings set the tier (`## Gold Sponsors`); the list items under them are orgs."""
    blocks: list[Block] = []
    group = ""
    for line in text.splitlines():
        heading = HEADING_RE.match(line)
        if heading:
            group = LINK_RE.sub(r"\g<text>", heading.group("text")).strip()
            in_list = bool(TIER_KEY_RE.match(group) or re.search(
                r"\b(sponsors?|exhibitors?|supporters?|partners?)\b", group, re.I))
            group = group if in_list else ""
            continue
        labelled = LABELLED_RE.match(line)
        if labelled and TIER_KEY_RE.match(labelled.group("label").strip()):
            # `**Bronze**: Acme, Globex`: a tier on one line with its sponsors
            tier = labelled.group("label").strip()
            for org in re.split(r"\s*[,;]\s*|\s+and\s+", LINK_RE.sub(
                    r"\g<text>", labelled.group("rest"))):
                org = re.sub(r"[*_`]+", "", org).strip(" .")
                if org and len(org) <= 80:
                    blocks.extend(_row_blocks({"name": org}, tier))
            continue
        logos = [" ".join(LOGO_WORDS_RE.sub("", m.group("md") or m.group("html") or "").split(
            )).strip(" -_|") for m in IMAGE_RE.finditer(line)]
        if group and logos:  # a row of logos under a tier heading
            for org in logos:
                if org and len(org) <= 80:
                    blocks.extend(_row_blocks({"name": org}, group))
            continue
        item = ITEM_RE.match(line)
        if not group or not item:
            continue
        entry = LINK_RE.sub(r"\g<text>", item.group("text"))
        entry = re.sub(r"[*_`]+", "", entry).strip()
        booth_match = re.search(r"\(?\bbooth\s*#?\s*(?P<booth>[\w-]+)\)?", entry, re.I)
        booth = booth_match.group("booth") if booth_match else ""
        org = re.split(r"\s+[–—-]\s+|:\s", entry[:booth_match.start()] if booth_match else entry)[0]
        org = org.strip(" ,;:|")
        if org and len(org) <= 80:
            blocks.extend(_row_blocks({"name": org, "booth": booth}, group))
    return blocks

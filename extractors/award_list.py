"""Award announcements in Markdown prose (YAML/CSV/XLSX lists are read by the tree walker)."""

from __future__ import annotations

import re
from pathlib import Path

from extractors.award_lines import (
    citation_authors,
    normalize_award,
    parse_announcement,
    split_recipients,
)
from extractors.records import (
    as_text,
    head_text,
    is_person_account,
    load_yaml,
    looks_like_yaml,
    year_in,
)
from extractors.registry import Extraction, register
from extractors.spreadsheet import csv_header, is_xlsx, read_rows, xlsx_header
from extractors.text_document import TextDocument
from pipeline.errors import ExtractionError, ParseError
from pipeline.tables import Block
from pipeline.text.keys import norm_key
from pipeline.text.lines import TITLE_WORDS_RE, looks_like_org

NAME_KEYS = ("name", "names", "recipient", "recipients", "winner", "winners", "awardee",
             "awardees", "honoree", "honorees", "laureate", "laureates", "person", "people",
             "full_name", "fullname")
AWARD_KEYS = ("award", "award_name", "prize", "honor", "honour", "medal", "category")
YEAR_KEYS = ("year", "award_year", "date", "awarded_year")
AFFILIATION_KEYS = ("affiliation", "rm_affiliation", "organization", "organisation",
                    "institution", "company", "employer", "org", "university")
CITATION_KEYS = ("citation", "desc", "description", "reason", "for", "rationale", "note")
SUBTYPE_KEYS = ("type", "track", "division")
YAML_AWARD_RE = re.compile(
    r"^\s*-?\s*(award|awarded|award_name|prize|recipients?|winners?|awardees?|honou?rees?|laureates?|"
    r"citation)\s*:", re.M | re.I)
YAML_ROW_RE = re.compile(r"^\s*-?\s*(year|name)\s*:", re.M | re.I)
AWARD_FILE_RE = re.compile(r"award|prize|honou?r|medal|laureate|winner|recipient", re.I)
ANNOUNCE_HINT_RE = re.compile(
    r"\b(awarded to|presented to|(?:recipients?|winners?) of|receives? the|received the|"
    r"wins? the|won the)\b", re.I)
FRONT_MATTER_RE = re.compile(r"\A---\s*\n(?P<yaml>.*?)\n---\s*\n", re.S)


def _pick(row: dict, keys: tuple[str, ...]) -> object:
    normalized = {norm_key(k, ascii_only=True): v for k, v in row.items()}
    for key in keys:
        if normalized.get(key) not in (None, "", []):
            return normalized[key]
    return None


def file_award(path: Path) -> str:
    """`outstanding-contribution.yml` -> `Outstanding Contribution Award`."""
    stem = re.sub(r"[-_.]+", " ", path.stem).strip()
    name = " ".join(word.capitalize() if word.islower() else word for word in stem.split())
    return name if AWARD_FILE_RE.search(name) else f"{name} Award"


def affiliation_org(text: str) -> tuple[str, str]:
    """(title, org) from `Professor, Department of CS, Duke University, USA`."""
    parts = [p.strip() for p in re.split(r"\s*[,;]\s*", text or "") if p.strip()]
    title = next((p for p in parts if TITLE_WORDS_RE.search(p) and not looks_like_org(p)), "")
    orgs = [p for p in parts if looks_like_org(p) and p != title]
    if orgs:
        return title, orgs[-1]
    rest = [p for p in parts if p != title]
    return title, rest[0] if rest else ""


@register("award_list")
class AwardList:
    version = "1"
    priority = 30

    def matches(self, path: Path, head: bytes) -> bool:
        suffix = path.suffix.lower()
        if looks_like_yaml(path, head) and suffix not in (".md", ".markdown"):
            text = head_text(head)
            return bool(YAML_ROW_RE.search(text)) and (
                bool(YAML_AWARD_RE.search(text))
                or AWARD_FILE_RE.search(f"{path.parent.name}/{path.name}") is not None
            )
        if suffix in (".md", ".markdown", ".txt"):
            text = head_text(head)
            return bool(ANNOUNCE_HINT_RE.search(text)) and bool(
                re.search(r"\b(awards?|prizes?|medals?)\b", text, re.I))
        header = xlsx_header(path) if is_xlsx(path, head) else csv_header(head)
        return any(h in AWARD_KEYS for h in header) and any(
            h in NAME_KEYS or h.startswith("recipient") for h in header)

    def extract(self, path: Path) -> Extraction:
        suffix = path.suffix.lower()
        with open(path, "rb") as fh:
            head = fh.read(8)
        if suffix in (".md", ".markdown", ".txt"):
            announced = _announcements(path)
            # A page of tables and lists (past recipients by year) rather than prose: read as a
            # text document, whose tables the tree walker reads.
            return announced if announced.blocks else TextDocument().extract(path)
        if head.startswith(b"PK\x03\x04") or suffix in (".csv", ".tsv", ".xlsx", ".xlsm"):
            return _table(path, read_rows(path))
        data = load_yaml(path)
        rows = _yaml_rows(data, file_award(path))
        if rows is None:
            raise ExtractionError(path, "not an award list (no list of recipients)")
        return _table(path, rows)


def _yaml_rows(data, award: str) -> list[dict] | None:
    """Rows of an award YAML: a list of records, or a mapping of award name -> records."""
    if isinstance(data, list):
        return [dict(row, _award=award) for row in data if isinstance(row, dict)]
    if isinstance(data, dict):
        rows = []
        for key, value in data.items():
            if isinstance(value, list):
                generic = norm_key(key, ascii_only=True) in ("awards", "recipients", "winners",
                                                             "items")
                name = award if generic else key
                rows.extend(dict(row, _award=as_text(name)) for row in value
                            if isinstance(row, dict))
        return rows or None
    return None


def _recipients(row: dict) -> list[tuple[str, str]]:
    names = _pick(row, NAME_KEYS)
    found: list[tuple[str, str]] = []
    if isinstance(names, list):
        for item in names:
            text = as_text(_pick(item, ("names", "name")) if isinstance(item, dict) else item)
            found.extend(_split(text))
    elif names:
        found.extend(_split(as_text(names)))
    for item in row.get("group") or [] if isinstance(row.get("group"), list) else []:
        text = as_text(_pick(item, ("names", "name")) if isinstance(item, dict) else item)
        found.extend(_split(text))
    if not found:
        authors = _pick(row, ("authors", "author"))
        if authors:
            found.extend(_split(as_text(authors)))
        else:
            citation = as_text(_pick(row, ("citation", "reference", "bibtex")))
            try:
                found.extend((name, "") for name in citation_authors(citation))
            except ParseError:
                pass
    return [(name, org) for name, org in found if is_person_account(name)]


def _split(text: str) -> list[tuple[str, str]]:
    try:
        return split_recipients(text)
    except ParseError:
        return []


def _table(path: Path, rows: list[dict]) -> Extraction:
    blocks: list[Block] = []
    default_award = file_award(path)
    for row in rows:
        award = as_text(_pick(row, AWARD_KEYS)) or as_text(row.get("_award")) or default_award
        subtype = as_text(_pick(row, SUBTYPE_KEYS))
        if subtype and subtype.lower() not in award.lower():
            award = f"{award}: {subtype}"
        award = normalize_award(award)
        year = year_in(_pick(row, YEAR_KEYS))
        title, org = affiliation_org(as_text(_pick(row, AFFILIATION_KEYS)))
        title = title or as_text(_pick(row, ("job_title", "position", "title")))
        citation = as_text(_pick(row, CITATION_KEYS))
        citation = re.sub(r"<[^>]*>", "", citation)
        venue = as_text(row.get("awarded") or row.get("conference") or row.get("event"))
        for name, own_org in _recipients(row):
            blocks.append(Block(
                text=name, person_name=name, org_name=own_org or org, title=title,
                role="award_recipient", award=award, year=year,
                snippet=" — ".join(filter(None, [name, award, venue, str(year or ""),
                                                 citation]))[:500],
            ))
    years = [b.year for b in blocks if b.year]
    return Extraction(blocks, year=max(years) if years else None,
                      status="ok" if blocks else "empty")


def _announcements(path: Path) -> Extraction:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    event, doc_year = "", None
    front = FRONT_MATTER_RE.match(text)
    if front:
        try:
            import yaml

            meta = yaml.safe_load(front.group("yaml")) or {}
        except yaml.YAMLError:
            meta = {}
        if isinstance(meta, dict):
            event = as_text(meta.get("title"))
            doc_year = year_in(event)
        text = text[front.end():]
    blocks: list[Block] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if not paragraph or paragraph.startswith(">"):  # a quoted reference, not an announcement
            continue
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z<*_])", paragraph):
            try:
                line = parse_announcement(sentence)
            except ParseError:
                continue
            for name in line.names:
                if not is_person_account(name):
                    continue
                blocks.append(Block(
                    text=name, person_name=name, org_name=line.org, title=line.title,
                    role="award_recipient", award=line.award, year=line.year or doc_year,
                    snippet=re.sub(r"<[^>]*>|\*\*", "", sentence)[:500],
                ))
    return Extraction(blocks, event=event, year=doc_year, status="ok" if blocks else "empty")

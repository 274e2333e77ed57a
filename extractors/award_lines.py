"""Parsers of award text: ACM-style citations, recipient cells and announcement sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.records import person_name
from pipeline.errors import ParseError
from pipeline.text.lines import (
    CREDENTIALS_RE,
    TITLE_WORDS_RE,
    looks_like_name,
    looks_like_org,
    truecase,
)

# "A, B, and C. 2025. Title. In Proceedings ..." : the authors end at the first ". YEAR."
CITATION_RE = re.compile(r"^\s*(?P<authors>.+?)\.\s+(?P<year>(?:19|20)\d\d)[a-z]?\.\s")
AWARD_WORD = r"(?:awards?|prizes?|medals?|fellowships?|honou?rs?|lectureships?|citations?)"
ANNOUNCE_RES = (
    # "The 2022 X Award has been awarded to A, Title, Org."
    re.compile(
        rf"(?P<award>\b[^.!?]*?\b{AWARD_WORD}\b[^!?]*?)\s+(?:(?:has|have)\s+been\s+|was\s+|"
        rf"were\s+|is\s+|are\s+|will\s+be\s+)?(?:awarded|presented|given|granted|conferred|"
        rf"bestowed)\s+(?:(?:up)?on|to)\s+(?P<rest>.+)$",
        re.I,
    ),
    # "A (Org) received / wins / is the recipient of the 2022 X Award"
    re.compile(
        rf"^(?P<rest>.+?)\s+(?:has\s+|have\s+)?(?:been\s+named\s+|is\s+|was\s+|are\s+|were\s+)?"
        rf"(?:(?:the\s+)?(?:recipients?|winners?|honou?rees?|laureates?)\s+of|receives?|received|"
        rf"wins?|won|earns?|earned)\s+(?:the\s+|an?\s+)?(?P<award>[^.!?]*?\b{AWARD_WORD}\b[^.!?]*)",
        re.I,
    ),
)
BY_RE = re.compile(r"\b(?:authored|written|co-authored|presented|led|developed)\s+by\s+", re.I)
BOLD_RE = re.compile(r"\*\*(?P<text>[^*]+?)\*\*|__(?P<text2>[^_]+?)__")
SPLIT_RE = re.compile(r"\s*;\s*|\s*,?\s+(?:and|&)\s+|\s*,\s*")


@dataclass(frozen=True)
class AwardLine:
    """What one announcement sentence says: who got which award, when, from where."""

    award: str
    names: tuple[str, ...]
    year: int | None = None
    org: str = ""
    title: str = ""


def citation_authors(citation: str) -> list[str]:
    """Authors of an ACM-style reference (`A, B, and C. 2025. Title. In ...`).

    >>> citation_authors("Ann Lee, Bo Chen, and Cy Diaz. 2021. A study. In Proc. 1-2.")
    ['Ann Lee', 'Bo Chen', 'Cy Diaz']
    >>> citation_authors("Ann Lee, Simon, and Cy Diaz. 2019. Theories. In Proc.")
    ['Ann Lee', 'Simon', 'Cy Diaz']
    """
    text = re.sub(r"<[^>]*>", "", citation or "")
    match = CITATION_RE.match(text)
    if not match:
        raise ParseError(f"no 'Authors. YEAR.' opening in citation {citation[:60]!r}")
    names = [person_name(part) for part in SPLIT_RE.split(match.group("authors"))]
    names = [name for name in names  # "PhD" as its own item is not an author
             if name and not (" " not in name and CREDENTIALS_RE.fullmatch(name))]
    if not names:
        raise ParseError(f"no author names in citation {citation[:60]!r}")
    return names


def split_recipients(cell: str) -> list[tuple[str, str]]:
    """(name, organization) pairs from one recipient cell: `A and B`, `A; B (Org)`, `A, B & C`.

    >>> split_recipients("Ann Lee (MIT) and Bo Chen")
    [('Ann Lee', 'MIT'), ('Bo Chen', '')]
    >>> split_recipients("Dr. Jane Doe, PhD")
    [('Jane Doe', '')]
    """
    text = " ".join((cell or "").split())
    if not text:
        raise ParseError("empty recipient cell")
    out: list[tuple[str, str]] = []
    for part in SPLIT_RE.split(text):
        part = part.strip(" .")
        if CREDENTIALS_RE.fullmatch(part):  # "PhD" after a comma is no second recipient
            continue
        org = ""
        match = re.match(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)$", part)
        if match and not re.fullmatch(r"[A-Z][a-z]+", match.group("org")):  # not a nickname
            part, org = match.group("name"), match.group("org").strip()
        name = person_name(part)
        title_word = TITLE_WORDS_RE.search(name)
        if title_word and (" " not in name or title_word.start() > 0):
            continue  # "Ann Lee, Chair": a role, not a second person
        if name:
            out.append((name, org))
    if not out:
        raise ParseError(f"no recipient in {cell[:60]!r}")
    return out


def normalize_award(text: str) -> str:
    """An award's name without markup, quotes, leading article or year: idempotent.

    >>> normalize_award("The **2022 SIGCSE Test of Time Award**")
    'SIGCSE Test of Time Award'
    """
    text = re.sub(r"<[^>]*>|\*\*|__|[\"“”]", " ", text or "")
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"^(?:the|an?)\s+", "", text, flags=re.I)
        text = re.sub(r"^(?:19|20)\d\d(?:[-–/]\d{2,4})?\s+", "", text)
        text = re.sub(r"\s+(?:for|in)\s+(?:19|20)\d\d$", "", text).strip(" ,;:.")
    return text


def parse_announcement(sentence: str) -> AwardLine:
    """Who received which award in one announcement sentence; `**bold**` marks names when present.

    >>> parse_announcement("The 2022 X Award has been awarded to **Ann Lee**, Professor, "
    ...                    "Duke University, USA.")
    AwardLine(award='X Award', names=('Ann Lee',), year=2022, org='Duke University', \
title='Professor')
    """
    text = " ".join(re.sub(r"<[^>]*>", "", sentence or "").split())
    for pattern in ANNOUNCE_RES:
        match = pattern.search(text)
        if match:
            break
    else:
        raise ParseError(f"no award announcement in {text[:60]!r}")
    award_raw, rest = match.group("award"), match.group("rest")
    year_match = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", award_raw)
    year = int(year_match.group(1)) if year_match else None
    award = _award_name(award_raw)
    by = BY_RE.search(rest)
    if by:
        rest = rest[by.end():]
    names, parts, orgs = _names(rest)
    if not names:
        raise ParseError(f"no recipient named in {text[:60]!r}")
    org = orgs[0] if orgs else next((p for p in reversed(parts) if looks_like_org(p)), "")
    title = next((p for p in parts if TITLE_WORDS_RE.search(p) and p != org), "")
    return AwardLine(award=award or normalize_award(award_raw), names=tuple(names), year=year,
                     org=org, title=title)


def _award_name(raw: str) -> str:
    """The award's own words: a bold span naming it, else the clause after `that`/`:`."""
    for match in BOLD_RE.finditer(raw):
        span = match.group("text") or match.group("text2")
        if re.search(AWARD_WORD, span, re.I):
            return normalize_award(span)
    clause = re.split(r"\b(?:that|announce[sd]?|congratulate[sd]?)\s+|:\s+", raw, flags=re.I)[-1]
    return normalize_award(clause)


def _names(rest: str) -> tuple[list[str], list[str], list[str]]:
    bold = [m.group("text") or m.group("text2") for m in BOLD_RE.finditer(rest)]
    plain = BOLD_RE.sub(lambda m: m.group("text") or m.group("text2"), rest).strip(" .")
    parts = [p.strip(" .") for p in re.split(r"\s*[,;]\s*", plain) if p.strip(" .")]
    if bold:
        names = [person_name(b) for b in bold if not re.search(AWARD_WORD, b, re.I)]
        names = [n for n in names if n]
        return names, [p for p in parts if person_name(p) not in names], []
    names: list[str] = []
    orgs: list[str] = []
    while parts:
        try:
            candidates = split_recipients(parts[0])
        except ParseError:
            break
        if not all(looks_like_name(truecase(name)) for name, _ in candidates):
            break
        names.extend(name for name, _ in candidates)
        orgs.extend(org for _, org in candidates if org)
        parts.pop(0)
    return names, parts, orgs

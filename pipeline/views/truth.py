"""Ground truth read from the files a conference publishes: its people and organizations.

Each loader takes the file's text (SIGCSE program YAML, BibTeX, the ACL 2024 pages) and returns
truth rows, :class:`TruthPerson` or :class:`TruthOrg`; reading the file is the caller's job.
:mod:`pipeline.views.evaluate` scores recognized appearances against them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class TruthPerson:
    name: str
    org: str = ""
    role: str = ""


@dataclass(frozen=True)
class TruthOrg:
    name: str
    role: str = "sponsor"
    tier: str = ""
    booth: str = ""


_CHAIR_RE = re.compile(r"^\s*session\s+chairs?\s*:\s*", re.I)


def split_presenters(text: str) -> list[tuple[str, str]]:
    """`A (Org); B (Org2)`, `A, B, Org; C, Org2` or `A, B and C` -> [(name, org)].

    >>> split_presenters("Ann Lee (Duke University); Bo Chen (MIT)")
    [('Ann Lee', 'Duke University'), ('Bo Chen', 'MIT')]
    >>> split_presenters("John Maloney, Jens Mönig, HARC; Mark Guzdial, Georgia Tech")
    [('John Maloney', 'HARC'), ('Jens Mönig', 'HARC'), ('Mark Guzdial', 'Georgia Tech')]
    >>> split_presenters("Meghan Allen and Diane Horton")
    [('Meghan Allen', ''), ('Diane Horton', '')]
    """
    text = re.sub(r"<[^>]+>", "", text or "")
    text = re.sub(r"\band others\b", "", text).strip()
    out: list[tuple[str, str]] = []
    if "(" in text:
        for match in re.finditer(r"([^();]+?)\s*\(([^()]*)\)", text):
            for name in re.split(r",\s*|\s+and\s+", match.group(1)):
                if name.strip(" ,"):
                    out.append((name.strip(" ,"), match.group(2).strip()))
        return _valid(out)
    for group in re.split(r"\s*;\s*", text):
        items = [i.strip() for i in re.split(r",\s*|\s+and\s+", group) if i.strip()]
        if ";" in text or len(items) > 1 and _org_like(items[-1]):
            names, org_items = [], []
            for item in items:
                (org_items if org_items or _org_like(item) else names).append(item)
            if not org_items and len(names) > 1 and ";" in text:
                org_items = [names.pop()]
            org = ", ".join(org_items)
            out.extend((n, org) for n in names)
        else:
            out.extend((n, "") for n in items)
    return _valid(out)


def _valid(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop truth items that are no person (`Technology`, `& National Institute of ...`)."""
    return [(n, o) for n, o in pairs if len(n.split()) >= 2 and not _org_like(n)
            and not re.search(r"\bph\.?d\b|\bboard\b", n, re.I)]


def _org_like(item: str) -> bool:
    words = item.split()
    if re.search(r"univ|college|institut|school|inc\b|corp|lab|center|centre|academy|tech\b|"
                 r"\(|foundation|research|association|society", item, re.I):
        return True
    return len(words) == 1 or item.isupper() or len(words) > 4 or item[:1] in "&("


_SESSION_ROLES = {"Keynotes": "keynote", "Panels": "panelist"}


def load_sigcse_program(text: str) -> list[TruthPerson]:
    """People of a SIGCSE `program2.yml` (sessions and subsessions; chairs get role chair)."""
    data = yaml.safe_load(text) or {}
    people: list[TruthPerson] = []

    def walk(sessions, parent_role: str) -> None:
        for session in sessions or []:
            role = _SESSION_ROLES.get(session.get("type", ""), parent_role)
            presenters = session.get("presenters") or ""
            this_role = "chair" if _CHAIR_RE.match(presenters) else role
            for name, org in split_presenters(_CHAIR_RE.sub("", presenters)):
                people.append(TruthPerson(name, org, this_role))
            for chair in session.get("chairs") or []:
                people.append(TruthPerson(str(chair), "", "chair"))
            walk(session.get("subsessions"), role)

    walk(data.get("sessions"), "speaker")
    return people


def load_sigcse_workshops(text: str) -> list[TruthPerson]:
    """Workshop presenters: `presenters:` strings (2017) or `authors:` lists (2016)."""
    people = []
    for item in yaml.safe_load(text) or []:
        if not isinstance(item, dict):
            continue
        authors = item.get("authors")
        if isinstance(authors, list):
            for a in authors:
                people.append(TruthPerson(str(a.get("name", "")), str(a.get("org", "")), "speaker"))
        else:
            for name, org in split_presenters(str(item.get("presenters") or authors or "")):
                people.append(TruthPerson(name, org, "speaker"))
    return people


def load_sponsor_tiers(text: str) -> list[TruthOrg]:
    """`Tier: [{name: ...}, ...]` YAML -> sponsors with their tier."""
    data = yaml.safe_load(text) or {}
    return [
        TruthOrg(str(entry["name"]), "sponsor", str(tier))
        for tier, entries in data.items() if isinstance(entries, list)
        for entry in entries if isinstance(entry, dict) and entry.get("name")
    ]


def load_exhibitor_list(text: str) -> list[TruthOrg]:
    return [TruthOrg(str(n), "exhibitor") for n in yaml.safe_load(text) or [] if n]


_LATEX = {"\\\"": "\u0308", "\\'": "\u0301", "\\`": "\u0300", "\\^": "\u0302", "\\~": "\u0303",
          "\\c": "\u0327", "\\v": "\u030c", "\\u": "\u0306", "\\=": "\u0304", "\\.": "\u0307",
          "\\H": "\u030b", "\\k": "\u0328", "\\r": "\u030a"}
_LETTERS = {"\\o": "ø", "\\O": "Ø", "\\ss": "ß", "\\l": "ł", "\\L": "Ł", "\\i": "i", "\\ae": "æ",
            "\\aa": "å", "\\AA": "Å"}


def delatex(text: str) -> str:
    """`Sch{\\"u}tze` -> `Schütze`.

    >>> delatex('Sch{\\\\"u}tze and Ne{\\\\v{c}}as')
    'Schütze and Nečas'
    """
    def accent(m: re.Match) -> str:
        return unicodedata.normalize("NFC", m.group(2) + _LATEX[m.group(1)])

    text = re.sub(r"(\\[\"'`^~=.]|\\[cvuHkr](?=[\s{]))\s*\{?\s*(\w)\}?", accent, text)
    for k, v in _LETTERS.items():
        text = re.sub(re.escape(k) + r"(?![a-zA-Z])\s*", v, text)
    return text.replace("{", "").replace("}", "").replace("~", " ")


def load_bib_authors(text: str) -> list[TruthPerson]:
    """Authors of every entry of a BibTeX file, `Last, First` turned into `First Last`."""
    people = []
    for match in re.finditer(r"^\s*AUTHOR\s*=\s*\{(.*)\},?\s*$", text, re.M | re.I):
        for author in re.split(r"\s+and\s+", delatex(match.group(1))):
            last, _, first = author.partition(",")
            name = f"{first.strip()} {last.strip()}".strip()
            if name:
                people.append(TruthPerson(" ".join(name.split()), "", "speaker"))
    return people


def load_acl_keynotes(text: str) -> list[TruthPerson]:
    """`## Name` headings after `## Keynotes` in the ACL 2024 keynotes page."""
    names = re.findall(r"^##\s+(?!#)(.+?)\s*$", text, re.M)
    return [TruthPerson(n, "", "keynote") for n in names if n.lower() != "keynotes"]


def load_acl_panel(text: str) -> list[TruthPerson]:
    """Chair line and `- Name, Affiliation` panelist bullets of the ACL 2024 panel page."""
    people = []
    chair = re.search(r"\*\*Chair:\*\*\s*([^,\n]+),\s*(.+)", text)
    if chair:
        people.append(TruthPerson(chair.group(1).strip(), chair.group(2).strip(), "chair"))
    for name, org in re.findall(r"^- ([A-Z][\w.\- ]+?), (.+)$", text, re.M):
        if len(name.split()) <= 4:
            people.append(TruthPerson(name.strip(), org.strip(), "panelist"))
    return people


def load_acl_sponsors(text: str) -> list[TruthOrg]:
    """`## Tier` headings followed by `title="Org"` links in the ACL 2024 sponsors page."""
    orgs, tier = [], ""
    for line in text.splitlines():
        heading = re.match(r"^##\s+(.+?)\s*$", line)
        if heading:
            tier = heading.group(1)
            continue
        for name in re.findall(r'title="([^"]+)"', line):
            if tier:
                orgs.append(TruthOrg(name, "sponsor", tier))
    return orgs

"""Scoring recognized appearances against ground truth: names, roles, affiliations, sponsors.

Pure functions over tables and strings; `benchmarks/accuracy.py` reads the files. Truth files
made for a website differ from what was printed, so recall counts only the truth people whose
name occurs in the document's own text (`printed_people`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml
from rapidfuzz import fuzz

# Roles that count as the same answer (a panel "Chair" is printed as Moderator elsewhere).
ROLE_SYNONYMS = {"moderator": "chair", "organizer": "speaker"}


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


@dataclass
class Score:
    """Counts and rates for one document (or one golden page)."""

    n_truth: int = 0
    n_printed: int = 0
    n_predicted: int = 0
    n_matched: int = 0
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    role_f1: float | None = None
    role_correct: float | None = None
    affiliation_correct: float | None = None
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_role: list[str] = field(default_factory=list)  # `name: predicted != truth`


# --------------------------------------------------------------------------- normalizing


def normalize_text(text: str) -> str:
    """Lower case, no accents, no punctuation, one space: the form names are compared in.

    >>> normalize_text("Jens Mönig, Ph.D.")
    'jens monig ph d'
    >>> normalize_text("Kai Presler-\\nMarshall")
    'kai presler marshall'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("ł", "l")
    text = re.sub(r"[^\w]+", " ", text.lower())
    return " ".join(text.replace("_", " ").split())


def name_keys(name: str) -> tuple[str, str]:
    """(full key, first+last key) of a name.

    >>> name_keys("Monica M. McGill")
    ('monica m mcgill', 'monica mcgill')
    """
    full = normalize_text(name)
    tokens = full.split()
    short = f"{tokens[0]} {tokens[-1]}" if len(tokens) >= 2 else full
    return full, short


def same_org(predicted: str, truth: str) -> bool:
    """Loose organization match: one contains the other, or token-set similarity >= 85.

    >>> same_org("University of Illinois at Urbana-Champaign", "University of Illinois")
    True
    >>> same_org("Google", "Duke University")
    False
    """
    a, b = normalize_text(predicted), normalize_text(truth)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return fuzz.token_set_ratio(a, b) >= 85


def canonical_role(role: str) -> str:
    return ROLE_SYNONYMS.get(role, role)


# --------------------------------------------------------------------------- matching


def match_names(predicted: Iterable[str], truth: Iterable[str]) -> dict[str, str]:
    """Truth name -> predicted name, one to one: exact key, then first+last, then fuzzy.

    >>> match_names(["Monica McGill", "Jean Ryoo"], ["Monica M. McGill", "Chris Stephenson"])
    {'Monica M. McGill': 'Monica McGill'}
    """
    predicted = list(dict.fromkeys(p for p in predicted if p))
    truth = list(dict.fromkeys(t for t in truth if t))
    matched: dict[str, str] = {}
    used: set[str] = set()
    pkeys = {p: name_keys(p) for p in predicted}
    for level in (0, 1):
        index: dict[str, list[str]] = {}
        for p in predicted:
            index.setdefault(pkeys[p][level], []).append(p)
        for t in truth:
            if t in matched:
                continue
            for p in index.get(name_keys(t)[level], []):
                if p not in used:
                    matched[t], _ = p, used.add(p)
                    break
    by_last: dict[str, list[str]] = {}
    for p in predicted:
        if p not in used and pkeys[p][0]:
            by_last.setdefault(pkeys[p][0].split()[-1], []).append(p)
    for t in truth:
        if t in matched or not name_keys(t)[0]:
            continue
        tkey = name_keys(t)[0]
        for p in by_last.get(tkey.split()[-1], []):
            if p not in used and fuzz.ratio(pkeys[p][0], tkey) >= 85:
                matched[t], _ = p, used.add(p)
                break
    return matched


def printed_people(people: Iterable[TruthPerson], text: str) -> list[TruthPerson]:
    """The truth people whose name occurs in `text` (full name, or first and last name with up
    to two words between them)."""
    norm = f" {normalize_text(text)} "
    out = []
    for person in people:
        full, _ = name_keys(person.name)
        tokens = full.split()
        if not tokens:
            continue
        if f" {full} " in norm:
            out.append(person)
            continue
        if len(tokens) >= 2:
            pattern = rf" {re.escape(tokens[0])}(?: \w+){{0,2}} {re.escape(tokens[-1])} "
            if re.search(pattern, norm):
                out.append(person)
    return out


def printed_orgs(orgs: Iterable[TruthOrg], text: str) -> list[TruthOrg]:
    """Truth organizations whose name (minus a legal suffix) occurs in `text`."""
    norm = f" {normalize_text(text)} "
    out = []
    for org in orgs:
        key = normalize_text(re.sub(r",?\s*\b(inc|llc|ltd|corp)\b\.?$", "", org.name, flags=re.I))
        if key and f" {key} " in norm:
            out.append(org)
    return out


# --------------------------------------------------------------------------- scoring


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


def score_people(appearances, truth: list[TruthPerson], text: str) -> Score:
    """Recall of the printed truth people, with role and affiliation correctness of the matches.

    `appearances` is the appearances table (person rows). Precision here is against the truth
    list, which covers only part of a program (a lower bound); real precision comes from the
    hand-labelled golden pages (`score_golden`).
    """
    people = appearances[appearances["person_name"].fillna("") != ""]
    printed = printed_people(truth, text)
    by_name: dict[str, list[TruthPerson]] = {}
    for person in printed:
        by_name.setdefault(person.name, []).append(person)
    matched = match_names(people["person_name"], by_name)
    roles = people.groupby("person_name")["role"].agg(lambda s: {canonical_role(r) for r in s})
    orgs = people.groupby("person_name")["org_name"].agg(lambda s: [o for o in s if o])
    role_ok = role_n = aff_ok = aff_n = 0
    wrong_role: list[str] = []
    for tname, pname in matched.items():
        entries = by_name[tname]
        truth_roles = {canonical_role(e.role) for e in entries if e.role}
        if truth_roles:
            role_n += 1
            role_ok += bool(truth_roles & roles[pname])
            if not truth_roles & roles[pname]:
                wrong_role.append(f"{tname}: {sorted(roles[pname])} != {sorted(truth_roles)}")
        truth_orgs = [e.org for e in entries if e.org]
        if truth_orgs:
            aff_n += 1
            aff_ok += any(same_org(o, t) for o in orgs[pname] for t in truth_orgs)
    n_pred = people["person_name"].nunique()
    score = Score(
        n_truth=len({p.name for p in truth}), n_printed=len(by_name), n_predicted=n_pred,
        n_matched=len(matched),
    )
    score.recall = _rate(len(matched), len(by_name))
    score.precision = _rate(len(matched), n_pred)
    score.f1 = _f1(score.precision, score.recall)
    score.role_correct = _rate(role_ok, role_n)
    score.affiliation_correct = _rate(aff_ok, aff_n)
    score.missed = sorted(set(by_name) - set(matched))
    score.wrong_role = sorted(wrong_role)
    return score


def score_golden(appearances, golden) -> Score:
    """Precision, recall, F1 of names, role F1 and affiliation correctness against a
    hand-labelled table with the same columns (`person_name`, `role`, `org_name`)."""
    predicted = appearances[appearances["person_name"].fillna("") != ""]
    truth = golden[golden["person_name"].fillna("") != ""]
    matched = match_names(predicted["person_name"], truth["person_name"])
    score = Score(
        n_truth=truth["person_name"].nunique(), n_printed=truth["person_name"].nunique(),
        n_predicted=predicted["person_name"].nunique(), n_matched=len(matched),
    )
    score.precision = _rate(len(matched), score.n_predicted)
    score.recall = _rate(len(matched), score.n_truth)
    score.f1 = _f1(score.precision, score.recall)
    back = {p: t for t, p in matched.items()}
    pred_pairs = {
        (back.get(n, n), canonical_role(r)) for n, r in zip(
            predicted["person_name"], predicted["role"], strict=True)
    }
    truth_pairs = {(n, canonical_role(r)) for n, r in zip(
        truth["person_name"], truth["role"], strict=True)}
    hits = len(pred_pairs & truth_pairs)
    score.role_f1 = _f1(_rate(hits, len(pred_pairs)), _rate(hits, len(truth_pairs)))
    score.role_correct = _rate(hits, len(truth_pairs))
    aff_ok = aff_n = 0
    pred_orgs = predicted.groupby("person_name")["org_name"].agg(
        lambda s: {o for o in s.fillna("") if o})
    for t, p in matched.items():
        want = {o for o in truth.loc[truth["person_name"] == t, "org_name"].fillna("") if o}
        got = pred_orgs.get(p, set())
        aff_n += 1
        if not want:
            aff_ok += not got
        else:
            aff_ok += any(same_org(g, w) for g in got for w in want)
    score.affiliation_correct = _rate(aff_ok, aff_n)
    score.missed = sorted(set(truth["person_name"]) - set(matched))
    score.spurious = sorted(set(predicted["person_name"]) - set(matched.values()))
    return score


@dataclass
class OrgScore:
    n_truth: int = 0
    n_printed: int = 0
    n_matched: int = 0
    recall: float | None = None
    tier_correct: float | None = None
    booth_found: float | None = None
    missed: list[str] = field(default_factory=list)


def score_orgs(appearances, truth: list[TruthOrg], text: str) -> OrgScore:
    """Recall of printed truth sponsors/exhibitors among sponsor/exhibitor rows, and how many
    of the matches carry the right tier / a booth number."""
    orgs = appearances[appearances["role"].isin(["sponsor", "exhibitor"])]
    printed = printed_orgs(truth, text)
    names = [n for n in dict.fromkeys(orgs["org_name"].fillna("")) if n]
    score = OrgScore(n_truth=len(truth), n_printed=len(printed))
    tier_ok = tier_n = booth_ok = booth_n = 0
    for org in printed:
        hits = [n for n in names if _org_hit(n, org.name)]
        if not hits:
            score.missed.append(org.name)
            continue
        score.n_matched += 1
        rows = orgs[orgs["org_name"].isin(hits)]
        if org.tier:
            tier_n += 1
            wanted = normalize_text(org.tier)
            tier_ok += any(normalize_text(t) == wanted for t in rows["sponsor_tier"].fillna(""))
        if org.role == "exhibitor":
            booth_n += 1
            booth_ok += any(bool(b) for b in rows["booth"].fillna(""))
    score.recall = _rate(score.n_matched, score.n_printed)
    score.tier_correct = _rate(tier_ok, tier_n)
    score.booth_found = _rate(booth_ok, booth_n)
    return score


def _org_hit(predicted: str, truth: str) -> bool:
    a, b = normalize_text(predicted), normalize_text(truth)
    if not a or not b:
        return False
    if a == b or (len(a) >= 4 and a in b) or (len(b) >= 4 and b in a):
        return True
    return fuzz.ratio(a, b) >= 90


# --------------------------------------------------------------------------- truth loaders
# Each takes the file's text and returns truth rows; reading the file is the caller's job.

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


# --------------------------------------------------------------------------- appearance tables

TRUTH_CREDENTIALS = frozenset({
    "phd", "edd", "md", "mba", "mha", "mph", "jd", "rn", "dnp", "fache", "cphq", "cae", "phr",
    "sphr", "shrm-cp", "shrm-scp", "cpa", "esq", "ms", "ma", "msn", "bsn",
})
TRUTH_HONORIFICS = frozenset({"dr", "mr", "ms", "mrs", "prof", "professor"})


def mention_key(name: str) -> str:
    """`Dr. Linda M. Okafor, SHRM-SCP`, `OKAFOR, Linda`, `Linda Okafor` -> `linda okafor`.

    >>> mention_key("Dr. Linda M. Okafor, SHRM-SCP"), mention_key("Okafor, Linda")
    ('linda okafor', 'linda okafor')
    """
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    parts = [p.strip() for p in text.split(",")]
    parts = [p for p in parts if p and p.replace(" ", "").replace(".", "") not in TRUTH_CREDENTIALS]
    if len(parts) == 2 and " " not in parts[0]:  # "Last, First"
        parts = [parts[1], parts[0]]
    tokens = " ".join(parts).replace(".", ". ").split()
    tokens = [t.strip(".") for t in tokens]
    tokens = [t for t in tokens if t not in TRUTH_HONORIFICS and t not in TRUTH_CREDENTIALS]
    return " ".join(t for t in tokens if len(t) > 1)


@dataclass
class AppearanceScore:
    """Recall and precision of appearance rows against a truth table of printed mentions."""

    n_truth: int = 0
    n_found: int = 0
    recall: float | None = None
    precision: float | None = None
    recall_any_role: float | None = None
    precision_any_role: float | None = None
    org_recall: float | None = None
    org_precision: float | None = None
    missed: list[tuple] = field(default_factory=list)
    extra: list[tuple] = field(default_factory=list)


def _page_text(value) -> str:
    text = str(value if value is not None else "").strip()
    if text in ("", "nan", "<NA>", "None"):
        return ""
    try:
        return str(int(float(text)))
    except ValueError:
        return text


def score_appearances(appearances, truth) -> AppearanceScore:
    """Score an appearances table against a truth table with one row per printed mention.

    Both are DataFrames with `source_path, page, role, person_name`; organization rows
    (sponsor, exhibitor) are compared on `org_name` (`org` in the truth), tier and booth. Only
    documents named in the truth count.

    >>> import pandas as pd
    >>> truth = pd.DataFrame({"source_path": ["a.pdf"] * 2, "page": [1, 1],
    ...     "role": ["chair", "speaker"], "person_name": ["Ann Lee, PhD", "Bo Chen"]})
    >>> found = pd.DataFrame({"source_path": ["a.pdf"] * 2, "page": [1, 1],
    ...     "role": ["chair", "chair"], "person_name": ["Ann Lee", "Bo Chen"]})
    >>> s = score_appearances(found, truth); (s.recall, s.precision, s.recall_any_role)
    (0.5, 0.5, 1.0)
    """
    truth = truth.fillna("")
    docs = set(truth["source_path"])
    found = appearances[appearances["source_path"].isin(docs)].fillna("")

    def people(rows, *, role: bool) -> set[tuple]:
        out = set()
        for row in rows.itertuples(index=False):
            if row.person_name:
                key = (row.source_path, _page_text(row.page), mention_key(row.person_name))
                out.add((*key[:2], row.role, key[2]) if role else key)
        return out

    def orgs(rows, column: str) -> set[tuple]:
        rows = rows[rows["role"].isin(("sponsor", "exhibitor"))]
        return {
            (r["source_path"], r["role"], normalize_text(r[column]), str(r.get("sponsor_tier", "")),
             str(r.get("booth", "")))
            for _, r in rows.iterrows() if r[column]
        }

    score = AppearanceScore()
    expected, predicted = people(truth, role=True), people(found, role=True)
    score.n_truth, score.n_found = len(expected), len(predicted)
    score.recall = _rate(len(expected & predicted), len(expected))
    score.precision = _rate(len(expected & predicted), len(predicted))
    score.missed, score.extra = sorted(expected - predicted), sorted(predicted - expected)
    any_expected, any_predicted = people(truth, role=False), people(found, role=False)
    score.recall_any_role = _rate(len(any_expected & any_predicted), len(any_expected))
    score.precision_any_role = _rate(len(any_expected & any_predicted), len(any_predicted))
    org_column = "org" if "org" in truth.columns else "org_name"
    org_expected, org_found = orgs(truth, org_column), orgs(found, "org_name")
    if org_expected:
        score.org_recall = _rate(len(org_expected & org_found), len(org_expected))
        score.org_precision = _rate(len(org_expected & org_found), len(org_found))
    return score

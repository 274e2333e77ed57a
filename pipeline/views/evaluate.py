"""Scoring recognized appearances against ground truth: names, roles, affiliations, sponsors.

Pure functions over tables and strings; the truth rows come from the loaders of
:mod:`pipeline.views.truth`, and `benchmarks/accuracy.py` reads the files. Truth files made for
a website differ from what was printed, so recall counts only the truth people whose name
occurs in the document's own text (`printed_people`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from pipeline.views.truth import TruthOrg, TruthPerson

# Roles that count as the same answer (a panel "Chair" is printed as Moderator elsewhere).
ROLE_SYNONYMS = {"moderator": "chair", "organizer": "speaker"}


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

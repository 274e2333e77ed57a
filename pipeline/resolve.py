"""Resolve: one row per person and per organization, with ids stable across runs."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata

import pandas as pd

from pipeline.tables import ORGANIZATION_COLUMNS, PEOPLE_COLUMNS

logger = logging.getLogger(__name__)

LEGAL_SUFFIX_RE = re.compile(
    r",?\s+\b(inc|incorporated|corp|corporation|co|company|llc|l\.l\.c|llp|ltd|limited|gmbh|ag|"
    r"s\.?a|s\.?a\.?s|plc|pty|bv|b\.v|nv|oy|ab|srl|s\.r\.l|kg)\b\.?$",
    re.I,
)


def _ascii_fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


def person_key(name: str) -> str:
    """Identity key of a printed name: `Dr. Jane Q. Doe`, `DOE, Jane`, `Jane Doe` -> `jane doe`.

    >>> person_key("DOE, Jane Q.")
    'jane doe'
    >>> person_key("José  García-Pérez")
    'jose garcia-perez'
    """
    text = _ascii_fold(name).lower().strip()
    if text.count(",") == 1:
        last, first = (p.strip() for p in text.split(","))
        if last and first and " " not in last.strip():
            text = f"{first} {last}"
    text = re.sub(r"\([^)]*\)|\"[^\"]*\"", " ", text)  # nicknames
    tokens = [t.strip(".,") for t in text.split()]
    tokens = [t for t in tokens if t and not (len(t) == 1 and len(tokens) > 2)]
    if len(tokens) > 2:  # drop middle initials/names that are single letters
        tokens = [tokens[0], *[t for t in tokens[1:-1] if len(t) > 1], tokens[-1]]
    return " ".join(tokens)


def org_key(name: str) -> str:
    """Identity key of an organization: case, legal suffix, `The`, `&` folded.

    >>> org_key("The Acme Company, Inc.")
    'acme'
    """
    text = _ascii_fold(name or "").strip()
    for _ in range(2):
        text = LEGAL_SUFFIX_RE.sub("", text).strip(" ,.")
    text = text.lower().replace("&", " and ")
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    return " ".join(text.split())


def stable_id(prefix: str, key: str) -> str:
    return f"{prefix}{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


def resolve(appearances: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Fill `person_id`/`org_id` on appearances and build the people and organizations tables."""
    appearances = appearances.copy()
    has_person = appearances["person_name"].fillna("").str.len() > 0
    has_org = appearances["org_name"].fillna("").str.len() > 0
    person_keys = appearances["person_name"].where(has_person, "").map(
        lambda n: person_key(n) if n else ""
    )
    org_keys = appearances["org_name"].where(has_org, "").map(lambda n: org_key(n) if n else "")
    appearances["person_id"] = [stable_id("p", k) if k else "" for k in person_keys]
    appearances["org_id"] = [stable_id("o", k) if k else "" for k in org_keys]
    people = summarize_people(appearances)
    organizations = summarize_organizations(appearances)
    logger.info(
        "resolve: %d people and %d organizations from %d appearances",
        len(people), len(organizations), len(appearances),
    )
    return appearances, people, organizations


def event_key(frame: pd.DataFrame) -> pd.Series:
    """One key per event: the association and year, else the document."""
    assoc = frame["association"].fillna("").astype(str)
    year = frame["year"].astype("string").fillna("")
    fallback = frame["event"].fillna("").astype(str).where(
        frame["event"].fillna("") != "", frame["doc_id"].astype(str)
    )
    return (assoc + " " + year).where(year != "", assoc + " " + fallback).str.strip()


def _most_common(values: pd.Series) -> str:
    values = values[values.fillna("") != ""]
    return values.value_counts().index[0] if len(values) else ""


def summarize_people(appearances: pd.DataFrame) -> pd.DataFrame:
    rows = appearances[appearances["person_id"] != ""].copy()
    if rows.empty:
        return pd.DataFrame(columns=PEOPLE_COLUMNS)
    rows["event_key"] = event_key(rows)
    rows["_year"] = pd.to_numeric(rows["year"], errors="coerce")
    out = []
    for person_id, group in rows.groupby("person_id", sort=False):
        group = group.sort_values("_year", na_position="first")
        dated = group[group["org_name"].fillna("") != ""]
        latest_org = dated["org_name"].iloc[-1] if len(dated) else ""
        titled = group[group["title"].fillna("") != ""]
        out.append({
            "person_id": person_id,
            "name": _most_common(group["person_name"]),
            "variants": "; ".join(sorted(set(group["person_name"]))),
            "organization": latest_org,
            "title": titled["title"].iloc[-1] if len(titled) else "",
            "n_appearances": len(group),
            "n_events": group["event_key"].nunique(),
            "n_associations": group["association"].replace("", pd.NA).nunique(),
            "first_year": group["_year"].min(),
            "last_year": group["_year"].max(),
            "roles": "; ".join(sorted(set(group["role"]))),
        })
    people = pd.DataFrame(out, columns=PEOPLE_COLUMNS)
    for col in ("first_year", "last_year"):
        people[col] = people[col].astype("Int64")
    return people.sort_values(["n_events", "n_appearances", "name"], ascending=[False, False, True])


def summarize_organizations(appearances: pd.DataFrame) -> pd.DataFrame:
    from pipeline.orgkind import org_kind

    rows = appearances[appearances["org_id"] != ""].copy()
    if rows.empty:
        return pd.DataFrame(columns=ORGANIZATION_COLUMNS)
    rows["event_key"] = event_key(rows)
    out = []
    for org_id, group in rows.groupby("org_id", sort=False):
        name = _most_common(group["org_name"])
        roles = set(group["role"])
        out.append({
            "org_id": org_id, "name": name,
            "variants": "; ".join(sorted(set(group["org_name"]))),
            "kind": org_kind(name, roles),
            "n_appearances": len(group), "n_events": group["event_key"].nunique(),
            "roles": "; ".join(sorted(roles)),
        })
    organizations = pd.DataFrame(out, columns=ORGANIZATION_COLUMNS)
    return organizations.sort_values(["n_events", "n_appearances", "name"],
                                     ascending=[False, False, True])

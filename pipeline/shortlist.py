"""Shortlist: candidate mentors best first, each with a mentor type, a reason and evidence."""

from __future__ import annotations

import logging

import pandas as pd

from pipeline.resolve import event_key
from pipeline.tables import SHORTLIST_COLUMNS

logger = logging.getLogger(__name__)

ROLE_PHRASES = {
    "keynote": "Keynote", "speaker": "Speaker", "panelist": "Panelist",
    "moderator": "Moderator", "chair": "Chair", "organizer": "Organizer",
    "committee": "Committee member", "board": "Board member",
    "award_recipient": "Award recipient",
}
ROLE_ORDER = list(ROLE_PHRASES)


def mentor_type(person_rows: pd.DataFrame, vendor_org_ids: set[str]) -> str:
    """`recognized`, `vendor/consultant`, `industry-focused` or `profession-focused`."""
    roles = set(person_rows["role"])
    if roles & {"award_recipient", "board"}:
        return "recognized"
    if set(person_rows["org_id"]) & vendor_org_ids:
        return "vendor/consultant"
    industries = set(person_rows.get("industry", pd.Series(dtype=str)).fillna("")) - {""}
    professions = set(person_rows.get("profession", pd.Series(dtype=str)).fillna("")) - {""}
    if len(industries) > 1 and len(professions) == 1:
        return "profession-focused"
    return "industry-focused"


def _why(person_rows: pd.DataFrame) -> str:
    parts = []
    for role in ROLE_ORDER:
        subset = person_rows[person_rows["role"] == role]
        if subset.empty:
            continue
        events: dict[str, list[str]] = {}
        for row in subset.itertuples(index=False):
            label = str(row.association or row.event or "").strip() or "?"
            label = label.upper() if len(label) <= 6 else label
            year = "" if pd.isna(row.year) or row.year == "" else str(int(float(row.year)))
            events.setdefault(label, [])
            if year and year not in events[label]:
                events[label].append(year)
        where = ", ".join(
            f"{label} {' and '.join(sorted(years))}".strip() for label, years in events.items()
        )
        phrase = ROLE_PHRASES[role]
        if role == "award_recipient":
            awards = sorted(set(subset["award"].fillna("")) - {""})
            phrase = f"{', '.join(awards[:2])} award" if awards else phrase
        parts.append(f"{phrase} at {where}" if where else phrase)
    return (", ".join(parts) + ".") if parts else ""


def _evidence(person_rows: pd.DataFrame) -> str:
    cites = []
    for row in person_rows.itertuples(index=False):
        page = "" if pd.isna(row.page) or row.page == "" else f" p.{int(float(row.page))}"
        cite = f"{row.source_path}{page}"
        if cite not in cites:
            cites.append(cite)
    return "; ".join(cites)


def build_shortlist(
    appearances: pd.DataFrame, people: pd.DataFrame, organizations: pd.DataFrame,
    scores: pd.DataFrame, *, top: int | None = None, min_events: int = 1,
) -> pd.DataFrame:
    """Join people and scores, add `mentor_type`, `why` and `evidence`, rank best first."""
    if scores.empty:
        return pd.DataFrame(columns=SHORTLIST_COLUMNS)
    vendor_ids = set(
        organizations.loc[
            organizations["roles"].str.contains("sponsor|exhibitor", regex=True)
            | organizations["kind"].isin(["consultancy", "recruiting firm", "law firm"]),
            "org_id",
        ]
    )
    merged = scores.merge(people[["person_id", "name", "organization", "title", "roles"]],
                          on="person_id", how="left")
    merged = merged[merged["n_events"] >= min_events]
    if top:
        merged = merged.head(top)
    person_rows = appearances[appearances["person_id"].isin(set(merged["person_id"]))].copy()
    person_rows["event_key"] = event_key(person_rows)
    person_rows = person_rows.sort_values(["year", "source_path", "page"], na_position="first")
    by_person = dict(tuple(person_rows.groupby("person_id", sort=False)))
    merged["mentor_type"] = [mentor_type(by_person[p], vendor_ids) for p in merged["person_id"]]
    merged["why"] = [_why(by_person[p]) for p in merged["person_id"]]
    merged["evidence"] = [_evidence(by_person[p]) for p in merged["person_id"]]
    merged["rank"] = range(1, len(merged) + 1)
    score_cols = [c for c in merged.columns if c.startswith("score_")]
    shortlist = merged[[*SHORTLIST_COLUMNS, *score_cols]].reset_index(drop=True)
    logger.info("shortlist: %d candidates", len(shortlist))
    return shortlist

"""Vendors: sponsors, exhibitors and consultancies ranked by recurrence, with their people."""

from __future__ import annotations

import logging

import pandas as pd

from pipeline.frames import group_join, joined_distinct
from pipeline.resolve import event_key
from pipeline.shortlist import vendor_org_ids
from pipeline.tables import ORGANIZATION_COLUMNS

logger = logging.getLogger(__name__)

VENDOR_COLUMNS = ("vendor_rank", "n_years", "tiers", "people")
MAX_PEOPLE = 8


def rank_vendors(
    appearances: pd.DataFrame, organizations: pd.DataFrame, *, weights: dict | None = None,
) -> pd.DataFrame:
    """`organizations` with vendors first, by recurrence, and who represents each.

    Vendors (see :func:`pipeline.shortlist.vendor_org_ids`) get ``vendor_rank`` 1, 2, ... by
    distinct events, then distinct years, then appearances; other organizations follow in their
    own order with a blank rank. ``tiers`` lists sponsor tiers seen, ``people`` the people who
    appeared affiliated with the organization, most appearances first (``Ann Lee (3); ...``).

    >>> import pandas as pd
    >>> from pipeline.resolve import resolve
    >>> def row(org, role, year, person=""):
    ...     return dict(doc_id=f"d{year}", association="acm", year=year, event="", role=role,
    ...                 person_name=person, org_name=org, session="", award="",
    ...                 sponsor_tier="Gold" if role == "sponsor" else "", booth="", title="")
    >>> rows = pd.DataFrame([
    ...     row("Acme", "sponsor", 2020), row("Acme", "sponsor", 2021),
    ...     row("Bolt", "exhibitor", 2021), row("Acme", "speaker", 2021, "Ann Lee"),
    ...     row("Duke University", "speaker", 2021, "Bo Chen")])
    >>> appearances, people, organizations = resolve(rows)
    >>> rank_vendors(appearances, organizations)[["name", "vendor_rank", "people"]].values.tolist()
    [['Acme', 1, 'Ann Lee (1)'], ['Bolt', 2, ''], ['Duke University', <NA>, 'Bo Chen (1)']]
    """
    out = organizations.copy()
    for col in VENDOR_COLUMNS:
        out[col] = pd.Series(dtype="object")
    if out.empty or appearances.empty:
        return out
    rows = appearances[appearances["org_id"].fillna("") != ""].copy()
    rows["event_key"] = event_key(rows)
    rows["_year"] = pd.to_numeric(rows["year"], errors="coerce")
    grouped = rows.groupby("org_id", sort=False)
    n_years = grouped["_year"].nunique()
    tiers = joined_distinct(rows["org_id"], rows["sponsor_tier"])
    with_people = rows[rows["person_id"].fillna("") != ""]
    counts = with_people.groupby(["org_id", "person_name"]).size().rename("n").reset_index()
    counts = counts.sort_values(["org_id", "n", "person_name"], ascending=[True, False, True])
    counts = counts[counts.groupby("org_id", sort=False).cumcount() < MAX_PEOPLE]
    people = group_join(
        counts["org_id"].tolist(),
        [f"{name} ({n})" for name, n in zip(counts["person_name"], counts["n"], strict=True)],
        "; ",
    )
    out["n_years"] = out["org_id"].map(n_years).fillna(0).astype(int)
    out["tiers"] = out["org_id"].map(tiers).fillna("")
    out["people"] = out["org_id"].map(people).fillna("")
    is_vendor = out["org_id"].isin(vendor_org_ids(out, weights=weights))
    vendors = out[is_vendor].sort_values(
        ["n_events", "n_years", "n_appearances", "name"],
        ascending=[False, False, False, True], kind="mergesort")
    vendors["vendor_rank"] = range(1, len(vendors) + 1)
    out = pd.concat([vendors, out[~is_vendor]], ignore_index=True)
    out["vendor_rank"] = out["vendor_rank"].astype("Int64")
    logger.info("vendors: %d of %d organizations ranked", len(vendors), len(out))
    return out[[*ORGANIZATION_COLUMNS, *VENDOR_COLUMNS,
                *[c for c in out.columns if c not in ORGANIZATION_COLUMNS + VENDOR_COLUMNS]]]

"""Vendors: sponsors, exhibitors and consultancies ranked by recurrence, with their people."""

from __future__ import annotations

import logging

import pandas as pd

from pipeline.stages.frames import group_join, joined_distinct
from pipeline.stages.resolve import event_key
from pipeline.stages.shortlist import vendor_org_ids
from pipeline.tables import ORGANIZATION_COLUMNS

logger = logging.getLogger(__name__)

VENDOR_COLUMNS = ("vendor_rank", "n_years", "tiers", "people")
MAX_PEOPLE = 8


def rank_vendors(
    appearances: pd.DataFrame, organizations: pd.DataFrame, *, weights: dict | None = None,
) -> pd.DataFrame:
    """`organizations` with vendors first, by recurrence, and who represents each.

    Vendors (see :func:`pipeline.stages.shortlist.vendor_org_ids`) get ``vendor_rank`` 1, 2, ... by
    distinct events, then distinct years, then appearances; other organizations follow in their
    own order with a blank rank. ``tiers`` lists sponsor tiers seen, ``people`` the people who
    appeared affiliated with the organization, most appearances first (``Ann Lee (3); ...``).

    >>> import pandas as pd
    >>> from pipeline.stages.resolve import resolve
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


VENDOR_PEOPLE_COLUMNS = ("rank", "type_rank", "person_id", "name", "organization", "org_kind",
                         "org_roles", "tiers", "org_years", "mentor_type", "n_events", "years",
                         "why", "evidence")


def vendor_people(shortlist: pd.DataFrame, appearances: pd.DataFrame,
                  organizations: pd.DataFrame, *, weights: dict | None = None) -> pd.DataFrame:
    """The people of `shortlist` who represent a vendor (a sponsor, an exhibitor, a
    consultancy, recruiting or law firm: :func:`pipeline.stages.shortlist.vendor_org_ids`), in
    shortlist order: every ``vendor/consultant`` and anyone whose latest organization is a
    vendor (a recognized person at a sponsor too). Each row names the vendor the person
    appeared for most (latest on ties), its ``org_kind``, ``org_roles`` (sponsor, exhibitor),
    sponsor ``tiers`` and ``org_years`` (the years it sponsored or exhibited).

    >>> import pandas as pd
    >>> from pipeline.userfiles.weights import default_weights
    >>> from pipeline.stages.rank import rank_people
    >>> from pipeline.stages.resolve import resolve
    >>> from pipeline.stages.shortlist import build_shortlist
    >>> def row(org, role, year, person=""):
    ...     return dict(doc_id=f"d{year}", association="acm", year=year, event="", role=role,
    ...                 person_name=person, org_name=org, session="", award="",
    ...                 sponsor_tier="Gold" if role == "sponsor" else "", booth="", title="",
    ...                 source_path=f"acm/{year}/p.pdf", page=1)
    >>> appearances, people, orgs = resolve(pd.DataFrame([
    ...     row("Acme", "sponsor", 2020), row("Acme", "sponsor", 2021),
    ...     row("Acme", "speaker", 2021, "Ann Lee"), row("Duke University", "speaker", 2021,
    ...     "Bo Chen")]))
    >>> weights = default_weights()
    >>> shortlist = build_shortlist(appearances, people, orgs,
    ...                             rank_people(appearances, weights=weights), weights=weights)
    >>> vendor_people(shortlist, appearances, orgs)[
    ...     ["name", "organization", "org_roles", "tiers", "org_years"]].values.tolist()
    [['Ann Lee', 'Acme', 'sponsor', 'Gold', '2020, 2021']]
    """
    from pipeline.stages.why import printed_org, printed_org_names

    vendors = vendor_org_ids(organizations, weights=weights)
    if shortlist.empty or not vendors:
        return pd.DataFrame(columns=list(VENDOR_PEOPLE_COLUMNS))
    rows = appearances[(appearances["person_id"].fillna("") != "")
                       & appearances["org_id"].isin(vendors)].copy()
    rows["_year"] = pd.to_numeric(rows["year"], errors="coerce")
    # The vendor each person appeared for most, the latest on ties.
    counts = rows.groupby(["person_id", "org_id"]).agg(n=("org_id", "size"),
                                                       latest=("_year", "max")).reset_index()
    counts = counts.sort_values(["person_id", "n", "latest", "org_id"],
                                ascending=[True, False, False, True], kind="mergesort")
    their_vendor = counts.drop_duplicates("person_id").set_index("person_id")["org_id"]
    affiliated = appearances[(appearances["person_id"].fillna("") != "")
                             & (appearances["org_id"].fillna("") != "")].copy()
    affiliated["_year"] = pd.to_numeric(affiliated["year"], errors="coerce")
    latest = affiliated.sort_values("_year", na_position="first", kind="stable").groupby(
        "person_id")["org_id"].last()
    at_vendor = set(latest[latest.isin(vendors)].index)
    keep = shortlist["person_id"].isin(at_vendor) | (
        shortlist["mentor_type"] == "vendor/consultant")
    out = shortlist[keep & shortlist["person_id"].isin(set(their_vendor.index))].copy()
    out["org_id"] = out["person_id"].map(their_vendor)
    selling = appearances[appearances["org_id"].isin(vendors)
                          & appearances["role"].isin(["sponsor", "exhibitor"])].copy()
    selling["_year"] = pd.to_numeric(selling["year"], errors="coerce")
    org_roles = joined_distinct(selling["org_id"], selling["role"])
    tiers = joined_distinct(selling["org_id"], selling["sponsor_tier"].fillna(""))
    years = selling.dropna(subset=["_year"]).groupby("org_id")["_year"].agg(
        lambda y: ", ".join(str(int(v)) for v in sorted(set(y))))
    names = organizations.set_index("org_id")["name"]
    printed = printed_org_names(organizations)
    out["organization"] = out["org_id"].map(names).fillna("").map(
        lambda n: printed_org(n, printed))
    out["org_kind"] = out["org_id"].map(organizations.set_index("org_id")["kind"]).fillna("")
    out["org_roles"] = out["org_id"].map(org_roles).fillna("")
    out["tiers"] = out["org_id"].map(tiers).fillna("")
    out["org_years"] = out["org_id"].map(years).fillna("")
    for col in VENDOR_PEOPLE_COLUMNS:
        if col not in out.columns:
            out[col] = ""
    logger.info("vendors: %d people represent %d vendors", len(out), out["org_id"].nunique())
    return out[list(VENDOR_PEOPLE_COLUMNS)].reset_index(drop=True)

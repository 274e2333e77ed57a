"""Shortlist: candidate mentors best first, each with a mentor type, a reason and evidence."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pandas as pd

from pipeline.errors import UnknownFilterValue
from pipeline.stages.frames import distinct_count, dominant, joined_distinct, joined_years
from pipeline.stages.gcpause import gc_paused
from pipeline.stages.notes import OUTREACH_FIELDS, join_outreach, suppressed_ids
from pipeline.stages.resolve import org_key
from pipeline.stages.why import (
    evidence_from_records,
    printed_org,
    printed_org_names,
    topic_phrase,
    why_from_records,
)
from pipeline.tables import SHORTLIST_COLUMNS

logger = logging.getLogger(__name__)

MENTOR_TYPES = ("recognized", "vendor/consultant", "profession-focused", "industry-focused")
# Short names `--mentor-type` accepts besides the full ones.
MENTOR_TYPE_ALIASES = {"vendor": "vendor/consultant", "consultant": "vendor/consultant",
                       "profession": "profession-focused", "industry": "industry-focused"}
EXTRA_COLUMNS = ("industry", "profession")
MAX_FIRM_NAME_WORDS = 8


@dataclass(frozen=True)
class Filters:
    """What `mentor-miner shortlist` narrows the list by; every field off by default."""

    association: tuple[str, ...] = ()
    since: int | None = None
    role: tuple[str, ...] = ()
    min_events: int = 0  # award years are no events: 1 would drop people known from awards only
    top: int | None = None
    exclude_org: tuple[str, ...] = ()
    exclude_org_prefix: tuple[str, ...] = ()
    mentor_type: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    topic: str | None = None
    org_aliases: tuple[tuple[str, str], ...] = ()  # aliases.csv: (alias, canonical) pairs


def mentor_type_name(value: str) -> str:
    """A `--mentor-type` value as the full type name (``vendor`` -> ``vendor/consultant``)."""
    value = value.strip().lower()
    return MENTOR_TYPE_ALIASES.get(value, value)


def scope_appearances(appearances: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The appearances ranking looks at: only `--association` ones and those `--since` a year.

    An association that is in none of the documents is a mistake to correct (a typo, or one
    never downloaded): :class:`UnknownFilterValue` names the associations there are.
    """
    rows = appearances
    if filters.association:
        wanted = {a.strip().lower() for a in filters.association}
        known = rows["association"].fillna("").astype(str).str.lower()
        present = set(known) - {""}
        missing = sorted(wanted - present)
        if missing:
            raise UnknownFilterValue(
                f"--association {', '.join(missing)}: no such association in these tables; "
                f"known: {', '.join(sorted(present)) or 'none'} (the first folder level of "
                "the input).")
        rows = rows[known.isin(wanted)]
    if filters.since is not None:
        years = pd.to_numeric(rows["year"], errors="coerce")
        if len(rows) and not (years >= filters.since).any():
            logger.warning("--since %d: no appearance is from %d on; %s", filters.since,
                           filters.since, _known_years(rows))
        rows = rows[years >= filters.since]
    return rows


def vendor_org_ids(organizations: pd.DataFrame, *, weights: dict | None = None) -> set[str]:
    """Sponsors, exhibitors and consultancies, recruiting and law firms (not universities)."""
    weights = weights or {}
    vendor_kinds = set(weights.get("vendor_kinds", ["consultancy", "recruiting firm", "law firm"]))
    never = set(weights.get("not_vendor_kinds", ["university", "association", "government"]))
    if organizations.empty:
        return set()
    roles = organizations["roles"].fillna("").astype(str)
    kind = organizations["kind"].fillna("").astype(str)
    sells = roles.str.contains(r"\b(?:sponsor|exhibitor)\b", regex=True)
    # A firm by its kind alone needs a name of a firm's length: a name and a paper title read
    # as one organization ("Ann Lee Legal Ontology for Modelling GDPR Concepts") is no law
    # firm (issue 21: five of the twelve best-ranked vendor people were such).
    words = organizations["name"].fillna("").astype(str).str.split().str.len()
    service = kind.isin(vendor_kinds - {"company"}) & (words <= MAX_FIRM_NAME_WORDS)
    return set(organizations.loc[(sells | service) & ~kind.isin(never), "org_id"])


def _member(column: pd.Series, values: set) -> pd.Series:
    """`column.isin(values)` for a large set: pandas' Arrow strings box every member of it.

    >>> _member(pd.Series(["a", "b", None]), {"a"}).tolist()
    [True, False, False]
    """
    return pd.Series([value in values for value in column.tolist()], index=column.index,
                     dtype=bool)


def mentor_types(person_rows: pd.DataFrame, vendor_ids: set[str]) -> pd.DataFrame:
    """`mentor_type`, `industry` and `profession` per person (index `person_id`).

    In order: **recognized** (award recipient or board member); **vendor/consultant** (their
    latest affiliation, or most of their affiliated appearances, at a vendor organization);
    **profession-focused** (appears in more than one industry); else **industry-focused**.
    Industry and profession come from the appearances' ``industry``/``profession`` columns
    (RAW_DIR/sources.csv); an undeclared industry is the association itself.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({
    ...     "person_id": ["a", "a", "b", "c", "c"], "role": ["speaker"] * 5,
    ...     "association": ["x", "y", "x", "x", "x"], "org_id": ["", "", "v", "", ""],
    ...     "year": [2020, 2021, 2020, 2020, 2021],
    ...     "industry": ["", "", "", "", ""], "profession": ["", "", "", "", ""]})
    >>> mentor_types(rows, {"v"})["mentor_type"].to_dict()
    {'a': 'profession-focused', 'b': 'vendor/consultant', 'c': 'industry-focused'}
    """
    rows = person_rows.copy()
    for col in EXTRA_COLUMNS:
        if col not in rows.columns:
            rows[col] = ""
        rows[col] = rows[col].fillna("").astype(str)
    rows["industry"] = rows["industry"].where(rows["industry"] != "", rows["association"])
    rows["_year"] = pd.to_numeric(rows["year"], errors="coerce")
    rows["_vendor"] = _member(rows["org_id"], vendor_ids)
    affiliated = rows[rows["org_id"].fillna("") != ""].sort_values("_year", kind="mergesort")
    recognized = rows["role"].isin({"award_recipient", "board"}).groupby(
        rows["person_id"], sort=True).any()
    vendor_share = affiliated.groupby("person_id")["_vendor"].mean()
    latest_vendor = affiliated.groupby("person_id")["_vendor"].last()
    vendor = ((vendor_share > 0.5) | latest_vendor).reindex(recognized.index, fill_value=False)
    industries = distinct_count(rows["person_id"], rows["industry"])
    out = pd.DataFrame({
        "industry": dominant(rows["person_id"], rows["industry"]),
        "profession": dominant(rows["person_id"], rows["profession"]),
    })
    out["mentor_type"] = "industry-focused"
    out.loc[industries > 1, "mentor_type"] = "profession-focused"
    out.loc[vendor.astype(bool), "mentor_type"] = "vendor/consultant"
    out.loc[recognized, "mentor_type"] = "recognized"
    return out


@dataclass
class PersonDetails:
    """What the shortlist says of each person apart from the scores: ``facts`` (index
    ``person_id``: ``roles``, ``years``, ``industry``, ``profession``, ``mentor_type``) and the
    ``why`` and ``evidence`` texts of the people they were written for."""

    facts: pd.DataFrame
    why: dict[str, str]
    evidence: dict[str, str]


def person_facts(rows: pd.DataFrame, organizations: pd.DataFrame, *,
                 weights: dict | None = None) -> pd.DataFrame:
    """`PersonDetails.facts` from the prepared rows (:func:`pipeline.stages.rank.prepare_rows`)."""
    facts = mentor_types(rows, vendor_org_ids(organizations, weights=weights))
    facts["roles"] = joined_distinct(rows["person_id"], rows["role"])
    facts["years"] = joined_years(rows["person_id"], rows["_year"])
    facts["org_id"] = current_org_ids(rows).reindex(facts.index).fillna("")
    return facts


def current_org_ids(rows: pd.DataFrame) -> pd.Series:
    """Per person, the `org_id` of their latest affiliated appearance (as people.csv's
    ``organization`` is chosen).

    >>> rows = pd.DataFrame({"person_id": ["a", "a", "b"], "org_id": ["x", "y", ""],
    ...                      "year": [2021, 2020, 2020]})
    >>> current_org_ids(rows).to_dict()
    {'a': 'x'}
    """
    affiliated = rows[rows["org_id"].fillna("").astype(str) != ""]
    years = pd.to_numeric(affiliated["year"], errors="coerce")
    ordered = affiliated.assign(_order=years).sort_values("_order", na_position="first",
                                                           kind="stable")
    return ordered.groupby("person_id", sort=True)["org_id"].last()


def person_texts(rows: pd.DataFrame, wanted: set[str] | None = None
                 ) -> tuple[dict[str, str], dict[str, str]]:
    """`why` and `evidence` of each person in `wanted` (everyone in `rows` when None), from
    their rows in the order of time and pages."""
    ordered = rows.sort_values(["_year", "source_path", "page"], na_position="first",
                               kind="mergesort")
    keep = [c for c in ("person_id", "role", "effective_role", "association", "event", "year",
                        "award", "page", "source_path") if c in ordered.columns]
    by_person: dict[str, list[dict]] = {}
    picked = ordered[keep] if wanted is None else ordered.loc[
        _member(ordered["person_id"], wanted), keep]
    # to_dict("records") without its per-cell boxing
    for values in zip(*(picked[c].tolist() for c in keep), strict=True):
        record = dict(zip(keep, values, strict=True))
        by_person.setdefault(record["person_id"], []).append(record)
    return ({p: why_from_records(records) for p, records in by_person.items()},
            {p: evidence_from_records(records) for p, records in by_person.items()})


@gc_paused
def person_details(rows: pd.DataFrame, organizations: pd.DataFrame, *,
                   weights: dict | None = None) -> PersonDetails:
    """Everything :func:`build_shortlist` says of every person in `rows`, scores aside. The
    pipeline computes it in a forked child while this process ranks (see
    :mod:`pipeline.run.forked`)."""
    return PersonDetails(person_facts(rows, organizations, weights=weights), *person_texts(rows))


@gc_paused
def build_shortlist(
    appearances: pd.DataFrame, people: pd.DataFrame, organizations: pd.DataFrame,
    scores: pd.DataFrame, *, top: int | None = None, min_events: int = 0,
    filters: Filters | None = None, outreach: pd.DataFrame | None = None,
    weights: dict | None = None, rows: pd.DataFrame | None = None,
    details: PersonDetails | None = None, suppress: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Join people and scores, add `mentor_type`, `why` and `evidence`, filter, rank best first.

    Columns: the contract ones (DESIGN §3), ``type_rank`` (rank within the mentor type), every
    ``score_<component>``, then ``industry``, ``profession`` and, when `outreach` is given,
    ``status``, ``last_contact``, ``notes`` joined on ``person_id``. `scores` comes from
    :func:`pipeline.stages.rank.rank_people` already in rank order; filters keep that order and
    ``rank`` counts from 1 again. With ``filters.topic`` only people whose own sessions,
    awards or titles match are kept, boosted (:func:`pipeline.stages.rank.boost_by_topic`), and
    `why` starts with what matched.

    People `suppress` names (:func:`pipeline.stages.notes.suppressed_ids`) are left out; how
    many is ``shortlist.attrs["suppressed"]``. A filter that leaves nobody logs a warning naming
    it and what there is instead.

    `rows` (``prepare_rows(appearances, weights=weights)``) and `details`
    (``person_details(rows, organizations, weights=weights)``) are for a caller that has them
    already; both are used only when no filter narrows the appearances.
    """
    filters = filters or Filters(min_events=min_events, top=top)
    score_cols = [c for c in scores.columns if c.startswith("score_")]
    if filters.topic and "score_topic" not in score_cols:
        score_cols.append("score_topic")
    extra = [*EXTRA_COLUMNS, *(OUTREACH_FIELDS if outreach is not None else ())]
    columns = [*SHORTLIST_COLUMNS, "type_rank", *score_cols, *extra]
    if scores.empty:
        return pd.DataFrame(columns=columns)
    from pipeline.stages.rank import boost_by_topic, prepare_rows, topic_matches

    scoped = scope_appearances(appearances, filters)
    if scoped is not appearances:
        rows = details = None
    if rows is None:
        rows = prepare_rows(scoped, weights=weights or {})
    rows = rows[_member(rows["person_id"], set(scores["person_id"]))]
    matched: dict[str, list[dict]] = {}
    if filters.topic:
        matched = topic_matches(rows, filters.topic)
        scores = boost_by_topic(scores, matched, weights=weights or {})
        if scores.empty:
            logger.warning("--topic %r: no session, award or title of anyone matches it; "
                           "try other words (a phrase needs all its words)", filters.topic)
    hidden = suppressed_ids(people, suppress)
    merged = scores.drop(columns=["years"], errors="ignore").merge(
        people[["person_id", "name", "organization", "title", "roles"]],
        on="person_id", how="left")
    merged = merged[~_member(merged["person_id"], hidden)]
    facts = details.facts if details is not None else person_facts(rows, organizations,
                                                                   weights=weights)
    # people.csv summarizes every appearance; the shortlist speaks of the ones in scope.
    merged["roles"] = merged["person_id"].map(facts["roles"]).fillna(merged["roles"])
    merged["years"] = merged["person_id"].map(facts["years"]).fillna("")
    merged["org_id"] = merged["person_id"].map(facts["org_id"]).fillna("") \
        if "org_id" in facts.columns else ""
    merged = merged.join(facts[["industry", "profession", "mentor_type"]], on="person_id")
    merged["mentor_type"] = merged["mentor_type"].fillna("industry-focused")
    printed = printed_org_names(organizations)
    merged["organization"] = merged["organization"].fillna("").map(
        lambda name: printed_org(name, printed))
    if outreach is not None:
        merged = join_outreach(merged, outreach)
    merged = _filter(merged, rows, organizations, filters)
    merged["type_rank"] = merged.groupby("mentor_type", sort=False).cumcount() + 1
    if filters.top:
        merged = merged.head(filters.top)
    merged = merged.reset_index(drop=True)
    if details is not None:
        why_of, evidence_of = details.why, details.evidence
    else:  # written only for the people kept
        why_of, evidence_of = person_texts(rows, set(merged["person_id"]))
    merged["why"] = [topic_phrase(matched.get(p, [])) + why_of.get(p, "")
                     for p in merged["person_id"]]
    merged["evidence"] = [evidence_of.get(p, "") for p in merged["person_id"]]
    merged["rank"] = range(1, len(merged) + 1)
    for col in ("name", "organization", "title"):
        merged[col] = merged[col].fillna("")
    shortlist = merged[columns].copy()
    shortlist.attrs["suppressed"] = len(hidden)
    if hidden:
        logger.info("shortlist: %d people left out at their request (suppress list)",
                    len(hidden))
    logger.info("shortlist: %d candidates", len(shortlist))
    return shortlist


def organizations_named(organizations: pd.DataFrame, names: tuple[str, ...], *,
                        prefix: bool = False, aliases: tuple[tuple[str, str], ...] = ()
                        ) -> dict[str, set[str]]:
    """Per name in `names`, the `org_id`s whose canonical name or a printed variant is that
    organization (compared as :func:`pipeline.stages.resolve.org_key`s: case, punctuation and legal
    suffixes aside), or, with `prefix`, starts with it in whole words. A name of the user's
    `aliases` (aliases.csv's ``alias,canonical`` pairs) stands for the other name of its pair
    too, printed or not.

    >>> orgs = pd.DataFrame({"org_id": ["s", "b", "u"], "name": [
    ...     "University of Acme, Northfield", "University of Acme, Lakeside",
    ...     "University of Acme"], "variants": ["UA Northfield", "UA Lakeside", ""]})
    >>> organizations_named(orgs, ("ua northfield", "University of Acme"))
    {'ua northfield': {'s'}, 'University of Acme': {'u'}}
    >>> sorted(organizations_named(orgs, ("University of Acme",), prefix=True)[
    ...     "University of Acme"])
    ['b', 's', 'u']
    >>> organizations_named(orgs, ("UAN",), aliases=(("UAN", "UA Northfield"),))
    {'UAN': {'s'}}
    """
    keyed: list[tuple[str, set[str]]] = []
    for oid, name, variants in zip(organizations["org_id"], organizations["name"].fillna(""),
                                   organizations["variants"].fillna(""), strict=True):
        keys = {org_key(str(name)), *(org_key(v) for v in str(variants).split(";"))} - {""}
        keyed.append((oid, keys))
    pairs = [(org_key(a), org_key(c)) for a, c in aliases]
    out: dict[str, set[str]] = {}
    for wanted in names:
        key = org_key(wanted)
        if not key:
            continue
        wanted_keys = {key} | {c for a, c in pairs if a == key} | {a for a, c in pairs if c == key}
        wanted_keys.discard("")
        out[wanted] = {oid for oid, keys in keyed if any(
            k == w or (prefix and k.startswith(w + " ")) for k in keys for w in wanted_keys)}
    return out


def _filter(merged: pd.DataFrame, rows: pd.DataFrame, organizations: pd.DataFrame,
            filters: Filters) -> pd.DataFrame:
    keep = _member(merged["person_id"], set(rows["person_id"]))
    _warn_if_empty(keep, "the scope (--association, --since)", _known_years(rows))
    if filters.min_events > 0:
        keep &= merged["n_events"] >= filters.min_events
        _warn_if_empty(keep, f"--min-events {filters.min_events}",
                       f"the most events of anyone is {int(merged['n_events'].max() or 0)}")
    if filters.role:
        wanted = set(filters.role)
        holders = set(rows.loc[rows["role"].isin(wanted)
                               | rows["effective_role"].isin(wanted), "person_id"])
        keep &= merged["person_id"].isin(holders)
        _warn_if_empty(keep, f"--role {', '.join(filters.role)}",
                       "roles held: " + ", ".join(sorted(set(rows["role"]))))
    for names, prefix in ((filters.exclude_org, False), (filters.exclude_org_prefix, True)):
        if not names:
            continue
        option = "--exclude-org-prefix" if prefix else "--exclude-org"
        found = organizations_named(organizations, names, prefix=prefix,
                                    aliases=filters.org_aliases)
        for name, ids in found.items():
            if not ids:
                logger.warning("%s %r: no organization has that name or variant; nobody "
                               "dropped. %s", option, name,
                               _similar_orgs(organizations, name))
        dropped = set().union(*found.values()) if found else set()
        keep &= ~_member(merged["org_id"], dropped)
    if filters.mentor_type:
        wanted = {mentor_type_name(t) for t in filters.mentor_type}
        keep &= merged["mentor_type"].isin(wanted)
        counts = merged.loc[_member(merged["person_id"], set(rows["person_id"])),
                            "mentor_type"].value_counts()
        _warn_if_empty(keep, f"--mentor-type {', '.join(sorted(wanted))}", "types there are: "
                       + ", ".join(f"{t} ({n})" for t, n in counts.items()))
    if filters.status:
        wanted = {s.strip().lower() for s in filters.status}
        status = merged.get("status", pd.Series("", index=merged.index)).fillna("")
        status = status.astype(str).str.strip().str.lower()
        keep &= status.isin(wanted) | (("none" in wanted) & (status == ""))
        _warn_if_empty(keep, f"--status {', '.join(sorted(wanted))}", "statuses there are: "
                       + (", ".join(sorted(set(status) - {""})) or "none") + " (and none)")
    return merged[keep]


def _warn_if_empty(keep: pd.Series, option: str, known: str) -> None:
    """A warning when `option` left nobody (and somebody was there before it)."""
    if len(keep) and not keep.any():
        logger.warning("%s: no candidate is left; %s", option, known)


def _known_years(rows: pd.DataFrame) -> str:
    years = pd.to_numeric(rows["year"], errors="coerce").dropna() if len(rows) else []
    return (f"years in the data: {int(min(years))}-{int(max(years))}" if len(years)
            else "no appearance is in scope")


def _similar_orgs(organizations: pd.DataFrame, name: str, *, limit: int = 5) -> str:
    """Up to `limit` organizations whose names contain every word of `name`, as a hint."""
    words = org_key(name).split()
    if not words or organizations.empty:
        return ""
    keys = organizations["name"].fillna("").map(org_key)
    hits = organizations.loc[keys.map(lambda k: all(w in k.split() for w in words)), "name"]
    if hits.empty:
        return ""
    shown = "; ".join(hits.head(limit))
    more = f" and {len(hits) - limit} more" if len(hits) > limit else ""
    return (f"Organizations with these words: {shown}{more} (--exclude-org-prefix drops "
            "every organization whose name starts with it)")

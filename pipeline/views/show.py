"""Show: one person's timeline with evidence, organizations, co-speakers and vendor history."""

from __future__ import annotations

import pandas as pd

from pipeline.errors import MentorMinerError
from pipeline.stages.graph import MAX_SESSION_SIZE
from pipeline.stages.resolve import event_key, person_key
from pipeline.stages.why import event_label, printed_org, printed_org_names

MAX_MATCHES_LISTED = 10


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def find_person(query: str, people: pd.DataFrame, *, hidden: set[str] | None = None
                ) -> pd.Series:
    """The people row for `query`: a person_id, a name or variant (any case, `Last, First`).

    Several namesakes or no match raise :class:`MentorMinerError` listing the candidates.
    People in `hidden` (the leave-me-out list) are never found, and never listed.
    """
    query = query.strip()
    if hidden:
        people = people[~people["person_id"].isin(hidden)]
    by_id = people[people["person_id"] == query]
    if len(by_id):
        return by_id.iloc[0]
    key = person_key(query)
    names = people["name"].fillna("").map(person_key)
    variants = people["variants"].fillna("").map(
        lambda v: {person_key(x) for x in v.split(";") if x.strip()})
    exact = people[(names == key) | variants.map(lambda keys: key in keys)]
    if len(exact) == 1:
        return exact.iloc[0]
    matches = exact
    if exact.empty and key:
        matches = people[names.str.contains(key, regex=False)]
    if len(matches) == 1:
        return matches.iloc[0]
    if matches.empty:
        raise MentorMinerError(f"No person named {query!r} in people.csv. "
                               "Try part of the name, or a person_id.")
    listed = "; ".join(f"{r.name} ({r.person_id}, {r.organization or 'no organization'})"
                       for r in matches.head(MAX_MATCHES_LISTED).itertuples())
    raise MentorMinerError(f"{len(matches)} people match {query!r}: {listed}. "
                           "Pass a person_id to choose.")


def _year(value) -> str:
    year = pd.to_numeric(value, errors="coerce")
    return str(int(year)) if pd.notna(year) else "----"


def _cite(row) -> str:
    page = pd.to_numeric(row.page, errors="coerce")
    return f"{row.source_path} p.{int(page)}" if pd.notna(page) else str(row.source_path)


def person_report(
    query: str, appearances: pd.DataFrame, people: pd.DataFrame, organizations: pd.DataFrame,
    *, suppress: pd.DataFrame | None = None,
) -> str:
    """Plain-text report of one person for `mentor-miner show` (the CLI prints it).

    A person `suppress` names is not shown (as if absent), nor listed as anyone's co-speaker.
    """
    from pipeline.stages.notes import suppressed_ids

    hidden = suppressed_ids(people, suppress)
    person = find_person(query, people, hidden=hidden)
    names = printed_org_names(organizations)
    pid = person["person_id"]
    frame = appearances.copy()
    frame["event_key"] = event_key(frame)
    frame["_year"] = pd.to_numeric(frame["year"], errors="coerce")
    mine = frame[frame["person_id"] == pid].sort_values(
        ["_year", "source_path", "page"], na_position="first", kind="mergesort")
    lines = [f"{person['name']} ({pid})"]
    organization = printed_org(str(person.get("organization") or ""), names)
    if person.get("title") or organization:
        lines.append("  " + ", ".join(x for x in (person.get("title"), organization) if x))
    events = mine.loc[mine["role"] != "award_recipient", "event_key"].nunique()
    honours = mine.loc[mine["role"] == "award_recipient", ["award", "year"]].drop_duplicates()
    awards = f" and {_plural(len(honours), 'award')}" if len(honours) else ""
    lines.append(f"  {_plural(len(mine), 'appearance')} at {_plural(events, 'event')}{awards}; "
                 f"variants: {person.get('variants', '')}")
    lines += ["", "Timeline:"]
    for row in mine.itertuples(index=False):
        what = row.award if row.role == "award_recipient" and row.award else row.session
        detail = f" — {what}" if what else ""
        org = f" ({row.org_name})" if row.org_name else ""
        lines.append(f"  {_year(row.year)}  {event_label(row.association, row.event):<12} "
                     f"{row.role:<16}{detail}{org}   [{_cite(row)}]")
    orgs = mine[mine["org_id"].fillna("") != ""]
    lines += ["", "Organizations:"]
    if orgs.empty:
        lines.append("  (none printed)")
    for _, group in orgs.groupby("org_id", sort=False):
        years = ", ".join(sorted({_year(y) for y in group["year"]}))
        lines.append(f"  {printed_org(group['org_name'].iloc[-1], names)} ({years})")
    lines += ["", "Co-speakers (same session):"]
    lines += _co_speakers(frame[~frame["person_id"].isin(hidden)], mine, people) or ["  (none)"]
    lines += ["", "Their organizations as sponsors and exhibitors:"]
    lines += _vendor_history(frame, set(orgs["org_id"]), organizations) or ["  (none)"]
    return "\n".join(lines)


def _co_speakers(frame: pd.DataFrame, mine: pd.DataFrame, people: pd.DataFrame) -> list[str]:
    """One line per co-speaker, by `person_id` under their people.csv name: the printed
    variants of one person are one co-speaker (issue 21)."""
    sessions = mine[mine["session"].fillna("") != ""][["event_key", "session"]].drop_duplicates()
    if sessions.empty:
        return []
    others = frame[(frame["person_id"].fillna("") != "")].merge(sessions,
                                                               on=["event_key", "session"])
    size = others.groupby(["event_key", "session"])["person_id"].transform("nunique")
    others = others[(size <= MAX_SESSION_SIZE) & (~others["person_id"].isin(mine["person_id"]))]
    where = others.groupby("person_id", sort=False)["event_key"].agg(
        lambda s: ", ".join(sorted(set(s))))
    named = people.set_index("person_id")["name"]
    listed = sorted((str(named.get(pid, "") or pid), events) for pid, events in where.items())
    return [f"  {name} ({events})" for name, events in listed]


def _vendor_history(frame: pd.DataFrame, org_ids: set[str],
                    organizations: pd.DataFrame) -> list[str]:
    rows = frame[frame["org_id"].isin(org_ids) & frame["role"].isin(["sponsor", "exhibitor"])]
    lines = []
    for org_id, group in rows.groupby("org_id", sort=False):
        name = organizations.loc[organizations["org_id"] == org_id, "name"]
        label = printed_org(name.iloc[0] if len(name) else group["org_name"].iloc[0],
                            printed_org_names(organizations))
        items = []
        for row in group.drop_duplicates(["event_key", "role", "sponsor_tier"]).itertuples():
            tier = f" {row.sponsor_tier}" if row.sponsor_tier else ""
            items.append(f"{row.role}{tier} at {event_label(row.association, row.event)} "
                         f"{_year(row.year)}")
        lines.append(f"  {label}: {'; '.join(items)}")
    return lines

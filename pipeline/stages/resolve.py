"""Resolve: one row per person and per organization, with ids stable across runs (issue 5)."""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.stages.frames import group_join
from pipeline.stages.gcpause import gc_paused
from pipeline.stages.matching import cluster_people, co_speakers
from pipeline.stages.overrides import Overrides, apply_person_overrides
from pipeline.tables import ORGANIZATION_COLUMNS, PEOPLE_COLUMNS, stable_id
from pipeline.text.names import (  # noqa: F401 - re-exported
    ParsedName,
    is_program_text,
    parse_name,
    person_key,
)
from pipeline.text.orgs import (  # noqa: F401
    canonical_org_names,
    org_key,
    plausible_affiliation,
    plausible_affiliations,
    resolve_org_names,
)

logger = logging.getLogger(__name__)


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame[name].fillna("").astype(str)


@dataclass
class Linked:
    """Appearances with their `person_id` and `org_id`, and what the tables of people and
    organizations are summarized from (:func:`people_table`, :func:`organizations_table`)."""

    appearances: pd.DataFrame
    parsed: dict[str, ParsedName]  # printed name -> the name taken apart
    org_names: dict[str, str]  # org_id -> the name to show
    evidence: dict[str, str]  # person_id -> the kinds of evidence that joined its appearances


def resolve(
    appearances: pd.DataFrame, *, overrides: Overrides | None = None,
    parsed_names: Mapping[str, ParsedName] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Fill `person_id`/`org_id` on appearances and build the people and organizations tables.

    People are clustered by :func:`pipeline.stages.matching.cluster_people` (names normalized by
    :mod:`pipeline.text.names`, organizations by :mod:`pipeline.text.orgs`); then the user's
    `overrides` (read from merge.csv, split.csv and aliases.csv by
    :mod:`pipeline.userfiles.overrides`) are applied. `parsed_names` holds `parse_name` results
    already computed (by the workers), which are not parsed again. The runner calls the three
    steps itself, to summarize organizations in a child process while this one summarizes
    people.
    """
    linked = link(appearances, overrides=overrides, parsed_names=parsed_names)
    people, organizations = people_table(linked), organizations_table(linked)
    log_resolved(linked, people, organizations)
    return linked.appearances, people, organizations


@gc_paused
def link(appearances: pd.DataFrame, *, overrides: Overrides | None = None,
         parsed_names: Mapping[str, ParsedName] | None = None) -> Linked:
    """Appearances with their `org_id` and `person_id` (see :func:`resolve`); a printed name that
    resolves to nobody (a session title, a break) is dropped: it is no appearance."""
    appearances = appearances.copy()
    overrides = overrides or Overrides()
    org_names = _column(appearances, "org_name")
    org_ids, org_keys = _link_organizations(appearances, org_names, overrides.aliases)
    parsed, rows, names, name_code = _parse_people(appearances, org_names, parsed_names)
    mentions = _mentions(appearances, rows, name_code, org_keys)
    labels = cluster_people(mentions, names)
    name_keys = np.array([pname.key for pname in names], dtype=object)[mentions["name"]]
    ids = _person_ids(labels, name_keys, mentions["org"].to_numpy(), mentions["doc"].to_numpy())
    if overrides.merges or overrides.splits:
        ids = apply_person_overrides(
            list(ids), source_paths=_column(appearances, "source_path").iloc[rows].tolist(),
            org_keys=org_keys[rows].tolist(), name_keys=name_keys.tolist(), overrides=overrides,
        )
    evidence = link_evidence(ids, mentions, names)
    person_id = np.full(len(appearances), "", dtype=object)
    person_id[rows] = ids
    appearances["person_id"] = person_id
    # A printed "name" that resolves to nobody (a session title, a break) is no appearance:
    # every person row of the contract names a person_id.
    unnamed = (appearances["person_name"].fillna("").str.strip() != "") & (
        appearances["person_id"] == "")
    if unnamed.any():
        logger.info("resolve: %d rows whose name is program text dropped", int(unnamed.sum()))
        appearances = appearances[~unnamed].reset_index(drop=True)
        org_keys = org_keys[~unnamed.to_numpy()]
        org_names = org_names[~unnamed.to_numpy()]
    org_display = {org_ids[k]: v for k, v in _org_display(org_names, org_keys).items()}
    return Linked(appearances, parsed, org_display, evidence)


def _link_organizations(appearances: pd.DataFrame, org_names: pd.Series,
                        aliases: Mapping[str, str]) -> tuple[dict[str, str], np.ndarray]:
    """Set `org_id` on `appearances`: one key per distinct printed name, acronyms and aliases
    folded in. Returns the ids by key and each row's key ("" for no organization)."""
    person_names = _column(appearances, "person_name")
    org_code, printed_orgs = pd.factorize(org_names)
    org_of = resolve_org_names(set(printed_orgs), aliases=aliases)
    key_of_printed = np.array([org_of.get(org, "") for org in printed_orgs.tolist()],
                              dtype=object)
    # A person's "organization" that is schedule text, a page number or the name again in
    # another script is a reading error: no organization, and no evidence about the person.
    affiliated = (person_names.str.strip() == "").to_numpy() | plausible_affiliations(
        org_names, person_names)
    org_keys = np.where(affiliated, key_of_printed[org_code], "").astype(object)
    key_code, distinct_keys = pd.factorize(org_keys)
    org_ids = {key: stable_id("o", key) for key in distinct_keys if key}
    appearances["org_id"] = np.array([org_ids.get(key, "") for key in distinct_keys],
                                     dtype=object)[key_code]
    return org_ids, org_keys


def _parse_people(appearances: pd.DataFrame, org_names: pd.Series,
                  known: Mapping[str, ParsedName] | None):
    """Each distinct printed name parsed once (nameparser is the slow part): the parsed names
    by printed form, the rows that name a person, the names and each such row's name index.

    A name printed beside its form in another script is matched as the Latin form, and so is
    that form printed alone elsewhere in the association."""
    person_code, printed_people = pd.factorize(script_aliases(
        _column(appearances, "person_name"), org_names, _column(appearances, "association")))
    printed_people = printed_people.tolist()  # a list iterates faster than an Arrow index
    known = known or {}
    parsed = {name: known[name] if name in known else parse_name(name)
              for name in printed_people
              if name in known or (name.strip() and not is_program_text(name))}
    names = [pname for pname in parsed.values() if pname.key]
    position = {pname.raw: i for i, pname in enumerate(names)}
    name_of_printed = np.array([position.get(name, -1) for name in printed_people], dtype=np.int64)
    name_code = name_of_printed[person_code]
    rows = np.flatnonzero(name_code >= 0)
    return parsed, rows, names, name_code


def _talk(appearances: pd.DataFrame) -> pd.Series:
    """The talk a person gave, for co-authors: its title, else the printed line that names the
    person (a handbook listing each paper's authors on one line under the paper's title)."""
    title = _column(appearances, "title")
    return title.where(title != "", _column(appearances, "snippet"))


def _mentions(appearances: pd.DataFrame, rows: np.ndarray, name_code: np.ndarray,
              org_keys: np.ndarray) -> pd.DataFrame:
    """What the matcher weighs of each appearance that names a person (`rows`)."""
    n = len(appearances)
    sids = _column(appearances, "source_person_id")
    assocs = _column(appearances, "association")
    return pd.DataFrame({
        "name": name_code[rows],
        "org": org_keys[rows],
        "doc": _column(appearances, "doc_id").to_numpy(dtype=object)[rows],
        "sid": (assocs + "|" + sids).where(sids != "", "").to_numpy(dtype=object)[rows],
        "association": assocs.to_numpy(dtype=object)[rows],
        "year": (pd.to_numeric(appearances["year"], errors="coerce").astype(float).to_numpy()
                 if "year" in appearances else np.full(n, np.nan))[rows],
        "session": _column(appearances, "session").to_numpy(dtype=object)[rows],
        "talk": _talk(appearances).to_numpy(dtype=object)[rows],
        "role": _column(appearances, "role").to_numpy(dtype=object)[rows],
        "topic": (_column(appearances, "title") + " " + _column(appearances, "session")
                  ).to_numpy(dtype=object)[rows],
    })


@gc_paused
def people_table(linked: Linked) -> pd.DataFrame:
    """The people table of linked appearances, with each person's `link_evidence`."""
    people = summarize_people(linked.appearances, parsed=linked.parsed,
                              org_names=linked.org_names)
    people.insert(len(PEOPLE_COLUMNS), "link_evidence",
                  people["person_id"].map(linked.evidence).fillna(ONE_DOCUMENT))
    return people


@gc_paused
def organizations_table(linked: Linked) -> pd.DataFrame:
    """The organizations table of linked appearances."""
    return summarize_organizations(linked.appearances, org_names=linked.org_names)


def log_resolved(linked: Linked, people: pd.DataFrame, organizations: pd.DataFrame) -> None:
    logger.info(
        "resolve: %d people and %d organizations from %d appearances (%d distinct names)",
        len(people), len(organizations), len(linked.appearances), len(linked.parsed),
    )


_LATIN = re.compile(r"[A-Za-z]")
_OTHER_SCRIPT_NAME = re.compile(r"[^\W\dA-Za-z_\u00C0-\u024F]{2,}(?:[ ·・][^\W\dA-Za-z_]+){0,2}")


def script_aliases(people: pd.Series, orgs: pd.Series, associations: pd.Series) -> pd.Series:
    """The names to match people by: a name in a non-Latin script replaced by its Latin form
    where a document of the association prints the two together (`Jiwoo Han` with `한지우` in
    the affiliation's place, or `한지우` with `Jiwoo Han` there when `Jiwoo Han` is printed as a
    person elsewhere in the association). Printed names in the tables stay as printed.

    >>> people = pd.Series(["Jiwoo Han", "한지우", "한지우", "Ann Lee"])
    >>> orgs = pd.Series(["한지우", "", "", "Acme"])
    >>> script_aliases(people, orgs, pd.Series(["k", "k", "other", "k"])).tolist()
    ['Jiwoo Han', 'Jiwoo Han', '한지우', 'Ann Lee']
    """
    people = people.str.strip()
    orgs = orgs.str.strip()
    person_code, distinct_people = pd.factorize(people)
    latin_code = np.array([bool(_LATIN.search(t)) for t in distinct_people], dtype=bool)
    if latin_code.all() and all(_LATIN.search(t) or not t for t in pd.unique(orgs)):
        return people  # one script throughout: nothing to alias (and no pass over the rows)
    latin = pd.Series(latin_code[person_code], index=people.index)
    candidate = (people != "") & (orgs != "") & (latin != _is_latin(orgs))
    if not candidate.any():
        return people
    latin_people = set(zip(associations[latin], people[latin], strict=True))
    alias: dict[tuple[str, str], str] = {}
    for person, org, association in zip(people[candidate], orgs[candidate],
                                        associations[candidate], strict=True):
        if _LATIN.search(person) and _OTHER_SCRIPT_NAME.fullmatch(org):
            alias.setdefault((association, org), person)
        elif _OTHER_SCRIPT_NAME.fullmatch(person) and (association, org) in latin_people:
            alias.setdefault((association, person), org)
    if not alias:
        return people
    keys = pd.Series(list(zip(associations, people, strict=True)), index=people.index)
    return keys.map(alias).fillna(people)


def _is_latin(texts: pd.Series) -> pd.Series:
    """Whether each text has a Latin letter, computed once per distinct text."""
    codes, distinct = pd.factorize(texts)
    verdicts = np.array([bool(_LATIN.search(t)) for t in distinct], dtype=bool)
    return pd.Series(verdicts[codes], index=texts.index)


ONE_DOCUMENT = "one document"
NAME_ONLY = "name only"


def link_evidence(ids: np.ndarray, mentions: pd.DataFrame,
                  names: Sequence[ParsedName] | None = None) -> dict[str, str]:
    """Per person printed in two or more documents, what their documents share besides the
    name, strongest first: `source id` (the source's own id for the person), `organization`
    (one employer printed in two of them), `co-speaker` (someone who spoke beside them in two
    of them), `association`; or `name only`, a merge a user should check. People printed in
    one document are absent (`one document`). `ids` are final: a user's merge.csv joining two
    people who share nothing shows as `name only`, which the user has answered.

    >>> mentions = pd.DataFrame({"doc": ["d1", "d2", "d3", "d4", "d5"],
    ...                          "org": ["acme", "acme", "", "", ""], "sid": ["", "", "", "", ""],
    ...                          "association": ["a", "a", "b", "c", "c"],
    ...                          "session": ["", "", "", "", ""], "role": ["speaker"] * 5,
    ...                          "name": [0, 0, 1, 1, 2]})
    >>> link_evidence(np.array(["p1", "p1", "p2", "p2", "p3"]), mentions)
    {'p1': 'organization; association', 'p2': 'name only'}
    """
    pid_code, pids = pd.factorize(np.asarray(ids, dtype=object))
    doc_code = pd.factorize(mentions["doc"].to_numpy())[0]
    docs_per_pid = pd.DataFrame({"pid": pid_code, "doc": doc_code}).drop_duplicates()
    n_docs = np.bincount(docs_per_pid["pid"].to_numpy(), minlength=len(pids))
    several = n_docs >= 2
    if not several.any():
        return {}
    kinds: dict[int, list[str]] = {int(p): [] for p in np.flatnonzero(several)}
    rows = several[pid_code]

    def repeated(values: np.ndarray, label: str) -> None:
        """Label the people with one non-empty value in two or more of their documents."""
        code = pd.factorize(values)[0]
        keep = rows & (values != "")
        triples = pd.DataFrame({"pid": pid_code[keep], "value": code[keep],
                                "doc": doc_code[keep]}).drop_duplicates()
        counts = triples.groupby(["pid", "value"], sort=False).size()
        for pid in np.unique(counts[counts >= 2].index.get_level_values("pid")).tolist():
            kinds[pid].append(label)

    repeated(mentions["sid"].to_numpy(dtype=object), "source id")
    repeated(mentions["org"].to_numpy(dtype=object), "organization")
    weak = np.zeros(len(pids), dtype=bool)
    weak[[pid for pid, found in kinds.items() if not found]] = True
    if weak.any() and names is not None:
        # someone who spoke beside them (a session, a talk: matching.co_speakers) in two documents
        weak_rows = np.flatnonzero(weak[pid_code])
        beside = co_speakers(mentions, names, weak_rows, pid_code)
        docs_beside: dict[tuple[int, int], set[int]] = defaultdict(set)
        for row, others in beside.items():
            for other in others:
                docs_beside[(int(pid_code[row]), other)].add(int(doc_code[row]))
        for pid in sorted({pid for (pid, _), docs in docs_beside.items() if len(docs) >= 2}):
            kinds[pid].append("co-speaker")
    repeated(mentions["association"].to_numpy(dtype=object), "association")
    return {pids[pid]: "; ".join(found) if found and found != ["association"]
            else "; ".join([NAME_ONLY, *found]) for pid, found in kinds.items()}


def _org_display(org_names: pd.Series, org_keys: np.ndarray) -> dict[str, str]:
    printed = pd.DataFrame({"key": org_keys, "name": org_names.str.strip().to_numpy()})
    counts = printed[printed["key"] != ""].value_counts(sort=False)
    by_key: dict[str, Counter] = defaultdict(Counter)
    for (key, name), count in counts.items():
        by_key[key][name] = count
    return canonical_org_names(by_key)


def _person_ids(labels: np.ndarray, name_keys: np.ndarray, orgs: np.ndarray,
                docs: np.ndarray) -> np.ndarray:
    """A stable id per cluster from its canonical identity, not from row order.

    The id hashes the cluster's most printed name key. Namesakes (two clusters with one key)
    add their most frequent organization, and failing that their first document, so adding a
    document changes only the ids of people whose name it prints.

    `labels` number each mention's cluster by its first mention, so clusters in label order
    are in order of first mention.
    """
    key_code, keys = pd.factorize(name_keys)
    counts = pd.DataFrame({"label": labels, "key": key_code}).value_counts(sort=False)
    counts = counts.reset_index(name="n")
    key_rank = np.argsort(np.argsort(np.asarray(keys, dtype=str), kind="stable"))
    counts = counts.iloc[np.lexsort((key_rank[counts["key"]], -counts["n"], counts["label"]))]
    canonical = counts.drop_duplicates("label")
    cluster_labels = canonical["label"].to_numpy()
    canonical_keys = np.asarray(keys, dtype=object)[canonical["key"].to_numpy()]
    ids = np.array([stable_id("p", key) for key in canonical_keys], dtype=object)
    namesakes = pd.Series(canonical_keys).duplicated(keep=False).to_numpy()
    if namesakes.any():
        _namesake_ids(ids, namesakes, cluster_labels, canonical_keys, labels, orgs, docs)
    return ids[np.searchsorted(cluster_labels, labels)]


def _namesake_ids(ids: np.ndarray, namesakes: np.ndarray, cluster_labels: np.ndarray,
                  canonical_keys: np.ndarray, labels: np.ndarray, orgs: np.ndarray,
                  docs: np.ndarray) -> None:
    """Ids of the clusters sharing their key with another: the cluster without any
    organization keeps the bare key; the others add theirs (and their first document when
    that is taken too)."""
    wanted = cluster_labels[namesakes]
    rows = np.flatnonzero(np.isin(labels, wanted))
    org_counts: dict[int, Counter] = defaultdict(Counter)
    first_doc: dict[int, str] = {}
    for label, org, doc in zip(labels[rows].tolist(), orgs[rows].tolist(), docs[rows].tolist(),
                               strict=True):
        if org:
            org_counts[label][org] += 1
        first_doc[label] = min(first_doc.get(label, doc), doc)
    by_key: dict[str, list[int]] = defaultdict(list)
    for position in np.flatnonzero(namesakes).tolist():
        by_key[canonical_keys[position]].append(position)
    for key, positions in by_key.items():
        taken: set[str] = set()
        for position in sorted(positions, key=lambda p: (bool(org_counts[cluster_labels[p]]),
                                                         first_doc[cluster_labels[p]])):
            counts = org_counts[cluster_labels[position]]
            extra = min(counts, key=lambda k: (-counts[k], k)) if counts else ""
            candidate = key if not extra else f"{key}|{extra}"
            if candidate in taken:
                candidate = f"{candidate}|{first_doc[cluster_labels[position]]}"
            taken.add(candidate)
            ids[position] = stable_id("p", candidate)


def event_key(frame: pd.DataFrame) -> pd.Series:
    """One key per event: the association and year, else the document."""
    assoc = frame["association"].fillna("").astype(str)
    year = frame["year"].astype("string").fillna("")
    fallback = frame["event"].fillna("").astype(str).where(
        frame["event"].fillna("") != "", frame["doc_id"].astype(str)
    )
    return (assoc + " " + year).where(year != "", assoc + " " + fallback).str.strip()


def _joined(rows: pd.DataFrame, by: str, column: str) -> pd.Series:
    """Per `by`, the distinct non-empty values of `column`, sorted and joined with `; `."""
    pairs = rows[[by, column]].drop_duplicates()
    pairs = pairs[pairs[column] != ""].sort_values(column, kind="stable")
    return group_join(pairs[by].tolist(), pairs[column].tolist(), "; ")


def _distinct(rows: pd.DataFrame, by: str, column: str) -> pd.Series:
    return rows[column].replace("", pd.NA).groupby(rows[by], sort=False).nunique()


def _latest(rows: pd.DataFrame, column: str) -> pd.Series:
    """Per person, the value of `column` in the latest (by year) row where it is non-empty."""
    filled = rows[rows[column].fillna("").astype(str) != ""]
    filled = filled.sort_values("_year", na_position="first", kind="stable")
    return filled.groupby("person_id", sort=False)[column].last()


def summarize_people(
    appearances: pd.DataFrame, *, parsed: dict[str, ParsedName] | None = None,
    org_names: dict[str, str] | None = None,
) -> pd.DataFrame:
    """One row per person: best printed name, variants, latest organization and title, counts."""
    rows = appearances[appearances["person_id"].fillna("") != ""].copy()
    if rows.empty:
        return pd.DataFrame(columns=[*PEOPLE_COLUMNS, "org_id"])
    parsed = parsed or {}
    rows["event_key"] = event_key(rows)
    rows["_year"] = pd.to_numeric(rows["year"], errors="coerce")
    for col in ("title", "org_id", "association", "org_name"):
        if col not in rows:
            rows[col] = ""
        rows[col] = rows[col].fillna("").astype(str)
    # Best name: the most printed variant, preferring one not printed in ALL CAPS.
    counts = rows.groupby(["person_id", "person_name"], sort=False).size().rename("n").reset_index()
    counts["caps"] = counts["person_name"].map(lambda s: s.upper() == s)
    counts = counts.sort_values(["person_id", "caps", "n", "person_name"],
                                ascending=[True, True, False, True])
    best = counts.groupby("person_id", sort=False)["person_name"].first()
    grouped = rows.groupby("person_id", sort=False)
    people = pd.DataFrame({
        "name": best.map(lambda s: parsed[s].display if s in parsed else s),
        "variants": _joined(rows, "person_id", "person_name"),
        "n_appearances": grouped.size(),
        # An award year is an honour, not an event held (as rank counts them, issue 21).
        "n_events": rows["event_key"].where(rows["role"] != "award_recipient")
        .groupby(rows["person_id"], sort=False).nunique(),
        "n_associations": _distinct(rows, "person_id", "association"),
        "first_year": grouped["_year"].min(),
        "last_year": grouped["_year"].max(),
        "roles": _joined(rows, "person_id", "role"),
    })
    latest_org = _latest(rows, "org_id")
    people["org_id"] = latest_org.reindex(people.index).fillna("")
    plausible = plausible_affiliations(rows["org_name"], rows["person_name"].fillna("").astype(str))
    fallback = _latest(rows[plausible], "org_name").reindex(people.index).fillna("")
    people["organization"] = [
        (org_names or {}).get(oid, fb) if oid else fb
        for oid, fb in zip(people["org_id"], fallback, strict=True)
    ]
    people["title"] = _latest(rows, "title").reindex(people.index).fillna("")
    people = people.rename_axis("person_id").reset_index()
    for col in ("first_year", "last_year"):
        people[col] = people[col].round().astype("Int64")
    people = people[[*PEOPLE_COLUMNS, "org_id"]]
    return people.sort_values(["n_events", "n_appearances", "name", "person_id"],
                              ascending=[False, False, True, True]).reset_index(drop=True)


def summarize_organizations(
    appearances: pd.DataFrame, *, org_names: dict[str, str] | None = None
) -> pd.DataFrame:
    """One row per organization: canonical name, printed variants, kind, counts, roles."""
    from pipeline.text.orgkind import org_kind

    rows = appearances[appearances["org_id"].fillna("") != ""].copy()
    if rows.empty:
        return pd.DataFrame(columns=[*ORGANIZATION_COLUMNS, "n_people"])
    rows["event_key"] = event_key(rows)
    rows["person_id"] = rows["person_id"].fillna("") if "person_id" in rows else ""
    grouped = rows.groupby("org_id", sort=False)
    names = (rows.groupby(["org_id", "org_name"], sort=False).size().rename("n").reset_index()
             .sort_values(["n", "org_name"], ascending=[False, True])
             .groupby("org_id", sort=False)["org_name"].first())
    if org_names:
        names = pd.Series({oid: org_names.get(oid, name) for oid, name in names.items()})
    roles_joined = _joined(rows, "org_id", "role").reindex(names.index).fillna("")
    roles = roles_joined.map(lambda r: frozenset(r.split("; ")) - {""})
    variants = _joined(rows, "org_id", "org_name").reindex(names.index).fillna("")
    organizations = pd.DataFrame({
        "name": names,
        "variants": variants,
        "kind": pd.Series([org_kind(names[oid], roles[oid], variants=variants[oid].split("; "))
                           for oid in names.index], index=names.index, dtype=object),
        "n_appearances": grouped.size(),
        "n_events": grouped["event_key"].nunique(),
        "roles": roles_joined,
        "n_people": _distinct(rows, "org_id", "person_id"),
    })
    organizations = organizations.rename_axis("org_id").reset_index()
    organizations = organizations[[*ORGANIZATION_COLUMNS, "n_people"]]
    return organizations.sort_values(["n_events", "n_appearances", "name", "org_id"],
                                     ascending=[False, False, True, True]).reset_index(drop=True)

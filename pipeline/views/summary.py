"""What `mentor-miner run` prints when it is done: the documents read, what they gave, the top
of the shortlist and the best of each mentor type, and the documents that failed."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

SUMMARY_TOP = 5  # best of all types in the run's summary
SUMMARY_PER_TYPE = 10  # best of each mentor type (issue 21: vendors were never seen)
# The order a coach reads them in.
SUMMARY_TYPES = ("industry-focused", "profession-focused", "vendor/consultant", "recognized")
LISTED = 5  # documents named under a count ("... and 3 more" after them)


class Line(NamedTuple):
    """One printed line; a `warning` (a failure) goes to stderr and is kept under -q."""

    text: str
    warning: bool = False


def plural(count: int, word: str) -> str:
    """`1 event`, `2 events`.

    >>> plural(1, "event"), plural(0, "candidate"), plural(3, "document")
    ('1 event', '0 candidates', '3 documents')
    """
    return f"{count} {word}{'' if count == 1 else 's'}"


def read_nothing_found(doc: dict) -> bool:
    """A document that was read (an extractor took it) and named nobody: `empty`, not a
    zero-byte file."""
    kind = doc.get("kind")
    return (doc["status"] == "empty" and isinstance(kind, str) and kind != ""
            and not str(doc.get("message", "")).endswith("empty file (0 bytes)"))


def run_summary(result, *, first: str = "") -> tuple[list[Line], int]:
    """The lines that say what the run (a :class:`pipeline.run.runner.RunResult`) found, after
    `first` (a line about the input), and how many documents failed."""
    from extractors.ocr import PICTURES_NOT_READ

    documents = result.rows("documents")
    lines = [Line(first)] if first else []
    counts = Counter(str(doc["status"]) for doc in documents)
    lines.append(Line(
        f"documents: {len(documents)} "
        f"(ok {counts.get('ok', 0)}, empty {counts.get('empty', 0)}, "
        f"scanned {counts.get('scanned', 0)}, error {counts.get('error', 0)})"))
    nothing = [doc for doc in documents if read_nothing_found(doc)]
    if nothing:
        lines.append(Line(f"read, nothing found: {len(nothing)} (status empty; the message in "
                          "documents.csv says what was found and tried)"))
        lines += _listed(nothing)
    pictures = [doc for doc in documents if PICTURES_NOT_READ in str(doc.get("message", ""))]
    if pictures:
        lines.append(Line(f"pages that are pictures of text, not read: {len(pictures)} document"
                          f"{'s' * (len(pictures) != 1)} (run with --ocr to read them)"))
        lines += _listed(pictures)
    lines.append(Line(
        f"appearances: {result.count('appearances')}  people: {result.count('people')}  "
        f"organizations: {result.count('organizations')}"))
    lines += [Line(text) for text in shortlist_summary(result.rows("shortlist"))]
    # Known when this run built the shortlist (an up-to-date re-run reads rows, not attrs).
    built = getattr(result, "_tables", {}).get("shortlist")
    hidden = int(getattr(built, "attrs", {}).get("suppressed", 0) or 0)
    if hidden:
        lines.append(Line(f"leave-me-out list: {hidden} {'person' if hidden == 1 else 'people'} "
                          "not listed (suppress.csv)"))
    failed = [doc for doc in documents if doc["status"] == "error"]
    if failed:
        lines.append(Line(f"{len(failed)} of {len(documents)} documents failed; see "
                          f"{result.out_dir / 'documents.csv'}", warning=True))
        lines += [Line(f"  {doc['message']}", warning=True) for doc in failed[:LISTED]]
    lines.append(Line(f"outputs in {result.out_dir}/: documents.csv, appearances.csv "
                      "(+.parquet), people.csv, organizations.csv, shortlist.csv, graph.graphml"))
    return lines, len(failed)


def _listed(documents: list[dict]) -> list[Line]:
    """The first documents' paths, indented, and how many more there are."""
    lines = [Line(f"  {doc['source_path']}") for doc in documents[:LISTED]]
    if len(documents) > LISTED:
        lines.append(Line(f"  ... and {len(documents) - LISTED} more"))
    return lines


def _count(value) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def _person_line(row: dict) -> str:
    org = f" ({row['organization']})" if row.get("organization") else ""
    return (f"{row['name']}{org} — {plural(_count(row.get('n_events')), 'event')}, "
            f"{row.get('roles', '')}")


def shortlist_summary(rows: list[dict]) -> list[str]:
    """The top of the shortlist, then the best of each mentor type, vendors and consultants
    included: rows as dicts (numbers, or text when read back from the CSV)."""
    if not rows:
        return []
    lines = ["top of the shortlist:"]
    for row in rows[:SUMMARY_TOP]:
        lines.append(f"  {row['rank']:>3}. {_person_line(row)} [{row['mentor_type']}]")
    by_type: dict[str, list[dict]] = {}
    for row in rows:
        by_type.setdefault(str(row.get("mentor_type", "")), []).append(row)
    lines.append(f"best of each mentor type ({SUMMARY_PER_TYPE} each; type_rank in "
                 "shortlist.csv):")
    for kind in (*SUMMARY_TYPES, *sorted(set(by_type) - set(SUMMARY_TYPES))):
        people = by_type.get(kind, [])
        if not people:
            lines.append(f"  {kind}: nobody")
            continue
        lines.append(f"  {kind}: {len(people)} {'person' if len(people) == 1 else 'people'}")
        for number, row in enumerate(people[:SUMMARY_PER_TYPE], start=1):
            lines.append(f"    {row.get('type_rank') or number:>3}. {_person_line(row)} "
                         f"(rank {row['rank']})")
    return lines

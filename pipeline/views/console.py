"""The lines the table commands print: shortlist and vendor rows, the leave-me-out count,
recognition scores, the extractors and what they read, the cache's usage."""

from __future__ import annotations

import sys

from pipeline.views.summary import plural


def shortlist_lines(table, *, rows: int = 25) -> list[str]:
    """The first `rows` of a shortlist table: rank, name, organization, type, score, why."""
    lines = []
    for row in table.head(rows).itertuples(index=False):
        org = f" ({row.organization})" if row.organization else ""
        lines.append(f"{row.rank:>4}. {row.name}{org} [{row.mentor_type} #{row.type_rank}] "
                     f"{row.score:.3f} — {row.why}")
    return lines


def vendor_lines(people) -> list[str]:
    """One line per vendor person (:func:`pipeline.stages.vendors.vendor_people`): their
    organization, what it did (roles or kind), its sponsor tiers and years."""
    return [f"{row.rank:>5}. {row.name} ({row.organization}) [{row.mentor_type}] — "
            f"{row.org_roles or row.org_kind}"
            + (f", {row.tiers}" if row.tiers else "")
            + (f", {row.org_years}" if row.org_years else "")
            for row in people.itertuples(index=False)]


def suppressed_line(table) -> str:
    """How many people a table left out at their request (its `suppressed` attr), or ''."""
    hidden = int(getattr(table, "attrs", {}).get("suppressed", 0) or 0)
    if not hidden:
        return ""
    return (f"{plural(hidden, 'person')} left out at their request (suppress list)"
            .replace("persons", "people"))


def score_lines(score) -> list[str]:
    """A :class:`pipeline.views.evaluate.AppearanceScore` in three lines: people with their
    role, people in any role, sponsors and exhibitors."""

    def fmt(x) -> str:
        return "–" if x is None else f"{x:.3f}"

    return [
        f"people with role: recall {fmt(score.recall)} precision {fmt(score.precision)} "
        f"({score.n_truth} expected, {score.n_found} found)",
        f"people, any role: recall {fmt(score.recall_any_role)} "
        f"precision {fmt(score.precision_any_role)}",
        f"sponsors and exhibitors: recall {fmt(score.org_recall)} "
        f"precision {fmt(score.org_precision)}",
    ]


def score_markdown(score) -> str:
    """The scores, the missed mentions and the ones not in the truth, as a Markdown page."""
    report = ["# Recognition accuracy", "", *[f"- {line}" for line in score_lines(score)], "",
              "## Missed", "", *[f"- {' | '.join(map(str, m))}" for m in score.missed], "",
              "## Not in the truth", "", *[f"- {' | '.join(map(str, m))}" for m in score.extra]]
    return "\n".join(report) + "\n"


def extractor_lines() -> list[str]:
    """The registered extractors, one line each: name, version, what it reads."""
    from extractors import registry

    width = max(map(len, registry.names()), default=0)
    return [f"{name:<{width}}  v{version:<3} {_reads(registry.get(name))}"
            for name, version in registry.versions().items()]


def _reads(extractor) -> str:
    """What an extractor reads: its `reads` attribute, else its module's one-line docstring."""
    reads = getattr(extractor, "reads", "")
    if not reads:
        doc = (sys.modules[type(extractor).__module__].__doc__ or "").strip()
        reads = doc.splitlines()[0] if doc else ""
    return reads.strip()


def cache_usage_text(folder, usage) -> str:
    """Where the cache is and what it holds (a :class:`pipeline.run.cache.CacheUsage`)."""
    return (f"cache folder: {folder}\n"
            f"this version: {usage.current_entries} documents, {_megabytes(usage.current_bytes)}\n"
            f"other versions: {usage.stale_entries} documents, {_megabytes(usage.stale_bytes)}"
            + (" (mentor-miner cache prune removes them)" if usage.stale_entries else ""))


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"

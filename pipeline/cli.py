"""The `mentor-miner` command line: one subcommand per stage plus `run`."""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import os
import sys
from collections import Counter
from pathlib import Path

import click

from pipeline import __version__

logger = logging.getLogger("pipeline")

RAW_DEFAULT = Path("data/raw")
OUT_DEFAULT = Path("data/processed")
EXIT_SOME_FAILED = 3
OUTREACH_DEFAULT = Path("data/overrides/outreach.csv")
MENTOR_TYPES = ("recognized", "vendor/consultant", "profession-focused", "industry-focused")


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else (logging.DEBUG if verbose else logging.INFO)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr, force=True)
    for noisy in ("pdfminer", "PIL", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mentor-miner")
@click.option("-v", "--verbose", count=True, help="Debug logging (per-document detail).")
@click.option("-q", "--quiet", is_flag=True, help="Warnings and errors only.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Find the people who recur across conference programs, award and sponsor lists.

    \b
    Example:
      mentor-miner run data/raw --out data/processed
    """
    _setup_logging(verbose, quiet)
    ctx.obj = {"quiet": quiet}
    # What a command built dies with its process: the last collection at exit need not walk it
    # (0.15-0.25 s after a run, on three programs or on eighteen).
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


def _progress_factory(silent: bool):
    @contextlib.contextmanager
    def factory(total: int):
        if silent:
            yield lambda n: None
            return
        with click.progressbar(length=total, label="documents", file=sys.stderr) as bar:
            yield bar.update

    return factory


@cli.command()
@click.argument("raw_dir", required=False, default=RAW_DEFAULT,
                type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", "-o", "out_dir", default=OUT_DEFAULT, show_default=True,
              type=click.Path(path_type=Path, file_okay=False), help="Output folder.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes (default: all cores; 0: in this process, for debugging).")
@click.option("--model", default=None, help="spaCy model to use (default: best installed).")
@click.option("--weights", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="YAML file overriding ranking weights.")
@click.option("--silent", is_flag=True, help="No progress bar.")
@click.option("--strict", is_flag=True,
              help="Stop at the first document that fails (exit 3), writing nothing.")
@click.option("--ocr", is_flag=True,
              help="Read PDF pages that have no text layer (scans) with Tesseract.")
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Cache of per-document results [default: $XDG_CACHE_HOME/mentor-miner].")
@click.option("--no-cache", is_flag=True, help="Read every document again; write no cache.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Where per-document work runs.")
@click.option("--scheduler", default=None, help="Dask scheduler address (with --executor dask).")
@click.option("--timeout", type=float, default=900.0, show_default=True,
              help="Seconds one document may take before it is stopped.")
@click.option("--memory-mb", type=int, default=4096, show_default=True,
              help="Memory ceiling of one worker process (0: none).")
@click.option("--overrides", "overrides_dir", default=None,
              type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Folder with merge.csv, split.csv, aliases.csv "
                   "[default: data/overrides when it exists].")
@click.option("--outreach", "outreach_path", default=None,
              type=click.Path(path_type=Path, dir_okay=False),
              help="Your follow-up notes (person_id, status, last_contact, notes), joined into "
                   "the shortlist, never written [default: data/overrides/outreach.csv].")
def run(raw_dir: Path, out_dir: Path, jobs: int | None, model: str | None, weights: Path | None,
        silent: bool, strict: bool, cache_dir: Path | None, no_cache: bool, executor: str,
        scheduler: str | None, timeout: float, memory_mb: int,
        overrides_dir: Path | None, outreach_path: Path | None, ocr: bool) -> None:
    """Run every stage over RAW_DIR and write the tables to --out.

    \b
    Example:
      mentor-miner run ~/Downloads/programs --out results/
    """
    from pipeline.cache import default_cache_dir
    from pipeline.errors import MentorMinerError
    from pipeline.executors import Limits, start_pool, stop_pool
    from pipeline.uptodate import stamp_path

    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if raw_dir.is_dir() and out_dir.resolve() == raw_dir.resolve():
        raise click.BadParameter(
            f"{out_dir} is the input folder: the outputs would lie among your documents. "
            "Choose another folder (inside the input folder is fine, e.g. "
            f"{out_dir / 'results'}).", param_hint="'--out'")
    if executor == "dask" and not scheduler:
        raise click.UsageError("--executor dask needs --scheduler ADDRESS")
    cache_dir = None if no_cache else (cache_dir or default_cache_dir())
    if ocr:  # read by extractors.ocr.ocr_requested(), in this process and in its workers
        os.environ["MENTOR_MINER_OCR"] = "1"
    limits = Limits(timeout_s=timeout, memory_mb=memory_mb)
    # Documents will most likely be read (no cache, or outputs never stamped up to date): the
    # workers start now and load the model while this process loads pandas and hashes files.
    pool = None
    if executor == "local" and jobs > 0 and raw_dir.is_dir() and (
            cache_dir is None or not stamp_path(out_dir).exists()):
        # No more workers than files: three programs on an 8-core laptop load 3 models, not 8.
        files = _count_files(raw_dir, stop_at=jobs)
        if files:
            pool = start_pool(files, model=model, limits=limits)
    from pipeline.runner import StrictStop, run_pipeline

    try:
        result = run_pipeline(raw_dir, out_dir, jobs=jobs, model=model, weights_path=weights,
                              progress_factory=_progress_factory(silent), cache_dir=cache_dir,
                              limits=limits, executor=executor, scheduler=scheduler,
                              overrides_dir=overrides_dir or _default_overrides(),
                              outreach_path=outreach_path or OUTREACH_DEFAULT,
                              strict=strict, pool=pool)
    except StrictStop as e:
        click.echo(f"Error: {e}", err=True)
        sys.exit(EXIT_SOME_FAILED)
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    finally:
        if pool is not None:  # unused (every document cached) or already shut down
            stop_pool(pool)
    if _summary(result):
        sys.exit(EXIT_SOME_FAILED)


def _count_files(folder: Path, *, stop_at: int) -> int:
    """Files under `folder`, counted no further than `stop_at` (the walk stops there)."""
    found = 0
    for _, _, names in os.walk(folder):
        found += len(names)
        if found >= stop_at:
            return stop_at
    return found


def _default_overrides() -> Path | None:
    """`data/overrides` in the working folder when it exists (the user's merge/split/aliases)."""
    folder = Path("data/overrides")
    return folder if folder.is_dir() else None


def read_nothing_found(doc: dict) -> bool:
    """A document that was read (an extractor took it) and named nobody: `empty`, not a
    zero-byte file."""
    kind = doc.get("kind")
    return (doc["status"] == "empty" and isinstance(kind, str) and kind != ""
            and not str(doc.get("message", "")).endswith("empty file (0 bytes)"))


def _summary(result) -> int:
    """Print what the run found; return how many documents failed."""
    documents = result.rows("documents")
    counts = Counter(str(doc["status"]) for doc in documents)
    click.echo(
        f"documents: {len(documents)} "
        f"(ok {counts.get('ok', 0)}, empty {counts.get('empty', 0)}, "
        f"scanned {counts.get('scanned', 0)}, error {counts.get('error', 0)})"
    )
    nothing = [doc for doc in documents if read_nothing_found(doc)]
    if nothing:
        click.echo(f"read, nothing found: {len(nothing)} (status empty; the message in "
                   "documents.csv says what was found and tried)")
        for doc in nothing[:5]:
            click.echo(f"  {doc['source_path']}")
        if len(nothing) > 5:
            click.echo(f"  ... and {len(nothing) - 5} more")
    click.echo(
        f"appearances: {result.count('appearances')}  people: {result.count('people')}  "
        f"organizations: {result.count('organizations')}"
    )
    top = result.rows("shortlist", limit=10)
    if top:
        click.echo("top of the shortlist:")
        for row in top:
            org = f" ({row['organization']})" if row["organization"] else ""
            click.echo(f"  {row['rank']:>3}. {row['name']}{org} — {row['n_events']} events, "
                       f"{row['roles']} [{row['mentor_type']}]")
    failed = [doc for doc in documents if doc["status"] == "error"]
    if failed:
        click.echo(f"{len(failed)} of {len(documents)} documents failed; see "
                   f"{result.out_dir / 'documents.csv'}", err=True)
        for doc in failed[:5]:
            click.echo(f"  {doc['message']}", err=True)
    click.echo(f"outputs in {result.out_dir}/: documents.csv, appearances.csv (+.parquet), "
               "people.csv, organizations.csv, shortlist.csv, graph.graphml")
    return len(failed)


@cli.command("eval")
@click.option("--truth", "truth_path", type=click.Path(path_type=Path, exists=True), required=True,
              help="Truth CSV (source_path, page, role, person_name[, org, sponsor_tier, booth]), "
                   "one row per printed mention, or a folder of such CSVs.")
@click.option("--processed", "processed_dir", default=OUT_DEFAULT, show_default=True,
              type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Folder with appearances.csv from `mentor-miner run`.")
@click.option("--out", "-o", "out_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="Also write the scores and the misses as Markdown here.")
def eval_(truth_path: Path, processed_dir: Path, out_path: Path | None) -> None:
    """Score the recognized appearances against hand-made truth (issue 3).

    \b
    Example:
      mentor-miner run data/raw -o data/processed
      mentor-miner eval --truth tests/golden/sample_truth.csv --processed data/processed
    """
    import pandas as pd

    from pipeline.evaluate import score_appearances

    files = sorted(truth_path.glob("*.csv")) if truth_path.is_dir() else [truth_path]
    if not files:
        raise click.ClickException(f"{truth_path}: no truth CSV files found.")
    appearances_path = processed_dir / "appearances.csv"
    if not appearances_path.exists():
        raise click.ClickException(
            f"{appearances_path} not found; run `mentor-miner run` first.")
    truth = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files])
    missing = {"source_path", "page", "role", "person_name"} - set(truth.columns)
    if missing:
        raise click.ClickException(f"{truth_path}: truth lacks columns {sorted(missing)}.")
    appearances = pd.read_csv(appearances_path, dtype=str, keep_default_na=False)
    score = score_appearances(appearances, truth)

    def fmt(x) -> str:
        return "–" if x is None else f"{x:.3f}"

    lines = [
        f"people with role: recall {fmt(score.recall)} precision {fmt(score.precision)} "
        f"({score.n_truth} expected, {score.n_found} found)",
        f"people, any role: recall {fmt(score.recall_any_role)} "
        f"precision {fmt(score.precision_any_role)}",
        f"sponsors and exhibitors: recall {fmt(score.org_recall)} "
        f"precision {fmt(score.org_precision)}",
    ]
    click.echo("\n".join(lines))
    if out_path:
        report = ["# Recognition accuracy", "", *[f"- {line}" for line in lines], "",
                  "## Missed", "", *[f"- {' | '.join(map(str, m))}" for m in score.missed], "",
                  "## Not in the truth", "", *[f"- {' | '.join(map(str, m))}" for m in score.extra]]
        out_path.write_text("\n".join(report) + "\n", encoding="utf-8")


@cli.command()
def extractors() -> None:
    """List the registered document kinds.

    \b
    Example:
      mentor-miner extractors
    """
    from extractors import registry

    for name, version in registry.versions().items():
        click.echo(f"{name}\tv{version}")


@cli.group()
def cache() -> None:
    """Manage the cache of per-document results."""


_cache_dir_option = click.option(
    "--cache-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
    help="Cache folder [default: $XDG_CACHE_HOME/mentor-miner].")


@cache.command("clear")
@_cache_dir_option
def cache_clear(cache_dir: Path | None) -> None:
    """Delete every cached document result (only the cache's own files).

    \b
    Example:
      mentor-miner cache clear
    """
    from pipeline.cache import DocumentCache, default_cache_dir

    removed = DocumentCache(cache_dir or default_cache_dir()).clear()
    click.echo(f"removed {removed} cached documents")


@cache.command("prune")
@_cache_dir_option
def cache_prune(cache_dir: Path | None) -> None:
    """Delete the results cached by other versions of mentor-miner.

    A result is cached per version of the code that reads documents; after an upgrade the
    old ones are never read again. Run this when no older version shares the cache folder.

    \b
    Example:
      mentor-miner cache prune
    """
    from pipeline.cache import DocumentCache, default_cache_dir

    removed = DocumentCache(cache_dir or default_cache_dir()).prune()
    click.echo(f"removed {removed} cached documents of other versions")


@cache.command("info")
@_cache_dir_option
def cache_info(cache_dir: Path | None) -> None:
    """Where the cache is and what it holds.

    \b
    Example:
      mentor-miner cache info
    """
    from pipeline.cache import DocumentCache, default_cache_dir

    folder = cache_dir or default_cache_dir()
    usage = DocumentCache(folder).usage()
    click.echo(f"cache folder: {folder}")
    click.echo(f"this version: {usage.current_entries} documents, "
               f"{_megabytes(usage.current_bytes)}")
    click.echo(f"other versions: {usage.stale_entries} documents, "
               f"{_megabytes(usage.stale_bytes)}"
               + (" (mentor-miner cache prune removes them)" if usage.stale_entries else ""))


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


# --- issue 6: shortlist, show, graph ---

_processed_option = click.option(
    "--processed", "-i", "processed_dir", default=OUT_DEFAULT, show_default=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Folder `mentor-miner run` wrote.")


@cli.command()
@_processed_option
@click.option("--out", "-o", "out_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="CSV to write [default: print the top rows].")
@click.option("--association", "-a", multiple=True, help="Only this association (repeatable).")
@click.option("--since", type=int, default=None, help="Only appearances from this year on.")
@click.option("--role", multiple=True, type=click.Choice(
    ["keynote", "speaker", "panelist", "moderator", "chair", "organizer", "committee", "board",
     "award_recipient"]), help="Only people who held this role (repeatable).")
@click.option("--min-events", type=int, default=1, show_default=True,
              help="Only people at this many distinct events or more.")
@click.option("--top", "-n", type=int, default=None, help="Keep the best N.")
@click.option("--exclude-org", multiple=True,
              help="Drop people whose current organization matches (repeatable).")
@click.option("--topic", default=None,
              help='Re-rank by relevance to comma-separated phrases ("machine learning, career").')
@click.option("--mentor-type", multiple=True, type=click.Choice(MENTOR_TYPES),
              help="Only this mentor type (repeatable).")
@click.option("--status", multiple=True,
              help="Only this outreach status (repeatable; `none` = not in outreach.csv).")
@click.option("--outreach", "outreach_path", default=None,
              type=click.Path(path_type=Path, dir_okay=False),
              help="Your follow-up notes [default: data/overrides/outreach.csv].")
@click.option("--weights", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="YAML file overriding ranking weights.")
def shortlist(processed_dir: Path, out_path: Path | None, association: tuple[str, ...],
              since: int | None, role: tuple[str, ...], min_events: int, top: int | None,
              exclude_org: tuple[str, ...], topic: str | None, mentor_type: tuple[str, ...],
              status: tuple[str, ...], outreach_path: Path | None,
              weights: Path | None) -> None:
    """Rank the processed tables again with filters and write a shortlist CSV.

    \b
    Example:
      mentor-miner shortlist --association sigcse --since 2016 --top 50 -o sigcse.csv
    """
    from pipeline.errors import MentorMinerError
    from pipeline.runner import shortlist_from_processed, write_table
    from pipeline.shortlist import Filters

    filters = Filters(association=association, since=since, role=role, min_events=min_events,
                      top=top, exclude_org=exclude_org, mentor_type=mentor_type, status=status)
    try:
        table = shortlist_from_processed(processed_dir, filters=filters, weights_path=weights,
                                         outreach_path=outreach_path or OUTREACH_DEFAULT,
                                         topic=topic)
        if out_path is not None:
            write_table(table, out_path)
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    for row in table.head(10 if out_path else 25).itertuples(index=False):
        org = f" ({row.organization})" if row.organization else ""
        click.echo(f"{row.rank:>4}. {row.name}{org} [{row.mentor_type}] {row.score:.3f} — "
                   f"{row.why}")
    click.echo(f"{len(table)} candidates" + (f" written to {out_path}" if out_path else ""))


@cli.command()
@click.argument("name")
@_processed_option
def show(name: str, processed_dir: Path) -> None:
    """Print a person's timeline with evidence, organizations and co-speakers.

    \b
    Example:
      mentor-miner show "Barbara Ericson"
    """
    from pipeline.errors import MentorMinerError
    from pipeline.runner import read_processed
    from pipeline.show import person_report

    try:
        tables = read_processed(processed_dir)
        click.echo(person_report(name, tables["appearances"], tables["people"],
                                 tables["organizations"]))
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e


@cli.command()
@_processed_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf"]), default="graphml",
              show_default=True, help="File format (Gephi, Cytoscape and yEd read both).")
@click.option("--out", "-o", "out_path", required=True,
              type=click.Path(path_type=Path, dir_okay=False), help="File to write.")
@click.option("--weights", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="YAML file overriding role weights (edge `weight`).")
def graph(processed_dir: Path, fmt: str, out_path: Path, weights: Path | None) -> None:
    """Write the people–organization–event–association–award graph.

    \b
    Example:
      mentor-miner graph --format gexf --out mentors.gexf
    """
    from pipeline.errors import MentorMinerError
    from pipeline.runner import write_graph

    try:
        nodes, edges = write_graph(processed_dir, out_path, fmt=fmt, weights_path=weights)
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"{nodes} nodes, {edges} edges written to {out_path}")


# --- issue 7: the visual report ---


@cli.command()
@_processed_option
@click.option("--out", "-o", "out_path", default=Path("report.html"), show_default=True,
              type=click.Path(path_type=Path, dir_okay=False), help="HTML file to write.")
@click.option("--top", type=int, default=1000, show_default=True,
              help="Shortlist rows in the table.")
@click.option("--timelines", type=int, default=8, show_default=True,
              help="Top people who get a timeline chart.")
def report(processed_dir: Path, out_path: Path, top: int, timelines: int) -> None:
    """Write one self-contained HTML report: shortlist, timelines, network, vendors, quality.

    \b
    Example:
      mentor-miner report --processed results/ --out report.html
    """
    from pipeline.errors import MentorMinerError
    from pipeline.report import write_report

    try:
        rows = write_report(processed_dir, out_path, top_rows=top, top_timelines=timelines)
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"report of {rows} candidates written to {out_path}")

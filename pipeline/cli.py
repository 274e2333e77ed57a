"""The `mentor-miner` command line: one subcommand per stage plus `run`."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

import click

from pipeline import __version__

logger = logging.getLogger("pipeline")

RAW_DEFAULT = Path("data/raw")
OUT_DEFAULT = Path("data/processed")
EXIT_SOME_FAILED = 3


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
@click.option("--jobs", "-j", type=int, default=None,
              help="Worker processes (default: all cores).")
@click.option("--model", default=None, help="spaCy model to use (default: best installed).")
@click.option("--weights", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="YAML file overriding ranking weights.")
@click.option("--silent", is_flag=True, help="No progress bar.")
@click.option("--strict", is_flag=True, help="Exit non-zero when any document failed.")
def run(raw_dir: Path, out_dir: Path, jobs: int | None, model: str | None, weights: Path | None,
        silent: bool, strict: bool) -> None:
    """Run every stage over RAW_DIR and write the tables to --out.

    \b
    Example:
      mentor-miner run ~/Downloads/programs --out results/
    """
    from pipeline.errors import MentorMinerError
    from pipeline.runner import run_pipeline

    jobs = jobs or os.cpu_count() or 1
    try:
        result = run_pipeline(raw_dir, out_dir, jobs=jobs, model=model, weights_path=weights,
                              progress_factory=_progress_factory(silent))
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    _summary(result)
    failed = int((result.documents["status"] == "error").sum())
    if failed and strict:
        sys.exit(EXIT_SOME_FAILED)


def _summary(result) -> None:
    documents = result.documents
    counts = documents["status"].value_counts()
    click.echo(
        f"documents: {len(documents)} "
        f"(ok {counts.get('ok', 0)}, empty {counts.get('empty', 0)}, "
        f"scanned {counts.get('scanned', 0)}, error {counts.get('error', 0)})"
    )
    click.echo(
        f"appearances: {len(result.appearances)}  people: {len(result.people)}  "
        f"organizations: {len(result.organizations)}"
    )
    if len(result.shortlist):
        click.echo("top of the shortlist:")
        for row in result.shortlist.head(10).itertuples(index=False):
            org = f" ({row.organization})" if row.organization else ""
            click.echo(f"  {row.rank:>3}. {row.name}{org} — {row.n_events} events, "
                       f"{row.roles} [{row.mentor_type}]")
    failed = documents[documents["status"] == "error"]
    if len(failed):
        click.echo(f"{len(failed)} of {len(documents)} documents failed; see "
                   f"{result.out_dir / 'documents.csv'}", err=True)
        for message in failed["message"].head(5):
            click.echo(f"  {message}", err=True)
    click.echo(f"outputs in {result.out_dir}/: documents.csv, appearances.csv (+.parquet), "
               "people.csv, organizations.csv, shortlist.csv, graph.graphml")


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

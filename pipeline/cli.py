"""The `mentor-miner` command line: the group and its global options, `run`, `eval`,
`extractors`, `cache`; the commands over the processed tables come from
:mod:`pipeline.cli_tables`, what both share from :mod:`pipeline.cli_options`."""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import os
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from pipeline import __version__
from pipeline.cli_options import (
    OUT_DEFAULT,
    OUTREACH_DEFAULT,
    UsageMistake,
    check_out_dir,
    check_out_file,
    default_overrides,
    is_quiet,
    say,
)
from pipeline.cli_tables import graph, report, shortlist, show, vendors
from pipeline.views.summary import run_summary

RAW_DEFAULT = Path("data/raw")
EXIT_SOME_FAILED = 3
EXIT_INTERRUPTED = 130  # what shells report for a command stopped by Ctrl-C (128 + SIGINT)


def _setup_logging(verbose: int, quiet: bool, silent: bool = False) -> None:
    """Log to stderr: DEBUG under -v, warnings only under -q, nothing under --silent: not even
    the warnings of the libraries held at WARNING (pdfminer's were printed under --silent)."""
    level = logging.WARNING if quiet else (logging.DEBUG if verbose else logging.INFO)
    level = logging.CRITICAL + 1 if silent else level
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr, force=True)
    for noisy in ("pdfminer", "PIL", "fontTools"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


class _Commands(click.Group):
    """The command group; under --silent an error ends the command with its exit code alone."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OSError as e:  # a path of the user's that cannot be read or written
            if (ctx.obj or {}).get("silent"):
                ctx.exit(1)
            raise click.ClickException(_os_error(e)) from e
        except KeyboardInterrupt:  # before `run` took Ctrl-C over, or in another command
            from pipeline.run.interrupt import interrupt_caught

            interrupt_caught()
            say("Interrupted (Ctrl-C): stopped; files are written whole or not at all.",
                err=True, level="warning")
            ctx.exit(EXIT_INTERRUPTED)
        except click.ClickException as e:
            if (ctx.obj or {}).get("silent"):
                ctx.exit(e.exit_code)
            e.message = one_line(e.message)
            raise


EXIT_MISTAKE = 2  # the user's input is wrong: a missing folder, a bad settings file


def _mistake(error: Exception) -> click.ClickException:
    """The one-line error of a mistake of the user's (exit 2), or of a refusal that is not one
    (exit 1): another run holding the output folder, a full or read-only disk, a scheduler
    that does not answer."""
    from pipeline.errors import OutputLocked, OutputNotWritten, Unreachable

    exception = click.ClickException(str(error))
    refused = isinstance(error, OutputLocked | OutputNotWritten | Unreachable)
    exception.exit_code = 1 if refused else EXIT_MISTAKE
    return exception


def one_line(message: str) -> str:
    """A message on one line: a YAML or CSV parser's multi-line report (its caret line too)
    joined, so that an error is always the one line the user reads.

    >>> one_line('w.yaml: cannot read (expected a mapping\\n  in "<file>", line 2:\\n    ^).')
    'w.yaml: cannot read (expected a mapping; in "<file>", line 2:).'
    """
    parts: list[str] = []
    for line in message.splitlines():
        text = line.strip().lstrip("^").strip()
        if parts and not any(c.isalnum() for c in text):  # what a caret line leaves: ')'
            parts[-1] += text
        elif text:
            parts.append(text)
    return "; ".join(parts).replace(":; ", ": ")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mentor-miner")
@click.option("-v", "--verbose", count=True, help="Debug logging (per-document detail).")
@click.option("-q", "--quiet", is_flag=True,
              help="Warnings and errors only: no progress bar, no run summary, no "
                   "results.")
@click.option("-s", "--silent", "silent", is_flag=True,
              help="Print nothing at all; the exit code says how it went.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool, silent: bool) -> None:
    """Find the people who recur across conference programs, award and sponsor lists.

    \b
    Example:
      mentor-miner run data/raw --out data/processed
    """
    _setup_logging(verbose, quiet, silent)
    ctx.obj = {"quiet": quiet or silent, "silent": silent}
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
@click.option("--no-progress", "--silent", "silent", is_flag=True,
              help="No progress bar (the summary is still printed; -q drops it too, and "
                   "`mentor-miner --silent run` prints nothing).")
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
@click.option("--timeout", type=click.FloatRange(min=0), default=900.0, show_default=True,
              help="Seconds one document may take before it is stopped (0: no limit).")
@click.option("--memory-mb", type=click.IntRange(min=0), default=4096, show_default=True,
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
    from pipeline.errors import MentorMinerError, StrictStop
    from pipeline.run.cache import default_cache_dir
    from pipeline.run.executors import Limits, stop_pool
    from pipeline.run.files import bundled_sample
    from pipeline.run.interrupt import interrupts_kill_workers, start_pool_early
    from pipeline.run.uptodate import stamp_path
    from pipeline.tables import ReadOptions

    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    check_out_dir(out_dir)
    if model:
        _check_model(model)
    sample = ""
    if click.get_current_context().get_parameter_source("raw_dir") is ParameterSource.DEFAULT:
        sample = bundled_sample(raw_dir)
        if sample and is_quiet():  # said even under -q: the user may think their files were read
            say(f"Warning: {sample}", err=True, level="warning")
    if raw_dir.is_dir() and out_dir.resolve() == raw_dir.resolve():
        raise click.BadParameter(
            f"{out_dir} is the input folder: the outputs would lie among your documents. "
            "Choose another folder (inside the input folder is fine, e.g. "
            f"{out_dir / 'results'}).", param_hint="'--out'")
    if executor == "dask" and not scheduler:
        raise click.UsageError("--executor dask needs --scheduler ADDRESS")
    cache_dir = None if no_cache else (cache_dir or default_cache_dir())
    options = ReadOptions(ocr=ocr)  # an argument to every reader, in workers and Dask tasks too
    limits = Limits(timeout_s=timeout, memory_mb=memory_mb)
    from pipeline.run.runner import run_pipeline

    started: list = []  # the early pool, stopped in `finally` even if Ctrl-C cut its start
    try:
        with interrupts_kill_workers():
            # Documents will most likely be read (no cache, or outputs never stamped up to
            # date): the workers start now and load the model while this process loads pandas
            # and hashes files.
            if executor == "local" and jobs > 0 and raw_dir.is_dir() and (
                    cache_dir is None or not stamp_path(out_dir).exists()):
                start_pool_early(raw_dir, jobs, model, limits, started)
            result = run_pipeline(raw_dir, out_dir, jobs=jobs, model=model, weights_path=weights,
                                  progress_factory=_progress_factory(silent or is_quiet()),
                                  cache_dir=cache_dir, options=options,
                                  limits=limits, executor=executor, scheduler=scheduler,
                                  overrides_dir=overrides_dir or default_overrides(),
                                  outreach_path=outreach_path or OUTREACH_DEFAULT,
                                  strict=strict, pool=started[0] if started else None)
    except StrictStop as e:
        say(f"Error: {e}", err=True, level="warning")
        sys.exit(EXIT_SOME_FAILED)
    except MentorMinerError as e:
        raise _mistake(e) from e
    except OSError as e:  # a folder that went away or turned read-only while the run went on
        raise click.ClickException(_os_error(e, out_dir)) from e
    except KeyboardInterrupt:
        from pipeline.run.interrupt import interrupt_caught

        interrupt_caught()
        say(f"Interrupted (Ctrl-C): stopped; the outputs in {out_dir} were left whole.",
            err=True, level="warning")
        sys.exit(EXIT_INTERRUPTED)
    finally:
        for pool in started:  # unused (every document cached) or already shut down
            stop_pool(pool)
    lines, failed = run_summary(result, first=sample)
    for line in lines:
        say(line.text, err=line.warning, level="warning" if line.warning else "info")
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _check_model(model: str) -> None:
    """A --model that is not installed is a mistyped value (exit 2), found before any
    document is read: every document failed with it, one by one (exit 3)."""
    import importlib.util

    from pipeline.errors import ModelNotFound
    from pipeline.text.nlp import model_candidates, resolve_model_name

    try:
        resolve_model_name(model)
    except (ModelNotFound, ValueError, ImportError) as e:
        installed = [name for name in model_candidates()
                     if importlib.util.find_spec(name) is not None]
        raise UsageMistake(
            f"--model: {model} is not an installed spaCy model; installed: "
            f"{', '.join(installed) or 'none'} (leave --model out to use the best one)") from e


def _os_error(e: OSError, out_dir: Path | None = None) -> str:
    """One line for an OSError that reached the command: the file, the cause, what to do."""
    where = e.filename or out_dir or "a file"
    tail = "; the previous outputs are untouched" if out_dir is not None else ""
    return f"{where}: {e.strerror or e}. Check the path (or choose another){tail}."


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
    """Score the recognized appearances against hand-made truth.

    \b
    Example:
      mentor-miner run data/raw -o data/processed
      mentor-miner eval --truth tests/golden/sample_truth.csv --processed data/processed
    """
    from pipeline.errors import MentorMinerError
    from pipeline.run.files import read_eval_tables
    from pipeline.views.console import score_lines, score_markdown
    from pipeline.views.evaluate import score_appearances

    if out_path is not None:
        check_out_file(out_path, "--out")
    try:
        appearances, truth = read_eval_tables(truth_path, processed_dir)
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    score = score_appearances(appearances, truth)
    say("\n".join(score_lines(score)))
    if out_path:
        out_path.write_text(score_markdown(score), encoding="utf-8")


@cli.command()
def extractors() -> None:
    """List the document kinds it reads, one line each: name, version, what it reads.

    \b
    Example:
      mentor-miner extractors
    """
    from pipeline.views.console import extractor_lines

    for line in extractor_lines():
        say(line)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--out", "-o", "out_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="CSV file to write the blocks to [default: print them].")
@click.option("--ocr", is_flag=True, help="Read pictures of text with Tesseract, as run --ocr.")
def extract(path: Path, out_path: Path | None, ocr: bool) -> None:
    """One document's blocks table: what its reader gives the recognizer (for debugging a
    reader or a rule). One row per block, the columns of pipeline.tables.Block.

    \b
    Example:
      mentor-miner extract data/raw/atpo/2023/atpo-2023-awards.pdf -o blocks.csv
    """
    from pipeline.errors import MentorMinerError
    from pipeline.run.outputs import blocks_table, write_table
    from pipeline.tables import ReadOptions

    if out_path is not None:
        check_out_file(out_path, "--out")
    try:
        table, kind = blocks_table(path, ReadOptions(ocr=ocr))
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    if out_path is None:
        click.echo(table.to_csv(index=False), nl=False)
        return
    write_table(table, out_path)
    say(f"{len(table)} blocks of {path} (read as {kind}) written to {out_path}")


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
    from pipeline.run.cache import DocumentCache, default_cache_dir

    removed = DocumentCache(cache_dir or default_cache_dir()).clear()
    say(f"removed {removed} cached documents")


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
    from pipeline.run.cache import DocumentCache, default_cache_dir

    removed = DocumentCache(cache_dir or default_cache_dir()).prune()
    say(f"removed {removed} cached documents of other versions")


@cache.command("info")
@_cache_dir_option
def cache_info(cache_dir: Path | None) -> None:
    """Where the cache is and what it holds.

    \b
    Example:
      mentor-miner cache info
    """
    from pipeline.run.cache import DocumentCache, default_cache_dir
    from pipeline.views.console import cache_usage_text

    folder = cache_dir or default_cache_dir()
    say(cache_usage_text(folder, DocumentCache(folder).usage()))


for command in (shortlist, vendors, show, graph, report):
    cli.add_command(command)

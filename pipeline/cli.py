"""The `mentor-miner` command line: one subcommand per stage plus `run`."""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import logging
import os
import signal
import sys
import threading
from collections import Counter
from pathlib import Path

import click
from click.core import ParameterSource

from pipeline import __version__

logger = logging.getLogger("pipeline")

RAW_DEFAULT = Path("data/raw")
OUT_DEFAULT = Path("data/processed")
EXIT_SOME_FAILED = 3
EXIT_INTERRUPTED = 130  # what shells report for a command stopped by Ctrl-C (128 + SIGINT)
OUTREACH_DEFAULT = Path("data/overrides/outreach.csv")
MENTOR_TYPES = ("recognized", "vendor/consultant", "profession-focused", "industry-focused")


class UsageMistake(click.ClickException):
    """A mistake in what the user asked for (a path, a value): one line, exit 2, no usage."""

    exit_code = 2


def _setup_logging(verbose: int, quiet: bool, silent: bool = False) -> None:
    level = logging.WARNING if quiet else (logging.DEBUG if verbose else logging.INFO)
    logging.basicConfig(level=logging.CRITICAL + 1 if silent else level,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr,
                        force=True)
    for noisy in ("pdfminer", "PIL", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def say(text: str = "", *, err: bool = False, level: str = "info") -> None:
    """Print `text` as the current command's `level` of output: 'info' (summaries, what was
    written: not under -q), 'warning' (a failure or a caution: not under --silent) or 'result'
    (what the command was asked to show: not under --silent)."""
    ctx = click.get_current_context(silent=True)
    options = (ctx.obj if ctx is not None else None) or {}
    if options.get("silent") or (level == "info" and options.get("quiet")):
        return
    click.echo(text, err=err)


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
              help="Warnings and errors only: no progress bar, no run summary (a command's "
                   "one-line result stays).")
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
    from pipeline.run.cache import default_cache_dir
    from pipeline.errors import MentorMinerError
    from pipeline.run.executors import Limits, stop_pool
    from pipeline.run.uptodate import stamp_path

    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    _check_out_dir(out_dir)
    if model:
        _check_model(model)
    sample = ""
    if click.get_current_context().get_parameter_source("raw_dir") is ParameterSource.DEFAULT:
        sample = _bundled_sample(raw_dir)
        if sample and _quiet():  # said even under -q: the user may think their files were read
            say(f"Warning: {sample}", err=True, level="warning")
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
    from pipeline.run.runner import StrictStop, run_pipeline

    # Only the main thread may set a handler (a run started from a thread keeps Python's).
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, functools.partial(_interrupt, os.getpid())) \
        if main else None
    started: list = []  # the early pool, stopped in `finally` even if Ctrl-C cut its start
    try:
        # Documents will most likely be read (no cache, or outputs never stamped up to date):
        # the workers start now and load the model while this process loads pandas and
        # hashes files.
        if executor == "local" and jobs > 0 and raw_dir.is_dir() and (
                cache_dir is None or not stamp_path(out_dir).exists()):
            _start_pool_early(raw_dir, jobs, model, limits, started)
        result = run_pipeline(raw_dir, out_dir, jobs=jobs, model=model, weights_path=weights,
                              progress_factory=_progress_factory(silent or _quiet()),
                              cache_dir=cache_dir,
                              limits=limits, executor=executor, scheduler=scheduler,
                              overrides_dir=overrides_dir or _default_overrides(),
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
        say(f"Interrupted (Ctrl-C): stopped; the outputs in {out_dir} were left whole.",
            err=True, level="warning")
        sys.exit(EXIT_INTERRUPTED)
    finally:
        if main:
            signal.signal(signal.SIGINT, previous)
        for pool in started:  # unused (every document cached) or already shut down
            stop_pool(pool)
    if _summary(result, first=sample):
        sys.exit(EXIT_SOME_FAILED)


def _start_pool_early(raw_dir: Path, jobs: int, model: str | None, limits, started: list
                      ) -> None:
    """Start the worker pool now, into `started` (see :func:`pipeline.run.executors.start_pool`)."""
    from pipeline.run.executors import start_pool

    # No more workers than files: three programs on an 8-core laptop load 3 models, not 8.
    files = _count_files(raw_dir, stop_at=jobs)
    if not files:
        return
    # Ctrl-C is the run's to handle: the fork server and the workers start with SIGINT
    # blocked (a mask is inherited across fork and exec), or a Ctrl-C in their first second
    # printed their KeyboardInterrupt and EOFError tracebacks (issue 22). multiprocessing's
    # resource tracker unblocks SIGINT in the thread that starts it, which would be the thread
    # that starts the fork server: it starts here first. A Ctrl-C held back meanwhile arrives
    # when the mask is lifted, after the pool is in `started` for the caller to stop.
    _start_resource_tracker()
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        started.append(start_pool(files, model=model, limits=limits))
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _start_resource_tracker() -> None:
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except Exception:  # noqa: BLE001 - only Ctrl-C in the first second is at stake
        logger.debug("resource tracker not started here", exc_info=True)


def _interrupt(run_pid: int, signum, frame) -> None:
    """Ctrl-C during a run: the workers are killed at once, then the run unwinds (its outputs
    are staged, so nothing is half-written). It waited for the documents in flight to finish:
    11.9 s on the sample (issue 22)."""
    import multiprocessing

    if os.getpid() != run_pid:  # a worker forked before its initializer ignores SIGINT
        return

    for child in multiprocessing.active_children():
        with contextlib.suppress(OSError):
            child.kill()
    raise KeyboardInterrupt


def _check_out_dir(out_dir: Path, *, option: str = "--out") -> None:
    """--out must be a folder that can be written, or created: else one line, exit 2 (issue 22:
    `--out afile/sub` was a NotADirectoryError traceback)."""
    existing = next((p for p in (out_dir, *out_dir.parents) if p.exists() or p.is_symlink()),
                    Path("."))
    where = "" if existing == out_dir else f" (in {out_dir})"
    if existing.is_symlink() and not existing.exists():
        problem = f"{existing}{where} is a symbolic link to nothing (a broken or looping link)"
    elif not existing.is_dir():
        problem = f"{existing}{where} is a file, not a folder"
    elif _read_only(existing):
        problem = f"{existing}{where} is on a read-only file system"
    elif not os.access(existing, os.W_OK | os.X_OK):
        problem = f"{existing}{where}: permission denied, you cannot write there"
    else:
        return
    raise UsageMistake(f"{option}: {problem}. Choose another output folder.")


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


def _check_out_file(path: Path, option: str) -> None:
    """The file an --out names must be one that can be written: its folder a folder (or one
    that can be created), the path itself not a folder. One line, exit 2."""
    if path.is_dir():
        raise UsageMistake(f"{option}: {path} is a folder; name a file to write.")
    _check_out_dir(path.parent, option=option)


def _read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): the write will say
        return False


def _os_error(e: OSError, out_dir: Path | None = None) -> str:
    """One line for an OSError that reached the command: the file, the cause, what to do."""
    where = e.filename or out_dir or "a file"
    tail = "; the previous outputs are untouched" if out_dir is not None else ""
    return f"{where}: {e.strerror or e}. Check the path (or choose another){tail}."


# The bundled sample's fictional associations (scripts/make_sample.py writes them to data/raw).
SAMPLE_ASSOCIATIONS = ("atpo", "hala")


def _bundled_sample(raw_dir: Path) -> str:
    """A line saying that the default input folder holds the bundled sample, or ''."""
    found = [a for a in SAMPLE_ASSOCIATIONS
             if any((raw_dir / a).glob(f"20*/{a}-20*-program.pdf"))]
    if not found:
        return ""
    try:
        others = sorted(p.name for p in raw_dir.iterdir()
                        if p.is_dir() and not p.name.startswith(".") and p.name not in found)
    except OSError:
        others = []
    also = f", and your folders {', '.join(others)}" if others else ""
    return (f"no input folder given: mined {raw_dir}, which holds the bundled sample (fictional "
            f"associations {', '.join(found)}){also}. For your own downloads: "
            "mentor-miner run YOUR_FOLDER --out RESULTS")


def _quiet() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and (ctx.obj or {}).get("quiet"))


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


def _summary(result, *, first: str = "") -> int:
    """Print what the run found (after `first`, a line about the input); return how many
    documents failed."""
    documents = result.rows("documents")
    if first:
        say(first)
    counts = Counter(str(doc["status"]) for doc in documents)
    say(
        f"documents: {len(documents)} "
        f"(ok {counts.get('ok', 0)}, empty {counts.get('empty', 0)}, "
        f"scanned {counts.get('scanned', 0)}, error {counts.get('error', 0)})"
    )
    nothing = [doc for doc in documents if read_nothing_found(doc)]
    if nothing:
        say(f"read, nothing found: {len(nothing)} (status empty; the message in "
            "documents.csv says what was found and tried)")
        for doc in nothing[:5]:
            say(f"  {doc['source_path']}")
        if len(nothing) > 5:
            say(f"  ... and {len(nothing) - 5} more")
    from extractors.ocr import PICTURES_NOT_READ

    pictures = [doc for doc in documents if PICTURES_NOT_READ in str(doc.get("message", ""))]
    if pictures:
        say(f"pages that are pictures of text, not read: {len(pictures)} document"
            f"{'s' * (len(pictures) != 1)} (run with --ocr to read them)")
        for doc in pictures[:5]:
            say(f"  {doc['source_path']}")
        if len(pictures) > 5:
            say(f"  ... and {len(pictures) - 5} more")
    say(
        f"appearances: {result.count('appearances')}  people: {result.count('people')}  "
        f"organizations: {result.count('organizations')}"
    )
    _summary_shortlist(result.rows("shortlist"))
    # Known when this run built the shortlist (an up-to-date re-run reads rows, not attrs).
    built = getattr(result, "_tables", {}).get("shortlist")
    hidden = int(getattr(built, "attrs", {}).get("suppressed", 0) or 0)
    if hidden:
        say(f"leave-me-out list: {hidden} {'person' if hidden == 1 else 'people'} not listed "
            "(suppress.csv)")
    failed = [doc for doc in documents if doc["status"] == "error"]
    if failed:
        say(f"{len(failed)} of {len(documents)} documents failed; see "
            f"{result.out_dir / 'documents.csv'}", err=True, level="warning")
        for doc in failed[:5]:
            say(f"  {doc['message']}", err=True, level="warning")
    say(f"outputs in {result.out_dir}/: documents.csv, appearances.csv (+.parquet), "
        "people.csv, organizations.csv, shortlist.csv, graph.graphml")
    return len(failed)


SUMMARY_TOP = 5  # best of all types in the run's summary
SUMMARY_PER_TYPE = 10  # best of each mentor type (issue 21: vendors were never seen)
# The order a coach reads them in.
SUMMARY_TYPES = ("industry-focused", "profession-focused", "vendor/consultant", "recognized")


def plural(count: int, word: str) -> str:
    """`1 event`, `2 events`.

    >>> plural(1, "event"), plural(0, "candidate"), plural(3, "document")
    ('1 event', '0 candidates', '3 documents')
    """
    return f"{count} {word}{'' if count == 1 else 's'}"


def _count(value) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def _person_line(row: dict) -> str:
    org = f" ({row['organization']})" if row.get("organization") else ""
    return (f"{row['name']}{org} — {plural(_count(row.get('n_events')), 'event')}, "
            f"{row.get('roles', '')}")


def _summary_shortlist(rows: list[dict]) -> None:
    """The top of the shortlist, then the best of each mentor type, vendors and consultants
    included: rows as dicts (numbers, or text when read back from the CSV)."""
    if not rows:
        return
    say("top of the shortlist:")
    for row in rows[:SUMMARY_TOP]:
        say(f"  {row['rank']:>3}. {_person_line(row)} [{row['mentor_type']}]")
    by_type: dict[str, list[dict]] = {}
    for row in rows:
        by_type.setdefault(str(row.get("mentor_type", "")), []).append(row)
    say(f"best of each mentor type ({SUMMARY_PER_TYPE} each; type_rank in shortlist.csv):")
    for kind in (*SUMMARY_TYPES, *sorted(set(by_type) - set(SUMMARY_TYPES))):
        people = by_type.get(kind, [])
        if not people:
            say(f"  {kind}: nobody")
            continue
        say(f"  {kind}: {len(people)} {'person' if len(people) == 1 else 'people'}")
        for number, row in enumerate(people[:SUMMARY_PER_TYPE], start=1):
            say(f"    {row.get('type_rank') or number:>3}. {_person_line(row)} "
                f"(rank {row['rank']})")


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
    import pandas as pd

    from pipeline.views.evaluate import score_appearances

    if out_path is not None:
        _check_out_file(out_path, "--out")
    files = sorted(truth_path.glob("*.csv")) if truth_path.is_dir() else [truth_path]
    if not files:
        raise click.ClickException(f"{truth_path}: no truth CSV files found.")
    appearances_path = processed_dir / "appearances.csv"
    if not appearances_path.exists():
        raise click.ClickException(
            f"{appearances_path} not found; run `mentor-miner run` first.")
    try:
        truth = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files])
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as e:
        raise click.ClickException(f"{truth_path}: cannot read the truth CSV ({e}).") from e
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
    say("\n".join(lines), level="result")
    if out_path:
        report = ["# Recognition accuracy", "", *[f"- {line}" for line in lines], "",
                  "## Missed", "", *[f"- {' | '.join(map(str, m))}" for m in score.missed], "",
                  "## Not in the truth", "", *[f"- {' | '.join(map(str, m))}" for m in score.extra]]
        out_path.write_text("\n".join(report) + "\n", encoding="utf-8")


@cli.command()
def extractors() -> None:
    """List the document kinds it reads, one line each: name, version, what it reads.

    \b
    Example:
      mentor-miner extractors
    """
    from extractors import registry

    width = max(map(len, registry.names()), default=0)
    for name, version in registry.versions().items():
        say(f"{name:<{width}}  v{version:<3} {_reads(registry.get(name))}", level="result")


def _reads(extractor) -> str:
    """What an extractor reads: its `reads` attribute, else its module's one-line docstring."""
    reads = getattr(extractor, "reads", "")
    if not reads:
        doc = (sys.modules[type(extractor).__module__].__doc__ or "").strip()
        reads = doc.splitlines()[0] if doc else ""
    return reads.strip()


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
    say(f"removed {removed} cached documents", level="result")


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
    say(f"removed {removed} cached documents of other versions", level="result")


@cache.command("info")
@_cache_dir_option
def cache_info(cache_dir: Path | None) -> None:
    """Where the cache is and what it holds.

    \b
    Example:
      mentor-miner cache info
    """
    from pipeline.run.cache import DocumentCache, default_cache_dir

    folder = cache_dir or default_cache_dir()
    usage = DocumentCache(folder).usage()
    say(f"cache folder: {folder}\n"
        f"this version: {usage.current_entries} documents, {_megabytes(usage.current_bytes)}\n"
        f"other versions: {usage.stale_entries} documents, {_megabytes(usage.stale_bytes)}"
        + (" (mentor-miner cache prune removes them)" if usage.stale_entries else ""),
        level="result")


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


# --- issue 6: shortlist, show, graph ---

_processed_option = click.option(
    "--processed", "-i", "processed_dir", default=OUT_DEFAULT, show_default=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Folder `mentor-miner run` wrote.")


SUPPRESS_DEFAULT = Path("data/overrides/suppress.csv")
MENTOR_TYPE_CHOICES = (*MENTOR_TYPES, "vendor", "consultant", "profession", "industry")

_suppress_option = click.option(
    "--suppress", "suppress_path", default=None,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Leave-me-out list (person_id or name, optional reason): these people are never "
         "listed [default: data/overrides/suppress.csv].")


def _suppress_path(path: Path | None) -> Path | None:
    """--suppress FILE must exist; without it, data/overrides/suppress.csv when it exists."""
    if path is not None and not path.is_file():
        raise UsageMistake(f"--suppress: {path} not found; give the leave-me-out CSV "
                           "(columns person_id or name, optional reason).")
    return path or (SUPPRESS_DEFAULT if SUPPRESS_DEFAULT.is_file() else None)


def _say_suppressed(table) -> None:
    hidden = int(getattr(table, "attrs", {}).get("suppressed", 0) or 0)
    if hidden:
        say(f"{plural(hidden, 'person')} left out at their request (suppress list)"
            .replace("persons", "people"), level="result")


@cli.command()
@_processed_option
@click.option("--out", "-o", "out_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="CSV to write [default: print the top rows].")
@click.option("--association", "-a", multiple=True,
              help="Only this association (repeatable); one not in the data is an error "
                   "that lists the known ones.")
@click.option("--since", type=int, default=None, help="Only appearances from this year on.")
@click.option("--role", multiple=True, type=click.Choice(
    ["keynote", "speaker", "panelist", "moderator", "chair", "organizer", "committee", "board",
     "award_recipient"]), help="Only people who held this role (repeatable).")
@click.option("--min-events", type=int, default=0, show_default=True,
              help="Only people at this many distinct events (programs) or more; award years "
                   "are honours, not events.")
@click.option("--top", "-n", type=int, default=None, help="Keep the best N.")
@click.option("--exclude-org", multiple=True,
              help="Drop people whose current organization is this one: its name, any "
                   "printed variant or an alias in data/overrides/aliases.csv, whole ('Acme "
                   "Labs Boston' drops Acme Labs Boston, not every Acme Labs office). "
                   "Repeatable.")
@click.option("--exclude-org-prefix", multiple=True,
              help="Drop people whose current organization's name or a variant starts with "
                   "these whole words ('University of California' drops every campus).")
@click.option("--topic", default=None,
              help='Only people whose own sessions, awards or titles match one of these '
                   'comma-separated phrases ("machine learning, careers"), boosted by how '
                   "often; `why` starts with what matched.")
@click.option("--mentor-type", multiple=True, type=click.Choice(MENTOR_TYPE_CHOICES),
              help="Only this mentor type (repeatable; vendor = vendor/consultant).")
@click.option("--status", multiple=True,
              help="Only this outreach status (repeatable; `none` = not in outreach.csv).")
@click.option("--outreach", "outreach_path", default=None,
              type=click.Path(path_type=Path, dir_okay=False),
              help="Your follow-up notes [default: data/overrides/outreach.csv].")
@_suppress_option
@click.option("--weights", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="YAML file overriding ranking weights.")
def shortlist(processed_dir: Path, out_path: Path | None, association: tuple[str, ...],
              since: int | None, role: tuple[str, ...], min_events: int, top: int | None,
              exclude_org: tuple[str, ...], exclude_org_prefix: tuple[str, ...],
              topic: str | None, mentor_type: tuple[str, ...], status: tuple[str, ...],
              outreach_path: Path | None, suppress_path: Path | None,
              weights: Path | None) -> None:
    """Rank the processed tables again with filters and write a shortlist CSV.

    \b
    Example:
      mentor-miner shortlist --association sigcse --since 2016 --top 50 -o sigcse.csv
    """
    from pipeline.errors import MentorMinerError, UnknownFilterValue
    from pipeline.run.runner import shortlist_from_processed, write_table
    from pipeline.stages.shortlist import Filters

    if out_path is not None:
        _check_out_file(out_path, "--out")
    filters = Filters(association=association, since=since, role=role, min_events=min_events,
                      top=top, exclude_org=exclude_org, exclude_org_prefix=exclude_org_prefix,
                      mentor_type=mentor_type, status=status, topic=topic)
    try:
        if exclude_org or exclude_org_prefix:  # your aliases.csv names count as the org's
            from dataclasses import replace

            from pipeline.userfiles.overrides import load_overrides

            aliases = load_overrides(_default_overrides()).aliases
            filters = replace(filters, org_aliases=tuple(aliases.items()))
        table = shortlist_from_processed(processed_dir, filters=filters, weights_path=weights,
                                         outreach_path=outreach_path or OUTREACH_DEFAULT,
                                         suppress_path=_suppress_path(suppress_path))
        if out_path is not None:
            write_table(table, out_path)
    except UnknownFilterValue as e:  # a value the tables do not hold: exit 2, like --role's
        raise UsageMistake(str(e)) from e
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    if out_path is None:  # the top rows are the answer; with -o the file is
        for row in table.head(25).itertuples(index=False):
            org = f" ({row.organization})" if row.organization else ""
            say(f"{row.rank:>4}. {row.name}{org} [{row.mentor_type} #{row.type_rank}] "
                f"{row.score:.3f} — {row.why}", level="result")
    _say_suppressed(table)
    say(plural(len(table), "candidate") + (f" written to {out_path}" if out_path else ""),
        level="result")


@cli.command()
@_processed_option
@click.option("--out", "-o", "out_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="CSV to write [default: print them].")
@click.option("--top", "-n", type=int, default=None, help="Keep the best N.")
@_suppress_option
@click.option("--weights", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="YAML file overriding ranking weights.")
def vendors(processed_dir: Path, out_path: Path | None, top: int | None,
            suppress_path: Path | None, weights: Path | None) -> None:
    """List the people who represent sponsors, exhibitors and consultancies, best first,
    with their organization's sponsor tiers and years.

    \b
    Example:
      mentor-miner vendors --top 20
    """
    from pipeline.errors import MentorMinerError
    from pipeline.run.runner import shortlist_from_processed, write_table
    from pipeline.stages.vendors import vendor_people

    if out_path is not None:
        _check_out_file(out_path, "--out")
    try:
        from pipeline.run.runner import read_processed

        table = shortlist_from_processed(processed_dir, weights_path=weights,
                                         suppress_path=_suppress_path(suppress_path))
        tables = read_processed(processed_dir)
        people = vendor_people(table, tables["appearances"], tables["organizations"])
        if top:
            people = people.head(top)
        if out_path is not None:
            write_table(people, out_path)
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    if out_path is None:
        for row in people.itertuples(index=False):
            say(f"{row.rank:>5}. {row.name} ({row.organization}) [{row.mentor_type}] — "
                f"{row.org_roles or row.org_kind}"
                + (f", {row.tiers}" if row.tiers else "")
                + (f", {row.org_years}" if row.org_years else ""), level="result")
    _say_suppressed(table)
    say(f"{len(people)} {'person' if len(people) == 1 else 'people'} at vendors"
        + (f" written to {out_path}" if out_path else ""), level="result")


@cli.command()
@click.argument("name")
@_processed_option
@_suppress_option
def show(name: str, processed_dir: Path, suppress_path: Path | None) -> None:
    """Print a person's timeline with evidence, organizations and co-speakers.

    \b
    Example:
      mentor-miner show "Samuel Osei"
    """
    from pipeline.errors import MentorMinerError
    from pipeline.run.runner import read_processed
    from pipeline.views.show import person_report
    from pipeline.userfiles.suppress import read_suppress

    try:
        tables = read_processed(processed_dir)
        say(person_report(name, tables["appearances"], tables["people"],
                          tables["organizations"],
                          suppress=read_suppress(_suppress_path(suppress_path))),
            level="result")
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
    from pipeline.run.runner import write_graph

    _check_out_file(out_path, "--out")
    try:
        nodes, edges = write_graph(processed_dir, out_path, fmt=fmt, weights_path=weights)
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    say(f"{nodes} nodes, {edges} edges written to {out_path}", level="result")


# --- issue 7: the visual report ---


@cli.command()
@_processed_option
@click.option("--out", "-o", "out_path", default=Path("report.html"), show_default=True,
              type=click.Path(path_type=Path, dir_okay=False), help="HTML file to write.")
@click.option("--top", type=int, default=1000, show_default=True,
              help="Shortlist rows in the table.")
@click.option("--timelines", type=int, default=8, show_default=True,
              help="Top people who get a timeline chart.")
@_suppress_option
def report(processed_dir: Path, out_path: Path, top: int, timelines: int,
           suppress_path: Path | None) -> None:
    """Write one self-contained HTML report: shortlist, timelines, network, vendors, quality.

    \b
    Example:
      mentor-miner report --processed results/ --out report.html
    """
    from pipeline.errors import MentorMinerError
    from pipeline.views.report import write_report

    _check_out_file(out_path, "--out")
    try:
        rows = write_report(processed_dir, out_path, top_rows=top, top_timelines=timelines,
                            suppress_path=_suppress_path(suppress_path))
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    say(f"report of {plural(rows, 'candidate')} written to {out_path}", level="result")

"""Runner: reads the user's files, runs the stages in order over a pool of workers, writes the
outputs. The stages (:mod:`pipeline.stages`) are pure functions over tables; everything that
touches the disk or starts a process is here and in the modules of :mod:`pipeline.run`."""

from __future__ import annotations

import dataclasses
import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import MentorMinerError
from pipeline.run.outputs import OUTPUT_FILES, read_processed, read_table, staged_outputs
from pipeline.tables import ReadOptions

if TYPE_CHECKING:  # pandas is imported where a table is built: an up-to-date re-run needs none
    import pandas as pd

    from pipeline.stages.overrides import Overrides

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class UserFiles:
    """What the user wrote that a run reads beside the documents, read and validated once,
    before any document is read: a mistake in them stops the run at once."""

    overrides: Overrides
    outreach: pd.DataFrame | None = None
    suppress: pd.DataFrame | None = None

    @classmethod
    def read(cls, overrides_dir: Path | None, outreach_path: Path | None) -> UserFiles:
        from pipeline.userfiles.outreach import read_outreach
        from pipeline.userfiles.overrides import load_overrides
        from pipeline.userfiles.suppress import SUPPRESS_FILE, read_suppress

        return cls(load_overrides(overrides_dir), read_outreach(outreach_path),
                   read_suppress(Path(overrides_dir) / SUPPRESS_FILE if overrides_dir else None))


_RESULT_TABLES = ("documents", "appearances", "people", "organizations", "shortlist")


class RunResult:
    """The tables of a run. A result read back from an up-to-date output folder loads each
    table from its CSV when first asked for, and knows the row counts from the run's stamp."""

    def __init__(self, documents=None, appearances=None, people=None, organizations=None,
                 shortlist=None, out_dir: Path | None = None, *, counts: dict | None = None):
        self.out_dir = out_dir
        self._tables = {name: table for name, table in zip(
            _RESULT_TABLES, (documents, appearances, people, organizations, shortlist),
            strict=True) if table is not None}
        self._counts = counts or {}

    def _table(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            self._tables[name] = read_table(self.out_dir, name)
        return self._tables[name]

    documents = property(lambda self: self._table("documents"))
    appearances = property(lambda self: self._table("appearances"))
    people = property(lambda self: self._table("people"))
    organizations = property(lambda self: self._table("organizations"))
    shortlist = property(lambda self: self._table("shortlist"))

    def count(self, name: str) -> int:
        """Rows of one table, without reading it when the stamp says."""
        if name in self._tables or name not in self._counts:
            return len(self._table(name))
        return int(self._counts[name])

    def rows(self, name: str, limit: int | None = None) -> list[dict]:
        """The first `limit` rows of one table as dicts (all rows when None). A table not yet
        loaded is read with the csv module, as text: the summary of an up-to-date re-run
        costs no pandas import."""
        if name in self._tables:
            table = self._tables[name]
            return table.head(limit).to_dict("records") if limit is not None else \
                table.to_dict("records")
        from pipeline.run.store import read_rows

        return read_rows(self.out_dir / f"{name}.csv", limit=limit)


def run_pipeline(
    raw_dir: Path, out_dir: Path, *, jobs: int = 1, model: str | None = None,
    weights_path: Path | None = None, progress_factory=None, top: int | None = None,
    cache_dir: Path | None = None, limits=None, executor: str = "local",
    scheduler: str | None = None, overrides_dir: Path | None = None,
    outreach_path: Path | None = None, strict: bool = False, pool=None,
    options: ReadOptions = ReadOptions(),
) -> RunResult:
    """Every stage in order; outputs are written to a temporary folder and swapped in at the end.

    `pool`: worker processes already started (see :func:`pipeline.run.executors.start_pool`); the
    caller stops it if no document needed reading. `options`: how documents are read (OCR).
    """
    from pipeline.run.inputs import discover_rows
    from pipeline.run.store import output_lock, write_text
    from pipeline.run.uptodate import is_up_to_date, run_fingerprint, stamp_path, stamp_text
    from pipeline.userfiles.weights import load_weights

    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    if not raw_dir.is_dir():
        raise MentorMinerError(f"{raw_dir}: input folder not found. Give the folder that holds "
                               "your downloaded programs: mentor-miner run FOLDER --out OUT")
    weights = load_weights(weights_path)
    with output_lock(out_dir):
        # An --out (or cache, or settings) inside the input folder is not read as documents:
        # the second run would otherwise read the first one's CSVs as programs.
        own = [path for path in (out_dir, cache_dir, overrides_dir, outreach_path) if path]
        found = discover_rows(raw_dir, skip=own)
        fingerprint = run_fingerprint(
            found, model=model, weights_path=weights_path, overrides_dir=overrides_dir,
            outreach_path=outreach_path, top=top, strict=strict, options=options.key(),
        )
        if cache_dir is not None and is_up_to_date(out_dir, fingerprint, OUTPUT_FILES):
            logger.info("outputs in %s are up to date: no document, option or code changed",
                        out_dir)
            return _read_result(out_dir)
        stamp_path(out_dir).unlink(missing_ok=True)
        user = UserFiles.read(overrides_dir, outreach_path)
        from pipeline.run.forked import can_fork

        # More than one process allowed: the whole-corpus stages hand their independent parts
        # to forked children (Linux only; see pipeline.run.forked).
        parallel = jobs >= 2 and can_fork()
        documents, appearances, parsed_names = _read_documents(
            found, cache_dir=cache_dir, progress_factory=progress_factory, options=options,
            jobs=jobs, model=model, limits=limits, executor=executor, scheduler=scheduler,
            strict=strict, pool=pool)
        documents, appearances, people, organizations, shortlist = run_tail(
            documents, appearances, out_dir, user=user, weights=weights, top=top,
            parallel=parallel, parsed_names=parsed_names)
        if cache_dir is not None:  # --no-cache runs always recompute
            write_text(stamp_text(fingerprint, counts={
                "appearances": len(appearances), "people": len(people),
                "organizations": len(organizations)}), stamp_path(out_dir))
    return RunResult(documents, appearances, people, organizations, shortlist, out_dir)


def _read_documents(found: list[dict], *, cache_dir: Path | None, progress_factory,
                    options: ReadOptions, **reading):
    """The documents table, the appearances read from every document, and the names the
    workers took apart (for resolve). `reading`: :func:`pipeline.run.reading.extract_all`'s."""
    from pipeline.run.reading import attach_sources, extract_all
    from pipeline.stages.discover import documents_frame

    documents = documents_frame(found)
    cache = None
    if cache_dir is not None:
        from pipeline.run.cache import DocumentCache

        # The read options change what a document yields; without them the key stays as it was.
        from pipeline.text.nlp import installed_language_models

        # A document in French is read by the French model once one is installed.
        languages = ",".join(installed_language_models())
        salt = ";".join(filter(None, [f"model={reading.get('model') or ''}", options.key(),
                                      f"languages={languages}" if languages else ""]))
        cache = DocumentCache(cache_dir, salt=salt)
    parsed_names: dict = {}  # filled by the workers, read by resolve
    reading.update(cache=cache, parsed_names=parsed_names, options=options)
    if progress_factory is not None:
        with progress_factory(len(documents)) as advance:
            documents, appearances = extract_all(documents, progress=advance, **reading)
    else:
        documents, appearances = extract_all(documents, **reading)
    if cache is not None:
        logger.info("cache: %d documents reused, %d read", cache.hits, cache.misses)
        if others := cache.other_versions():
            logger.info("cache: %s also holds the results of %d other version(s) of "
                        "mentor-miner; `mentor-miner cache prune` removes them",
                        cache.directory, others)
    logger.info("appearances: %d rows from %d documents", len(appearances), len(documents))
    return documents, attach_sources(appearances, documents), parsed_names


def resolve_tables(appearances: pd.DataFrame, *, overrides: Overrides | None = None,
                   parsed_names: dict | None = None, fork: bool = False):
    """:func:`pipeline.stages.resolve.resolve`, with the organizations table summarized in a
    forked child (`fork`) while this process summarizes people."""
    from pipeline.run import forked
    from pipeline.stages.resolve import link, log_resolved, organizations_table, people_table

    linked = link(appearances, overrides=overrides, parsed_names=parsed_names)
    summarizing = forked.fork_call(organizations_table, linked, enabled=fork)
    try:
        people = people_table(linked)
        organizations = summarizing.result()
    finally:
        summarizing.cancel()  # still running only when summarizing people failed
    log_resolved(linked, people, organizations)
    return linked.appearances, people, organizations


def run_tail(documents: pd.DataFrame, appearances: pd.DataFrame, out_dir: Path, *,
             user: UserFiles, weights: dict, top: int | None = None, parallel: bool = False,
             parsed_names: dict | None = None) -> tuple:
    """The whole-corpus stages after the workers (resolve, vendors, graph, rank, shortlist),
    their tables written into `out_dir`; with `parallel`, independent parts run in forked
    children. Returns documents, appearances, people, organizations and the shortlist."""
    from pipeline.stages.vendors import rank_vendors

    appearances, people, organizations = resolve_tables(
        appearances, overrides=user.overrides, parsed_names=parsed_names, fork=parallel)
    documents = _count_kept(documents, appearances)
    organizations = rank_vendors(appearances, organizations, weights=weights)
    tables = dict(documents=documents, appearances=appearances, people=people,
                  organizations=organizations)
    shortlist = _write_and_rank(out_dir, tables, weights=weights, top=top, user=user,
                                parallel=parallel)
    return documents, appearances, people, organizations, shortlist


def _count_kept(documents: pd.DataFrame, appearances: pd.DataFrame) -> pd.DataFrame:
    """Each document's count of the appearances resolve kept."""
    counts = appearances["source_path"].value_counts()
    documents["appearances"] = documents["source_path"].map(counts).fillna(0).astype(int)
    return _nothing_kept(documents)


def _write_and_rank(out_dir: Path, tables: dict, *, weights: dict, top: int | None,
                    user: UserFiles, parallel: bool) -> pd.DataFrame:
    """Write the tables and the graph, rank people and write the shortlist, all inside one
    staging folder: nothing in `out_dir` changes unless every file was written."""
    from pipeline.run.forked import fork_call
    from pipeline.stages.graph import build_graph
    from pipeline.stages.rank import prepare_rows, rank_people
    from pipeline.stages.shortlist import build_shortlist, person_details

    appearances, organizations = tables["appearances"], tables["organizations"]
    with staged_outputs(out_dir) as stage:
        # The graph is an output only (ranking rebuilds its person-event graph from the
        # rows): it is built where it is written.
        graph = functools.partial(build_graph, appearances, tables["people"], organizations,
                                  weights=weights)
        # With more than one process allowed, one child writes the finished tables and
        # another builds and writes the graph while this process ranks and builds the
        # shortlist.
        if parallel:
            stage.write_forked(**tables)
            stage.write_forked(graph=graph)
            stage.write_parquet(appearances)
        else:
            stage.write(**tables, graph=graph)
        rows = prepare_rows(appearances, weights=weights)  # one for both
        # What the shortlist says of each person does not depend on the scores.
        details = fork_call(person_details, rows, organizations, weights=weights,
                            enabled=parallel)
        try:
            scores = rank_people(appearances, weights=weights, rows=rows)
            shortlist = build_shortlist(appearances, tables["people"], organizations, scores,
                                        top=top, weights=weights, outreach=user.outreach,
                                        rows=rows, details=details.result(),
                                        suppress=user.suppress)
        finally:
            details.cancel()  # still running only when ranking failed
        stage.write(shortlist=shortlist)
    return shortlist


def _nothing_kept(documents: pd.DataFrame) -> pd.DataFrame:
    """A document read (`ok`) of which no appearance is left is `empty` with a message saying
    so, never `ok` in silence (the worker says so too, with what it found; this catches rows
    dropped after it, for every kind and executor)."""
    silent = (documents["status"] == "ok") & (documents["appearances"] == 0)
    if not silent.any():
        return documents
    documents = documents.copy()
    for i in documents.index[silent]:
        path, kind = documents.at[i, "source_path"], documents.at[i, "kind"] or "?"
        note = str(documents.at[i, "message"] or "")
        documents.at[i, "status"] = "empty"
        documents.at[i, "message"] = "; ".join(filter(None, [
            f"{path}: read, no people or organizations kept (read as {kind})",
            note.removeprefix(f"{path}: ")]))
    return documents


def _read_result(out_dir: Path) -> RunResult:
    """The tables of an up-to-date output folder, as a run would have returned them."""
    from pipeline.run.uptodate import stamp_counts

    return RunResult(out_dir=out_dir, counts=stamp_counts(out_dir))


def shortlist_from_processed(
    processed_dir: Path, *, filters=None, weights_path: Path | None = None,
    outreach_path: Path | None = None, topic: str | None = None,
    suppress_path: Path | None = None,
) -> pd.DataFrame:
    """Rank the processed tables again with `filters` (and a `topic`) and build the shortlist,
    leaving out the people `suppress_path` (a suppress.csv) names."""
    from pipeline.stages.rank import rank_people
    from pipeline.stages.shortlist import Filters, build_shortlist, scope_appearances
    from pipeline.userfiles.outreach import read_outreach
    from pipeline.userfiles.suppress import read_suppress
    from pipeline.userfiles.weights import load_weights

    weights = load_weights(weights_path)
    filters = filters or Filters()
    if topic:
        filters = dataclasses.replace(filters, topic=topic)
    tables = read_processed(processed_dir)
    appearances = tables["appearances"]
    scoped = scope_appearances(appearances, filters)
    scores = rank_people(scoped, weights=weights)
    return build_shortlist(scoped, tables["people"], tables["organizations"], scores,
                           filters=filters, weights=weights,
                           outreach=read_outreach(outreach_path),
                           suppress=read_suppress(suppress_path))

"""Runner: loads inputs, runs the stages in order over a pool of workers, writes the outputs."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import MentorMinerError
from pipeline.tables import (
    APPEARANCE_COLUMNS,
    APPEARANCE_EXTRA_COLUMNS,
    DOCUMENT_COLUMNS,
    ORGANIZATION_COLUMNS,
    PEOPLE_COLUMNS,
    PEOPLE_EXTRA_COLUMNS,
)
from pipeline.run.worker import DocResult, process_document

if TYPE_CHECKING:  # pandas is imported where a table is built: an up-to-date re-run needs none
    import pandas as pd

    from pipeline.run.forked import Forked

logger = logging.getLogger(__name__)

OUTPUT_FILES = (
    "documents.csv", "appearances.csv", "appearances.parquet", "people.csv",
    "organizations.csv", "shortlist.csv", "graph.graphml",
)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _failed(doc: dict, reason: str) -> DocResult:
    return DocResult(doc_id=doc["doc_id"], status="error",
                     message=f"{doc['source_path']}: {reason}")


def extract_all(
    documents: pd.DataFrame, *, jobs: int = 1, model: str | None = None,
    progress: Callable[[int], None] | None = None, cache=None, limits=None,
    executor: str = "local", scheduler: str | None = None, strict: bool = False, pool=None,
    parsed_names: dict | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Extract + recognize every document: from the cache, or in isolated worker processes.

    ``jobs=0`` runs in this process (no isolation; for debugging and profiling). `pool` is a
    worker pool already started (:func:`pipeline.run.executors.start_pool`) for the local executor.
    `parsed_names`, when given, receives the person names the workers took apart, for
    :func:`pipeline.stages.resolve.resolve`.
    """
    from pipeline.run.executors import Limits, call_with_limits, run_dask, run_local

    limits = limits or Limits()
    results: dict[str, DocResult] = {}
    todo: list[dict] = []
    for doc in documents.to_dict("records"):
        if doc.get("status") in ("error", "empty"):
            continue
        hit = cache.get(doc["doc_id"], doc["source_path"]) if cache is not None else None
        if hit is not None:
            results[doc["source_path"]] = DocResult(**hit)
            if progress:
                progress(1)
        else:
            todo.append(doc)
    by_id: dict[str, list[dict]] = {}
    for doc in todo:
        by_id.setdefault(doc["doc_id"], []).append(doc)
    # Identical copies under other names are read once: each copy gets the first one's result
    # with its own path (see _for_copy).
    todo = [docs[0] for docs in by_id.values()]
    # Largest files first: a 200-page handbook started last would leave the other workers idle.
    todo.sort(key=lambda doc: -_size(doc["path"]))
    if pool is not None and (executor == "dask" or jobs == 0 or not todo):
        from pipeline.run.executors import stop_pool

        stop_pool(pool)  # started for nothing: every document came from the cache
    if executor == "dask":
        stream = run_dask(process_document, todo, scheduler=scheduler or "", model=model,
                          limits=limits, on_failure=_failed)
    elif jobs == 0 or not todo:
        stream = (call_with_limits(process_document, doc, model, limits.timeout_s)
                  for doc in todo)
    else:
        stream = run_local(process_document, todo, jobs=jobs, model=model, limits=limits,
                           on_failure=_failed, pool=pool)
    for res in stream:
        if parsed_names is not None:
            parsed_names.update(res.parsed_names)
        res.parsed_names = {}  # handed over: the result kept until assembly need not hold them
        copies = by_id.get(res.doc_id, [])
        for n, doc in enumerate(copies):
            results[doc["source_path"]] = copy = _for_copy(res, copies[0]["source_path"],
                                                           doc["source_path"])
            if cache is not None and res.status != "error" and n == 0:
                cache.put(doc["doc_id"], doc["source_path"], copy.cached())
            if progress:
                progress(1)
        if strict and res.status == "error":
            raise StrictStop(f"{res.message} (--strict: stopped at the first failure; "
                             "the previous outputs are untouched)")
    if strict:
        for doc in documents.to_dict("records"):
            if doc.get("status") == "error":
                raise StrictStop(f"{doc['message']} (--strict: stopped at the first failure)")
    return _assemble(documents, results)


def _for_copy(res: DocResult, read_as: str, source_path: str) -> DocResult:
    """`res`, read from the file at `read_as`, for an identical copy at `source_path`: its
    message names the copy (issue 22: one row carried the other's message)."""
    if read_as == source_path or read_as not in res.message:
        return res
    return dataclasses.replace(res, message=res.message.replace(read_as, source_path))


class StrictStop(MentorMinerError):
    """--strict: a document failed, so the run stops before writing anything."""


def _assemble(documents: pd.DataFrame, results: dict[str, DocResult]):
    import pandas as pd

    documents = documents.copy()
    columns = [*APPEARANCE_COLUMNS, *APPEARANCE_EXTRA_COLUMNS]
    rows: list[dict] = []
    updates: dict[str, list] = {col: documents[col].tolist() for col in (
        "kind", "pages", "status", "message", "appearances", "event", "year")}
    for i, doc in enumerate(documents.to_dict("records")):
        res = results.get(doc["source_path"])
        if res is None:
            continue
        updates["kind"][i] = res.kind or doc["kind"]
        updates["pages"][i] = res.pages
        updates["status"][i] = res.status
        updates["message"][i] = res.message
        updates["appearances"][i] = len(res.appearances)
        event = doc.get("event") or res.event
        updates["event"][i] = event
        # Year: sources.csv, else what the document says, else the path.
        override = bool(doc.get("year_override"))
        year = doc["year"] if override or res.year is None else res.year
        updates["year"][i] = year
        rows.extend(_appearance_rows(doc, res.appearances, year=year, event=event or "",
                                     own_year_wins=not override, doc_year=res.year))
    for col, values in updates.items():
        documents[col] = values
    appearances = pd.DataFrame(rows, columns=columns)
    for col in appearances.columns:
        if col not in ("page", "year"):
            appearances[col] = _clean_text_column(appearances[col])
    appearances["page"] = pd.to_numeric(appearances["page"], errors="coerce").astype("Int64")
    appearances["year"] = pd.to_numeric(appearances["year"], errors="coerce").astype("Int64")
    documents["pages"] = pd.to_numeric(documents["pages"], errors="coerce").astype("Int64")
    documents["year"] = pd.to_numeric(documents["year"], errors="coerce").astype("Int64")
    documents["appearances"] = documents["appearances"].fillna(0).astype(int)
    return documents, appearances


def _appearance_rows(doc: dict, found: list[dict], *, year, event: str, own_year_wins: bool,
                     doc_year) -> list[dict]:
    """One document's appearance rows, with the path, sources.csv and document fields laid on."""
    import pandas as pd

    rows = []
    for n, app in enumerate(found):
        app = dict(app)
        app["appearance_id"] = hashlib.sha1(
            f"{doc['doc_id']}:{doc['source_path']}:{n}".encode()
        ).hexdigest()[:12]
        app["doc_id"] = doc["doc_id"]
        app["source_path"] = doc["source_path"]
        app["association"] = doc["association"]
        # A record's own year (an award list spans decades) wins over the document's.
        own = app.get("year")
        if own is None or pd.isna(own) or (not own_year_wins and own == doc_year):
            app["year"] = year
        app["event"] = app.get("event") or event
        app["person_id"], app["org_id"] = "", ""
        rows.append(app)
    return rows


def _clean_text_column(column: pd.Series) -> pd.Series:
    """Text with no control characters: one scan of the whole column finds the rare dirty cell."""
    from pipeline.run.store import has_control, strip_control

    values = column.fillna("").astype(str)
    if has_control("".join(values.tolist())):
        values = values.map(strip_control)
    return values


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
            self._tables[name] = _read_table(self.out_dir, name)
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
) -> RunResult:
    """Every stage in order; outputs are written to a temporary folder and swapped in at the end.

    `pool`: worker processes already started (see :func:`pipeline.run.executors.start_pool`); the
    caller stops it if no document needed reading.
    """
    from pipeline.userfiles.weights import load_weights
    from pipeline.stages.discover import discover_rows, documents_frame
    from pipeline.run.store import output_lock, write_text
    from pipeline.run.uptodate import is_up_to_date, run_fingerprint, stamp_path, stamp_text

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
            outreach_path=outreach_path, top=top, strict=strict,
        )
        if cache_dir is not None and is_up_to_date(out_dir, fingerprint, OUTPUT_FILES):
            logger.info("outputs in %s are up to date: no document, option or code changed",
                        out_dir)
            return _read_result(out_dir)
        stamp_path(out_dir).unlink(missing_ok=True)
        # Imported only now: an up-to-date re-run needs none of them (pandas, networkx, scipy).
        from pipeline.run.forked import can_fork, fork_call
        from pipeline.stages.graph import build_graph
        from pipeline.stages.rank import prepare_rows, rank_people
        from pipeline.stages.resolve import resolve
        from pipeline.stages.shortlist import build_shortlist, person_details

        documents = documents_frame(found)
        # More than one process allowed: the whole-corpus stages hand their independent parts
        # to forked children (Linux only; see pipeline.run.forked).
        parallel = jobs >= 2 and can_fork()
        cache = None
        if cache_dir is not None:
            from extractors.ocr import ocr_requested
            from pipeline.run.cache import DocumentCache

            # OCR changes what a scanned page yields; without it the key stays as it was.
            ocr = ";ocr=1" if ocr_requested() else ""
            cache = DocumentCache(cache_dir, salt=f"model={model or ''}{ocr}")
        parsed_names: dict = {}  # filled by the workers, read by resolve
        options = dict(jobs=jobs, model=model, cache=cache, limits=limits, executor=executor,
                       scheduler=scheduler, strict=strict, pool=pool, parsed_names=parsed_names)
        if progress_factory is not None:
            with progress_factory(len(documents)) as advance:
                documents, appearances = extract_all(documents, progress=advance, **options)
        else:
            documents, appearances = extract_all(documents, **options)
        if cache is not None:
            logger.info("cache: %d documents reused, %d read", cache.hits, cache.misses)
            if others := cache.other_versions():
                logger.info("cache: %s also holds the results of %d other version(s) of "
                            "mentor-miner; `mentor-miner cache prune` removes them",
                            cache.directory, others)
        logger.info("appearances: %d rows from %d documents", len(appearances), len(documents))
        appearances = attach_sources(appearances, documents)
        appearances, people, organizations = resolve(appearances, overrides_dir=overrides_dir,
                                                     parsed_names=parsed_names, fork=parallel)
        counts = appearances["source_path"].value_counts()
        documents["appearances"] = documents["source_path"].map(counts).fillna(0).astype(int)
        documents = _nothing_kept(documents)
        from pipeline.stages.vendors import rank_vendors

        organizations = rank_vendors(appearances, organizations, weights=weights)
        outreach = read_outreach(outreach_path)
        from pipeline.userfiles.suppress import SUPPRESS_FILE, read_suppress

        suppress = read_suppress(Path(overrides_dir) / SUPPRESS_FILE if overrides_dir else None)
        with staged_outputs(out_dir) as stage:
            tables = dict(documents=documents, appearances=appearances, people=people,
                          organizations=organizations)
            # The graph is an output only (ranking rebuilds its person-event graph from the
            # rows): it is built where it is written.
            graph = functools.partial(build_graph, appearances, people, organizations,
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
                shortlist = build_shortlist(appearances, people, organizations, scores,
                                            top=top, weights=weights, outreach=outreach,
                                            rows=rows, details=details.result(),
                                            suppress=suppress)
            finally:
                details.cancel()  # still running only when ranking failed
            stage.write(shortlist=shortlist)
        if cache_dir is not None:  # --no-cache runs always recompute
            write_text(stamp_text(fingerprint, counts={
                "appearances": len(appearances), "people": len(people),
                "organizations": len(organizations)}), stamp_path(out_dir))
    return RunResult(documents, appearances, people, organizations, shortlist, out_dir)


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


def _read_table(out_dir: Path, name: str) -> pd.DataFrame:
    import pandas as pd

    from pipeline.run.store import read_csv

    table = read_csv(out_dir / f"{name}.csv")
    if name == "shortlist":
        for col in ("rank", "n_events"):
            table[col] = pd.to_numeric(table[col])
    return table


def write_outputs(out_dir: Path, *, documents, appearances, people, organizations, shortlist,
                  graph) -> None:
    """Write every table into a temporary folder, then move each file into `out_dir`.

    Nothing in `out_dir` changes until every table has been written in full.
    """
    with staged_outputs(out_dir) as stage:
        stage.write(documents=documents, appearances=appearances, people=people,
                    organizations=organizations, shortlist=shortlist, graph=graph)


# Names tempfile gives the staging folder and atomic_write's files (8 random characters).
_STAGING = re.compile(r"\.staging-[a-z0-9_]{8}")
_ATOMIC_TMP = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


@contextlib.contextmanager
def staged_outputs(out_dir: Path) -> Iterator[StagedOutputs]:
    """A `StagedOutputs` for `out_dir`: its files move into place when the block ends without
    an error, and are thrown away with their staging folder when it does not."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # Under the output lock, any staging folder or temp file of ours left here is from a killed
    # run. Only our names (tempfile's, see store.atomic_write): a file of the user's stays.
    for stale in out_dir.glob(".*"):
        if stale.is_dir() and _STAGING.fullmatch(stale.name):
            shutil.rmtree(stale, ignore_errors=True)
        elif _ATOMIC_TMP.fullmatch(stale.name) and stale.is_file():
            stale.unlink(missing_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix=".staging-", dir=out_dir) as staging:
            stage = StagedOutputs(Path(staging))
            try:
                yield stage
                stage.wait()
            finally:
                stage.stop()
            for name in OUTPUT_FILES:
                os.replace(stage.folder / name, out_dir / name)
    except OSError as e:
        from pipeline.errors import OutputNotWritten

        raise OutputNotWritten(
            f"{out_dir}: cannot write the outputs ({e.strerror or e}); the previous outputs "
            "are untouched. Free some space or choose another --out folder."
        ) from e


class StagedOutputs:
    """The output files of one run, written into a staging folder.

    `write_forked` hands tables to a forked child process that writes them while this one goes
    on (ranking, the shortlist); `wait` collects it and raises its error, if any.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self._children: list[Forked] = []  # one per forked writer

    def write(self, *, documents=None, appearances=None, people=None, organizations=None,
              shortlist=None, graph=None, parquet: bool = True) -> None:
        """Write the tables given. `graph`: a graph, or a function that builds one."""
        from pipeline.run.store import write_csv, write_graphml

        stage = self.folder
        if documents is not None:
            write_csv(documents[list(DOCUMENT_COLUMNS)], stage / "documents.csv")
        if appearances is not None:
            write_csv(appearances, stage / "appearances.csv")
            if parquet:
                self.write_parquet(appearances)
        if people is not None:
            write_csv(people[[*PEOPLE_COLUMNS, *(c for c in PEOPLE_EXTRA_COLUMNS
                                                  if c in people)]], stage / "people.csv")
        if organizations is not None:
            write_csv(organizations[[*ORGANIZATION_COLUMNS, *[
                c for c in organizations.columns if c not in ORGANIZATION_COLUMNS]]],
                stage / "organizations.csv")
        if shortlist is not None:
            write_csv(shortlist, stage / "shortlist.csv")
        if graph is not None:
            write_graphml(graph() if callable(graph) else graph, stage / "graph.graphml")

    def write_parquet(self, appearances) -> None:
        from pipeline.run.store import write_parquet

        write_parquet(appearances, self.folder / "appearances.parquet")

    def write_forked(self, **tables) -> None:
        """`write(**tables)` in a forked child (see :mod:`pipeline.run.forked`; here when no child
        can start). The CSV and GraphML files only: Parquet, whose library keeps threads of
        its own, stays with the caller."""
        from pipeline.run.forked import fork_call

        self._children.append(fork_call(self.write, **tables, parquet=False))

    def wait(self) -> None:
        """Wait for the forked writers; the first one that failed raises its error (OSError
        for a failed write, as a write here would)."""
        failure = None
        while self._children:  # a child leaves the list once collected: stop() kills the rest
            try:
                self._children[0].result()
            except Exception as e:  # noqa: BLE001 - the first failure wins, after all ended
                failure = failure or e
            self._children.pop(0)
        if failure is not None:
            raise failure

    def stop(self) -> None:
        """Kill the forked writers still running (the block failed; their files go unused)."""
        children, self._children = self._children, []
        for child in children:
            child.cancel()


def attach_sources(appearances: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Copy each document's `industry`/`profession` (RAW_DIR/sources.csv) onto its appearances,
    as columns after the contract ones."""
    appearances = appearances.copy()
    for col in ("industry", "profession"):
        values = documents.set_index("source_path")[col] if col in documents.columns else None
        appearances[col] = (appearances["source_path"].map(values) if values is not None
                            else "")
        appearances[col] = appearances[col].fillna("").astype(str)
    return appearances


OUTREACH_DEFAULT = Path("data/overrides/outreach.csv")


def read_outreach(path: Path | None) -> pd.DataFrame | None:
    """The user's outreach.csv (never written by mentor-miner); None when there is none."""
    import pandas as pd

    from pipeline.userfiles.outreach import check_outreach
    from pipeline.userfiles.usercsv import read_user_csv

    if path is None:
        return None
    path = Path(path)
    if not path.exists():
        logger.debug("%s: no outreach file", path)
        return None
    header, rows = read_user_csv(path, what="outreach notes")
    table = pd.DataFrame(rows, columns=header, dtype=str)
    logger.info("outreach: %d rows from %s", len(table), path)
    return check_outreach(table, source=str(path))


def read_processed(processed_dir: Path) -> dict[str, pd.DataFrame]:
    """`appearances`, `people` and `organizations` as `mentor-miner run` wrote them."""
    import pandas as pd

    from pipeline.errors import SchemaError
    from pipeline.run.store import read_csv

    processed_dir = Path(processed_dir)
    needed = {"appearances": APPEARANCE_COLUMNS, "people": PEOPLE_COLUMNS,
              "organizations": ORGANIZATION_COLUMNS}
    tables: dict[str, pd.DataFrame] = {}
    for name, columns in needed.items():
        parquet, csv_path = processed_dir / f"{name}.parquet", processed_dir / f"{name}.csv"
        if parquet.exists():
            table = pd.read_parquet(parquet)
        elif csv_path.exists():
            table = read_csv(csv_path)
        else:
            raise MentorMinerError(f"{csv_path}: not found. Run `mentor-miner run RAW_DIR --out "
                                   f"{processed_dir}` first.")
        missing = [c for c in columns if c not in table.columns]
        if missing:
            raise SchemaError(f"{csv_path}: missing columns {', '.join(missing)}; "
                              "re-run `mentor-miner run` to rebuild it.")
        for col in table.columns:
            if col not in ("page", "year") and (table[col].dtype == object
                                                or pd.api.types.is_string_dtype(table[col])):
                table[col] = table[col].fillna("").astype(str)
        tables[name] = table
    appearances = tables["appearances"]
    for col in ("page", "year"):
        appearances[col] = pd.to_numeric(appearances[col], errors="coerce").astype("Int64")
    for col in ("n_events", "n_appearances"):
        for name in ("people", "organizations"):
            if col in tables[name].columns:
                tables[name][col] = pd.to_numeric(tables[name][col], errors="coerce")
    return tables


def shortlist_from_processed(
    processed_dir: Path, *, filters=None, weights_path: Path | None = None,
    outreach_path: Path | None = None, topic: str | None = None,
    suppress_path: Path | None = None,
) -> pd.DataFrame:
    """Rank the processed tables again with `filters` (and a `topic`) and build the shortlist,
    leaving out the people `suppress_path` (a suppress.csv) names."""
    import dataclasses

    from pipeline.userfiles.weights import load_weights
    from pipeline.stages.rank import rank_people
    from pipeline.stages.shortlist import Filters, build_shortlist, scope_appearances
    from pipeline.userfiles.suppress import read_suppress

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


def write_table(table: pd.DataFrame, path: Path) -> None:
    """A derived table (a shortlist) to CSV, atomically, formulas neutralized."""
    from pipeline.run.store import write_csv

    write_csv(table, Path(path))


def write_graph(processed_dir: Path, path: Path, *, fmt: str = "graphml",
                weights_path: Path | None = None) -> tuple[int, int]:
    """Build the graph from the processed tables and write it as GraphML or GEXF."""
    import networkx as nx

    from pipeline.userfiles.weights import load_weights
    from pipeline.stages.graph import build_graph
    from pipeline.run.store import atomic_write, graph_safe, write_graphml

    tables = read_processed(processed_dir)
    graph = build_graph(tables["appearances"], tables["people"], tables["organizations"],
                        weights=load_weights(weights_path))
    if fmt == "graphml":
        write_graphml(graph, Path(path))
    else:
        with atomic_write(Path(path)) as tmp:
            nx.write_gexf(graph_safe(graph), tmp)  # no control characters in XML
    return graph.number_of_nodes(), graph.number_of_edges()

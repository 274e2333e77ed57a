"""Reading: every document extracted and recognized, from the cache or in worker processes,
and the results assembled into the documents and appearances tables."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import StrictStop
from pipeline.run.worker import DocResult, process_document
from pipeline.tables import APPEARANCE_COLUMNS, APPEARANCE_EXTRA_COLUMNS, ReadOptions

if TYPE_CHECKING:  # pandas is imported where a table is built
    import pandas as pd

logger = logging.getLogger(__name__)


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
    parsed_names: dict | None = None, options: ReadOptions = ReadOptions(),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Extract + recognize every document: from the cache, or in isolated worker processes.

    ``jobs=0`` runs in this process (no isolation; for debugging and profiling). `pool` is a
    worker pool already started (:func:`pipeline.run.executors.start_pool`) for the local executor.
    `parsed_names`, when given, receives the person names the workers took apart, for
    :func:`pipeline.stages.resolve.resolve`. `options` go to every reader, in this process,
    the workers and Dask tasks alike.
    """
    from pipeline.run.executors import Limits, call_with_limits, run_dask, run_local

    limits = limits or Limits()
    results: dict[str, DocResult] = {}
    todo: list[dict] = []
    for doc in documents.to_dict("records"):
        if doc.get("status") in ("error", "empty"):
            continue
        hit = cache.get(doc["doc_id"], doc["source_path"]) if cache is not None else None
        if hit is not None and not _same_depends(doc, hit.get("depends") or {}):
            hit = None  # a file it was joined with changed: read it again
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
    read = functools.partial(process_document, options=options)
    if executor == "dask":
        stream = run_dask(read, todo, scheduler=scheduler or "", model=model,
                          limits=limits, on_failure=_failed)
    elif jobs == 0 or not todo:
        stream = (call_with_limits(read, doc, model, limits.timeout_s)
                  for doc in todo)
    else:
        stream = run_local(read, todo, jobs=jobs, model=model, limits=limits,
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


def _same_depends(doc: dict, depends: dict) -> bool:
    """Whether the files of the document's folder a cached result was read with are unchanged."""
    from pipeline.run.inputs import depends_id

    folder = Path(doc["path"]).parent
    for name, digest in depends.items():
        try:
            if depends_id(folder, name) != digest:
                return False
        except OSError:
            return False
    return True


def _for_copy(res: DocResult, read_as: str, source_path: str) -> DocResult:
    """`res`, read from the file at `read_as`, for an identical copy at `source_path`: its
    message names the copy (issue 22: one row carried the other's message)."""
    if read_as == source_path or read_as not in res.message:
        return res
    return dataclasses.replace(res, message=res.message.replace(read_as, source_path))


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

"""Runner: loads inputs, runs the stages in order over a pool of workers, writes the outputs."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.errors import MentorMinerError, SkipDocument
from pipeline.tables import (
    APPEARANCE_COLUMNS,
    APPEARANCE_EXTRA_COLUMNS,
    DOCUMENT_COLUMNS,
    ORGANIZATION_COLUMNS,
    PEOPLE_COLUMNS,
    ROLES,
)

logger = logging.getLogger(__name__)

OUTPUT_FILES = (
    "documents.csv", "appearances.csv", "appearances.parquet", "people.csv",
    "organizations.csv", "shortlist.csv", "graph.graphml",
)


@dataclass
class DocResult:
    doc_id: str
    kind: str = ""
    pages: int | None = None
    status: str = "ok"
    message: str = ""
    event: str = ""
    year: int | None = None
    appearances: list[dict] = field(default_factory=list)


def process_document(doc: dict, *, model: str | None = None) -> DocResult:
    """Extract and recognize one document; never raises for a bad document."""
    from extractors import registry
    from pipeline.nlp import load_nlp
    from pipeline.recognize import find_appearances

    path = Path(doc["path"])
    result = DocResult(doc_id=doc["doc_id"])
    try:
        if path.stat().st_size == 0:
            result.status, result.message = "empty", f"{doc['source_path']}: empty file (0 bytes)"
            return result
        extractor = registry.get(doc["kind"]) if doc.get("kind") else registry.detect(path)
        if extractor is None:
            result.status = "error"
            result.message = (
                f"{doc['source_path']}: not a document kind mentor-miner reads "
                f"(tried: {', '.join(registry.names())})"
            )
            return result
        result.kind = extractor.name
        logger.debug("%s: extractor %s", doc["source_path"], extractor.name)
        extraction = extractor.extract(path)
        result.pages = extraction.pages
        result.status, result.message = extraction.status, extraction.message
        # Only what the file's content says: the result is cached by content hash, and
        # _assemble lays the path and sources.csv metadata over it.
        result.event, result.year = extraction.event or "", extraction.year
        text_blocks = [b for b in extraction.blocks if not b.is_record]
        nlp = load_nlp(model) if text_blocks else None
        found = find_appearances(extraction.blocks, nlp=nlp, event=result.event, year=result.year)
        for app in found:
            row = asdict(app)
            if row["role"] not in ROLES:
                continue
            result.appearances.append(row)
    except SkipDocument as e:
        result.status, result.message = "error", f"{doc['source_path']}: {e}"
    except MentorMinerError as e:
        result.status = "error"
        result.message = f"{doc['source_path']}: {e}".replace(f"{path}: ", "")
    except MemoryError:
        result.status = "error"
        result.message = f"{doc['source_path']}: exceeded the per-document memory ceiling"
    except Exception as e:  # noqa: BLE001 - one bad document must not stop the run
        logger.debug("unexpected failure on %s", path, exc_info=True)
        result.status = "error"
        result.message = f"{doc['source_path']}: unexpected {type(e).__name__}: {e}"
    return result


def _failed(doc: dict, reason: str) -> DocResult:
    return DocResult(doc_id=doc["doc_id"], status="error",
                     message=f"{doc['source_path']}: {reason}")


def extract_all(
    documents: pd.DataFrame, *, jobs: int = 1, model: str | None = None,
    progress: Callable[[int], None] | None = None, cache=None, limits=None,
    executor: str = "local", scheduler: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Extract + recognize every document: from the cache, or in isolated worker processes.

    ``jobs=0`` runs in this process (no isolation; for debugging and profiling).
    """
    from pipeline.executors import Limits, call_with_limits, run_dask, run_local

    limits = limits or Limits()
    results: dict[str, DocResult] = {}
    todo: list[dict] = []
    for doc in documents.to_dict("records"):
        if doc.get("status") == "error":
            continue
        hit = cache.get(doc["doc_id"], doc["source_path"]) if cache is not None else None
        if hit is not None:
            results[doc["source_path"]] = DocResult(**hit)
            if progress:
                progress(1)
        else:
            todo.append(doc)
    by_id = {}
    if executor == "dask":
        stream = run_dask(process_document, todo, scheduler=scheduler or "", model=model,
                          limits=limits, on_failure=_failed)
    elif jobs == 0 or not todo:
        stream = (call_with_limits(process_document, doc, model, limits.timeout_s)
                  for doc in todo)
    else:
        stream = run_local(process_document, todo, jobs=jobs, model=model, limits=limits,
                           on_failure=_failed)
    for doc in todo:
        by_id.setdefault(doc["doc_id"], []).append(doc)
    for res in stream:
        for doc in by_id.get(res.doc_id, []):
            results[doc["source_path"]] = res
            if cache is not None and res.status != "error":
                cache.put(doc["doc_id"], doc["source_path"], asdict(res))
        if progress:
            progress(1)
    return _assemble(documents, results)


def _assemble(documents: pd.DataFrame, results: dict[str, DocResult]):
    documents = documents.copy()
    rows: list[dict] = []
    for i, doc in documents.iterrows():
        res = results.get(doc["source_path"])
        if res is None:
            continue
        documents.at[i, "kind"] = res.kind or doc["kind"]
        documents.at[i, "pages"] = res.pages
        documents.at[i, "status"] = res.status
        documents.at[i, "message"] = res.message
        documents.at[i, "appearances"] = len(res.appearances)
        if not doc.get("event"):
            documents.at[i, "event"] = res.event
        # Year: sources.csv, else what the document says, else the path.
        override = bool(doc.get("year_override"))
        year = doc["year"] if override or res.year is None else res.year
        documents.at[i, "year"] = year
        for n, app in enumerate(res.appearances):
            app = dict(app)
            app["appearance_id"] = hashlib.sha1(
                f"{doc['doc_id']}:{doc['source_path']}:{n}".encode()
            ).hexdigest()[:12]
            app["doc_id"] = doc["doc_id"]
            app["source_path"] = doc["source_path"]
            app["association"] = doc["association"]
            # A record's own year (an award list spans decades) wins over the document's.
            own = app.get("year")
            if own is None or pd.isna(own) or (override and own == res.year):
                app["year"] = year
            app["event"] = app.get("event") or documents.at[i, "event"] or ""
            app["person_id"], app["org_id"] = "", ""
            rows.append(app)
    appearances = pd.DataFrame(rows, columns=[*APPEARANCE_COLUMNS, *APPEARANCE_EXTRA_COLUMNS])
    for col in appearances.columns:
        if col not in ("page", "year"):
            appearances[col] = appearances[col].fillna("").astype(str)
    appearances["page"] = pd.to_numeric(appearances["page"], errors="coerce").astype("Int64")
    appearances["year"] = pd.to_numeric(appearances["year"], errors="coerce").astype("Int64")
    documents["pages"] = pd.to_numeric(documents["pages"], errors="coerce").astype("Int64")
    documents["year"] = pd.to_numeric(documents["year"], errors="coerce").astype("Int64")
    documents["appearances"] = documents["appearances"].fillna(0).astype(int)
    return documents, appearances


@dataclass
class RunResult:
    documents: pd.DataFrame
    appearances: pd.DataFrame
    people: pd.DataFrame
    organizations: pd.DataFrame
    shortlist: pd.DataFrame
    out_dir: Path


def run_pipeline(
    raw_dir: Path, out_dir: Path, *, jobs: int = 1, model: str | None = None,
    weights_path: Path | None = None, progress_factory=None, top: int | None = None,
    cache_dir: Path | None = None, limits=None, executor: str = "local",
    scheduler: str | None = None, overrides_dir: Path | None = None,
) -> RunResult:
    """Every stage in order; outputs are written to a temporary folder and swapped in at the end."""
    from pipeline.config import load_weights
    from pipeline.corpus import discover
    from pipeline.graph import build_graph
    from pipeline.rank import rank_people
    from pipeline.resolve import resolve
    from pipeline.shortlist import build_shortlist
    from pipeline.store import output_lock

    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    if not raw_dir.is_dir():
        raise MentorMinerError(f"{raw_dir}: input folder not found.")
    weights = load_weights(weights_path)
    with output_lock(out_dir):
        documents = discover(raw_dir)
        cache = None
        if cache_dir is not None:
            from pipeline.cache import DocumentCache

            cache = DocumentCache(cache_dir, salt=f"model={model or ''}")
        options = dict(jobs=jobs, model=model, cache=cache, limits=limits, executor=executor,
                       scheduler=scheduler)
        if progress_factory is not None:
            with progress_factory(len(documents)) as advance:
                documents, appearances = extract_all(documents, progress=advance, **options)
        else:
            documents, appearances = extract_all(documents, **options)
        if cache is not None:
            logger.info("cache: %d documents reused, %d read", cache.hits, cache.misses)
        logger.info("appearances: %d rows from %d documents", len(appearances), len(documents))
        appearances, people, organizations = resolve(appearances, overrides_dir=overrides_dir)
        graph = build_graph(appearances, people, organizations)
        scores = rank_people(appearances, graph, weights=weights)
        shortlist = build_shortlist(appearances, people, organizations, scores, top=top)
        write_outputs(out_dir, documents=documents, appearances=appearances, people=people,
                      organizations=organizations, shortlist=shortlist, graph=graph)
    return RunResult(documents, appearances, people, organizations, shortlist, out_dir)


def write_outputs(out_dir: Path, *, documents, appearances, people, organizations, shortlist,
                  graph) -> None:
    """Write every table into a temporary folder, then move each file into `out_dir`."""
    import networkx as nx

    from pipeline.store import write_csv, write_parquet

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".staging-", dir=out_dir) as staging:
        stage = Path(staging)
        write_csv(documents[list(DOCUMENT_COLUMNS)], stage / "documents.csv")
        write_csv(appearances, stage / "appearances.csv")
        write_parquet(appearances, stage / "appearances.parquet")
        write_csv(people[list(PEOPLE_COLUMNS)], stage / "people.csv")
        write_csv(organizations[list(ORGANIZATION_COLUMNS)], stage / "organizations.csv")
        write_csv(shortlist, stage / "shortlist.csv")
        nx.write_graphml(_graphml_safe(graph), stage / "graph.graphml")
        for name in OUTPUT_FILES:
            os.replace(stage / name, out_dir / name)


def _graphml_safe(graph):
    """GraphML wants one scalar type per attribute; a MultiDiGraph keeps parallel role edges."""
    return graph

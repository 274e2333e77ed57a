"""Runner: loads inputs, runs the stages in order over a pool of workers, writes the outputs."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
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
        result.event = extraction.event or doc.get("event") or ""
        result.year = doc.get("year") if pd.notna(doc.get("year")) else extraction.year
        if doc.get("year") is None or pd.isna(doc.get("year")):
            result.year = extraction.year
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
    except Exception as e:  # noqa: BLE001 - one bad document must not stop the run
        logger.debug("unexpected failure on %s", path, exc_info=True)
        result.status = "error"
        result.message = f"{doc['source_path']}: unexpected {type(e).__name__}: {e}"
    return result


def _worker(args: tuple[dict, str | None]) -> DocResult:
    doc, model = args
    return process_document(doc, model=model)


def extract_all(
    documents: pd.DataFrame, *, jobs: int = 1, model: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run extract + recognize over every document (in a process pool when jobs > 1)."""
    docs = documents.to_dict("records")
    todo = [(d, model) for d in docs if d.get("status") != "error"]
    results: dict[str, DocResult] = {}
    if jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for res in pool.map(_worker, todo, chunksize=1):
                results[res.doc_id] = res
                if progress:
                    progress(1)
    else:
        for item in todo:
            res = _worker(item)
            results[res.doc_id] = res
            if progress:
                progress(1)
    return _assemble(documents, results)


def _assemble(documents: pd.DataFrame, results: dict[str, DocResult]):
    documents = documents.copy()
    rows: list[dict] = []
    for i, doc in documents.iterrows():
        res = results.get(doc["doc_id"])
        if res is None:
            continue
        documents.at[i, "kind"] = res.kind or doc["kind"]
        documents.at[i, "pages"] = res.pages
        documents.at[i, "status"] = res.status
        documents.at[i, "message"] = res.message
        documents.at[i, "appearances"] = len(res.appearances)
        if not doc.get("event"):
            documents.at[i, "event"] = res.event
        year = doc["year"] if pd.notna(doc["year"]) else res.year
        documents.at[i, "year"] = year
        for n, app in enumerate(res.appearances):
            app = dict(app)
            app["appearance_id"] = hashlib.sha1(
                f"{doc['doc_id']}:{n}".encode()
            ).hexdigest()[:12]
            app["doc_id"] = doc["doc_id"]
            app["source_path"] = doc["source_path"]
            app["association"] = doc["association"]
            app["year"] = year if pd.notna(year) else app.get("year")
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
        if progress_factory is not None:
            with progress_factory(len(documents)) as advance:
                documents, appearances = extract_all(
                    documents, jobs=jobs, model=model, progress=advance
                )
        else:
            documents, appearances = extract_all(documents, jobs=jobs, model=model)
        logger.info("appearances: %d rows from %d documents", len(appearances), len(documents))
        appearances, people, organizations = resolve(appearances)
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

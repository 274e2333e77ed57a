"""Worker: the per-document stage (extract + recognize), run in worker processes.

Nothing here imports pandas: a worker started before the main process has loaded its
libraries reads documents without them.
"""

from __future__ import annotations

import gc
import logging
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import MentorMinerError, SkipDocument
from pipeline.run.inputs import depends_id
from pipeline.tables import ROLES, Appearance, ReadOptions

if TYPE_CHECKING:
    from extractors.registry import Extraction

logger = logging.getLogger(__name__)

_APPEARANCE_FIELDS = tuple(f.name for f in fields(Appearance))


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
    # Files of the same folder the result was read with (a join by id), by name -> content id:
    # a cached result whose files changed is read again.
    depends: dict = field(default_factory=dict)
    # The document's person names taken apart (`pipeline.text.names.parse_name`), so resolve does
    # not parse them again in the one main process. Not cached: resolve code may change.
    parsed_names: dict = field(default_factory=dict)

    def cached(self) -> dict:
        """What the cache keeps of this result."""
        return {k: v for k, v in vars(self).items() if k != "parsed_names"}


@dataclass
class Extracted:
    """What extracting one document gives recognize: the blocks table and what the reader said.

    `kind` is "" and `message` says why when no reader takes the file."""

    kind: str
    extraction: Extraction | None
    message: str = ""


def extract_document(doc: dict, *, options: ReadOptions = ReadOptions()) -> Extracted:
    """Extract one document (`doc`: a row of the documents table with its `path`) into blocks.

    Raises what the reader raises for a bad file (:class:`pipeline.errors.MentorMinerError`);
    :func:`process_document` turns that into the document's status.
    """
    from extractors import registry

    path = Path(doc["path"])
    head = registry.read_head(path)
    extractor = registry.get(doc["kind"], options) if doc.get("kind") else \
        registry.detect(path, head, options)
    if extractor is None:
        return Extracted("", None, f"{doc['source_path']}: not a document kind mentor-miner "
                         f"reads; {registry.describe(path, head)} (tried: "
                         f"{', '.join(registry.names())})")
    logger.debug("%s: extractor %s", doc["source_path"], extractor.name)
    mislabeled = _mislabeled(path, extractor.name, head)
    extraction = extractor.extract(path)
    if mislabeled:
        extraction.message = "; ".join(filter(None, [mislabeled, extraction.message]))
    return Extracted(extractor.name, extraction)


def _document_nlp(blocks: list, model: str | None):
    """The NER for a document's text: the model of its language when it is printed in French,
    German or Spanish and one is installed (pipeline.text.nlp.LANGUAGE_MODELS), else the
    English one (`model`)."""
    from pipeline.text.language import SAMPLE, guess_language
    from pipeline.text.nlp import load_language_nlp, load_nlp

    sample, size = [], 0
    for block in blocks:
        if size >= SAMPLE:
            break
        sample.append(block.text)
        size += len(block.text)
    language = guess_language("\n".join(sample))
    return (load_language_nlp(language) if language != "en" else None) or load_nlp(model)


def process_document(doc: dict, *, model: str | None = None,
                     options: ReadOptions = ReadOptions()) -> DocResult:
    """Extract and recognize one document; never raises for a bad document."""
    from pipeline.stages.recognize import find_appearances

    path = Path(doc["path"])
    result = DocResult(doc_id=doc["doc_id"])
    try:
        if path.stat().st_size == 0:
            result.status, result.message = "empty", f"{doc['source_path']}: empty file (0 bytes)"
            return result
        extracted = extract_document(doc, options=options)
        if extracted.extraction is None:
            result.status, result.message = "error", extracted.message
            return result
        result.kind, extraction = extracted.kind, extracted.extraction
        if changed := _changed_while_read(doc, path):
            result.status, result.message = "error", changed
            return result
        result.pages = extraction.pages
        result.status, result.message = extraction.status, extraction.message
        # Only what the file's content says: the result is cached by content hash, and
        # _assemble lays the path and sources.csv metadata over it.
        result.event, result.year = extraction.event or "", extraction.year
        result.depends = {name: depends_id(path.parent, name)
                          for name in extraction.extra.get("depends", ())}
        text_blocks = [b for b in extraction.blocks if not b.is_record]
        nlp = _document_nlp(text_blocks, model) if text_blocks else None
        found = find_appearances(extraction.blocks, nlp=nlp, event=result.event, year=result.year)
        for app in found:
            row = {name: getattr(app, name) for name in _APPEARANCE_FIELDS}  # asdict, shallow
            if row["role"] not in ROLES:
                continue
            result.appearances.append(row)
        result.parsed_names = _parse_names(row["person_name"] for row in result.appearances)
        if result.status in ("ok", "empty") and not result.appearances:
            result.status = "empty"
            result.message = nothing_found(doc["source_path"], result.kind,
                                           extraction.blocks, pages=extraction.pages,
                                           note=result.message)
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


def _changed_while_read(doc: dict, path: Path) -> str:
    """Why the file's result cannot be trusted, when it changed since discover took its id (a
    download still being written): its content is not the one the id and the cache name."""
    from pipeline.run.inputs import file_stamp

    if not doc.get("stamp"):
        return ""
    try:
        now = file_stamp(path)
    except OSError:
        now = "gone"
    if now == doc["stamp"]:
        return ""
    return (f"{doc['source_path']}: the file changed while it was being read (a download or "
            "copy still in progress?); run again when it is complete")


def nothing_found(source_path: str, kind: str, blocks, *, pages: int | None = None,
                  note: str = "") -> str:
    """The message of a document that was read but named nobody: what was found, what read it.

    >>> nothing_found("a/x.json", "structured_data", [], note="no field holding names")
    'a/x.json: no field holding names (read as structured_data)'
    """
    if note.startswith(f"{source_path}: "):
        note = note[len(source_path) + 2:]
    records = sum(1 for block in blocks if block.is_record)
    text_pages = {block.page for block in blocks if not block.is_record and block.page}
    if text_pages:
        found = f"text on {len(text_pages)} page{'s' * (len(text_pages) != 1)}"
        if pages and pages > len(text_pages):
            found += f" of {pages}"
    elif blocks:
        lines = len(blocks) - records
        found = ", ".join(filter(None, [
            f"{records} record{'s' * (records != 1)}" if records else "",
            f"{lines} line{'s' * (lines != 1)} of text" if lines else ""]))
    elif note:  # the extractor said what it found (keys of a structured file, ...)
        return f"{source_path}: {note} (read as {kind})"
    else:
        found = "no text found"
    hint = _garbled(blocks) or _schedule_grid(blocks)
    message = f"{source_path}: {found}, no people or organizations found (read as {kind})"
    return "; ".join(filter(None, [message, hint, note]))


_TIME_RE = re.compile(r"^\W*\d{1,2}[:.h]\d\d\b")


def _garbled(blocks) -> str:
    """A note when the text is mostly not letters or digits: a font printed without its
    character map gives `$$$$ $$$` for words, which no reader can take names from. The count
    is :func:`extractors.ocr.readable_share`, the one that sends such a page to OCR, so the
    note's promise holds."""
    from extractors.ocr import readable_share

    text = "".join(block.text for block in blocks if not block.is_record)
    share = readable_share(text) if len(text) >= 50 else None
    if share is not None and share < 0.5:
        return (f"only {int(100 * share)}% of its characters are letters or digits: the text "
                "layer is garbled (fonts without a character map?), --ocr may read it")
    return ""


def _schedule_grid(blocks) -> str:
    """'mostly times and short cells: a schedule grid' when the text looks like one."""
    texts = [block.text for block in blocks if not block.is_record and block.text]
    if len(texts) < 10:
        return ""
    times = sum(1 for text in texts if _TIME_RE.match(text))
    short = sum(1 for text in texts if len(text.split()) <= 3)
    if times >= 0.15 * len(texts) and short >= 0.5 * len(texts):
        return "layout: a schedule grid (mostly times and short cells)"
    return ""


def _mislabeled(path: Path, kind: str, head: bytes) -> str:
    """A note when the content chose another kind than the extension suggests."""
    from extractors.registry import extension_mismatch

    mismatch = extension_mismatch(path, head)
    return f"read as {kind}: {mismatch}" if mismatch else ""


def _parse_names(printed) -> dict:
    """`parse_name` of each distinct printed person name that is not program text."""
    from pipeline.text.names import is_program_text, parse_name

    parsed = {}
    for name in printed:
        if name and name.strip() and name not in parsed and not is_program_text(name):
            try:
                parsed[name] = parse_name(name)
            except Exception:  # noqa: BLE001 - an aid to resolve, never the document's failure
                logger.debug("cannot parse %r here; resolve will try", name, exc_info=True)
    return parsed


def import_readers() -> None:
    """Import the code that reading a document runs (extractors, recognition, spaCy), without
    loading a model: for a worker's warm-up, and for the fork server that forks workers."""
    import spacy  # noqa: F401
    import spacy.lang.en  # noqa: F401
    import spacy.pipeline  # noqa: F401

    import extractors.registry  # noqa: F401
    import pipeline.stages.recognize  # noqa: F401
    import pipeline.text.names  # noqa: F401


def warm_up(model: str | None = None) -> None:
    """Load what reading a document needs (extractors, the spaCy model) before the first one
    arrives. A failure here is no failure: the document that needs the model reports it."""
    try:
        import_readers()
        from pipeline.text.nlp import load_nlp

        load_nlp(model)
    except Exception:  # noqa: BLE001 - reported by the first document that needs it
        logger.debug("worker warm-up failed", exc_info=True)
    # What is loaded now lives as long as the worker: the cyclic collector need not walk the
    # model's objects again at every collection (0.3 s -> 0.13 s of GC on the 18 PDFs).
    gc.freeze()
    # A document makes few reference cycles and many short-lived objects: the youngest
    # generation is collected every 10,000 allocations instead of 700 (541 collections, 0.13 s,
    # on the 18 PDFs become 19 collections, 0.05 s).
    gc.set_threshold(10_000, 20, 20)

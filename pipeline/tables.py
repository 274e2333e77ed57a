"""Row types and column orders of every table the pipeline reads and writes (DESIGN.md §3)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields

ROLES = (
    "keynote",
    "speaker",
    "panelist",
    "moderator",
    "chair",
    "organizer",
    "committee",
    "board",
    "award_recipient",
    "sponsor",
    "exhibitor",
)
ORG_ROLES = frozenset({"sponsor", "exhibitor"})
STATUSES = ("ok", "empty", "scanned", "error")

DOCUMENT_COLUMNS = (
    "doc_id", "source_path", "kind", "association", "year", "pages", "status", "message",
    "appearances",
)
# sources.csv, the user's metadata beside the documents (README "Your own downloads").
SOURCES_COLUMNS = (
    "source_path", "association", "year", "event", "kind", "industry", "profession",
)
APPEARANCE_COLUMNS = (
    "appearance_id", "doc_id", "source_path", "page", "role", "person_name", "person_id",
    "org_name", "org_id", "title", "session", "award", "sponsor_tier", "booth", "association",
    "event", "year", "method", "snippet",
)
# Columns kept beside the contract ones: the contract is a minimum, not a maximum.
APPEARANCE_EXTRA_COLUMNS = ("source_person_id",)
PEOPLE_COLUMNS = (
    "person_id", "name", "variants", "organization", "title", "n_appearances", "n_events",
    "n_associations", "first_year", "last_year", "roles",
)
# Beside the contract's: what links a person's appearances across documents (issue 20).
PEOPLE_EXTRA_COLUMNS = ("link_evidence",)
ORGANIZATION_COLUMNS = ("org_id", "name", "variants", "kind", "n_appearances", "n_events", "roles")
SHORTLIST_COLUMNS = (
    "rank", "person_id", "name", "organization", "title", "mentor_type", "score", "n_events",
    "n_associations", "years", "roles", "why", "evidence",
)
GRAPH_NODE_TYPES = ("person", "organization", "event", "association", "award")


# `Block.role_hint` of the text OCR read in a logo: it may name an organization, never a person.
LOGO_HINT = "logo"


@dataclass(frozen=True)
class Block:
    """One unit of extracted text: a PDF line, a table cell, a record of a structured file.

    Coordinates use pdfplumber's names (``x0``, ``top``) so a suspicious row can be checked with
    ``page.to_image()``. Structured extractors that already know who is named fill
    ``person_name``/``org_name``/``role`` and recognize passes them through without NER.
    """

    text: str
    page: int | None = None
    x0: float | None = field(default=None, compare=False)
    top: float | None = field(default=None, compare=False)
    x1: float | None = field(default=None, compare=False)
    bottom: float | None = field(default=None, compare=False)
    size: float | None = field(default=None, compare=False)
    bold: bool = field(default=False, compare=False)
    section: str = ""
    role_hint: str = ""
    session: str = ""
    # Filled by structured extractors only.
    person_name: str = ""
    org_name: str = ""
    title: str = ""
    role: str = ""
    award: str = ""
    sponsor_tier: str = ""
    booth: str = ""
    event: str = ""
    year: int | None = None
    source_person_id: str = ""
    snippet: str = ""
    # Which reader and field found a structured record (`tree:speakers`), for `method`.
    method: str = field(default="", compare=False)

    @property
    def is_record(self) -> bool:
        return bool(self.role and (self.person_name or self.org_name))

    def to_dict(self) -> dict:
        return asdict(self)


BLOCK_COLUMNS = tuple(f.name for f in fields(Block))


@dataclass(frozen=True)
class Appearance:
    """A person or organization named in a role in one document.

    Provenance is kept on the row but left out of equality, so two appearances of the same name
    in the same role compare equal wherever they were found.
    """

    role: str
    person_name: str = ""
    org_name: str = ""
    title: str = ""
    session: str = ""
    award: str = ""
    sponsor_tier: str = ""
    booth: str = ""
    event: str = ""
    year: int | None = None
    method: str = field(default="", compare=False)
    snippet: str = field(default="", compare=False)
    page: int | None = field(default=None, compare=False)
    source_person_id: str = field(default="", compare=False)


@dataclass(frozen=True)
class ReadOptions:
    """How documents are read: the options of `run` that change a document's result, carried as
    an argument from the command line to every reader (in worker processes and Dask tasks too),
    never through the environment.

    `ocr` reads pictures of text with Tesseract (`run --ocr`); `careful_pdf` reads PDFs with
    pdfminer's layout analysis instead of the fast pypdfium2 path.

    >>> ReadOptions(ocr=True).key()
    'ocr=1'
    >>> ReadOptions().key()
    ''
    """

    ocr: bool = False
    careful_pdf: bool = False

    def key(self) -> str:
        """The options that are on, as text for the cache key and the up-to-date check."""
        return ";".join(f"{f.name}=1" for f in fields(self) if getattr(self, f.name))


def stable_id(prefix: str, key: str) -> str:
    """Id from a canonical key, never from row order: `stable_id("p", "jane doe")`."""
    return f"{prefix}{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"

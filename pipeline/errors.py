"""Every exception mentor-miner raises, under one base class."""

from __future__ import annotations

from pathlib import Path


class MentorMinerError(Exception):
    """Base class of all mentor-miner errors."""


class ExtractionError(MentorMinerError):
    """A document could not be read. The message names the file, the page if known, and why."""

    def __init__(self, path: Path | str, reason: str, page: int | None = None):
        self.path = str(path)
        self.page = page
        self.reason = reason
        where = f"{self.path}, page {page}" if page else self.path
        super().__init__(f"{where}: {reason}")


class SkipDocument(MentorMinerError):
    """An extractor decided a document is not its kind."""


class UnknownExtractor(MentorMinerError, KeyError):
    """A misspelt or unregistered extractor name."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class ModelNotFound(MentorMinerError):
    """No spaCy English model is installed."""


class ParseError(MentorMinerError, ValueError):
    """A line could not be parsed by one of the line parsers."""


class OutputLocked(MentorMinerError):
    """Another run is writing to the same output folder."""


class OutputNotWritten(MentorMinerError):
    """The system refused to write the outputs (disk full, read-only): not the user's mistake."""


class Unreachable(MentorMinerError):
    """A service the run needs (a Dask scheduler) does not answer: maybe down, maybe a typo."""


class SchemaError(MentorMinerError):
    """A table read from disk lacks the columns its row type needs."""


class UnknownFilterValue(MentorMinerError):
    """A filter names a value the tables do not hold (an association never downloaded): a
    mistake of the user's to correct (exit 2)."""


class StrictStop(MentorMinerError):
    """--strict: a document failed, so the run stops before writing anything."""

"""The stages: pure functions over tables, in the order a run calls them (DESIGN.md §2).

None of them reads or writes a file, starts a process or looks at the environment: what they
need from disk (the documents' blocks, the user's overrides, outreach notes and weights) is
handed to them as values by :mod:`pipeline.run`, which also decides what runs in which process.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple


class Stage(NamedTuple):
    """One stage: its name, its function (`module:function` under this package) and what it
    makes."""

    name: str
    function: str
    makes: str

    def load(self) -> Callable:
        """The stage's function (imported now: a stage's libraries load only when it runs)."""
        module, _, name = self.function.partition(":")
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)


STAGES = (
    Stage("discover", "discover:document_rows",
          "one row per input file: its content id, association, year and kind"),
    Stage("recognize", "recognize:find_appearances",
          "the people and organizations in roles of one document's blocks (per document, in "
          "the workers, after its extractor)"),
    Stage("resolve", "resolve:resolve",
          "one row per person and per organization, ids stable across runs"),
    Stage("vendors", "vendors:rank_vendors",
          "sponsors, exhibitors and consultancies ranked by recurrence"),
    Stage("graph", "graph:build_graph",
          "people, organizations, events, associations and awards as one graph"),
    Stage("rank", "rank:rank_people", "a score per person, every component its own column"),
    Stage("shortlist", "shortlist:build_shortlist",
          "candidate mentors best first, with a mentor type, a reason and evidence"),
)

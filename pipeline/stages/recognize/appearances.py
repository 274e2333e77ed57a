"""The recognize stage: one document's blocks in, its appearances out."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import replace

from pipeline.stages.recognize.confirmation import confirm_candidates
from pipeline.stages.recognize.directory import directory_pages
from pipeline.stages.recognize.people import common_words, merge_stacked
from pipeline.stages.recognize.reader import LayoutReader
from pipeline.stages.recognize.unread import (
    NER_HINT,
    ner_proposed,
    new_people,
    silent_lines,
    unread_pages,
)
from pipeline.tables import Appearance, Block
from pipeline.text.lines import join_small_caps, looks_like_org, title_like

logger = logging.getLogger(__name__)

# Lines of names below paper titles that make a document's layout `title / authors`.
AUTHOR_LAYOUT_MIN = 10


def find_appearances(
    blocks: Iterable[Block], *, nlp=None, event: str = "", year: int | None = None
) -> list[Appearance]:
    """One `Appearance` per person or organization named in a role in one document's blocks.

    Structured blocks pass straight through; text blocks go through the layout-cue state
    machine (headings, bold session labels, `Chair:` labels, sponsor tiers) and the line
    parsers, and candidate names are confirmed by NER when `nlp` is given.
    """
    blocks = [b if b.is_record else _small_caps_joined(b) for b in blocks]
    proposed = [b for b in blocks if b.role_hint == NER_HINT]
    common = common_words(blocks)
    if proposed:
        blocks = [b for b in blocks if b.role_hint != NER_HINT]
    reader = LayoutReader(nlp=nlp, event=event, year=year, common=common)
    # Exhibitor directories are read by position; their address lines name nobody.
    listed, directory = directory_pages(blocks, event=event, year=year)
    reader.candidates.extend((app, "strong", 0) for app in listed)
    blocks = merge_stacked([b for b in blocks if b.is_record or b.page not in directory])
    for block in blocks:
        reader.read(block)
    # One name below a title is an author only where titles with author lines are the layout.
    contexts = reader.contexts if reader.author_lines >= AUTHOR_LAYOUT_MIN else {}
    found = confirm_candidates(reader.candidates, nlp, contexts, reader.pairs) + ner_proposed(
        proposed, nlp, common, event=event, year=year)
    found += ner_proposed(unread_pages(blocks, found, reader.awarded), nlp, common, event=event,
                          year=year, known_names=True)
    found += new_people(ner_proposed(silent_lines(reader.visited, found), nlp, common,
                                     event=event, year=year, known_names=True, dense=True),
                        found)
    titles = _titles_layout(found)
    return [_talk_not_org(app, titles) for app in found]


def _small_caps_joined(block: Block) -> Block:
    text = join_small_caps(block.text)
    return block if text == block.text else replace(block, text=text)


# A talk's title in the organization slot (`Ann Lee, Bo Chen Case Filtering: A Study Using
# Machine Learning [short]`, `Ann Lee, Preconditioning 4D-Var: A Parallel Implementation`; the
# programs of householder 2025 and JURIX 2018): a subtitle after a colon, or a paper-kind tag.
_TALK_TAG_RE = re.compile(r"[\[(](?:short|long|full|demo|poster|position)(?: paper)?[\])]", re.I)
_SUBTITLE_RE = re.compile(r"\w: +[A-Z]\w*(?: +\S+){2,}")


# A document whose `Name, …` slots mostly hold talk titles prints `Name, Title`: at least this
# share of the slots without an organization word read as titles, and at least this many.
TITLE_LAYOUT_SHARE, TITLE_LAYOUT_MIN = 0.6, 3


def _titles_layout(found: list[Appearance]) -> bool:
    """Whether the document prints `Name, Title` rather than `Name, Organization`: most of
    its distinct organization slots without an organization word read as talk titles (the
    programs of householder 2025 and JURIX 2018)."""
    slots = {app.org_name for app in found if app.person_name and app.org_name
             and not looks_like_org(app.org_name)}
    titled = sum(map(title_like, slots))
    return titled >= TITLE_LAYOUT_MIN and titled >= TITLE_LAYOUT_SHARE * len(slots)


_ORG_DASH_RE = re.compile(r"\s+[–—]\s+")


def _talk_not_org(app: Appearance, titles: bool = False) -> Appearance:
    """A person's appearance whose organization reads as a talk title: the title goes to the
    session (when it has none) and the organization is left empty. In a `Name, Title`
    document (`titles`) every slot without an organization word is a title."""
    org = app.org_name
    dashed = _ORG_DASH_RE.split(org) if app.person_name else []
    if len(dashed) == 2 and (looks_like_org(dashed[0]) or len(dashed[0].split()) <= 3 and all(
            w[:1].isupper() for w in dashed[0].split())) and not looks_like_org(dashed[1]) and (
            title_like(dashed[1])):
        # `Ann Lee, Acme University — Rivers of data`: the talk's title after the dash
        return replace(app, org_name=dashed[0].strip(), session=app.session or dashed[1].strip())
    if not (app.person_name and org) or looks_like_org(org) or not (
            titles or _TALK_TAG_RE.search(org) or _SUBTITLE_RE.search(org)):
        return app
    return replace(app, org_name="", session=app.session or org)

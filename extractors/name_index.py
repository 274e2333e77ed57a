"""Name indexes (`SURNAME Given`, `Surname, Given ... 12, 45`): a page's participants.

An index of names lists every participant once, in catalogue order, often with the pages or
sessions where they appear. Its lines are not program lines (no role label, no organization),
so they are read here: a run of at least `MIN_RUN` lines of one index shape becomes records of
the event's participants, each named in Given Family order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.tables import Block
from pipeline.text.lines import looks_like_name, looks_like_org

MIN_RUN = 5
_TOKEN = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-À-ÿĀ-ž]*\.?"
_REF = r"(?:\d{1,4}[a-z]?|[A-Z]{1,3}\d{1,3})"  # a page (`12`, `45a`) or a session (`S3`)
_REFS = rf"(?:\s*[.…·_\s]*\s*{_REF}(?:\s*[,;–-]\s*{_REF})*)?"
# `Smith, John A. 12, 45` / `van der Berg, Anna ..... 7`
COMMA_RE = re.compile(rf"^(?P<family>(?:[a-z]+\s+)*{_TOKEN}(?:[\s-]{_TOKEN})?),\s+"
                      rf"(?P<given>{_TOKEN}(?:\s+{_TOKEN}){{0,2}}){_REFS}\s*$")
# `SMITH John 12` / `DE LA CRUZ Maria`
CAPS_RE = re.compile(r"^(?P<family>(?:[A-ZÀ-ÖØ-ÞĀ-Ž'’\-]{2,}\s+){0,2}[A-ZÀ-ÖØ-ÞĀ-Ž'’\-]{2,})\s+"
                     rf"(?P<given>{_TOKEN}(?:[\s-]{_TOKEN}){{0,2}}){_REFS}\s*$")


def index_name(line: str) -> str:
    """The name of an index line in Given Family order, or ''.

    >>> index_name("Smith, John A. 12, 45"), index_name("DE LA CRUZ Maria 7")
    ('John A. Smith', 'Maria De La Cruz')
    >>> index_name("Keynote: Ann Lee"), index_name("Registration desk opens")
    ('', '')
    """
    text = " ".join(line.split())
    for pattern in (COMMA_RE, CAPS_RE):
        match = pattern.match(text)
        if not match:
            continue
        family = match["family"]
        if pattern is CAPS_RE or family.isupper():
            family = " ".join(w.capitalize() if w.isupper() else w for w in family.split())
        name = f"{match['given']} {family}"
        if looks_like_org(name) or looks_like_org(match["family"]) or not looks_like_name(name):
            return ""
        return name
    return ""


def index_blocks(lines: Sequence[str], *, section: str = "", source: str = "index"
                 ) -> dict[int, Block]:
    """Index lines among `lines` (by position) as participant records, only inside runs of at
    least MIN_RUN consecutive index lines (so a lone `Smith, John` in prose is left alone)."""
    names = [index_name(line) for line in lines]
    out: dict[int, Block] = {}
    i = 0
    while i < len(names):
        if not names[i]:
            i += 1
            continue
        j = i
        while j < len(names) and names[j]:
            j += 1
        if j - i >= MIN_RUN:
            for k in range(i, j):
                out[k] = Block(text=lines[k], person_name=names[k], role="speaker",
                               section=section, snippet=" ".join(lines[k].split())[:300],
                               method=f"{source}:name-index")
        i = j
    return out


def with_index_records(blocks: list[Block], *, source: str) -> list[Block]:
    """`blocks` with the lines of any name index replaced by participant records; a heading
    or a record ends a run."""
    out = list(blocks)
    run: list[int] = []
    for i in [*range(len(blocks)), None]:
        if i is not None and not blocks[i].is_record and blocks[i].role_hint != "heading":
            run.append(i)
            continue
        found = index_blocks([blocks[k].text for k in run], source=source) if run else {}
        for k, record in found.items():
            original = blocks[run[k]]
            out[run[k]] = Block(**{**record.to_dict(), "page": original.page,
                                   "section": original.section})
        run = []
    return out

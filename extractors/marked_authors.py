"""Author lists with the presenting author marked (`Ann Lee\\*, Bo Chen. A Title.`) as records.

Poster and abstract lists print every author of a work and mark the one who presents it with
an asterisk; the presenters are the event's speakers, the co-authors are not. Names come as
printed (`Ann Lee`) or in catalogue order (`Lee A`, `Lee, A.B.`), which is turned to
`A Lee`, `A.B. Lee`.
"""

from __future__ import annotations

import re

from extractors.records import person_name
from extractors.tree_people import is_person, name_shaped
from extractors.tree_walk import blocks_from_tree
from pipeline.tables import Block

# A mark right after a name (`Ou\*,`, `Walters JR*.`, `Sariya\* and`), never inside a word.
MARK_RE = re.compile(r"(?<=[\w.)])\\?\*(?=\s*(?:,|;|\.|\band\b|&|$))")
INITIALS_RE = re.compile(r"^(?:[A-Z]{1,3}|(?:[A-Z]\.\s?){1,3}|[A-Z]\.-?[A-Z]\.)$")
# Markdown emphasis around a run of words (`*Ann Lee, Bo Chen*`, `**Bo Chen**`): its closing
# asterisk follows a word as a mark does, but an opening one, not after a word, pairs with it.
EMPHASIS_RE = re.compile(r"(?<![\w\\*])(?P<mark>\*{1,2})(?=[^\s*])(?P<text>[^*]*?[^\s*\\])"
                         r"(?P=mark)(?![\w*])")
SEPARATOR_RE = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


def _catalogue_order(name: str) -> str:
    """`Marsh HJ` -> `HJ Marsh`; `Ann Lee` as it is.

    >>> _catalogue_order("Marsh HJ"), _catalogue_order("Souza Lima C"), _catalogue_order("Bo Li")
    ('HJ Marsh', 'C Souza Lima', 'Bo Li')
    """
    words = name.split()
    if len(words) >= 2 and INITIALS_RE.match(words[-1]) and not INITIALS_RE.match(words[0]):
        return " ".join([words[-1], *words[:-1]])
    return name


def marked_names(line: str) -> list[str]:
    """The names an author line marks as presenting, in Given Family order.

    >>> marked_names("Hejazi, NS\\\\*, van der Laan MJ. Variance. Keywords: x")
    ['NS Hejazi']
    >>> marked_names("Odom G\\\\*, Ban Y\\\\*, Liu L. Pathways."), marked_names("A *bold* word.")
    (['G Odom', 'Y Ban'], [])
    """
    out: list[str] = []
    for mark in MARK_RE.finditer(line):
        before = line[:mark.start()]
        parts = SEPARATOR_RE.split(before)
        chunk = parts[-1].strip()
        if INITIALS_RE.match(chunk) and len(parts) >= 2:  # `Hejazi, NS*`: surname before
            chunk = f"{chunk} {parts[-2].strip()}"
        if "*" in chunk:  # emphasis (`*bold*`), not a mark
            continue
        ordered = _catalogue_order(chunk)
        # initials first are no credential (`MS Ploenzke` is not `Ploenzke, M.S.`)
        name = ordered if ordered != chunk else person_name(chunk)
        if is_person(name) and name_shaped(name):
            out.append(name)
    return out


def presenter_blocks(line: str, context: list[str], *, source: str) -> list[Block] | None:
    """Records of the presenters an author line marks; None for a line that marks nobody
    (or whose marks sit past its opening sentence, where no author list is)."""
    line = EMPHASIS_RE.sub(r"\g<text>", line)  # `*Ann Lee, Bo Chen*`: set in italics
    if "*" not in line:
        return None
    first = re.split(r"(?<![\s.][A-Z])(?<!^[A-Z])\.\s+(?=[A-Z\[])", line, maxsplit=1)[0]
    names = marked_names(first + ".")
    if not names:
        return None
    blocks: list[Block] = []
    for name in names:
        blocks.extend(blocks_from_tree([{"presenter": name}], context=context, source=source)[0])
    return blocks or None

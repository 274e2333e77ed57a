"""Author lines that number their affiliations (`Ann Lee 1 , Bo Chen 2 1. Acme 2. Globex`,
`Ann Lee¹, Bo Chen² (¹Acme, ²Globex)`, footnote symbols), as scientific programs of every field
print them: each author paired with her organization of the legend."""

from __future__ import annotations

import re

from pipeline.text.lexicon import person_status
from pipeline.text.lines import clean_name
from pipeline.text.marks import SUPERSCRIPTS, numbered_people
from pipeline.text.memo import memo_list
from pipeline.text.name_items import Person, is_name_item
from pipeline.text.name_shapes import split_items

# `Ann Lee 1 , Bo Chen 2 1. Acme 2. Globex`, `Ann Lee¹, Bo Chen² (¹Acme, ²Globex)`: the people,
# then their numbered affiliations; the last names may go unnumbered (`Ann Lee1, Bo Chen 1. Acme`),
# and a legend opens with no lower-case word (`Bo Chen 1 by Lasers` is a title's words).
_NUMBERED_LINE_RE = re.compile(
    r"^(?P<people>.*?[^\W\d_]\s*\d{1,2}(?:\s*,\s*\d{1,2})*(?:\s*,\s*[^\W\d_][^\W\d_. '’-]*"
    r"(?:[ '’-]+[^\W\d_][^\W\d_.'’-]*\.?){1,3}){0,3})\s*"
    r"(?:\((?P<inner>1\.?\s*[^\W\d_].*)\)|(?P<after>1\.?\s*(?![a-z])[^\W\d_].*))$")


# Footnote symbols as marks of affiliations, numbered in the order printers use them; only on a
# line whose legend opens with one (`*Acme University, †Globex`): an author's `*` alone marks
# the presenter.
_SYMBOLS = str.maketrans({"*": "1", "†": "2", "‡": "3", "§": "4", "¶": "5", "‖": "6"})
SYMBOL_LEGEND_RE = re.compile(r"(?:^|\s)[*†‡§¶‖]\s?[^\W\d_]")


# `Ann Lee, Bo Chen 1. Acme Labs`: no name numbered, then a legend (`1. Acme 2. Globex`).
_ONE_LEGEND_RE = re.compile(
    r"^(?P<people>[^\d]*[^\W\d_.])\s+1\.\s*(?P<org>(?![a-z])[^\W\d_].*)$")
_MORE_ENTRIES_RE = re.compile(r"\s[2-9]\.\s*(?![a-z])[^\W\d_]")


# `Bo Chen 2 ,`, `Cy Diaz 1,2`: a name with the numbers of its affiliations.
_MARKED_NAME_RE = re.compile(r"^(?P<name>[^\d,]*[^\W\d_.])\s*\d{1,2}(?:\s*,\s*\d{1,2})*$")


def _marked_only(line: str) -> list[Person]:
    """The people of an author line that numbers its names and prints no legend (the legend
    is on the lines below): two or more marked names, each with no organization; a last item
    of one word is a name the next line ends (`…, Cy Diaz 1 , William`), left out."""
    items = [item.strip() for item in re.split(r"\s*,\s*(?!\d)", line) if item.strip()]
    if items and len(items[-1].split()) == 1 and not _MARKED_NAME_RE.match(items[-1]):
        items = items[:-1]
    found = [_MARKED_NAME_RE.match(item) for item in items]
    if len(found) < 2 or not all(found) or not all(is_name_item(m["name"]) for m in found):
        return []
    return [Person(clean_name(m["name"])) for m in found]


def _one_legend(line: str) -> list[Person]:
    """The people of an author line that numbers none of its names before a legend: of one
    organization, all of them are of it; of several, which is whose is lost with the marks
    (set as pictures, or dropped), and each gets none."""
    found = _ONE_LEGEND_RE.match(line)
    names = [clean_name(item) for item in split_items(found["people"])] if found else []
    if not names or not all(is_name_item(name) for name in names):
        return []
    org = found["org"].strip(" ,;.")
    if _MORE_ENTRIES_RE.search(org) or any(ch.isdigit() for ch in org) or person_status(org):
        org = ""
    return [Person(name, org) for name in names]


@memo_list
def numbered_line(line: str) -> list[Person]:
    """The people of a line that numbers its names' affiliations (`Ann Lee 1 , Bo Chen 2 1.
    Acme 2. Globex`); none for any other line."""
    found = _NUMBERED_LINE_RE.match(line.translate(SUPERSCRIPTS))
    if not found and SYMBOL_LEGEND_RE.search(line):
        # `Ann Lee*, Bo Chen† *Acme, †Globex`: footnote symbols, in their printed order
        found = _NUMBERED_LINE_RE.match(line.translate(SUPERSCRIPTS).translate(_SYMBOLS))
    if not found:
        return _one_legend(line.translate(SUPERSCRIPTS)) or _marked_only(
            line.translate(SUPERSCRIPTS))
    paired = numbered_people(found["people"], found["inner"] or found["after"])
    if not paired:
        return []
    out = [Person(clean_name(name), org) for name, org in paired]
    named = [p for p in out if is_name_item(p.name)]
    return named if len(named) * 2 >= len(out) else []

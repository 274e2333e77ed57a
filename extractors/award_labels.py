"""Award-labelled lines of a page (`**Best Paper**: Ann Lee and Bo Chen. A Title.`) as records.

Award pages list each year's winners under a year heading as a label naming the award, a colon,
the recipients and often the paper's title. The label names an award by the lexicon's
`award_words` (`Best Student Paper`, `Runner-Up`, `Honourable Mention`), or is a bold label on
a page whose context is awards; the year and the page's award come from the headings above.
"""

from __future__ import annotations

import re

from extractors.tree_context import clean_value, names_award
from extractors.tree_people import is_person, split_people
from extractors.tree_walk import blocks_from_tree
from pipeline.tables import Block
from pipeline.text.lexicon import context_role, position_role
from pipeline.text.lines import looks_like_name
from pipeline.text.namefreq import known_given_share
from pipeline.text.role_labels import role_label_re

BULLET_RE = re.compile(r"^\s*(?:[-*+•·]|\d{1,3}[.)])\s+")
BOLD_LABEL_RE = re.compile(r"^(\*\*|__)(?P<label>[^*_]{2,80}?)\s*(?::\1|\1\s*:)\s*(?P<rest>\S.*)$")
PLAIN_LABEL_RE = re.compile(r"^(?P<label>[^:*_\[\]()]{2,60}?)\s*:\s+(?P<rest>\S.*)$")
# The end of the names: a full stop after a word that is no initial (`J.`, `H. M.`, `Jr.`).
NAMES_END_RE = re.compile(r"(?<![\s.][A-Z])(?<!^[A-Z])(?<!\b(?:Jr|Sr|St|Dr))\.(?:\s+|$)")

# A work's title before its people: quoted (`"Rivers of Data" by Ann Lee`, `“Rivers” – Bo
# Chen`), or followed by `by` and the names.
QUOTED_FIRST_RE = re.compile(r"^[\"“”‘'](?P<title>[^\"“”]{3,}?)[\"“”’']\s*(?:[,:;–—-]\s*|by\s+)?"
                             r"(?P<names>[^\W\d_].*)$")
TITLE_BY_RE = re.compile(r"^(?P<title>\S.{2,}?)\s+by\s+(?P<names>[^\W\d_].*)$")


def award_label_blocks(line: str, context: list[str], *, source: str) -> list[Block] | None:
    """The recipients an award-labelled line names, as records; None for any other line.

    >>> [(b.person_name, b.award, b.year) for b in award_label_blocks(
    ...     "* **Best Paper**: Ann Lee and Cy Diaz. A Study of Things.",
    ...     ["Proceedings 2021"], source="text")]
    [('Ann Lee', 'Best Paper', 2021), ('Cy Diaz', 'Best Paper', 2021)]
    >>> award_label_blocks("Chair: Ann Lee", ["Program"], source="text") is None
    True
    >>> [(b.person_name, b.award) for b in award_label_blocks(
    ...     "Best Paper: A Study of Things. Ann Lee, Bo Chen", ["Awards"], source="html")]
    [('Ann Lee', 'Best Paper'), ('Bo Chen', 'Best Paper')]
    """
    text = BULLET_RE.sub("", line.strip())
    bold = BOLD_LABEL_RE.match(text)
    match = bold or PLAIN_LABEL_RE.match(text)
    if not match:
        return None
    label = clean_value(match.group("label")).strip(" :")
    if not label or len(label.split()) > 8 or role_label_re(alone=True).fullmatch(label):
        return None
    on_award_page = any(context_role(word) == "award_recipient" for word in context)
    # On an award page, a label in bold or leading a list item (`- Young Researcher: Bo
    # Chen`) names the award, unless it names a role or a position.
    marked = bold or BULLET_RE.match(line.strip()) and not position_role(label) and bool(
        re.search(r"[^\W\d_]{3,}", label))  # a word, not `2021:`
    if not names_award(label) and (looks_like_name(label) or not marked or not on_award_page
                                   or context_role(label) not in ("", "award_recipient")):
        return None
    rest = clean_value(match.group("rest"))
    ends = list(NAMES_END_RE.finditer(rest))
    names, title = (rest[:ends[0].start()], rest[ends[0].end():]) if ends else (rest, "")
    people = [name for name, _ in split_people(names)]
    titled = QUOTED_FIRST_RE.match(rest) or TITLE_BY_RE.match(rest)
    if titled and _recipients(after := [n for n, _ in split_people(titled.group("names"))]):
        # `**Best Paper:** "Rivers of Data" by Ann Lee and Bo Chen`: the work, then its people
        names, title, people = titled.group("names"), titled.group("title"), after
    elif ends and not _recipients(people):
        # `**Best Paper**: A Study of Things. Ann Lee, Bo Chen`: the title first
        after = [name for name, _ in split_people(rest[ends[-1].end():])]
        if _recipients(after):
            names, title, people = rest[ends[-1].end():], rest[:ends[-1].start()], after
    if not people or sum(map(is_person, people)) * 2 < len(people):
        return None
    record = {"award": label, "winners": names}
    if title.strip():
        record["title"] = title.strip()
    blocks, _ = blocks_from_tree([record], context=context, source=source)
    return blocks or None


def _recipients(people: list[str]) -> bool:
    """Whether the items read off a line are surely its recipients: most of them name-shaped
    people opening with a known given name (`Gadgets Everywhere` is name-shaped too)."""
    return bool(people) and sum(is_person(p) and looks_like_name(p) and known_given_share(
        p.split()[0].lower()) > 0 for p in people) * 2 >= len(people)

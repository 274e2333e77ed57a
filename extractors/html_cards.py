"""Repeated cards of a web page (speaker, committee, keynote grids) read as person records.

Sites list people as sibling elements of one shape, each holding a name first (a heading, a
title div, a photo's alt) and then more: an affiliation, a bio, the talks. Three or more such
siblings whose first text is name-shaped are a card grid, whatever the site's tags and classes;
each card is one person, with the organization its name's bracket or the short line after it
gives, in the role of the page's context (its file name, title and the heading above).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from extractors.tree_people import name_and_bracket, short_org_line
from extractors.tree_walk import blocks_from_tree
from pipeline.tables import Block
from pipeline.text.lexicon import position_role
from pipeline.text.lines import looks_like_name, looks_like_org

MIN_CARDS = 3
SKIP = {"script", "style", "noscript", "svg", "button", "form", "nav", "footer"}
# A card holds blocks (a name over a bio, an affiliation, a list of talks); a list item or a
# table row of one line is read as a line.
INNER_BLOCKS = {"div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "section",
                "article", "header", "figure", "figcaption", "dl", "blockquote"}
NOT_CARDS = {"tr", "td", "th", "thead", "tbody", "tfoot", "table", "dt", "dd", "ul", "ol", "dl"}


def _signature(el) -> tuple[str, str]:
    return el.tag.lower(), " ".join(sorted((el.get("class") or "").split()))


def card_texts(card) -> list[str]:
    """A card's own text pieces in reading order: element texts, tails and photos' alt.

    >>> import lxml.html
    >>> card_texts(lxml.html.fromstring('<div><img alt="Ann Lee"><h3>Ann Lee</h3>'
    ...                                 '<p>Acme University</p></div>'))
    ['Ann Lee', 'Ann Lee', 'Acme University']
    """
    out: list[str] = []

    def add(text: str | None) -> None:
        text = " ".join((text or "").split())
        if text:
            out.append(text)

    def walk(el) -> None:
        if not isinstance(el.tag, str) or el.tag.lower() in SKIP:
            return
        if el.tag.lower() == "img":
            add(el.get("alt"))
        add(el.text)
        for child in el:
            walk(child)
            add(child.tail)

    walk(card)
    return out


def _card_person(card) -> tuple[str, str, str] | None:
    """(name as printed, organization, position) of a card whose first text is a name."""
    texts = card_texts(card)
    if len(texts) < 2:
        return None
    name, org = name_and_bracket(texts[0])
    if not looks_like_name(name):
        return None
    rest = [t for t in texts[1:] if t != texts[0] and name_and_bracket(t)[0] != name]
    position = rest[0] if rest and position_role(rest[0]) and len(rest[0]) <= 80 else ""
    if not org:
        following = rest[1:2] if position else rest[:1]
        if following and len(following[0]) <= 80 and (looks_like_org(following[0]) or (
                position and short_org_line(following[0]))):
            org = following[0]
    return name, org, position


def _holds_blocks(el) -> bool:
    return any(isinstance(d.tag, str) and d.tag.lower() in INNER_BLOCKS
               for d in el.iterdescendants())


def card_grid(el) -> set:
    """The children of `el` that are person cards: at least MIN_CARDS siblings of one tag and
    class, each with text below it, most of them opening with a name; or two such siblings,
    each a name over an organization (a committee of two)."""
    children = [c for c in el if isinstance(c.tag, str) and c.tag.lower() not in SKIP]
    shapes = Counter(_signature(c) for c in children)
    cards: set = set()
    for shape, count in shapes.items():
        if count < 2:
            continue
        group = [c for c in children if _signature(c) == shape]
        if shape[0] in NOT_CARDS or not all(_holds_blocks(c) for c in group):
            continue
        people = [_card_person(c) for c in group]
        found = sum(p is not None for p in people)
        if found >= MIN_CARDS and found * 5 >= len(group) * 4:
            cards.update(group)
        elif count < MIN_CARDS and all(p is not None and p[1] and _one_name(c)
                                       for p, c in zip(people, group, strict=True)):
            cards.update(group)  # two cards, each a name over its organization
    return cards


def _one_name(card) -> bool:
    """Whether a card names one person: no text after its first is name-shaped (a row of two
    cards is not a card)."""
    texts = card_texts(card)
    return not any(looks_like_name(t) and not looks_like_org(t) for t in texts[1:]
                   if t != texts[0])


def card_blocks(card, context: list[str]) -> list[Block]:
    """The person of one card as a record in the role of the page's context; [] when the card
    opens with no name."""
    person = _card_person(card)
    if person is None:
        return []
    name, org, position = person
    record = {"name": name, "affiliation": org} if org else {"name": name}
    # A card's job title (`Director of Engineering`) is printed, not the role the page gives;
    # on a committee's page, a chair's position is the chair's role (`General Chair`).
    chair = position_role(position) == "chair" if position else False
    return [replace(block, title=position, role="chair" if chair and block.role in (
        "committee", "organizer") else block.role) for block in blocks_from_tree(
        [record], context=context, source="html-card")[0]]

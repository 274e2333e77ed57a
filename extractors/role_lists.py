"""Lists of people under a heading that names their role (`# Local Organization Team`,
`### Officers`, `<h3>Program committee</h3><ul>...`) read as records in that role.

Each item is one person as pages print them: `Ann Lee`, `Ann Lee, Acme University`,
`Ann Lee (Acme)`, `Treasurer: Ann Lee (2023)`, an e-mail address in parentheses dropped, a
year in parentheses the year of that person's term. The list is read only when the heading
names a role and most of its items are one person each; otherwise its lines go to the
recognizer as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.records import person_name, year_in
from extractors.tree_context import Context, clean_value
from extractors.tree_people import is_person, split_people
from extractors.tree_walk import blocks_from_tree
from pipeline.tables import Block
from pipeline.text.lexicon import position_role
from pipeline.text.lines import looks_like_name

MIN_ITEMS = 2
STRONG_LABELS = {"chair", "board", "keynote", "moderator", "panelist"}
PERSON_ROLES = {"keynote", "speaker", "panelist", "moderator", "chair", "organizer",
                "committee", "board", "award_recipient"}
LABEL_RE = re.compile(r"^(?P<label>[^:()]{2,60}?)\s*:\s+(?P<rest>\S.*)$")
CONTACT_RE = re.compile(r"\s*\((?:[^()]*@[^()]*|e-?mail[^()]*|tel[^()]*|phone[^()]*)\)", re.I)
YEAR_PAREN_RE = re.compile(r"\s*\(\s*((?:19|20)\d\d)\s*\)")


def _item_record(text: str) -> dict | None:
    """The record of one list item, or None when it names no one person.

    >>> _item_record("Treasurer: Ann Lee (2023) (email: ann@example.org)")
    {'name': 'Ann Lee', 'position': 'Treasurer', 'year': 2023}
    >>> _item_record("Bo Chen, Acme University"), _item_record("Travel and visas")
    ({'name': 'Bo Chen', 'affiliation': 'Acme University'}, None)
    """
    text = CONTACT_RE.sub("", clean_value(text)).strip(" .;")
    record: dict = {}
    label = LABEL_RE.match(text)
    if label and (not looks_like_name(label.group("label")) or position_role(
            label.group("label")) or looks_like_name(YEAR_PAREN_RE.sub("", label.group("rest")))):
        record["position"] = label.group("label").strip()
        text = label.group("rest")
    year = YEAR_PAREN_RE.search(text)
    if year:
        record["year"] = year_in(year.group(1))
        text = YEAR_PAREN_RE.sub("", text).strip()
    people = split_people(text)
    if len(people) != 1:
        return None
    name, org = people[0]
    name = person_name(name)
    if not is_person(name) or not looks_like_name(name):
        return None
    out = {"name": name}
    if org:
        out["affiliation"] = org
    return out | record


def list_blocks(items: list[str], context: list[str], heading: str) -> list[list[Block]] | None:
    """Per item, its person as records ([] for an item naming no one), when `heading` names a
    role of people and most items are one person each; else None.

    >>> found = list_blocks(["Ann Lee", "Bo Chen (Acme)"], ["site"], "Organizing Committee")
    >>> [(b.person_name, b.org_name, b.role) for item in found for b in item]
    [('Ann Lee', '', 'committee'), ('Bo Chen', 'Acme', 'committee')]
    >>> list_blocks(["Ann Lee", "Bo Chen"], ["site"], "Getting there") is None
    True
    """
    where = Context()
    for word in [*context, heading]:
        where = where.enter(word)
    if len(items) < MIN_ITEMS or where.role() not in PERSON_ROLES:
        return None
    records = [_item_record(item) for item in items]
    if sum(r is not None for r in records) * 5 < len(records) * 4:
        return None
    out = []
    for record in records:
        if record is None:
            out.append([])
            continue
        label = record.pop("position", "")
        # The heading gives the role (`Conference Coordinator` under `Officers` is an officer);
        # a label naming a chair or an officer is more precise than a committee heading.
        by_label = position_role(label) if label else ""
        role = by_label if by_label in STRONG_LABELS else where.role()
        out.append([replace(block, role=role, title=label or block.title) for block in
                    blocks_from_tree([record], context=[*context, heading],
                                     source="role-list")[0]])
    return out

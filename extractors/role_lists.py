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
from extractors.tree_people import is_person, name_shaped, short_org_line, split_people
from extractors.tree_roles import CONFERENCE_ROLES
from extractors.tree_walk import blocks_from_tree
from pipeline.tables import Block
from pipeline.text.award_words import names_award
from pipeline.text.lexicon import TIME_SLOT, context_role, position_role
from pipeline.text.lines import looks_like_name, looks_like_org
from pipeline.text.namefreq import known_given_share

MIN_ITEMS = 2
STRONG_LABELS = {"chair", "board", "keynote", "moderator", "panelist"}
PERSON_ROLES = {"keynote", "speaker", "panelist", "moderator", "chair", "organizer",
                "committee", "board", "award_recipient"}
LABEL_RE = re.compile(r"^(?P<label>[^:()]{2,60}?)\s*:\s+(?P<rest>\S.*)$")
CONTACT_RE = re.compile(r"\s*\((?:[^()]*@[^()]*|e-?mail[^()]*|tel[^()]*|phone[^()]*)\)", re.I)
CAPS_WORD_RE = re.compile(r"\b[A-Z]{2,}[A-Z'-]*\b(?!\.)")
YEAR_HEADING_RE = re.compile(r"^\s*(?:19|20)\d\d\s*$")
YEAR_LED_RE = re.compile(r"^((?:19|20)\d\d)(?:\s*[:–—-]\s*|\s+)(?=\S)")
# The columns of a program line: a spaced dash (two hyphens, a hyphen, an en or em dash),
# `Title -- Ann Lee and Bo Chen -- Room 2`; a hyphen without spaces joins words.
DASH_COLUMNS_RE = re.compile(r"\s+(?:--|[-–—])\s+")
LEADING_SLOT_RE = re.compile(rf"^(?:{TIME_SLOT})\s*(?:--|[-–—])\s+(?=\S)", re.I)
ET_AL_RE = re.compile(r",?\s*\bet\s+al\.?$", re.I)
YEAR_PAREN_RE = re.compile(r"\s*\(\s*((?:19|20)\d\d)\s*\)")
# A work's title set apart by emphasis or quotes at the start or the end of an item
# (`*A Study of Things*, Ann Lee (Acme)`, `Bo Chen: "Posters in Space"`), the rest its people.
_MARKS = r"\*\*|__|\*|_|\"|“|'"
_CLOSE = {"“": "”"}
LEADING_TITLE_RE = re.compile(rf"^(?P<mark>{_MARKS})(?P<title>[^*_\"“”]{{3,}}?)(?:(?P=mark)|”)"
                              rf"\s*[,:.;–—-]*\s+(?P<rest>\S.*)$")
TRAILING_TITLE_RE = re.compile(rf"^(?P<rest>.*?\S)\s*[,:.;–—-]*\s+(?P<mark>{_MARKS}|”)"
                               rf"(?P<title>[^*_\"“”]{{3,}}?)(?:(?P=mark)|”)\s*\.?$")


def _item_records(text: str) -> list[dict] | None:
    """The records of one list item (one person, or a label over several), or None when it
    names no one.

    >>> _item_records("Treasurer: Ann Lee (2023) (email: ann@example.org)")
    [{'name': 'Ann Lee', 'position': 'Treasurer', 'year': 2023}]
    >>> _item_records("Bo Chen, Acme University"), _item_records("Travel and visas")
    ([{'name': 'Bo Chen', 'affiliation': 'Acme University'}], None)
    >>> [r["name"] for r in _item_records("Tile Arrangements: Cy Diaz, Dee Fox and Eve Gray.")]
    ['Cy Diaz', 'Dee Fox', 'Eve Gray']
    >>> _item_records("Bo Chen, MIT, General Chair")
    [{'name': 'Bo Chen', 'affiliation': 'MIT', 'position': 'General Chair'}]
    >>> _item_records("2020 – Eve Gray, Globex Institute")
    [{'name': 'Eve Gray', 'affiliation': 'Globex Institute', 'year': 2020}]
    >>> _item_records("Bo Chen -- Widgets: A Framework for Gadgets")
    [{'name': 'Bo Chen', 'title': 'Widgets: A Framework for Gadgets'}]
    >>> [(r["name"], r.get("affiliation"), r["title"]) for r in _item_records(
    ...     "*A Study of Things*, Ann Lee (Acme), Bo Chen")]
    [('Ann Lee', 'Acme', 'A Study of Things'), ('Bo Chen', None, 'A Study of Things')]
    >>> _item_records('Bo Chen: "Posters in Space"')
    [{'name': 'Bo Chen', 'title': 'Posters in Space'}]
    """
    shared: dict = {}
    titled = LEADING_TITLE_RE.match(text.strip()) or TRAILING_TITLE_RE.match(text.strip())
    if titled and not _names_someone(clean_value(titled.group("title"))):
        # `**A Study of Things** - Ann Lee, Bo Chen`: the work and its people
        people = _column_people(CONTACT_RE.sub("", clean_value(titled.group("rest"))).strip(
            " .;:–—-"))
        if people:
            title = clean_value(titled.group("title")).strip(" .")
            return [({"name": n, "affiliation": o} if o else {"name": n}) | {"title": title}
                    for n, o in people]
    text = CONTACT_RE.sub("", clean_value(text)).strip(" .;")
    led = YEAR_LED_RE.match(text)
    if led:  # `2021: Ann Lee (Acme)`, `2020 – Bo Chen, Globex`, `**2019** Cy Diaz`
        shared["year"] = year_in(led.group(1))
        text = text[led.end():]
    dashed = _dashed_records(text)
    if dashed:  # `Ann Lee -- A Talk`, `A Talk -- Ann Lee and Bo Chen -- Room 2`
        return [record | shared for record in dashed]
    label = LABEL_RE.match(text)
    if label and (position_role(label.group("label")) or not _names_someone(label.group(
            "label"))):  # `Web Delegate: Bo Chen`, not `Ann Lee: A Talk`
        shared["position"] = label.group("label").strip()
        text = label.group("rest")
    labelled = "position" in shared
    parts = [p.strip() for p in text.split(",")]
    if "position" not in shared and len(parts) >= 2 and position_role(parts[-1]) and not (
            _names_someone(parts[-1])):  # `Ann Lee, MIT, General Chair`
        shared["position"] = parts[-1]
        text = ", ".join(parts[:-1])
    year = YEAR_PAREN_RE.search(text)
    if year:
        shared["year"] = year_in(year.group(1))
        text = YEAR_PAREN_RE.sub("", text).strip()
    people = split_people(text)
    if len(people) >= 2 and not any(org for _, org in people) and not labelled and not any(
            _names_someone(name) for name, _ in people[1:]):
        # `Ann Lee, Universidade do Norte`, `Bo Chen, ETH Zurich, Switzerland`: one person and
        # where they work (its first part; a country or city after it is dropped)
        rest = [name for name, _ in people[1:]]
        people = [(people[0][0], next((r for r in rest if looks_like_org(r)), rest[0]))]
    if not people or (len(people) > 1 and not labelled):
        return None  # several names in an item without a label: a line for the recognizer
    out = []
    for name, org in people:
        name = person_name(name)
        if not is_person(name) or not name_shaped(name) or CAPS_WORD_RE.search(name):
            return None  # `HORVAT Goran` is an index's layout (extractors/name_index.py)
        out.append(({"name": name, "affiliation": org} if org else {"name": name}) | shared)
    return out


def _dashed_records(text: str) -> list[dict] | None:
    """The people of a line whose dash-separated columns hold one column of names, with the
    talk the columns before it name or the organization after it; None for other lines.

    >>> [(r["name"], r["title"]) for r in _dashed_records(
    ...     "9:00 - 9:30 -- Widgets -- Ann Lee and Bo Chen, et al. -- Room 2")]
    [('Ann Lee', 'Widgets'), ('Bo Chen', 'Widgets')]
    >>> _dashed_records("Paper One - Cy Diaz"), _dashed_records("Widget Theory -- Tile Design")
    ([{'name': 'Cy Diaz', 'title': 'Paper One'}], None)
    >>> _dashed_records("Cy Diaz – Globex University, Peru")
    [{'name': 'Cy Diaz', 'affiliation': 'Globex University'}]
    >>> _dashed_records("Cy Diaz, Globex – Lakeside Institute of Rivers, Peru")
    [{'name': 'Cy Diaz', 'affiliation': 'Globex – Lakeside Institute of Rivers'}]
    """
    # `9:00 - 9:30 -- Welcome -- Ann Lee`: the time slot is no talk
    columns = [c.strip() for c in DASH_COLUMNS_RE.split(LEADING_SLOT_RE.sub("", text))]
    if len(columns) < 2:
        return None
    named = [i for i, column in enumerate(columns) if _column_people(column)]
    if len(named) != 1:
        return None  # no column of names, or two (`Ann Lee -- Carson Hall`: which?)
    at = named[0]
    before, after = " – ".join(columns[:at]), " – ".join(columns[at + 1:])
    out = []
    for name, org in _column_people(columns[at]):
        record = {"name": name}
        parts = [p.strip() for p in after.split(",")]
        if org and not before and looks_like_org(parts[0]) and "(" not in columns[at]:
            # `Ann Lee, Acme – Lakeside Institute of Rivers, Peru`: the dash is the
            # organization's own (its name in two forms), the country after it dropped
            org = f"{org} – {parts[0]}"
        if org or (not before and looks_like_org(after)):
            # `Riverside College, Poland`: where they work, without the country after it
            record["affiliation"] = org or next((p for p in parts if looks_like_org(p)), after)
        if before or (after and not looks_like_org(after)):
            record["title"] = before or after
        out.append(record)
    return out


def _column_people(column: str) -> list[tuple[str, str]]:
    """The people a column names when it names only people (`Ann Lee and Bo Chen, et al.`),
    one of them at least by a known given name."""
    people = split_people(ET_AL_RE.sub("", column))
    out = []
    for name, org in people:
        name = person_name(name)
        if not (is_person(name) and name_shaped(name) and looks_like_name(name)) or (
                CAPS_WORD_RE.search(name)):
            return []
        out.append((name, org))
    # one known given name at least: `Widget Theory` is name-shaped too
    return out if any(_names_someone(name) for name, _ in out) else []


def _names_someone(text: str) -> bool:
    """Name-shaped and opening with a known given name (`Ann Lee`, not `Web Delegate`)."""
    return looks_like_name(text) and known_given_share(text.split()[0].lower()) > 0


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
    # one item is a list under a heading naming a role or an award (`### Best Poster`)
    least = 1 if context_role(heading) or names_award(heading) or YEAR_HEADING_RE.match(
        heading) else MIN_ITEMS
    if len(items) < least or where.role() not in PERSON_ROLES:
        return None
    records = [_item_records(item) for item in items]
    if sum(r is not None for r in records) * 5 < len(records) * 4:
        return None
    return [[block for record in item or [] for block in _person(dict(record), context, heading,
                                                                  where)] for item in records]


def heading_person(text: str, context: list[str]) -> list[Block]:
    """The person a heading names (`### Ann Lee (Acme)`, `<h3>Bo Chen</h3>`) as a record in the
    role of the heading above it (`Keynote Speakers`, `Program Chairs`), as speaker and
    committee pages set one person per heading; [] for any other heading. `context` is the
    page's context words, the heading above last.

    >>> [(b.person_name, b.org_name, b.role) for b in heading_person(
    ...     "Ann Lee (Acme University)", ["site", "Keynote Speakers"])]
    [('Ann Lee', 'Acme University', 'keynote')]
    >>> heading_person("Ann Lee", ["site", "Travel"]), heading_person("Venue", ["Keynotes"])
    ([], [])
    """
    if not context or not context_role(context[-1]) or context_role(text) or names_award(text):
        return []  # `### Honourable Mentions` names a group, no one
    where = Context()
    for word in context:
        where = where.enter(word)
    records = _item_records(text) if where.role() in PERSON_ROLES else None
    if not records or len(records) != 1 or not _names_someone(records[0]["name"]):
        return []
    return _person(dict(records[0]), context[:-1], context[-1], where)


# A line a short label leads (`Title: Rivers`, `**Talk:** Maps`), under a person's heading.
_LABELLED_RE = re.compile(r"^\W*[^\W\d_][\w ]{0,24}:\W*\s")


def with_heading_orgs(blocks: list[Block]) -> list[Block]:
    """`blocks` with the one organization line under a person's heading (`### Ann Lee` then
    `Acme University`, `<h4>Bo Chen</h4><p>ETH Zurich</p>`) made that person's organization,
    as speaker and committee pages print a person per heading with the affiliation below.

    >>> out = with_heading_orgs([Block("Ann Lee", section="", person_name="Ann Lee", role="chair"),
    ...     Block("Ann Lee", section="Ann Lee", role_hint="heading"),
    ...     Block("Acme University", section="Ann Lee")])
    >>> [(b.person_name, b.org_name) for b in out]
    [('Ann Lee', 'Acme University'), ('', '')]
    """
    out, drop = list(blocks), set()
    for i in range(len(out) - 2):
        person, heading, line = out[i], out[i + 1], out[i + 2]
        # the heading prints the name with its honorific (`Prof. Ann Lee`) or without
        if not (person.is_record and person.person_name and not person.org_name
                and heading.role_hint == "heading" and person.text in (
                    heading.section, person_name(heading.section))
                and line.section == heading.section and not line.is_record
                and line.role_hint != "heading"):
            continue
        after = out[i + 3] if i + 3 < len(out) else None
        # the line alone under the heading, or over a paragraph of bio
        if (after is None or after.section != line.section or after.role_hint == "heading"
                or len(after.text) > 80 or after.text.rstrip().endswith(".")
                or _LABELLED_RE.match(after.text)) \
                and len(line.text) <= 80 and (looks_like_org(line.text) or short_org_line(
                    line.text)):
            out[i] = replace(person, org_name=" ".join(line.text.split()))
            drop.add(i + 2)
    return [b for i, b in enumerate(out) if i not in drop]


# The roles of pages that list people by what they do for the event, where a part set apart
# by emphasis after a name is where she works (`**Bo Chen**, *Globex, China*`), not a talk.
_LISTED_ROLES = frozenset({"committee", "chair", "board", "organizer"})


def _person(record: dict, context: list[str], heading: str, where: Context) -> list[Block]:
    if "title" in record and "affiliation" not in record and where.role() in _LISTED_ROLES:
        record["affiliation"] = record.pop("title").split(",")[0].strip()
    label = record.pop("position", "")
    # The heading gives the role (`Conference Coordinator` under `Officers` is an officer);
    # a label naming a chair or an officer is more precise than a committee heading.
    by_label = position_role(label) if label else ""
    if by_label == "board" and where.role() in CONFERENCE_ROLES:
        by_label = "committee"  # `Treasurer: Ann Lee` under `Organizing Committee`
    role = by_label if by_label in STRONG_LABELS else where.role()
    return [replace(block, role=role, title=label or block.title) for block in
            blocks_from_tree([record], context=[*context, heading], source="role-list")[0]]


def runs_as_records(blocks: list[Block], key, heading) -> list[Block]:
    """`blocks` with each run of neighbours sharing `key(i)` (None: no run) replaced by the
    records `list_blocks` reads in it, under `heading(i)` = (context, heading) of the run's
    first block; a run `list_blocks` does not read, and an item naming no one, stay as they
    are."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        run = key(i)
        j = i
        while run is not None and j < len(blocks) and key(j) == run:
            j += 1
        where = heading(i) if j > i else None
        found = list_blocks([b.text for b in blocks[i:j]], *where) if where else None
        if found is None:
            out.extend(blocks[i:max(j, i + 1)])
        else:
            for block, records in zip(blocks[i:j], found, strict=True):
                out.extend(records or [block])
        i = max(j, i + 1)
    return out

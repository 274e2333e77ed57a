"""Line parsers: `Name, Title, Org`, `A, B, Org; C, Org2`, `Name (Org)`, `NAME – ORG`."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.text.author_lines import SYMBOL_LEGEND_RE, numbered_line
from pipeline.text.lexicon import TIME_SLOT, position_role
from pipeline.text.lines import (
    ROLE_WORDS_RE,
    clean_name,
    looks_like_listed_name,
    looks_like_name,
    looks_like_org,
    looks_like_title,
    title_like,
    truecase,
)
from pipeline.text.marks import SUPERSCRIPTS
from pipeline.text.memo import memo_list
from pipeline.text.name_items import Person
from pipeline.text.name_items import is_name_item as _is_name_item
from pipeline.text.name_shapes import (
    INVERTED_RE,
    caps_first_names,
    catalogue_names,
    conjoined_names,
    credentials_before_brackets,
    positions_in_brackets,
    script_people,
    split_items,
    surname_then_given,
    trailing_names,
)

# Job titles that take a department after a comma (`SVP, Human Resources`).
DEPT_TITLE_RE = re.compile(
    r"\b(vp|svp|evp|avp|vice president|director|manager|head|partner|officer|chief|lead|counsel|"
    r"principal|dean|associate|specialist)$", re.I,
)
SPLIT_SEMI_RE = re.compile(r"\s*;\s*")
DASH_RE = re.compile(r"^(?P<name>[^–—|,;]+?)\s+(?P<dash>[–—|]|-)\s+(?P<org>.+)$")
_ORG_SMALL_WORDS = frozenset({"of", "and", "for", "the", "in", "at", "de", "du", "la", "von", "&"})
DASH_SPLIT_RE = re.compile(r"\s+(?:[–—|]|-)\s+")
# `Featuring: Karen White of Wayne Enterprises`: after a role label, a name, `of`, an
# organization (elsewhere the shape is a title's: `A Piece of My Mind`).
OF_RE = re.compile(r"^(?P<name>[^,;()]+?)\s+of\s+(?:the\s+)?(?P<org>[A-Z][^,;()]*)$")


def _org_after_hyphen(text: str) -> bool:
    """What follows `Name - ` is an organization (or a title and one), not the second half of a
    talk title: a few capitalized words, no question or colon.

    >>> _org_after_hyphen("VP, Talent Acquisition - Initech"), _org_after_hyphen("Good Times?")
    (True, False)
    """
    words = text.replace(",", " ").split()
    return (0 < len(words) <= 8 and not re.search(r"[?!:]", text)
            and all(w[:1].isupper() or w.lower() in _ORG_SMALL_WORDS or not w[:1].isalpha()
                    for w in words))


def leading_title(text: str) -> tuple[str, str]:
    """`Reinventing Work - Jane Doe, Chief People Officer, Acme Corp`: a talk title, a dash,
    then its speaker with her title or organization. Returns (title, the rest), or ("", text)
    when the text does not have that shape (`Ann Lee - VP, Talent - Acme` is a name first).

    >>> leading_title("Reinventing Work - Jane Doe, Chief People Officer, Acme Corp")
    ('Reinventing Work', 'Jane Doe, Chief People Officer, Acme Corp')
    >>> leading_title("Samantha Green - VP, Talent Acquisition - Initech")
    ('', 'Samantha Green - VP, Talent Acquisition - Initech')
    """
    parts = DASH_SPLIT_RE.split(text, maxsplit=1)
    if len(parts) == 2:
        items = [item.strip() for item in parts[1].split(",")]
        if len(items) >= 2 and _is_name_item(items[0]) and not _is_name_item(items[1]) and (
            "," not in parts[0]
        ):
            return parts[0].strip(), parts[1].strip()
    return "", text


def person_of(text: str) -> Person | None:
    """`Karen White of Wayne Enterprises` as a person and her organization, else None.

    >>> person_of("Karen White of Wayne Enterprises")
    Person(name='Karen White', org='Wayne Enterprises', title='')
    >>> person_of("Director of Talent") is None
    True
    """
    match = OF_RE.match(text.strip()) if " of " in text else None
    if match and len(match.group("name").split()) <= 4 and _is_name_item(match.group("name")):
        return Person(clean_name(match.group("name")), match.group("org").strip(), "")
    return None


# `(she/her)`, `(he/him/his)`, `(they/them)`: pronouns printed after a name.
PRONOUNS_RE = re.compile(r"\s*\((?:she|he|they|ze|xe|zie|ey)(?:\s*/\s*[a-z]+)+\)", re.I)


_CLOSING_AND_RE = re.compile(r"(?:\band|&)\s+[^,&]+$")


@memo_list
def name_list_items(line: str) -> list[str]:
    """The items of `line` when it is a list of two or more names and nothing else (an author
    line: `David Hall, Greg Durrett, and Dan Klein`); otherwise []. Items that pass only the
    looser test must sit between names or follow the closing `and` (`Jane Doe, Xerox PARC`
    is a name and an organization).

    >>> name_list_items("Li Dong and Mirella Lapata")
    ['Li Dong', 'Mirella Lapata']
    >>> name_list_items("Rui Cai, Xiaodong Zhang, and Houfeng WANG")
    ['Rui Cai', 'Xiaodong Zhang', 'Houfeng WANG']
    >>> name_list_items("Jane Doe, Xerox PARC"), name_list_items("Jane Doe, Duke University")
    ([], [])
    """
    if ";" in line or "(" in line:
        return []
    items = split_items(line)
    if len(items) < 2:
        return []
    names = [clean_name(item) for item in items]
    strict = [_is_name_item(item) for item in items]
    if sum(strict) < max(1, len(items) - 2) or not all(
        s or looks_like_listed_name(truecase(n)) for s, n in zip(strict, names, strict=True)
    ):
        return []
    closing_and = _CLOSING_AND_RE.search(line.strip()) is not None
    if not strict[-1] and not closing_and:
        return []
    return names


@memo_list
def parse_people(line: str) -> list[Person]:
    """People named in one line, each with the organization that closes its group.

    >>> [(p.name, p.org) for p in parse_people("Ann Lee, Bo Chen, Duke University; Cy Diaz, MIT")]
    [('Ann Lee', 'Duke University'), ('Bo Chen', 'Duke University'), ('Cy Diaz', 'MIT')]
    >>> parse_people("Dr. Jane Doe, Director of Talent, Acme Corp")
    [Person(name='Jane Doe', org='Acme Corp', title='Director of Talent')]
    >>> parse_people("Maria Garcia (Globex)")
    [Person(name='Maria Garcia', org='Globex', title='')]
    >>> [p.name for p in parse_people("Mo Shen, Hongxiao Liu, and Sadao Kurohashi")]
    ['Mo Shen', 'Hongxiao Liu', 'Sadao Kurohashi']
    >>> [(p.name, p.org) for p in parse_people("11:30 Ann Lee, Bo Chen (Acme): Tiles")]
    [('Ann Lee', 'Acme'), ('Bo Chen', 'Acme')]
    >>> [(p.name, p.org) for p in parse_people("• Ann Lee (Acme U.)")]
    [('Ann Lee', 'Acme U.')]
    >>> parse_people("Lee A. B. (2011)")
    []
    >>> parse_people("Graphomania (Ana Novak)")
    [Person(name='Ana Novak', org='', title='')]
    >>> [p.name for p in parse_people("Ann Lee | Bo Chen | Cy Diaz")]
    ['Ann Lee', 'Bo Chen', 'Cy Diaz']
    >>> [(p.name, p.org) for p in parse_people("Ann Lee¹, Bo Chen² (¹Acme, ²Globex Labs)")]
    [('Ann Lee', 'Acme'), ('Bo Chen', 'Globex Labs')]
    >>> line = "Eric Rosad, GitHub Education, David J. Malan, Harvard University"
    >>> [(p.name, p.org) for p in parse_people(line)]
    [('Eric Rosad', 'GitHub Education'), ('David J. Malan', 'Harvard University')]
    """
    line = conjoined_names(PRONOUNS_RE.sub("", ROLE_WORDS_RE.sub("", _BULLET_RE.sub(
        "", credentials_before_brackets(line.strip().translate(SUPERSCRIPTS))))))
    script = script_people(line)
    if script:  # `김민수 (서울대학교), 이서연`: a name alone needs NER's or a label's word
        return [Person(name, org, unsure=not org) for name, org in script]
    numbered = numbered_line(line) if any(ch.isdigit() for ch in line) or (
        SYMBOL_LEGEND_RE.search(line)) else None
    if numbered:  # `Ann Lee 1 , Bo Chen 2 1. Acme 2. Globex`
        return numbered
    line, positions = positions_in_brackets(line)
    if positions:  # `Ann Lee (Chair), Bo Chen`: the position is the person's title
        return [replace(p, title=p.title or positions.get(p.name, ""),
                        position=positions.get(p.name, "")) for p in _people(line)]
    # A number in brackets is no organization: a citation's year (`Bean N. G. (2011).`), a
    # numbered session (`Gene Analysis (2)`), a circuit's rating (`Service Box (110)`).
    people = [_org_before_title(p) for p in _people(line) if not _NUMBER_RE.fullmatch(p.org)]
    # else `Title, Ann Lee and Bo Chen`: the speakers after a talk's title
    return people or [Person(n, after_title=True) for n in trailing_names(line)[1]] if (
        "," in line) else people


def _people(line: str) -> list[Person]:
    for separator in (" | ", " · ", " • ", " ∙ "):
        if line.count(separator) >= 2:
            # `Ann Lee | Bo Chen | Cy Diaz`, `Ann Lee · Bo Chen · Cy Diaz`: a pipe or a middle
            # dot between three or more items separates people (one stays `Name | Org`).
            line = line.replace(separator, "; ")
    titled = _TITLE_THEN_NAME_RE.match(line)
    if titled and looks_like_name(titled["name"]) and not looks_like_org(titled["name"]) and (
            not looks_like_name(titled["title"])):
        # `Graphomania (Ana Novak)`: a talk's title with its speaker in brackets.
        return [Person(clean_name(titled["name"]), "", "")]
    segments = [s for s in SPLIT_SEMI_RE.split(line) if s.strip(" ,.")]
    parsed = [_parse_segment(segment, resume=len(segments) == 1) for segment in segments]
    if len(parsed) >= 3:
        # `A, Org; B, Stark Industries; C, Org`: in a list of one person and her organization
        # per segment, a segment of two name-shaped items is a person and her organization too.
        alone = [len(found) == 1 and bool(found[0].org) for found in parsed]
        for i, found in enumerate(parsed):
            if (len(found) == 2 and not found[0].org and not found[1].org
                    and sum(alone) == len(parsed) - 1 and " and " not in segments[i]):
                parsed[i] = [Person(found[0].name, found[1].name, found[0].title)]
    return [person for found in parsed for person in found]


_NUMBER_RE = re.compile(r"\d{1,4}[a-z]?")


def _org_before_title(person: Person) -> Person:
    """`Ann Lee, Acme University: Rivers at night`: the talk's title after the colon is no
    part of her organization (a keynote line, a schedule row); `Acme: Department of X` is. A
    title before the colon too stays whole, for the title tests downstream to see."""
    org, colon, rest = person.org.partition(": ")
    if colon and looks_like_org(org) and not title_like(org) and not looks_like_org(rest):
        return replace(person, org=org.strip())
    return person
# A list item's bullet before the line's people (`• Ann Lee (Acme U.)`, `▪ Bo Chen, MIT`).
_BULLET_RE = re.compile(r"^[•·▪●◦‣■□►▸➢✓*–-]\s*(?=\S)")
_TITLE_THEN_NAME_RE = re.compile(r"^(?P<title>[^(),;]+?)\s*\((?P<name>[^()]+)\)\s*$")
_AND_SPLIT_RE = re.compile(r"(\s+(?:and|&)\s+)")
_AND_RE = re.compile(r"\s+(?:and|&)\s+")


@memo_list
def _merge_org_ands(segment: str) -> list[str]:
    """Items of a segment, where `X and Y` or `X & Y` stays one item unless both sides are
    names (`Bluegrass Community and Technical College`, `Johnson & Johnson`).

    >>> _merge_org_ands("Priya Patel, Procter & Gamble")
    ['Priya Patel', 'Procter & Gamble']
    >>> _merge_org_ands("Ann Lee & Bo Chen, Acme")
    ['Ann Lee', 'Bo Chen', 'Acme']
    """
    items: list[str] = []
    glue = ""  # the `and` or `&` that joins the next part to the item before it
    for part in _AND_SPLIT_RE.split(segment):
        if _AND_RE.fullmatch(part):
            glue = f" {part.strip()} " if items and not _is_name_item(items[-1]) else ""
            continue
        sub = split_items(part)
        if glue and sub and not _is_name_item(sub[0]):
            items[-1] = f"{items[-1]}{glue}{sub[0]}"
            sub = sub[1:]
        glue = ""
        items.extend(sub)
    return items


_NAME_PAREN_RE = re.compile(r"([^(),;]+?)\s*\(([^()]+)\)")  # `A (Org)`


@memo_list
def _parse_segment(segment: str, *, resume: bool = True) -> list[Person]:
    """The people of one segment (a line's part between semicolons): `A (Org), B (Org2)`,
    `Ann Lee – VP, Talent – Acme`, a list of names, or runs of names each closed by the items
    (a title, an organization) that follow them."""
    segment = segment.strip(" ,.")
    if not segment:
        return []
    # `Smith J., Novak K.`, `HOOPER Grace, LYLE Peter`: surnames first (the strip took the
    # last initial's stop)
    catalogue = catalogue_names(segment + ".") or caps_first_names(segment)
    if catalogue:
        return [Person(name) for name in catalogue]
    inverted = INVERTED_RE.match(segment) if "(" in segment else None
    if inverted and surname_then_given(inverted["surname"], inverted["given"]):
        # `Doe, John (Umbrella Corp)`: a name printed surname first, then its organization
        return [Person(f'{inverted["surname"]}, {inverted["given"]}', inverted["org"].strip())]
    # "A (Org), B (Org2)" or "A and B (Org)"
    if "(" in segment:
        out = _parenthesized(segment)
        if out:
            return out
    dashed = _dashed(segment)
    if dashed is not None:
        return [dashed]
    listed = name_list_items(segment)
    if listed:
        return [Person(name) for name in listed]
    return _grouped(segment)


def _parenthesized(segment: str) -> list[Person]:
    """`A (Org), B (Org2)`, `A and B (Org)`: each name before the organization in brackets.

    A name after a dash is read without the talk's title before it (`Tiles — Ann Lee (Acme)`).
    A segment that opens with a name and a title before the brackets is no such list: the
    brackets hold an acronym of the organization before them (`Tom Fielding, Lead, Open Tile
    Toolkit (OTT)`), read by :func:`_grouped`.
    """
    first = _NAME_PAREN_RE.search(segment)
    before = split_items(segment[:first.start()]) if first else []
    if len(before) >= 2 and _is_name_item(before[0]) and not _is_name_item(before[-1]):
        return []
    out = []
    end = 0
    for match in _NAME_PAREN_RE.finditer(segment):
        # `Ann Lee, Bo Chen (Acme)`: the names listed before the bracket's name share it, when
        # every item between the last bracket and this one is a name
        between = [i for i in split_items(_SLOT_LEAD_RE.sub("", segment[end:match.start()]))
                   if i.strip(" ,")]
        shared = between if between and all(_is_name_item(i) for i in between) else []
        end = match.end()
        # `09:00 The Grammar of Tiles — Helen Marsh (Acme)`: the name after a title's dash;
        # `11:30 Ann Lee and Bo Chen (Acme)`: the names after the time slot
        own = [Person(name, match.group(2).strip()) for name in map(clean_name, split_items(
            DASH_SPLIT_RE.split(_SLOT_LEAD_RE.sub("", match.group(1)))[-1]))
            if looks_like_name(truecase(name))]
        if own:  # not `Ann Lee, Northfield University (Ohio)`: a bracket after a name only
            out.extend(Person(name, own[0].org) for name in map(clean_name, shared)
                       if looks_like_name(truecase(name)))
        out.extend(own)
    return out


_SLOT_LEAD_RE = re.compile(rf"^\s*(?:{TIME_SLOT})\s+(?=\S)", re.I)


def _dashed(segment: str) -> Person | None:
    """`Ann Lee – VP, Talent – Acme`: a name, a dash, then a title and an organization."""
    dash = DASH_RE.match(segment)
    if dash and dash.group("dash") == "-" and not _org_after_hyphen(dash.group("org")):
        return None  # `Two Birds - Teaching Coding in Primary Schools`: a talk title
    if not dash or not _is_name_item(dash.group("name")):
        return None
    # `Ann Lee – VP, Talent – Acme`: the last part is the organization, the rest the title;
    # `Ann Lee – Director, Acme`: a title first, then the organization.
    title, org = "", dash.group("org").strip()
    rest = [p.strip() for p in DASH_SPLIT_RE.split(org) if p.strip()]
    parts = [p.strip() for p in org.split(",")]
    if len(rest) >= 2 and job_title(rest[0]):
        title, org = " – ".join(rest[:-1]), rest[-1]
    elif len(parts) >= 2 and looks_like_title(parts[0]):
        title, org = parts[0], ", ".join(parts[1:])
    elif len(parts) == 1 and position_role(org) and not looks_like_org(org):
        title, org = org, ""  # `Ann Lee – Treasurer`: a position, no organization
    elif title_like(org) and not looks_like_org(org):
        org = ""  # `Ann Lee – Rivers at night`: her talk's title
    return Person(clean_name(dash.group("name")), org, title, unsure=dash.group("dash") == "-")


def _grouped(segment: str) -> list[Person]:
    """`Ann Lee, Bo Chen, Duke University, Cy Diaz, MIT`: runs of names, each with the title
    and organization that close it; [] when the segment does not read so."""
    items = _merge_org_ands(segment)
    kinds = [_is_name_item(item) for item in items]
    if "," not in segment and not all(kinds):
        # An organization follows its people after a comma, never after `and` (`Jointly Event
        # Extraction and Visualization on Twitter`, a title).
        return []
    items, kinds = _with_departments(items, kinds)
    people: list[Person] = []
    for names, rest in _name_groups(items, kinds):
        title, org = "", ""
        if rest:
            if len(names) == 1 and len(rest) >= 2 and job_title(rest[0]):
                title, org = rest[0], ", ".join(rest[1:])
            elif len(names) == 1 and len(rest) == 1 and job_title(rest[0]) and not (
                looks_like_org(rest[0])
            ):
                title = rest[0]
            else:
                org = ", ".join(rest)
        people.extend(Person(name, org, title) for name in names)
    return people


# A body at the end of an item names it (`Tourism Board`, `Student Council`): no position.
_BODY_END_RE = re.compile(r"\b(?:board|council|committee)$", re.I)


def job_title(item: str) -> bool:
    """A job title (`Chief People Officer`) or a short position of the lexicon (`Treasurer`,
    `Secretary-General`, `Program Co-Chair`), not an organization (`Tourism Board`)."""
    return looks_like_title(item) or (
        len(item.split()) <= 3 and bool(position_role(item)) and not looks_like_org(item)
        and not _BODY_END_RE.search(item))


def _with_departments(items: list[str], kinds: list[bool]) -> tuple[list[str], list[bool]]:
    """`VP, Workforce Strategy, Acme`: the name-shaped item after a bare job title is its
    department when an organization still follows, and joins the title; as the last item it
    is the organization (`Chief People Officer, Northwind Traders`)."""
    for k in range(1, len(items) - 2):
        if kinds[k + 1] and not kinds[k] and DEPT_TITLE_RE.search(items[k]) and (
            len(items[k].split()) <= 3 and not looks_like_org(items[k])
        ):
            kinds[k + 1] = False
            items[k] = f"{items[k]}, {items[k + 1]}"
            items[k + 1] = ""
    kinds = [kind for kind, item in zip(kinds, items, strict=True) if item]
    items = [item for item in items if item]
    return items, kinds


def _name_groups(items: list[str], kinds: list[bool]) -> list[tuple[list[str], list[str]]]:
    """Groups: a run of names (`kinds` True), then the run of other items (title,
    organization) closing it; [] when the items do not start with a name."""
    groups: list[tuple[list[str], list[str]]] = []
    i = 0
    while i < len(items):
        if not kinds[i]:
            if not groups:
                return []  # the segment does not start with a name
            groups[-1][1].append(items[i])
            i += 1
            continue
        j = i
        while j < len(items) and kinds[j]:
            j += 1
        # Names resume after an organization only when their own organization follows.
        if groups and groups[-1][1] and j == len(items):
            groups[-1][1].extend(items[i:j])
        else:
            groups.append(([clean_name(x) for x in items[i:j]], []))
        i = j
    return groups

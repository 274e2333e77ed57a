"""One walker over structured data of any schema: records found at any depth, fields typed.

A tree (from `extractors.tree_load`, or rows of a Markdown or HTML table) is walked to its
leaves. Every mapping that holds a name-ish field is a record; its fields are typed by key
through the lexicon (`pipeline/text/data/lexicon.yaml`) and by value, and its role, tier, award and
year come from the record itself, else from its context: the keys on its path, the map keys
above it (`2023:`, `platinum:`, `Keynotes:`), and the file and folder names. Records that name
others by id (`speakers: [ABC123]` with `{code: ABC123, name: ...}` elsewhere) are joined.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from extractors.award_lines import citation_authors
from extractors.records import is_person_account, person_name, session_role, year_in
from pipeline.errors import ParseError
from pipeline.text.lexicon import (
    context_role,
    field_kind,
    is_tier,
    norm_key,
    not_people,
    position_role,
    tier_label,
)
from pipeline.text.lines import SUFFIXES, looks_like_name, looks_like_org
from pipeline.tables import Block

MAX_DEPTH = 60
_TAG_RE = re.compile(r"<[^>]+>")
_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL_RE = re.compile(r"^(?:https?://|www\.|mailto:|/|\.\.?/)\S*$|\.(?:png|jpe?g|gif|svg|pdf)$",
                     re.I)
_BRACKET_ORG_RE = re.compile(r"^(?P<name>[^()\[\]]+?)\s*[(\[](?P<org>[^()\[\]]+)[)\]]\s*$")
_SPLIT_SEMI_RE = re.compile(r"\s*;\s*|\s*\n\s*|\s+\|\s+")
_SPLIT_COMMA_RE = re.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s+&\s+|\s+(?:et|und|y|e)\s+")
_YEAR_KEY_RE = re.compile(r"^(?:19[5-9]\d|20\d\d)$")
_AWARD_WORD_RE = re.compile(r"\b(award|prize|medal|honou?r|lecture(?:ship)?|fellow(?:ship)?|"
                            r"mention|recognition|preis|prix|premio)s?\b", re.I)
_NOT_PERSON_TYPE_RE = re.compile(
    r"\b(place|organi[sz]ation|corporation|company|event|eventseries|document|address|group|"
    r"venue|room|series|track|location|institution|sponsor|exhibitor|postaladdress)s?\b", re.I)
# Words of a session or a phrase, never of a person's name (lower-case particles such as
# `van`, `de`, `bin` are names' and stay allowed).
_NOT_NAME_WORDS = {"of", "a", "an", "the", "with", "for", "on", "and", "session", "sessions",
                   "talk", "talks", "break", "lunch", "discussion", "meeting", "q&a", "workshop",
                   "tutorial", "keynote", "panel", "poster", "posters", "opening", "closing"}
_EVENT_TYPE_RE = re.compile(r"event|session|talk|presentation|lecture|workshop", re.I)
_OWN_NAME_KEYS = {"name", "names", "full_name", "fullname", "display_name", "title", "label"}
# Context words too generic to name an award or a session on their own.
_GENERIC_CONTEXT = {"awards", "award", "prizes", "prize", "winners", "recipients", "data", "items",
                    "list", "entries", "results", "index", "main", "content", "site", "raw",
                    "records", "rows"}


@dataclass
class Context:
    """What the path down to a record says: outermost first."""

    words: tuple[str, ...] = ()
    year: int | None = None
    tier: str = ""
    award: str = ""
    session: str = ""
    kind: str = ""

    def under(self, word: str, **changes) -> Context:
        return Context(words=self.words + ((word,) if word else ()), year=changes.get(
            "year", self.year), tier=changes.get("tier", self.tier), award=changes.get(
            "award", self.award), session=changes.get("session", self.session),
            kind=changes.get("kind", self.kind))

    def role(self) -> str:
        roles = [r for r in map(context_role, reversed(self.words)) if r]
        if not roles:
            return ""
        # `committees.yml` with a `prize:` key lists the prize committee, not its winners.
        if roles[0] == "award_recipient" and any(r in ("committee", "board") for r in roles[1:]):
            return next(r for r in roles[1:] if r in ("committee", "board"))
        return roles[0]


@dataclass
class Walk:
    """State of one walk: the id index, the ids a record referred to, and the keys seen."""

    ids: dict[str, dict] = field(default_factory=dict)
    referenced: set[str] = field(default_factory=set)
    joined: set[int] = field(default_factory=set)  # id() of the records joined by reference
    keys: dict[str, int] = field(default_factory=dict)
    source: str = "tree"


def clean_value(value: object) -> str:
    """A scalar as one line of plain text: HTML tags and Markdown links dropped.

    >>> clean_value('<a href="x">UU</a>, Utrecht'), clean_value("[Ann Lee](https://a.b)")
    ('UU, Utrecht', 'Ann Lee')
    """
    if value is None or isinstance(value, bool | list):
        return ""
    if isinstance(value, dict):
        for key in ("en", "#text", "name", "title", "value"):
            if key in value and not isinstance(value[key], dict | list):
                return clean_value(value[key])
        return ""
    text = html.unescape(_MD_LINK_RE.sub(r"\1", _TAG_RE.sub("", str(value))))
    return " ".join(text.replace("**", "").replace("__", "").split())


def blocks_from_tree(tree, *, context: Iterable[str] = (), source: str = "tree",
                     year: int | None = None) -> tuple[list[Block], dict[str, int]]:
    """Blocks of every person and organization the tree names, and the keys it holds.

    >>> tree = {"platinum": [{"name": "Acme Corp", "url": "https://acme.example"}]}
    >>> [(b.org_name, b.role, b.sponsor_tier) for b in blocks_from_tree(tree,
    ...     context=["sponsors"])[0]]
    [('Acme Corp', 'sponsor', 'Platinum')]
    """
    walk = Walk(source=source)
    _index(tree, walk, 0)
    start = Context()
    for word in context:
        start = _enter(start, word)
    if year is not None and start.year is None:
        start.year = year
    found = list(_visit(tree, start, walk, 0, key=""))
    blocks = [block for block, ref in found if not ref or ref not in walk.referenced]
    return _dedupe(blocks), walk.keys


def _dedupe(blocks: list[Block]) -> list[Block]:
    seen, out = set(), []
    for block in blocks:
        key = (block.person_name, block.org_name, block.role, block.session, block.award,
               block.year, block.sponsor_tier)
        if key not in seen:
            seen.add(key)
            out.append(block)
    return out


def _index(node, walk: Walk, depth: int) -> None:
    """Every record with an id and a name, by id, so references to it can be joined."""
    if depth > MAX_DEPTH:
        return
    if isinstance(node, dict):
        ident = next((clean_value(v) for k, v in node.items() if field_kind(k) == "id"
                      and isinstance(v, str | int) and clean_value(v)), "")
        if ident and any(field_kind(k) in ("person", "given_name", "family_name", "org")
                         for k in node):
            walk.ids.setdefault(ident, node)
        for value in node.values():
            _index(value, walk, depth + 1)
    elif isinstance(node, list):
        for value in node:
            _index(value, walk, depth + 1)


def _enter(context: Context, key: str) -> Context:
    """The context under map key or path word `key` (`2023`, `platinum`, `Best Paper Award`)."""
    text = clean_value(key)
    if not text:
        return context
    if _YEAR_KEY_RE.match(text.strip()):
        return context.under(text, year=int(text))
    changes: dict = {}
    if is_tier(text) and tier_label(text):
        changes["tier"] = tier_label(text)
    if _AWARD_WORD_RE.search(text) and norm_key(text) not in _GENERIC_CONTEXT and len(
            text.split()) >= 2:
        changes["award"] = _award_name(text)
    if year_in(text) and context.year is None:
        changes["year"] = year_in(text)
    return context.under(text, **changes)


def _award_name(text: str) -> str:
    words = re.sub(r"[_\-]+", " ", text).split()
    name = " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in words)
    return re.sub(r"\s*\b(19[5-9]\d|20\d\d)\b\s*", " ", name).strip(" :-")


def _visit(node, context: Context, walk: Walk, depth: int, *, key: str
           ) -> Iterator[tuple[Block, str]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            if isinstance(item, str):
                yield from _listed(item, context, walk, key)
            else:
                yield from _visit(item, context, walk, depth + 1, key=key)
        return
    if not isinstance(node, dict):
        if isinstance(node, str) and key and field_kind(key) == "person":
            yield from _people_items(node, context, walk, key)
        return
    for k in node:
        walk.keys[str(k)] = walk.keys.get(str(k), 0) + 1
    consumed: set = set()
    record = _record_blocks(node, context, walk, consumed, key)
    yield from record
    inner = _record_context(node, context)
    for k, value in node.items():
        if isinstance(value, str | int) and not isinstance(value, bool) and _YEAR_KEY_RE.match(
                str(k).strip()) and k not in consumed:
            # `2023: Jane Doe` under an award: the year's recipients.
            yield from _people_items(str(value), _enter(inner, str(k)), walk, key)
            continue
        if k in consumed or not isinstance(value, dict | list):
            continue
        kind = field_kind(k)
        if kind in ("url", "text"):
            continue
        yield from _visit(value, _enter(inner, str(k)), walk, depth + 1, key=str(k))


def _record_context(node: dict, context: Context) -> Context:
    """A mapping's own title, year, tier, award and kind, for the records nested in it."""
    changes: dict = {}
    for k, value in node.items():
        if isinstance(value, dict | list):
            continue
        kind, text = field_kind(k), clean_value(value)
        if not text:
            continue
        if kind == "year" and year_in(text):
            changes.setdefault("year", year_in(text))
        elif kind == "date" and year_in(text):
            changes.setdefault("year", year_in(text))
        elif kind == "tier":
            changes.setdefault("tier", tier_label(text) or text)
        elif kind == "award":
            changes.setdefault("award", text)
        elif kind == "session":
            changes.setdefault("session", text)
        elif kind == "kind":
            changes.setdefault("kind", text)
    name = next((clean_value(v) for k, v in node.items() if norm_key(k) in ("name", "label")
                 and isinstance(v, str) and len(v.split()) <= 6), "")
    if name and context_role(name) and not looks_like_name(name) and (
            context.role() != "award_recipient"):
        # `{name: Program Committee, members: [...]}`; under an award, a committee so named is
        # the recipient (`Outstanding Service: the 2010 Curriculum Committee`), not a role.
        changes.setdefault("group", name)
    if not changes:
        return context
    # A session's title is no context word: a talk called "Panel on awards" names no role.
    # A record's type (`type: Papers`) decides its people's role through `session_role`, not
    # as a context word.
    word = changes.pop("group", "") or changes.get("award") or changes.get("tier") or ""
    return context.under(word, **changes)


def _record_blocks(node: dict, context: Context, walk: Walk, consumed: set,
                   parent_key: str = "") -> list[tuple[Block, str]]:
    fields: dict[str, list] = {}
    for k, value in node.items():
        kind = field_kind(k)
        if kind:
            fields.setdefault(kind, []).append((k, value))
    own = _record_context(node, context)
    given = _scalar(fields, "given_name")
    family = _scalar(fields, "family_name")
    people_fields = [(k, v) for k, v in fields.get("person", [])]
    if given or family:
        people_fields.insert(0, ("name", " ".join(filter(None, [given, family]))))
    org_value = _resolve(_scalar_list({"org": [(k, v) for k, v in fields.get("org", [])
                                               if context_role(k) not in ("sponsor", "exhibitor")]},
                                      "org"), walk)
    if not org_value:  # `where: Cornell University, USA` names an organization, not a place
        org_value = next((p for p in _scalar_list(fields, "place") if looks_like_org(p)), "")
    if not people_fields:
        # `citation: "Ann Lee, Bo Chen, and Cy Diaz. 2021. Title. In Proc."`: its authors.
        for _, value in fields.get("text", []):
            try:
                authors = citation_authors(clean_value(value))
            except ParseError:
                continue
            people_fields = [("authors", authors)]
            break
    position = _scalar(fields, "position")
    ident = _scalar(fields, "id")
    out: list[tuple[Block, str]] = []
    if not people_fields:
        # An organization record: `{name: Acme}` is typed `person` by key, so an org-only
        # record is one whose org field is its name (`{company: Acme, booth: 4}`).
        if org_value and (fields.get("tier") or fields.get("booth") or context.role() in (
                "sponsor", "exhibitor")):
            consumed.update(k for k, _ in fields.get("org", []))
            for name in _scalar_list(fields, "org"):  # `companies: [A, B]` is two
                block = _org_block(_resolve([name], walk), node, fields, own, walk,
                                   key=fields["org"][0][0])
                if block:
                    out.append((block, ident))
        return out
    context_role_ = own.role()
    # A room, a track, a day or a venue with a `name`, or a record typed as a place, an event
    # or an organization (RDF's rdf:type, JSON-LD's @type), names no person.
    types = [clean_value(v) for k, v in node.items() if norm_key(k) in ("type", "rdf_type")
             and isinstance(v, str | list)]
    not_person_record = field_kind(parent_key) in ("place", "kind", "date") or any(
        len(t.split()) == 1 and _NOT_PERSON_TYPE_RE.search(t) for t in types)
    if not_person_record:
        # Its `name` is the event's title or the place's name; its role fields still count.
        people_fields = [(k, v) for k, v in people_fields if norm_key(k) not in _OWN_NAME_KEYS]
        if any(_EVENT_TYPE_RE.search(t) for t in types):
            title = next((clean_value(v) for k, v in node.items() if norm_key(k) in
                          _OWN_NAME_KEYS and clean_value(v)), "")
            own = own.under("", session=own.session or title) if title else own
    out.extend(_sponsor_fields(fields, own, walk, ident))
    represented = None
    if org_value and not any(norm_key(k) in _OWN_NAME_KEYS for k, _ in people_fields) and (
            fields.get("booth") or fields.get("tier") or context_role_ in ("sponsor",
                                                                           "exhibitor")):
        # `{company: Umbrella Corp, booth: 101, contact: Ann Lee}`: the organization, and the
        # person who represents it in its role.
        represented = _org_block(org_value, node, fields, own, walk, key=fields["org"][0][0])
        if represented:
            out.append((represented, ident))
    for key, value in people_fields:
        items = _values(value, walk)
        if not items:
            continue
        consumed.add(key)
        key_role = _key_role(key)
        for item in items:
            if isinstance(item, dict):
                # A nested person record (`speakers: [{name, affiliation}]`) under this one, or
                # one joined by id: the joined one is this record's, the listed one is dropped
                # when another record joins it (it would repeat without its session).
                joined = id(item) in walk.joined
                for block, ref in _record_blocks(item, own.under(key), walk, set(), key):
                    out.append((block, "" if joined else ref))
                continue
            as_org = _is_org_record(item, key, fields, context_role_)
            if as_org:
                # Outside a sponsor or exhibitor list an organization's record names no role.
                block = _org_block(item, node, fields, own, walk, key=key) if (
                    context_role_ in ("sponsor", "exhibitor") or fields.get("booth")
                    or fields.get("tier")) else None
                if block:
                    out.append((block, ident))
                continue
            for name, org in _split_people(item, walk):
                name = person_name(name)
                if not _is_person(name):
                    continue
                role = represented.role if represented else _role(key_role, position, own, fields)
                block = _person_block(name, org or _org_of(org_value, position), role, own,
                                      fields, walk, key=key, position=position)
                if represented:
                    block = replace(block, booth=represented.booth,
                                    sponsor_tier=represented.sponsor_tier)
                out.append((block, ident))
    return out


def _sponsor_fields(fields: dict, context: Context, walk: Walk, ident: str
                    ) -> list[tuple[Block, str]]:
    """Organizations in a record's sponsor-named fields (`sponsor: Acme`, `funder: <id>`)."""
    out = []
    for key, value in fields.get("org", []):
        role = context_role(key)
        if role not in ("sponsor", "exhibitor"):
            continue
        for name in _resolve(_scalar_list({"org": [(key, value)]}, "org"), walk).split(", "):
            block = _org_block(name, {}, fields, context.under(str(key)), walk, key=key)
            if block and not is_tier(block.org_name):  # `sponsor: <the group "Sponsors">`
                out.append((block, ident))
    return out


def _scalar(fields: dict, kind: str) -> str:
    for _, value in fields.get(kind, []):
        if isinstance(value, list):
            value = ", ".join(clean_value(v) for v in value if clean_value(v))
        text = clean_value(value)
        if text:
            return text
    return ""


def _scalar_list(fields: dict, kind: str) -> list[str]:
    for _, value in fields.get(kind, []):
        values = [clean_value(v) for v in (value if isinstance(value, list) else [value])]
        values = [v for v in values if v]
        if values:
            return values
    return []


def _resolve(values: list[str], walk: Walk) -> str:
    """An organization value, with ids of other records (`affiliation: <uri>`) as their names."""
    names = []
    for value in values:
        ref = walk.ids.get(value)
        if ref is not None:
            walk.referenced.add(value)
            value = next((clean_value(v) for k, v in ref.items()
                          if field_kind(k) in ("person", "org") and clean_value(v)), value)
        if value and value not in names:
            names.append(value)
    return ", ".join(names)


def _values(value, walk: Walk) -> list:
    """A person field's items: strings, or records (joined by id when the value is an id)."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict):
            text = item.get("#text")
            if set(item) <= {"#text", "id", "code", "guid"} and text:
                out.append(clean_value(text))
            else:
                out.append(item)
            continue
        if isinstance(item, list):
            out.extend(_values(item, walk))
            continue
        text = clean_value(item)
        if not text:
            continue
        ref = walk.ids.get(text)
        if ref is not None and not looks_like_name(text):
            walk.referenced.add(text)
            walk.joined.add(id(ref))
            out.append(ref)
            continue
        out.append(text)
    return out


def _key_role(key: str) -> str:
    """The role a person field's key itself names (`chairs`, `moderator`, `winners`), or ''."""
    role = context_role(key)
    return "" if role in ("speaker", "organizer") and norm_key(key) in (
        "speaker", "speakers", "author", "authors", "presenter", "presenters", "name", "names",
        "person", "persons", "people", "by") else role


def _role(key_role: str, position: str, context: Context, fields: dict) -> str:
    """The role of a person of a record: the field's own key, the person's position, the
    session's type or title (under a schedule), the context, else speaker."""
    if key_role and key_role not in ("sponsor", "exhibitor"):
        return key_role
    by_position = position_role(position) if position else ""
    if by_position:
        return by_position
    where = context.role()
    kind = context.kind or _scalar(fields, "kind")
    if where in ("", "speaker") and (kind or context.session):
        by_session = session_role(kind, context.session)
        if by_session != "speaker":
            return by_session
        by_kind = context_role(kind) if kind else ""
        if by_kind and by_kind not in ("sponsor", "exhibitor", "speaker"):
            return by_kind
    if where and where not in ("sponsor", "exhibitor"):
        return where
    if context.award:
        return "award_recipient"
    return "speaker"


def _is_org_record(item: str, key: str, fields: dict, context_role_: str) -> bool:
    """A `name` that names the organization of a sponsor/exhibitor record, not a person."""
    if field_kind(key) != "person" or norm_key(key) not in ("name", "names", "full_name",
                                                           "display_name", "title"):
        return False
    if context_role_ in ("sponsor", "exhibitor") or fields.get("booth") or (
            fields.get("tier") and not fields.get("org")):
        return not (looks_like_name(item) and fields.get("position"))
    bare = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", item)
    return looks_like_org(bare) and not looks_like_name(bare)


def _split_people(text: str, walk: Walk) -> list[tuple[str, str]]:
    """(name, org) pairs of one value: `A (Org); B (Org)`, `A, B and C`, `Name [Org]`.

    `Doe, Jane` (one comma, one word each side) is one name in catalogue order.
    """
    text = text.strip(" .;,")
    if not text:
        return []
    parts = _SPLIT_SEMI_RE.split(text)
    if len(parts) == 1:
        bare = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", text)
        halves = [h.strip() for h in bare.split(",")]
        if len(halves) == 2 and all(len(h.split()) == 1 and h[:1].isupper() for h in halves) \
                and not position_role(halves[1]):
            return [(f"{halves[1]} {halves[0]}", _name_and_bracket(text)[1])]
        parts = [p for p in re.split(r"\s*,\s*(?![^()\[\]]*[)\]])(?:and\s+|&\s*)?|\s+and\s+|"
                                     r"\s+&\s+", text)]
        if len(parts) == 2 and not looks_like_name(parts[1]) and looks_like_org(parts[1]):
            return [(parts[0], parts[1])]  # `Ann Lee, Acme University`
    out = []
    for part in parts:
        part = part.strip(" .,")
        if not part:
            continue
        name, org = _name_and_bracket(part)
        if position_role(name) and not looks_like_name(name):
            continue  # `Ann Lee, Chair`: the item `Chair` is his role, not a person
        if name.lower().rstrip(".") in SUFFIXES and out:
            out[-1] = (f"{out[-1][0]} {name}", out[-1][1])  # `Bo Chen, Jr`
            continue
        out.append((name, org))
    return out


def _name_and_bracket(part: str) -> tuple[str, str]:
    """`Ann Lee (University of Acme - North Campus (UANC))` -> name and organization.

    >>> _name_and_bracket("Ann Lee (Acme College (ACU))")
    ('Ann Lee', 'Acme College (ACU)')
    """
    for open_, close in (("(", ")"), ("[", "]")):
        if part.endswith(close) and open_ in part:
            cut = part.index(open_)
            if part[:cut].strip():
                return part[:cut].strip(), part[cut + 1:-1].strip()
    return part, ""


def _is_person(name: str) -> bool:
    if not name or len(name) > 80 or _URL_RE.search(name) or "@" in name:
        return False
    if name.lower() in not_people() or not any(ch.isalpha() for ch in name):
        return False
    if len(name.split()) > 7:
        return False
    words = {w.strip(",:;()") for w in name.split() if w.islower()}  # as printed: `A.` is Ann
    if words & _NOT_NAME_WORDS or "&" in name:
        return False  # `Friends of the Project Talks`, `Q&A session` in a speaker field
    return is_person_account(name)


def _org_of(org_value: str, position: str) -> str:
    if org_value:
        return org_value
    if position and not position_role(position):
        return position  # `position: Acme Institute, Lisbon` is where the person works
    return ""


def _person_block(name: str, org: str, role: str, context: Context, fields: dict, walk: Walk,
                  *, key: str, position: str) -> Block:
    title = position if position and position_role(position) else ""
    session = context.session if role not in ("committee", "board", "award_recipient") else ""
    award = context.award if role == "award_recipient" else ""
    if role == "award_recipient":
        # The record's own category (`label: Junior Researcher`, `category: Best Student Paper`)
        # names its award more closely than the list it is in.
        own = next((clean_value(v) for k, v in fields.get("award", []) + fields.get("session", [])
                    if norm_key(k) in ("award", "award_name", "prize", "category", "label",
                                       "award_category", "honor", "honour")
                    and clean_value(v)), "")
        award = own or award
    if role == "award_recipient" and not award:
        award = next((w for w in reversed(context.words) if _AWARD_WORD_RE.search(w)
                      and norm_key(w) not in _GENERIC_CONTEXT), "")
        award = _award_name(award) if award else ""
    snippet = " — ".join(filter(None, [f"{name} ({org})" if org else name, title, session,
                                       award, str(context.year or "")]))
    return Block(text=name, person_name=name, org_name=org, role=role, title=title,
                 session=session[:300], award=award, year=context.year,
                 source_person_id=_scalar(fields, "id") if key == "name" else "",
                 snippet=snippet[:300], method=f"{walk.source}:{norm_key(key)}")


def _org_block(name: str, node: dict, fields: dict, context: Context, walk: Walk, *, key: str
               ) -> Block | None:
    name = clean_value(name).strip(" ,;")
    if not name or _URL_RE.search(name) or len(name) > 120:
        return None
    booth = _scalar(fields, "booth")
    role = context.role()
    if role not in ("sponsor", "exhibitor"):
        role = "exhibitor" if booth else "sponsor"
    if role == "sponsor" and booth and context.role() != "sponsor":
        role = "exhibitor"
    tier = context.tier if role == "sponsor" else ""
    snippet = " — ".join(filter(None, [name, tier, f"booth {booth}" if booth else ""]))
    return Block(text=name, org_name=name, role=role, sponsor_tier=tier, booth=booth,
                 year=context.year, snippet=snippet[:300], method=f"{walk.source}:{norm_key(key)}")


def _listed(text: str, context: Context, walk: Walk, key: str) -> Iterator[tuple[Block, str]]:
    """A string in a list: an organization under sponsors (`platinum: [Acme]`), a person under
    a person key or a year (`2022: [Ann Lee (Initech)]`), or, elsewhere, a person only when
    it is shaped like a name (a list of tags or rooms names nobody)."""
    where = context.role()
    if where in ("sponsor", "exhibitor") and field_kind(key) != "person":
        block = _org_block(text, {}, {}, context, walk, key=key or "item")
        if block and not is_tier(block.org_name):
            yield block, ""
        return
    if field_kind(key) == "person" or _YEAR_KEY_RE.match(str(key)):
        yield from _people_items(text, context, walk, key)
    elif where and looks_like_name(_name_and_bracket(clean_value(text))[0]):
        yield from _people_items(text, context, walk, key)


def _people_items(text: str, context: Context, walk: Walk, key: str
                  ) -> Iterator[tuple[Block, str]]:
    """Bare names listed under a key (`organizers: [A.B. Lee, ...]`, `2023: Ann Lee`)."""
    role = _role(_key_role(key), "", context, {})
    for name, org in _split_people(clean_value(text), walk):
        name = person_name(name)
        if _is_person(name):
            yield _person_block(name, org, role, context, {}, walk, key=key, position=""), ""


def table_blocks(rows: list[dict], *, context: Iterable[str] = (), source: str = "table",
                 year: int | None = None) -> list[Block]:
    """Blocks of a table's rows (a Markdown or HTML table) read as records. A row in which no
    column holds names (`| 09:40 | Keynote | Dr. Ann Lee: Spatial genomics |`) gives its
    free-text cells to NER (`role_hint` "ner"), in the role its short cells give."""
    context = list(context)
    start = Context()
    for word in context:
        start = _enter(start, word)
    out: list[Block] = []
    for row in rows:
        found, _ = blocks_from_tree([row], context=context, source=source, year=year)
        if found:
            out.extend(found)
            continue
        cells = [clean_value(v) for v in row.values() if clean_value(v)]
        short = [c for c in cells if len(c.split()) <= 4 and not any(ch.isdigit() for ch in c)]
        texts = [c for c in cells if c not in short and sum(w[:1].isupper() for w in c.split())
                 >= 2]
        if not texts:
            continue
        where = start.role()
        role = where if where not in ("", "speaker", "sponsor", "exhibitor") else session_role(
            " ".join(short), texts[0])
        for text in texts:
            out.append(Block(text=text, role=role, role_hint="ner", session=texts[0][:300],
                             year=year or start.year, section=context[-1] if context else ""))
    return out


def describe_keys(keys: dict[str, int], limit: int = 12) -> str:
    """`keys seen: name (12), url (12), logo (3)` for an `empty` message."""
    top = sorted(keys.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return ", ".join(f"{k} ({n})" for k, n in top) or "none"

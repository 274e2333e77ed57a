"""One mapping of a tree read as a record: its fields typed by key, its people in their roles with
their organization, or the organization it is (a sponsor, an exhibitor at a booth)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.award_lines import citation_authors, normalize_award
from extractors.records import person_name, year_in
from extractors.tree_context import (
    AWARD_WORD_RE,
    GENERIC_CONTEXT,
    YEAR_KEY_RE,
    Context,
    Walk,
    award_name,
    clean_value,
    names_award,
    record_context,
)
from extractors.tree_people import URL_RE, is_person, numbered_org, one_each, split_people
from extractors.tree_roles import key_role, person_role, scalar, scalar_list
from pipeline.errors import ParseError
from pipeline.tables import Block
from pipeline.text.keys import norm_key
from pipeline.text.lexicon import context_role, field_kind, is_tier, position_role
from pipeline.text.lines import looks_like_name, looks_like_org
from pipeline.text.namefreq import known_given_share

_NOT_PERSON_TYPE_RE = re.compile(
    r"\b(place|organi[sz]ation|corporation|company|event|eventseries|document|address|group|"
    r"venue|room|series|track|location|institution|sponsor|exhibitor|postaladdress)s?\b", re.I)
_EVENT_TYPE_RE = re.compile(r"event|session|talk|presentation|lecture|workshop", re.I)
_OWN_NAME_KEYS = {"name", "names", "full_name", "fullname", "display_name", "title", "label"}
# A year printed bare in a record's own name (`<conference name="Geo Days 2023">`) names an
# event or an edition, never a person (`Ann Lee (2023)` is a term, in brackets).
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_BARE_YEAR_RE = re.compile(r"(?<![(\d])\b(?:19|20)\d\d\b(?![)\d])")


@dataclass
class _Record:
    """A record being read, for the blocks of its person fields."""

    fields: dict[str, list]  # (key, value) pairs by field kind
    own: Context  # the context with the record's own title, year, tier, award, kind
    role: str  # the role the record's context names
    org_value: str  # the record's organization, ids replaced by the names of their records
    position: str
    ident: str
    represented: Block | None = None  # the organization its people represent in its role


def record_blocks(node: dict, context: Context, walk: Walk, consumed: set,
                  parent_key: str = "") -> list[tuple[Block, str]]:
    """Blocks of mapping `node`, each with the record's id (a block of a record that another
    record joins by id is dropped from the walk's output). The keys read as person or
    organization fields are added to `consumed`, so the walk does not descend into them."""
    fields: dict[str, list] = {}
    for k, value in node.items():
        kind = field_kind(k)
        if kind == "tier" and isinstance(value, str | int) and _YEAR_RE.fullmatch(
                str(value).strip()):
            kind = "year"  # `Class: 2020`: a fellows' class is their year, no sponsor's tier
        if kind:
            fields.setdefault(kind, []).append((k, value))
    own = record_context(node, context)
    people_fields = [(k, v) for k, v in _people_fields(fields) or _citation_authors(fields)
                     if not (norm_key(k) in _OWN_NAME_KEYS and isinstance(v, str)
                             and _BARE_YEAR_RE.search(v))]
    ident = scalar(fields, "id")
    tiered = _tier_members(node, own, people_fields + fields.get("org", []), walk, consumed,
                           ident)
    if tiered:  # `{name: Diamond, members: [Initech, Hooli]}`: a tier and its sponsors
        return tiered
    org_value = _org_value(fields, walk)
    offices = _office_blocks(node, own, fields, walk, consumed, ident)
    if not people_fields and not org_value and context.role() in ("sponsor", "exhibitor"):
        org_value = _logo_name(node, fields)
    if not people_fields:
        # `{sponsor: Acme, level: Gold}`: a record of its sponsor-named field alone
        return offices + (_org_record_blocks(fields, own, context, walk, consumed, org_value,
                                             ident) or _sponsor_fields(fields, own, walk, ident))
    role = own.role()
    types = [clean_value(v) for k, v in node.items() if norm_key(k) in ("type", "rdf_type")
             and isinstance(v, str | list)]
    if field_kind(parent_key) in ("place", "kind", "date") or any(
            len(t.split()) == 1 and _NOT_PERSON_TYPE_RE.search(t) for t in types):
        # A room, a track, a day or a venue with a `name`, or a record typed as a place, an
        # event or an organization (RDF's rdf:type, JSON-LD's @type), names no person: its
        # `name` is the event's title or the place's name; its role fields still count.
        people_fields = [(k, v) for k, v in people_fields if norm_key(k) not in _OWN_NAME_KEYS]
        if any(_EVENT_TYPE_RE.search(t) for t in types):
            title = next((clean_value(v) for k, v in node.items() if norm_key(k) in
                          _OWN_NAME_KEYS and clean_value(v)), "")
            own = own.under("", session=own.session or title) if title else own
    # `{fullName: Ann Lee, keynote: true}`: a flag whose key names a role gives it
    flag = next((str(k) for k, v in node.items() if v is True and key_role(str(k)) not in (
        "", "speaker", "sponsor", "exhibitor")), "")
    if flag:
        own = own.under(flag)
    own, people_fields = _award_record(node, own, people_fields)
    record = _Record(fields, own, role, org_value, scalar(fields, "position"), ident)
    out = offices + _sponsor_fields(fields, own, walk, ident)
    record.represented = _represented(record, people_fields, walk)
    if record.represented:
        out.append((record.represented, ident))
    for key, value in people_fields:
        items = _values(value, walk)
        if not items:
            continue
        consumed.add(key)
        out.extend(_field_blocks(record, key, items, walk))
    return out


def _logo_name(node: dict, fields: dict) -> str:
    """The organization a sponsor's logo record names by its caption or title (`{title:
    Acme, link: ..., image: ...}`, `{alt: Acme, url: ...}`), which is then its org field;
    '' for a group of sponsors (`{title: Gold Sponsors, items: [...]}`) or a tier."""
    if any(isinstance(v, dict | list) for v in node.values()) or not fields.get("url"):
        return ""  # a group, or no logo or link: a talk's title names no sponsor
    for key, value in fields.get("caption", []) + fields.get("session", []):
        text = clean_value(value)
        if text and not is_tier(text) and len(text) <= 100:
            fields["org"] = [(key, text)]
            return text
    return ""


def _office_blocks(node: dict, own: Context, fields: dict, walk: Walk, consumed: set,
                   ident: str) -> list[tuple[Block, str]]:
    """`{secretary: Ann Lee, treasurer: Bo Chen}`: offices (keys that name a position and no
    field) and the names that hold them."""
    out: list[tuple[Block, str]] = []
    for k, value in node.items():
        office = clean_value(k)
        if not isinstance(value, str) or field_kind(k) or not position_role(office):
            continue
        people = [(person_name(n), o) for n, o in split_people(clean_value(value))]
        if not people or not all(looks_like_name(n) and is_person(n) for n, _ in people):
            continue
        consumed.add(k)
        role = person_role("", office, own, fields)
        out.extend((person_block(name, org, role, own, fields, walk, key=str(k),
                                 position=office), ident) for name, org in people)
    return out


def _tier_members(node: dict, own: Context, people_fields: list, walk: Walk, consumed: set,
                  ident: str) -> list[tuple[Block, str]]:
    """In a sponsor or exhibitor list, a record whose own name is a tier (`{name: Diamond,
    members: [Initech, Hooli]}`): the organizations its member fields list, in that tier."""
    if own.role() not in ("sponsor", "exhibitor") or not own.tier or not any(
            norm_key(k) in _OWN_NAME_KEYS and isinstance(v, str) and is_tier(clean_value(v))
            for k, v in node.items()):
        return []
    out = []
    for key, value in people_fields:
        if norm_key(key) in _OWN_NAME_KEYS:
            continue
        consumed.add(key)
        for item in _values(value, walk):
            if isinstance(item, dict):  # `{name: Initech, url: ...}`: the member's own name
                item = next((clean_value(v) for k, v in item.items() if isinstance(v, str) and (
                    norm_key(k) in _OWN_NAME_KEYS or field_kind(k) == "org")), "")
            block = org_block(item, {}, own, walk, key=str(key)) if isinstance(item, str) and (
                item) else None
            if block:
                out.append((block, ident))
    return out


def _award_record(node: dict, own: Context, people_fields: list) -> tuple[Context, list]:
    """`{name: Best Paper Award, winners: ...}`: a record whose own name names an award (and
    that has other person fields) is the award its people received, not a person."""
    title = next((clean_value(v) for k, v in node.items() if norm_key(k) in _OWN_NAME_KEYS
                  and isinstance(v, str) and clean_value(v)), "")
    others = [(k, v) for k, v in people_fields if norm_key(k) not in _OWN_NAME_KEYS]
    if not title or not others or not (AWARD_WORD_RE.search(title) or names_award(title)):
        return own, people_fields
    if looks_like_name(title) and known_given_share(title.split()[0].lower()) > 0:
        return own, people_fields  # `George Best`
    return own.under(title, award=normalize_award(title), year=own.year or year_in(title)), others


def _people_fields(fields: dict) -> list[tuple[str, object]]:
    """A record's person fields, led by the name its given and family names make."""
    people_fields = [(k, v) for k, v in fields.get("person", [])]
    given = scalar(fields, "given_name")
    family = scalar(fields, "family_name")
    if given or family:
        people_fields.insert(0, ("name", " ".join(filter(None, [given, family]))))
    return people_fields


def _citation_authors(fields: dict) -> list[tuple[str, object]]:
    """`citation: "Ann Lee, Bo Chen, and Cy Diaz. 2021. Title. In Proc."`: its authors."""
    for _, value in fields.get("text", []):
        try:
            authors = citation_authors(clean_value(value))
        except ParseError:
            continue
        return [("authors", authors)]
    return []


def _org_value(fields: dict, walk: Walk) -> str:
    """A record's organization: its org fields but those naming a sponsor, else a place shaped
    like an organization (`where: Cornell University, USA`)."""
    org_value = _resolve(scalar_list({"org": [(k, v) for k, v in fields.get("org", [])
                                              if context_role(k) not in ("sponsor", "exhibitor")]},
                                     "org"), walk)
    if not org_value:
        org_value = next((p for p in scalar_list(fields, "place") if looks_like_org(p)), "")
    return org_value


def _org_record_blocks(fields: dict, own: Context, context: Context, walk: Walk, consumed: set,
                       org_value: str, ident: str) -> list[tuple[Block, str]]:
    """An organization record: `{name: Acme}` is typed `person` by key, so an org-only record
    is one whose org field is its name (`{company: Acme, booth: 4}`)."""
    out: list[tuple[Block, str]] = []
    if org_value and (fields.get("tier") or fields.get("booth") or context.role() in (
            "sponsor", "exhibitor")):
        consumed.update(k for k, _ in fields.get("org", []))
        for name in scalar_list(fields, "org"):  # `companies: [A, B]` is two
            block = org_block(_resolve([name], walk), fields, own, walk, key=fields["org"][0][0])
            if block:
                out.append((block, ident))
    return out


def _represented(record: _Record, people_fields: list, walk: Walk) -> Block | None:
    """`{company: Umbrella Corp, booth: 101, contact: Ann Lee}`: the organization, whose
    people represent it in its role; None when the record is not an organization's."""
    fields = record.fields
    if record.org_value and not any(norm_key(k) in _OWN_NAME_KEYS for k, _ in people_fields) and (
            fields.get("booth") or fields.get("tier") or record.role in ("sponsor", "exhibitor")):
        return org_block(record.org_value, fields, record.own, walk, key=fields["org"][0][0])
    return None


def _field_blocks(record: _Record, key: str, items: list, walk: Walk) -> list[tuple[Block, str]]:
    """Blocks of the items of one person field: nested records, organizations, names."""
    out: list[tuple[Block, str]] = []
    role_of_key = key_role(key)
    for item in items:
        if isinstance(item, dict) and item and all(YEAR_KEY_RE.match(str(k).strip())
                                                   for k in item):
            out.extend(_by_year(record, key, item, walk))  # `winners: {2023: Ann Lee}`
            continue
        if isinstance(item, dict):
            # A nested person record (`speakers: [{name, affiliation}]`) under this one, or
            # one joined by id: the joined one is this record's, the listed one is dropped
            # when another record joins it (it would repeat without its session).
            joined = id(item) in walk.joined
            for block, ref in record_blocks(item, record.own.under(key), walk, set(), key):
                out.append((block, "" if joined else ref))
            continue
        if _is_org_record(item, key, record.fields, record.role):
            # Outside a sponsor or exhibitor list an organization's record names no role.
            block = org_block(item, record.fields, record.own, walk, key=key) if (
                record.role in ("sponsor", "exhibitor") or record.fields.get("booth")
                or record.fields.get("tier")) else None
            if block:
                out.append((block, record.ident))
            continue
        people = split_people(item)
        # `authors: A, B` beside `affiliations: X; Y`: one organization each, in order
        each = one_each(record.org_value, len(people)) if len(people) > 1 and not any(
            org for _, org in people) else []
        # `Speaker 2` beside `Affiliation 2`: the organization of the same number
        numbered = numbered_org(record.fields.get("org", []), key) if len(people) == 1 else ""
        for k, (name, org) in enumerate(people):
            name = person_name(name)
            if is_person(name):
                out.append((_record_person(record, name, org or numbered or (
                    each[k] if each else ""), role_of_key, key, walk), record.ident))
    return out


def _by_year(record: _Record, key: str, item: dict, walk: Walk) -> list[tuple[Block, str]]:
    """The people of a person field keyed by year, each in its year."""
    out: list[tuple[Block, str]] = []
    for year, value in item.items():
        inner = replace(record, own=record.own.enter(str(year)))
        names = value if isinstance(value, list) else [value]
        out.extend(_field_blocks(inner, key, [v for v in names if v], walk))
    return out


def _record_person(record: _Record, name: str, org: str, role_of_key: str, key: str,
                   walk: Walk) -> Block:
    """The block of a person named in a record's field `key`."""
    represented = record.represented
    role = represented.role if represented else person_role(role_of_key, record.position,
                                                            record.own, record.fields)
    block = person_block(name, org or _org_of(record.org_value, record.position), role,
                         record.own, record.fields, walk, key=key, position=record.position)
    if represented:
        block = replace(block, booth=represented.booth, sponsor_tier=represented.sponsor_tier)
    return block


def _sponsor_fields(fields: dict, context: Context, walk: Walk, ident: str
                    ) -> list[tuple[Block, str]]:
    """Organizations in a record's sponsor-named fields (`sponsor: Acme`, `funder: <id>`)."""
    out = []
    for key, value in fields.get("org", []):
        role = context_role(key)
        if role not in ("sponsor", "exhibitor"):
            continue
        for name in _resolve(scalar_list({"org": [(key, value)]}, "org"), walk).split(", "):
            block = org_block(name, fields, context.under(str(key)), walk, key=key)
            if block and not is_tier(block.org_name):  # `sponsor: <the group "Sponsors">`
                out.append((block, ident))
    return out


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
            elif text and not isinstance(text, dict | list) and "name" not in item:
                # `<speaker affiliation="Acme">Ann Lee</speaker>`: the element's text is the
                # name, its attributes the person's other fields
                out.append({k: v for k, v in item.items() if k != "#text"} | {"name": text})
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


def _org_of(org_value: str, position: str) -> str:
    if org_value:
        return org_value
    if position and not position_role(position):
        return position  # `position: Acme Institute, Lisbon` is where the person works
    return ""


def person_block(name: str, org: str, role: str, context: Context, fields: dict, walk: Walk,
                 *, key: str, position: str) -> Block:
    """The block of a person in `role`, with the session, award and year of `context`."""
    title = position if position and position_role(position) else ""
    session = context.session if role not in ("committee", "board", "award_recipient") else ""
    award = context.award if role == "award_recipient" else ""
    year = context.year
    if role == "award_recipient":
        # The record's own category (`label: Junior Researcher`, `category: Best Student Paper`)
        # names its award more closely than the list it is in.
        own = next((clean_value(v) for k, v in fields.get("award", []) + fields.get("session", [])
                    if norm_key(k) in ("award", "award_name", "prize", "category", "label",
                                       "award_category", "honor", "honour")
                    and clean_value(v)), "")
        if own and year_in(own):  # `label: 2019 Junior Honorable Mention`: its year too
            year = year or year_in(own)
            own = award_name(own)
        award = own or award
    if role == "award_recipient" and not award:
        award = next((w for w in reversed(context.words) if AWARD_WORD_RE.search(w)
                      and norm_key(w) not in GENERIC_CONTEXT), "")
        award = award_name(award) if award else ""
    snippet = " — ".join(filter(None, [f"{name} ({org})" if org else name, title, session,
                                       award, str(year or "")]))
    return Block(text=name, person_name=name, org_name=org, role=role, title=title,
                 session=session[:300], award=award, year=year,
                 source_person_id=scalar(fields, "id") if key == "name" else "",
                 snippet=snippet[:300], method=f"{walk.source}:{norm_key(key)}")


def org_block(name: str, fields: dict, context: Context, walk: Walk, *, key: str
              ) -> Block | None:
    """The block of an organization: a sponsor in its tier, or an exhibitor at its booth;
    None for a link, or a value too long to be a name."""
    name = clean_value(name).strip(" ,;")
    if not name or URL_RE.search(name) or len(name) > 120:
        return None
    booth = scalar(fields, "booth")
    role = context.role()
    if role not in ("sponsor", "exhibitor"):
        role = "exhibitor" if booth else "sponsor"
    if role == "sponsor" and booth and context.role() != "sponsor":
        role = "exhibitor"
    tier = context.tier if role == "sponsor" else ""
    snippet = " — ".join(filter(None, [name, tier, f"booth {booth}" if booth else ""]))
    return Block(text=name, org_name=name, role=role, sponsor_tier=tier, booth=booth,
                 year=context.year, snippet=snippet[:300], method=f"{walk.source}:{norm_key(key)}")

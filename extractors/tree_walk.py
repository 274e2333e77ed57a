"""One walker over structured data of any schema: records found at any depth, fields typed.

A tree (from `extractors.tree_load`, or rows of a Markdown or HTML table) is walked to its
leaves. Every mapping that holds a name-ish field is a record (`extractors.tree_records`); its
fields are typed by key through the lexicon (`pipeline/text/data/lexicon.yaml`) and by value,
and its role, tier, award and year come from the record itself, else from its context
(`extractors.tree_context`): the keys on its path, the map keys above it (`2023:`,
`platinum:`, `Keynotes:`), and the file and folder names. Records that name others by id
(`speakers: [ABC123]` with `{code: ABC123, name: ...}` elsewhere) are joined.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from extractors.records import person_name, session_role
from extractors.tree_context import (
    NOMINEE,
    YEAR_KEY_RE,
    Context,
    Walk,
    clean_value,
    record_context,
)
from extractors.tree_people import is_person, name_and_bracket, split_people
from extractors.tree_records import org_block, person_block, record_blocks
from extractors.tree_roles import key_role, person_role
from pipeline.tables import Block
from pipeline.text.lexicon import field_kind, is_tier, position_role
from pipeline.text.lines import looks_like_name

MAX_DEPTH = 60


def blocks_from_tree(tree, *, context: Iterable[str] = (), source: str = "tree",
                     year: int | None = None, tier: str = ""
                     ) -> tuple[list[Block], dict[str, int]]:
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
        start = start.enter(word)
    if year is not None and start.year is None:
        start.year = year
    if tier and not start.tier:
        start.tier = tier
    found = list(_visit(tree, start, walk, 0, key=""))
    # (an award's nominees have received nothing: no row)
    blocks = [block for block, ref in found if (not ref or ref not in walk.referenced)
              and block.role != NOMINEE]
    nominees = sum(block.role == NOMINEE for block, _ in found)
    if nominees and not blocks:  # what the `empty` message says was found
        walk.keys[NOMINEES_SEEN] = nominees
    return _dedupe(blocks), walk.keys


# The key `describe_keys` reports for the people of a list of an award's nominees.
NOMINEES_SEEN = "(nominees of an award, no recipients)"


def _dedupe(blocks: list[Block]) -> list[Block]:
    """Blocks without repeats; an organization read twice, once with its tier and once without
    (`sponsors: [{name: Acme, level: gold}]` as a list of names and as records), once, tiered.

    >>> rows = [Block("Acme", org_name="Acme", role="sponsor"),
    ...         Block("Acme", org_name="Acme", role="sponsor", sponsor_tier="Gold")]
    >>> [b.sponsor_tier for b in _dedupe(rows)]
    ['Gold']
    """
    def key(block: Block) -> tuple:
        return block.person_name, block.org_name, block.role, block.session, block.award, block.year

    tiered = {key(b) for b in blocks if b.sponsor_tier and not b.person_name}
    seen, out = set(), []
    for block in blocks:
        if not block.person_name and not block.sponsor_tier and key(block) in tiered:
            continue
        if (key(block), block.sponsor_tier) not in seen:
            seen.add((key(block), block.sponsor_tier))
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
        elif isinstance(node, str) and key and not field_kind(key) and position_role(key) and (
                looks_like_name(name_and_bracket(clean_value(node))[0])):
            # `officers: {secretary: Ann Lee}`: an office and who holds it
            yield from _people_items(node, context, walk, key, position=clean_value(key))
        return
    for k in node:
        walk.keys[str(k)] = walk.keys.get(str(k), 0) + 1
    consumed: set = set()
    record = record_blocks(node, context, walk, consumed, key)
    yield from record
    inner = record_context(node, context)
    for k, value in node.items():
        if isinstance(value, str | int) and not isinstance(value, bool) and YEAR_KEY_RE.match(
                str(k).strip()) and k not in consumed:
            # `2023: Jane Doe` under an award: the year's recipients.
            yield from _people_items(str(value), inner.enter(str(k)), walk, key)
            continue
        if isinstance(value, str) and k not in consumed and not field_kind(k) and (
                position_role(str(k))):
            yield from _visit(value, inner, walk, depth + 1, key=str(k))
            continue
        if k in consumed or not isinstance(value, dict | list):
            continue
        kind = field_kind(k)
        if kind in ("url", "text"):
            continue
        yield from _visit(value, inner.enter(str(k)), walk, depth + 1, key=str(k))


def _listed(text: str, context: Context, walk: Walk, key: str) -> Iterator[tuple[Block, str]]:
    """A string in a list: an organization under sponsors (`platinum: [Acme]`), a person under
    a person key or a year (`2022: [Ann Lee (Initech)]`), or, elsewhere, a person only when
    it is shaped like a name (a list of tags or rooms names nobody)."""
    where = context.role()
    if where in ("sponsor", "exhibitor") and field_kind(key) != "person":
        block = org_block(text, {}, context, walk, key=key or "item")
        if block and not is_tier(block.org_name):
            yield block, ""
        return
    if field_kind(key) == "person" or YEAR_KEY_RE.match(str(key)):
        yield from _people_items(text, context, walk, key)
    elif where and looks_like_name(name_and_bracket(clean_value(text))[0]):
        yield from _people_items(text, context, walk, key)


def _people_items(text: str, context: Context, walk: Walk, key: str, *, position: str = ""
                  ) -> Iterator[tuple[Block, str]]:
    """Bare names listed under a key (`organizers: [A.B. Lee, ...]`, `2023: Ann Lee`)."""
    role = person_role(key_role(key), position, context, {})
    for name, org in split_people(clean_value(text)):
        name = person_name(name)
        if is_person(name):
            yield person_block(name, org, role, context, {}, walk, key=key,
                               position=position), ""


def table_blocks(rows: list[dict], *, context: Iterable[str] = (), source: str = "table",
                 year: int | None = None, tier: str = "") -> list[Block]:
    """Blocks of a table's rows (a Markdown or HTML table) read as records. A row in which no
    column holds names (`| 09:40 | Keynote | Dr. Ann Lee: Spatial genomics |`) gives its
    free-text cells to NER (`role_hint` "ner"), in the role its short cells give."""
    context = list(context)
    start = Context()
    for word in context:
        start = start.enter(word)
    out: list[Block] = []
    for row in filled_down(rows):
        found, _ = blocks_from_tree([row], context=context, source=source, year=year,
                                    tier=tier)
        if found:
            out.extend(found)
            continue
        cells = [clean_value(v) for v in row.values() if clean_value(v)]
        # a short cell that is a name alone (`Dr. Ann Lee` in a `Title` column) is for NER
        # too, in a row whose other cells say what the session is (`09:15 | Keynote`; a name
        # beside numbers alone is a tally: `Ann Lee | 86` votes)
        named = [c for c in cells if looks_like_name(person_name(c)) and not is_tier(c)]
        if not any(c not in named and not c.replace(".", "").isdigit() for c in cells):
            named = []
        short = [c for c in cells if len(c.split()) <= 4 and not any(ch.isdigit() for ch in c)
                 and c not in named]
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


# The columns a table prints once over the rows it groups, leaving the cells below it blank
# (`| General Chairs | Ann Lee |` then `| | Bo Chen |`): a role, a tier, an award, a year.
GROUPING_KINDS = frozenset({"position", "tier", "award", "year", "date", "kind"})


def filled_down(rows: list[dict]) -> list[dict]:
    """`rows` with each blank cell of a grouping column given the cell above it, as a reader
    reads a table that prints a group's role or tier once; a row blank but for that column's
    cell, or wholly blank, ends nothing and is kept as it is.

    >>> filled_down([{"Role": "Chairs", "Name": "Ann Lee"}, {"Role": "", "Name": "Bo Chen"}])
    [{'Role': 'Chairs', 'Name': 'Ann Lee'}, {'Role': 'Chairs', 'Name': 'Bo Chen'}]
    """
    grouping = {key for row in rows[:1] if isinstance(row, dict) for key in row
                if isinstance(key, str) and field_kind(key) in GROUPING_KINDS}
    if not grouping:
        return rows
    out, last = [], {}
    for row in rows:
        if not isinstance(row, dict):
            out.append(row)
            continue
        blank = [k for k in grouping if k in row and not str(row[k] or "").strip()]
        if blank and any(str(v or "").strip() for k, v in row.items() if k not in grouping):
            row = row | {k: last[k] for k in blank if k in last}
        last.update({k: row[k] for k in grouping if str(row.get(k) or "").strip()})
        out.append(row)
    return out


def describe_keys(keys: dict[str, int], limit: int = 12) -> str:
    """`keys seen: name (12), url (12), logo (3)` for an `empty` message."""
    top = sorted(keys.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return ", ".join(f"{k} ({n})" for k, n in top) or "none"

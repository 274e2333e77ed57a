"""People lines: the candidates a logical line names; names stacked over their titles or
printed surname first."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.recognize.labels import SENTENCE_RE, TIME_RE, tier_heading
from pipeline.stages.recognize.organizations import org_shaped
from pipeline.tables import Appearance, Block
from pipeline.text.author_lines import numbered_line
from pipeline.text.lexicon import position_role
from pipeline.text.line_shapes import (
    job_title,
    name_list_items,
    parse_people,
    person_of,
    split_items,
)
from pipeline.text.lines import (
    looks_like_name,
    looks_like_org,
    looks_like_title,
    script_name,
    title_like,
    truecase,
)

# Roles whose names are strong candidates: kept unless NER calls them a place, date or thing.
STRONG_ROLES = frozenset({"chair", "moderator", "committee", "board", "keynote", "panelist"})
_CLOSING_AND_RE = re.compile(r"(?:\band|&)\s+[^,&;]+$")
_LOWER_WORD_RE = re.compile(r"\b[a-z][a-z\-]{2,}\b")


def people_line(
    text: str, role: str, session: str, block: Block, event: str, year: int | None,
    common: set[str], labelled: bool, group: int = 0, *, tail: bool = False,
    pairs: set[int] | None = None,
) -> list[tuple[Appearance, str, int]]:
    """Candidates of one logical line. A `tail` line is one name split off the title above it
    (`Perplexity on Reduced Corpora` / `Hayato Kobayashi`); it must pass NER in context too.

    A line of two name-shaped items (`Jane Doe, Goldman Sachs`) may name two people or one
    person and her organization: its group goes into `pairs`, for NER to tell
    (`confirmation.confirm_candidates`)."""
    if (len(text) > 300 and ";" not in text and not numbered_line(text)) or (
            TIME_RE.search(text) and "," not in text):
        return []
    of = person_of(text) if labelled else None
    people = [of] if of else parse_people(text)
    if not people:
        return []
    items = split_items(text.replace(";", ","))
    listed = bool(name_list_items(text))  # `David Hall, …, and Dan Klein` (issue 3)
    names = [p for p in people if listed or looks_like_name(truecase(p.name))
             or script_name(p.name)]
    # (a line that numbers its authors' affiliations is a list, its legend no items of it)
    name_list = len(names) >= 2 and (len(names) >= 0.6 * len(items) or bool(numbered_line(text)))
    # The last name of a list that does not close with `and` may be a place in the place of
    # an organization (`Ann Lee, Bo Chen, San Diego`): NER judges it alone.
    closing_and = bool(_CLOSING_AND_RE.search(text.strip()))
    pair = (pairs is not None and group and not tail and len(names) == 2 and len(items) == 2
            and not any(p.org for p in names) and not closing_and)
    if pair:
        pairs.add(group)
    sentence = None  # whether the line reads as a sentence: looked up when first asked
    snippet = " ".join(block.text.split())[:200]
    out = []
    for k, person in enumerate(names):
        name = truecase(person.name)
        if not person.org and not name_list:
            if sentence is None:
                sentence = SENTENCE_RE.search(text) is not None
            if sentence:
                continue
        if all_common(name, common) or _title_words(name, common):
            continue
        if tail:
            if len(names) > 1 or person.org or any_common(name, common):
                continue
            strength = "tail"
        elif person.unsure and not labelled:
            strength = "weak"
        elif labelled or role in STRONG_ROLES or person.org:
            strength = "strong"
        elif name_list or person.after_title:
            strength = "list"
        else:
            strength = "weak"
        in_group = pair or strength == "tail" or strength == "list" and (
            k < len(names) - 1 or closing_and)
        out.append((
            Appearance(
                role=position_role_in(person.position, role), person_name=name,
                org_name=person.org, title=person.title,
                session=session, event=event, year=year, method="rule",
                snippet=snippet, page=block.page,
            ),
            strength, group if in_group else 0,
        ))
    return out


# Positions that say a person's role wherever they are printed (`Ann Lee (Chair)` in a session);
# an officer's title (`(Treasurer)`) only on a board's page or before any section.
_POSITION_ROLES = frozenset({"chair", "moderator", "panelist", "keynote"})


def position_role_in(position: str, role: str) -> str:
    """The role of a person printed with a position in brackets, in a section of `role`.

    >>> position_role_in("Chair", "speaker"), position_role_in("Treasurer", "committee")
    ('chair', 'committee')
    """
    own = position_role(position) if position else ""
    if own in _POSITION_ROLES or own == "board" and role in ("", "board"):
        return own
    return role


def common_words(blocks: list[Block]) -> set[str]:
    """Words this document prints in lower case at least twice: common nouns, not names."""
    counts: dict[str, int] = {}
    for block in blocks:
        if block.is_record:
            continue
        for word in _LOWER_WORD_RE.findall(block.text):
            counts[word] = counts.get(word, 0) + 1
    return {w for w, n in counts.items() if n >= 2}


def any_common(name: str, common: set[str]) -> bool:
    """`Curriculum Overhaul`: a word of it is printed in lower case elsewhere."""
    return any(t.strip(".,'’").lower() in common for t in name.split())


def _title_words(name: str, common: set[str]) -> bool:
    """`Tidal Models` (a title's words after a comma, `Ann Lee, Tidal Models
    and Estuaries`): a first word no people bear as a given name, and a later word
    the document prints in lower case."""
    from pipeline.text.namefreq import known_given_share, known_surname_share
    from pipeline.text.names import fold

    words = [fold(w).strip(".,'’") for w in name.split()]
    if len(words) < 2 or len(words[0]) < 2 or known_given_share(words[0]) > 0:
        return False
    # `Lanbo She`, `Yishu Liu`: a surname is no title word, though printed in lower case
    return any(len(w) > 4 and w in common and known_surname_share(w) == 0 for w in words[1:])


def all_common(name: str, common: set[str]) -> bool:
    """`Machine Translation` (both words printed in lower case elsewhere) is no name."""
    tokens = [t.strip(".,'’").lower() for t in name.split()]
    tokens = [t for t in tokens if len(t) > 2]
    return bool(tokens) and all(t in common for t in tokens)


SURNAME_FIRST_RE = re.compile(r"^[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?, [A-Z][\w'’\-]+(?: [A-Z]\.?)?$")


def surname_first_column(
    block: Block, role: str, session: str, event: str, year: int | None
) -> list[tuple[Appearance, str, int]]:
    """A table column of `Brooks, Angela` names (past recipients, rosters): every line, two
    or more of them, is `Surname, Given`."""
    lines = [ln.strip() for ln in block.text.splitlines() if ln.strip()]
    if len(lines) < 2 or not all(SURNAME_FIRST_RE.match(ln) for ln in lines):
        return []
    if any(looks_like_org(ln) or not looks_like_name(ln.replace(",", "")) for ln in lines):
        return []
    return [
        (Appearance(role=role or "speaker", person_name=ln, session=session, event=event,
                    year=year, method="layout", snippet=" ".join(block.text.split())[:200],
                    page=block.page), "list", 0)
        for ln in lines
    ]


def merge_stacked(blocks: list[Block]) -> list[Block]:
    """A name, its job title and its organization printed on three lines one below the other
    (`Emily Zhang` / `Director, People Analytics` / `Soylent Foods`), each its own block,
    become one line `Emily Zhang – Director, People Analytics – Soylent Foods`. A name over
    a job title alone takes the title; a name over an organization alone only when the line
    says organization (`University`, `Inc.`), since a talk title may follow a name too."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        lines = block.text.splitlines()
        name = lines[-1].strip() if lines and not block.is_record else ""
        people = parse_people(name) if name and "," not in name and len(name) < 60 else []
        stacked: list[str] = []
        if len(people) == 1 and not people[0].org and looks_like_name(truecase(name)) and (
                not tier_heading(name)):  # `Partenaire Or` over a sponsor is no name
            for below in blocks[i + 1:i + 3]:
                text = below.text.strip()
                if (below.is_record or below.bold or "\n" in text or below.page != block.page
                        or not _stacked_below(block if not stacked else blocks[i + len(stacked)],
                                              below)
                        or "," in text and any(p.org for p in parse_people(text))):
                    break  # not the entry's next line (`Mike Izbicki, Claremont McKenna` names)
                if block.bold and not (looks_like_org(text) and not title_like(text)):
                    break  # a bold name takes its organization's line only (`Invited Speakers`)
                if not stacked and looks_like_title(text) and not parse_people(text):
                    stacked.append(text)
                elif org_shaped(text) and (stacked or looks_like_org(text)) and not TIME_RE.search(
                        text):
                    stacked.append(text)
                    break
                else:
                    break
        if stacked:
            if len(stacked) == 1 and looks_like_title(stacked[0]):
                merged = f"{name}, {stacked[0]}"
            else:
                merged = " – ".join([name, *stacked])
            out.append(replace(block, text="\n".join([*lines[:-1], merged])))
            i += 1 + len(stacked)
            continue
        out.append(block)
        i += 1
    return out


_NUMBERED_RE = re.compile(r"^\d{1,2}[.)]?\s+(?=\S)")


def stacked_lines(lines: list[str]) -> list[str]:
    """A block's logical lines with a name, the job title and the organization printed under
    it (`Ann Lee` / `President` / `Acme University`) made one line, as `merge_stacked` does
    for blocks: a name over an organization alone only when the line says organization.

    >>> stacked_lines(["Ann Lee", "President", "Acme University", "Bo Chen", "Globex"])
    ['Ann Lee – President – Acme University', 'Bo Chen', 'Globex']
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        name = lines[i]
        people = parse_people(name) if "," not in name and len(name) < 60 else []
        stacked: list[str] = []
        if len(people) == 1 and not people[0].org and looks_like_name(truecase(name)):
            for text in lines[i + 1:i + 3]:
                if not stacked and job_title(text) and not parse_people(text):
                    stacked.append(text)
                elif org_shaped(text) and (stacked or looks_like_org(text)) and not (
                        TIME_RE.search(text) or parse_people(text)):
                    stacked.append(_NUMBERED_RE.sub("", text))  # `1. University of X`
                    break
                else:
                    break
        out.append(" – ".join([name, *stacked]) if len(stacked) != 1 or not job_title(
            stacked[0]) else f"{name}, {stacked[0]}")
        i += 1 + len(stacked)
    return out


def _stacked_below(above: Block, below: Block) -> bool:
    """`below` is the next line of the same entry: level with `above` and right under it (or,
    without positions, simply next)."""
    if None in (above.top, above.bottom, below.top, above.x0, below.x0):
        return True
    height = max(above.bottom - above.top, 1.0)
    return abs(below.x0 - above.x0) <= 3 and 0 <= below.top - above.bottom <= 1.2 * height

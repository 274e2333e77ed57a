"""Running text: a letter's signer, and the sponsors and committees a paragraph names."""

from __future__ import annotations

import re

from pipeline.stages.recognize.labels import TIME_RE, chair_heading, section_role
from pipeline.stages.recognize.organizations import org_shaped
from pipeline.tables import Appearance, Block
from pipeline.text.award_prose import award_mentions, award_prose_hint, sentences
from pipeline.text.lexicon import printed_tier_alternation
from pipeline.text.line_shapes import name_list_items, parse_people, split_items
from pipeline.text.lines import clean_name, looks_like_name, looks_like_title, truecase

_LOWER_RUN_RE = re.compile(r"\b[a-z]{3,}\s+[a-z]{2,}\s+[a-z]{3,}\b")  # running text
_SENTENCE_END_RE = re.compile(r"[a-z]{2}[.!?](\s|$)")


def running_text(text: str) -> bool:
    """A paragraph of sentences, even one sentence long (three lower-case words in a row)."""
    return len(text) > 120 and bool(_LOWER_RUN_RE.search(text))


def is_prose(text: str) -> bool:
    return len(text) > 120 and len(_SENTENCE_END_RE.findall(text)) >= 2


def letter_signer(block: Block, event: str, year: int | None) -> Appearance | None:
    """`Naomi Feld, CAE` / `Executive Director, Association …` below a letter: an organizer."""
    lines = [ln.strip() for ln in block.text.splitlines() if ln.strip()]
    if not 2 <= len(lines) <= 3 or not looks_like_title(lines[1].split(",")[0]):
        return None
    people = parse_people(lines[0])
    if len(people) != 1 or people[0].org or not looks_like_name(truecase(people[0].name)):
        return None
    title, _, org = lines[1].partition(",")
    org = org.strip() or " ".join(lines[2:])
    return Appearance(
        role="organizer", person_name=truecase(people[0].name), org_name=org, title=title.strip(),
        event=event, year=year, method="layout", snippet=" ".join(block.text.split())[:200],
        page=block.page,
    )


PROSE_TIER_RE = re.compile(
    rf"\b(?P<tier>{printed_tier_alternation()})(?:[- ]level)?\s+"
    r"(?P<kind>sponsors?|supporters?|partners?|exhibitors?)\s*(?:[:–—-]|are|include)\s*"
    r"(?P<list>[^;:.()]+)", re.I)
# Chairs of a part of the program (`area chairs`, `associate program chairs`) review for its
# committee, as the committee lists elsewhere print them.
_PART_CHAIRS_RE = re.compile(r"\b(?:area|associate|track|sub-?committee)\s+(?:\w+\s+)?"
                             r"(?:co-?)?chairs?\b", re.I)


def _chairs_role(text: str) -> str:
    if not chair_heading(text):
        return ""
    return "committee" if _PART_CHAIRS_RE.search(text) else "chair"


_RELATIVE_RE = re.compile(r",?\s+(?:who|that|which|whose)\s+")
PROSE_PAREN_RE = re.compile(r"\((?P<list>[^()]{20,1500})\)")
# `… to either chair of the award committee, Prof. Dr. Ann Lee or Assoc. Prof. Bo Chen.`,
# `the committee is chaired by Ann Lee and Bo Chen`: a role phrase of running text, then its
# people up to the sentence's end.
PROSE_CHAIRS_RE = re.compile(
    r"\b(?:(?:co-?)?chairs?|chairpersons?|(?:co-?)?chaired\s+by)\s+"
    r"(?:(?:of|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:committee|board|jury|panel)\b)?"
    r"\s*(?:(?:is|are|was|were)\s+)?[,:]?\s*(?=(?-i:[A-Z]))", re.I)
# Where a sentence ends: a stop before a capitalized word and a lower-case one (`… Bo Chen. The
# prize is …`), or the text's end; not the dot of an honorific or an initial (`Prof. Dr. Bo`).
_SENTENCE_END_RE = re.compile(r"[.;!?](?=\s+[A-Z][\w'’-]*\s+[a-z]|\s*$)|;")
# The capitalized words (initials, particles between) a list item starts with: its name.
_NAME_HEAD_RE = re.compile(r"(?:(?:[A-Z][\w'’.-]*|van|von|de|der|den|da|di|du|le|la|dos|bin)"
                           r"(?:\s+|$))+")
_OR_RE = re.compile(r"\s+(?:or|and)\s+|\s*,\s*(?:either\s+)?")


def prose_mentions(
    block: Block, event: str, year: int | None, groups
) -> list[tuple[Appearance, str, int]]:
    """Organizations and people that running text names in a role (issue 3): a tier and its
    sponsors (`our gold supporters: Acme Labs and Globex;`), and a parenthesized list of
    names after a role phrase (`Our program committee members (Ruth Anderson, …, and Jian
    Zhang)`)."""
    text = " ".join(block.text.split())
    snippet = text[:200]
    out: list[tuple[Appearance, str, int]] = []
    for match in PROSE_TIER_RE.finditer(text):
        role = "exhibitor" if match["kind"].lower().startswith("exhibitor") else "sponsor"
        for item in split_items(match["list"]):
            item = item.strip(" .,")
            if org_shaped(item) and len(item) <= 60 and not TIME_RE.search(item):
                out.append((Appearance(
                    role=role, org_name=item, sponsor_tier=match["tier"].title(),
                    event=event, year=year, method="layout", snippet=snippet, page=block.page,
                ), "strong", 0))
    for match in PROSE_CHAIRS_RE.finditer(text):
        end = _SENTENCE_END_RE.search(text, match.end())
        items = _OR_RE.split(text[match.end():end.start() if end else len(text)])
        names = []
        for item in items:  # the names right after the phrase, up to the first that is none
            head = _NAME_HEAD_RE.match(item.strip(" ."))
            name = clean_name(head.group().strip(" .")) if head else ""
            if not looks_like_name(truecase(name)):
                break
            names.append(name)
            if head.end() < len(item.strip(" .")):
                break  # `Bo Chen for their help`: the sentence goes on
        if not names:
            continue
        group = next(groups)
        out.extend(
            (Appearance(role="chair", person_name=name, event=event, year=year, method="rule",
                        snippet=snippet, page=block.page), "list", group)
            for name in names)
    for sentence in sentences(text):
        # `First, our Program Committee: Ann Lee, Bo Chen, …, and Cy Diaz.`
        head, colon, rest = sentence.partition(": ")
        head = _RELATIVE_RE.split(head)[0]  # `our Program Chairs, who reviewed papers`
        names = name_list_items(rest.rstrip(" .")) if colon and len(head.split()) <= 12 else []
        last = " ".join(head.split()[-6:])
        role = (section_role(last) or _chairs_role(last)) if len(names) >= 3 else ""
        if role in ("committee", "board", "chair", "organizer"):
            group = next(groups)
            out.extend((Appearance(role=role, person_name=name, event=event, year=year,
                                   method="rule", snippet=sentence[:200], page=block.page),
                        "list", group) for name in names)
    for match in PROSE_PAREN_RE.finditer(text):
        names = name_list_items(match["list"].replace(" ;", ","))
        if len(names) < 3:
            continue
        before = re.split(r"[.!?]\s", text[:match.start()])[-1]
        role = section_role(before)
        if role not in ("committee", "board", "chair", "organizer", "keynote", "panelist"):
            role = "chair" if re.search(r"\bchairs?\b", before, re.I) else ""
        if not role:
            continue
        group = next(groups)
        out.extend(
            (Appearance(role=role, person_name=name, event=event, year=year, method="rule",
                        snippet=snippet, page=block.page), "list", group)
            for name in names
        )
    return out


# The roles of sections whose running text is bios and abstracts: there `Ann Lee received the
# Gold Medal` tells a speaker's past, not this event's award.
_BIO_ROLES = frozenset({"keynote", "speaker", "panelist", "moderator", "chair", "organizer",
                        "committee", "board"})


def award_announcements(block: Block, role: str, event: str, year: int | None,
                        groups) -> list[tuple[Appearance, str, int]]:
    """The recipients an announcement in a block's text names (`The 2023 Best Paper Award goes
    to Ann Lee and Bo Chen`, `Ann Lee (Acme) received the Gold Medal`), each with the award.
    Under a section of people in another role, a sentence that tells a past award (`Ann Lee
    received the X Award`) is a bio's, and names no recipient of this event."""
    if not award_prose_hint(block.text):
        return []
    out = []
    for mention in award_mentions(block.text):
        if role in _BIO_ROLES and mention.order == "recipient-past":
            continue
        group = next(groups)
        out.extend(
            (Appearance(role="award_recipient", person_name=name, org_name=org,
                        award=mention.award, event=event, year=mention.year or year,
                        method="rule", snippet=mention.sentence[:200], page=block.page),
             "list", group)
            for name, org in mention.people)
    return out

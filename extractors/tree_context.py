"""What the path down to a record of a tree says: the map keys and path words above it, read
as year, tier, award, session and role (`2023:`, `platinum:`, `Keynotes:`), and the record's
own title, year and type for the records nested in it."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from extractors.records import year_in
from pipeline.text.award_words import (
    distinction,
    names_award,
    names_awarded_work,
    names_nominees,
)
from pipeline.text.keys import norm_key
from pipeline.text.lexicon import context_role, field_kind, is_tier, tier_label
from pipeline.text.lines import looks_like_name

_TAG_RE = re.compile(r"<[^>]+>")
_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
YEAR_KEY_RE = re.compile(r"^(?:19[5-9]\d|20\d\d)$")
AWARD_WORD_RE = re.compile(r"\b(award|prize|medal|honou?r|lecture(?:ship)?|fellow(?:ship)?|"
                           r"mention|recognition|preis|prix|premio)s?\b", re.I)
MEMBER_KEYS = {"members", "member", "people", "persons", "names", "list", "committee_members"}
# Context words too generic to name an award or a session on their own.
GENERIC_CONTEXT = {"awards", "award", "prizes", "prize", "winners", "recipients", "data", "items",
                   "list", "entries", "results", "index", "main", "content", "site", "raw",
                   "records", "rows", "medals", "medal", "honors", "honours", "honor", "honour",
                   "lectures", "mentions", "recognition", "recognitions", "past", "previous",
                   "all", "our", "page", "history", "archive", "and", "the", "of"}


ORGANIZING_ROLES = ("committee", "chair", "organizer", "board")


# The role of the people an award's list of nominees names: none of the output's roles, and
# the walker gives no row for it (extractors/tree_walk.py).
NOMINEE = "nominee"


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

    def enter(self, key: str) -> Context:
        """The context under map key or path word `key` (`2023`, `platinum`, `Best Paper
        Award`)."""
        text = clean_value(key)
        if not text:
            return self
        if YEAR_KEY_RE.match(text.strip()):
            return self.under(text, year=int(text))
        changes: dict = {}
        if is_tier(text) and tier_label(text):
            changes["tier"] = tier_label(text)
        # `Best Paper Award`, `Test of Time`; one word too when it is no generic one (`Fellows`)
        spaced = " ".join(text.replace("_", " ").split())  # a key: `best_paper_award`
        words = len(re.split(r"[\s-]+", spaced))
        # ... but not a file or heading of generic words only (`awards-list`, `Past Awards`)
        if (AWARD_WORD_RE.search(spaced) or names_award(spaced)) and any(
                w.lower() not in GENERIC_CONTEXT for w in re.split(r"[\s-]+", spaced)) and (
                words >= 2 or AWARD_WORD_RE.fullmatch(spaced)):
            changes["award"] = award_name(text)
            if self.award and distinction(text):
                # `Honourable Mentions` under `Doctoral Research Award`: that award's mention
                changes["award"] = f"{self.award} {distinction(text)}"
        if year_in(text) and self.year is None:
            changes["year"] = year_in(text)
        return self.under(text, **changes)

    def role(self) -> str:
        # `Best Student Poster` over its winners is an award, not a poster session
        roles = [r for r in ("award_recipient" if names_awarded_work(w) and context_role(w) in (
            "", "speaker") else context_role(w) for w in reversed(self.words)) if r]
        if not roles:
            return ""
        if roles[0] == "award_recipient" and any(names_nominees(w) for w in self.words):
            return NOMINEE  # `award_candidates.csv`: who may win it, not who did
        # `committees.yml` with a `prize:` key lists the prize committee, not its winners.
        if roles[0] == "award_recipient" and any(r in ("committee", "board") for r in roles[1:]):
            return next(r for r in roles[1:] if r in ("committee", "board"))
        # `## Posters` or `workshops:` under a conference's committee names the part of the
        # program its members look after, not a session they speak in.
        if roles[0] == "speaker" and any(r in ORGANIZING_ROLES for r in roles[1:]):
            return next(r for r in roles[1:] if r in ORGANIZING_ROLES)
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


def award_name(text: str) -> str:
    """The award a context word names, without its year.

    >>> award_name("best-paper_award 2021"), award_name("Test of Time Awards")
    ('Best Paper Award', 'Test of Time Award')
    """
    if text.islower() or (" " not in text.strip() and re.search(r"[_-]", text)):  # a key
        words = re.sub(r"[_\-]+", " ", text).split()
        name = " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in words)
    else:  # as printed (`Test of Time Award`)
        name = " ".join(text.split())
    name = re.sub(r"\s*\b(19[5-9]\d|20\d\d)\b\s*", " ", name).strip(" :-")
    # `Test of Time Awards` over its winners: each received the award
    return re.sub(r"(?i)(?<=\s)(award|prize|medal)s$", r"\1", name)


def heading_tier(heading: str, context_words: list[str]) -> str:
    """The tier a heading names over the sponsors listed under it on a sponsor page: a tier
    word (`Gold Sponsors`), or any short heading that names no role (`Patronage`, `Others`);
    '' on pages of other kinds.

    >>> heading_tier("Patronage", ["acme", "2022", "sponsors"]), heading_tier("Gold", ["x"])
    ('Patronage', '')
    """
    text = clean_value(heading).strip(" :")
    start = Context()
    for word in context_words:
        start = start.enter(word)
    if not text or start.role() not in ("sponsor", "exhibitor"):
        return ""
    if is_tier(text):
        return tier_label(text)
    if context_role(text) or year_in(text) or len(text.split()) > 3 or norm_key(
            text) in GENERIC_CONTEXT:
        return ""
    return text


_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def record_context(node: dict, context: Context) -> Context:
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
        elif kind in ("date", "tier") and year_in(text) and (kind == "date" or _YEAR_RE.fullmatch(
                text)):  # `Class: 2020`: a fellows' class is their year, no sponsor's tier
            changes.setdefault("year", year_in(text))
        elif kind == "tier" or (kind == "award" and context.role() in (
                "sponsor", "exhibitor")):  # `category: Silver` in a sponsor list is a tier
            changes.setdefault("tier", tier_label(text) or text)
        elif kind in ("session", "person") and is_tier(text) and tier_label(text) and (
                context.role() in ("sponsor", "exhibitor")):
            changes.setdefault("tier", tier_label(text))  # a group `{title: Gold Sponsors}`
        elif kind == "kind" and is_tier(text) and context.role() in ("sponsor", "exhibitor"):
            changes.setdefault("tier", tier_label(text) or text)  # `{title: Acme, type: gold}`
        elif kind == "award":
            changes.setdefault("award", text)
        elif kind == "session":
            changes.setdefault("session", text)
        elif kind == "kind":
            changes.setdefault("kind", text)
    # A group's title names it too when its people are its members (`{title: Program
    # Committee, members: [...]}`); a talk's title names no role.
    # So does its position (`{role: General Chairs, members: [...]}`).
    members = any(norm_key(k) in MEMBER_KEYS for k in node)
    group_keys = ("name", "label", "title") if members else ("name", "label")
    name = next((clean_value(v) for k, v in node.items() if (
        norm_key(k) in group_keys or members and field_kind(k) == "position")
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

"""Role labels and section headings: the cues that give the names below them a role."""

from __future__ import annotations

import re

from pipeline.tables import Block
from pipeline.text.award_words import award_group_words, distinction
from pipeline.text.lexicon import (
    TIME_SLOT,
    honorific_words,
    lexicon,
    office_alternation,
    plain_section,
    position_alternation,
    printed_tier_alternation,
    section_heading_words,
    session_kinds,
)
from pipeline.text.line_shapes import parse_people
from pipeline.text.lines import looks_like_name, truecase
from pipeline.text.memo import memo
from pipeline.text.name_shapes import given_name_word
from pipeline.text.nlp import entity_labels
from pipeline.text.role_labels import by_label_re, by_labels, role_label_re, role_labels

# The roles of section headings in the order they are tried (an `Awards Committee` is a
# committee, not an award list); the words are the lexicon's `section_headings`.
_HEADING_ORDER = ("exhibitor", "sponsor", "committee", "organizer", "award_recipient", "board",
                  "keynote", "panelist", "speaker")
# `Supporter Session`, `Sponsor Poster Session` are sessions, not sponsor lists.
_NOT_SPONSOR_LIST = r"(?!\s+(?:\w+\s+)?(?:sessions?|talks?|workshops?|presentations?|demos?))"


def _section_roles() -> tuple[tuple[re.Pattern[str], str], ...]:
    words = section_heading_words()
    return tuple(
        (re.compile(f"(?:{words[role]})" + (_NOT_SPONSOR_LIST if role == "sponsor" else ""),
                    re.I), role)
        for role in _HEADING_ORDER if role in words)


SECTION_ROLES = _section_roles()
# A heading whose head noun is the lexicon's chair label (`Conference Chair`, `Program
# Co-Chairs`, `General Chairs (2024)`, `Vorsitz`): its people chair, on a committee page.
CHAIR_HEADING_RE = re.compile(
    r"(?<!\w)(?:co-?)?(?:" + "|".join(
        re.escape(label).replace(r"\ ", r"\s+")
        for label in sorted((k for k, v in role_labels().items() if v == "chair"), key=len,
                            reverse=True))
    + r")s?\s*(?:\([^()]*\))?\s*[:.]?\s*$",
    re.I,
)
# Role labels and the roles they give come from the lexicon (pipeline/text/data/lexicon.yaml), in
# every language it lists, and the `… by` phrases that lead names without a colon.
LABEL_ROLES = {**role_labels(), **by_labels()}
LABEL_RE = role_label_re(alone=True)
# `President: Samuel Osei, Osei People Analytics`: an officer of the association's board.
OFFICER_LABEL_RE = re.compile(
    rf"^(?P<label>{office_alternation()})(?P<plural>s?)"
    r"(?:\s*[:–—]\s*|\s*[.…·]{3,}\s*)",  # `Treasurer: Ann Lee`, `Treasurer ..... Ann Lee`
    re.I,
)
# `Présidente : Ann Lee`, `Presidente: Bo Chen`, `Predsjednik: Ivo Marek`: a chair's word of
# the lexicon's positions as a label.
PRESIDING_LABEL_RE = re.compile(
    rf"^(?P<label>{position_alternation('chair')})(?P<plural>)\s*[:–—]\s*", re.I)
# `President Helen Marsh, Acme`: an officer's title before the name without a separator, in a
# column of titles; only before a given name people bear (`President's Welcome` is no label).
OFFICER_BARE_RE = re.compile(OFFICER_LABEL_RE.pattern.replace(
    r"(?:\s*[:–—]\s*|\s*[.…·]{3,}\s*)", r"\s+"), re.I)
# Under a committee or board heading, `Planning Committee: …`, `Volunteer Coordinator: …`.
COMMITTEE_LABEL_RE = re.compile(
    r"^(?P<label>(?:[A-Z][\w&/'-]*\s+){0,4}(?:committee|sub-?committee|co-?chairs?|chairs?|"
    r"coordinators?|liaisons?|directors?|leads?|members?|officers?|representatives?|advisors?|"
    r"advisers?|editors?))(?P<plural>)\s*:\s*",
    re.I,
)
# A year before an award recipient (`2023 — Jane Doe, Acme`, `Class of 2023: Ann Lee, MIT`).
YEAR_PREFIX_RE = re.compile(
    r"^(?:class\s+of\s+)?(?P<year>(?:19|20)\d{2})(?:\s*[-–—:.]\s*|\s+)(?P<rest>[A-Z].*)$",
    re.I,
)
SLOT_SPEAKER_RE = re.compile(
    r"^(?P<name>[^():,;]{3,60}?)\s*\((?P<org>[^():]{2,120})\)\s*(?::\s*.*)?$")
# A time slot before a schedule row (`9:00 AM - 10:00 AM Opening Keynote: …`).
TIME_SLOT_RE = re.compile(rf"^{TIME_SLOT}\s+(?=[A-Z])", re.I)
# `Moderated by Ann Lee, Acme`, `Presented by: …`, `Featuring …`, `With Bo Chen and Cy Diaz`
# (a talk's co-presenters on the line below it): a label without a colon (the lexicon's).
BY_LABEL_RE = by_label_re()
# `Panel discussion with Ann Lee, Bo Chen and Cy Diaz`, `Invited talk by Prof. Ann Lee`: a
# session kind of the lexicon, then `with` / `featuring` / `by`, then names.
_KIND_ROLES = ("keynote", "panelist")
KIND_WITH_RE = re.compile(
    r"^(?P<label>(?P<kind>" + "|".join(session_kinds()[role] for role in _KIND_ROLES) + r")"
    r"\s+(?:with|featuring|by))(?P<plural>)\s*:?\s+(?-i:(?=[A-ZÀ-ÖØ-Þ]))", re.I)
# `2023 Lifetime Achievement Award: Linda Park, Hooli`, `HR Innovator of the Year – Ann Lee`.
# `2023 Lifetime Achievement Award: Ann Lee, Hooli`, `Honorable mentions: Ann Lee and Bo Chen`:
# a label that ends with one of the lexicon's award words (or its recipients' noun after it).
_AWARD_WORDS = "|".join(
    re.escape(w).replace(r"\ ", r"s?[\s_-]+").replace(r"\-", r"s?[\s_-]?")
    for w in sorted(lexicon()["award_words"], key=len, reverse=True) if w != "best")
AWARD_LABEL_RE = re.compile(
    rf"^(?P<award>(?:\d{{4}}\s+|\d{{1,2}}(?:st|nd|rd|th|\.)\s*)?(?:[A-Z][^:–—]{{0,80}}?[\s-])?"
    rf"(?:{_AWARD_WORDS})(?:e?s)?\b"
    r"(?:\s+(?:winners?|recipients?|honou?rees?))?)\s*[:–—]\s*(?P<rest>\S.*)$",
    re.I,
)


def award_label(text: str) -> re.Match | None:
    """The award label leading `text` (AWARD_LABEL_RE), not a word of awards in general
    (`Awards: …`, `Prizes –`).

    >>> award_label("Honorable mentions: Ann Lee")["award"], award_label("Awards: Ann Lee")
    ('Honorable mentions', None)
    """
    match = AWARD_LABEL_RE.match(text)
    if match and match["award"].lower().rstrip("s") in award_group_words() and not (
            distinction(match["award"])):
        return None
    return match
_TIERS = printed_tier_alternation()  # the lexicon's `printed_tiers`
TIER_RE = re.compile(
    rf"^(?P<tier>{_TIERS}|[a-z]+ level)\b(?:\s+(?:level|tier))?\s*"
    r"(?:sponsors?|supporters?|partners?)?\s*:?\s*$",
    re.I,
)
_NOUNS = "|".join(re.escape(w) for w in sorted(lexicon()["sponsor_nouns"], key=len, reverse=True))
_FOREIGN = "|".join(re.escape(w) for w in sorted(lexicon()["foreign_tiers"], key=len,
                                                 reverse=True))
# `Zlatni sponzor`, `Partenaire Or`, `Sponsor Gold`: a tier beside a sponsor noun, either side.
_TIER_BY_NOUN_RE = re.compile(
    rf"^(?:(?P<before>{_FOREIGN})\s+(?:{_NOUNS})|(?:{_NOUNS})[\s-]+(?P<after>{_TIERS}|{_FOREIGN}))"
    r"\s*:?\s*$", re.I)


def tier_heading(text: str) -> str:
    """The tier a heading or a line alone names (`Gold Sponsors`, `Platinum:`, `Zlatni
    sponzor`, `Partenaire Or`), title-cased as printed; '' for any other text.

    >>> tier_heading("Gold Sponsors"), tier_heading("Partenaire Or"), tier_heading("Or")
    ('Gold', 'Or', '')
    """
    match = TIER_RE.match(text)
    if match:
        return match.group("tier").title()
    match = _TIER_BY_NOUN_RE.match(text.strip())
    return (match["before"] or match["after"]).title() if match else ""


# `Platinum Sponsors: Acme Corp, Globex, Initech` names a tier and its sponsors on one line.
TIER_LIST_RE = re.compile(
    rf"^(?P<tier>{_TIERS})(?:[- ]level)?\s+(?:sponsors?|supporters?|partners?)\s*[:–—]\s*"
    r"(?P<list>\S.*)$",
    re.I,
)
# A sentence break, not the dot of an honorific or initial (`DR. ANGELA BROOKS`, `J. Smith`).
SENTENCE_RE = re.compile(
    r"(?<!\bdr)(?<!\bprof)(?<!\bmrs)(?<!\bmr)(?<!\bms)(?<!\bst)(?<!\bjr)(?<!\bsr)(?<!\b[a-z])"
    r"[.!?]\s+[A-Z]|\b(is|are|was|were|will|has|have|this|that)\b",
    re.I,
)
# Lines that name a place or a time, never a person (`Room: Providence Ballroom`).
PLACE_LABEL_RE = re.compile(
    r"^(rooms?|location|venue|where|when|time|date|track|floor|level|building|hall)\s*:", re.I
)
# Roles a heading gives one session (`Panel: …`, `Opening Keynote`): the next session title
# after its people ends them.
SESSION_ROLES = frozenset({"panelist", "keynote", "moderator"})
HONORIFIC_RE = re.compile(  # the lexicon's honorifics (`Dr.`, `Prof.`, `Doç.`) leading a line
    r"^(" + "|".join(map(re.escape, sorted(honorific_words(), key=len, reverse=True)))
    + r")(?!\w)\.?\s", re.I)
TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(am|pm)\b", re.I)


@memo
def section_role(text: str) -> str:
    """The role of the people under a section heading.

    >>> section_role("Program Committee"), section_role("Papers"), section_role("Award Winners")
    ('committee', 'speaker', 'award_recipient')

    Words in brackets say less than the heading's own (`Plenary - Ann Lee (Founders Award)` is a
    plenary of an award's recipient, not a list of recipients):

    >>> section_role("Plenary - Ann Lee (Founders Award)"), section_role("Lunch (Sponsors)")
    ('keynote', 'sponsor')
    """
    if _SUPPORT_HEADING_RE.fullmatch(text.strip()):
        return "sponsor"
    bare = BRACKETS_RE.sub(" ", text)
    for candidate in (bare, text) if bare != text else (text,):
        role = next((role for pattern, role in SECTION_ROLES if pattern.search(candidate)), "")
        if role:
            return role
    return ""


BRACKETS_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# A heading that is a phrase of support alone (`With the support of`, `Supported by:`,
# `Gefördert von`) heads the sponsors under it; in a longer heading (`Lunch sponsored by
# Acme`) the phrase names the session's sponsor, not a list.
_SUPPORT_HEADING_RE = re.compile(
    r"(?:(?:we\s+)?(?:gratefully\s+)?(?:acknowledge|thank)\s+)?(?:with\s+)?" + "(?:" + "|".join(
        re.escape(p).replace(r"\ ", r"\s+")
        for p in sorted(lexicon()["support_phrases"], key=len, reverse=True)) + r")\s*[:.…]?",
    re.I)


def chair_heading(text: str) -> bool:
    """Whether a heading names chairs by its last words.

    >>> chair_heading("Program Co-Chairs"), chair_heading("Conference Chair (2024)")
    (True, True)
    >>> chair_heading("Chairs' Welcome"), chair_heading("Program Committee")
    (False, False)
    """
    return len(text.split()) <= 6 and bool(CHAIR_HEADING_RE.search(text))


def is_heading(block: Block) -> bool:
    if block.role_hint == "heading":
        return True
    text = block.text.strip()
    return (
        block.role_hint == "bold" and len(text) <= 60 and bool(section_role(text))
        and not TIME_RE.search(text)
    ) or bool(tier_heading(text))


def named_heading(block: Block, role: str, tier: str) -> bool:
    """A large line that names a keynote speaker (`DR. JAMES WHITFIELD`) or a top-tier
    sponsor, not a section."""
    text = " ".join(block.text.split())
    if section_role(text) or tier_heading(text) or TIME_RE.search(text) or len(text) > 60 or (
            plain_section(text)):
        return False
    if role == "sponsor":  # under a tier heading, names set large (`Platinum`: one or two)
        lines = [line for line in block.text.splitlines() if line.strip()]
        return bool(tier) and len(lines) <= 4 and all(len(line.split()) <= 5 for line in lines)
    people = parse_people(text)
    return len(people) == 1 and bool(HONORIFIC_RE.match(text)) and looks_like_name(
        truecase(people[0].name))


def _label_role(label: str) -> str:
    label = " ".join(label.lower().split())
    if "keynote" in label:
        return "keynote"
    for key in (label, label.rstrip("s"), re.sub(r"^co-?", "", label).rstrip("s")):
        if key in LABEL_ROLES:
            return LABEL_ROLES[key]
    return "speaker"


def role_label(text: str, section: str = "") -> tuple[re.Match | None, str]:
    """The role label leading `text` and the role it gives: `Chair:`, `Moderated by`, an
    officer's title (board) and, under a committee or board heading (`section`), the section's
    own titles (`Planning Committee:` its members, `Program Chairs:` its chairs)."""
    for pattern in (LABEL_RE, BY_LABEL_RE):
        match = pattern.match(text)
        if match:
            return match, _label_role(match.group("label"))
    match = KIND_WITH_RE.match(text)
    if match:
        kind = " ".join(match.group("kind").lower().split())
        return match, next(role for role in _KIND_ROLES if re.fullmatch(
            session_kinds()[role], kind, re.I))
    match = OFFICER_LABEL_RE.match(text)
    if match:
        return match, "board"
    match = PRESIDING_LABEL_RE.match(text)
    if match:  # `Présidente : Ann Lee`: a session's chair, a society's president under its board
        return match, "board" if section == "board" else "chair"
    match = OFFICER_BARE_RE.match(text)
    rest = text[match.end():].split() if match else []
    if rest and given_name_word(rest[0]):
        return match, "board"
    match = COMMITTEE_LABEL_RE.match(text) if section in ("committee", "board") else None
    if match:
        return match, "chair" if re.search(r"chairs?$", match.group("label"), re.I) else section
    return None, ""


def session_title(text: str, nlp) -> bool:
    """A bold line that names no one: no name shape, or a name shape without an honorific
    that NER does not call a person (`Workplace Investigations`)."""
    text = " ".join(text.split())
    if role_label(text)[0] or len(text) > 150:
        return False
    people = parse_people(text)
    if not people or not all(looks_like_name(truecase(p.name)) for p in people):
        return True
    if HONORIFIC_RE.match(text) or any(p.org for p in people) or nlp is None:
        return False
    return entity_labels(nlp, [truecase(text)]).get(truecase(text), "") != "PERSON"


def follows(label: Block | None, block: Block) -> bool:
    """True when `block` sits right below or right of the label block (`Chair:` then name);
    in a document without positions (a web page's lines), when it is the next block."""
    if label is None or label.page != block.page:
        return False
    if label.x0 is None and block.x0 is None:
        return True  # the reader asks only of the block right after the label's
    if None in (label.x0, block.x0):
        return False
    size = label.size or 10.0
    below = abs(block.x0 - label.x0) <= 2 * size and 0 <= block.top - label.bottom <= 2 * size
    right = abs(block.top - label.top) <= 0.5 * size and block.x0 >= label.x1
    return below or right


YEAR_HEADING_RE = re.compile(r"\s*(?:19[5-9]\d|20\d\d)\s*")
_AWARD_YEAR_RE = re.compile(r"\s*\b((?:19[5-9]\d|20\d\d))\b\s*")


def award_and_year(heading: str, over: str = "") -> tuple[str, int | None]:
    """An award heading's name without its year, and the year (`Best Paper Award 2021`). A
    distinction of an award (`Honorable Mentions`) is the award's (`over`, the award named
    above it), in the singular; under no award, or under a heading of awards in general, the
    distinction alone.

    >>> award_and_year("Best Paper Award 2021"), award_and_year("Fellows")
    (('Best Paper Award', 2021), ('Fellows', None))
    >>> award_and_year("Service Awards"), award_and_year("Awards 2024")
    (('Service Award', None), ('', 2024))
    >>> award_and_year("Runners-Up", "Best Paper Award"), award_and_year("Honorable Mentions")
    (('Best Paper Award Runner-Up', None), ('Honorable Mention', None))
    """
    text = " ".join(heading.split())
    found = _AWARD_YEAR_RE.search(text)
    name, year = text, None
    if found and _AWARD_YEAR_RE.sub(" ", text).strip(" :–—-"):
        name, year = _AWARD_YEAR_RE.sub(" ", text).strip(" :–—-"), int(found.group(1))
    words = name.split()
    if len(words) > 1 and words[-1].endswith("s") and words[-1][:-1].lower() in (
            award_group_words()):
        name = name[:-1]  # `Service Awards` over its recipients: each received one
    if name.lower().rstrip("s") in award_group_words() and len(words) == 1:
        return "", year  # `Awards`, `Prizes`: awards in general, no one's award
    named = distinction(name)
    if named:
        # `over` came from this function too, so an award in the plural is already singular
        general = not over or over.lower().rstrip("s") in award_group_words() or distinction(over)
        name = named if general else f"{over} {named}"
    return name, year

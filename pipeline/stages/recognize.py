"""Recognize: people and organizations in roles, from layout cues, line rules and spaCy NER."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable
from dataclasses import replace

from pipeline.stages.directory import directory_pages
from pipeline.text.lexicon import label_alternation, role_labels, section_heading_words
from pipeline.text.paragraphs import logical_lines
from pipeline.text.line_shapes import (
    leading_title,
    name_list_items,
    parse_people,
    person_of,
    split_items,
)
from pipeline.text.lines import (
    ROLE_WORDS_RE,
    clean_name,
    join_small_caps,
    looks_like_name,
    looks_like_org,
    looks_like_title,
    truecase,
)
from pipeline.text.nlp import entity_labels
from pipeline.tables import LOGO_HINT, ROLES, Appearance, Block

logger = logging.getLogger(__name__)

def _with_lexicon(pattern: str, role: str) -> str:
    """An English heading pattern widened by the lexicon's headings of that role in other
    languages (`round table`, `Programmkomitee`, `委員会`); CJK words match inside a line."""
    words = section_heading_words().get(role)
    return f"(?:{pattern})|(?:(?<!\\w)(?:{words}))" if words else pattern


SECTION_ROLES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(_with_lexicon(pattern, role), re.I), role)
    for pattern, role in (
        (r"\bexhibit(or|ors|ion|s)?\b|\bexhibit hall\b", "exhibitor"),
        # `Supporter Session`, `Supporter Poster Session` are sessions, not sponsor lists.
        (r"\b(sponsors?|supporters?|patrons?|partners)\b(?!\s+(\w+\s+)?(sessions?|talks?|"
         r"workshops?|presentations?|demos?))", "sponsor"),
        # `Awards Committee` is a committee.
        (r"\b(committees?|organi[sz]ing|steering|reviewers)\b", "committee"),
        # `The following session organisers have been confirmed:`, `Local organizers`.
        (r"\b(organi[sz]ers|organi[sz]ed by|hosts)\b", "organizer"),
        (r"\b(awards?|recipients?|winners?|honorees?|laureates?)\b", "award_recipient"),
        (r"\b(board of directors|board|officers|executive council|trustees)\b", "board"),
        (r"\b(keynotes?|plenary|invited (talk|speaker)s?|distinguished lecture)\b", "keynote"),
        (r"\bpanels?\b", "panelist"),
        (r"\b(workshops?|tutorials?|papers?|sessions?|talks?|presentations?|posters?|"
         r"lightning|demos?|birds of a feather|bofs?|speakers?)\b", "speaker"),
    )
)
# Role labels and the roles they give come from the lexicon (pipeline/text/data/lexicon.yaml), in
# every language it lists; the `… by` phrases are English syntax, not labels.
LABEL_ROLES = {
    **role_labels(),
    "moderated by": "moderator", "presented by": "speaker", "facilitated by": "moderator",
    "hosted by": "moderator", "chaired by": "chair", "led by": "speaker",
    "introduced by": "moderator", "featuring": "speaker",
}
LABEL_RE = re.compile(
    rf"^(?:session\s+)?(?P<label>(?:(?:opening|closing|morning|luncheon|featured)\s+)?keynote"
    rf"(?:\s+(?:speaker|address))?|(?:co-?)?(?:{label_alternation()}))(?P<plural>s?)"
    # `Keynote II | Ann Lee`, `Session Chair 3: ...`: a numbered label, a pipe.
    r"(?:\s+(?:[IVX]{1,4}|\d{1,2})\b)?\s*(?:[:：–—|-]\s*|$)",
    re.I,
)
# `President: Samuel Osei, Osei People Analytics`: an officer of the association's board.
OFFICER_LABEL_RE = re.compile(
    r"^(?P<label>(?:immediate\s+)?past[- ]president|president[- ]elect|vice[- ]president|"
    r"president|treasurer|secretary(?:[- ]treasurer)?|members?[- ]at[- ]large)(?P<plural>s?)"
    r"\s*[:–—]\s*",
    re.I,
)
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
TIME_SLOT_RE = re.compile(
    r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[-–—]|to)\s*\d{1,2}[:.]\d{2}\s*"
    r"(?:[ap]\.?m\.?)?)?\s+(?=[A-Z])",
    re.I,
)
# `Moderated by Ann Lee, Acme`, `Presented by: …`, `Featuring …`: a label without a colon.
BY_LABEL_RE = re.compile(
    r"^(?P<label>(?:moderated|presented|facilitated|hosted|chaired|led|introduced)\s+by|"
    r"featuring)(?P<plural>)\s*:?\s+(?=[A-Z])",
    re.I,
)
# `2023 Lifetime Achievement Award: Linda Park, Hooli`, `HR Innovator of the Year – Ann Lee`.
AWARD_LABEL_RE = re.compile(
    r"^(?P<award>(?:\d{4}\s+)?[A-Z][^:–—]{2,80}?\b(?:awards?|prizes?|medals?|fellowships?|"
    r"scholarships?|of the year)\b(?:\s+(?:winners?|recipients?|honou?rees?))?)"
    r"\s*[:–—]\s*(?P<rest>\S.*)$",
    re.I,
)
_TIERS = (r"diamond|platinum|gold|silver|bronze|copper|premier|premium|supporting|contributing|"
          r"champion|patron|benefactor|media|academic|startup")
TIER_RE = re.compile(
    rf"^(?P<tier>{_TIERS}|leader|friend|partner|hero|[a-z]+ level)\b(?:\s+(?:level|tier))?\s*"
    r"(?:sponsors?|supporters?|partners?)?\s*:?\s*$",
    re.I,
)
# `Platinum Sponsors: Acme Corp, Globex, Initech` names a tier and its sponsors on one line.
TIER_LIST_RE = re.compile(
    rf"^(?P<tier>{_TIERS})(?:[- ]level)?\s+(?:sponsors?|supporters?|partners?)\s*[:–—]\s*"
    r"(?P<list>\S.*)$",
    re.I,
)
_ORG_LIST_SPLIT_RE = re.compile(r"\s*[,;•·|]\s*|\s+and\s+(?=[A-Z])")
BOOTH_RE = re.compile(r"^(?P<org>.+?)[\s.·…_]*\b(?:booth\s*#?\s*)?(?P<booth>\d{2,4}[A-Z]?)$", re.I)
BOOTH_FIRST_RE = re.compile(r"^(?:booth\s*#?\s*)?(?P<booth>\d{2,4}[A-Z]?)\s+(?P<org>\D.+)$", re.I)
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
HONORIFIC_RE = re.compile(r"^(dr|prof|professor|mr|mrs|ms|mx|sir|dame|rev|hon)\b\.?\s", re.I)
STRONG_ROLES = frozenset({"chair", "moderator", "committee", "board", "keynote", "panelist"})
# NER labels that rule a name-shaped candidate out (weaker candidates need PERSON).
NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "EVENT", "PRODUCT"})
# Lines of names below paper titles that make a document's layout `title / authors`.
AUTHOR_LAYOUT_MIN = 10
TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(am|pm)\b", re.I)
_COMMA_RE = re.compile(r"[,;]")
_LOWER_RUN_RE = re.compile(r"\b[a-z]{3,}\s+[a-z]{2,}\s+[a-z]{3,}\b")  # running text
_SENTENCE_END_RE = re.compile(r"[a-z]{2}[.!?](\s|$)")
_CLOSING_AND_RE = re.compile(r"(?:\band|&)\s+[^,&;]+$")
_LOWER_WORD_RE = re.compile(r"\b[a-z][a-z\-]{2,}\b")


def section_role(text: str) -> str:
    for pattern, role in SECTION_ROLES:
        if pattern.search(text):
            return role
    return ""


def _is_heading(block: Block) -> bool:
    if block.role_hint == "heading":
        return True
    text = block.text.strip()
    return (
        block.role_hint == "bold" and len(text) <= 60 and bool(section_role(text))
        and not TIME_RE.search(text)
    ) or bool(TIER_RE.match(text))


def find_appearances(
    blocks: Iterable[Block], *, nlp=None, event: str = "", year: int | None = None
) -> list[Appearance]:
    """One `Appearance` per person or organization named in a role in one document's blocks.

    Structured blocks pass straight through; text blocks go through the layout-cue state
    machine (headings, bold session labels, `Chair:` labels, sponsor tiers) and the line
    parsers, and candidate names are confirmed by NER when `nlp` is given.
    """
    blocks = [b if b.is_record else _small_caps_joined(b) for b in blocks]
    proposed = [b for b in blocks if b.role_hint == NER_HINT]
    common = _common_words(blocks)
    if proposed:
        blocks = [b for b in blocks if b.role_hint != NER_HINT]
    candidates: list[tuple[Appearance, str, int]] = []  # (appearance, strength, list group)
    # Exhibitor directories are read by position; their address lines name nobody.
    listed, directory = directory_pages(blocks, event=event, year=year)
    candidates.extend((app, "strong", 0) for app in listed)
    blocks = _merge_stacked([b for b in blocks if b.is_record or b.page not in directory])
    groups = itertools.count(1)
    contexts: dict[int, str] = {}  # group -> title and name, for a name split off its title
    pairs: set[int] = set()  # groups of `Name, Name-or-organization` lines
    author_lines = 0  # lines that list only names, below a line that names no one (a title)
    role, tier, session, last_page, section_size = "", "", "", None, 0.0
    award_name = ""  # the award heading over recipients (`Distinguished Service Award`)
    carry, carry_from = "", None  # a label alone (`Panelists:`) carries to the block it heads
    named = 0  # people named since the role last changed
    prose = False  # the block before was running text (a letter, a description)
    for block in blocks:
        if block.is_record:
            candidates.append((_record(block, event, year), "strong", 0))
            continue
        if not block.text.strip():
            continue
        logo = block.role_hint == LOGO_HINT
        after_prose, prose = prose, not logo and _is_prose(block.text)
        candidates.extend([] if logo else _sponsor_sessions(block, event, year))
        if prose or not logo and _running_text(block.text):
            # `our gold supporters: Oracle Academy and ZyBooks`, `committee (Ann Lee, …)`
            candidates.extend(_prose_mentions(block, event, year, groups))
        if block.page != last_page:
            last_page, carry, section_size = block.page, "", 0.0
            if role in ("sponsor", "exhibitor"):
                role, tier = "", ""
        if logo:
            # What OCR read in a logo names an organization under a sponsor or exhibitor
            # heading, and nobody anywhere else (issue 23: no person from a logo).
            named_org = _org_line(" ".join(block.text.split()), role, tier, block, event,
                                  year) if role in ("sponsor", "exhibitor") else None
            candidates.extend([(named_org, "strong", 0)] if named_org else [])
            continue
        signature = after_prose and not block.bold and _signature(block, event, year)
        if signature:
            candidates.append((signature, "strong", 0))  # a welcome letter's signer (issue 3)
            continue
        surname_first = _surname_first_column(block, role, session, event, year)
        if surname_first:
            candidates.extend(surname_first)
            continue
        if _is_heading(block) and not (
            role in ("keynote", "speaker", "sponsor") and _named_heading(block, role, tier)
        ):
            text = " ".join(block.text.split())
            tier_match = TIER_RE.match(text)
            new_role = "sponsor" if tier_match else section_role(text)
            # Under a committee or board heading, smaller headings name its sub-committees.
            if role in ("committee", "board") and (block.size or 0) < section_size - 0.5 and (
                new_role not in ("committee", "board")
            ):
                new_role, tier_match = "", None
            if new_role:
                named = 0
                award_name = text if new_role == "award_recipient" else ""
                same = new_role == role and role in ("committee", "board")
                section_size = max(section_size, block.size or 0.0) if same else (block.size or 0.0)
                role, carry = new_role, ""
                tier = tier_match.group("tier").title() if tier_match else (
                    tier if new_role == "sponsor" else "")
            elif role == "award_recipient" and not TIME_RE.fullmatch(text):
                award_name = text  # `Fellows` under the awards: the honour the names below get
            if new_role in ("", "speaker", "panelist", "keynote") and not TIME_RE.fullmatch(text):
                session = text
            if not _role_label(text, role)[0]:
                continue
        label_role = carry if carry and _follows(carry_from, block) else ""
        carry, carry_from = "", None
        if (
            role in SESSION_ROLES and named and block.bold and not label_role
            and _session_title(block.text, nlp)
        ):
            # The next session's title: a panel's or keynote's role ends with its session
            # (issue 3: `HRIS Selection Without Regret` after a panel is no panelist).
            role, named, session = "speaker", 0, " ".join(block.text.split())
            continue
        # Organization lists are one per line; people lines may wrap.
        tails: dict[int, str] = {}  # line number -> the line above it (one name below a title)
        if role in ("sponsor", "exhibitor"):
            lines = [ln.strip() for ln in block.text.splitlines() if ln.strip()]
        else:
            lines = logical_lines(block.text)
            if role not in STRONG_ROLES and "\n" in block.text.strip():
                split = logical_lines(block.text, split_names=True)
                if len(split) > len(lines):
                    tails = {i: split[i - 1] for i in range(1, len(split))
                             if split[i] not in lines and split[i - 1] not in lines}
                    lines = split
        if PLACE_LABEL_RE.match(lines[0]) and len(lines) <= 3:
            continue
        for n, text in enumerate(lines):
            if PLACE_LABEL_RE.match(text):
                continue
            tier_match = TIER_RE.match(text)
            if tier_match:
                role, tier = "sponsor", tier_match.group("tier").title()
                continue
            tier_list = TIER_LIST_RE.match(text)
            if tier_list:
                tier = tier_list.group("tier").title()
                for item in _ORG_LIST_SPLIT_RE.split(tier_list.group("list")):
                    app = _org_line(item, "sponsor", tier, block, event, year) if item else None
                    if app:
                        candidates.append((app, "strong", 0))
                continue
            slot = TIME_SLOT_RE.match(text)
            if slot and _role_label(text[slot.end():], role)[0]:
                text = text[slot.end():]  # `9:00 AM - 10:00 AM Keynote: …`: the label leads
            elif slot:
                # `09:00 – 09:20 Anna Kowalska (Jagiellonian University, Poland):` and
                # `11:30 John Smith (MIT): Scaling`: a talk's speaker after its time slot.
                spoken = SLOT_SPEAKER_RE.match(text[slot.end():])
                if spoken and looks_like_name(truecase(clean_name(spoken["name"]))):
                    text = f"{spoken['name']} ({spoken['org']})"
            line_year = None
            dated = YEAR_PREFIX_RE.match(text) if role == "award_recipient" else None
            if dated:  # `2023 — Jane Doe, Acme Corp` under an award's heading
                line_year, text = int(dated.group("year")), dated.group("rest")
            label, label_given = _role_label(text, role)
            line_role, award = "", ""
            award_label = None if label else AWARD_LABEL_RE.match(text)
            if award_label and parse_people(award_label.group("rest")):
                # `2023 Lifetime Achievement Award: Linda Park, Hooli`
                line_role, award = "award_recipient", award_label.group("award").strip()
                text = award_label.group("rest").strip()
            elif label:
                label_role = label_given
                text = text[label.end():].strip()
                talk, rest = leading_title(text)
                if talk:  # `Keynote: Reinventing Work - Jane Doe, Chief People Officer, Acme`
                    text = rest
                if not text:
                    if n == len(lines) - 1:
                        carry, carry_from = label_role, block
                    continue
                if not label.group("plural"):
                    # `Chair: Name, Org` names one person; the lines after it are the
                    # session's speakers, not more chairs (issue 3).
                    line_role, label_role = label_role, ""
            elif block.bold and len(lines) <= 3 and (
                role in ("committee", "board") and not _COMMA_RE.search(block.text)
            ) or block.bold and len(lines) <= 3 and all(
                _all_common(person.name, common) for person in parse_people(text)
            ):
                session = " ".join(block.text.split())  # a bold label that names nobody
                break
            current = line_role or label_role or role or "speaker"
            if current == "exhibitor" and BOOTH_COLUMN_RE.fullmatch(block.text.strip()):
                _attach_booths(candidates, block)  # a booth-number column beside the names
                break
            if current in ("sponsor", "exhibitor"):
                app = _org_line(text, current, tier, block, event, year)
                if app:
                    candidates.append((app, "strong", 0))
                continue
            group = next(groups)
            if n in tails and not label:
                contexts[group] = f"{tails[n]}\n{text}"
            elif n and not label and name_list_items(text) and not parse_people(lines[n - 1]):
                author_lines += 1
            found = _people_line(text, current, session, block, event, year, common,
                                 bool(label or award), group, tail=group in contexts, pairs=pairs)
            if current == "award_recipient" and (award or award_name or line_year):
                found = [(replace(app, award=award or award_name or app.award,
                                  year=line_year or app.year), strength, g)
                         for app, strength, g in found]
            named += len(found)
            candidates.extend(found)
    # One name below a title is an author only where titles with author lines are the layout.
    found = _confirm(candidates, nlp, contexts if author_lines >= AUTHOR_LAYOUT_MIN else {},
                     pairs) + ner_proposed(proposed, nlp, common, event=event, year=year)
    found += ner_proposed(_unread_pages(blocks, found), nlp, common, event=event, year=year,
                          known_names=True)
    return [_talk_not_org(app) for app in found]


# A talk's title in the organization slot (`Ann Lee, Bo Chen Case Filtering: A Study Using
# Machine Learning [short]`, `Ann Lee, Preconditioning 4D-Var: A Parallel Implementation`; the
# programs of householder 2025 and JURIX 2018): a subtitle after a colon, or a paper-kind tag.
_TALK_TAG_RE = re.compile(r"[\[(](?:short|long|full|demo|poster|position)(?: paper)?[\])]", re.I)
_SUBTITLE_RE = re.compile(r"\w: +[A-Z]\w*(?: +\S+){2,}")


def _talk_not_org(app: Appearance) -> Appearance:
    """A person's appearance whose organization reads as a talk title: the title goes to the
    session (when it has none) and the organization is left empty."""
    org = app.org_name
    if not (app.person_name and org) or looks_org(org) or not (
            _TALK_TAG_RE.search(org) or _SUBTITLE_RE.search(org)):
        return app
    return replace(app, org_name="", session=app.session or org)


_PERSON_ROLES = frozenset(ROLES) - {"sponsor", "exhibitor"}


def _unread_pages(blocks: list[Block], found: list[Appearance]) -> list[Block]:
    """The text blocks of the pages where the layout rules named nobody, for NER to propose
    people in: a layout the rules were not written for (a schedule grid, a poster) still
    prints names. Each line is one block, in the role of the section heading over it, else
    speaker; a document without pages is one page. Paragraphs of running text (a welcome
    letter, venue notes, abstracts) are left to the rules: NER would find every name they
    mention, and few of those are presenters."""
    named = {app.page for app in found if app.person_name}
    out = []
    for block in blocks:
        if block.is_record or block.page in named or block.role_hint in (LOGO_HINT, "heading"):
            continue
        if not block.text.strip() or _is_prose(block.text):
            continue
        role = section_role(block.section) if block.section else ""
        role = role if role in _PERSON_ROLES else "speaker"
        dated = _SECTION_YEAR_RE.search(block.section or "")  # `CP 2024` over its awards
        year = int(dated.group()) if dated and not block.year else block.year
        # One line at a time, as a reader scans a grid: a cell's lines are separate talks.
        for line in logical_lines(block.text):
            if not line.strip() or _INDEX_ENTRY_RE.search(line) or not _may_name(line):
                continue
            award = AWARD_LABEL_RE.match(line) or _BEST_LABEL_RE.match(line)
            out.append(replace(block, text=line, role="award_recipient" if award else role,
                               award=award.group("award").strip() if award else "", year=year))
    return out


# `Best Student Paper: Ann Lee, Bo Li. Title`: an award line whose label lacks the word award.
_BEST_LABEL_RE = re.compile(
    r"^(?P<award>(?:outstanding|best|distinguished)\b[^:–—]{0,60}?\b(?:papers?|posters?|"
    r"demos?|presentations?|talks?|theses|thesis|dissertations?|articles?|reviewers?))"
    r"\s*[:–—]\s*\S", re.I)
_SECTION_YEAR_RE = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
# `Hermann, Karl Moritz, 47, 149`: an index line names people by the pages they are on.
_INDEX_ENTRY_RE = re.compile(r"[,\s]\d{1,4},\s*\d{1,4}\b|,\s*\d{1,4}\s*$")
# What NER proposes on a page the rules could not read is a person only if its given name is
# one: at least this share of some region's people bear it (`Helen` 1e-3, `Merel` 9e-5,
# `Pompeu` 1.4e-5), unlike the places and things NER takes for people (`Cotton Row` 3e-6,
# `Lobby Café` 2e-6, `Wat Arun` 2e-6, `Centara Grand` unknown). A rarer given name is lost
# (`Gineke` 5e-6).
GIVEN_NAME_SHARE = 1e-5  # not below pipeline.text.namefreq.GIVEN_FLOOR


# A capitalized word followed by another (initials between): where a name may begin.
_NAME_START_RE = re.compile(r"\b([^\W\d_][^\W\d_'’-]+)\s+(?:[A-Z]\.\s*)*(?=[^\W\d_])")


def _may_name(line: str) -> bool:
    """Whether a line holds a known given name before a capitalized word: the lines NER is
    worth running on (most lines of a page the rules could not read are titles and times)."""
    from pipeline.text.namefreq import known_given_share
    from pipeline.text.names import fold

    for match in _NAME_START_RE.finditer(line):
        word = match.group(1)
        if word[0].isupper() and known_given_share(fold(word)) >= GIVEN_NAME_SHARE:
            next_char = line[match.end():match.end() + 1]
            if next_char.isupper():
                return True
    return False


def _given_name(name: str) -> bool:
    """A name of two to four words, the last no lone letter, whose given name (the first word
    that is no initial) is a known one."""
    from pipeline.text.namefreq import known_given_share
    from pipeline.text.names import fold, parse_name

    words = name.replace(".", " ").split()
    if not 2 <= len(words) <= 4 or len(words[-1]) == 1:
        return False
    parsed = parse_name(name)
    # `J. Ann Lee`: the given name may follow an initial.
    given = [w for w in (parsed.first, *fold(" ".join(words[1:-1])).split()) if len(w) > 1]
    return bool(given) and known_given_share(given[0]) >= GIVEN_NAME_SHARE


def _small_caps_joined(block: Block) -> Block:
    text = join_small_caps(block.text)
    return block if text == block.text else replace(block, text=text)


# A block of free text whose people only NER can find (a table cell no column types as a
# name: `Dr. Ann Lee: Spatial analyses ...`); extractors mark them, with the role
# their row gives.
NER_HINT = "ner"


def ner_proposed(blocks: list[Block], nlp, common: set[str] = frozenset(), *, event: str = "",
                 year: int | None = None, known_names: bool = False) -> list[Appearance]:
    """People NER proposes in free-text blocks: each PERSON entity that is shaped like a name
    (honorifics and credentials dropped) and not made of words the document prints in lower
    case (`Causal Modelling`), in the block's role, session and section."""
    if nlp is None or not blocks:
        return []
    out: list[Appearance] = []
    texts = [" ".join(b.text.split()) for b in blocks]
    for block, doc in zip(blocks, nlp.pipe(texts, batch_size=256), strict=True):
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = clean_name(ent.text.strip(" .,;:"))
            if not looks_like_name(name) or looks_like_org(name) or _any_common(name, common):
                continue
            if known_names and not _given_name(name):
                continue
            out.append(Appearance(
                role=block.role or "speaker", person_name=name, session=block.session,
                award=block.award,
                event=block.event or event, year=block.year or year, method="ner",
                snippet=" ".join(block.text.split())[:300], page=block.page))
    return out


def _merge_stacked(blocks: list[Block]) -> list[Block]:
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
        name = lines[-1].strip() if lines and not block.is_record and not block.bold else ""
        people = parse_people(name) if name and "," not in name and len(name) < 60 else []
        stacked: list[str] = []
        if len(people) == 1 and not people[0].org and looks_like_name(truecase(name)):
            for below in blocks[i + 1:i + 3]:
                text = below.text.strip()
                if (below.is_record or below.bold or "\n" in text or below.page != block.page
                        or not _stacked_below(block if not stacked else blocks[i + len(stacked)],
                                              below)
                        or "," in text and any(p.org for p in parse_people(text))):
                    break  # not the entry's next line (`Mike Izbicki, Claremont McKenna` names)
                if not stacked and looks_like_title(text) and not parse_people(text):
                    stacked.append(text)
                elif _org_shaped(text) and (stacked or looks_org(text)) and not TIME_RE.search(
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


def _stacked_below(above: Block, below: Block) -> bool:
    """`below` is the next line of the same entry: level with `above` and right under it (or,
    without positions, simply next)."""
    if None in (above.top, above.bottom, below.top, above.x0, below.x0):
        return True
    height = max(above.bottom - above.top, 1.0)
    return abs(below.x0 - above.x0) <= 3 and 0 <= below.top - above.bottom <= 1.2 * height


PROSE_TIER_RE = re.compile(
    r"\b(?P<tier>diamond|platinum|gold|silver|bronze|copper)(?:[- ]level)?\s+"
    r"(?P<kind>sponsors?|supporters?|partners?|exhibitors?)\s*(?:[:–—-]|are|include)\s*"
    r"(?P<list>[^;:.()]+)", re.I)
PROSE_PAREN_RE = re.compile(r"\((?P<list>[^()]{20,1500})\)")


def _prose_mentions(
    block: Block, event: str, year: int | None, groups
) -> list[tuple[Appearance, str, int]]:
    """Organizations and people that running text names in a role (issue 3): a tier and its
    sponsors (`our gold supporters: Oracle Academy and ZyBooks;`), and a parenthesized list of
    names after a role phrase (`Our program committee members (Ruth Anderson, …, and Jian
    Zhang)`)."""
    text = " ".join(block.text.split())
    snippet = text[:200]
    out: list[tuple[Appearance, str, int]] = []
    for match in PROSE_TIER_RE.finditer(text):
        role = "exhibitor" if match["kind"].lower().startswith("exhibitor") else "sponsor"
        for item in split_items(match["list"]):
            item = item.strip(" .,")
            if _org_shaped(item) and len(item) <= 60 and not TIME_RE.search(item):
                out.append((Appearance(
                    role=role, org_name=item, sponsor_tier=match["tier"].title(),
                    event=event, year=year, method="layout", snippet=snippet, page=block.page,
                ), "strong", 0))
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


SPONSOR_SESSION_RE = re.compile(
    r"^(?:supporter|sponsor|vendor|industry partner)\s+(?:session|talk|workshop|demo|"
    r"presentation|tutorial)\s*:\s*(?P<org>[^():]{2,60}?)\s*(?:\(|$)"
    r"|\bsponsored\s+by:?\s+(?:the\s+)?(?P<by>[A-Z][^():;,.]{1,60}?)\s*(?:[(),.;]|$)",
    re.I | re.M,
)
_SPONSOR_SESSION_WORDS = ("sponsor", "supporter", "vendor", "industry partner")


def _sponsor_sessions(block: Block, event: str, year: int | None):
    """An organization that gives a session or pays for one is a sponsor (issue 3):
    `Supporter Session: Vocareum (room: River Bluff)`, `Lunch sponsored by Acme Corp`."""
    folded = block.text.casefold()
    if not any(word in folded for word in _SPONSOR_SESSION_WORDS):
        return []  # what the pattern needs, looked up before the pattern scans every line
    out = []
    for match in SPONSOR_SESSION_RE.finditer(block.text):
        org = (match["org"] or match["by"] or "").strip(" .,")
        if org and _org_shaped(org) and not TIME_RE.search(org):
            out.append((Appearance(
                role="sponsor", org_name=org, event=event, year=year, method="layout",
                snippet=" ".join(block.text.split())[:200], page=block.page,
            ), "strong", 0))
    return out


def _running_text(text: str) -> bool:
    """A paragraph of sentences, even one sentence long (three lower-case words in a row)."""
    return len(text) > 120 and bool(_LOWER_RUN_RE.search(text))


def _is_prose(text: str) -> bool:
    return len(text) > 120 and len(_SENTENCE_END_RE.findall(text)) >= 2


def _signature(block: Block, event: str, year: int | None) -> Appearance | None:
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


SURNAME_FIRST_RE = re.compile(r"^[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?, [A-Z][\w'’\-]+(?: [A-Z]\.?)?$")


def _surname_first_column(
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


def _named_heading(block: Block, role: str, tier: str) -> bool:
    """A large line that names a keynote speaker (`DR. JAMES WHITFIELD`) or a top-tier
    sponsor, not a section."""
    text = " ".join(block.text.split())
    if section_role(text) or TIER_RE.match(text) or TIME_RE.search(text) or len(text) > 60:
        return False
    if role == "sponsor":  # under a tier heading, a name set large (`Platinum`: one sponsor)
        return bool(tier) and "\n" not in block.text.strip() and len(text.split()) <= 5
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


def _role_label(text: str, section: str = "") -> tuple[re.Match | None, str]:
    """The role label leading `text` and the role it gives: `Chair:`, `Moderated by`, an
    officer's title (board) and, under a committee or board heading (`section`), the section's
    own titles (`Planning Committee:` its members, `Program Chairs:` its chairs)."""
    for pattern in (LABEL_RE, BY_LABEL_RE):
        match = pattern.match(text)
        if match:
            return match, _label_role(match.group("label"))
    match = OFFICER_LABEL_RE.match(text)
    if match:
        return match, "board"
    match = COMMITTEE_LABEL_RE.match(text) if section in ("committee", "board") else None
    if match:
        return match, "chair" if re.search(r"chairs?$", match.group("label"), re.I) else section
    return None, ""


def _session_title(text: str, nlp) -> bool:
    """A bold line that names no one: no name shape, or a name shape without an honorific
    that NER does not call a person (`Workplace Investigations`)."""
    text = " ".join(text.split())
    if _role_label(text)[0] or len(text) > 150:
        return False
    people = parse_people(text)
    if not people or not all(looks_like_name(truecase(p.name)) for p in people):
        return True
    if HONORIFIC_RE.match(text) or any(p.org for p in people) or nlp is None:
        return False
    return entity_labels(nlp, [truecase(text)]).get(truecase(text), "") != "PERSON"


def _people_line(
    text: str, role: str, session: str, block: Block, event: str, year: int | None,
    common: set[str], labelled: bool, group: int = 0, *, tail: bool = False,
    pairs: set[int] | None = None,
) -> list[tuple[Appearance, str, int]]:
    """Candidates of one logical line. A `tail` line is one name split off the title above it
    (`Perplexity on Reduced Corpora` / `Hayato Kobayashi`); it must pass NER in context too.

    A line of two name-shaped items (`Jane Doe, Goldman Sachs`) may name two people or one
    person and her organization: its group goes into `pairs`, for NER to tell (`_confirm`)."""
    if (len(text) > 300 and ";" not in text) or (TIME_RE.search(text) and "," not in text):
        return []
    of = person_of(text) if labelled else None
    people = [of] if of else parse_people(text)
    if not people:
        return []
    items = split_items(text.replace(";", ","))
    listed = bool(name_list_items(text))  # `David Hall, …, and Dan Klein` (issue 3)
    names = [p for p in people if listed or looks_like_name(truecase(p.name))]
    name_list = len(names) >= 2 and len(names) >= 0.6 * len(items)
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
        if _all_common(name, common):
            continue
        if tail:
            if len(names) > 1 or person.org or _any_common(name, common):
                continue
            strength = "tail"
        elif person.unsure and not labelled:
            strength = "weak"
        elif labelled or role in STRONG_ROLES or person.org:
            strength = "strong"
        elif name_list:
            strength = "list"
        else:
            strength = "weak"
        in_group = pair or strength == "tail" or strength == "list" and (
            k < len(names) - 1 or closing_and)
        out.append((
            Appearance(
                role=role, person_name=name, org_name=person.org, title=person.title,
                session=session, event=event, year=year, method="rule",
                snippet=snippet, page=block.page,
            ),
            strength, group if in_group else 0,
        ))
    return out


BOOTH_COLUMN_RE = re.compile(r"(?:(?:booth\s*#?\s*)?\d{1,4}[A-Z]?\s*)+", re.I)


def _attach_booths(candidates: list[tuple[Appearance, str, int]], block: Block) -> None:
    """Give the exhibitor rows of the name column level with `block` its booth numbers, in
    order (a table whose booth column pdfplumber reads as a separate cell)."""
    booths = re.findall(r"\d{1,4}[A-Z]?", block.text)
    rows = [
        i for i, (app, _, _) in enumerate(candidates)
        if app.role == "exhibitor" and app.page == block.page and not app.booth
    ]
    rows = rows[-len(booths):] if len(rows) >= len(booths) else []
    for i, booth in zip(rows, booths, strict=False):
        app, strength, group = candidates[i]
        candidates[i] = (replace(app, booth=booth), strength, group)


def _follows(label: Block | None, block: Block) -> bool:
    """True when `block` sits right below or right of the label block (`Chair:` then name)."""
    if label is None or label.page != block.page or None in (label.x0, block.x0):
        return False
    size = label.size or 10.0
    below = abs(block.x0 - label.x0) <= 2 * size and 0 <= block.top - label.bottom <= 2 * size
    right = abs(block.top - label.top) <= 0.5 * size and block.x0 >= label.x1
    return below or right


def _common_words(blocks: list[Block]) -> set[str]:
    """Words this document prints in lower case at least twice: common nouns, not names."""
    counts: dict[str, int] = {}
    for block in blocks:
        if block.is_record:
            continue
        for word in _LOWER_WORD_RE.findall(block.text):
            counts[word] = counts.get(word, 0) + 1
    return {w for w, n in counts.items() if n >= 2}


def _any_common(name: str, common: set[str]) -> bool:
    """`Curriculum Overhaul`: a word of it is printed in lower case elsewhere."""
    return any(t.strip(".,'’").lower() in common for t in name.split())


def _all_common(name: str, common: set[str]) -> bool:
    """`Machine Translation` (both words printed in lower case elsewhere) is no name."""
    tokens = [t.strip(".,'’").lower() for t in name.split()]
    tokens = [t for t in tokens if len(t) > 2]
    return bool(tokens) and all(t in common for t in tokens)


_TRAILING_ORG_RE = re.compile(r"^(?P<name>[^\[\]()]+?)\s*(?:\[(?P<square>[^\[\]]+)\]|"
                              r"\((?P<round>[^()]+)\))\s*$")


def record_name_org(name: str, org: str) -> tuple[str, str]:
    """A structured record's name with its organization still attached (`Ann Lee [MIT]`,
    as pretalx and frab exports of several conferences print speakers) taken apart.

    >>> record_name_org("Ann Lee [Acme Computing Center]", "")
    ('Ann Lee', 'Acme Computing Center')
    >>> record_name_org("Bo Chen (BC)", ""), record_name_org("Ann Lee (Lund University)", "")
    (('Bo Chen (BC)', ''), ('Ann Lee', 'Lund University'))
    """
    match = _TRAILING_ORG_RE.match(name or "")
    if not match or org:
        return name, org
    inner = match.group("square") or match.group("round")
    if match.group("round") and not looks_like_org(inner):  # `Bo Chen (BC)`: a handle
        return name, org
    return match.group("name").strip(), inner.strip()


def _record(block: Block, event: str, year: int | None) -> Appearance:
    person, org = record_name_org(block.person_name, block.org_name)
    return Appearance(
        role=block.role, person_name=person, org_name=org,
        title=block.title, session=block.session, award=block.award,
        sponsor_tier=block.sponsor_tier, booth=block.booth, event=block.event or event,
        year=block.year or year, method=block.method or "structured",
        snippet=(block.snippet or block.text)[:300],
        page=block.page, source_person_id=block.source_person_id,
    )


def _org_line(
    text: str, role: str, tier: str, block: Block, event: str, year: int | None
) -> Appearance | None:
    text = ROLE_WORDS_RE.sub("", text).strip(" .,;:•·")
    booth = ""
    match = BOOTH_RE.match(text) or BOOTH_FIRST_RE.match(text)
    if match and role == "exhibitor":
        text, booth = match.group("org").strip(" .·…_"), match.group("booth")
    if not re.search(r"[^\W\d_]", text) or len(text) > 80 or TIME_RE.search(text) or (
        SENTENCE_RE.search(text)
    ):
        return None
    if len(text.split()) > 8 or text.lower() in ("booth", "exhibitor", "company", "organization"):
        return None
    if not _org_shaped(text):
        return None
    return Appearance(
        role=role, org_name=text, sponsor_tier=tier if role == "sponsor" else "", booth=booth,
        event=event, year=year, method="layout", snippet=block.text[:200], page=block.page,
    )


ADDRESS_RE = re.compile(
    r"^\d+\s+\w|^(p\.?\s?o\.?\s+box|suite|floor)\b|\b\d{5}(-\d{4})?$|\b[A-Z]{2}\s+\d{5}\b|"
    r"\b\d{4}\s?[A-Z]{2}$|www\.|https?:|@|\.(com|org|edu|net|io)\b",
    re.I,
)
SMALL_WORDS = frozenset({"of", "and", "for", "the", "by", "in", "at", "&", "de", "du", "la", "von"})


def _org_shaped(text: str) -> bool:
    """A sponsor or exhibitor line names an organization: short, no colon, no address or web
    address, capitalized words (not a wrapped description, not a talk title; issue 3)."""
    if ":" in text or ADDRESS_RE.search(text):
        return False
    words = [w for w in text.split() if w.lower() not in SMALL_WORDS]
    if not words or len(words) > 6:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower == 0 or (lower == 1 and len(words) == 1)  # `zyBooks`


def _confirm(
    candidates: list[tuple[Appearance, str, int]], nlp, contexts: dict[int, str] | None = None,
    pairs: set[int] | None = None,
) -> list[Appearance]:
    """Strong candidates stay unless NER calls them a place or date; names from a list of
    names stay unless NER calls them something else, or whatever NER calls them when NER calls
    at least as many of their list people as anything else (`Xiaodong He` alone reads as a
    place; issue 3); weak ones need NER to say PERSON."""
    if nlp is None or not candidates:
        return [app for app, strength, _ in candidates if strength in ("strong", "list")]
    # A strong candidate with its organization stays whatever NER says: NER reads the rest
    # (about half the names of a program), and `rule+ner` marks the names it confirmed.
    texts = [app.person_name for app, strength, group in candidates
             if app.method == "rule" and not _decided(strength, app, group)]
    labels = entity_labels(nlp, texts) if texts else {}
    if pairs:
        candidates = _resolve_pairs(candidates, nlp, pairs, labels)
    # A name below a title is kept only when NER calls it a person alone and in its context:
    # only those contexts are read.
    read = {group for app, strength, group in candidates
            if strength == "tail" and labels.get(app.person_name, "") == "PERSON"}
    in_context = _people_in_context(
        nlp, {group: text for group, text in (contexts or {}).items() if group in read})
    votes: dict[int, list[int]] = {}  # group -> [PERSON, other entity]
    for app, _, group in candidates:
        if group:
            label = labels.get(app.person_name, "")
            vote = votes.setdefault(group, [0, 0])
            vote[0] += label == "PERSON"
            vote[1] += label not in ("PERSON", "")
    kept = []
    for app, strength, group in candidates:
        if app.method != "rule":
            kept.append(app)
            continue
        label = labels.get(app.person_name, "")
        people_list = bool(group) and votes[group][0] >= max(1, votes[group][1])
        if strength == "tail":
            ok = label == "PERSON" and app.person_name in in_context.get(group, ())
        else:
            ok = (
                label == "PERSON"
                or (strength == "strong" and (
                    bool(app.org_name) or label not in NOT_PERSON_LABELS))
                or (strength == "list" and (people_list or label not in NOT_PERSON_LABELS))
            )
        if ok:
            kept.append(replace(app, method="rule+ner" if label == "PERSON" else "rule"))
    return kept


def _resolve_pairs(
    candidates: list[tuple[Appearance, str, int]], nlp, pairs: set[int], labels: dict[str, str],
) -> list[tuple[Appearance, str, int]]:
    """`Jane Doe, Goldman Sachs`: the second item is the first's organization when NER, reading
    the two together, calls it an organization (and, alone, no person) and the first no
    organization. `Ann Lee, Bo Chen` stays two people."""
    members: dict[int, list[int]] = {}
    for i, (_, _, group) in enumerate(candidates):
        if group in pairs:
            members.setdefault(group, []).append(i)
    members = {g: m for g, m in members.items() if len(m) == 2}
    if not members:
        return candidates
    keys = list(members)
    texts = [", ".join(candidates[i][0].person_name for i in members[g]) for g in keys]
    organization: dict[int, str] = {}  # candidate index -> its organization
    dropped: set[int] = set()
    for group, doc in zip(keys, nlp.pipe(texts, batch_size=256), strict=True):
        first, second = (candidates[i][0].person_name for i in members[group])
        found = {" ".join(ent.text.split()): ent.label_ for ent in doc.ents}
        if (found.get(second) == "ORG" and labels.get(second) != "PERSON"
                and found.get(first) != "ORG"):
            organization[members[group][0]] = second
            dropped.add(members[group][1])
    return [
        (replace(app, org_name=organization[i]), "strong", 0) if i in organization else
        (app, strength, group)
        for i, (app, strength, group) in enumerate(candidates) if i not in dropped
    ]


def _decided(strength: str, app: Appearance, group: int) -> bool:
    return strength == "strong" and bool(app.org_name) and not group


def _people_in_context(nlp, contexts: dict[int, str]) -> dict[int, set[str]]:
    """The PERSON entities NER finds in each context (a title and the name below it)."""
    keys = list(contexts)
    docs = nlp.pipe([contexts[k] for k in keys], batch_size=256)
    return {
        key: {" ".join(ent.text.split()) for ent in doc.ents if ent.label_ == "PERSON"}
        for key, doc in zip(keys, docs, strict=True)
    }


def looks_org(text: str) -> bool:
    return looks_like_org(text)

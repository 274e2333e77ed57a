"""The layout reader: a document's text blocks in order, read as a reader scans a program."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from pipeline.stages.recognize.heading_parts import heading_apart
from pipeline.stages.recognize.labels import (
    BRACKETS_RE,
    OFFICER_LABEL_RE,
    PLACE_LABEL_RE,
    PRESIDING_LABEL_RE,
    SESSION_ROLES,
    TIER_LIST_RE,
    TIME_RE,
    YEAR_HEADING_RE,
    YEAR_PREFIX_RE,
    award_and_year,
    award_label,
    chair_heading,
    follows,
    is_heading,
    named_heading,
    role_label,
    section_role,
    session_title,
    tier_heading,
)
from pipeline.stages.recognize.organizations import (
    BOOTH_COLUMN_RE,
    ORG_LIST_SPLIT_RE,
    attach_booths,
    org_line,
    org_lines,
    sponsor_sessions,
)
from pipeline.stages.recognize.people import (
    STRONG_ROLES,
    all_common,
    people_line,
    stacked_lines,
    surname_first_column,
)
from pipeline.stages.recognize.prose import (
    award_announcements,
    is_prose,
    letter_signer,
    prose_mentions,
    running_text,
)
from pipeline.stages.recognize.records import record_appearance
from pipeline.stages.recognize.rows import labelled_parts, row_people
from pipeline.tables import LOGO_HINT, Appearance, Block
from pipeline.text.award_words import award_rank, distinction, names_award, names_awarded_work
from pipeline.text.lexicon import plain_section, session_kind
from pipeline.text.line_shapes import leading_title, name_list_items, parse_people
from pipeline.text.lines import clean_name
from pipeline.text.name_shapes import one_name
from pipeline.text.names import fold
from pipeline.text.paragraphs import logical_lines

_COMMA_RE = re.compile(r"[,;]")
# What a committee's sub-label never prints: a list's commas, a label's colon, a year, a
# sentence's full stop.
_SUB_LABEL_STOP_RE = re.compile(r"[,;:()\d]|\.$")
# A heading that names its chairs as a letter's writers (`Message from the Program Committee
# Co-Chairs`): the people its letter names are no chairs.
_LETTER_WORDS_RE = re.compile(r"\b(?:from|the|by|to|our|of)\b", re.I)
# The roles of a schedule's sessions, which a session-kind line (`Invited talk`) changes.
_TALK_ROLES = frozenset({"", "speaker", "keynote", "panelist", "moderator", "chair"})
# The roles of a page of people, where a heading naming chairs gives the chair's role (in a
# program a `Session Chair` heading is a label of one session).
_PAGE_ROLES = frozenset({"", "committee", "board", "organizer", "chair"})


class LayoutReader:
    """The layout-cue state machine over one document's blocks: headings set the role (and a
    sponsor tier, an award, a session), bold session labels and `Chair:` labels override it,
    and the names of each logical line become candidates for NER to confirm.

    A candidate is (appearance, strength, list group): strength `strong`, `list`, `weak` or
    `tail`, and the group its list or line gives it (0 for none); see
    `confirmation.confirm_candidates`.
    """

    def __init__(self, *, nlp, event: str, year: int | None, common: set[str]) -> None:
        self.nlp, self.event, self.year, self.common = nlp, event, year, common
        self.candidates: list[tuple[Appearance, str, int]] = []
        self.groups = itertools.count(1)
        self.contexts: dict[int, str] = {}  # group -> title and name, for a name off its title
        self.pairs: set[int] = set()  # groups of `Name, Name-or-organization` lines
        self.author_lines = 0  # lines that list only names, below a line naming no one (a title)
        self.role, self.tier, self.session = "", "", ""
        self.last_page: int | None = None
        self.section_size = 0.0
        self.outer = ""  # the role of the heading `section_size` is the size of
        self.before_chair: str | None = None  # the role a heading naming chairs interrupted
        self.keynote_of: frozenset[str] = frozenset()  # surnames a keynote heading names
        self.award_name = ""  # the award heading over recipients (`Distinguished Service Award`)
        self.award_year: int | None = None  # the year a heading gives them (`## 2023`)
        # A label alone (`Panelists:`) carries to the block it heads.
        self.carry, self.carry_from = "", None
        self.named = 0  # people named since the role last changed
        self.prose = False  # the block before was running text (a letter, a description)
        self.label_role = ""  # what a plural label (`Panelists:`) gives the block's next lines
        # the role of a label whose talk title wraps to the next line of the block, where its
        # speaker is (`Invited Talk: Context in` / `Language (Ann Lee)`)
        self.wrapped = ""
        self.recorded = ""  # the person of the record read last
        self.wraps_to: tuple[str, Block] | None = None  # the same, from a block's last line
        # The text blocks read, each in the role the reader was in: where lines of shapes no
        # rule knows are looked for, for NER to propose people in (issue 17).
        self.visited: list[Block] = []
        # id of each text block read under a heading that names an award -> the award
        # (`### Best Student Paper` under `# Awards`): NER's people on a page the rules left
        # empty get it too.
        self.awarded: dict[int, str] = {}

    def read(self, block: Block) -> None:
        """Read one block: its candidates go to `candidates`, its cues to the reader's state;
        a plain text block outside the sponsor lists goes to `visited` too."""
        self._read(block)
        if self.role == "award_recipient" and not block.is_record and names_award(self.award_name):
            self.awarded[id(block)] = self.award_name
        if (not block.is_record and not block.bold and block.role_hint not in (LOGO_HINT, "heading")
                and self.role not in ("sponsor", "exhibitor")):
            self.visited.append(replace(block, role=self.label_role or self.role or "speaker",
                                        award=self.award_name, session=self.session))

    def _read(self, block: Block) -> None:
        if block.is_record:
            self.candidates.append((record_appearance(block, self.event, self.year), "strong", 0))
            self.recorded = block.person_name
            self.named += bool(block.person_name)  # (a panel's records end with its heading)
            return
        recorded, self.recorded = self.recorded, ""
        if not block.text.strip():
            return
        if recorded and block.role_hint == "heading" and clean_name(
                " ".join(block.text.split())) == recorded:
            return  # `<h3>Prof. Ann Lee</h3>`, which the page's reader gave as her record
        split = heading_apart(block)
        if split:  # `Thursday 10:00 Room: Hall C` / `Session Chair: Ann Lee` in one heading
            for part in split:
                self.read(part)
            return
        logo = block.role_hint == LOGO_HINT
        after_prose, self.prose = self.prose, not logo and is_prose(block.text)
        self.candidates.extend([] if logo else sponsor_sessions(block, self.event, self.year))
        if self.prose or not logo and running_text(block.text):
            # `our gold supporters: Acme Labs and Globex`, `committee (Ann Lee, …)`
            self.candidates.extend(prose_mentions(block, self.event, self.year, self.groups))
        if block.page != self.last_page:
            self.last_page, self.carry, self.section_size = block.page, "", 0.0
            if self.role in ("sponsor", "exhibitor"):
                self.role, self.tier = "", ""
        if logo:
            self._read_logo(block)
            return
        signer = after_prose and not block.bold and letter_signer(block, self.event, self.year)
        if signer:
            self.candidates.append((signer, "strong", 0))  # a welcome letter's signer (issue 3)
            return
        surname_first = surname_first_column(block, self.role, self.session, self.event,
                                             self.year)
        if surname_first:
            self.candidates.extend(surname_first)
            return
        heading = is_heading(block) and not (
            self.role in ("keynote", "speaker", "sponsor")
            and named_heading(block, self.role, self.tier)
        )
        if not heading and self._sub_label(block):
            block, heading = replace(block, role_hint="heading"), True
        if heading and not self._read_heading(block):
            return
        awarded = award_announcements(block, self.role, self.event, self.award_year or self.year,
                                      self.groups)
        if awarded:  # `The Best Paper Award goes to Ann Lee and Bo Chen.`
            self.candidates.extend(awarded)
            return
        self._read_text(block)

    def _sub_label(self, block: Block) -> bool:
        """A line alone on a committee page that names a part of the committee, without a colon
        (`General Chairs`, `Steering Committee`, a definition list's term) in a document that
        prints no type sizes (a site's Markdown, a text file): a heading of the people below
        it. A PDF sets such a line large or bold, or it is a column's label."""
        text = " ".join(block.text.split())
        return (self.role in ("committee", "board", "chair", "organizer")
                and block.role_hint != "heading" and block.x0 is None
                and "\n" not in block.text.strip()
                and not _SUB_LABEL_STOP_RE.search(text) and not one_name(text)
                and (chair_heading(text) or section_role(text) in ("committee", "board")))

    def _read_logo(self, block: Block) -> None:
        """What OCR read in a logo names an organization under a sponsor or exhibitor heading,
        and nobody anywhere else (issue 23: no person from a logo)."""
        if self.role not in ("sponsor", "exhibitor"):
            return
        named_org = org_line(" ".join(block.text.split()), self.role, self.tier, block,
                             self.event, self.year)
        if named_org:
            self.candidates.append((named_org, "strong", 0))

    def _read_heading(self, block: Block) -> bool:
        """A heading: the role (and the tier, the award, the session) of what follows. True
        when it is a role label too (`Keynote: Ann Lee`), whose names are read next."""
        text = " ".join(block.text.split())
        tier_match = tier_heading(text)
        new_role = "sponsor" if tier_match else section_role(text)
        if new_role in ("speaker", "") and block.role_hint == "heading" and self.role in (
                "award_recipient", "") and names_awarded_work(text):
            # `### Best Student Paper` on an award page (or before any section): its winners,
            # though `paper` is a speaker word; in a program, a `BEST PAPER` tag on a talk
            # leaves its authors speakers
            new_role = "award_recipient"
        if new_role in ("committee", "organizer") and block.role_hint == "heading" and (
                chair_heading(text)) and not _LETTER_WORDS_RE.search(text):
            new_role = "chair"  # `Program Committee Chairs`: the committee's chairs
        elif not new_role and block.role_hint == "heading" and self.role in _PAGE_ROLES and (
                chair_heading(text)):
            # `<h3>Conference Chair</h3>` under `Organizing Committee`: until the next heading
            new_role, self.before_chair = "chair", (
                self.before_chair if self.role == "chair" else self.role)
        elif not new_role and self.role == "chair" and self.before_chair is not None and not (
                plain_section(text)):
            # the heading after it names no role: back to the role of the page
            self.role, self.before_chair, self.named = self.before_chair, None, 0
        elif not new_role and block.role_hint == "heading" and plain_section(text) and (
                not TIME_RE.search(text)):
            # `Contact` or `Venue` after the sponsors or the committee: that list has ended
            self.role, self.tier, self.award_name, self.award_year = "", "", "", None
            self.before_chair, self.named, self.outer, self.section_size = None, 0, "", 0.0
        # Under a committee or board heading, smaller headings name its sub-committees; one
        # naming chairs gives its people the chair's role until the next sub-heading.
        sub = (self.role in ("committee", "board") or self.role == "chair" and self.outer in (
            "committee", "board")) and (block.size or 0) < self.section_size - 0.5
        if sub and new_role not in ("committee", "board", "chair"):
            new_role, tier_match = ("" if self.role == self.outer else self.outer), ""
        if new_role:
            self.named = 0
            # `Plenary Mon PM - Ann Lee (Founders Award)`: the keynote the heading names
            self.keynote_of = _named_in(text) if new_role == "keynote" else frozenset()
            self.award_name, self.award_year = award_and_year(text, self.award_name) if (
                new_role == "award_recipient") else ("", None)
            if not (sub and new_role not in ("committee", "board")):
                same = new_role == self.role and self.role in ("committee", "board")
                size = block.size or 0.0
                self.section_size = max(self.section_size, size) if same else size
                self.outer = new_role
            self.role, self.carry = new_role, ""
            if new_role != "chair":
                self.before_chair = None
            # a sponsor heading naming no tier (`Partners` after `Gold`) starts a list of its
            # own; under a `Sponsors` heading the tier headings below name theirs
            self.tier = tier_match
        elif self.role == "award_recipient" and YEAR_HEADING_RE.fullmatch(text):
            self.award_year = int(text.strip())  # `## 2023` under the award: its recipients' year
        elif self.role == "award_recipient" and not TIME_RE.search(text):
            # `Fellows` under the awards: the honour the names below get
            self.award_name, self.award_year = award_and_year(text, self.award_name)
        elif self.role in SESSION_ROLES and self.named and not TIME_RE.fullmatch(text):
            # A heading after a keynote's or panel's people ends it (`Pre-Symposium Events`
            # after the keynote: SIGCSE 2017; `Session 2` after a plenary: householder 2025).
            self.role, self.named = "speaker", 0
        if new_role in ("", "speaker", "panelist", "keynote") and not TIME_RE.fullmatch(text):
            self.session = text
        return bool(role_label(text, self.role)[0])

    def _read_text(self, block: Block) -> None:
        """The logical lines of a block, in the role of a label it follows (`Panelists:` over
        the names) or of the section."""
        label_role = self.carry if self.carry and follows(self.carry_from, block) else ""
        self.carry, self.carry_from = "", None
        if (
            self.role in SESSION_ROLES and self.named and block.bold and not label_role
            and session_title(block.text, self.nlp)
        ):
            # The next session's title: a panel's or keynote's role ends with its session
            # (issue 3: `HRIS Selection Without Regret` after a panel is no panelist).
            self.role, self.named, self.session = "speaker", 0, " ".join(block.text.split())
            return
        lines, tails = self._lines(block)
        if PLACE_LABEL_RE.match(lines[0]) and len(lines) <= 3:
            return
        wraps_to, self.wraps_to = self.wraps_to, None
        self.label_role = label_role
        self.wrapped = wraps_to[0] if wraps_to and follows(wraps_to[1], block) else ""
        for n in range(len(lines)):
            if self._read_line(block, lines, n, tails):
                break

    def _lines(self, block: Block) -> tuple[list[str], dict[int, str]]:
        """The block's logical lines, and the line above each line that is one name split off
        the title above it (line number -> that title)."""
        # Organization lists are one per line; people lines may wrap.
        if self.role in ("sponsor", "exhibitor"):
            return [ln.strip() for ln in block.text.splitlines() if ln.strip()], {}
        tails: dict[int, str] = {}
        lines = [part for line in stacked_lines(logical_lines(block.text))
                 for part in labelled_parts(line)]
        if self.role not in STRONG_ROLES and "\n" in block.text.strip():
            split = logical_lines(block.text, split_names=True)
            if len(split) > len(lines):
                tails = {i: split[i - 1] for i in range(1, len(split))
                         if split[i] not in lines and split[i - 1] not in lines}
                lines = split
        return lines, tails

    def _read_line(self, block: Block, lines: list[str], n: int, tails: dict[int, str]) -> bool:
        """Line `n`: a sponsor tier, a role label, an award, people or an organization. True
        when the rest of the block names nobody (a bold label, a column of booth numbers)."""
        text = lines[n]
        wrapped, self.wrapped = self.wrapped, ""
        if PLACE_LABEL_RE.match(text) or self._read_tier(block, text):
            return False
        row = row_people(text, self.role)
        parted = row != text and row in text  # a row's people part (`09:00 Ann Lee: Tiles`)
        text = row
        line_year = None
        dated = YEAR_PREFIX_RE.match(text) if self.role == "award_recipient" else None
        if dated:  # `2023 — Jane Doe, Acme Corp` under an award's heading
            line_year, text = int(dated.group("year")), dated.group("rest")
        label, label_given = role_label(text, self.role)
        if label and not text[label.end():].strip() and self._read_session_kind(text):
            return False  # `14.00 – 15.00 Invited talk` alone: the session's kind
        line_role, award = "", ""
        labelled_award = None if label else award_label(text)
        if labelled_award and parse_people(labelled_award.group("rest")):
            # `2023 Lifetime Achievement Award: Linda Park, Hooli`
            line_role, award = "award_recipient", labelled_award.group("award").strip()
            if distinction(award):  # `Honorable mentions: …`, of the award above if any
                award = award_and_year(award, self.award_name)[0]
            elif award_rank(award) and self.award_name:  # `3rd Prize: …` under its prize
                award = self.award_name
            text = labelled_award.group("rest").strip()
        elif label:
            labelled = self._after_label(block, label, label_given, text[label.end():].strip(),
                                         last=n == len(lines) - 1)
            if labelled is None:
                return False
            text, line_role = labelled
        elif wrapped and not TIME_RE.match(lines[n]):
            line_role, text = wrapped, re.sub(r"^\((.+)\)$", r"\1", text.strip())
        elif self._read_session_kind(text):
            return False
        elif self._names_nobody(block, lines, text):
            self.session = " ".join(block.text.split())  # a bold label that names nobody
            return True
        current = line_role or self.label_role or self.role or "speaker"
        if current == "exhibitor" and BOOTH_COLUMN_RE.fullmatch(block.text.strip()):
            attach_booths(self.candidates, block)  # a booth-number column beside the names
            return True
        if current in ("sponsor", "exhibitor"):
            self.candidates.extend((app, "strong", 0) for app in org_lines(
                text, current, self.tier, block, self.event, self.year))
            return False
        before = len(self.candidates)
        self._read_people(block, lines, n, tails, text, current,
                          label is not None or parted or line_role == wrapped != "", award,
                          line_year)
        if label and line_role and len(self.candidates) == before and (
                re.search(r"[:：|–—]\s*$", label.group(0))):
            # `Invited Talk: a title that` / `wraps (Ann Lee)`, on the block's next line or,
            # from its last line, in the block below
            if n + 1 < len(lines):
                self.wrapped = line_role
            else:
                self.wraps_to = (line_role, block)
        office = (OFFICER_LABEL_RE.match(lines[n]) or PRESIDING_LABEL_RE.match(lines[n])) if (
            line_role == "board") else None
        if office and not office.group("plural"):  # `Treasurer: Ann Lee`: her office
            self.candidates[before:] = [
                (app if app.title else replace(app, title=office.group("label")), strength, g)
                for app, strength, g in self.candidates[before:]]
        return False

    def _read_session_kind(self, text: str) -> bool:
        """A line naming the kind of the session below it: the role of the names that follow
        (`Invited talk`: keynotes; `Parallel session`: speakers; a break ends a keynote's or a
        panel's role). True when `text` is one; it names nobody itself."""
        if self.role not in _TALK_ROLES:  # `Registration`, `Workshops` under a committee
            return False
        kind = session_kind(text)
        if not kind:
            return False
        self.named, self.label_role, self.keynote_of = 0, "", frozenset()
        self.role = "speaker" if kind == "break" else kind
        self.session = "" if kind == "break" else " ".join(text.split())
        return True

    def _read_tier(self, block: Block, text: str) -> bool:
        """A sponsor tier (`Gold Sponsors`), or a tier and its sponsors on one line
        (`Platinum Sponsors: Acme Corp, Globex`): True when `text` is one."""
        tier_match = tier_heading(text)
        if tier_match:
            self.role, self.tier = "sponsor", tier_match
            return True
        tier_list = TIER_LIST_RE.match(text)
        if not tier_list:
            return False
        self.tier = tier_list.group("tier").title()
        for item in ORG_LIST_SPLIT_RE.split(tier_list.group("list")):
            app = org_line(item, "sponsor", self.tier, block, self.event, self.year) if item else (
                None)
            if app:
                self.candidates.append((app, "strong", 0))
        return True

    def _after_label(
        self, block: Block, label: re.Match, given: str, text: str, *, last: bool
    ) -> tuple[str, str] | None:
        """What follows a role label (`text`) and the role of that line alone (empty when the
        label is plural and gives its role to the lines after it too); None for a label alone,
        whose role carries to the block below when it ends this one."""
        self.label_role = given
        talk, rest = leading_title(text)
        if talk:  # `Keynote: Reinventing Work - Jane Doe, Chief People Officer, Acme`
            text = rest
        if not text:
            if last:
                self.carry, self.carry_from = given, block
            return None
        if label.group("plural"):
            return text, ""
        # `Chair: Name, Org` names one person; the lines after it are the session's speakers,
        # not more chairs (issue 3).
        self.label_role = ""
        return text, given

    def _names_nobody(self, block: Block, lines: list[str], text: str) -> bool:
        """A short bold block that is a label naming nobody: a sub-committee's name under a
        committee heading, or words the document prints in lower case elsewhere."""
        return bool(block.bold and len(lines) <= 3 and (
            self.role in ("committee", "board") and not _COMMA_RE.search(block.text)
            and not one_name(block.text)  # a member's name set in bold is no sub-committee
        ) or block.bold and len(lines) <= 3 and all(
            all_common(person.name, self.common) for person in parse_people(text)
        ))

    def _read_people(
        self, block: Block, lines: list[str], n: int, tails: dict[int, str], text: str,
        role: str, labelled: bool, award: str, line_year: int | None,
    ) -> None:
        """The people line `n` names (`text`, after its label), in `role`, with the award its
        label or the heading above gives."""
        group = next(self.groups)
        if n in tails and not labelled:
            self.contexts[group] = f"{tails[n]}\n{text}"
        elif n and not labelled and name_list_items(text) and not parse_people(lines[n - 1]):
            self.author_lines += 1
        found = people_line(text, role, self.session, block, self.event, self.year, self.common,
                            labelled or bool(award), group, tail=group in self.contexts,
                            pairs=self.pairs)
        if role == "keynote" and self.keynote_of and not labelled:
            # under a heading that names its keynote, the others named are speakers, read as
            # a speaker's line (a column of another session read after the heading)
            others = people_line(text, "speaker", self.session, block, self.event, self.year,
                                 self.common, bool(award), group,
                                 tail=group in self.contexts, pairs=self.pairs)
            found = [c for c in found if _surname(c[0].person_name) in self.keynote_of] + [
                c for c in others if _surname(c[0].person_name) not in self.keynote_of]
        line_year = line_year or (self.award_year if role == "award_recipient" else None)
        if role == "award_recipient" and (award or self.award_name or line_year):
            found = [(replace(app, award=award or self.award_name or app.award,
                              year=line_year or app.year), strength, g)
                     for app, strength, g in found]
        self.named += len(found)
        self.candidates.extend(found)


# Where a heading's parts divide (`Plenary Mon PM - Ann Lee`, `Keynote: Bo Chen`).
_HEADING_PARTS_RE = re.compile(r"\s[-–—|]\s|:\s")


def _surname(name: str) -> str:
    return fold(name.split()[-1]) if name.split() else ""


def _named_in(heading: str) -> frozenset[str]:
    """The surnames of the people a heading names, by a part of it that is a name opening with
    a given name people bear (`Plenary Thurs - Helen Marsh (Founders Award)`).

    >>> sorted(_named_in("Plenary Thurs - Helen Marsh (2019 Founders Award)"))
    ['marsh']
    >>> _named_in("Keynote Session"), _named_in("Invited Talks: Widget Theory")
    (frozenset(), frozenset())
    """
    parts = _HEADING_PARTS_RE.split(BRACKETS_RE.sub(" ", " ".join(heading.split())))
    return frozenset(_surname(part) for part in (p.strip(" ,;") for p in parts) if one_name(part))

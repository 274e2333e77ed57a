"""The NER fallback: the people NER proposes in free-text blocks and on the pages where the
rules named nobody."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.stages.recognize.labels import (
    SENTENCE_RE,
    TIME_SLOT_RE,
    award_label,
    role_label,
    section_role,
)
from pipeline.stages.recognize.people import any_common
from pipeline.stages.recognize.prose import is_prose
from pipeline.tables import LOGO_HINT, ROLES, Appearance, Block
from pipeline.text.award_words import award_group_words, distinction
from pipeline.text.lexicon import names_coauthors
from pipeline.text.lines import clean_name, looks_like_name, looks_like_org, title_like
from pipeline.text.paragraphs import logical_lines

_PERSON_ROLES = frozenset(ROLES) - {"sponsor", "exhibitor"}


def unread_pages(blocks: list[Block], found: list[Appearance],
                 awarded: dict[int, str] | None = None) -> list[Block]:
    """The text blocks of the pages where the layout rules named nobody, for NER to propose
    people in: a layout the rules were not written for (a schedule grid, a poster) still
    prints names. Each line is one block, in the role of the section heading over it, else
    speaker; a document without pages is one page. Paragraphs of running text (a welcome
    letter, venue notes, abstracts) are left to the rules: NER would find every name they
    mention, and few of those are presenters. A block the reader read under an award
    (`awarded`: id of the block -> the award) is that award's, though its own heading names
    only the awarded work (`Best Student Paper` under `Awards`)."""
    awarded = awarded or {}
    named = {app.page for app in found if app.person_name}
    out = []
    for block in blocks:
        if block.is_record or block.page in named or block.role_hint in (LOGO_HINT, "heading"):
            continue
        if not block.text.strip() or is_prose(block.text):
            continue
        role = section_role(block.section) if block.section else ""
        role = role if role in _PERSON_ROLES else "speaker"
        if id(block) in awarded:
            role = "award_recipient"
        dated = _SECTION_YEAR_RE.search(block.section or "")  # `CP 2024` over its awards
        year = int(dated.group()) if dated and not block.year else block.year
        # One line at a time, as a reader scans a grid: a cell's lines are separate talks.
        for line in _ner_lines(block.text):
            if not line.strip() or _INDEX_ENTRY_RE.search(line) or not _may_name(line) or (
                    names_coauthors(line)):
                continue
            award = award_label(line) or _BEST_LABEL_RE.match(line)
            # under an award's heading, the award its heading names (`2024 Young Investigator
            # Award`), without the year
            award_name = award.group("award").strip() if award else awarded.get(
                id(block)) or (_SECTION_YEAR_RE.sub(" ", block.section).strip(" :–—-") if role == (
                    "award_recipient") and block.section else "")
            if award_name.lower().rstrip("s") in _GROUP_WORDS and not distinction(award_name):
                award_name = ""  # `Awards 2023` names no award
            out.append(replace(block, text=line, role="award_recipient" if award else role,
                               award=" ".join(award_name.split()), year=year))
    return out


# A person line is shorter than this (an author list of a dozen names is about 250 characters);
# a longer logical line is a paragraph or a table run together, and NER on it is slow.
MAX_LINE = 300


def _ner_lines(text: str) -> list[str]:
    """The lines NER reads a block in: its logical lines, or its printed lines when joining
    made one longer than MAX_LINE (a table run together, which NER reads slowly and badly)."""
    lines = logical_lines(text)
    if any(len(line) > MAX_LINE for line in lines):
        return [line for line in text.splitlines() if len(line) <= MAX_LINE]
    return lines


def silent_lines(visited: list[Block], found: list[Appearance]) -> list[Block]:
    """The lines the rules left empty on the pages where they named someone (`unread_pages`
    has the others), for NER to propose people in: a line of a text block that holds a known
    given name before a capitalized word and none of the names found on its page (a
    `Title, Ann Lee and Bo Chen` row, a name in a table cell no rule reads). Each keeps the
    role the reader was in, or its own label's; running text, sentences and index lines are
    left out."""
    names: dict[int | None, set[str]] = {}
    for app in found:
        if app.person_name:  # `Chris Lee, James Madison University`: its organization too
            names.setdefault(app.page, set()).update(filter(None, (app.person_name, app.org_name)))
    # Longest first, in a fixed order: `Ann Lee Smith` goes before `Ann Lee`, the same in every
    # process (a set's order changes with the hash seed).
    ordered = {page: tuple(sorted(found_names, key=lambda n: (-len(n), n)))
               for page, found_names in names.items()}
    out = []
    for block in visited:
        if block.page not in ordered or not block.text.strip() or is_prose(block.text):
            continue
        role = block.role if block.role in _PERSON_ROLES else "speaker"
        for line in _ner_lines(block.text):
            if not line.strip() or _INDEX_ENTRY_RE.search(line) or _bare_title(line) or (
                    not _may_name(_without(line, ordered[block.page]))) or names_coauthors(line):
                continue  # (`Joint work with Ann Lee`: co-authors, who present nothing)
            slot = TIME_SLOT_RE.match(line)
            # `Chair: Ms. Ann Lee / Mr. Bo Chen, UN ESCAP`, `16:00 Keynote 1: Title (Ann Lee)`
            label, given = role_label(line[slot.end():] if slot else line)
            out.append(replace(block, text=line, role=given if label else role))
    return out


_NAME_SIGNS_RE = re.compile(r"[,;(|/]|\bby\b|\bwith\b|:\s*[A-Z]|\s(?:--|–|—)\s")


def _bare_title(line: str) -> bool:
    """A talk title and nothing else: title-shaped, with no comma, parenthesis, `by`, `with`,
    label colon or spaced dash (`9:00 -- Ann Lee -- Room 1`) that would set a name beside it.
    Most lines the rules leave empty are these, and NER on them finds nobody."""
    return title_like(line) and not _NAME_SIGNS_RE.search(line)


def _without(line: str, names: tuple[str, ...]) -> str:
    """The line with the people and organizations the rules found on its page taken out:
    what is left for NER."""
    for name in names:
        if name in line:
            line = line.replace(name, " , ")
    return line


def new_people(proposed: list[Appearance], found: list[Appearance]) -> list[Appearance]:
    """The proposed appearances of people the page does not name yet, once each."""
    from pipeline.text.names import fold

    seen = {(app.page, fold(app.person_name)) for app in found if app.person_name}
    out = []
    for app in proposed:
        key = (app.page, fold(app.person_name))
        if key not in seen:
            seen.add(key)
            out.append(app)
    return out


# `Best Student Paper: Ann Lee, Bo Li. Title`: an award line whose label lacks the word award.
_BEST_LABEL_RE = re.compile(
    r"^(?P<award>(?:outstanding|best|distinguished)\b[^:–—]{0,60}?\b(?:papers?|posters?|"
    r"demos?|presentations?|talks?|theses|thesis|dissertations?|articles?|reviewers?))"
    r"\s*[:–—]\s*\S", re.I)
# A heading of one award word (`Awards`, `Prizes`) names a group of awards, not one.
_GROUP_WORDS = award_group_words()
_SECTION_YEAR_RE = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
# `Hermann, Karl Moritz, 47, 149`: an index line names people by the pages they are on.
# `Lee, Ann . . . . . 2P15`: an index or a table of contents, by its dot leaders.
_INDEX_ENTRY_RE = re.compile(r"[,\s]\d{1,4},\s*\d{1,4}\b|,\s*\d{1,4}\s*$|(?:\.\s?){4}")
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


# A block of free text whose people only NER can find (a table cell no column types as a
# name: `Dr. Ann Lee: Spatial analyses ...`); extractors mark them, with the role
# their row gives.
NER_HINT = "ner"


# A line that is no sentence and at most this long, or whose PERSON entities fill at least this
# share of it, or that ends with a person, is a person line: an author list, a `Title, Ann Lee
# and Bo Chen` row; not a thank-you sentence that mentions people.
DENSE_LINE, DENSE_SHARE = 120, 0.5
_LINE_END_RE = re.compile(r"[\s.,;:*†‡\d)]*$")


def _person_line(doc) -> bool:
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    if not people:
        return False
    text = doc.text
    end = _LINE_END_RE.search(text).start()
    return people[-1].end_char >= end or sum(len(e.text) for e in people) >= (
        DENSE_SHARE * len(text)) or (len(text) <= DENSE_LINE and not SENTENCE_RE.search(text))


def ner_proposed(blocks: list[Block], nlp, common: set[str] = frozenset(), *, event: str = "",
                 year: int | None = None, known_names: bool = False,
                 dense: bool = False) -> list[Appearance]:
    """People NER proposes in free-text blocks: each PERSON entity that is shaped like a name
    (honorifics and credentials dropped) and not made of words the document prints in lower
    case (`Graph Rewriting`), in the block's role, session and section. With `dense`, a line
    longer than DENSE_LINE gives its people only if they fill DENSE_SHARE of it."""
    if nlp is None or not blocks:
        return []
    out: list[Appearance] = []
    texts = [" ".join(b.text.split()) for b in blocks]
    for block, doc in zip(blocks, nlp.pipe(texts, batch_size=256), strict=True):
        if dense and not _person_line(doc):
            continue
        for n, ent in enumerate(doc.ents):
            if ent.label_ != "PERSON":
                continue
            name = clean_name(ent.text.strip(" .,;:"))
            if not looks_like_name(name) or looks_like_org(name) or any_common(name, common):
                continue
            if known_names and not _given_name(name):
                continue
            out.append(Appearance(
                role=block.role or "speaker", person_name=name, session=block.session,
                org_name=_org_after(doc, n) if known_names else "",
                award=block.award,
                event=block.event or event, year=block.year or year, method="ner",
                snippet=" ".join(block.text.split())[:300], page=block.page))
    return out


_PAREN_AFTER_RE = re.compile(r"^\s*\(([^()]{2,120})\)")


def _org_after(doc, n: int) -> str:
    """The organization of the person that entity `n` of a line names: the parenthesis right
    after the name (`Ann Lee (Acme, Peru):`), else the first ORG entity before the next person
    (`Ann Lee, Lead, UNITAR`)."""
    ent = doc.ents[n]
    paren = _PAREN_AFTER_RE.match(doc.text[ent.end_char:])
    if paren:
        return paren.group(1).strip()
    for other in doc.ents[n + 1:]:
        if other.label_ == "PERSON":
            break
        if other.label_ == "ORG":
            return other.text.strip(" .,;:")
    return ""

"""Paragraphs into logical lines: the printed lines that continue one another, joined."""

from __future__ import annotations

import re

from pipeline.text.lexicon import office_alternation, position_alternation, session_kind
from pipeline.text.line_shapes import DASH_RE, name_list_items
from pipeline.text.lines import (
    ROLE_WORDS_RE,
    TITLE_WORDS_RE,
    clean_name,
    looks_like_name,
    looks_like_org,
    title_like,
    truecase,
)
from pipeline.text.memo import memo, memo_list
from pipeline.text.namefreq import known_given_share, known_surname_share
from pipeline.text.names import fold

_MID_LABEL = (r"(?:Session\s+)?(?:Co-?)?(?:Chairs?|Moderators?|Panell?ists?|Discussants?|"
              r"Facilitators?|Presenters?)\s*:")
# (not inside `Session Chair:`, which is one label)
_MID_LABEL_RE = re.compile(rf"(?<=\S)(?<![Ss]ession)[ \t]+(?={_MID_LABEL})")
# What the pattern needs.
_MID_LABEL_WORDS = ("Chair", "Moderator", "Panel", "Discussant", "Facilitator", "Presenter")
# A line the split above started: it never continues the line before (`… Recruiting -`).
_MID_LABEL_START_RE = re.compile(_MID_LABEL)
_CONTINUE_END_RE = re.compile(
    r"([,;&]|\band|\bof|\bat|\bthe|\san?|\bfor|\b(across|through|towards?|between|among|"
    r"without|within|using|versus|via|into|onto|from|with|about)|-)$", re.I)
# A bullet or a time slot starts an entry (`• Title`, `11:00–11:30 Title`).
_ENTRY_START_RE = re.compile(r"^([•·▪●◦‣]|\d{1,2}[:.]\d{2}\b)")
# Short lower-case words that end a wrapped title line (`… Variations in` / `Collaboration`);
# in capitals they may be surnames (`Ann To`).
_CONTINUE_SMALL_RE = re.compile(r"\b(in|on|to|by|a|an|as|or|vs\.?|our|your|their|its)$")


# An affiliation line numbered as the marks after the names above it (`1. Acme`, `¹ Acme`),
# and a line ending with such a mark (`Ann Lee 1`, `Bo Chen¹`).
_NUMBERED_ORG_RE = re.compile(r"^(?:\d{1,2}\.\s+|[¹²³⁴⁵⁶⁷⁸⁹]\s*)\S")
_MARKED_END_RE = re.compile(r"[^\W\d_]\s*(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹])$")
_SEPARATOR_RE = re.compile(r"[,;:]")
# An officer's title alone on its line, stacked between a name and an organization.
_OFFICE_RE = re.compile(rf"(?:{office_alternation()}|{position_alternation('chair')})"
                        r"(?:\s*\([^()]{1,40}\))?", re.I)
# An office as a label (`Treasurer: Ann Lee`, `Présidente : Sara Lind`) starts an entry.
_OFFICE_LABEL_RE = re.compile(
    rf"^(?:{office_alternation()}|{position_alternation('chair')})s?\s*[:–—]", re.I)
_COMMA_RE = re.compile(r"[,;]")
_FIRST_ITEM_RE = re.compile(r"\s*[,;]\s*|\s+and\s+")
_PAREN_RE = re.compile(r"\s*\([^()]*\)\s*")


@memo_list
def logical_lines(text: str, *, split_names: bool = False) -> list[str]:
    r"""Join the printed lines of a paragraph that continue one another.

    A line continues the previous one when the previous ends with a separator (`,` `;` `and`
    `of` `-`), when it starts in lower case, or when its first item is not a name on its own
    (`University`, `Center ;`, a surname whose first name ended the previous line). A list of
    names never continues a line; with `split_names`, neither does one name below a line that
    is not a name (a paper's single author below its title).

    >>> logical_lines(
    ...     "Leland Beck, Patty Kraft,\nAlexander W. Chizhik, San Diego\nState University")
    ['Leland Beck, Patty Kraft, Alexander W. Chizhik, San Diego State University']
    >>> logical_lines("Jane Doe, MIT\nBo Li, Stanford University")
    ['Jane Doe, MIT', 'Bo Li, Stanford University']
    """
    out: list[str] = []
    split_at_labels = ":" in text and any(word in text for word in _MID_LABEL_WORDS)
    if split_at_labels:
        text = _MID_LABEL_RE.sub("\n", text)
    printed = [ln.strip() for ln in text.split("\n") if ln.strip()]
    width = max((len(ln) for ln in printed), default=0)
    for i, line in enumerate(printed):
        # A line cut by wrapping: the previous line is nearly full, is a `Name, …, Org` line
        # and this one is a short tail without commas (`Clearpath Background` / `Screening`).
        wrapped = i > 0 and len(printed[i - 1]) >= 0.75 * width and width >= 40 and (
            "," in printed[i - 1] and not _SEPARATOR_RE.search(line) and len(line.split()) <= 3
            and not ROLE_WORDS_RE.match(line)
        )
        labelled = split_at_labels and _MID_LABEL_START_RE.match(line)
        if out and not labelled and not wrapped and _card_pair(out[-1], line):
            out[-1] = f"{out[-1]}, {line}"  # `Helen Marsh` / `Initech, UK`: her organization
            continue
        if out and not labelled and (
                wrapped or _continues(out[-1], line, split_names=split_names)):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _continues(prev: str, line: str, *, split_names: bool = False) -> bool:
    alone, split = _continuation(prev, line)
    return split if split_names else alone


# A name marked with its affiliations' numbers and a comma after (`Bo Chen 2 ,`, `Silva1,2,`);
# a line that ends with an unmarked item after such a comma; one that opens with a marked name.
_MARKED_ITEM_RE = re.compile(r"[^\W\d_]\s*\d{1,2}(?:\s*,\s*\d{1,2})*\s*,")
_UNMARKED_END_RE = re.compile(r"\d\s*,\s*[^\W\d_][^\W\d_.'’-]*(?:[ .'’-]+[^\W\d_][^\W\d_'’-]*)?$")
_MARKED_HEAD_RE = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:[ .'’-]+[^\W\d_][^\W\d_'’-]*){0,3}\s*"
                             r"\d{1,2}(?:\s*,\s*\d{1,2})*\s*(?:,|$)")


@memo
def _continuation(prev: str, line: str) -> tuple[bool, bool]:
    """Whether `line` continues `prev`, without and with `split_names`: both answers at once,
    since `logical_lines` joins most paragraphs both ways and they differ in one case only."""
    if _ENTRY_START_RE.match(line):
        return False, False
    if _MARKED_HEAD_RE.match(line) and len(_MARKED_ITEM_RE.findall(prev)) >= 2 and (
            _UNMARKED_END_RE.search(prev)):
        # `Ann Lee 1 , Bo Chen 2 , Cy` / `Diaz 1 , Dee Fox 2`: an author line that numbers its
        # names ends with one it numbers on the next line
        return True, True
    if line[:1].isupper() and _given_name_end(prev):
        # `Ann Lee, Bo Chen, Kristy` / `Elizabeth Boyer, Acme University`: a list of names
        # that ends with a given name alone, whose other names open the next line
        return True, True
    marked = _NUMBERED_ORG_RE.match(line) and _MARKED_END_RE.search(prev)
    if marked and looks_like_name(truecase(clean_name(_FIRST_ITEM_RE.split(
            prev[:marked.start() + 1])[-1]))):
        # `Ann Lee 1` / `1. Acme Research Labs`: the affiliation its mark numbers
        return True, True
    # Both patterns end at `$`: searching only the tail keeps them from scanning long lines.
    tail = max(0, len(prev) - 24)
    if line[:1].islower() or _CONTINUE_END_RE.search(prev, tail) or (
        _CONTINUE_SMALL_RE.search(prev, tail)
    ) or prev.count("(") > prev.count(")"):
        return True, True
    if ROLE_WORDS_RE.match(line) or _OFFICE_LABEL_RE.match(line):
        return False, False  # `Opening Keynote: Name`, `Treasurer: Name` start entries
    if _OFFICE_RE.fullmatch(line) or _OFFICE_RE.fullmatch(prev):
        return False, False  # `Ann Lee` / `President-Elect` / `Acme`: an office's line
    if session_kind(line):  # `Breakfast – Ballroom` / `Plenary session (9:00–10:45)`
        return False, False
    # A list of names (an author line below a paper title) starts a line of its own (issue 3).
    if name_list_items(line):
        return False, False
    if not _COMMA_RE.search(line) and looks_like_name(truecase(clean_name(line))) and not (
        looks_like_name(truecase(clean_name(prev)))
    ):
        # One author below a title (only with `split_names`); `Business Manager` /
        # `Priscilla Rasmussen` (always).
        return (False if _role_heading(prev) else _continues_item(prev, line)), False
    answer = _continues_item(prev, line)
    return answer, answer


def _continues_item(prev: str, line: str) -> bool:
    """The rest of `_continuation`: whether `line` starts with a new name or a fragment."""
    if _named_dash(line) and _named_dash(prev):
        return False  # `Ann Lee – President` / `Bo Chen – Treasurer`: one entry a line
    if ROLE_WORDS_RE.match(prev) and looks_like_name(truecase(clean_name(prev))):
        return False  # ... and ends with the name
    # Only the tail of `prev` is looked at: it grows as a paragraph's lines are joined.
    if title_like(line) and not looks_like_org(line) and looks_like_org(prev[-60:]):
        return False  # `University of Leeds` / `The Changing Role of the Court in …`: a title
    if line[:1].isupper() and _bracketed_name(prev):
        return False  # `• Ann Lee (Acme U.)` is complete: a title or the next person follows
    if not _COMMA_RE.search(prev + line):  # a wrapped title, or one name per line
        # `Helen Marsh` / `University of Leeds`: a name, then its organization's line.
        return not (looks_like_name(truecase(clean_name(prev))) and (
            looks_like_name(truecase(clean_name(line))) or looks_like_org(line)))
    if line[:1] in "([•·-–" or ROLE_WORDS_RE.match(line):
        return False
    # A nickname stays (`Jennifer (Ginger) Alford`); an affiliation in parentheses goes
    # (`Marcus` / `Bell (Brightpath Consulting)`).
    first = _FIRST_ITEM_RE.split(line, maxsplit=1)[0]
    first = _PAREN_RE.sub(" ", first).strip() if not first.endswith(")") else (
        first[:first.rfind("(")].strip())
    if len(first.split()) >= 4 and not looks_like_org(first) and looks_like_name(
            truecase(clean_name(_FIRST_ITEM_RE.split(prev[-80:])[-1]))):
        # `…, Tom Fielding and Grace Hooper` / `Learning to Argue from Precedent in Court`: a
        # title below a complete name starts a line (JURIX 2018, iFTR 2022).
        return False
    first_is_fragment = (
        ("," in line or ";" in line or "," in prev or ";" in prev)
        and not looks_like_name(truecase(clean_name(first)))
    )
    return first_is_fragment


_LAST_ITEM_RE = re.compile(r",\s*([^\W\d_][^\W\d_'’-]+)\s*$")


def _given_name_end(prev: str) -> bool:
    """Whether a list of two or more names (`Ann Lee, Bo Chen, Kristy`) ends with one word
    that is more often a given name than a surname (thrice): the start of a name the line wraps."""
    last = _LAST_ITEM_RE.search(prev[-40:])
    if not last or prev.count(",") < 2 or not last.group(1)[:1].isupper():
        return False
    before = prev.rsplit(",", 2)[-2].strip()  # a name, not an organization (`Acme, Sydney`)
    if looks_like_org(before) or not looks_like_name(truecase(clean_name(before))):
        return False
    word = fold(last.group(1))
    return known_given_share(word) >= 1e-4 and known_given_share(word) > 3 * known_surname_share(
        word)


def _card_pair(prev: str, line: str) -> bool:
    """Whether `line` is the organization and place of the whole name `prev` (`Helen Marsh` /
    `Acme University, UK`, as cards and committee lists stack them): `line` holds a comma, its
    first item is an organization by its words (`Mary Anne` / `Smith, MIT` wraps a name, and
    so may `Ann` / `Oksman, Bo Chen`; `1. Acme, UK` is a legend)."""
    if "," in prev or ";" in prev or "," not in line or len(line) > 80 or not _whole_name(prev):
        return False
    first = line.split(",", 1)[0].strip()
    return first[:1].isupper() and looks_like_org(first)


def _whole_name(text: str) -> bool:
    """A line that is one whole name: two words or more, name-shaped, its last word more
    often a surname than a given name (`Helen Marsh`, not `Mary Anne`)."""
    name = truecase(clean_name(text))
    words = name.split()
    if len(words) < 2 or not looks_like_name(name):
        return False
    last = fold(words[-1])
    return known_surname_share(last) >= known_given_share(last)


def _named_dash(text: str) -> bool:
    """A line that opens with a name and a dash (`Ann Lee – President`)."""
    dash = DASH_RE.match(text) if len(text) < 120 else None
    return bool(dash) and looks_like_name(truecase(clean_name(dash["name"])))


def _bracketed_name(text: str) -> bool:
    """A line that is a name and a bracket after it (`• Ann Lee (Acme U.)`).

    >>> _bracketed_name("• Ann Lee (Acme U.)"), _bracketed_name("Widgets (a survey)")
    (True, False)
    """
    if not text.endswith(")") or "(" not in text or len(text) > 120:
        return False
    return looks_like_name(truecase(clean_name(text[:text.rfind("(")])))


@memo
def _role_heading(text: str) -> bool:
    """A short line that ends with a job title: `Business Manager`, `Reviewing Coordinators`."""
    words = text.split()
    return 1 <= len(words) <= 5 and bool(TITLE_WORDS_RE.fullmatch(words[-1])) and (
        not looks_like_name(text))

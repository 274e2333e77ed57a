"""Award announcements in running text: who received which award, in sentences of any shape.

An announcement names an award and its recipients around a verb the lexicon lists
(`award_prose` in `data/lexicon.yaml`), in one of three orders:

- the award first: `The 2023 Best Paper Award goes to Ann Lee and Bo Chen for ...`,
  `This year's Service Award was presented to Helen Marsh (Northwind University).`;
- the recipients first: `Peter Lyle receives the 2022 Riverbank Award.`,
  `... Dr. Ines Varga, winner of the 2021 Young Hydrologist Prize, and Prof. Tom Fielding, who
  received the Teaching Medal.`;
- a choice: `The committee has selected Sara Lind of Lund University as the 2020 recipient of
  the Gold Medal.`

The award first may be followed by its recipients' noun instead of a verb (`This year's Service
Award recipients are Ann Lee and Bo Chen.`).

The award is the run of capitalized words (a year, `of`, `for` ... between) beside the verb that
holds an award word; the recipients are the names of the clause on the other side, each with the
organization printed after it (`(Org)`, `of Org`, `from Org`, `, Org`). A sentence whose subject
is no name (`She received the Gold Medal`) names nobody.

>>> [(m.award, m.people, m.year) for m in award_mentions(
...     "The 2023 Best Paper Award goes to Ann Lee and Bo Chen for their paper.")]
[('Best Paper Award', (('Ann Lee', ''), ('Bo Chen', '')), 2023)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.text.award_words import names_award
from pipeline.text.lexicon import honorific_words, lexicon, position_role, section_heading_words
from pipeline.text.lines import (
    TITLE_WORDS_RE,
    clean_name,
    looks_like_name,
    looks_like_org,
    truecase,
)
from pipeline.text.name_shapes import one_name


@dataclass(frozen=True)
class AwardMention:
    """One award a sentence gives, to whom (name, organization), in which year."""

    award: str
    people: tuple[tuple[str, str], ...]
    year: int | None
    sentence: str
    # which way the sentence runs: `award-first`, `recipient-first` (`Ann Lee receives the X`),
    # `recipient-past` (`Ann Lee received the X`, as a bio tells it) or `choice`
    order: str


_YEAR = r"(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?"
_YEAR_RE = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")
# What may stand between a verb and the award it names (`received the 2021 Teaching Medal`,
# `is the recipient of this year's`, `named a 2024 winner of the`).
_DETERMINER = (rf"(?:(?:the|an?|this\s+year['’]s|their|his|her)\s+)?(?:{_YEAR}\s+)?")
_RECIPIENT_NOUN = r"(?:co-?)?(?:recipients?|winners?|laureates?|awardees?|honou?rees?)"


def _alternation(key: str) -> str:
    words = sorted({str(w).lower() for w in lexicon()["award_prose"][key]}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(award-first verb, recipient-first verb, recipient noun apposition, choice) patterns."""
    aux = rf"(?:(?:{_alternation('auxiliaries')})\s+)?"
    # (`The 2024 Service Award recipients are Ann Lee and Bo Chen`: the award, its noun)
    conferred = re.compile(rf"\s+{aux}(?:{_alternation('conferred')})\s+|\s+{_RECIPIENT_NOUN}"
                           rf"\s+(?:is|are|was|were|will\s+be|include|included)\s+", re.I)
    received = re.compile(
        rf"(?:\s*,\s*who\s+|\s+)(?:(?:has|have|had|will)\s+)?(?:{_alternation('received')})\s+"
        rf"(?:as\s+)?{_DETERMINER}(?:{_RECIPIENT_NOUN}\s+(?:of|for)\s+{_DETERMINER})?", re.I)
    apposition = re.compile(
        rf"(?:\s*,\s*(?:who\s+(?:is|was|are|were)\s+)?|\s+(?:is|was|are|were|will\s+be|"
        rf"(?:has|have)\s+been)\s+){_DETERMINER}{_RECIPIENT_NOUN}\s+(?:of|for)\s+"
        rf"{_DETERMINER}", re.I)
    choice = re.compile(
        rf"\b(?:{_alternation('chose')})\s+(?P<names>.+?)\s+as\s+{_DETERMINER}"
        rf"{_RECIPIENT_NOUN}\s+(?:of|for)\s+{_DETERMINER}", re.I)
    return conferred, received, apposition, choice


@cache
def _noun_first() -> re.Pattern[str]:
    """`The 2024 recipient of the Gold Medal is Ann Lee`, `This year's winner of the X, Ann Lee
    (Acme), will speak`: the recipient noun, then the award, then the names."""
    return re.compile(rf"\b(?:the|this\s+year['’]s)\s+(?:{_YEAR}\s+)?{_RECIPIENT_NOUN}\s+"
                      rf"(?:of|for)\s+{_DETERMINER}", re.I)


# Between the award and the names after it: a verb of being, or a comma.
_AFTER_AWARD_RE = re.compile(r"^[\s\"”’]*(?:,\s*|\s+(?:is|are|was|were|will\s+be)\s+)")


def award_prose_hint(text: str) -> bool:
    """Whether a text may hold an announcement: an award word and a verb of giving or getting.
    A cheap test before `award_mentions`."""
    conferred, received, apposition, choice = _patterns()
    if ": " in text and _honours_re().search(text):
        return True  # `… elected Fellows of the Society: Ann Lee, …`
    return names_award(text) and any(p.search(text) for p in (
        conferred, received, apposition, choice, _noun_first()))


@cache
def _honours_re() -> re.Pattern[str]:
    """The words of a heading over recipients (`Awards`, `Fellows`, `Laureates`)."""
    return re.compile(section_heading_words()["award_recipient"], re.I)


def award_mentions(text: str) -> list[AwardMention]:
    """The awards each sentence of `text` announces, with their recipients."""
    out = []
    for sentence in sentences(" ".join(text.split())):
        if names_award(sentence) or ": " in sentence and _honours_re().search(sentence):
            out.extend(_sentence_mentions(sentence))
    return out


def _sentence_mentions(sentence: str) -> list[AwardMention]:
    conferred, received, apposition, choice = _patterns()
    noun_first = _noun_first()
    out = []
    for match in conferred.finditer(sentence):
        award = _award_before(sentence[:match.start()])
        rest = sentence[match.end():]
        by = list(_BY_RE.finditer(rest))  # `... awarded to Title: Subtitle, authored by Ann Lee`
        people = _people(_clause_after(rest[by[-1].end():] if by else rest))
        if award and people:
            out.append(_mention(award, people, sentence, "award-first"))
    for pattern in (received, apposition):
        for match in pattern.finditer(sentence):
            award = _award_after(sentence[match.end():])
            people = _people(_clause_before(sentence[:match.start()]), last=True)
            if award and people:
                # `received` / `won` tells a past (a bio's); `will receive`, `is the recipient
                # of`, `has been named` announce
                past = _PAST_RE.search(match.group()) and not _THIS_YEAR_RE.search(match.group())
                out.append(_mention(award, people, sentence,
                                    "recipient-past" if past else "recipient-first",
                                    match.group()))
    for match in noun_first.finditer(sentence):
        award = _award_after(sentence[match.end():])
        rest = sentence[match.end() + len(award):]  # `... the Gold Medal is Ann Lee`
        after = _AFTER_AWARD_RE.match(rest) if award else None
        people = _people(_clause_after(rest[after.end():])) if after else []
        if award and people:
            out.append(_mention(award, people, sentence, "award-first", match.group()))
    if not out:
        out.extend(_listed(sentence))
    for match in choice.finditer(sentence):
        award = _award_after(sentence[match.end():])
        people = _people(match.group("names"))
        if award and people:
            out.append(_mention(award, people, sentence, "choice", match.group()))
    return out


_PAST_RE = re.compile(r"\b(?:received|won|earned|accepted|had|was|were)\b", re.I)
_THIS_YEAR_RE = re.compile(r"\bthis\s+year", re.I)


def _mention(award: str, people, sentence: str, order: str, verb: str = "") -> AwardMention:
    year = _YEAR_RE.search(award) or _YEAR_RE.search(verb)  # `received the 2022 X Award`
    name = re.sub(rf"^(?:(?:the|an?|le|la|les|der|die|das|el|il|lo|o)\s+|l['’])?(?:{_YEAR}\s+)?"
                  rf"|\s+(?:(?:for|of|in)\s+)?{_YEAR}$", "", award.strip(" ."),
                  flags=re.I).strip(" .")
    return AwardMention(award=name, people=tuple(people),
                        year=int(year.group(1)[:4]) if year else None, sentence=sentence,
                        order=order)


# A word of an award's name: capitalized (or a year, or `&`), or a word that joins them.
_GLUE = frozenset("of for in the and on to & de la du des der für".split())
_NAME_WORD_RE = re.compile(r"^(?:[A-Z0-9ÀÉÖÜ][\w'’.&/-]*|&)$")


def _award_words(words: list[str]) -> str:
    """The award name a run of words (nearest the verb first) begins with: capitalized words and
    their glue, ending at a capitalized one; '' when it holds no award word."""
    run: list[str] = []
    for word in words:
        bare = word.strip("\"“”‘’'*,;:()!?")
        if not bare:
            break
        if _NAME_WORD_RE.match(bare) or bare.lower() in _GLUE:
            run.append(bare)
            if word != bare and word[-1] in ",;:)!?":
                break
        else:
            break
    while run and run[-1].lower() in _GLUE:
        run.pop()
    for n, word in enumerate(run):  # `the Best Paper Award for "Rivers of data"`: a title
        if word.lower() == "for" and n and n + 1 < len(run) and words[n + 1][:1] in "\"“‘'" and (
                names_award(" ".join(run[:n]))):
            run = run[:n]
            break
    text = " ".join(run)
    return text if names_award(text) else ""


def _listed(sentence: str) -> list[AwardMention]:
    """`… were elected Fellows of the Society: Bo Chen (Acme), Ann Lee and Cy Diaz.`, `this
    year's Riverbank Prize winners: …`: an award or honour, a colon, its recipients."""
    head, colon, rest = sentence.partition(": ")
    if not colon or len(head.split()) > 20:
        return []
    last = " ".join(head.split()[-3:])
    if position_role(last) not in ("", "award_recipient") or re.search(
            section_heading_words()["committee"], last, re.I):
        return []  # `the Award Committee: Ann Lee (Chair), …`: its judges
    head = _recipients_end_re().sub("", head.rstrip())
    award = _award_before(head) or _honour_before(head)
    if award and not re.sub(rf"^(?:the\s+)?(?:{_YEAR}\s+)?", "", head[:-len(award)],
                            flags=re.I).strip():
        return []  # `2023 Lifetime Achievement Award: Ann Lee, Hooli`: a label, read as one
    people = _people(_clause_after(rest.rstrip(" .")))
    return [_mention(award, people, sentence, "award-first")] if award and people else []


@cache
def _recipients_end_re() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon()["position_roles"]["award_recipient"])
    return re.compile(rf"\s+(?:{words})s?$", re.I)


def _honour_before(text: str) -> str:
    """The capitalized words ending `text` when they name an honour a section of recipients
    is headed by (`elected Fellows of the Society`)."""
    words = list(reversed(text.split()))
    run: list[str] = []
    for word in words:
        if _NAME_WORD_RE.match(word) or word.lower() in _GLUE:
            run.append(word)
        else:
            break
    while run and run[-1].lower() in _GLUE:
        run.pop()
    phrase = " ".join(reversed(run))
    return phrase if phrase and _honours_re().match(phrase) else ""


def _award_after(text: str) -> str:
    return _award_words(text.split())


def _award_before(text: str) -> str:
    words = text.split()
    if words and words[-1][-1:] in ",;:":
        return ""  # `... to Ann Lee, awarded to`: the clause before ended
    award = _award_words(list(reversed(words)))
    return " ".join(reversed(award.split())) if award else ""


# Where the recipients after an award-first verb end: a reason, a relative clause, a place.
_CLAUSE_END_RE = re.compile(
    r"\s+(?:for|in\s+recognition|in\s+honou?r|who|whose|which|at\s+the|during|because|on\s+the"
    r"\s+occasion)\b|\s*[;:]|\s*,\s*(?:who|whose|for|in\s+recognition)\b", re.I)
@cache
def _clause_start_re() -> re.Pattern[str]:
    """Where the recipients before a recipient-first verb begin: the sentence's start, or a
    phrase that hands on to them (`congratulate`, `announce that`, `, and to`)."""
    honorific = "|".join(sorted((re.escape(w) for w in honorific_words()), key=len, reverse=True))
    return re.compile(
        r"^|\b(?:congratulations?|congratulate[sd]?|announce[sd]?|proud|pleased|happy|"
        r"honou?red)\b[^,]*?\b(?:that|to)\s+|\bcongratulate[sd]?\s+|\bthat\s+|"
        rf",\s*(?:and\s+)?(?:to\s+)?(?=(?:[A-Z]|(?:{honorific})\b))|;\s*", re.I)


def _clause_after(text: str) -> str:
    end = _CLAUSE_END_RE.search(_masked(text))  # not inside `(Professor at the X, Acme)`
    return text[:end.start()] if end else text


def _clause_before(text: str) -> str:
    starts = [m.end() for m in _clause_start_re().finditer(text)]
    return text[max(starts):] if starts else text


_PAREN_ORG_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)$")
_OF_ORG_RE = re.compile(r"^(?P<name>.+?)\s+(?:of|from|at)\s+(?:the\s+)?(?P<org>[A-Z].+)$")
_ITEM_SPLIT_RE = re.compile(r"\s*;\s*|\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+(?![^()]*\))")
_BY_RE = re.compile(r"\b(?:(?:authored|written|co-authored|presented|developed|led)\s+)?by\s+",
                    re.I)


def _people(text: str, *, last: bool = False) -> list[tuple[str, str]]:
    """The (name, organization) pairs a clause lists. The items after a name that are a job
    title or an organization are hers (`Ann Lee, Professor, School of X, Acme University, USA`:
    the last organization); the list stops at an item that is none of these. With `last`, the
    names must reach the clause's end (the verb follows them)."""
    by = list(_BY_RE.finditer(text))
    if by:
        text = text[by[-1].end():]  # `the paper "X" by Ann Lee and Bo Chen received`
    people: list[list[str]] = []
    trailing = False  # a title or organization item followed the last name
    for item in (i.strip(" .\"“”") for i in _split(text)):
        if not item:
            continue
        name, org = _name_and_org(item)
        if name and not (trailing and TITLE_WORDS_RE.search(item)):
            people.append([name, org])
            trailing = False
        elif people and (looks_like_org(item) or TITLE_WORDS_RE.search(item) or _country(item)):
            if looks_like_org(item) and not TITLE_WORDS_RE.match(item):
                people[-1][1] = item if trailing or not people[-1][1] else people[-1][1]
            trailing = True
        elif last:
            people, trailing = [], False  # the names must reach the verb
        else:
            break
    return [(name, org) for name, org in people]


def _country(item: str) -> bool:
    from pipeline.text.orgkind import countries

    return item.lower() in countries()


def _masked(text: str) -> str:
    """`text` with what brackets hold blanked out, at the same offsets."""
    return re.sub(r"\([^()]*\)", lambda m: "\0" * len(m.group()), text)


def _split(text: str) -> list[str]:
    # separators inside brackets belong to an organization (`Ann Lee (Acme, Peru)`)
    out, start = [], 0
    for match in _ITEM_SPLIT_RE.finditer(_masked(text)):
        out.append(text[start:match.start()])
        start = match.end()
    out.append(text[start:])
    return out


def _name_and_org(item: str) -> tuple[str, str]:
    org = ""
    for pattern in (_PAREN_ORG_RE, _OF_ORG_RE):
        match = pattern.match(item)
        if match and (pattern is _PAREN_ORG_RE or looks_like_org(match.group("org")) or (
                one_name(clean_name(_without_honorifics(match.group("name")))))):
            # `Ann Lee of Hooli`: an organization no word says is one, after a whole name
            item, org = match.group("name"), match.group("org").strip(" .")
            if pattern is _PAREN_ORG_RE and TITLE_WORDS_RE.match(org):
                # `Ann Lee (Director of Outreach, Acme Labs)`: her title, then her organization
                org = next((part for part in reversed(org.split(",")[1:])
                            if looks_like_org(part)), "").strip()
            break
    name = clean_name(_without_honorifics(item))
    if not looks_like_name(truecase(name)) or looks_like_org(name) or len(name.split()) < 2:
        return "", ""
    return truecase(name), org


def _without_honorifics(text: str) -> str:
    words = text.split()
    while words and (words[0].lower().rstrip(".") in honorific_words() or words[0].lower() in (
            "associate", "assistant")):  # `Assoc. Prof. Dr.`, `Associate Professor`
        words.pop(0)
    return " ".join(words)


# A sentence ends at a stop before a capitalized word, unless the word before the stop is an
# honorific or an initial (`Prof. Dr. Ann Lee`, `Ann B. Lee`).
_INITIALS_RE = re.compile(r"(?:[A-Z][.-]{0,2})+")
_STOP_RE = re.compile(r"[.!?][)\"”’]?(?=\s+[\"“(]?[A-Z])")


def sentences(text: str) -> list[str]:
    """`text` cut into sentences.

    >>> sentences("Prof. Dr. Ann B. Lee won. The prize is 1000 EUR.")
    ['Prof. Dr. Ann B. Lee won.', 'The prize is 1000 EUR.']
    """
    out, start = [], 0
    for match in _STOP_RE.finditer(text):
        before = text[start:match.start()].split()
        word = before[-1] if before else ""
        if _INITIALS_RE.fullmatch(word) or word.lower() in honorific_words() or (
                word.lower() in ("assoc", "asst", "st", "no")):
            continue  # `Prof.`, `Ann B. Lee`, `R.J. Dake`
        out.append(text[start:match.end()].strip())
        start = match.end()
    out.append(text[start:].strip())
    return [s for s in out if s]

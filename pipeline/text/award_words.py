"""Words that name awards, as the lexicon lists them: an award's words (`Prize`, `Best`), the
distinctions of an award (`Honourable Mention`), the kinds of work an award is given for
(`Best Student Paper`)."""

from __future__ import annotations

import re
from functools import cache

from pipeline.text.lexicon import lexicon, session_kinds


@cache
def _award_words_re() -> re.Pattern[str]:
    words = sorted(lexicon().get("award_words", []), key=len, reverse=True)
    # a plural inside a phrase too (`Runners-Up`, `Honourable Mentions`)
    body = "|".join(re.escape(w).replace(r"\ ", r"s?[\s_-]+").replace(r"\-", r"s?[\s_-]?")
                    for w in words)
    return re.compile(rf"(?<![\w-])(?:{body})(?:e?s)?(?![\w-])", re.I)


def names_award(label: str) -> bool:
    """Whether a label or heading names an award by the lexicon's award words.

    >>> names_award("Best Student Paper"), names_award("Runners-Up"), names_award("Chair")
    (True, True, False)
    """
    return bool(_award_words_re().search(label or ""))


@cache
def award_group_words() -> frozenset[str]:
    """The award words that alone name a group of awards (`Awards`, `Prizes`), in lower case
    and the singular."""
    return frozenset(str(w).lower() for w in lexicon()["award_words"])


@cache
def _distinction_re() -> re.Pattern[str]:
    words = sorted(lexicon()["award_distinctions"], key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"s?[\s_-]+").replace(r"\-", r"s?[\s_-]?")
                    for w in words)
    return re.compile(rf"(?:{body})s?", re.I)


def distinction(label: str) -> str:
    """The distinction a label names when it names nothing else, in the singular (each person
    under it received one), or ''.

    >>> distinction("Honourable Mentions"), distinction("Runners-Up"), distinction("Best Paper")
    ('Honourable Mention', 'Runner-Up', '')
    """
    text = " ".join(str(label or "").replace("_", " ").split()).strip(" :")
    if not _distinction_re().fullmatch(text):
        return ""
    return re.sub(r"(?i)s(?=[\s-]up$)|(?<=[^s])s$", "", text)


def names_nominees(text: str) -> bool:
    """Whether a key, file name or heading names an award's nominees (the lexicon's
    `nominee_words` as words: `award_candidates`, `Best Paper Nominees`).

    >>> names_nominees("award_candidates"), names_nominees("Nominations Committee")
    (True, True)
    >>> names_nominees("Award Winners")
    False
    """
    words = {w.lower() for w in re.split(r"[\W_]+", str(text or "")) if w}
    return bool(words & _nominee_words())


@cache
def _nominee_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon()["nominee_words"])


def award_rank(label: str) -> bool:
    """Whether a label names a winner's place and nothing else (`1st Prize`, `Second Place`,
    `2. Preis`): the lexicon's `award_ranks` before an award word or `place`.

    >>> award_rank("3rd Prize"), award_rank("Second Place"), award_rank("Best Paper Prize")
    (True, True, False)
    """
    return bool(_rank_re().fullmatch(" ".join(str(label or "").split()).strip(" :")))


@cache
def _rank_re() -> re.Pattern[str]:
    ranks = "|".join(re.escape(str(w)) for w in sorted(lexicon()["award_ranks"], key=len,
                                                          reverse=True))
    return re.compile(rf"(?:{ranks})\s*(?:{_award_words_re().pattern}|place|platz|lugar)e?s?",
                      re.I)


@cache
def _awarded_work_re() -> re.Pattern[str]:
    award = _award_words_re().pattern
    works = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
        lexicon()["awarded_works"], key=len, reverse=True))
    return re.compile(rf"{award}(?:\s+[\w-]+){{0,2}}?\s+(?:{works})(?:e?s)?(?![\w-])", re.I)


def names_awarded_work(heading: str) -> bool:
    """Whether a heading names an award for a kind of work (`Best Paper`, `Outstanding Student
    Poster`), not a session of such works (`Best Paper Session`): the people under it won.

    >>> names_awarded_work("Best Student Paper"), names_awarded_work("Best Paper Session")
    (True, False)
    >>> names_awarded_work("Best Practices Workshop"), names_awarded_work("Papers")
    (False, False)
    """
    text = str(heading or "")
    return bool(_awarded_work_re().search(text)) and not re.search(
        rf"(?<!\w)(?:{session_kinds()['speaker']})(?!\w)", text, re.I)

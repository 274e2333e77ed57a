"""Role labels of the lexicon (`data/lexicon.yaml`): the words that lead a line's names
(`Chair:`, `Vorsitz:`, `座長：`, `Moderated by`) and the roles they give, as data and as patterns,
for the recognizer, the line parsers and the extractors alike."""

from __future__ import annotations

import re
from functools import cache

from pipeline.text.lexicon import lexicon


@cache
def role_labels() -> dict[str, str]:
    """Program role labels (`chair`, `vorsitz`, `座長`) by lower-cased label -> role.

    >>> role_labels()["vorsitz"], role_labels()["convener"], role_labels()["座長"]
    ('chair', 'chair', 'chair')
    """
    out: dict[str, str] = {}
    for role, labels in lexicon()["role_labels"].items():
        for label in labels:
            out.setdefault(" ".join(str(label).lower().split()), role)
    return out


@cache
def role_label_re(*, alone: bool = False) -> re.Pattern[str]:
    """A role label leading a line, with its separator: `Chair:`, `Session Chairs:`,
    `Opening Keynote -`, `Keynote II | Ann Lee`, `Vorsitz:`, `座長：`; groups `label` and
    `plural`. With `alone`, a label that ends the line counts too (`Panelists`). A hyphen
    separates only with a space before it (`Host-Guest Chemistry` is a title).

    >>> bool(role_label_re().match("Keynote II | Ann Lee")), role_label_re().match("Host-Guest")
    (True, None)
    """
    end = r"|\s*$" if alone else ""
    return re.compile(
        r"^(?:session\s+)?(?P<label>(?:(?:opening|closing|morning|luncheon|featured)\s+)?"
        r"keynote(?:\s+(?:speaker|address))?|(?:co-?)?(?:" + label_alternation() + r"))"
        r"(?P<plural>\(s\)|s?)(?:\s+(?:[IVX]{1,4}|\d{1,2})\b)?"
        r"(?:\s*[:：–—|]\s*|\s*[.…·]{3,}\s*|\s+-\s*" + end + ")",  # `Chair ..... Ann Lee`
        re.I,
    )


@cache
def by_labels() -> dict[str, str]:
    """Phrases leading names without a colon (`moderated by`, `with`) -> the role they give.

    >>> by_labels()["moderated by"], by_labels()["with"]
    ('moderator', 'speaker')
    """
    return {" ".join(str(p).lower().split()): role
            for role, phrases in lexicon()["by_labels"].items() for p in phrases}


@cache
def by_label_re(*, bare_by: bool = False) -> re.Pattern[str]:
    """A `by_labels` phrase leading a line before a capitalized word (`Presented by: Ann Lee`,
    `With Bo Chen`, not `with the team`); groups `label` and (empty) `plural`. `by` alone
    counts only with `bare_by`: a calendar's description prints `By Ann Lee`, but program text
    wraps titles before `by` (`Pragmatics` / `by Bayesian Inference`).

    >>> by_label_re().match("Moderated by Ann Lee").group("label"), by_label_re().match("with x")
    ('Moderated by', None)
    >>> by_label_re().match("By Ann Lee"), bool(by_label_re(bare_by=True).match("By Ann Lee"))
    (None, True)
    """
    phrases = sorted((p for p in by_labels() if bare_by or p != "by"), key=len, reverse=True)
    return re.compile(r"^(?P<label>" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                                 for p in phrases)
                      + r")(?P<plural>)\s*:?\s+(?=[^\W\d_])(?-i:(?=[A-ZÀ-ÖØ-Þ]))",
                      re.I)


def label_alternation() -> str:
    """The role labels as one regex alternation, longest first, spaces as runs of space."""
    labels = sorted(role_labels(), key=len, reverse=True)
    return "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)

"""One item of a line of names: a person as the line parsers return her (`Person`), and
whether an item is a name rather than an organization (`is_name_item`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.text.lines import SUFFIXES, clean_name, looks_like_name, looks_like_org, truecase
from pipeline.text.memo import memo
from pipeline.text.namefreq import known_surname_share
from pipeline.text.names import fold, surname_first


@dataclass(frozen=True)
class Person:
    name: str
    org: str = ""
    title: str = ""
    # Read from a shape that talk titles share (`Two Birds - Teaching Coding`): NER must call
    # the name a person, organization or not.
    unsure: bool = field(default=False, repr=False, compare=False)
    # A position printed in brackets after the name (`Ann Lee (Chair)`), which may say the role.
    position: str = field(default="", repr=False, compare=False)
    # Named after a talk's title on its line, opening with a given name people bear.
    after_title: bool = field(default=False, repr=False, compare=False)


_VOWEL_ANY_RE = re.compile(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-ÜĀ-ąĒ-ěĪ-įŌ-őŪ-ųİ]")


_SHORT_SURNAME = 1e-3


@memo
def is_name_item(item: str) -> bool:
    """A name, not an organization: `UC Berkeley` (an acronym in mixed case) is no name."""
    name = clean_name(item)
    tokens = name.split()
    # `Mehmet Ali ÖZTÜRK`, `Marie CURIE`: a surname set in capitals after the given names, as
    # many European programs print it, is no acronym (`UC Berkeley` is).
    # Four letters and two vowels at least: `Grenoble INP`, `San Francisco USD`, `Xerox PARC`
    # are organizations.
    # A surname people bear will do too (`Tom BROWN`, `Bo CHEN`).
    # A short one people bear often (`Jian WU`, `Guofeng YIN`: a share of 1e-3 and more) is
    # a surname too, as no organization's acronym is.
    caps_surname = len(tokens) >= 2 and tokens[-1].isupper() and (
        len(tokens[-1]) >= 4 and (len(_VOWEL_ANY_RE.findall(tokens[-1])) >= 2
                                  or known_surname_share(fold(tokens[-1])))
        or len(tokens[-1]) >= 2 and known_surname_share(fold(tokens[-1])) >= _SHORT_SURNAME
    ) and all(t[:1].isupper() and not t.isupper() for t in tokens[:-1])
    caps_surname = caps_surname or surname_first(name)
    acronym = name != name.upper() and not caps_surname and any(
        len(t) >= 2 and t.isalpha() and t.isupper() and t.lower() not in SUFFIXES
        for t in tokens
    )
    return looks_like_name(truecase(name)) and not looks_like_org(item) and not acronym

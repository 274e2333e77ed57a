"""Logos as sponsor pages print them: the words a logo's alt text or file name adds to a name
(`Acme logo`, `acme-logo-RGB-300x120.png`), so the name is what is left."""

from __future__ import annotations

import re
from functools import cache

# Words of an image's alt text that say what it is, not whose it is (`Initech logo`).
LOGO_RE = re.compile(r"\b(logo|image|icon|photo|picture|banner)\b", re.I)


@cache
def _logo_file_words() -> frozenset[str]:
    from pipeline.text.lexicon import lexicon

    return frozenset(lexicon()["logo_file_words"])


def logo_file_name(src: str) -> str:
    """The organization a logo's file name names, when the logo has no alt text or title: the
    words of the file's stem that are not the lexicon's file words, sizes or versions; '' when
    none is left or the stem is a hash or a number.

    >>> logo_file_name("../img/clients/evotec_logo_RGB_resized.jpg")
    'Evotec'
    >>> logo_file_name("/logos/GHGA_Logo_resized.png"), logo_file_name("acme-robotics-300x120.png")
    ('GHGA', 'Acme Robotics')
    >>> logo_file_name("img/3f9a1c77e2b4.png"), logo_file_name("logo.svg"), logo_file_name("")
    ('', '', '')
    """
    stem = re.sub(r"[?#].*$", "", src).rstrip("/").rsplit("/", 1)[-1]
    stem = re.sub(r"\.[A-Za-z0-9]{2,5}$", "", stem)
    noise = _logo_file_words()
    words = [w for w in re.split(r"[\s_.+%-]+", stem)
             if w and w.lower() not in noise and not any(c.isdigit() for c in w)]
    if not words or sum(len(w) for w in words) < 3 or len(words) > 5:
        return ""
    return " ".join(w if not w.islower() else w.capitalize() for w in words)

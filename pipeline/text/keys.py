"""Keys of structured data and of table headers, as the readers compare them."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD_RE = re.compile(r"[^\w]+|_+")
_NON_ASCII_WORD_RE = re.compile(r"[^a-z0-9]+")


def norm_key(key: object, *, ascii_only: bool = False) -> str:
    """`key` in lower case, each run of other characters than letters and digits one `_`, and
    no `_` at either end.

    The lexicon keeps the letters of any script (`Año` -> `año`). The spreadsheet, award-list
    and sponsor-list readers key their columns by ASCII letters and digits only (`ascii_only`:
    `Año` -> `ano`, accents folded); `_` in a run of punctuation then joins the run
    (`a-_-b` -> `a_b`, where the lexicon's key is `a___b`).

    >>> norm_key("Winner Name"), norm_key("first-name"), norm_key("  Booth #")
    ('winner_name', 'first_name', 'booth')
    >>> norm_key("Año"), norm_key("Año", ascii_only=True), norm_key("Prénom", ascii_only=True)
    ('año', 'ano', 'prenom')
    >>> norm_key("a-_-b"), norm_key("a-_-b", ascii_only=True)
    ('a___b', 'a_b')
    """
    text = str(key).lower()
    if ascii_only:  # accents folded first (`Établissement` -> `etablissement`)
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(ch))
    pattern = _NON_ASCII_WORD_RE if ascii_only else _NON_WORD_RE
    return pattern.sub("_", text).strip("_")

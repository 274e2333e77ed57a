"""Which language a document is printed in, from the short words every text is made of."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from pipeline.text.lexicon import lexicon

_WORD_RE = re.compile(r"[^\W\d_]+")
# A language other than English wins with at least this many of its words, and this many times
# as many as English has: a French abstract in an English program leaves the program English.
MIN_WORDS, LEAD = 8, 1.5
SAMPLE = 20_000  # characters read from the document's text


@cache
def _words() -> dict[str, str]:
    out: dict[str, str] = {}
    for language, words in lexicon()["language_words"].items():
        for word in words:
            out[str(word).lower()] = language
    return out


def guess_language(text: str) -> str:
    """`en`, `fr`, `de` or `es`: the language whose short words the text prints most, English
    unless another clearly leads.

    >>> guess_language("Président de séance : Jean Dupont. Les enjeux de la recherche et du "
    ...                "soin dans les hôpitaux pour les patients avec une maladie " * 3)
    'fr'
    >>> guess_language("Chair: Jean Dupont. The future of care for the patients of our clinics")
    'en'
    """
    words = _words()
    counts = Counter(words[w] for w in map(str.lower, _WORD_RE.findall(text[:SAMPLE]))
                     if w in words)
    if not counts:
        return "en"
    best, n = counts.most_common(1)[0]
    if best != "en" and n >= MIN_WORDS and n >= LEAD * counts.get("en", 0):
        return best
    return "en"

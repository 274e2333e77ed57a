"""Affiliation marks: names marked with the numbers of their organizations (`Ann Lee¹, Bo
Chen¹,²`) and the numbered organizations they point to (`¹Acme, ²Globex`)."""

from __future__ import annotations

import re

from pipeline.text.lexicon import person_status

# `Ann Lee 1`, `Bo Chen 1,2`, `Cy Diaz¹`: a name and the numbers of its affiliations.
_MARKED_RE = re.compile(r"^(?P<name>.*?[^\d\s,])\s*(?P<marks>\d{1,2}(?:\s*,\s*\d{1,2})*)\s*$")
_PEOPLE_SPLIT_RE = re.compile(r"\s*(?:;|,(?!\s*\d)|\band\b|&)\s*")
# An affiliation's number: `1 Acme, 2 Globex`, `1Acme; 2Globex`, `1. Acme 2. Globex`, `1.Acme`,
# `¹Acme, Leeds ²Globex` (a superscript on the word it numbers); an ordinal (`4th`) is none.
_NUMBERED_ORG_RE = re.compile(
    r"(?:^|[,;]\s*)(\d{1,2})\s*(?=[^\d\s,;.])|(?:^|\s)(\d{1,2})(?:\.\s+|\.?(?=[^\W\d_])(?!(?:st|nd|rd|th)\b))")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def numbered_people(people: str, orgs: str) -> list[tuple[str, str]] | None:
    """Names marked with the numbers of their organizations, paired with those organizations;
    None when the names are not marked so. The organizations must be numbered 1, 2, 3, ... in
    order (one may be skipped); a name without a number (one author of a line that numbers
    the others), or with a number the line does not list (its affiliation printed on the next
    line), gets none.

    >>> numbered_people("Ann Lee 1 and Bo Chen 2", "1 Acme University, 2 Globex")
    [('Ann Lee', 'Acme University'), ('Bo Chen', 'Globex')]
    >>> numbered_people("Ann Lee 1 , Bo Chen 1,2", "1. Acme 2. Globex Labs")
    [('Ann Lee', 'Acme'), ('Bo Chen', 'Acme; Globex Labs')]
    >>> numbered_people("Ann Lee and Bo Chen", "Acme") is None
    True
    """
    people, orgs = people.translate(SUPERSCRIPTS), orgs.translate(SUPERSCRIPTS)
    marks, want = [], 1
    for match in _NUMBERED_ORG_RE.finditer(orgs):
        number = int(match.group(1) or match.group(2))
        if marks and number == want + 1 or number == want:  # (a legend may skip one: `1. 3.`)
            marks.append(match)
            want = number + 1
    if not marks:
        return None
    numbered = {}
    for match, after in zip(marks, [*marks[1:], None], strict=True):
        end = after.start() if after else len(orgs)
        org = orgs[match.end():end].strip(" ,;.")
        # `1. PhD Student`: the legend says what the author is, not where she works
        numbered[match.group(1) or match.group(2)] = "" if person_status(org) else org
    out, marked_any = [], False
    for item in filter(None, (p.strip() for p in _PEOPLE_SPLIT_RE.split(people))):
        marked = _MARKED_RE.match(item)
        if not marked:
            out.append((item, ""))
            continue
        wanted = [m.strip() for m in marked["marks"].split(",")]
        marked_any = marked_any or any(m in numbered for m in wanted)
        out.append((marked["name"].strip(), "; ".join(numbered[m] for m in wanted
                                                      if m in numbered)))
    return out if marked_any else None

"""Names printed in shapes other than `Given Family, Organization`: a position in brackets after
the name (`Ann Lee (Chair)`, `Bo Chen (Treasurer)`), which is no organization, a name set
surname first before its organization (`Doe, John (Umbrella Corp)`), and lists of names joined
by the `and` of another language (`Ana Kovač i Marko Babić`).

All are told from the lexicon's positions and the name-frequency tables, not from words of
one document: SIGCSE 2015's committee lists print `Name (Chair), University`, ACL 2016's
`Name (local chair), University`.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.text.lexicon import lexicon, names_coauthors, position_role
from pipeline.text.lines import (
    SUFFIXES,
    clean_name,
    is_credential,
    looks_like_name,
    looks_like_org,
    script_name,
    truecase,
)
from pipeline.text.memo import memo_list
from pipeline.text.namefreq import known_given_share, known_surname_share
from pipeline.text.names import PARTICLES, fold

# A bracket holding a position (`(Chair)`, `(Treasurer)`, `(Vice-President)`), no organization.
_POSITION_PAREN_RE = re.compile(r"\s*\(([^()\d,;:/@]{2,40})\)")


def positions_in_brackets(line: str) -> tuple[str, dict[str, str]]:
    """`line` without its brackets that hold a position, and each position by the name it
    follows.

    >>> positions_in_brackets("Helen Marsh (President), Acme University; Bo Chen (MIT)")
    ('Helen Marsh, Acme University; Bo Chen (MIT)', {'Helen Marsh': 'President'})
    """
    positions: dict[str, str] = {}

    def take(match: re.Match) -> str:
        inside = " ".join(match.group(1).split())
        before = re.split(r"[,;]|\s[–—|-]\s", line[:match.start()])[-1]
        name = clean_name(before)
        if len(inside.split()) > 4 or not position_role(inside) or looks_like_org(inside) or (
                looks_like_name(inside) and not position_role(inside.split()[-1])) or not (
                looks_like_name(truecase(name))):
            return match.group(0)
        positions[name] = inside
        return ""

    out = _POSITION_PAREN_RE.sub(take, line) if "(" in line else line
    return (out, positions) if positions else (line, {})


# `Doe, John (Umbrella Corp)`, `van Dijk, Anna M. (TU Delft)`: one surname, a comma, the given
# names, and the organization in brackets.
INVERTED_RE = re.compile(
    r"^(?P<surname>(?:(?:" + "|".join(sorted(p for p in PARTICLES if len(p) > 1)) + r")\s+)*"
    r"[A-Z][\w'’-]+),\s+(?P<given>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?)\s*\((?P<org>[^()]{2,})\)$")


def surname_then_given(surname: str, given: str) -> bool:
    """Whether `surname, given` reads as a name printed surname first: the second part is more
    often a given name than a surname, and the first more often a surname than a given name,
    or far rarer a given name than the second (`Doe, John`, `Chen, Bo`; not `Acme, Globex`).

    >>> surname_then_given("Doe", "John"), surname_then_given("Chen", "Bo")
    (True, True)
    >>> surname_then_given("Acme", "Globex"), surname_then_given("John", "Doe")
    (False, False)
    """
    last = surname.split()[-1].lower()
    first = given.split()[0].lower()
    given_b, surname_b = known_given_share(first), known_surname_share(first)
    given_a, surname_a = known_given_share(last), known_surname_share(last)
    return given_b > surname_b and (surname_a > given_a or given_b >= 10 * given_a)


@cache
def other_conjunctions() -> str:
    r"""The lexicon's conjunctions but English `and` (`y`, `et`, `und`, `ve`) as one regex
    alternation, longest first; to be matched case-sensitively, `et` not before `al`.

    >>> between = re.compile(rf"\s{other_conjunctions()}\s")
    >>> bool(between.search("Ann Lee und Bo Chen")), between.search("Ann Lee et al. 2021")
    (True, None)
    """
    words = sorted({str(w) for w in lexicon()["conjunctions"]} - {"and"}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) + (r"(?!\s+al\b)" if w == "et" else "")
                            for w in words) + ")"


# `Ana Kovač i Marko Babić`, `Ali Demir ve Ayşe Yılmaz`: a conjunction of another language
# than English between a name's last word and a given name people bear (not `Instituto de
# Ciências e Tecnologias`, nor a title's `Toprak Sağlığı ve Su Yönetimi`).
_OTHER_AND_RE = re.compile(rf"(?<=[^\W\d_])\s+{other_conjunctions()}\s+(?=([^\W\d_][\w'’-]*))")


def conjoined_names(text: str) -> str:
    """`text` with a non-English `and` between two names written as a comma.

    >>> conjoined_names("Marco Rossi, Giulia Bianchi e Luca Verdi")
    'Marco Rossi, Giulia Bianchi, Luca Verdi'
    >>> conjoined_names("Instituto de Ciências e Tecnologias do Mar")
    'Instituto de Ciências e Tecnologias do Mar'
    """
    if " " not in text:
        return text
    return _OTHER_AND_RE.sub(lambda m: ", " if given_name_word(m.group(1)) else m.group(0), text)


# A given name at least this share of some region's people bear (`Helen`, `Bo`, `Ayşe`; not
# `Local`, `Koruyucu`): what a word must be to open a name where the shape alone cannot tell.
BORNE_GIVEN = 1e-4


def given_name_word(word: str) -> bool:
    """A capitalized word that is a given name people bear.

    >>> given_name_word("Helen"), given_name_word("helen"), given_name_word("Local")
    (True, False, False)
    """
    return word[:1].isupper() and known_given_share(fold(word)) >= BORNE_GIVEN


def one_name(text: str) -> bool:
    """Text that is one person's name and nothing else, opening with a given name people bear
    (`Helen Marsh`, not `Local Arrangements`).

    >>> one_name("Helen Marsh"), one_name("Local Arrangements"), one_name("Helen")
    (True, False, False)
    """
    words = text.split()
    return 2 <= len(words) <= 4 and looks_like_name(" ".join(words)) and given_name_word(words[0])


_TAIL_SPLIT_RE = re.compile(r"^\s*and\s+|\s+and\s+|\s+&\s+")


def trailing_names(line: str) -> tuple[str, list[str]]:
    """`Title, Ann Lee and Bo Chen`: a talk's title, then its speakers after its last commas, as
    schedules print a talk on one line. Returns (title, names), or ("", []) unless the title
    reads as one (lower-case words) and every name opens with a given name people bear.

    >>> trailing_names("Widgets and their makers online, Helen Marsh and Tom Fielding")
    ('Widgets and their makers online', ['Helen Marsh', 'Tom Fielding'])
    >>> trailing_names("Department of Physics, Lakeside University")
    ('', [])
    >>> trailing_names("Tiles Norbury, Vane, and Helen Marsh")
    ('', [])
    """
    parts = line.split(",")
    names: list[str] = []
    while len(parts) > 1:
        items = [clean_name(i) for i in _TAIL_SPLIT_RE.split(parts[-1]) if i.strip()]
        if not items or not all(one_name(i) for i in items):
            break
        names, parts = items + names, parts[:-1]
    head = ",".join(parts)
    # the item before the names is the title's end, not another name (`Vane, and Helen Marsh`),
    # and no co-author phrase leads them (`Joint work with Bo Chen, Ann Lee`)
    if not any(w[:1].islower() for w in parts[-1].split()) or names_coauthors(line):
        return "", []
    title = head.strip(" ,.:–—-")
    lower = sum(w[:1].islower() for w in title.split())
    if not names or len(title.split()) < 2 or lower == 0 or looks_like_org(title) or (
            one_name(title)):
        return "", []
    return title, names


# (not the comma between a name's affiliation marks: `Bo Chen1,2`)
ITEM_SPLIT_RE = re.compile(r"(?<!\d(?=,\d))\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s+&\s+(?=[A-Z])")


# `Smith J.`, `van Dijk A. B.`, `Novak K`: a surname, then the initials of the given names, as
# catalogues and scientific author lists print names.
_CATALOGUE_ITEM_RE = re.compile(
    r"^(?P<surname>(?:(?:van|von|de|der|den|da|di|du|del|la|le|dos|das)\s+)*"
    r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:[ -][A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+)?)"
    r"\s+(?P<initials>(?:[A-Z]\.\s?){1,3}|[A-Z]\.-[A-Z]\.|[A-Z])$")


def catalogue_names(segment: str) -> list[str]:
    """The names of a list printed surname first with initials (`Smith J., Novak K. and
    Horvat P.`) in Given Family order; [] unless every item of two or more is so printed.

    >>> catalogue_names("Smith J., van Dijk A. B. and Novak K"), catalogue_names("Ann Lee, Bo Li")
    (['J. Smith', 'A. B. van Dijk', 'K. Novak'], [])
    """
    items = split_items(segment)
    if len(items) < 2:
        return []
    out = []
    for item in items:
        match = _CATALOGUE_ITEM_RE.match(item.strip())
        if not match:
            return []
        initials = match["initials"].strip()
        out.append(f"{initials if '.' in initials else initials + '.'} {match['surname']}")
    return out


# `HOOPER Grace`, `VAN DIJK Anna Maria`: a surname in capitals, then the given names.
_CAPS_FIRST_ITEM_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ]{2,}(?:[ '’-][A-ZÀ-ÖØ-Þ]{2,})*"
                                 r"(?:\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+)?){1,2}$")


def caps_first_names(segment: str) -> list[str]:
    """The names of a list printed surname first in capitals (`HOOPER Grace, LYLE Peter`), as
    printed (people.csv gives them in Given Family order); [] unless every item of two or
    more is so printed.

    >>> caps_first_names("HOOPER Grace, VAN DIJK Anna Maria"), caps_first_names("ACME Labs")
    (['HOOPER Grace', 'VAN DIJK Anna Maria'], [])
    """
    items = split_items(segment)
    if len(items) < 2 or not all(_CAPS_FIRST_ITEM_RE.match(item.strip()) for item in items):
        return []
    return [item.strip() for item in items]


@memo_list
def split_items(segment: str) -> list[str]:
    """Comma / `and` / `&` separated items of a segment, credentials dropped.

    >>> split_items("Jane Doe, PhD, Bo Li, and Al Wu")
    ['Jane Doe', 'Bo Li', 'Al Wu']
    """
    parts = [p.strip() for p in ITEM_SPLIT_RE.split(conjoined_names(segment)) if p and p.strip()]
    items: list[str] = []
    for part in parts:
        if part.lower() in SUFFIXES and items:
            items[-1] = f"{items[-1]}, {part}"  # `King, Jr.` is one name
        elif not is_credential(part):
            items.append(part)
    return items


def credentials_before_brackets(line: str) -> str:
    """`line` without the credentials printed after a name and before its bracket, so that
    the bracket is the name's organization.

    >>> credentials_before_brackets("Prof. Ann Lee, MD, PhD (Acme Hospital), Bo Chen, RN (Globex)")
    'Prof. Ann Lee (Acme Hospital), Bo Chen (Globex)'
    >>> credentials_before_brackets("Ann Lee, Bo Chen (Globex)")
    'Ann Lee, Bo Chen (Globex)'
    """
    if "(" not in line or "," not in line:
        return line
    pieces = line.split("(")
    for i, piece in enumerate(pieces[:-1]):
        head, closing, last = piece.rpartition(")")  # after the bracket before this one
        items = last.split(",")
        while len(items) > 1 and items[-1].strip() and is_credential(items[-1].strip()):
            items.pop()
        if len(items) < len(last.split(",")):
            pieces[i] = f"{head}{closing}{','.join(items).rstrip()} "
    return "(".join(pieces)


# Characters of the scripts `script_name` reads (Hangul, Chinese characters, kana).
_CJK_RE = re.compile(r"[\uac00-\ud7a3\u4e00-\u9fff\u3040-\u30ff]")
_SCRIPT_ITEM_SPLIT_RE = re.compile(r"\s*[,;、，；·]\s*")
_SCRIPT_ITEM_RE = re.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<org>[^()]+)\))?$")


def script_people(line: str) -> list[tuple[str, str]]:
    """(name, organization) of a line of names written in Hangul or Chinese characters, each
    with its organization in brackets or none (`김민수 (서울대학교), 이서연`,
    `山田 太郎（東京大学）`); [] unless every item is such a name and the organizations read as
    ones.

    >>> script_people("김민수 (서울대학교), 이서연")
    [('김민수', '서울대학교'), ('이서연', '')]
    >>> script_people("한국어 연구"), script_people("Ann Lee (Acme)")
    ([], [])
    """
    if not _CJK_RE.search(line):
        return []
    line = line.replace("（", "(").replace("）", ")").strip(" .")
    out = []
    for item in filter(None, _SCRIPT_ITEM_SPLIT_RE.split(line)):
        match = _SCRIPT_ITEM_RE.match(item)
        if not match or not script_name(match["name"]):
            return []
        org = (match["org"] or "").strip()
        if org and not looks_like_org(org):
            return []
        out.append((" ".join(match["name"].split()), org))
    return out

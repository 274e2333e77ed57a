"""The people one value of a tree names: `A (Org); B (Org)`, `A, B and C`, `Doe, Jane`, and
whether a cleaned name is a person's at all."""

from __future__ import annotations

import re

from extractors.records import is_person_account
from pipeline.text.keys import norm_key
from pipeline.text.lexicon import not_people, person_status, position_role
from pipeline.text.lines import SUFFIXES, looks_like_name, looks_like_org, script_name
from pipeline.text.name_shapes import conjoined_names, given_name_word, one_name

URL_RE = re.compile(r"^(?:https?://|www\.|mailto:|/|\.\.?/)\S*$|\.(?:png|jpe?g|gif|svg|pdf)$",
                    re.I)
_SPLIT_SEMI_RE = re.compile(r"\s*;\s*|\s*\n\s*|\s+\|\s+")
# Words of a session or a phrase, never of a person's name (lower-case particles such as
# `van`, `de`, `bin` are names' and stay allowed).
_NOT_NAME_WORDS = {"of", "a", "an", "the", "with", "for", "on", "and", "session", "sessions",
                   "talk", "talks", "break", "lunch", "discussion", "meeting", "q&a", "workshop",
                   "tutorial", "keynote", "panel", "poster", "posters", "opening", "closing"}


def split_people(text: str) -> list[tuple[str, str]]:
    """(name, org) pairs of one value: `A (Org); B (Org)`, `A, B and C`, `Name [Org]`.

    `Doe, Jane` (one comma, one word each side) is one name in catalogue order.

    >>> split_people("Doe, Jane"), split_people("Ann Lee, Acme University")
    ([('Jane Doe', '')], [('Ann Lee', 'Acme University')])
    """
    text = conjoined_names(text.strip(" .;,"))
    if not text:
        return []
    parts = _SPLIT_SEMI_RE.split(text)
    if len(parts) > 1 and all("," in p for p in parts):
        # `Ann Lee, Acme; Bo Chen, Globex`: each part one person and her organization
        return [pair for part in parts for pair in split_people(part)]
    if len(parts) == 1:
        bare = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", text)
        halves = [h.strip() for h in bare.split(",")]
        if len(halves) == 2 and all(len(h.split()) == 1 and h[:1].isupper() for h in halves) \
                and not position_role(halves[1]):
            return [(f"{halves[1]} {halves[0]}", name_and_bracket(text)[1])]
        parts = [p for p in re.split(r"\s*,\s*(?![^()\[\]]*[)\]])(?:and\s+|&\s*)?|\s+and\s+|"
                                     r"\s+&\s+", text)]
        second, bracket = name_and_bracket(parts[1]) if len(parts) == 2 else ("", "")
        if len(parts) == 2 and not one_name(parts[1]) and not (
                bracket and not looks_like_org(second)) and (  # `Bo Chen (Acme)`: a person
                looks_like_org(parts[1]) or (
                len(parts[0].split()) >= 2 and looks_like_name(parts[0])
                and len(parts[1].split()) == 1 and parts[1][:1].isupper()
                and not given_name_word(parts[1]) and not position_role(parts[1]))):
            # `Ann Lee, Acme University`, `Ivo Marek, Central Polytechnic` (name-shaped, but
            # holding an organization's word and opening with no given name); `Bo Chen,
            # Globex`: a whole name, then one word that is no given name
            return [(parts[0], parts[1])]
    out = []
    for part in parts:
        part = part.strip(" .,")
        if not part:
            continue
        name, org = name_and_bracket(part)
        if position_role(name) and not looks_like_name(name):
            continue  # `Ann Lee, Chair`: the item `Chair` is his role, not a person
        if name.lower().rstrip(".") in SUFFIXES and out:
            out[-1] = (f"{out[-1][0]} {name}", out[-1][1])  # `Bo Chen, Jr`
            continue
        out.append((name, org))
    return out


def name_and_bracket(part: str) -> tuple[str, str]:
    """`Ann Lee (University of Acme - North Campus (UANC))` -> name and organization.

    >>> name_and_bracket("Ann Lee (Acme College (ACU))"), name_and_bracket("Bo Chen (@bochen)")
    (('Ann Lee', 'Acme College (ACU)'), ('Bo Chen', ''))
    >>> name_and_bracket("Cy Diaz (ex-officio, non-voting)")
    ('Cy Diaz', '')
    """
    for open_, close in (("(", ")"), ("[", "]")):
        if part.endswith(close) and open_ in part:
            cut = part.index(open_)
            if part[:cut].strip():
                inside = part[cut + 1:-1].strip()
                # `Ann Lee (@annlee)`: her handle; `(ex-officio, non-voting)`: her standing
                return part[:cut].strip(), "" if _HANDLE_RE.fullmatch(inside) or person_status(
                    inside.split(",")[-1]) else inside
    return part, ""


_HANDLE_RE = re.compile(r"@[\w.]{1,40}")


def is_person(name: str) -> bool:
    """A cleaned name that names one person: not a link, an address, a group, a placeholder or
    the title of a session."""
    if not name or len(name) > 80 or URL_RE.search(name) or "@" in name:
        return False
    if name.lower() in not_people() or not any(ch.isalpha() for ch in name):
        return False
    if sum(ch.isalpha() for ch in name) < 2 or " " not in name.strip() and any(
            ch.isdigit() for ch in name):
        return False  # `s12`, `P-0417`: an id in a field of people (extractors/tree_join.py)
    if len(name.split()) > 7:
        return False
    words = {w.strip(",:;()") for w in name.split() if w.islower()}  # as printed: `A.` is Ann
    if words & _NOT_NAME_WORDS or "&" in name:
        return False  # `Friends of the Project Talks`, `Q&A session` in a speaker field
    return is_person_account(name)


_ELIDED_RE = re.compile(r"\b[dDlLO]['’](?=[A-Z])")


def name_shaped(text: str) -> bool:
    """`looks_like_name`, an elided particle allowed (`Lucia d'Arco`, `Ann O'Neil`), or a name
    in Hangul or Chinese characters (`김민수`, `山田 太郎`).

    >>> name_shaped("Lucia d'Arco"), name_shaped("Program chair")
    (True, False)
    """
    return looks_like_name(text) or ("'" in text or "’" in text) and looks_like_name(
        _ELIDED_RE.sub("", text)) or script_name(text)


def one_each(orgs: str, n: int) -> list[str]:
    """The `n` organizations of a value that lists one per person (`X; Y`), else [].

    >>> one_each("Northwind University; Acme Labs", 2), one_each("MIT; Acme", 3)
    (['Northwind University', 'Acme Labs'], [])
    """
    parts = [p.strip() for p in re.split(r"\s*;\s*|\s+\|\s+", orgs) if p.strip()]
    return parts if len(parts) == n else []


_KEY_NUMBER_RE = re.compile(r"(?:^|\D)(\d{1,2})$")


def numbered_org(org_fields: list[tuple[str, object]], person_key: str) -> str:
    """The value of the organization field numbered as a person field (`Affiliation 2` for
    `Speaker 2`), or ''.

    >>> numbered_org([("Affiliation 1", "Acme"), ("Affiliation 2", "Globex")], "Speaker 2")
    'Globex'
    """
    number = _KEY_NUMBER_RE.search(norm_key(person_key))
    if not number:
        return ""
    for key, value in org_fields:
        own = _KEY_NUMBER_RE.search(norm_key(key))
        if own and own.group(1) == number.group(1) and isinstance(value, str):
            return str(value).strip()
    return ""


def short_org_line(text: str) -> bool:
    """A short line under a person's name or position that names her organization though no
    organization's word marks it (`Globex`): a few capitalized words, no sentence, no name and
    no position.

    >>> short_org_line("Globex"), short_org_line("Ann Lee"), short_org_line("She maps rivers.")
    (True, False, False)"""
    words = text.split()
    return 1 <= len(words) <= 6 and words[0][:1].isupper() and not any(
        ch in text for ch in ".:;!?") and not one_name(text) and not position_role(text)

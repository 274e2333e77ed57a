"""Shared helpers of the structured extractors: safe loading, person names, placeholder accounts."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import yaml

from pipeline.errors import ExtractionError
from pipeline.text.lexicon import session_kind
from pipeline.text.lines import CREDENTIALS_RE, HONORIFICS, clean_name

YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
DOTLESS_ACCENT_RE = re.compile("\u0131([\u0300-\u036f])")

# A speaker "account" that is a group, a placeholder or the organizers rather than one person
# ("FOSDEM Staff", "LPI Team", "Mozilla TechSpeakers", "Vous / You", "TBA"). The rule is general:
# a name is not a person when one of its words is a collective noun or a placeholder word, or when
# it offers alternatives ("Vous / You"). Single-word handles ("kwadronaut") are kept: they are
# individuals who chose to be listed that way.
GROUP_WORDS = {
    "staff", "team", "teams", "crew", "committee", "organizers", "organisers", "organizing",
    "organising", "volunteers", "board", "group", "members", "community", "speakers",
    "techspeakers", "panelists", "panel", "everyone", "everybody", "all", "you", "vous", "tba",
    "tbd", "tbc", "n/a", "various", "several", "anyone", "attendees", "participants",
    "devroom", "hosts", "admins", "moderators", "foundation", "project", "projects", "inc",
    "inc.", "llc", "gmbh", "ltd", "sponsors", "sponsor", "contributors", "maintainers",
    "developers", "unknown", "anonymous", "someone", "guest", "guests", "others",
}
PLACEHOLDER_RE = re.compile(
    r"(?:^|\s)(?:/|\bet al\.?)(?:\s|$)|^\W*$|\bto be (?:announced|confirmed)\b", re.I
)


def is_person_account(name: str) -> bool:
    """True when `name` plausibly names one person, not a team, the organizers or a placeholder.

    >>> is_person_account("FOSDEM Staff"), is_person_account("Vous / You")
    (False, False)
    >>> is_person_account("Zoë Martín"), is_person_account("kwadronaut")
    (True, True)
    """
    text = " ".join(name.split())
    if not text or not any(ch.isalpha() for ch in text) or PLACEHOLDER_RE.search(text):
        return False
    words = re.findall(r"[\w/.]+", text.lower())
    return not any(word in GROUP_WORDS or word.endswith("speakers") for word in words)


def person_name(raw: object) -> str:
    """A printed name cleaned of honorifics and credentials (`Dr. Jane Doe, PhD` -> `Jane Doe`).

    `clean_name` reads bare name words such as `Ma`, `Ba` or `Md` as credentials (M.A., B.A.,
    M.D.); when it would drop such a word that no comma sets apart, a stricter cleaning keeps it.
    Handles such as `HS-157` keep their digits.

    >>> person_name("Dr. Jane Doe, PhD"), person_name("Wenxiu Ma"), person_name("Ba Aa")
    ('Jane Doe', 'Wenxiu Ma', 'Ba Aa')
    >>> person_name("Prof. Ann Lee MBA"), person_name("HS-157"), person_name("Ana Vil\u0131\u0301")
    ('Ann Lee', 'HS-157', 'Ana Vilí')
    """
    if raw is None:
        return ""
    text = " ".join(str(raw).split())
    if "ı" in text:  # a dotless i under an accent (`Vilı́m`, as LaTeX prints í) is an í
        text = unicodedata.normalize("NFC", DOTLESS_ACCENT_RE.sub(r"i\1", text))
    cleaned = clean_name(text)
    head = text.split(",")[0].split()
    while len(head) > 1 and head[0].lower() in HONORIFICS:
        head = head[1:]
    kept = cleaned.split()
    if any(re.fullmatch(r"[A-Z][a-z]+", token) and token not in kept for token in head):
        return _strict_clean(text)
    if head and re.fullmatch(r"[^\W\d_][\w.]*-\d+", head[-1]) and len(kept) <= len(head):
        return text  # a handle such as "HS-157": the digits are the name, not a footnote mark
    return cleaned


def _strict_clean(text: str) -> str:
    tokens = text.split(",")[0].split()
    while tokens and tokens[0].lower().rstrip(",") in HONORIFICS:
        tokens.pop(0)
    while len(tokens) > 1 and CREDENTIALS_RE.fullmatch(tokens[-1]) and not re.fullmatch(
            r"[A-Z][a-z]+", tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def year_in(text: object) -> int | None:
    match = YEAR_RE.search(str(text or ""))
    return int(match.group(1)) if match else None


def as_text(value: object) -> str:
    """A scalar as one line of text; localized dicts (`{"en": ..., "fr": ...}`) give English."""
    if value is None:
        return ""
    if isinstance(value, dict):
        for key in ("en", "name", "title"):
            if key in value:
                return as_text(value[key])
        return as_text(next(iter(value.values()), ""))
    return " ".join(str(value).split())


def load_json(path: Path):
    """Parsed JSON; malformed or absurdly nested files raise `ExtractionError`."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return json.load(fh)
    except RecursionError as e:  # a hostile file nested thousands deep
        raise ExtractionError(path, "JSON nested too deeply to read") from e
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ExtractionError(path, f"malformed JSON ({e})") from e


def load_yaml(path: Path):
    """Parsed YAML (safe_load only: no tags, no objects); malformed files raise ExtractionError."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return yaml.safe_load(fh)
    except RecursionError as e:
        raise ExtractionError(path, "YAML nested too deeply to read") from e
    except (UnicodeDecodeError, yaml.YAMLError) as e:
        raise ExtractionError(path, f"malformed YAML ({type(e).__name__}: {e})") from e


def head_text(head: bytes) -> str:
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def looks_like_yaml(path: Path, head: bytes) -> bool:
    return path.suffix.lower() in (".yml", ".yaml") or head_text(head).startswith("---\n")


# Assemblies and hosted meals: their people host them. A welcome or closing address is a talk,
# and whoever gives it (a dean, a sponsor, an organizer) speaks: jurix 2018's opening speech,
# lswt 2019 and 2021's `Begrüßung` (schedule XML and N-Triples) are speakers in their goldens.
ORGANIZER_SESSION_RE = re.compile(
    r"\b(general assembly|assemblée générale|"
    r"annual (general |business )?meeting|business meeting|agm|lunch|déjeuner|breakfast|"
    r"reception|social|meetup)\b", re.I)
ORGANIZER_TITLE_RE = re.compile(r"\W*(general assembly|assemblée générale)\b", re.I)
KEYNOTE_SESSION_RE = re.compile(r"keynote|plenary|pl[ée]ni[èea]re|invited talk", re.I)
# A title led by its type: `Keynote: A national research data infrastructure`.
KEYNOTE_TITLE_RE = re.compile(r"\W*(?:opening |closing )?(keynote|plenary)(?: talk| lecture| "
                              r"speech| address)?\s*(?:[:–—-]|$)", re.I)  # `Keynote` alone too
PANEL_SESSION_RE = re.compile(r"\bpanel", re.I)
MODERATOR_SESSION_RE = re.compile(r"\bmoderat", re.I)


def session_role(kind: str, title: str = "", track: str = "") -> str:
    """Role of the people listed on a schedule entry, from its type, title and track.

    Assemblies and hosted meals make the host an `organizer`; keynote and
    plenary types a `keynote`; panels a `panelist`; everything else (talks, lightning talks,
    workshops, sprints, BoFs) a `speaker`.

    >>> session_role("Plenary", "Graphs at Scale"), session_role("Talk", "Welcome")
    ('keynote', 'speaker')
    >>> session_role("Business meeting", "ACM SIGX"), session_role("", "General Assembly")
    ('organizer', 'organizer')
    >>> session_role("devroom", "Rust in the kernel", "Keynotes")
    'keynote'
    >>> session_role("Workshop", "Pandas"), session_role("Panel", "Careers")
    ('speaker', 'panelist')
    >>> session_role("Roundtable", "Data futures"), session_role("", "Panel: Data futures")
    ('panelist', 'panelist')
    """
    kind, title, track = kind or "", title or "", track or ""
    if ORGANIZER_SESSION_RE.search(kind) or (
        ORGANIZER_TITLE_RE.match(title) and len(title.split()) <= 6
        and not KEYNOTE_SESSION_RE.search(title)
    ):
        return "organizer"
    if KEYNOTE_SESSION_RE.search(kind) or KEYNOTE_SESSION_RE.search(track) or (
            KEYNOTE_TITLE_RE.match(title)):
        return "keynote"
    # a type or a title led by a kind of session of the lexicon (`Roundtable`, `Panel: Data`,
    # `Table ronde`, `Invited talk: …`)
    for text in (kind, title):
        by_kind = session_kind(text) if text else ""
        if by_kind in ("keynote", "panelist"):
            return by_kind
    if PANEL_SESSION_RE.search(kind) or PANEL_SESSION_RE.search(track):
        return "panelist"
    if MODERATOR_SESSION_RE.search(kind):
        return "moderator"
    return "speaker"

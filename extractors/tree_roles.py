"""The role of a person a record names: by her field's key (`chairs`, `winners`), her
position, her session's kind or title, and the record's context; and the scalar values of a
record's typed fields that decide it."""

from __future__ import annotations

from extractors.records import session_role
from extractors.tree_context import NOMINEE, Context, clean_value
from pipeline.text.award_words import names_nominees
from pipeline.text.keys import norm_key
from pipeline.text.lexicon import context_role, position_role


def scalar(fields: dict, kind: str) -> str:
    """The first non-empty value of a field of `kind`, a list as its items joined by `, `."""
    for _, value in fields.get(kind, []):
        if isinstance(value, list):
            value = ", ".join(clean_value(v) for v in value if clean_value(v))
        text = clean_value(value)
        if text:
            return text
    return ""


def scalar_list(fields: dict, kind: str) -> list[str]:
    """The non-empty items of the first field of `kind` that has any."""
    for _, value in fields.get(kind, []):
        values = [clean_value(v) for v in (value if isinstance(value, list) else [value])]
        values = [v for v in values if v]
        if values:
            return values
    return []


def key_role(key: str) -> str:
    """The role a person field's key itself names (`chairs`, `moderator`, `winners`), or '';
    NOMINEE for an award's nominees (`nominees`, `candidates`), who get no row."""
    role = context_role(key)
    if names_nominees(key) and role in ("", "award_recipient", "speaker"):
        return NOMINEE  # (a `nominating_committee` is a committee)
    if role == "speaker":
        return ""  # `participants`, `presenters`: the session's kind says which role they have
    return "" if role == "organizer" and norm_key(key) in (
        "speaker", "speakers", "author", "authors", "presenter", "presenters", "name", "names",
        "person", "persons", "people", "by") else role


# Contexts of a conference's own organization (its chairs, committees, organizers): an
# officer's title there (`Treasurer`, `Secretary`) names a member of the conference's
# committee, not of the society's board.
CONFERENCE_ROLES = ("chair", "committee", "organizer")


def person_role(key_role: str, position: str, context: Context, fields: dict) -> str:
    """The role of a person of a record: the field's own key, the person's position, the
    session's type or title (under a schedule), the context, else speaker."""
    where = context.role()
    if NOMINEE in (where, key_role):
        return NOMINEE
    by_position = position_role(position) if position else ""
    if where == "board" and "chair" in (key_role, by_position):
        return "board"  # a society's officers: its chair is an officer, not a session chair
    if key_role and key_role not in ("sponsor", "exhibitor"):
        return key_role
    if by_position == "board" and where in CONFERENCE_ROLES:
        return "committee"  # a conference's treasurer or secretary (`chairs.yml`), no society's
    if by_position:
        return by_position
    kind = context.kind or scalar(fields, "kind")
    if where in ("", "speaker") and (kind or context.session):
        by_session = session_role(kind, context.session)
        if by_session != "speaker":
            return by_session
        by_kind = context_role(kind) if kind else ""
        if by_kind and by_kind not in ("sponsor", "exhibitor", "speaker"):
            return by_kind
    if where and where not in ("sponsor", "exhibitor"):
        return where
    if context.award:
        return "award_recipient"
    return "speaker"

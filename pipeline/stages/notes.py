"""The user's notes laid on the shortlist: outreach status joined in, and the people who asked
not to be listed found. Pure functions over tables: the files are read by
:mod:`pipeline.userfiles.outreach` and :mod:`pipeline.userfiles.suppress`."""

from __future__ import annotations

import pandas as pd

from pipeline.errors import SchemaError
from pipeline.text.names import person_key

OUTREACH_FIELDS = ("status", "last_contact", "notes")


OUTREACH_COLUMNS = ("person_id", *OUTREACH_FIELDS)


def check_outreach(outreach: pd.DataFrame, *, source: str = "outreach.csv") -> pd.DataFrame:
    """The outreach table with every column as text; fails naming the missing columns."""
    if "person_id" not in outreach.columns and "name" not in outreach.columns:
        raise SchemaError(
            f"{source}: needs a person_id column (and optionally {', '.join(OUTREACH_FIELDS)}, "
            "name); found: " + ", ".join(map(str, outreach.columns))
        )
    outreach = outreach.copy()
    for col in ("person_id", "name", *OUTREACH_FIELDS):
        if col not in outreach.columns:
            outreach[col] = ""
        outreach[col] = outreach[col].fillna("").astype(str).str.strip()
    return outreach


def join_outreach(shortlist: pd.DataFrame, outreach: pd.DataFrame) -> pd.DataFrame:
    """Add ``status``, ``last_contact`` and ``notes`` to `shortlist` (blank when no row).

    >>> import pandas as pd
    >>> shortlist = pd.DataFrame({"person_id": ["p1", "p2", "p3"],
    ...                           "name": ["Ann Lee", "Bo Chen", "Cy Diaz"]})
    >>> notes = pd.DataFrame({"person_id": ["p1", "gone"], "status": ["open", "done"],
    ...                       "name": ["", "Bo Chen"]})
    >>> join_outreach(shortlist, notes)["status"].tolist()
    ['open', 'done', '']
    """
    outreach = check_outreach(outreach)
    by_id = outreach[outreach["person_id"] != ""].drop_duplicates("person_id", keep="last")
    by_id = by_id.set_index("person_id")[list(OUTREACH_FIELDS)]
    unmatched = outreach[~outreach["person_id"].isin(set(shortlist["person_id"]))]
    unmatched = unmatched[unmatched["name"] != ""].copy()
    unmatched["_key"] = unmatched["name"].map(person_key)
    by_name = unmatched.drop_duplicates("_key", keep="last").set_index("_key")[
        list(OUTREACH_FIELDS)]
    out = shortlist.drop(columns=[c for c in OUTREACH_FIELDS if c in shortlist.columns])
    keys = out["name"].fillna("").map(person_key) if "name" in out.columns else None
    for col in OUTREACH_FIELDS:
        values = out["person_id"].map(by_id[col])
        if keys is not None:
            values = values.fillna(keys.map(by_name[col]))
        out[col] = values.fillna("")
    return out


def suppressed_ids(people: pd.DataFrame, suppress: pd.DataFrame | None) -> set[str]:
    """`person_id`s of `people` that `suppress` names: by id, or by name against every printed
    variant (any case, honorifics and `Last, First` forms alike).

    >>> import pandas as pd
    >>> people = pd.DataFrame({"person_id": ["p1", "p2", "p3"],
    ...                        "name": ["Ann Lee", "Bo Chen", "Cy Diaz"],
    ...                        "variants": ["Ann Lee; Dr. Ann Lee", "Bo Chen", "Cy Diaz"]})
    >>> sorted(suppressed_ids(people, pd.DataFrame({"person_id": ["p3", ""],
    ...                                             "name": ["", "LEE, ANN"]})))
    ['p1', 'p3']
    """
    if suppress is None or suppress.empty or people.empty:
        return set()
    ids = set(suppress.get("person_id", pd.Series(dtype=str)).fillna("").astype(str)) - {""}
    names = {person_key(n) for n in suppress.get("name", pd.Series(dtype=str)).fillna("")
             if str(n).strip()} - {""}
    found = set(people.loc[people["person_id"].isin(ids), "person_id"])
    if names:
        variants = people["variants"] if "variants" in people.columns else people["name"]
        for pid, name, printed in zip(people["person_id"], people["name"].fillna(""),
                                      variants.fillna(""), strict=True):
            keys = {person_key(name), *(person_key(v) for v in str(printed).split(";")
                                        if v.strip())}
            if keys & names:
                found.add(pid)
    return found

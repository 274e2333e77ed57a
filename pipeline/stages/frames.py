"""Per-group summaries without a Python call per group.

`groupby(...).agg(lambda s: ...)` calls Python once per person; with hundreds of thousands of
people that is most of a run. These give the same answers from whole-column operations.
"""

from __future__ import annotations

import pandas as pd


def group_join(keys, values, sep: str) -> pd.Series:
    """Per key, its values joined with `sep` in the order given; keys in first-seen order.

    One pass over two lists: pandas' `agg(sep.join)` builds a Series per group.

    >>> group_join(["a", "b", "a"], ["x", "y", "z"], "; ").to_dict()
    {'a': 'x; z', 'b': 'y'}
    """
    parts: dict = {}
    for key, value in zip(keys, values, strict=True):
        found = parts.get(key)
        if found is None:
            parts[key] = [value]
        else:
            found.append(value)
    return pd.Series({key: sep.join(items) for key, items in parts.items()}, dtype=object)


def distinct_count(keys: pd.Series, values: pd.Series) -> pd.Series:
    """Per key, how many distinct non-empty values (NaN and '' are empty); keys in sorted order.

    >>> distinct_count(pd.Series(["a", "a", "b", "b"]), pd.Series(["x", "", "y", "y"])).to_dict()
    {'a': 1, 'b': 1}
    """
    frame = pd.DataFrame({"k": keys.to_numpy(), "v": values.to_numpy()})
    index = pd.Index(sorted(frame["k"].unique()))
    frame = frame[frame["v"].notna() & (frame["v"].astype(str) != "")]
    return frame.groupby("k")["v"].nunique().reindex(index, fill_value=0)


def joined_years(keys: pd.Series, years: pd.Series) -> pd.Series:
    """Per key, its distinct years in order as `2019, 2022` ('' if none); keys sorted.

    >>> joined_years(pd.Series(["a", "a", "a", "b"]), pd.Series([2022, 2019, 2022, None])).to_dict()
    {'a': '2019, 2022', 'b': ''}
    """
    frame = pd.DataFrame({"k": keys.to_numpy(), "y": pd.to_numeric(years, errors="coerce")})
    index = pd.Index(sorted(frame["k"].unique()))
    frame = frame.dropna().drop_duplicates().sort_values(["k", "y"], kind="mergesort")
    years = group_join(frame["k"].tolist(), [str(int(y)) for y in frame["y"].tolist()], ", ")
    return years.reindex(index, fill_value="")


def joined_distinct(keys: pd.Series, values: pd.Series, sep: str = "; ") -> pd.Series:
    """Per key, its distinct non-empty values sorted and joined with `sep`; keys sorted.

    >>> joined_distinct(pd.Series(["a", "a", "b"]), pd.Series(["y", "x", ""])).to_dict()
    {'a': 'x; y', 'b': ''}
    """
    frame = pd.DataFrame({"k": keys.to_numpy(), "v": values.fillna("").astype(str).to_numpy()})
    index = pd.Index(sorted(frame["k"].unique()))
    frame = frame[frame["v"] != ""].drop_duplicates().sort_values(["k", "v"], kind="mergesort")
    return group_join(frame["k"].tolist(), frame["v"].tolist(), sep).reindex(index, fill_value="")


def dominant(keys: pd.Series, values: pd.Series) -> pd.Series:
    """Per key, its most frequent non-empty value, a tie going to the one seen first (as
    `value_counts().index[0]` does); '' if none; keys sorted.

    >>> dominant(pd.Series(["a", "a", "a", "b"]), pd.Series(["x", "y", "y", ""])).to_dict()
    {'a': 'y', 'b': ''}
    >>> dominant(pd.Series(["a", "a"]), pd.Series(["y", "x"])).to_dict()
    {'a': 'y'}
    """
    frame = pd.DataFrame({"k": keys.to_numpy(), "v": values.fillna("").astype(str).to_numpy()})
    index = pd.Index(sorted(frame["k"].unique()))
    frame["pos"] = range(len(frame))
    frame = frame[frame["v"] != ""]
    stats = frame.groupby(["k", "v"], sort=False).agg(n=("pos", "size"), first=("pos", "min"))
    stats = stats.reset_index().sort_values(["k", "n", "first"], ascending=[True, False, True],
                                            kind="mergesort")
    best = stats.drop_duplicates("k").set_index("k")["v"]
    return best.reindex(index, fill_value="")

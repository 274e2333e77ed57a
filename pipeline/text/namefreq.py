"""How many people in the world bear a name: the population side of name commonness.

A corpus alone cannot tell that `Ting Liu` or `James Allen` is borne by thousands of people: in
a few hundred programs each may be printed once. `data/name_frequency.tsv.gz`, written by
`scripts/build_name_frequency.py` from the `names-dataset` package, gives for each given name
and surname its share of the people of each naming region (the Chinese-speaking world, the
English-speaking one, South Asia, ...). A full name's bearers are the sum over regions of the
region's people times the two shares there: a given name and a surname meet within a region.

>>> bearers("ting", ("liu",)) > 1000 < bearers("james", ("allen",))
True
>>> bearers("kathi", ("fisler",)) < 50
True
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources
from operator import mul

FLOOR = 1e-6      # the table leaves out shares below this: a part not in it is rarer
INITIAL = 0.05    # share of people whose given name begins with a given letter, roughly


@cache
def _table() -> tuple[dict[str, float], dict[str, str], dict[str, str]]:
    """(population of each region in millions, given names, surnames); a name maps to its
    unparsed `region=log10 share` cells, parsed when asked for."""
    path = resources.files("pipeline.text").joinpath("data/name_frequency.tsv.gz")
    regions: list[str] = []
    population: dict[str, float] = {}
    given: dict[str, str] = {}
    surname: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                cells = line[2:].rstrip("\n").split("\t")
                if cells[0] == "region":
                    regions = cells[1:]
                elif cells[0] == "population":
                    population = dict(zip(regions, map(float, cells[1:]), strict=True))
                continue
            kind, name, shares = line.rstrip("\n").split("\t")
            (given if kind == "g" else surname)[name] = shares
    return population, given, surname


@cache  # bounded by the names of the run: a tuple of 14 floats a name
def _vector(kind: str, name: str) -> tuple[float, ...]:
    """The name's share of each region's people (`FLOOR` where the table has none), in the
    order of the table's regions; a given name's shares are multiplied by the regions' people."""
    population, given, surname = _table()
    cells = (given if kind == "g" else surname).get(name, "")
    shares = dict.fromkeys(population, FLOOR)
    for cell in filter(None, cells.split(",")):
        region, value = cell.split("=")
        shares[region] = 10 ** float(value)
    if kind == "g":
        return tuple(population[r] * 1e6 * shares[r] for r in population)
    return tuple(shares.values())


@cache
def _initial() -> tuple[float, ...]:
    population = _table()[0]
    return tuple(population[r] * 1e6 * INITIAL for r in population)


def bearers(first: str, last_parts: tuple[str, ...]) -> float:
    """Expected number of people in the world with this given name and surname (its rarest
    part, for surnames of several parts). Names folded to lower-case ASCII, as
    :class:`pipeline.text.names.ParsedName` holds them; a one-letter `first` is an initial."""
    given = _initial() if len(first) == 1 else _vector("g", first)
    parts = [_vector("s", part) for part in last_parts if len(part) > 1]
    if not parts:
        return 0.0
    last = parts[0] if len(parts) == 1 else tuple(map(min, *parts))
    return sum(map(mul, given, last))


def surname_share(last: str) -> float:
    """The largest share of one region's people that bear this surname (folded).

    >>> surname_share("kim") > 0.1 > 1e-4 > surname_share("ibm")
    True
    """
    return max(_vector("s", last))


def given_name_share(first: str) -> float:
    """The largest share of one region's people that bear this given name (`FLOOR` or less
    when the table does not know it as a given name: `Cotton`, `Lobby`, `Centara`).

    >>> given_name_share("helen") > 1e-4 > given_name_share("lobby")
    True
    """
    population = _table()[0]
    return max(share / (population[r] * 1e6)
               for share, r in zip(_vector("g", first), population, strict=True))


GIVEN_FLOOR = 1e-5  # the smallest share data/given_names.tsv.gz holds


@cache
def _given_names() -> dict[str, float]:
    return _small_table("data/given_names.tsv.gz")


@cache
def _surnames() -> dict[str, float]:
    return _small_table("data/surnames.tsv.gz")


def _small_table(name: str) -> dict[str, float]:
    path = resources.files("pipeline.text").joinpath(name)
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        rows = (line.rstrip("\n").split("\t") for line in lines if not line.startswith("#"))
        return {name: 10 ** float(value) for name, value in rows}


SURNAME_FLOOR = 1e-4  # the smallest share data/surnames.tsv.gz holds


def known_surname_share(last: str) -> float:
    """`surname_share` from the small table of surnames at least SURNAME_FLOOR of some region
    bears (scripts/build_given_names.py): 0.0 below the floor.

    >>> known_surname_share("yilmaz") > 1e-4 and known_surname_share("ibm") == 0.0
    True
    """
    return _surnames().get(last, 0.0)


def known_given_share(first: str) -> float:
    """`given_name_share` from the small table of given names at least GIVEN_FLOOR of some
    region bears (scripts/build_given_names.py): 0.0 below the floor. A worker that asks only
    this need not load the full table.

    >>> known_given_share("helen") > 1e-4 and known_given_share("lobby") == 0.0
    True
    """
    return _given_names().get(first, 0.0)


@cache
def common_surnames() -> frozenset[str]:
    """Surnames so widespread that no corpus is large enough to call them rare."""
    text = resources.files("pipeline.text").joinpath("data/common_surnames.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))

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

FLOOR = 1e-6      # the table leaves out shares below this: a part not in it is rarer
INITIAL = 0.05    # share of people whose given name begins with a given letter, roughly


@cache
def _table() -> tuple[dict[str, float], dict[str, str], dict[str, str]]:
    """(population of each region in millions, given names, surnames); a name maps to its
    unparsed `region=log10 share` cells, parsed when asked for."""
    path = resources.files("pipeline").joinpath("data/name_frequency.tsv.gz")
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


@cache  # bounded by the names of the run, about 20 bytes a name
def _shares(kind: str, name: str) -> dict[str, float]:
    _, given, surname = _table()
    cells = (given if kind == "g" else surname).get(name)
    if not cells:
        return {}
    return {region: 10 ** float(value)
            for region, value in (cell.split("=") for cell in cells.split(","))}


def bearers(first: str, last_parts: tuple[str, ...]) -> float:
    """Expected number of people in the world with this given name and surname (its rarest
    part, for surnames of several parts). Names folded to lower-case ASCII, as
    :class:`pipeline.names.ParsedName` holds them; a one-letter `first` is an initial."""
    population = _table()[0]
    given = dict.fromkeys(population, INITIAL) if len(first) == 1 else _shares("g", first)
    parts = [_shares("s", part) for part in last_parts if len(part) > 1]
    if not parts:
        return 0.0
    if len(parts) == 1:
        (last,) = parts
        regions = given.keys() | last.keys() or population.keys()
        return 1e6 * sum(population[r] * given.get(r, FLOOR) * last.get(r, FLOOR)
                         for r in regions)
    regions = set(given).union(*parts) or set(population)
    return 1e6 * sum(population[r] * given.get(r, FLOOR) * min(p.get(r, FLOOR) for p in parts)
                     for r in regions)

"""Write pipeline/text/data/name_frequency.tsv.gz: how common each given and surname is worldwide.

    python scripts/build_name_frequency.py [--out pipeline/text/data/name_frequency.tsv.gz]

The source is the `names-dataset` package from PyPI (Philippe Rémy's Names Dataset, Apache-2.0,
built from public profiles in 105 countries), which gives, for about 730,000 given names and
980,000 surnames, the name's rank in each country where it is among the most common. Loading it
takes a gigabyte of memory and five seconds, so the pipeline does not load it: this script turns
each rank into a share of the world's population and ships the result as package data, and
`pipeline.text.namefreq` reads only that table.

The model, stated so it can be argued with:

- Within a country, the share of people bearing the name at rank r follows a power law,
  ``a / r**b``. Surnames are concentrated in East Asia (the top three Chinese surnames cover
  about a fifth of the population, the top three Korean ones almost half) and spread out
  elsewhere (the commonest US surname, under 1%), so `a` and `b` depend on the country's
  naming system; given names use one law everywhere.
- Countries are grouped into regions that share a naming system, and a name's share in a
  region sums its countries' shares weighted by population; a given name and a surname are
  taken to meet independently within a region (`pipeline.text.namefreq` multiplies them there).

Only names whose world share is at least `FLOOR` are written; any other name is rarer than that.
"""

from __future__ import annotations

import argparse
import gzip
import math
import pickle
import re
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.text.names import fold  # noqa: E402

_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")

# Population in millions (UN World Population Prospects 2023, rounded) of the countries the
# dataset covers; any other country of a region is left out, which only lowers estimates.
POPULATION = {
    "IN": 1430, "CN": 1410, "US": 335, "ID": 278, "PK": 240, "NG": 224, "BR": 216, "BD": 173,
    "RU": 144, "MX": 128, "ET": 127, "JP": 124, "PH": 117, "EG": 113, "IR": 89, "TR": 86,
    "DE": 84, "GB": 68, "FR": 65, "ZA": 60, "IT": 59, "CO": 52, "KR": 52, "SD": 48, "ES": 48,
    "DZ": 46, "AR": 46, "IQ": 45, "AF": 42, "PL": 38, "CA": 39, "MA": 38, "SA": 37, "AO": 37,
    "PE": 34, "MY": 34, "GH": 34, "YE": 34, "AU": 27, "TW": 23, "CM": 28, "KZ": 20, "CL": 20,
    "BF": 23, "NL": 18, "EC": 18, "GT": 18, "KH": 17, "BO": 12, "TN": 12, "BI": 13, "BE": 12,
    "HT": 12, "CZ": 11, "SE": 10, "GR": 10, "PT": 10, "JO": 11, "AZ": 10, "HN": 10, "HU": 10,
    "AE": 9.5, "IL": 9.7, "AT": 9.1, "CH": 8.8, "TM": 6.5, "HK": 7.5, "RS": 6.7, "LY": 6.9,
    "BG": 6.4, "SV": 6.3, "LB": 5.4, "SG": 5.9, "DK": 5.9, "FI": 5.5, "NO": 5.5, "PS": 5.4,
    "IE": 5.1, "CR": 5.2, "OM": 4.6, "PA": 4.4, "KW": 4.3, "HR": 3.9, "GE": 3.7, "UY": 3.4,
    "PR": 3.2, "JM": 2.8, "AL": 2.8, "MD": 2.5, "NA": 2.6, "BW": 2.6, "LT": 2.7, "QA": 2.7,
    "SI": 2.1, "EE": 1.3, "BH": 1.5, "MU": 1.3, "CY": 1.3, "DJ": 1.1, "FJ": 0.9, "MO": 0.7,
    "LU": 0.65, "MV": 0.5, "BN": 0.45, "MT": 0.5, "IS": 0.4, "SY": 23,
}
# Countries whose people largely share one naming system, so that a given name and a surname
# meet in one population (Ting + Liu in the Chinese-speaking world, not Ting in Taiwan times Liu
# in the United States).
REGIONS = {
    "chinese": "CN TW HK SG MO",
    "korean": "KR",
    "japanese": "JP",
    "south_asian": "IN PK BD MV",
    "english": "US GB CA AU IE JM ZA NA BW FJ MT",
    "hispanic": "MX CO AR ES PE CL EC GT BO HN SV CR PA UY PR",
    "lusophone": "BR PT AO",
    "germanic": "DE AT CH NL BE LU DK SE NO FI IS EE",
    "romance": "FR IT HT MU CY GR AL",
    "slavic": "RU PL CZ RS HR BG SI LT MD KZ GE AZ TM HU",
    "arabic": "EG SA IQ DZ MA SD YE JO AE LY LB PS OM KW QA BH TN SY DJ IL",
    "iranic_turkic": "IR TR AF",
    "southeast_asian": "ID PH MY KH BN",
    "african": "NG ET GH CM BF BI",
}
REGION_OF = {country: region for region, countries in REGIONS.items()
             for country in countries.split()}
# Share of a region's people bearing the name at rank r there: a / r**b. Anchors: the commonest
# US surname about 0.8% and the 100th about 0.05%; the commonest Chinese surname about 7% and the
# 100th about 0.1%; the commonest Korean one about 21%; given names about 1.6% at rank 1 and 0.1%
# at rank 100, more spread in Chinese and Korean, whose given names are coined. The dataset's
# ranks run lower than census ranks (it mixes in people of other origins), so the amplitudes
# outside East Asia are set about twice the census anchors.
SURNAME_LAW = {"chinese": (0.07, 0.92), "korean": (0.2, 1.3)}
SURNAME_DEFAULT = (0.012, 0.6)
GIVEN_LAW = {"chinese": (0.006, 0.6), "korean": (0.006, 0.6)}
GIVEN_DEFAULT = (0.03, 0.6)
TAIL = 1.15  # US surnames: about 8 times rarer from rank 100 to 1000, 15 times to 10,000
FLOOR = 1e-6  # smaller shares are not written: one person in a million


def region_shares(ranks: dict[str, int], *, surname: bool) -> dict[str, float]:
    """Per region, the share of its people bearing a name with these per-country ranks."""
    people: dict[str, float] = {}
    for country, rank in ranks.items():
        region = REGION_OF.get(country)
        if region is None:
            continue
        laws, default = (SURNAME_LAW, SURNAME_DEFAULT) if surname else (GIVEN_LAW, GIVEN_DEFAULT)
        a, b = laws.get(region, default)
        people[region] = people.get(region, 0.0) + POPULATION[country] * law(rank, a, b)
    return {region: n / region_population(region) for region, n in people.items()}


def law(rank: int, a: float, b: float) -> float:
    """`a / rank**b` to rank 100, and steeper (`TAIL`) beyond, as census tails are."""
    rank = max(rank, 1)
    if rank <= 100:
        return a / rank ** b
    return a / 100 ** b * (100 / rank) ** TAIL


def region_population(region: str) -> float:
    return sum(POPULATION[c] for c in REGIONS[region].split())


# The dataset keeps the names of Cyrillic- and Greek-script countries mostly in their script
# (Russia's commonest surnames are `Иванов`, `Кузнецов`; `Kuznetsov` ranks 302nd there): the
# programs print them romanized, so each is also counted under its romanizations, as English-
# language programs spell them (BGN/PCGN-like; `-ий` also as `-y` and `-ii`: Vitaliy, Vitaly,
# Vitalii). Rarer variants (я as `ia`, х as `h`) are left out: they make acronyms given names.
ROMAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz",
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
    "ω": "o",
}
VARIANTS = (("ий", ("iy", "y", "ii")), ("ый", ("y", "iy")), ("ου", ("ou",)), ("αι", ("ai",)),
            ("ει", ("ei",)))


def romanizations(name: str) -> set[str]:
    """The usual Latin spellings of a Cyrillic or Greek name (lower case, accents dropped);
    the name itself, folded, when it is in neither script.

    >>> sorted(romanizations("Виталий"))
    ['vitalii', 'vitaliy', 'vitaly']
    >>> sorted(romanizations("Кузнецов")), sorted(romanizations("Παπαδόπουλος"))
    (['kuznetsov'], ['papadopoulos'])
    """
    import unicodedata

    letters: list[str] = []
    for c in unicodedata.normalize("NFD", name.lower()):  # accents go; й stays a letter
        if not unicodedata.combining(c):
            letters.append(c)
        elif c == "\u0306" and letters and letters[-1] == "и":
            letters[-1] = "й"
    text = "".join(letters)
    if not any(c in ROMAN for c in text):
        return {fold(name).strip()}
    spellings = {text}
    for cyrillic, latins in VARIANTS:
        spellings = {s.replace(cyrillic, latin, 1) if cyrillic in s else s
                     for s in spellings for latin in latins}
    return {"".join(ROMAN.get(c, c) for c in s) for s in spellings}


def shares(path: str, *, surname: bool) -> dict[str, dict[str, float]]:
    data = pickle.load(gzip.open(resources.files("names_dataset").joinpath(path)))
    out: dict[str, dict[str, float]] = {}
    for name, info in data.items():
        if not info.get("rank"):
            continue
        found = {region: share
                 for region, share in region_shares(info["rank"], surname=surname).items()
                 if share >= FLOOR}
        for key in romanizations(name):
            if not found or not _WORD.fullmatch(key):
                continue
            by_region = out.setdefault(key, {})
            for region, share in found.items():
                by_region[region] = max(by_region.get(region, 0.0), share)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path,
                        default=ROOT / "pipeline/text/data/name_frequency.tsv.gz")
    args = parser.parse_args(argv)
    given = shares("v3/first_names.pkl.gz", surname=False)
    family = shares("v3/last_names.pkl.gz", surname=True)
    tmp = args.out.with_suffix(".tmp")
    # mtime=0: the same input gives the same bytes.
    with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(b"# written by scripts/build_name_frequency.py from names-dataset\n")
        out.write(("# region\t" + "\t".join(REGIONS) + "\n").encode())
        out.write(("# population\t" + "\t".join(
            f"{region_population(r):g}" for r in REGIONS) + "\n").encode())
        out.write(b"# kind (g: given name, s: surname)\tname\tregion=log10(share), ...\n")
        for kind, table in (("g", given), ("s", family)):
            for name in sorted(table):
                cells = ",".join(f"{r}={math.log10(v):.2f}" for r, v in sorted(table[name].items()))
                out.write(f"{kind}\t{name}\t{cells}\n".encode())
    tmp.replace(args.out)
    print(f"{args.out}: {len(given)} given names, {len(family)} surnames")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

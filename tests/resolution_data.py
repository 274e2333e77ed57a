"""Data for resolution tests and benchmarks/resolution.py: FOSDEM truth, synthetic people."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pandas as pd

FOSDEM_YEARS = (2014, 2016, 2018)


def fosdem_appearances(raw_dir: Path, *, years=FOSDEM_YEARS) -> pd.DataFrame:
    """Speakers of FOSDEM schedule.xml files with ids renumbered per year.

    `truth` is the person id FOSDEM keeps across years, corrected for what it gets wrong: the
    duplicate accounts (one name, two ids in different years) are one person and the id shared by
    two people (1789) is two. `source_person_id` is renumbered per year, so it only links within
    one year. Names count as one when they differ only in case, accents or spacing
    (`jan iversen` / `Jan Iversen`, `Adrien Beraud` / `Adrien Béraud`).
    """
    from defusedxml import ElementTree

    rows = []
    for year in years:
        path = raw_dir / "fosdem" / str(year) / "schedule.xml"
        root = ElementTree.parse(path).getroot()
        for event in root.iter("event"):
            kind = event.findtext("type") or ""
            for person in event.iter("person"):
                name = (person.text or "").strip()
                pid = person.get("id") or ""
                rows.append({
                    "doc_id": f"fosdem-{year}", "source_path": f"fosdem/{year}/schedule.xml",
                    "page": None, "role": "keynote" if kind == "keynote" else "speaker",
                    "person_name": name, "org_name": "", "title": "",
                    "session": (event.findtext("title") or "").strip(), "award": "",
                    "sponsor_tier": "", "booth": "", "association": "fosdem",
                    "event": f"FOSDEM {year}", "year": year,
                    "source_person_id": f"frab:{year}-{int(pid) * 7 + year}",
                    "raw_id": pid,
                })
    appearances = pd.DataFrame(rows)
    appearances["appearance_id"] = [f"a{i}" for i in range(len(appearances))]
    # Ground truth: id, with the shared id split by name and duplicate accounts joined by name.
    raw = appearances["raw_id"].where(appearances["raw_id"] != "1789",
                                      "1789|" + appearances["person_name"])
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for rid, name in zip(raw, appearances["person_name"], strict=True):
        a, b = find("id:" + rid), find("name:" + _fold_spelling(name))
        if a != b:
            parent[b] = a
    appearances["truth"] = [find("id:" + rid) for rid in raw]
    appearances["truth_raw_id"] = appearances["raw_id"]
    return appearances


def _fold_spelling(name: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def pairwise_scores(truth: list, predicted: list) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a clustering against the true one."""

    def pairs(labels) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(labels).values())

    both = pairs(list(zip(truth, predicted, strict=True)))
    p_pairs, t_pairs = pairs(predicted), pairs(truth)
    precision = both / p_pairs if p_pairs else 1.0
    recall = both / t_pairs if t_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def person_year_records(appearances: pd.DataFrame, predicted: pd.Series) -> pd.DataFrame:
    """One row per person per year (the unit FOSDEM ids describe), with truth and prediction."""
    frame = appearances.assign(predicted=predicted.to_numpy())
    return frame.drop_duplicates(["year", "source_person_id", "person_name"])


# --- synthetic people -------------------------------------------------------------------------

FIRST = (
    "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa "
    "Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew "
    "Donna Joshua Michelle Kenneth Dorothy Kevin Carol Brian Amanda George Melissa Edward "
    "Deborah Ronald Stephanie Timothy Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob "
    "Kathleen Gary Amy Nicholas Shirley Eric Angela Jonathan Helen Stephen Anna Larry Brenda "
    "Justin Pamela Scott Nicole Brandon Emma Benjamin Samantha Samuel Katherine Gregory "
    "Christine Frank Debra Alexander Rachel Raymond Catherine Patrick Carolyn Jack Janet Dennis "
    "Ruth Jerry Maria Tyler Heather Aaron Diane José Virginia Adam Julie Henry Joyce Nathan "
    "Victoria Douglas Olivia Zachary Kelly Peter Christina Kyle Lauren Walter Joan Ethan "
    "Evelyn Jeremy Judith Harold Megan Keith Cheryl Christian Andrea Roger Hannah Noah Martha "
    "Gerald Jacqueline Carl Frances Terry Gloria Sean Ann Austin Teresa Arthur Kathryn Lawrence "
    "Sara Jesse Janice Dylan Jean Bryan Alice Joe Madison Jordan Doris Billy Abigail Bruce "
    "Julia Albert Judy Willie Grace Gabriel Denise Logan Amber Alan Marilyn Juan Beverly Wayne "
    "Danielle Roy Theresa Ralph Sophia Randy Marie Eugene Diana Vincent Brittany Russell "
    "Natalie Elijah Isabella Louis Charlotte Bobby Rose Philip Alexis Johnny Kayla Wei Li "
    "Hiroshi Yuki Priya Rahul Ahmed Fatima Olga Dmitri Sven Ingrid Hans Ulrike François Chloé "
    "Giulia Marco Lucía Javier Ana João Søren Zoë Björn Agnieszka Tomasz Mehmet Ayşe"
).split()
LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen "
    "Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez "
    "Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy "
    "Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox "
    "Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price "
    "Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell "
    "Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero "
    "Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole "
    "Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall "
    "Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman "
    "Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw "
    "Snyder Mason Dixon Muñoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone "
    "Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto "
    "Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen "
    "Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane "
    "Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Peña Richards "
    "Wang Zhang Liu Yamamoto Tanaka Sato Müller Schneider Fischer Weber Dubois Lefèvre Rossi "
    "Bianchi Kowalski Nowak Ivanov Petrov Andersson Johansson Nielsen Jensen O'Brien "
    "Ó Súilleabháin "
    "van der Berg de Vries al-Rashid García-López Rajchenbach-Teller Dröge Quèze Øster Łukasz"
).split()
# split multi-word surnames back together
_LAST_JOIN = {"van": 3, "de": 2, "al-Rashid": 1, "Ó": 2}
ORG_WORDS = ("University of {c}", "{c} State University", "{c} College", "{w} Technologies Inc.",
             "{w} Consulting Group", "{w} Systems", "{w} Labs", "{w} & Partners LLP")
CITIES = ("Springfield Riverton Lakewood Fairview Georgetown Clinton Salem Madison Franklin "
          "Greenville Bristol Dover Oxford Arlington Ashland Burlington Manchester Milton "
          "Newport Auburn Dayton Lexington Milford Winchester Hudson Kingston Jackson Marion "
          "Chester Lincoln").split()
WORDS = ("Acme Globex Initech Umbrella Stark Wayne Hooli Vandelay Cyberdyne Soylent Tyrell "
         "Wonka Gringotts Oscorp Aperture Massive Dynamic Nakatomi Virtucon Monarch Sirius "
         "Paper Prestige Rekall Zorg Weyland Yoyodyne Duff Ollivander Krusty").split()
NICK = {"Robert": "Bob", "William": "Bill", "Richard": "Rick", "Michael": "Mike",
        "Elizabeth": "Liz", "Katherine": "Kate", "Christopher": "Chris", "Daniel": "Dan",
        "Thomas": "Tom", "James": "Jim", "Joseph": "Joe", "Samuel": "Sam", "Steven": "Steve",
        "Jennifer": "Jen", "Patricia": "Pat", "Alexander": "Alex", "Andrew": "Andy",
        "Margaret": "Peggy", "Edward": "Ed", "Benjamin": "Ben", "Anthony": "Tony",
        "Nicholas": "Nick", "Jonathan": "Jon", "Rebecca": "Becky", "Susan": "Sue"}
CREDENTIALS = ("PhD", "Ph.D.", "MBA", "SHRM-SCP", "CPA", "FACM", "SPHR", "MS")
HONORIFICS = ("Dr.", "Prof.", "Mr.", "Ms.")


def _surnames() -> list[str]:
    out, words, i = [], LAST, 0
    while i < len(words):
        n = _LAST_JOIN.get(words[i], 1)
        out.append(" ".join(words[i:i + n]))
        i += n
    return out


def _zipf_choice(rng: random.Random, items: list[str], s: float = 0.9) -> str:
    weights = [1 / (k + 1) ** s for k in range(len(items))]
    return rng.choices(items, weights)[0]


def synthetic_appearances(
    n_appearances: int = 10_000, n_people: int = 3_000, *, namesakes: float = 0.05, seed: int = 7,
    n_associations: int = 12, years=range(2015, 2025),
) -> pd.DataFrame:
    """Appearances of invented people with realistic printed variants and a share of namesakes.

    Each person has a middle initial (sometimes), a home association or two, an employer (a
    fifth change employer once) and a printed-name habit; each appearance prints the name as
    written, with initials, nickname, `Last, First`, ALL CAPS, credentials or honorifics, and an
    organization 70% of the time. `namesakes` of the people reuse another person's exact name.
    `truth` is the person.
    """
    rng = random.Random(seed)
    surnames = _surnames()
    orgs = sorted({t.format(c=c) for t in ORG_WORDS[:3] for c in CITIES}
                  | {t.format(w=w) for t in ORG_WORDS[3:] for w in WORDS})
    people: list[dict] = []
    taken: set[tuple[str, str]] = set()
    for pid in range(n_people):
        if people and rng.random() < namesakes:
            other = rng.choice(people)
            first, middle, last = other["first"], other["middle"], other["last"]
        else:  # common first and last names are common, but a full name is unique
            while True:
                first = _zipf_choice(rng, FIRST)
                last = _zipf_choice(rng, surnames, 0.7)
                if (first, last) not in taken:
                    break
            middle = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.3 else ""
            taken.add((first, last))
        assocs = rng.sample(range(n_associations), rng.choice((1, 1, 1, 2, 2, 3)))
        org = rng.choice(orgs)
        change = (rng.choice(list(years)[2:]), rng.choice(orgs)) if rng.random() < 0.2 else None
        people.append({"pid": pid, "first": first, "middle": middle, "last": last,
                       "assocs": assocs, "org": org, "change": change,
                       "weight": rng.paretovariate(1.5)})
    weights = [p["weight"] for p in people]
    # Every person appears at least once; the rest by a heavy-tailed activity.
    chosen = list(range(n_people)) + rng.choices(range(n_people), weights,
                                                 k=max(0, n_appearances - n_people))
    rng.shuffle(chosen)
    rows = []
    for n, pid in enumerate(chosen):
        person = people[pid]
        assoc = rng.choice(person["assocs"])
        year = rng.choice(list(years))
        org = person["org"]
        if person["change"] and year >= person["change"][0]:
            org = person["change"][1]
        session = f"s{rng.randrange(40)}"
        rows.append({
            "doc_id": f"assoc{assoc}-{year}", "source_path": f"assoc{assoc}/{year}/program.pdf",
            "page": 1 + rng.randrange(30), "role": rng.choice(("speaker", "panelist", "chair")),
            "person_name": _print_name(rng, person), "org_name": org if rng.random() < 0.7 else "",
            "title": "", "session": session, "award": "", "sponsor_tier": "", "booth": "",
            "association": f"assoc{assoc}", "event": "", "year": year, "source_person_id": "",
            "appearance_id": f"a{n}", "truth": pid,
        })
    return pd.DataFrame(rows)


def _print_name(rng: random.Random, person: dict) -> str:
    first, middle, last = person["first"], person["middle"], person["last"]
    r = rng.random()
    if r < 0.05 and first in NICK:
        first = NICK[first]
    elif r < 0.08:
        first = first[0] + "."
    mid = f" {middle}." if middle and rng.random() < 0.5 else ""
    style = rng.random()
    if style < 0.06:
        text = f"{last}, {first}{mid}"
    elif style < 0.10:
        text = f"{first}{mid} {last}".upper()
    else:
        text = f"{first}{mid} {last}"
    if rng.random() < 0.06:
        text = f"{text}, {rng.choice(CREDENTIALS)}"
    if rng.random() < 0.04:
        text = f"{rng.choice(HONORIFICS)} {text}"
    return text


# Four fields, each with the words its programs' titles are made of.
FIELD_WORDS = {
    "language": "parsing translation corpus lexical syntax semantic dialogue speech tagging "
                "embeddings multilingual summarization morphology discourse annotation",
    "plasma": "pulsed plasma discharge voltage switching cathode pinch diagnostics magnetron "
              "breakdown capacitor ionization electrode microwave accelerator",
    "health": "patient nursing clinical hospital staffing care outcomes readmission "
              "telehealth workforce burnout triage discharge wellness safety",
    "finance": "audit treasury ledger compliance taxation liquidity portfolio payroll "
               "forecasting procurement reporting controls valuation budgeting risk",
}
# Names borne by very many people (the namesakes a widening corpus meets first) and by few.
COMMON_FIRST = "Wei Jing Ming Ting Yang Li Min Jun Priya Amit Rahul Ji-woo Min-jun James John".split()
COMMON_LAST = "Wang Li Zhang Liu Chen Yang Huang Zhao Kim Lee Park Sharma Patel Singh Smith".split()


def cross_field_appearances(n_people: int = 2_000, *, namesakes: float = 0.08,
                            bridges: float = 0.03, seed: int = 11) -> pd.DataFrame:
    """Appearances in 12 associations of four unrelated fields (three each), with namesakes
    across fields and a few true people who cross fields.

    Each person belongs to one field and speaks at its associations, with an employer printed
    60% of the time and talk titles made of the field's words. `namesakes` of the people take
    the exact name of a person of another field (with their own employer and topics), drawn
    to favour common names; `bridges` of the people also speak in a second field under the
    same employer, printed on at least one appearance in each field (without it nothing but
    the name would link them, and keeping them apart would be right). `truth` is the person;
    `field` its home field.
    """
    rng = random.Random(seed)
    fields = list(FIELD_WORDS)
    vocab = {f: FIELD_WORDS[f].split() for f in fields}
    surnames = _surnames()
    orgs = sorted({t.format(c=c) for t in ORG_WORDS[:3] for c in CITIES}
                  | {t.format(w=w) for t in ORG_WORDS[3:] for w in WORDS})
    people: list[dict] = []
    taken: set[tuple[str, str]] = set()
    for pid in range(n_people):
        field = rng.choice(fields)
        others = [p for p in people[-200:] if p["field"] != field]
        if others and rng.random() < namesakes:
            first, last = rng.choice(others)["name"]
        else:
            while True:
                if rng.random() < 0.3:
                    first, last = rng.choice(COMMON_FIRST), rng.choice(COMMON_LAST)
                else:
                    first, last = _zipf_choice(rng, FIRST), _zipf_choice(rng, surnames, 0.7)
                if (first, last) not in taken:
                    break
            taken.add((first, last))
        second = rng.choice([f for f in fields if f != field]) if rng.random() < bridges else None
        people.append({"pid": pid, "field": field, "second": second, "name": (first, last),
                       "org": rng.choice(orgs), "n": 1 + int(rng.paretovariate(1.3))})
    rows = []
    for person in people:
        homes = [person["field"]] * person["n"]
        if person["second"]:
            homes += [person["second"]] * max(2, person["n"] // 2)
        printed: set[str] = set()
        for k, field in enumerate(homes):
            assoc = f"{field}{rng.randrange(3)}"
            year = rng.choice(range(2015, 2025))
            last_here = k == len(homes) - 1 or homes[k + 1] != field
            show_org = rng.random() < 0.6 or (person["second"] and last_here
                                              and field not in printed)
            if show_org:
                printed.add(field)
            title = " ".join(rng.sample(vocab[field], 5)).capitalize()
            rows.append({
                "doc_id": f"{assoc}-{year}", "source_path": f"{assoc}/{year}/program.pdf",
                "page": 1 + rng.randrange(30), "role": "speaker",
                "person_name": " ".join(person["name"]),
                "org_name": person["org"] if show_org else "", "title": title,
                "session": title, "award": "", "sponsor_tier": "", "booth": "",
                "association": assoc, "event": "", "year": year, "source_person_id": "",
                "appearance_id": f"x{person['pid']}-{k}", "truth": person["pid"],
                "field": person["field"],
            })
    return pd.DataFrame(rows)


def cross_field_errors(appearances: pd.DataFrame) -> dict[str, float]:
    """Of the namesake groups that span two fields: the share whose people of different
    fields were merged; of the people who cross fields: the share split across them."""
    merged_wrong = groups = 0
    by_name = appearances.groupby("person_name")
    for _, rows in by_name:
        truths = rows.groupby("truth")
        if truths.ngroups < 2 or rows["field"].nunique() < 2:
            continue
        groups += 1
        ids_of = [set(r["person_id"]) for _, r in truths]
        if any(a & b for i, a in enumerate(ids_of) for b in ids_of[i + 1:]):
            merged_wrong += 1
    crossing = split_wrong = 0
    for _, rows in appearances.groupby("truth"):
        if rows["association"].str.rstrip("0123456789").nunique() < 2:
            continue
        crossing += 1
        split_wrong += rows["person_id"].nunique() > 1
    return {"namesake_groups": groups, "wrong_merges": merged_wrong / max(groups, 1),
            "crossing_people": crossing, "wrong_splits": split_wrong / max(crossing, 1)}

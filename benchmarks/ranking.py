"""Ranking benchmark: precision@k of "truly recurring (>= 2 distinct events)" on the dev corpus.

The truth is computed from the raw documents, independently of our extractors, resolution and
`n_events`: a person is truly recurring when their printed name is found in the documents of at
least two distinct events (association + year). Text comes from pypdfium2 for PDFs and from the
file itself for structured files (JSON with its escapes decoded); award YAML entries count at
their own year; FOSDEM frab ids
give every name of a person id the years that id appears in.

    python benchmarks/ranking.py /tmp/rank-dev --raw ../shared/corpus/raw \
        --out benchmarks/RANKING.md
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml
from accuracy import pdf_text  # raw pypdfium2 text: the truth side reads no extractor of ours
from defusedxml import ElementTree

YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
KS = (10, 25, 50, 100)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"-\s*\n\s*", "", text)
    return " ".join(re.sub(r"[^\w\s'-]", " ", text).split())


def documents(raw: Path):
    """(event, folded text) pieces of every document; award YAML entries one by one."""
    for path in sorted(raw.rglob("*")):
        if not path.is_file() or path.name in {"sources.csv", "MANIFEST.tsv"}:
            continue
        rel = path.relative_to(raw).parts
        assoc = rel[0]
        years = [int(y) for part in rel[1:] for y in YEAR.findall(part)]
        if path.suffix in (".yml", ".yaml") and not years:
            for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                if isinstance(entry, dict) and entry.get("year"):
                    yield (assoc, int(entry["year"])), fold(" ".join(
                        str(v) for k, v in entry.items() if k in ("name", "citation")))
            continue
        event = (assoc, max(years) if years else path.name)
        if path.suffix.lower() == ".pdf":
            text = pdf_text(path)
        elif path.suffix.lower() == ".json":  # names as printed, not as \u00e9 escapes
            text = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
        yield event, fold(text)


def frab_ids(raw: Path) -> dict[str, set]:
    """Folded name -> events, through the person ids of frab XML schedules."""
    id_events: dict[str, set] = defaultdict(set)
    id_names: dict[str, set] = defaultdict(set)
    for path in raw.rglob("*.xml"):
        years = [int(y) for part in path.relative_to(raw).parts for y in YEAR.findall(part)]
        event = (path.relative_to(raw).parts[0], max(years) if years else path.name)
        for person in ElementTree.parse(path).iter("person"):
            pid = person.get("id")
            if pid and person.text:
                id_events[pid].add(event)
                id_names[pid].add(fold(person.text))
    by_name: dict[str, set] = defaultdict(set)
    for pid, names in id_names.items():
        for name in names:
            by_name[name] |= id_events[pid]
    return by_name


def ngrams(text: str) -> set[str]:
    tokens = text.split()
    return {" ".join(tokens[i:i + n]) for n in range(2, 6) for i in range(len(tokens) - n + 1)}


class Truth:
    def __init__(self, raw: Path):
        # Every 2- to 5-word run of each document, so a name lookup is a set membership.
        self.pieces = [(event, ngrams(text)) for event, text in documents(raw)]
        self.frab = frab_ids(raw)

    def events(self, name: str) -> set:
        folded = fold(name)
        tokens = folded.split()
        if len(tokens) < 2:  # a lone "Simon" matches everywhere: not counted
            return set(self.frab.get(folded, set()))
        variants = {folded, f"{tokens[-1]} {' '.join(tokens[:-1])}"}
        found = {event for event, grams in self.pieces if variants & grams}
        return found | self.frab.get(folded, set())


def precision(flags: list[bool], k: int) -> float:
    head = flags[:k]
    return sum(head) / len(head) if head else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("processed", type=Path)
    parser.add_argument("--raw", type=Path, default=Path("../shared/corpus/raw"))
    parser.add_argument("--weights", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)

    from pipeline.run.outputs import read_processed
    from pipeline.run.runner import shortlist_from_processed

    shortlist = shortlist_from_processed(args.processed, weights_path=args.weights)
    people = read_processed(args.processed)["people"]
    truth = Truth(args.raw)
    top = shortlist.head(max(KS))
    found = [truth.events(name) for name in top["name"]]
    flags = [len(events) >= 2 for events in found]
    # Baseline: raw degree (appearances), what "organizers and MCs crowd out mentors" means.
    by_degree = people.assign(n=people["n_appearances"].astype(int)).sort_values(
        ["n", "name"], ascending=[False, True]).head(max(KS))
    degree_flags = [len(truth.events(n)) >= 2 for n in by_degree["name"]]
    fosdem_years = {y for events in truth.frab.values() for a, y in events if a == "fosdem"}
    all_three = {name for name, events in truth.frab.items()
                 if {y for a, y in events if a == "fosdem"} == fosdem_years}

    def at_all_fosdems(events: set) -> bool:
        return {y for a, y in events if a == "fosdem"} == fosdem_years

    fosdem3_50 = sum(1 for e in found[:50] if at_all_fosdems(e))
    fosdem3_100 = sum(1 for e in found[:100] if at_all_fosdems(e))
    lines = [
        "# Ranking benchmark (issue 6)",
        "",
        f"`python benchmarks/ranking.py {args.processed} --raw {args.raw}` — shortlist from "
        "`shortlist_from_processed` with the packaged weights.",
        "",
        "Truth, independent of our extraction and resolution: the printed name is found "
        "(case- and accent-folded, `First Last` or `Last First`) in the raw text of documents "
        "of at least two distinct events (association + year); PDF text from pypdfium2, award "
        "YAML entries at their own year, FOSDEM frab person ids joining a person's years. "
        "Single-word names never count as recurring.",
        "",
        "| k | precision@k (shortlist) | precision@k (raw degree baseline) |",
        "|---|---|---|",
        *[f"| {k} | {precision(flags, k):.2f} | {precision(degree_flags, k):.2f} |" for k in KS],
        "",
        f"In the top 50: {sum(1 for e in found[:50] if any(a == 'sigcse' for a, _ in e))} "
        "people found in SIGCSE documents. People whose frab ids appear in all "
        f"{len(fosdem_years)} FOSDEM years ({len(all_three)} printed names): "
        f"{fosdem3_50} in the top 50, {fosdem3_100} in the top 100.",
        "",
        "Top 25 and their truth events:",
        "",
        "| rank | name | n_events (ours) | truth events |",
        "|---|---|---|---|",
        *[f"| {r.rank} | {r.name} | {r.n_events} | "
          f"{', '.join(f'{a} {y}' for a, y in sorted(found[i], key=str))} |"
          for i, r in enumerate(top.head(25).itertuples())],
        "",
        "Misses in the top 50 (found in fewer than two events):",
        "",
        *[f"- {r.rank}. {r.name} ({r.n_events} events by our count): "
          f"{', '.join(f'{a} {y}' for a, y in sorted(found[i], key=str)) or 'not found'}"
          for i, r in enumerate(top.head(50).itertuples()) if not flags[i]],
    ]
    report = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    sys.stdout.write(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

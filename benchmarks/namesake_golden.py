"""Hand-checked cross-field namesake benchmark (issue 20): score a run's person_ids against
`tests/golden/namesakes/cases.csv`.

Each case is a pair of appearances (source_path, page, printed name) in the real corpus with a
decision made by reading the documents: `same` person or `different` people. A run's
appearances.csv maps each appearance to person_ids; then

- a wrong merge is a `different` case whose two appearances share a person_id,
- a wrong split is a `same` case whose two appearances share none,
- a case whose appearance the run does not contain is "not found" (never counted as right).

Rates are per decision, over the cases found: wrong merges / found `different` cases, wrong splits /
found `same` cases; reported per half (built-on / held-out, see benchmarks/HELDOUT.md) and overall.
The issue's goals: wrong merges <= 2%, wrong splits <= 5%.

    python benchmarks/namesake_golden.py RUN_DIR [--cases tests/golden/namesakes/cases.csv]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "golden" / "namesakes" / "cases.csv"
HALVES = ("built-on", "held-out")
GOAL_MERGE = 0.02
GOAL_SPLIT = 0.05

csv.field_size_limit(sys.maxsize)


def norm_name(name: str) -> str:
    """Case-, diacritic- and punctuation-insensitive form of a printed name."""
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^\w\s]", "", s)  # Pon-Barry -> ponbarry, James W. -> james w
    return " ".join(s.split())


def norm_page(page) -> str:
    s = str(page if page is not None else "").strip()
    if s.endswith(".0"):
        s = s[:-2]
    return s


def load_cases(cases_csv: Path | str = CASES) -> list[dict]:
    with open(cases_csv, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def index_run(run_dir: Path | str) -> dict[tuple[str, str, str], set[str]]:
    """(source_path, page, normalized printed name) -> the person_ids the run gives it."""
    idx: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    with open(Path(run_dir) / "appearances.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pid = row.get("person_id") or ""
            if not pid:
                continue
            key = (row["source_path"], norm_page(row.get("page")), norm_name(row["person_name"]))
            idx[key].add(pid)
    return idx


def _lookup(idx, path: str, page, name: str) -> set[str]:
    return idx.get((path, norm_page(page), norm_name(name)), set())


def _rate(wrong: int, found: int) -> float | None:
    return wrong / found if found else None


def score(run_dir: Path | str, cases_csv: Path | str = CASES) -> dict:
    """Score one run. Returns {"halves": {half|"all": counts and rates}, "wrong": [...],
    "not_found": [...], "cases": [per-case outcome]}."""
    idx = index_run(run_dir)
    cases = load_cases(cases_csv)
    outcomes = []
    for c in cases:
        pa = _lookup(idx, c["source_path_a"], c["page_a"], c["name_a"])
        pb = _lookup(idx, c["source_path_b"], c["page_b"], c["name_b"])
        if not pa or not pb:
            missing = [side for side, p in (("a", pa), ("b", pb)) if not p]
            outcome = "not found (" + ",".join(missing) + ")"
        else:
            together = bool(pa & pb)
            if c["decision"] == "different":
                outcome = "wrong merge" if together else "right"
            else:
                outcome = "right" if together else "wrong split"
        outcomes.append({
            "case_id": c["case_id"], "name": c["name"], "half": c["half"],
            "decision": c["decision"], "outcome": outcome,
            "pids_a": sorted(pa), "pids_b": sorted(pb),
            # one printed name on one page given two person_ids: scored as together if any is shared
            "ambiguous": len(pa) > 1 or len(pb) > 1,
            "a": f'{c["source_path_a"]}' + (f' p{c["page_a"]}' if c["page_a"] else ""),
            "b": f'{c["source_path_b"]}' + (f' p{c["page_b"]}' if c["page_b"] else ""),
        })

    halves = {}
    for half in (*HALVES, "all"):
        sel = [o for o in outcomes if half == "all" or o["half"] == half]
        diff = [o for o in sel if o["decision"] == "different"]
        same = [o for o in sel if o["decision"] == "same"]
        found_diff = [o for o in diff if not o["outcome"].startswith("not found")]
        found_same = [o for o in same if not o["outcome"].startswith("not found")]
        merges = sum(o["outcome"] == "wrong merge" for o in found_diff)
        splits = sum(o["outcome"] == "wrong split" for o in found_same)
        found = len(found_diff) + len(found_same)
        halves[half] = {
            "cases": len(sel), "same": len(same), "different": len(diff),
            "found_same": len(found_same), "found_different": len(found_diff),
            "not_found": len(sel) - found,
            "wrong_merges": merges, "wrong_splits": splits,
            "wrong_merge_rate": _rate(merges, len(found_diff)),
            "wrong_split_rate": _rate(splits, len(found_same)),
            # the same errors over every found case, for comparison with other readings of the goal
            "wrong_merge_rate_of_found": _rate(merges, found),
            "wrong_split_rate_of_found": _rate(splits, found),
        }
    return {
        "halves": halves,
        "wrong": [o for o in outcomes if o["outcome"] in ("wrong merge", "wrong split")],
        "not_found": [o for o in outcomes if o["outcome"].startswith("not found")],
        "cases": outcomes,
        "goals": {"wrong_merge_rate": GOAL_MERGE, "wrong_split_rate": GOAL_SPLIT},
    }


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def _case_line(o: dict, *, ids: bool = False, half: bool = True) -> str:
    """`- N001 wrong merge (built-on): Ting Liu — a.pdf p8 pid | b.pdf p44 pid`."""
    where = f' ({o["half"]})' if half else ""
    a = f'{o["a"]} {",".join(o["pids_a"])}' if ids else o["a"]
    b = f'{o["b"]} {",".join(o["pids_b"])}' if ids else o["b"]
    return f'- {o["case_id"]} {o["outcome"]}{where}: {o["name"]} — {a} | {b}'


def format_table(result: dict) -> str:
    lines = [
        "| half | cases (same/different) | found (same/different) | not found | wrong merges | "
        "wrong merge rate | wrong splits | wrong split rate |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for half, h in result["halves"].items():
        lines.append(
            f'| {half} | {h["cases"]} ({h["same"]}/{h["different"]}) | '
            f'{h["found_same"] + h["found_different"]} '
            f'({h["found_same"]}/{h["found_different"]}) | '
            f'{h["not_found"]} | {h["wrong_merges"]} | {_pct(h["wrong_merge_rate"])} | '
            f'{h["wrong_splits"]} | {_pct(h["wrong_split_rate"])} |'
        )
    lines.append("")
    lines.append(f'Goals: wrong merges <= {_pct(GOAL_MERGE)} of found `different` cases, '
                 f'wrong splits <= {_pct(GOAL_SPLIT)} of found `same` cases.')
    if result["wrong"]:
        lines.append("")
        lines.append("Wrong cases:")
        lines += [_case_line(o, ids=True) for o in result["wrong"]]
    ambiguous = [o for o in result["cases"] if o["ambiguous"]]
    if ambiguous:
        lines.append("")
        lines.append("Appearances given more than one person_id on one page "
                     "(together if any is shared):")
        lines += [_case_line(o, ids=True, half=False) for o in ambiguous]
    if result["not_found"]:
        lines.append("")
        lines.append("Not found in the run:")
        lines += [_case_line(o) for o in result["not_found"]]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run_dir", help="a mentor-miner run's output folder (with appearances.csv)")
    ap.add_argument("--cases", default=str(CASES), help="cases CSV (default: %(default)s)")
    args = ap.parse_args(argv)
    print(format_table(score(args.run_dir, args.cases)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Accuracy on structured files and web pages against hand-written goldens, by half.

Every `tests/golden/structured/<source path with / as __>.csv` was written by reading the file
(never from the tool's output). This runs the CLI over `../shared/corpus/raw` (or reads a
finished run with --run) and scores each golden file: people with the right role (precision,
recall, F1), people by name alone, organizations with the right role, and, of the matched rows,
year, award and tier right. Halves follow `benchmarks/HELDOUT.md` (by association).

    python benchmarks/structured_accuracy.py --out benchmarks/STRUCTURED.md
    python benchmarks/structured_accuracy.py --half built-on   # while building: no held-out file
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "structured"
CORPUS = ROOT.parent / "shared" / "corpus" / "raw"
HELDOUT = {"3dv", "apbc", "balkan-archaeology", "enhancer", "hkkc", "ieee-aicas", "ieee-vr",
           "ikcu-ftr", "kyushu-clinphy", "lsk", "pycon-uk", "siam-siagla", "vssup"}
ORG_ROLES = {"sponsor", "exhibitor"}


def norm(text: object) -> str:
    """Names compared without case, accents, punctuation or initials' dots.

    >>> norm("Dr. José  O'Neil-Smith"), norm("A.S. Householder")
    ('jose oneilsmith', 'as householder')
    """
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    text = re.sub(r"^(dr|prof|mr|mrs|ms)\.?\s+", "", text.lower().strip())
    return " ".join(re.sub(r"[^\w\s]", "", text).split())


def golden_files() -> dict[str, Path]:
    """source_path -> golden file."""
    return {p.name.removesuffix(".csv").replace("__", "/"): p for p in sorted(GOLDEN.glob("*.csv"))}


def half(source_path: str) -> str:
    return "held-out" if source_path.split("/")[0] in HELDOUT else "built-on"


def _prf(tp: int, predicted: int, truth: int) -> tuple[float, float, float]:
    precision = tp / predicted if predicted else (1.0 if not truth else 0.0)
    recall = tp / truth if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_file(truth: pd.DataFrame, found: pd.DataFrame) -> dict:
    """Counts for one file: people (role and name), organizations, fields of matched rows."""
    def keys(frame, with_role=True, orgs=False):
        rows = frame[frame["role"].isin(ORG_ROLES) == orgs]
        col = "org_name" if orgs else "person_name"
        return {((r["role"] if with_role else ""), norm(r[col])) for _, r in rows.iterrows()
                if norm(r[col])}

    out = {}
    for label, with_role, orgs in (("people_role", True, False), ("people_name", False, False),
                                   ("orgs_role", True, True)):
        t, f = keys(truth, with_role, orgs), keys(found, with_role, orgs)
        out[label] = (len(t & f), len(f), len(t))
    def key(r):
        return (r["role"], norm(r["org_name"] if r["role"] in ORG_ROLES else r["person_name"]))

    found_by_key: dict = {}
    for _, r in found.iterrows():
        found_by_key.setdefault(key(r), []).append(r)
    for column in ("year", "award", "sponsor_tier"):
        right = total = 0
        for _, r in truth.iterrows():
            if not str(r[column]) or key(r) not in found_by_key:
                continue
            total += 1
            values = {str(f[column]).removesuffix(".0").casefold() for f in found_by_key[key(r)]}
            right += str(r[column]).casefold() in values
        out[column] = (right, total)
    return out


def gather_half(name: str, into: Path) -> Path:
    """A copy of the golden-scored files of one half (paths kept), so that a builder's run
    reads no held-out file (and runs faster than over the whole corpus)."""
    for source_path in golden_files():
        if half(source_path) == name and (CORPUS / source_path).is_file():
            target = into / source_path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(CORPUS / source_path, target)
    return into


def run_corpus(out: Path, raw: Path = CORPUS) -> Path:
    command = str(Path(sys.executable).with_name("mentor-miner"))
    subprocess.run([command, "-q", "run", str(raw), "--out",
                    str(out), "--silent", "--no-cache"], check=False, cwd=ROOT)
    return out


def measure(run: Path, only: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    appearances = pd.read_csv(run / "appearances.csv", dtype=str, keep_default_na=False)
    documents = pd.read_csv(run / "documents.csv", dtype=str, keep_default_na=False)
    rows = []
    for source_path, golden in golden_files().items():
        if only and half(source_path) != only:
            continue
        truth = pd.read_csv(golden, dtype=str, keep_default_na=False)
        found = appearances[appearances["source_path"] == source_path]
        status = documents.loc[documents["source_path"] == source_path, "status"]
        counts = score_file(truth, found)
        row = {"file": source_path, "half": half(source_path),
               "status": status.iloc[0] if len(status) else "missing"}
        for label, value in counts.items():
            row[label] = value
        rows.append(row)
    per_file = pd.DataFrame(rows)
    summary = []
    for name, group in [("built-on", per_file[per_file["half"] == "built-on"]),
                        ("held-out", per_file[per_file["half"] == "held-out"]),
                        ("all", per_file)]:
        if group.empty or (name == "all" and per_file["half"].nunique() < 2):
            continue
        line = {"half": name, "files": len(group)}
        for label in ("people_role", "people_name", "orgs_role"):
            tp, predicted, truth = (sum(v[i] for v in group[label]) for i in range(3))
            p, r, f = _prf(tp, predicted, truth)
            line[label] = f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp}/{truth})"
        for column in ("year", "award", "sponsor_tier"):
            right, total = (sum(v[i] for v in group[column]) for i in range(2))
            line[column] = f"{right / total:.3f} ({right}/{total})" if total else "–"
        summary.append(line)
    return per_file, pd.DataFrame(summary)


def render(per_file: pd.DataFrame, summary: pd.DataFrame) -> str:
    lines = ["# Accuracy on structured files and web pages", "",
             "Produced by `python benchmarks/structured_accuracy.py --out "
             "benchmarks/STRUCTURED.md`. Truth: `tests/golden/structured/`, written by reading "
             "each file. Halves: `benchmarks/HELDOUT.md` (split by association, chosen before "
             "building). Year, award and tier: of the matched rows whose truth has a value.", "",
             "| half | files | people with role | people by name | organizations with role | "
             "year | award | tier |", "|---|---|---|---|---|---|---|---|"]
    for row in summary.itertuples():
        lines.append(f"| {row.half} | {row.files} | {row.people_role} | {row.people_name} | "
                     f"{row.orgs_role} | {row.year} | {row.award} | {row.sponsor_tier} |")
    lines += ["", "## Per file", "", "| file | half | status | people with role F1 (tp/found/truth)"
              " | by name F1 | organizations F1 |", "|---|---|---|---|---|---|"]
    for row in per_file.itertuples():
        cells = []
        for label in ("people_role", "people_name", "orgs_role"):
            tp, predicted, truth = getattr(row, label)
            cells.append(f"{_prf(tp, predicted, truth)[2]:.2f} ({tp}/{predicted}/{truth})")
        lines.append(f"| {row.file} | {row.half} | {row.status} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, help="a finished run's output folder")
    parser.add_argument("--out", type=Path, help="write the Markdown report here")
    parser.add_argument("--half", choices=("built-on", "held-out"),
                        help="run over (and score) this half's golden files only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw = gather_half(args.half, Path(tmp) / "raw") if args.half else CORPUS
        run = args.run or run_corpus(Path(tmp) / "out", raw)
        per_file, summary = measure(run, args.half)
        report = render(per_file, summary)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()

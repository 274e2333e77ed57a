"""Fuzz the extractors with mutated copies of real files: every file gets a status, none crashes.

    python benchmarks/fuzz.py --rounds 200          # the longer run (minutes)

tests/test_fuzz.py runs a bounded version of the same loop on every test run.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ("fosdem/2014/schedule.xml", "pyconfr/2024/schedule.json",
         "global-azure-linz/2020/sessionize.json", "sigcse/awards/distinguished.yml",
         "sigcse/awards/2021-11-02-2022-Awards.md", "sigcse/2018/supporters.yml",
         "sigcse/2017/sigcse2017-best-paper-and-exemplary-paper-awards.pdf")


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One of: flip bytes, truncate, duplicate a slice, splice junk, delete a slice."""
    if not data:
        return bytes(rng.randrange(256) for _ in range(64))
    data = bytearray(data)
    kind = rng.randrange(5)
    if kind == 0:
        for _ in range(rng.randint(1, 50)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:
        del data[rng.randrange(len(data)):]
    elif kind == 2:
        start = rng.randrange(len(data))
        chunk = data[start:start + rng.randint(1, 4096)]
        data[start:start] = chunk * rng.randint(1, 20)
    elif kind == 3:
        at = rng.randrange(len(data))
        data[at:at] = rng.choice([b"<<<<", b"{{{{[[[[", b"\x00" * 64, b"%PDF-1.7\n", b"&amp;",
                                  b"\xff\xfe", b"- - -\n: :", b"endobj endstream"])
    else:
        start = rng.randrange(len(data))
        del data[start:start + rng.randint(1, len(data) // 4 + 1)]
    return bytes(data)


def make_mutants(corpus: Path, folder: Path, rounds: int, seed: int) -> list[str]:
    """Write `rounds` mutants of each seed file under folder/fuzz/<n>/; return their paths."""
    rng = random.Random(seed)
    written = []
    for n in range(rounds):
        for rel in SEEDS:
            data = (corpus / rel).read_bytes()
            target = folder / "fuzz" / f"{2000 + n % 30}" / f"m{n:04d}-{Path(rel).name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(mutate(data, rng))
            written.append(target.relative_to(folder).as_posix())
    return written


def main() -> int:
    from click.testing import CliRunner

    from pipeline.cli import cli

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "raw")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "out"
        mutants = make_mutants(args.corpus, raw, args.rounds, args.seed)
        result = CliRunner().invoke(cli, ["-q", "run", str(raw), "--out", str(out), "--silent",
                                          "--no-cache", "--timeout", "60"])
        print(result.output[-2000:])
        if result.exception and not isinstance(result.exception, SystemExit):
            import traceback

            traceback.print_exception(result.exception)
        import pandas as pd

        documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
        print(documents["status"].value_counts().to_string())
        missing = set(mutants) - set(documents["source_path"])
        print(f"{len(mutants)} mutants, exit code {result.exit_code}, {len(missing)} missing")
        return 0 if result.exit_code in (0, 3) and not missing else 1


if __name__ == "__main__":
    sys.exit(main())

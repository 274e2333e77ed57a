"""Write pipeline/text/data/given_names.tsv.gz and surnames.tsv.gz: the given names of
pipeline/text/data/name_frequency.tsv.gz that at least GIVEN_FLOOR of some naming region's
people bear, and the surnames at least SURNAME_FLOOR bear, each with that largest share.

A worker asks only "is this a given name people bear?" of the lines of pages the layout rules
could not read (`pipeline.stages.recognize.unread`), and "is this a surname?" of a name printed
surname first in capitals (`pipeline.text.lines.surname_first`); parsing the full table for it
costs 0.4 s a process, these files 0.03 s. Run again after scripts/build_name_frequency.py:

    python scripts/build_given_names.py
"""

from __future__ import annotations

import gzip
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.text.namefreq import _table, given_name_share, surname_share  # noqa: E402

GIVEN_FLOOR = 1e-5  # pipeline.stages.recognize.unread.GIVEN_NAME_SHARE may not go below this
SURNAME_FLOOR = 1e-4  # pipeline.text.lines.SURNAME_FIRST_SHARE may not go below this
DATA = ROOT / "pipeline" / "text" / "data"


def _write(out_path: Path, kind: str, shares: dict[str, float], floor: float) -> int:
    kept = sorted((name, share) for name, share in shares.items() if share >= floor)
    tmp = out_path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# written by scripts/build_given_names.py; floor {floor:g}\n")
        out.write(f"# {kind}\tlog10 of the largest share of a region's people\n")
        for name, share in kept:
            out.write(f"{name}\t{math.log10(share):.2f}\n")
    tmp.replace(out_path)
    print(f"{len(kept)} {kind}s written to {out_path}")
    return len(kept)


def main() -> int:
    _, given, surnames = _table()
    _write(DATA / "given_names.tsv.gz", "given name",
           {name: given_name_share(name) for name in given}, GIVEN_FLOOR)
    _write(DATA / "surnames.tsv.gz", "surname",
           {name: surname_share(name) for name in surnames}, SURNAME_FLOOR)
    return 0


if __name__ == "__main__":
    sys.exit(main())

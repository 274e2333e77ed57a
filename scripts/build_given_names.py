"""Write pipeline/text/data/given_names.tsv.gz: the given names of
pipeline/text/data/name_frequency.tsv.gz that at least GIVEN_FLOOR of some naming region's
people bear, with that largest share.

A worker asks only "is this a given name people bear?" of the lines of pages the layout rules
could not read (`pipeline.stages.recognize.unread`); parsing the full table for it costs 0.4 s
a process, this file 0.03 s. Run again after scripts/build_name_frequency.py:

    python scripts/build_given_names.py
"""

from __future__ import annotations

import gzip
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.text.namefreq import _table, given_name_share  # noqa: E402

GIVEN_FLOOR = 1e-5  # pipeline.stages.recognize.unread.GIVEN_NAME_SHARE may not go below this
OUT = ROOT / "pipeline" / "text" / "data" / "given_names.tsv.gz"


def main() -> int:
    names = {name: given_name_share(name) for name in _table()[1]}
    kept = sorted((name, share) for name, share in names.items() if share >= GIVEN_FLOOR)
    tmp = OUT.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# written by scripts/build_given_names.py; floor {GIVEN_FLOOR:g}\n")
        out.write("# given name\tlog10 of the largest share of a region's people\n")
        for name, share in kept:
            out.write(f"{name}\t{math.log10(share):.2f}\n")
    tmp.replace(OUT)
    print(f"{len(kept)} given names written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A bounded fuzz run: mutated copies of real files never crash the run; each gets a status."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.tables import STATUSES

_SPEC = importlib.util.spec_from_file_location(
    "fuzz", Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fuzz)


def test_fuzz_mutated_real_files_each_get_a_status(raw_corpus, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    mutants = fuzz.make_mutants(raw_corpus, raw, rounds=5, seed=7)

    result = CliRunner().invoke(cli, ["-q", "run", str(raw), "--out", str(out), "--silent",
                                      "--no-cache", "--jobs", "2", "--timeout", "60"])

    assert result.exit_code in (0, 3), result.output
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert sorted(documents["source_path"]) == sorted(mutants)
    assert set(documents["status"]) <= set(STATUSES)
    failed = documents[documents["status"] == "error"]
    for row in failed.itertuples():
        assert row.message.startswith(f"{row.source_path}: ") and len(row.message) > 20
        # A cause we anticipated, not the runner's catch-all for an exception we did not.
        assert not row.message.startswith(f"{row.source_path}: unexpected "), row.message


def test_fuzz_mutations_are_deterministic():
    import random

    data = b"<schedule><event/></schedule>" * 20
    assert fuzz.mutate(data, random.Random(3)) == fuzz.mutate(data, random.Random(3))

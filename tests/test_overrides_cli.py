"""Overrides end to end through the CLI: merge two people, split one, rerun, and see it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from pipeline.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _run(raw: Path, out: Path, overrides: Path) -> pd.DataFrame:
    result = CliRunner().invoke(cli, ["-q", "run", str(raw), "--out", str(out), "--silent",
                                      "--no-cache", "--jobs", "1", "--overrides", str(overrides)])
    assert result.exit_code == 0, result.output
    return pd.read_csv(out / "appearances.csv", dtype=str, keep_default_na=False)


def test_overrides_cli_merge_and_split_survive_reruns(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "data" / "raw", raw)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    out = tmp_path / "out"
    before = _run(raw, out, overrides)
    people = before[before["person_id"] != ""].groupby("person_id")
    # Two different people to merge, and one person seen in two documents to split.
    ids = list(people.size().sort_values(ascending=False).index)
    keep, absorb = ids[0], ids[1]
    multi = before[before["person_id"] == ids[2]]
    split_path = sorted(set(multi["source_path"]))[0]
    (overrides / "merge.csv").write_text(f"person_id,into_person_id\n{absorb},{keep}\n")
    (overrides / "split.csv").write_text(
        f"person_id,source_path,org,name\n{ids[2]},{split_path},,\n")
    written = {p.name: p.read_bytes() for p in overrides.iterdir()}

    for _ in range(2):  # the overrides apply on every run
        after = _run(raw, out, overrides)
        merged = set(after.loc[before["person_id"].isin([keep, absorb]).values, "person_id"])
        assert merged == {keep}
        split_rows = after[(before["person_id"] == ids[2]).values]
        in_path = set(split_rows.loc[split_rows["source_path"] == split_path, "person_id"])
        elsewhere = set(split_rows.loc[split_rows["source_path"] != split_path, "person_id"])
        assert len(in_path) == 1 and in_path != elsewhere
    assert {p.name: p.read_bytes() for p in overrides.iterdir()} == written  # never written


def test_overrides_cli_merge_csv_saved_by_excel(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "data" / "raw", raw)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    before = _run(raw, tmp_path / "out", overrides)
    ids = list(before[before["person_id"] != ""].groupby("person_id").size()
               .sort_values(ascending=False).index)
    # Excel in a French locale: Windows-1252, semicolons, CRLF, and a note with an accent.
    (overrides / "merge.csv").write_bytes(
        f"person_id;into_person_id;note\r\n{ids[1]};{ids[0]};même personne\r\n".encode("cp1252"))

    after = _run(raw, tmp_path / "out", overrides)

    assert set(after.loc[before["person_id"].isin(ids[:2]).values, "person_id"]) == {ids[0]}

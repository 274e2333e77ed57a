"""Same results however the per-document work runs: 1 or 2 workers, local pool or Dask."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli

FILES = ("sigcse/2016/SIGCSE2016-Preliminary-Program.pdf", "fosdem/2014/schedule.xml",
         "global-azure-linz/2020/sessionize.json", "sigcse/awards/distinguished.yml",
         "mzv-workshop/2024/program.pdf")
TABLES = ("documents.csv", "appearances.csv", "people.csv", "organizations.csv",
          "shortlist.csv")


@pytest.fixture(scope="module")
def small_raw(raw_corpus, tmp_path_factory) -> Path:
    raw = tmp_path_factory.mktemp("small-raw")
    for rel in FILES:
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(raw_corpus / rel, raw / rel)
    return raw


def _run(raw: Path, out: Path, *args: str) -> dict[str, pd.DataFrame]:
    result = CliRunner().invoke(cli, ["-q", "run", str(raw), "--out", str(out), "--silent",
                                      "--no-cache", *args])
    assert result.exit_code == 0, result.output
    tables = {name: pd.read_csv(out / name, dtype=str, keep_default_na=False) for name in TABLES}
    tables["graph.graphml"] = (out / "graph.graphml").read_bytes()
    return tables


@pytest.fixture(scope="module")
def one_worker(small_raw, tmp_path_factory):
    return _run(small_raw, tmp_path_factory.mktemp("jobs1"), "--jobs", "1")


def _assert_same(a: dict, b: dict) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)
    assert a["graph.graphml"] == b["graph.graphml"]


def test_scale_two_workers_equal_one(small_raw, one_worker, tmp_path):
    assert len(one_worker["appearances.csv"]) > 500
    _assert_same(one_worker, _run(small_raw, tmp_path, "--jobs", "2"))


def test_scale_in_process_equals_pool(small_raw, one_worker, tmp_path):
    _assert_same(one_worker, _run(small_raw, tmp_path, "--jobs", "0"))


def test_scale_dask_local_cluster_equals_local(small_raw, one_worker, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        dask_run = _run(small_raw, tmp_path, "--executor", "dask",
                        "--scheduler", cluster.scheduler_address)
    _assert_same(one_worker, dask_run)


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "foo://scheduler:8786"])
def test_scale_dask_unreachable_scheduler_is_a_clear_error(small_raw, tmp_path, address):
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.distributed")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        result = CliRunner().invoke(cli, ["-q", "run", str(small_raw), "--out", str(tmp_path),
                                          "--silent", "--no-cache", "--executor", "dask",
                                          "--scheduler", address])

    assert result.exit_code == 1
    assert f"Error: {address}: cannot reach the Dask scheduler (" in result.output
    assert not (tmp_path / "people.csv").exists()

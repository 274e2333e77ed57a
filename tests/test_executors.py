"""executors: a slow, hungry or crashing document fails alone; the others go on."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from pipeline.run.executors import Limits, run_local


def _work(doc, *, model=None):
    kind = doc["kind"]
    if kind == "slow":
        time.sleep(30)
    elif kind == "hungry":
        hog = bytearray(2 * 1024**3)  # 2 GiB against a 512 MB ceiling
        return len(hog)
    elif kind == "crash":
        os._exit(9)
    return ("ok", doc["doc_id"])


def _failed(doc, reason):
    return ("error", doc["doc_id"], reason)


def _run(docs, **limits):
    return sorted(
        run_local(_work, docs, jobs=2, model=None, limits=Limits(**limits), on_failure=_failed),
        key=lambda r: r[1],
    )


def test_executors_time_limit_stops_one_document():
    docs = [{"doc_id": "a", "kind": "fine"}, {"doc_id": "b", "kind": "slow"}]

    results = _run(docs, timeout_s=1.0, memory_mb=0)

    assert results[0] == ("ok", "a")
    assert results[1][:2] == ("error", "b")


def test_executors_memory_ceiling_fails_one_document():
    from pipeline.errors import MentorMinerError  # noqa: F401  (the worker imports it too)

    docs = [{"doc_id": "a", "kind": "hungry"}, {"doc_id": "b", "kind": "fine"}]

    results = run_local(_guarded, docs, jobs=1, model=None,
                        limits=Limits(timeout_s=30, memory_mb=512), on_failure=_failed)

    assert sorted(results, key=lambda r: r[1]) == [("error", "a", "MemoryError"), ("ok", "b")]


def _guarded(doc, *, model=None):
    try:
        return _work(doc)
    except MemoryError:
        return ("error", doc["doc_id"], "MemoryError")


def test_executors_crashed_worker_fails_only_its_document():
    docs = [{"doc_id": c, "kind": k} for c, k in (("a", "fine"), ("b", "crash"), ("c", "fine"))]

    results = _run(docs, timeout_s=30, memory_mb=0)

    assert results[0] == ("ok", "a") and results[2] == ("ok", "c")
    assert results[1][:2] == ("error", "b")
    assert "died" in results[1][2]


def _loaded_model(doc, *, model=None):
    import sys

    from pipeline.text.nlp import load_nlp

    # Loaded by the pool's initializer before this document: the cached object is reused.
    return ("ok", doc["doc_id"], load_nlp.cache_info().currsize, "spacy" in sys.modules)


def test_executors_started_pool_loads_the_model_before_the_first_document():
    from pipeline.run.executors import start_pool
    from pipeline.text.nlp import load_nlp

    load_nlp.cache_clear()  # a worker forked from this process would inherit a loaded model
    limits = Limits(timeout_s=60, memory_mb=0)
    pool = start_pool(1, model="blank", limits=limits)
    docs = [{"doc_id": "a", "kind": "fine"}, {"doc_id": "b", "kind": "fine"}]

    results = sorted(run_local(_loaded_model, docs, jobs=1, model="blank", limits=limits,
                               on_failure=_failed, pool=pool), key=lambda r: r[1])

    assert results == [("ok", "a", 1, True), ("ok", "b", 1, True)]


def test_executors_stop_pool_kills_workers_still_starting():
    from pipeline.run.executors import start_pool, stop_pool

    pool = start_pool(2, model="blank", limits=Limits(timeout_s=60, memory_mb=0))
    pool.starter.join()  # the thread that starts them (from the fork server on Linux)
    workers = list(pool._processes.values())
    assert len(workers) == 2

    stop_pool(pool)

    # A worker's sentinel is ready once it has exited (the pool's own thread may reap it first,
    # which leaves Process.is_alive unable to tell).
    from multiprocessing.connection import wait

    for worker in workers:
        assert wait([worker.sentinel], timeout=10) == [worker.sentinel]


def _caller_context(doc, *, model=None):
    import logging

    return ("ok", doc["doc_id"], os.environ.get("MENTOR_MINER_TEST_MARK"), os.getcwd(),
            logging.getLogger("pipeline").getEffectiveLevel())


def test_executors_started_workers_get_the_callers_environment_folder_and_log_level(
        tmp_path, monkeypatch):
    """A worker forked by the fork server, started before this test set anything, still sees
    what the caller has now (`--ocr` is passed to workers as an environment variable)."""
    import logging

    from pipeline.run.executors import start_pool, stop_pool

    limits = Limits(timeout_s=60, memory_mb=0)
    stop_pool(start_pool(1, model="blank", limits=limits))  # the fork server runs from here on
    monkeypatch.setenv("MENTOR_MINER_TEST_MARK", "set-after-the-server-started")
    monkeypatch.chdir(tmp_path)
    logger = logging.getLogger("pipeline")
    monkeypatch.setattr(logger, "level", logging.DEBUG)
    pool = start_pool(1, model="blank", limits=limits)

    results = list(run_local(_caller_context, [{"doc_id": "a", "kind": "fine"}], jobs=1,
                             model="blank", limits=limits, on_failure=_failed, pool=pool))

    assert results == [("ok", "a", "set-after-the-server-started", str(tmp_path),
                        logging.DEBUG)]


_ORPHAN_PARENT = """
import sys
sys.path.insert(0, "tests")
from pipeline.run.executors import Limits, run_local, start_pool
from test_executors import _report_and_wait

limits = Limits(timeout_s=120, memory_mb=0)
pool = start_pool(2, model="blank", limits=limits)
docs = [{"doc_id": str(k), "kind": sys.argv[1]} for k in range(2)]
list(run_local(_report_and_wait, docs, jobs=2, model="blank", limits=limits,
               on_failure=lambda doc, reason: None, pool=pool))
"""


def _report_and_wait(doc, *, model=None):
    folder = Path(doc["kind"])
    (folder / f"{os.getpid()}.pid").write_text("")
    time.sleep(60)
    return ("ok", doc["doc_id"])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_executors_workers_end_when_the_run_is_killed(tmp_path):
    """A run killed outright (SIGKILL: no cleanup at all) leaves no worker behind: each one
    notices within seconds that its parent is gone."""
    import signal
    import subprocess

    root = Path(__file__).resolve().parents[1]
    parent = subprocess.Popen([sys.executable, "-c", _ORPHAN_PARENT, str(tmp_path)], cwd=root)
    try:
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob("*.pid"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = [int(p.stem) for p in tmp_path.glob("*.pid")]
        assert len(workers) == 2
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()

    deadline = time.monotonic() + 15
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [pid for pid in alive if _running(pid)]
    assert alive == []


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False

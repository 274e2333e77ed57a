"""executors: a slow, hungry or crashing document fails alone; the others go on."""

from __future__ import annotations

import os
import time

from pipeline.executors import Limits, run_local


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

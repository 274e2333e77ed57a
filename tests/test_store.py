"""store: atomic writes, formula neutralization, the output lock."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from pipeline.errors import OutputLocked
from pipeline.run.store import atomic_write, output_lock, read_csv, write_csv


def test_store_neutralizes_formulas_but_not_numbers(tmp_path):
    table = pd.DataFrame({"name": ["=HYPERLINK(\"x\")", "@SUM(A1)", "-ray", "Ann"],
                          "n": [-3, 1, 2, 3]})

    write_csv(table, tmp_path / "t.csv")

    raw = pd.read_csv(tmp_path / "t.csv", dtype=str)
    assert list(raw["name"]) == ["'=HYPERLINK(\"x\")", "'@SUM(A1)", "'-ray", "Ann"]
    assert list(raw["n"]) == ["-3", "1", "2", "3"]
    assert list(read_csv(tmp_path / "t.csv")["name"]) == list(table["name"])


def test_store_atomic_write_keeps_old_file_on_failure(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")

    with pytest.raises(RuntimeError), atomic_write(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("killed")

    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_store_lock_refuses_second_run(tmp_path):
    with output_lock(tmp_path):
        with pytest.raises(OutputLocked, match="another mentor-miner run"):
            with output_lock(tmp_path):
                pass
    assert not (tmp_path / ".mentor-miner.lock").exists()


def test_store_stale_lock_of_dead_process_is_taken_over(tmp_path):
    (tmp_path / ".mentor-miner.lock").write_text("999999999")
    with output_lock(tmp_path):
        assert (tmp_path / ".mentor-miner.lock").read_text() == str(os.getpid())


def test_store_graph_with_control_characters_writes_as_graphml(tmp_path):
    # Found by benchmarks/fuzz.py: an ESC byte in a mutated award list broke graph.graphml.
    import networkx as nx

    from pipeline.run.store import graph_safe

    graph = nx.MultiDiGraph()
    graph.add_node("award:Best\x1b Paper", type="award", label="Best\x1b Paper")
    graph.add_node("person:p1", type="person", label="Ann\x00 Lee")
    graph.add_edge("person:p1", "award:Best\x1b Paper", relation="received", year=2020)

    nx.write_graphml(graph_safe(graph), tmp_path / "g.graphml")

    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.nodes["person:p1"]["label"] == "Ann Lee"
    assert "award:Best Paper" in back


def test_store_write_graphml_reads_back_as_networkx_writes_it(tmp_path):
    import networkx as nx
    import numpy as np

    from pipeline.run.store import graph_safe, write_graphml

    graph = nx.MultiDiGraph()
    graph.add_node("award:Best\x1b Paper", type="award", label="Best\x1b Paper")
    graph.add_node("person:p1", type="person", label='Ann <"Lee"> & co', score=np.float64(0.5),
                   events=np.int64(3), recognized=True)
    graph.add_edge("person:p1", "award:Best\x1b Paper", relation="received", year=2020)
    graph.add_edge("person:p1", "award:Best\x1b Paper", relation="received", year=2021)

    write_graphml(graph, tmp_path / "ours.graphml")
    nx.write_graphml(graph_safe(graph), tmp_path / "networkx.graphml")

    ours, theirs = nx.read_graphml(tmp_path / "ours.graphml"), nx.read_graphml(
        tmp_path / "networkx.graphml")
    assert dict(ours.nodes(data=True)) == dict(theirs.nodes(data=True))
    assert ours.nodes["person:p1"] == {"type": "person", "label": 'Ann <"Lee"> & co',
                                       "score": 0.5, "events": 3, "recognized": True}
    assert sorted(ours.edges(keys=True, data="year")) == sorted(
        theirs.edges(keys=True, data="year")) == [
        ("person:p1", "award:Best Paper", 0, 2020), ("person:p1", "award:Best Paper", 1, 2021)]


def test_store_forked_writer_failure_keeps_previous_outputs(tmp_path, monkeypatch):
    import errno

    import networkx as nx

    from pipeline.errors import MentorMinerError
    from pipeline.run.outputs import staged_outputs

    out = tmp_path / "out"
    out.mkdir()
    (out / "people.csv").write_text("previous run\n", encoding="utf-8")

    def disk_full(graph, path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("pipeline.run.store.write_graphml", disk_full)  # the child inherits it
    with pytest.raises(MentorMinerError, match="No space left on device"):
        with staged_outputs(out) as stage:
            stage.write_forked(graph=nx.Graph())

    assert (out / "people.csv").read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in out.iterdir()) == ["people.csv"]


def test_store_forked_writer_writes_what_the_process_would(tmp_path):
    import networkx as nx

    from pipeline.run.outputs import StagedOutputs

    graph = nx.Graph()
    graph.add_edge("p:a", "o:b", weight=2.0, role="speaker & chair")
    here, there = StagedOutputs(tmp_path / "here"), StagedOutputs(tmp_path / "there")
    here.folder.mkdir()
    there.folder.mkdir()

    here.write(graph=graph)
    there.write_forked(graph=graph)
    there.wait()

    assert (there.folder / "graph.graphml").read_bytes() == (
        here.folder / "graph.graphml").read_bytes()


def test_store_forked_writer_builds_the_graph_it_is_given_a_builder_for(tmp_path):
    import networkx as nx

    from pipeline.run.outputs import StagedOutputs

    def build():
        graph = nx.Graph()
        graph.add_edge("p:a", "o:b", weight=2.0)
        return graph

    here, there = StagedOutputs(tmp_path / "here"), StagedOutputs(tmp_path / "there")
    here.folder.mkdir()
    there.folder.mkdir()

    here.write(graph=build())
    there.write_forked(graph=build)
    there.wait()

    assert b'<node id="p:a"' in (there.folder / "graph.graphml").read_bytes()
    assert (there.folder / "graph.graphml").read_bytes() == (
        here.folder / "graph.graphml").read_bytes()


def test_store_forked_builder_bug_is_not_reported_as_a_full_disk(tmp_path):
    """A bug in a forked child comes back as its own exception, not as "cannot write the
    outputs", and the previous outputs stay."""
    from pipeline.run.outputs import staged_outputs

    def broken():
        raise KeyError("org_id")

    out = tmp_path / "out"
    out.mkdir()
    (out / "people.csv").write_text("previous run\n", encoding="utf-8")

    with pytest.raises(KeyError, match="org_id"):
        with staged_outputs(out) as stage:
            stage.write_forked(graph=broken)

    assert sorted(p.name for p in out.iterdir()) == ["people.csv"]


def test_store_outputs_get_the_mode_of_any_new_file(tmp_path):
    old = os.umask(0o027)
    try:
        from pipeline.run import store

        store._umask.cache_clear()
        write_csv(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
    finally:
        os.umask(old)
        store._umask.cache_clear()

    assert (tmp_path / "t.csv").stat().st_mode & 0o777 == 0o640


def test_store_forked_writer_writes_here_when_no_child_can_start(tmp_path, monkeypatch):
    import errno

    import networkx as nx

    from pipeline.run.outputs import StagedOutputs

    def no_fork():
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr("os.fork", no_fork)
    stage = StagedOutputs(tmp_path)
    graph = nx.Graph()
    graph.add_edge("p:a", "o:b", weight=1.0)

    stage.write_forked(graph=graph)
    stage.wait()

    assert "<edge source=\"p:a\" target=\"o:b\">" in (tmp_path / "graph.graphml").read_text()

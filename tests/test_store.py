"""store: atomic writes, formula neutralization, the output lock."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from pipeline.errors import OutputLocked
from pipeline.store import atomic_write, output_lock, read_csv, write_csv


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

    from pipeline.store import graph_safe

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

    from pipeline.store import graph_safe, write_graphml

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

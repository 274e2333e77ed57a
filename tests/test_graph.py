"""Graph: typed nodes, edges per role/affiliation/sponsorship/session, GraphML round trip."""

from __future__ import annotations

import networkx as nx
from ranking_data import resolved

from pipeline.stages.graph import build_graph, check_graph, person_event_graph
from pipeline.tables import GRAPH_NODE_TYPES
from pipeline.userfiles.weights import default_weights


def _graph():
    appearances, people, organizations = resolved()
    return build_graph(appearances, people, organizations, weights=default_weights())


def test_graph_every_node_has_a_contract_type():
    graph = _graph()

    types = {data["type"] for _, data in graph.nodes(data=True)}

    assert types == set(GRAPH_NODE_TYPES)
    assert check_graph(graph) == []


def test_graph_edges_per_role_affiliation_sponsorship_and_session():
    graph = _graph()

    relations = {data["relation"] for _, _, data in graph.edges(data=True)}
    keynote = [d for u, v, d in graph.edges(data=True) if d["relation"] == "keynote"
               and graph.nodes[u]["label"] == "Ann Lee"]
    affiliated = [d for u, v, d in graph.edges(data=True) if d["relation"] == "affiliated"
                  and graph.nodes[u]["label"] == "Ann Lee"]

    assert {"keynote", "chair", "sponsor", "exhibitor", "affiliated", "received", "part_of",
            "co_session", "given_by"} <= relations
    assert keynote[0]["year"] == 2022 and keynote[0]["weight"] == 3.0
    assert affiliated[0]["years"] == "2020 2021 2022"


def test_graph_co_session_skips_big_sessions():
    appearances, people, organizations = resolved()

    graph = build_graph(appearances, people, organizations, max_session_size=1)

    assert not [d for _, _, d in graph.edges(data=True) if d["relation"] == "co_session"]


def test_graph_graphml_round_trip(tmp_path):
    path = tmp_path / "graph.graphml"

    nx.write_graphml(_graph(), path)
    loaded = nx.read_graphml(path)

    assert loaded.number_of_nodes() == _graph().number_of_nodes()
    assert all(data.get("type") in GRAPH_NODE_TYPES for _, data in loaded.nodes(data=True))


def test_graph_person_event_keeps_best_role_per_event():
    bipartite = person_event_graph(_graph())

    weights = [d["weight"] for u, v, d in bipartite.edges(data=True)
               if "acm 2022" in v or "acm 2022" in u]

    assert max(weights) == 3.0
    assert all(not (u.startswith("person:") and v.startswith("person:"))
               for u, v in bipartite.edges())

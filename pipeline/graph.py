"""Graph: people, organizations, events, associations and awards as one typed networkx graph."""

from __future__ import annotations

import logging

import networkx as nx
import pandas as pd

from pipeline.resolve import event_key

logger = logging.getLogger(__name__)


def build_graph(
    appearances: pd.DataFrame, people: pd.DataFrame, organizations: pd.DataFrame
) -> nx.MultiDiGraph:
    """Typed nodes (`type` attribute) and one edge per role appearance, affiliation and sponsorship.

    Node ids are prefixed by type (`person:`, `org:`, `event:`, `assoc:`, `award:`).
    """
    graph = nx.MultiDiGraph()
    for row in people.itertuples(index=False):
        graph.add_node(f"person:{row.person_id}", type="person", label=str(row.name))
    for row in organizations.itertuples(index=False):
        graph.add_node(f"org:{row.org_id}", type="organization", label=str(row.name),
                       kind=str(row.kind))
    if appearances.empty:
        return graph
    frame = appearances.copy()
    frame["event_key"] = event_key(frame)
    for key, group in frame.groupby("event_key", sort=True):
        assoc = str(group["association"].iloc[0] or "")
        year = pd.to_numeric(group["year"], errors="coerce").dropna()
        graph.add_node(f"event:{key}", type="event", label=str(key),
                       year=int(year.iloc[0]) if len(year) else -1)
        if assoc:
            graph.add_node(f"assoc:{assoc}", type="association", label=assoc)
            graph.add_edge(f"event:{key}", f"assoc:{assoc}", relation="part_of")
    for row in frame.itertuples(index=False):
        event = f"event:{row.event_key}"
        year = pd.to_numeric(row.year, errors="coerce")
        year_attr = int(year) if pd.notna(year) else -1
        if row.person_id:
            person = f"person:{row.person_id}"
            graph.add_edge(person, event, relation=row.role, year=year_attr,
                           session=str(row.session or ""), weight=1.0)
            if row.org_id:
                graph.add_edge(person, f"org:{row.org_id}", relation="affiliated", year=year_attr)
            if row.award:
                award = f"award:{row.award}"
                graph.add_node(award, type="award", label=str(row.award))
                graph.add_edge(person, award, relation="received", year=year_attr)
        elif row.org_id:
            graph.add_edge(f"org:{row.org_id}", event, relation=row.role, year=year_attr,
                           tier=str(row.sponsor_tier or ""), booth=str(row.booth or ""))
    logger.info("graph: %d nodes, %d edges", graph.number_of_nodes(), graph.number_of_edges())
    return graph


def person_event_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The bipartite person–event graph (undirected, edge weight = number of roles)."""
    bipartite = nx.Graph()
    for u, v, data in graph.edges(data=True):
        if u.startswith("person:") and v.startswith("event:"):
            weight = bipartite.get_edge_data(u, v, {"weight": 0.0})["weight"] + 1.0
            bipartite.add_edge(u, v, weight=weight)
    return bipartite

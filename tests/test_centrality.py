"""Centrality: betweenness computed on arrays agrees with networkx, exactly and sampled."""

from __future__ import annotations

import networkx as nx
import pytest

from helpers import centrality


@pytest.mark.parametrize("sample", [None, 10])
def test_betweenness_matches_networkx(sample):
    graph = nx.karate_club_graph()
    graph.add_node("alone")
    ours = centrality.betweenness(graph, sample, seed=0)
    theirs = nx.betweenness_centrality(graph, k=sample, normalized=True, seed=0)
    assert ours.keys() == theirs.keys()
    assert all(abs(ours[n] - theirs[n]) < 1e-12 for n in graph)


def test_weighted_degree_sums_edge_weights():
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=2)
    graph.add_edge("a", "c", weight=3)
    assert centrality.weighted_degree(graph) == {"a": 5, "b": 2, "c": 3}


def test_betweenness_of_an_empty_graph_is_empty():
    assert centrality.betweenness(nx.Graph()) == {}

"""How central each organisation or person is, and which communities they form."""

from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np
import pandas as pd

EXACT_BETWEENNESS = 400  # larger graphs get a sampled (seeded) betweenness estimate
MAX_COMMUNITIES = 30  # communities listed, largest first; the table's caption says how many there are
MAX_MEMBERS = 40  # members named per community, best-connected first; the rest are counted


def weighted_degree(graph: nx.Graph) -> dict[str, float]:
    """Sum of edge weights per node."""
    return dict(graph.degree(weight="weight"))


def communities(graph: nx.Graph) -> list[list[str]]:
    """Greedy-modularity communities (largest first), each a sorted list of node keys.

    Found once per graph: the result is kept in `graph.graph` with the graph's size, so the
    drawing and the table of one graph share it (a changed graph is worked out again)."""
    size = (graph.number_of_nodes(), graph.number_of_edges())
    kept = graph.graph.get("_communities")
    if kept is not None and kept[0] == size:
        return [list(g) for g in kept[1]]
    if graph.number_of_edges() == 0:
        groups = [{n} for n in graph]
    else:
        groups = nx.community.greedy_modularity_communities(graph, weight="weight")
    out = sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g))
    graph.graph["_communities"] = (size, out)
    return [list(g) for g in out]


def _adjacency(graph: nx.Graph) -> tuple[np.ndarray, np.ndarray]:
    """CSR arrays (indptr, indices) of an undirected graph, nodes numbered in graph order."""
    index = {node: i for i, node in enumerate(graph)}
    pairs = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v],
                     dtype=np.int64).reshape(-1, 2)
    src = np.concatenate([pairs[:, 0], pairs[:, 1]])
    dst = np.concatenate([pairs[:, 1], pairs[:, 0]])
    order = np.argsort(src, kind="stable")
    indptr = np.zeros(len(index) + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=len(index)), out=indptr[1:])
    return indptr, dst[order]


def betweenness(graph: nx.Graph, sample: int | None = None, seed: int = 0) -> dict[str, float]:
    """Normalised, unweighted betweenness, as networkx's `betweenness_centrality(graph, k=sample,
    seed=seed)` computes it (same seeded sources, same scaling), with array BFS per source."""
    nodes, n = list(graph), graph.number_of_nodes()
    if sample is not None and sample >= n:
        sample = None
    index = {node: i for i, node in enumerate(nodes)}
    sources = range(n) if sample is None else [
        index[v] for v in random.Random(seed).sample(nodes, sample)]
    indptr, indices = _adjacency(graph)
    degree = np.diff(indptr)
    total = np.zeros(n)
    for s in sources:
        dist = np.full(n, -1, dtype=np.int64)
        sigma = np.zeros(n)
        dist[s], sigma[s] = 0, 1.0
        frontier, levels = np.array([s]), []
        while frontier.size:  # breadth-first, one level at a time: count shortest paths
            counts = degree[frontier]
            starts = np.repeat(indptr[frontier] - np.cumsum(counts) + counts, counts)
            nbr = indices[starts + np.arange(counts.sum())]
            par = np.repeat(frontier, counts)
            new = dist[nbr] == -1
            par, nbr = par[new], nbr[new]
            seen = np.zeros(n, dtype=bool)  # the sorted distinct neighbours, without sorting
            seen[nbr] = True
            frontier = np.flatnonzero(seen)
            sigma[frontier] = np.bincount(nbr, weights=sigma[par], minlength=n)[frontier]
            dist[frontier] = len(levels) + 1
            levels.append((par, nbr))
        delta = np.zeros(n)
        for par, nbr in reversed(levels):  # dependencies, deepest level first
            delta += sigma * np.bincount(par, weights=(1 + delta[nbr]) / sigma[nbr], minlength=n)
        delta[s] = 0.0
        total += delta
    if n - 1 >= 2:  # networkx's _rescale for normalised, undirected, endpoints excluded
        if sample is None:
            total /= (n - 1) * (n - 2)
        else:
            scale = np.full(n, 1 / (sample * (n - 2)))
            scale[list(sources)] = 1 / ((sample - 1) * (n - 2)) if sample > 1 else math.nan
            total *= scale
    return dict(zip(nodes, total.tolist()))


def _affiliations(graph: nx.Graph, node: str) -> str:
    """The names of the organisations a person node works for ("affiliation" edges)."""
    return "; ".join(sorted(str(graph.nodes[o].get("name", o)) for o in graph[node]
                            if graph.edges[node, o].get("relation") == "affiliation"))


def centrality_table(graph: nx.Graph, top_n: int = 15, node_type: str | None = None) -> pd.DataFrame:
    """The most central nodes, in plain column names.

    Organisations (node_type "organization" or None): name, acronym, type, partners (distinct
    partner organisations), agreements (links weighted by signings), betweenness; acronym is
    dropped when no row has one; a units column lists the units folded into each organisation
    (helpers.units), when any has some. People (node_type "person"): name, organisation (as stated or
    inferred), usual role, organisations (linked to), events (links weighted by events),
    betweenness. Betweenness is normalised and unweighted, and estimated from
    EXACT_BETWEENNESS seeded sample nodes on bigger graphs.
    """
    person = node_type == "person"
    cols = (["name", "organisation", "usual role", "organisations", "events", "betweenness"]
            if person else ["name", "acronym", "type", "partners", "agreements", "betweenness"])
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=cols)
    sample = None if graph.number_of_nodes() <= EXACT_BETWEENNESS else EXACT_BETWEENNESS
    between = betweenness(graph, sample, seed=0)
    strength = weighted_degree(graph)
    rows = []
    for n, d in graph.nodes(data=True):
        if node_type is not None and d.get("node_type") != node_type:
            continue
        label, name = d.get("label", n), d.get("name", n)
        second = _affiliations(graph, n) if person else (label if label != name else "")
        rows.append([name, second, d.get("kind", ""), graph.degree(n), strength[n],
                     round(between[n], 3), str(label)])
    out = pd.DataFrame(rows, columns=[*cols, "_label"]).sort_values(
        [cols[4], "betweenness", "_label"], ascending=[False, False, True])
    out = out.drop(columns="_label")
    if not person and not (out["acronym"] != "").any():
        out = out.drop(columns="acronym")
    out = out.head(top_n).reset_index(drop=True)
    if not person:  # units counted under the organisation, listed beside it
        units = {d.get("name", n): "; ".join(d.get("units") or []) for n, d in graph.nodes(data=True)}
        if any(units.get(name) for name in out["name"]):
            out["units"] = out["name"].map(units).fillna("")
    return out


def communities_table(graph: nx.Graph, max_rows: int | None = MAX_COMMUNITIES,
                      max_members: int | None = MAX_MEMBERS) -> pd.DataFrame:
    """Columns community, size, members: greedy-modularity communities, busiest members first.

    The `max_rows` largest communities are listed (`attrs["total"]` says how many there are), each
    with its `max_members` best-connected members and "… and N more" for the rest.
    """
    strength = weighted_degree(graph)
    groups = communities(graph)
    rows = []
    for i, group in enumerate(groups[:max_rows] if max_rows else groups, start=1):
        ordered = sorted(group, key=lambda n: (-strength[n], graph.nodes[n].get("label", n)))
        shown = ordered[:max_members] if max_members else ordered
        members = ", ".join(str(graph.nodes[n].get("label", n)) for n in shown)
        if len(ordered) > len(shown):
            members += f" … and {len(ordered) - len(shown):,} more"
        rows.append({"community": i, "size": len(group), "members": members})
    out = pd.DataFrame(rows, columns=["community", "size", "members"])
    out.attrs["total"] = len(groups)
    return out

"""Who works with whom: organisation and person graphs, their centrality, communities and ego views."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations
from typing import Any

import matplotlib as mpl
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from .reportkit import (
    Note,
    as_list,
    axes,
    cluster_key,
    cluster_organizations,
    empty_axes,
    org_labels,
    require_columns,
)

ROLE_COLOURS = {
    "signatory": "#1f77b4", "witness": "#17becf", "presider": "#9467bd", "speaker": "#e377c2",
    "host": "#2ca02c", "visitor": "#ff7f0e", "attendee": "#bcbd22", "organisation": "#9e9e9e",
    "focus": "#d62728",
}
ROLE_ORDER = tuple(ROLE_COLOURS)
MAX_LABELS = 30
EXACT_BETWEENNESS = 400  # larger graphs get a sampled (seeded) betweenness estimate
_EDGE_LEGEND = {
    "agreement": ("solid", "signed together (wider: more)"),
    "affiliation": ("solid", "works for"),
    "took part": ("dashed", "met at an event"),
}
_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
            "#ff9da7", "#9c755f", "#bab0ac")


def org_node(org_id: str) -> str:
    """Graph key of an organisation (prefixed so it never collides with a person)."""
    return f"org:{org_id}"


def person_node(person_id: str) -> str:
    """Graph key of a person."""
    return f"person:{person_id}"


def _org_attrs(organizations: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """Node attributes of every organisation: label, name, kind, match keys."""
    labels = org_labels(organizations)
    return {org_node(r.org_id): {
        "node_type": "organization", "label": labels[r.org_id], "name": r.name, "kind": r.kind,
        "keys": [r.name, r.acronym, *as_list(getattr(r, "aliases", None))],
    } for r in organizations.itertuples(index=False)}


def agreement_edges(events: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """Columns source, target, weight, agreements: org pairs that signed together.

    Reports of one signing share a cluster_id and count once; weight is the number of distinct
    signings. A signing's organisations are its parties (else its signatories' affiliations).
    """
    require_columns(events, ("event_id", "kind", "cluster_id", "agreement"), "events",
                    "agreement_edges")
    signings = events[events["kind"] == "signing"]
    names = signings.assign(c=cluster_key(signings)).groupby("c")["agreement"].agg(
        lambda s: s.dropna().iloc[0] if s.notna().any() else "")
    pairs: dict[tuple[str, str], set[str]] = {}
    co = cluster_organizations(signings, participants)
    for cluster, orgs in co.groupby("cluster_id")["org_id"]:
        for a, b in combinations(sorted(set(orgs)), 2):
            pairs.setdefault((a, b), set()).add(cluster)
    rows = [{"source": a, "target": b, "weight": len(cs),
             "agreements": "; ".join(sorted({names.get(c, "") for c in cs} - {""}))}
            for (a, b), cs in sorted(pairs.items())]
    return pd.DataFrame(rows, columns=["source", "target", "weight", "agreements"])


def communities(graph: nx.Graph) -> list[list[str]]:
    """Greedy-modularity communities (largest first), each a sorted list of node keys."""
    if graph.number_of_edges() == 0:
        groups = [{n} for n in graph]
    else:
        groups = nx.community.greedy_modularity_communities(graph, weight="weight")
    return sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g))


def org_graph(events: pd.DataFrame, participants: pd.DataFrame,
              organizations: pd.DataFrame) -> nx.Graph:
    """Organisations linked by the agreements they signed together; nodes grouped by community."""
    require_columns(organizations, ("org_id", "name", "acronym", "kind"), "organizations",
                    "org_graph")
    attrs = _org_attrs(organizations)
    graph = nx.Graph()
    for e in agreement_edges(events, participants).itertuples(index=False):
        for org in (e.source, e.target):
            graph.add_node(org_node(org), **attrs.get(org_node(org), {
                "node_type": "organization", "label": org, "name": org, "kind": "", "keys": [org]}))
        graph.add_edge(org_node(e.source), org_node(e.target), weight=e.weight,
                       relation="agreement", agreements=e.agreements)
    for i, members in enumerate(communities(graph), start=1):
        for node in members:
            graph.nodes[node]["group"] = f"community {i}"
    return graph


def person_graph(events: pd.DataFrame, participants: pd.DataFrame, people: pd.DataFrame,
                 organizations: pd.DataFrame) -> nx.Graph:
    """People linked to their own organisation and to the organisations of events they took part in.

    Edge weight is the number of distinct real-world events; edges carry relation "affiliation"
    or "took part". A person's group is the role they play most often.
    """
    require_columns(participants, ("event_id", "person_id", "org_id", "role"), "participants",
                    "person_graph")
    require_columns(people, ("person_id", "name"), "people", "person_graph")
    require_columns(events, ("event_id", "cluster_id"), "events", "person_graph")
    cluster_of = dict(zip(events["event_id"], cluster_key(events)))
    rows = participants[participants["person_id"].notna()
                        & participants["event_id"].isin(cluster_of)]
    rows = rows.assign(cluster=rows["event_id"].map(cluster_of))
    event_orgs = cluster_organizations(events, participants).groupby("cluster_id")["org_id"].agg(set)
    org_attrs, graph = _org_attrs(organizations), nx.Graph()
    person_attrs = {r.person_id: r for r in people.itertuples(index=False)}
    links: dict[tuple[str, str], dict[str, Any]] = {}
    for pid, group in rows.groupby("person_id", sort=True):
        roles = Counter(group["role"])
        top = min(roles, key=lambda r: (-roles[r], ROLE_ORDER.index(r) if r in ROLE_ORDER else 99))
        rec = person_attrs.get(pid)
        name = rec.name if rec is not None else pid
        graph.add_node(person_node(pid), node_type="person", label=name, name=name, kind=top,
                       group=top, keys=[name, *as_list(getattr(rec, "aliases", None))])
        for r in group.itertuples(index=False):
            own = {r.org_id} if isinstance(r.org_id, str) else set()
            for org in own | event_orgs.get(r.cluster, set()):
                link = links.setdefault((pid, org), {"clusters": set(), "affiliated": False})
                link["clusters"].add(r.cluster)
                link["affiliated"] |= org in own
    for (pid, org), link in sorted(links.items()):
        node = org_node(org)
        if node not in graph:
            base = org_attrs.get(node, {"node_type": "organization", "label": org, "name": org,
                                        "kind": "", "keys": [org]})
            graph.add_node(node, **base, group="organisation")
        graph.add_edge(person_node(pid), node, weight=len(link["clusters"]),
                       relation="affiliation" if link["affiliated"] else "took part")
    return graph


def _weighted_degree(graph: nx.Graph) -> dict[str, float]:
    """Sum of edge weights per node."""
    return dict(graph.degree(weight="weight"))


def reduce_graph(graph: nx.Graph, max_nodes: int) -> nx.Graph:
    """The `max_nodes` nodes with the highest weighted degree; graph attrs keep the full size."""
    if max_nodes < 1:
        raise ValueError(f"reduce_graph: max_nodes must be at least 1, not {max_nodes}")
    strength = _weighted_degree(graph)
    keep = sorted(graph, key=lambda n: (-strength[n], graph.nodes[n].get("label", n)))[:max_nodes]
    small = graph.subgraph(keep).copy()
    small.graph.update(n_nodes_full=graph.number_of_nodes(), n_edges_full=graph.number_of_edges(),
                       max_nodes=max_nodes)
    return small


def describe_graph(graph: nx.Graph, max_nodes: int, noun: str = "organisations",
                   empty: str = "No signings match these parameters.") -> Note:
    """What the drawing shows, and whether it had to be cut down to the top `max_nodes` nodes."""
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    if n == 0:
        return Note(empty)
    text = f"The graph has {n} {noun} and {m} links."
    if n > max_nodes:
        text += (f" It is too big to draw legibly, so only the {max_nodes} with the highest "
                 f"weighted degree are drawn (max_nodes = {max_nodes}); the tables use the "
                 "whole graph.")
    return Note(text)


def centrality_table(graph: nx.Graph, top_n: int = 15, node_type: str | None = None) -> pd.DataFrame:
    """Columns name, label, kind, degree, weighted_degree, betweenness: the most central nodes.

    kind is an organisation's kind or a person's usual role; label (the acronym) is dropped when
    it always equals the name. Betweenness is normalised and unweighted (weights are strengths),
    and estimated from EXACT_BETWEENNESS seeded sample nodes on bigger graphs.
    """
    cols = ["name", "label", "kind", "degree", "weighted_degree", "betweenness"]
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=cols)
    sample = None if graph.number_of_nodes() <= EXACT_BETWEENNESS else EXACT_BETWEENNESS
    between = nx.betweenness_centrality(graph, k=sample, normalized=True, seed=0)
    strength = _weighted_degree(graph)
    rows = [{"name": d.get("name", n), "label": d.get("label", n), "kind": d.get("kind", ""),
             "degree": graph.degree(n), "weighted_degree": strength[n],
             "betweenness": round(between[n], 3)}
            for n, d in graph.nodes(data=True) if node_type is None or d.get("node_type") == node_type]
    out = pd.DataFrame(rows, columns=cols).sort_values(
        ["weighted_degree", "betweenness", "label"], ascending=[False, False, True])
    if (out["label"] == out["name"]).all():
        out = out.drop(columns="label")
    return out.head(top_n).reset_index(drop=True)


def communities_table(graph: nx.Graph) -> pd.DataFrame:
    """Columns community, size, members: greedy-modularity communities, busiest members first."""
    strength = _weighted_degree(graph)
    rows = []
    for i, group in enumerate(communities(graph), start=1):
        ordered = sorted(group, key=lambda n: (-strength[n], graph.nodes[n].get("label", n)))
        rows.append({"community": i, "size": len(group),
                     "members": ", ".join(str(graph.nodes[n].get("label", n)) for n in ordered)})
    return pd.DataFrame(rows, columns=["community", "size", "members"])


def _find(graph: nx.Graph, focus: str) -> str | None:
    """The node whose label, name, acronym or alias equals `focus` (case-insensitive)."""
    want = " ".join(focus.casefold().split())
    for node, data in sorted(graph.nodes(data=True)):
        keys = [data.get("label"), data.get("name"), *data.get("keys", [])]
        if any(isinstance(k, str) and " ".join(k.casefold().split()) == want for k in keys):
            return node
    return None


def ego_graph(org_net: nx.Graph, person_net: nx.Graph, focus: str, radius: int = 1) -> nx.Graph:
    """The neighbourhood of the organisation or person named `focus` in both graphs combined.

    Empty when focus is empty or matches nothing; graph attrs record focus and the centre node.
    """
    combined = nx.compose(person_net, org_net)
    center = _find(combined, focus) if focus and focus.strip() else None
    ego = nx.ego_graph(combined, center, radius=radius).copy() if center else nx.Graph()
    for node, data in ego.nodes(data=True):
        if data.get("node_type") == "organization":
            data["group"] = "organisation"
    if center:
        ego.nodes[center]["group"] = "focus"
    ego.graph.update(focus=focus, center=center)
    return ego


def describe_ego(ego: nx.Graph) -> Note:
    """A sentence saying whose neighbourhood is drawn, or why nothing is."""
    focus, center = ego.graph.get("focus", ""), ego.graph.get("center")
    if not focus or not str(focus).strip():
        return Note("No focus was given: set the focus parameter to an organisation name or "
                    "acronym, or to a person's name, to see their partners and people.")
    if center is None:
        return Note(f"Nothing named {focus!r} appears among the organisations and people of "
                    "the filtered data.")
    kinds = Counter(d.get("node_type") for n, d in ego.nodes(data=True) if n != center)
    n_org, n_person = kinds["organization"], kinds["person"]
    return Note(f"{ego.nodes[center]['name']}: {n_org} organisation{'s' * (n_org != 1)} and "
                f"{n_person} {'person' if n_person == 1 else 'people'} one step away.")


def _colours(graph: nx.Graph) -> dict[str, str]:
    """Colour of every group: roles have fixed colours, communities cycle a palette."""
    groups = sorted({d.get("group", "") for _, d in graph.nodes(data=True)},
                    key=lambda g: (ROLE_ORDER.index(g) if g in ROLE_COLOURS else 99, len(g), g))
    out, i = {}, 0
    for g in groups:
        if g in ROLE_COLOURS:
            out[g] = ROLE_COLOURS[g]
        else:
            out[g] = _PALETTE[i % len(_PALETTE)]
            i += 1
    return out


def _unit_layout(graph: nx.Graph, seed: int) -> dict[str, np.ndarray]:
    """Spring layout of one connected graph, spread out and scaled into the unit square.

    Distances from the centre are square-rooted, which opens up the crowded core and pulls
    far-flung leaves in, so labels in the middle stay readable.
    """
    nodes = sorted(graph)
    if len(nodes) <= 2:
        return {n: np.array([0.5 * i + 0.25 * (2 - len(nodes)), 0.5]) for i, n in enumerate(nodes)}
    pos = nx.spring_layout(graph, seed=seed, k=2.0 / math.sqrt(len(nodes)), iterations=300,
                           weight=None)
    xy = np.array([pos[n] for n in nodes])
    xy -= np.median(xy, axis=0)
    radius = np.hypot(xy[:, 0], xy[:, 1])
    xy *= (np.sqrt(radius) / np.where(radius > 0, radius, 1.0))[:, None]
    xy = (xy - xy.min(axis=0)) / (np.ptp(xy, axis=0).max() or 1.0)
    return dict(zip(nodes, xy))


def graph_layout(graph: nx.Graph, seed: int = 7) -> dict[str, np.ndarray]:
    """Node positions: each connected component laid out on its own (seeded), then packed in
    rows, largest first, so small components do not squeeze the big one into a corner."""
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    sizes = [math.sqrt(len(c)) for c in parts]
    width = max([sizes[0] if sizes else 1.0, 1.3 * math.sqrt(sum(s * s for s in sizes))])
    pos: dict[str, np.ndarray] = {}
    x = y = row = 0.0
    for nodes, size in zip(parts, sizes):
        if x > 0 and x + size > width:
            x, y, row = 0.0, y - row - 0.4, 0.0
        for node, (u, v) in _unit_layout(graph.subgraph(nodes), seed).items():
            pos[node] = np.array([x + u * size, y - (1 - v) * size])
        x, row = x + size + 0.4, max(row, size)
    return pos


def _short(text: Any, width: int = 26) -> str:
    """A label cut to `width` characters with an ellipsis."""
    text = str(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plot_graph(graph: nx.Graph, ax: Any = None, seed: int = 7) -> Any:
    """Draw a graph: size by weighted degree, colour by group, squares for organisations."""
    ax = axes(ax, figsize=(10, 7.5))
    if graph.number_of_nodes() == 0:
        return empty_axes(ax, "Nothing to draw.")
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    pos = graph_layout(graph, seed)
    strength = _weighted_degree(graph)
    top = max(strength.values()) or 1.0
    heaviest = max((d.get("weight", 1) for _, _, d in graph.edges(data=True)), default=1)
    colours = _colours(graph)
    for relation, style in (("took part", "dashed"), ("affiliation", "solid"), ("agreement", "solid")):
        edges = [(u, v) for u, v, d in graph.edges(data=True) if d.get("relation") == relation]
        widths = [0.6 + 3.0 * graph.edges[e].get("weight", 1) / heaviest for e in edges]
        nx.draw_networkx_edges(graph, pos, edgelist=edges, width=widths, style=style,
                               edge_color="0.55", alpha=0.7 if m <= 80 else 0.3, ax=ax)
    shapes = {"organization": "s", "person": "o"}
    for node_type, shape in shapes.items():
        nodes = [v for v, d in graph.nodes(data=True) if d.get("node_type") == node_type]
        nx.draw_networkx_nodes(
            graph, pos, nodelist=nodes, node_shape=shape, ax=ax,
            node_size=[70 + 430 * math.sqrt(strength[v] / top) for v in nodes],
            node_color=[colours[graph.nodes[v].get("group", "")] for v in nodes],
            edgecolors=["black" if graph.nodes[v].get("group") == "focus" else "white"
                        for v in nodes], linewidths=1.2)
    ranked = sorted(graph, key=lambda v: (-strength[v], graph.nodes[v].get("label", v)))
    labelled = ranked[:MAX_LABELS]
    ys = [y for _, y in pos.values()]
    lift = 0.025 * ((max(ys) - min(ys)) or 1.0)
    nx.draw_networkx_labels(graph, {v: (x, y + lift) for v, (x, y) in pos.items()},
                            labels={v: _short(graph.nodes[v].get("label", v)) for v in labelled},
                            font_size=8, font_family=mpl.rcParams["font.family"], ax=ax,
                            verticalalignment="bottom", clip_on=False,
                            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                  "alpha": 0.75})
    group_type = {d.get("group", ""): d.get("node_type") for _, d in graph.nodes(data=True)}
    handles = [ax.scatter([], [], color=c, label=g, s=40, marker=shapes.get(group_type.get(g), "o"))
               for g, c in colours.items() if g][:12]
    present = {d.get("relation") for _, _, d in graph.edges(data=True)}
    handles += [Line2D([], [], color="0.55", linestyle=style, label=text)
                for relation, (style, text) in _EDGE_LEGEND.items() if relation in present]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
              fontsize=8)
    if len(labelled) < n:
        ax.set_title(f"Labels on the {len(labelled)} best-connected of {n} nodes", fontsize=9)
    ax.margins(0.08)
    ax.set_axis_off()
    return ax

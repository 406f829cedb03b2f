"""Who works with whom: organisation and person graphs, their centrality, communities and ego views."""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from .centrality import (  # noqa: F401  (the notebooks call them as network.*)
    EXACT_BETWEENNESS,
    betweenness,
    centrality_table,
    communities,
    communities_table,
    weighted_degree,
)
from .eventcodes import event_org_rows, first_seen, person_org_links, ranks, usual_values
from .frames import positions
from .reportkit import (
    FIGURE_WIDTH,
    MIN_FONT,
    Note,
    as_list,
    axes,
    cluster_key,
    cluster_organizations,
    empty_axes,
    first_value,
    join_values,
    org_labels,
    require_columns,
)

ROLE_COLOURS = {
    "signatory": "#1f77b4", "witness": "#17becf", "presider": "#9467bd", "speaker": "#e377c2",
    "host": "#2ca02c", "visitor": "#ff7f0e", "attendee": "#bcbd22", "organisation": "#9e9e9e",
    "focus": "#d62728",
}
ROLE_ORDER = tuple(ROLE_COLOURS)
LABEL_FONT = MIN_FONT + 0.5
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
        "units": as_list(getattr(r, "units", None)),  # units folded into it (helpers.units)
    } for r in organizations.itertuples(index=False)}


def agreement_edges(events: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """Columns source, target, weight, agreements: org pairs that signed together.

    Reports of one signing share a cluster_id and count once; weight is the number of distinct
    signings. A signing's organisations are its parties (else its signatories' affiliations).
    """
    require_columns(events, ("event_id", "kind", "cluster_id", "agreement"), "events",
                    "agreement_edges")
    signings = events[events["kind"] == "signing"]
    names = first_value(signings["agreement"], cluster_key(signings))
    co = cluster_organizations(signings, participants)
    # pairs on integer codes (org codes in name order, so source < target as before): a million
    # signings give millions of pairs, and text keys would cost gigabytes in the self-merge
    cluster, clusters = pd.factorize(co["cluster_id"])
    orgs = np.sort(pd.unique(co["org_id"]).astype(object)) if len(co) else np.array([], dtype=object)
    org = pd.Index(orgs).get_indexer(co["org_id"])
    codes = pd.DataFrame({"c": cluster, "o": org})
    pairs = codes.merge(codes, on="c", suffixes=("", "_b"))
    pairs = pairs[(pairs["o"] < pairs["o_b"]).to_numpy()]
    key = pairs["o"].to_numpy(np.int64) * max(1, len(orgs)) + pairs["o_b"].to_numpy(np.int64)
    weight = pd.Series(1, index=key).groupby(level=0).size()  # (cluster, org) rows are distinct
    out = pd.DataFrame({"source": orgs[weight.index.to_numpy() // max(1, len(orgs))],
                        "target": orgs[weight.index.to_numpy() % max(1, len(orgs))],
                        "weight": weight.to_numpy(np.int64)})
    label = pd.Series(clusters).map(names).fillna("").to_numpy(dtype=object)[pairs["c"].to_numpy()]
    named = pd.DataFrame({"key": key, "name": label})
    named = named[(named["name"] != "").to_numpy()].drop_duplicates().sort_values(["key", "name"])
    agreements = join_values(named["key"], named["name"])
    out["agreements"] = [agreements.get(k, "") for k in weight.index]
    return out[["source", "target", "weight", "agreements"]]


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


def _usual_roles(person: np.ndarray, role: pd.Series, person_ids: np.ndarray) -> pd.Series:
    """person_id → the role played most often (`person` codes into `person_ids`, one per row of
    `role`); ties go to the earlier role of ROLE_ORDER, then to the role seen first. Sorted by
    person_id."""
    role_code, roles = pd.factorize(role, use_na_sentinel=False)
    roles = np.asarray(roles, dtype=object)
    rank = pd.Series(roles).map({r: i for i, r in enumerate(ROLE_ORDER)}).fillna(99).to_numpy(np.int64)
    best = usual_values(person, role_code, len(person_ids), max(1, len(roles)), rank)
    usual = pd.Series(roles[best[best >= 0]] if len(roles) else [], dtype=object,
                      index=pd.Index(np.asarray(person_ids, dtype=object)[best >= 0], name="person_id"))
    return usual.sort_index(kind="stable").rename("role")


def _person_org_links(events: pd.DataFrame, participants: pd.DataFrame, rows: np.ndarray,
                      event_pos: np.ndarray, person: np.ndarray,
                      person_ids: np.ndarray) -> pd.DataFrame:
    """person_id, org_id, weight (distinct events), affiliated for the person rows `rows` of
    participants (`person` their codes into `person_ids`, `event_pos` every row's event), in the
    order of people as first seen, then organisations as first seen among theirs and then among
    the events' (sorted by event_id)."""
    cluster_of = pd.factorize(cluster_key(events))[0]
    org, org_ids = pd.factorize(participants["org_id"])
    co_rows = event_org_rows(events, participants, event_pos)
    event_rank = pd.factorize(events["event_id"], sort=True)[0]
    org_rank = ranks(np.asarray(org_ids, dtype=object))
    co_rows = co_rows[np.lexsort((org_rank[org[co_rows]], event_rank[event_pos[co_rows]]))]
    orgs, old = first_seen(np.concatenate([org[rows], org[co_rows]]))
    links = person_org_links(person, cluster_of[event_pos[rows]], orgs[:len(rows)],
                                        cluster_of[event_pos[co_rows]], orgs[len(rows):])
    return pd.DataFrame({"person_id": np.asarray(person_ids, dtype=object)[links["person"].to_numpy()],
                         "org_id": np.asarray(org_ids, dtype=object)[old][links["org"].to_numpy()],
                         "weight": links["weight"].to_numpy(), "affiliated": links["affiliated"].to_numpy()})


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
    # on codes and row positions: a million releases give millions of person rows
    event_pos = positions(participants["event_id"], events["event_id"])
    person, person_ids = pd.factorize(participants["person_id"])
    rows = np.flatnonzero((person >= 0) & (event_pos >= 0))
    person, seen = first_seen(person[rows])
    person_ids = np.asarray(person_ids, dtype=object)[seen]
    org_attrs, graph = _org_attrs(organizations), nx.Graph()
    person_attrs = {r.person_id: r for r in people.itertuples(index=False)}
    for pid, top in _usual_roles(person, participants["role"].iloc[rows], person_ids).items():
        rec = person_attrs.get(pid)
        name = rec.name if rec is not None else pid
        graph.add_node(person_node(pid), node_type="person", label=name, name=name, kind=top,
                       group=top, keys=[name, *as_list(getattr(rec, "aliases", None))])
    links = _person_org_links(events, participants, rows, event_pos, person, person_ids)
    fallback = {"node_type": "organization", "kind": ""}
    graph.add_nodes_from((org_node(org), {**org_attrs.get(org_node(org), {
        **fallback, "label": org, "name": org, "keys": [org]}), "group": "organisation"})
        for org in pd.unique(links["org_id"]))
    graph.add_edges_from(
        (person_node(pid), org_node(org),
         {"weight": weight, "relation": "affiliation" if affiliated else "took part"})
        for pid, org, weight, affiliated in zip(links["person_id"], links["org_id"],
                                                links["weight"].tolist(), links["affiliated"]))
    return graph


def _subgraph(graph: nx.Graph, nodes: list[str]) -> nx.Graph:
    """A copy of the subgraph on `nodes`, in that order (networkx's subgraph views of a few nodes
    iterate in hash order, which would make layouts change from run to run)."""
    out = nx.Graph(**graph.graph)
    out.add_nodes_from((n, dict(graph.nodes[n])) for n in nodes)
    wanted = set(nodes)
    out.add_edges_from((u, v, dict(d)) for u, v, d in graph.edges(nodes, data=True) if v in wanted)
    return out


def reduce_graph(graph: nx.Graph, max_nodes: int) -> nx.Graph:
    """The `max_nodes` nodes with the highest weighted degree; graph attrs keep the full size."""
    if max_nodes < 1:
        raise ValueError(f"reduce_graph: max_nodes must be at least 1, not {max_nodes}")
    strength = weighted_degree(graph)
    keep = set(sorted(graph, key=lambda n: (-strength[n], graph.nodes[n].get("label", n)))[:max_nodes])
    small = _subgraph(graph, [n for n in graph if n in keep])
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
    if not (focus and focus.strip()):
        ego = nx.Graph()
        ego.graph.update(focus=focus, center=None)
        return ego
    combined = nx.compose(person_net, org_net)
    center = _find(combined, focus)
    near = nx.single_source_shortest_path_length(combined, center, cutoff=radius) if center else {}
    ego = _subgraph(combined, [n for n in combined if n in near])
    for _node, data in ego.nodes(data=True):
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
    pos = nx.spring_layout(_subgraph(graph, nodes), seed=seed, k=2.0 / math.sqrt(len(nodes)), iterations=300,
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


def wrap_label(text: Any, width: int = 18) -> str:
    """A label wrapped onto lines of about `width` characters; never cut."""
    text = " ".join(str(text).split())
    return textwrap.fill(text, width=width, break_long_words=False, break_on_hyphens=True) or text


_LABEL_SPOTS = ((0, 1, "center", "bottom"), (0, -1, "center", "top"), (1, 0, "left", "center"),
                (-1, 0, "right", "center"), (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
                (1, -1, "left", "top"), (-1, -1, "right", "top"))


def _place_labels(ax: Any, graph: nx.Graph, pos: dict[str, np.ndarray], ranked: list[str],
                  radius: dict[str, float]) -> tuple[list[Any], list[str]]:
    """Label nodes in rank order at the first of eight spots around them where the label's box
    overlaps no other label and stays inside the figure; return (texts, nodes left unlabelled)."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    frame = fig.bbox
    placed, texts, unlabelled = [], [], []
    for node in ranked:
        label = wrap_label(graph.nodes[node].get("label", node))
        gap = radius[node] + 1.5
        for sx, sy, ha, va in _LABEL_SPOTS:
            text = ax.annotate(label, pos[node], xytext=(sx * gap, sy * gap), textcoords="offset points",
                               ha=ha, va=va, fontsize=LABEL_FONT, linespacing=1.0, zorder=4,
                               annotation_clip=False,
                               bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none",
                                     "alpha": 0.8})
            box = text.get_window_extent(renderer).expanded(1.02, 1.04)
            inside = (box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0
                      and box.y1 <= frame.y1)
            if inside and not any(box.overlaps(b) for b in placed):
                placed.append(box)
                texts.append(text)
                break
            text.remove()
        else:
            unlabelled.append(node)
    return texts, unlabelled


def plot_graph(graph: nx.Graph, ax: Any = None, seed: int = 7) -> Any:
    """Draw a graph: size by weighted degree, colour by group, squares for organisations.

    Every node gets a wrapped label where one fits without overlapping another; the nodes left
    without (no room) are listed in `ax.figure.unlabelled` (see `unlabelled_note`).
    """
    ax = axes(ax, figsize=(FIGURE_WIDTH, min(5.6, 3.2 + 0.06 * graph.number_of_nodes())))
    ax.figure.unlabelled = []
    if graph.number_of_nodes() == 0:
        return empty_axes(ax, "Nothing to draw.")
    m = graph.number_of_edges()
    pos = graph_layout(graph, seed)
    strength = weighted_degree(graph)
    top = max(strength.values()) or 1.0
    heaviest = max((d.get("weight", 1) for _, _, d in graph.edges(data=True)), default=1)
    colours = _colours(graph)
    for relation, style in (("took part", "dashed"), ("affiliation", "solid"), ("agreement", "solid")):
        edges = [(u, v) for u, v, d in graph.edges(data=True) if d.get("relation") == relation]
        widths = [0.5 + 2.5 * graph.edges[e].get("weight", 1) / heaviest for e in edges]
        nx.draw_networkx_edges(graph, pos, edgelist=edges, width=widths, style=style,
                               edge_color="0.6", alpha=0.7 if m <= 80 else 0.3, ax=ax)
    shapes = {"organization": "s", "person": "o"}
    size = {v: 30 + 250 * math.sqrt(strength[v] / top) for v in graph}
    for node_type, shape in shapes.items():
        nodes = [v for v, d in graph.nodes(data=True) if d.get("node_type") == node_type]
        nx.draw_networkx_nodes(
            graph, pos, nodelist=nodes, node_shape=shape, ax=ax,
            node_size=[size[v] for v in nodes],
            node_color=[colours[graph.nodes[v].get("group", "")] for v in nodes],
            edgecolors=["black" if graph.nodes[v].get("group") == "focus" else "white"
                        for v in nodes], linewidths=1.0)
    group_type = {d.get("group", ""): d.get("node_type") for _, d in graph.nodes(data=True)}
    handles = [Line2D([], [], ls="", color=c, label=g, markersize=6,
                      marker=shapes.get(group_type.get(g), "o")) for g, c in colours.items() if g][:12]
    present = {d.get("relation") for _, _, d in graph.edges(data=True)}
    handles += [Line2D([], [], color="0.55", linestyle=style, label=text)
                for relation, (style, text) in _EDGE_LEGEND.items() if relation in present]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.0), frameon=False,
              fontsize=MIN_FONT, ncol=3)
    ax.margins(0.04)
    ax.set_axis_off()
    ax.figure.tight_layout()
    ax.figure.accords_laid_out = True  # show_plot must not move the axes under placed labels
    ranked = sorted(graph, key=lambda v: (-strength[v], str(graph.nodes[v].get("label", v))))
    radius = {v: math.sqrt(size[v]) / 2 for v in graph}  # node_size is the marker area in pt^2
    _, unlabelled = _place_labels(ax, graph, pos, ranked, radius)
    ax.figure.unlabelled = [str(graph.nodes[v].get("name", v)) for v in unlabelled]
    return ax


def unlabelled_note(fig: Any) -> Note | None:
    """A sentence listing the nodes a figure drew without a label (no room), or None."""
    names = sorted(getattr(fig, "unlabelled", None) or [], key=str.casefold) if fig else []
    if not names:
        return None
    return Note(f"Drawn without a label for lack of room ({len(names)}): " + "; ".join(names) + ".")

"""Organisation and person graphs: edges, centrality, communities, reduction and ego views."""

from __future__ import annotations

import datetime as dt

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest

from helpers import eventcodes, network
from helpers.store import to_arrow


def _table(name: str, rows: list[dict]) -> pd.DataFrame:
    """A contract table with the types `read_tables` returns."""
    return to_arrow(name, pd.DataFrame(rows)).to_pandas()


def _signing(event_id: str, cluster: str, day: dt.date, agreement: str | None) -> dict:
    return {"event_id": event_id, "doc_id": f"d_{event_id}", "kind": "signing", "date": day,
            "date_precision": "day", "cluster_id": cluster, "agreement": agreement,
            "sentence": "They signed."}


def _part(event_id: str, person_id: str | None, org_id: str | None, role: str) -> dict:
    return {"event_id": event_id, "doc_id": f"d_{event_id}", "person_id": person_id,
            "org_id": org_id, "role": role, "sentence": "", "start": 0, "end": 1}


@pytest.fixture
def t() -> dict[str, pd.DataFrame]:
    """ESA and MOST sign twice (one signing reported twice), CASC joins one of them,
    Tsinghua and MIT sign once, and a minister visits Tsinghua."""
    events = _table("events", [
        _signing("e1", "c1", dt.date(2019, 3, 12), "agreement on space science"),
        _signing("e2", "c1", dt.date(2019, 3, 12), None),  # second report of c1
        _signing("e3", "c3", dt.date(2022, 4, 1), "letter of intent on lunar science"),
        _signing("e4", "c4", dt.date(2020, 6, 4), "memorandum on artificial intelligence"),
        {"event_id": "e5", "doc_id": "d_e5", "kind": "visit", "date": dt.date(2021, 9, 18),
         "date_precision": "day", "cluster_id": "c5", "sentence": "The minister visited."},
    ])
    parts = _table("participants", [
        _part("e1", None, "most", "party"), _part("e1", None, "esa", "party"),
        _part("e1", "wzg", "most", "signatory"), _part("e1", "jw", "esa", "signatory"),
        _part("e2", None, "esa", "party"), _part("e2", None, "most", "party"),
        _part("e3", None, "esa", "party"), _part("e3", None, "most", "party"),
        _part("e3", None, "casc", "party"),
        _part("e3", "wys", "casc", "signatory"), _part("e3", "jw", "esa", "signatory"),
        _part("e4", None, "thu", "party"), _part("e4", None, "mit", "party"),
        _part("e4", "yb", "thu", "signatory"),
        _part("e5", "wzg", "most", "visitor"), _part("e5", None, "thu", "host"),
    ])
    orgs = _table("organizations", [
        {"org_id": "most", "name": "Ministry of Science and Technology", "acronym": "MOST",
         "kind": "government", "aliases": []},
        {"org_id": "esa", "name": "European Space Agency", "acronym": "ESA",
         "kind": "government", "aliases": []},
        {"org_id": "casc", "name": "China Aerospace Science and Technology Corporation",
         "acronym": "CASC", "kind": "company", "aliases": ["China Aerospace"]},
        {"org_id": "thu", "name": "Tsinghua University", "acronym": None, "kind": "university",
         "aliases": ["清华大学"]},
        {"org_id": "mit", "name": "Massachusetts Institute of Technology", "acronym": "MIT",
         "kind": "university", "aliases": []},
    ])
    people = _table("people", [
        {"person_id": "wzg", "name": "Wang Zhigang", "aliases": ["Minister Wang"]},
        {"person_id": "jw", "name": "Jan Woerner", "aliases": []},
        {"person_id": "wys", "name": "Wu Yansheng", "aliases": []},
        {"person_id": "yb", "name": "Yang Bin", "aliases": []},
    ])
    return {"events": events, "participants": parts, "organizations": orgs, "people": people}


@pytest.fixture
def graphs(t) -> tuple[nx.Graph, nx.Graph]:
    org = network.org_graph(t["events"], t["participants"], t["organizations"])
    person = network.person_graph(t["events"], t["participants"], t["people"],
                                  t["organizations"])
    return org, person


def teardown_function() -> None:
    plt.close("all")


def test_agreement_edges_count_distinct_signings_once(t):
    edges = network.agreement_edges(t["events"], t["participants"]).set_index(["source", "target"])
    assert edges.loc[("esa", "most"), "weight"] == 2  # c1 (reported twice) and c3
    assert edges.loc[("casc", "esa"), "weight"] == 1 and edges.loc[("casc", "most"), "weight"] == 1
    assert edges.loc[("mit", "thu"), "agreements"] == "memorandum on artificial intelligence"
    assert "agreement on space science" in edges.loc[("esa", "most"), "agreements"]
    assert len(edges) == 4  # the visit adds no agreement edge


def test_agreement_edges_fall_back_to_signatories(t):
    no_parties = t["participants"][t["participants"]["role"] != "party"]
    edges = network.agreement_edges(t["events"], no_parties)
    pairs = set(zip(edges["source"], edges["target"]))
    assert ("esa", "most") in pairs and ("casc", "esa") in pairs


def test_agreement_edges_bad_input(t):
    with pytest.raises(ValueError, match="'kind'"):
        network.agreement_edges(t["events"].drop(columns="kind"), t["participants"])
    with pytest.raises(ValueError, match="'org_id'"):
        network.agreement_edges(t["events"], t["participants"].drop(columns="org_id"))
    assert network.agreement_edges(t["events"].iloc[0:0], t["participants"]).empty


def test_org_graph_labels_and_communities(graphs):
    org, _ = graphs
    assert org.nodes["org:most"]["label"] == "MOST"
    assert org.nodes["org:thu"]["label"] == "Tsinghua University"  # no acronym: full name
    assert org.edges["org:esa", "org:most"]["weight"] == 2
    groups = {org.nodes[n]["group"] for n in ("org:esa", "org:most", "org:casc")}
    assert len(groups) == 1 and org.nodes["org:mit"]["group"] not in groups


def test_person_graph_links_people_to_their_and_their_events_organisations(graphs):
    _, person = graphs
    assert person.edges["person:wzg", "org:most"]["relation"] == "affiliation"
    assert person.edges["person:wzg", "org:thu"]["relation"] == "took part"  # the visit
    assert person.edges["person:jw", "org:esa"]["weight"] == 2  # c1 and c3
    assert person.nodes["person:wzg"]["group"] == "signatory"  # tie broken by role order
    assert person.nodes["person:yb"]["node_type"] == "person"


def test_person_graph_bad_input(t):
    with pytest.raises(ValueError, match="'name'"):
        network.person_graph(t["events"], t["participants"], t["people"].drop(columns="name"),
                             t["organizations"])
    empty = network.person_graph(t["events"], t["participants"].iloc[0:0], t["people"],
                                 t["organizations"])
    assert empty.number_of_nodes() == 0


def test_reduce_graph_keeps_best_connected_and_says_so(graphs):
    org, _ = graphs
    small = network.reduce_graph(org, 2)
    assert set(small) == {"org:esa", "org:most"}
    assert small.graph["n_nodes_full"] == 5
    note = network.describe_graph(org, 2)
    assert "5 organisations" in note.text and "only the 2" in note.text
    assert "only" not in network.describe_graph(org, 60).text
    assert network.describe_graph(nx.Graph(), 60).text == "No signings match these parameters."
    with pytest.raises(ValueError, match="max_nodes"):
        network.reduce_graph(org, 0)


def test_centrality_table(graphs):
    org, person = graphs
    table = network.centrality_table(org, top_n=3)
    assert table.to_dict("records") == [
        {"name": "European Space Agency", "acronym": "ESA", "type": "government", "partners": 2,
         "agreements": 3, "betweenness": 0.0},  # ties with MOST, first by label
        {"name": "Ministry of Science and Technology", "acronym": "MOST", "type": "government",
         "partners": 2, "agreements": 3, "betweenness": 0.0},
        {"name": "China Aerospace Science and Technology Corporation", "acronym": "CASC",
         "type": "company", "partners": 2, "agreements": 2, "betweenness": 0.0}]
    people = network.centrality_table(person, node_type="person")
    assert list(people.columns) == ["name", "organisation", "usual role", "organisations",
                                    "events", "betweenness"]
    assert list(zip(people["name"], people["organisation"], people["events"])) == [
        ("Jan Woerner", "European Space Agency", 5), ("Wang Zhigang", "Ministry of Science and Technology", 4),
        ("Wu Yansheng", "China Aerospace Science and Technology Corporation", 3),
        ("Yang Bin", "Tsinghua University", 2)]
    assert list(people["betweenness"]) == [0.119, 0.548, 0.119, 0.25]
    assert network.centrality_table(nx.Graph()).empty


def test_centrality_table_lists_the_units_of_each_organisation(t):
    orgs = t["organizations"].assign(units=[["International Office of MOST"], [], [], [], []])
    org = network.org_graph(t["events"], t["participants"], orgs)
    table = network.centrality_table(org, top_n=2)
    assert list(table.columns)[-1] == "units"
    assert dict(zip(table["acronym"], table["units"])) == {"ESA": "", "MOST": "International Office of MOST"}


def test_communities_table(graphs):
    org, _ = graphs
    table = network.communities_table(org)
    assert table.to_dict("records") == [
        {"community": 1, "size": 3, "members": "ESA, MOST, CASC"},
        {"community": 2, "size": 2, "members": "MIT, Tsinghua University"}]
    assert network.communities_table(nx.Graph()).empty


def test_ego_graph_by_acronym_alias_or_person(graphs):
    org, person = graphs
    ego = network.ego_graph(org, person, "casc")
    assert ego.graph["center"] == "org:casc" and ego.nodes["org:casc"]["group"] == "focus"
    assert set(ego) == {"org:casc", "org:esa", "org:most", "person:wys", "person:jw"}
    assert "2 organisations and 2 people one step away" in network.describe_ego(ego).text
    thu = network.ego_graph(org, person, "Tsinghua University")
    assert "1 organisation and 2 people" in network.describe_ego(thu).text
    assert network.ego_graph(org, person, "清华大学").graph["center"] == "org:thu"
    assert network.ego_graph(org, person, "minister wang").graph["center"] == "person:wzg"


def test_ego_graph_without_or_with_unknown_focus(graphs):
    org, person = graphs
    none = network.ego_graph(org, person, "")
    assert none.number_of_nodes() == 0
    assert network.describe_ego(none).text.startswith("No focus was given")
    unknown = network.ego_graph(org, person, "Atlantis University")
    assert "Nothing named 'Atlantis University'" in network.describe_ego(unknown).text


def test_graph_layout_is_seeded_and_separates_components(graphs):
    org, _ = graphs
    a, b = network.graph_layout(org, seed=3), network.graph_layout(org, seed=3)
    assert set(a) == set(org)
    assert all((a[n] == b[n]).all() for n in org)
    boxes = []  # each component's bounding box: no two overlap
    for component in nx.connected_components(org):
        xy = np.array([a[n] for n in component])
        boxes.append((*xy.min(axis=0), *xy.max(axis=0)))
    assert len(boxes) == 2
    (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = boxes
    assert ax1 < bx0 or bx1 < ax0 or ay1 < by0 or by1 < ay0


def test_plot_graph(graphs):
    org, person = graphs
    ego = network.ego_graph(org, person, "MOST")
    ax = network.plot_graph(ego, seed=1)
    labels = sorted(t.get_text() for t in ax.texts)
    assert labels == ["CASC", "ESA", "Jan Woerner", "MOST", "Wang Zhigang", "Wu Yansheng"]
    assert len(ego) == 6
    assert ax.figure.unlabelled == []
    assert network.unlabelled_note(ax.figure) is None
    assert network.plot_graph(nx.Graph()).texts[0].get_text() == "Nothing to draw."


def _big_graph(n: int = 200) -> nx.Graph:
    """A scale-free graph of `n` organisations with long names."""
    g = nx.barabasi_albert_graph(n, 2, seed=1)
    out = nx.Graph()
    for i in g:
        out.add_node(f"org:{i}", node_type="organization", name=f"Organisation {i}",
                     label=f"Municipal Organisation number {i} of Somewhere", group=f"community {i % 5}")
    out.add_edges_from((f"org:{u}", f"org:{v}", {"weight": 1, "relation": "agreement"}) for u, v in g.edges)
    return out


def test_a_200_node_graph_draws_no_overlapping_labels_and_lists_the_rest():
    from helpers.reportkit import MIN_FONT, smallest_text

    graph = _big_graph()
    ax = network.plot_graph(graph)
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) > 20
    overlaps = [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
                if boxes[i].overlaps(boxes[j])]
    assert overlaps == []
    assert all(fig.bbox.x0 <= b.x0 and b.x1 <= fig.bbox.x1 for b in boxes)  # inside the figure
    labelled = {t.get_text().replace("\n", " ") for t in ax.texts}
    assert len(labelled) + len(fig.unlabelled) == graph.number_of_nodes()  # labelled or listed
    assert not any("…" in t for t in labelled)  # wrapped, never cut
    note = network.unlabelled_note(fig).text
    assert note.startswith(f"Drawn without a label for lack of room ({len(fig.unlabelled)}): ")
    assert smallest_text(fig) >= MIN_FONT


def test_wrap_label_never_cuts():
    assert network.wrap_label("Sanqiao Municipal Government Information Office") == \
        "Sanqiao Municipal\nGovernment\nInformation Office"
    assert network.wrap_label("CASC") == "CASC"


def test_layout_does_not_depend_on_node_order():
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "f")]
    forward, backward = nx.Graph(edges), nx.Graph()
    backward.add_nodes_from(sorted(forward, reverse=True))
    backward.add_edges_from(reversed(edges))
    one, two = network.graph_layout(forward, seed=3), network.graph_layout(backward, seed=3)
    assert all((one[n] == two[n]).all() for n in forward)


@pytest.mark.parametrize("dense", [0, eventcodes.DENSE_KEYS])  # sorted batches, one array
def test_person_org_links_count_distinct_events_and_own_organisations(dense):
    # people p0, p1; organisations o0, o1, o2; events (clusters) c0, c1, and c2 with no person
    links = eventcodes.person_org_links(
        person=np.array([0, 0, 0, 1]), cluster=np.array([0, 0, 1, 1]), own_org=np.array([0, 0, -1, -1]),
        co_cluster=np.array([0, 0, 1, 2, 1]), co_org=np.array([0, 1, 1, 2, 1]), chunk=1, dense=dense)
    assert links.to_dict("records") == [
        {"person": 0, "org": 0, "weight": 1, "affiliated": True},   # c0 twice is one event
        {"person": 0, "org": 1, "weight": 2, "affiliated": False},  # met at c0 and c1
        {"person": 1, "org": 1, "weight": 1, "affiliated": False}]


@pytest.mark.parametrize("dense", [0, eventcodes.DENSE_KEYS])
def test_person_org_links_count_an_own_organisation_away_from_its_events_once_per_event(dense):
    # p0 of o2 at c0 (organisations o0, o1) twice and at c1 (o2): o2 is counted at c0 and c1
    links = eventcodes.person_org_links(
        person=np.array([0, 0, 0]), cluster=np.array([0, 0, 1]), own_org=np.array([2, 2, 2]),
        co_cluster=np.array([0, 0, 1]), co_org=np.array([0, 1, 2]), dense=dense)
    assert links.to_dict("records") == [
        {"person": 0, "org": 0, "weight": 1, "affiliated": False},
        {"person": 0, "org": 1, "weight": 1, "affiliated": False},
        {"person": 0, "org": 2, "weight": 2, "affiliated": True}]

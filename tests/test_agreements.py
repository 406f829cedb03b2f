"""Agreement names, signing events, places, dates and parties (helpers.extract.agreements)."""

from __future__ import annotations

import datetime as dt

import pytest
from support import release_facts as _facts

from helpers.extract import agreements as ag
from helpers.extract.nlp import words_of
from helpers.extract.parties import parties

PARTIES = "Brindle University and Tarn Institute"


def _signing(text: str, published: dt.date | None = None):
    facts = _facts(text, published=published)
    signings = [ev for ev in facts.events if ev.kind == "signing"]
    assert len(signings) == 1
    return signings[0]


def _name(sentence: str) -> str | None:
    w = words_of(sentence)
    return ag.agreement(w, 0, len(w), sentence)[0]


def _parties(ev) -> list[str]:
    return [r[1] for r in ev.roles if r[3] == "party"]


def _party_names(text: str) -> set[str]:
    """The names of the parties of the release's first signing."""
    facts = _facts(text)
    signing = next(e for e in facts.events if e.kind == "signing")
    return {facts.orgs[r[1]].name for r in signing.roles if r[3] == "party"}


# --- agreement names ------------------------------------------------------------------------

def test_agreement_name_is_lower_case_with_its_modifiers():
    assert _name(f"{PARTIES} signed a Strategic Cooperation Agreement.") == "strategic cooperation agreement"
    assert _signing(f"{PARTIES} signed a strategic cooperation agreement.").agreement == \
        "strategic cooperation agreement"


def test_agreement_name_keeps_a_capitalised_tail():
    ev = _signing(f"{PARTIES} signed the Framework Agreement on Joint Training of Engineers.")
    assert ev.agreement == "framework agreement on joint training of engineers"


def test_agreement_name_never_swallows_a_date():
    assert _name(f"{PARTIES} signed an agreement on March 9.") == "agreement"
    assert _name(f"{PARTIES} signed a memorandum of understanding on Friday.") == "memorandum of understanding"


def test_no_agreement_word_gives_no_name():
    assert ag.agreement(words_of("They met."), 0, 2, "They met.") == (None, 0, 0)


def test_signing_a_partnership_is_a_signing_but_a_partnership_that_was_signed_elsewhere_is_not():
    w = words_of("DuPont signed a partnership with the Tarn state government.")
    assert ag.is_signing(w, 0, len(w))
    w = words_of("The partnership with Helix is the second agreement the university has signed.")
    assert ag.is_signing(w, 0, len(w))  # by its "agreement ... signed", not by the partnership
    w = words_of("The partnership will be signed next year.")
    assert not ag.is_signing(w, 0, len(w))


def test_signing_needs_a_signing_word_and_an_agreement():
    def signing(sentence: str) -> bool:
        w = words_of(sentence)
        return ag.is_signing(w, 0, len(w))

    assert signing(f"{PARTIES} signed an agreement.")
    assert signing("The signing ceremony was held in the morning.")
    assert not signing("The agreement covers five years.")
    assert not signing("Both sides signed up for the forum.")


# --- place and date -------------------------------------------------------------------------

def test_location_after_signed_in():
    assert _signing(f"{PARTIES} signed an agreement in Harbour Hall.").location == "Harbour Hall"


def test_signing_date_from_a_later_sentence():
    ev = _signing(f"{PARTIES} signed an agreement. The agreement was signed on April 18, 2022 after months of talks.")
    assert (ev.date, ev.date_text, ev.precision) == (dt.date(2022, 4, 18), "April 18, 2022", "day")


def test_today_is_the_publication_date():
    ev = _signing(f"{PARTIES} signed an agreement today.", dt.date(2024, 6, 3))
    assert (ev.date, ev.date_text, ev.precision, ev.year_source) == (dt.date(2024, 6, 3), "today", "day", "published")


def test_today_with_a_yearless_date_and_no_publication_date():
    ev = _signing(f"{PARTIES} signed an agreement today (June 3).")
    assert (ev.date, ev.date_text, ev.precision) == (None, "June 3", "no-year")


def test_yearless_date_takes_the_publication_year():
    ev = _signing(f"{PARTIES} signed an agreement on March 9.", dt.date(2023, 3, 12))
    assert (ev.date, ev.precision, ev.year_source) == (dt.date(2023, 3, 9), "day", "published")


def test_december_date_in_a_january_release_is_last_year():
    ev = _signing(f"{PARTIES} signed an agreement on December 28.", dt.date(2024, 1, 5))
    assert ev.date == dt.date(2023, 12, 28)


def test_visit_and_meeting_inherit_the_signing_date():
    f = _facts(f"{PARTIES} signed an agreement on May 4, 2023. Dean Rosa Kell visited Tarn Institute. "
               "President Ada Lind met with Mayor Ivo Brandt.")
    dates = {ev.kind: (ev.date, ev.year_source) for ev in f.events}
    assert dates == {"signing": (dt.date(2023, 5, 4), "explicit"),
                     "visit": (dt.date(2023, 5, 4), "inherited"),
                     "meeting": (dt.date(2023, 5, 4), "inherited")}


def test_sentence_without_a_date_gives_none():
    assert ag.sentence_date("The two sides signed an agreement.", None) is None
    assert ag.sentence_date("The two sides signed an agreement today.", None) is None


# --- parties --------------------------------------------------------------------------------

def test_parties_from_between_x_and_y():
    ev = _signing(f"An agreement between {PARTIES} was signed on May 4, 2023.")
    assert _parties(ev) == ["brindle university", "tarn institute"]


def test_attendees_organisation_in_another_sentence_is_no_party():
    ev = _signing(f"An agreement between {PARTIES} was signed on May 4, 2023. "
                  "President Ada Lind of Kestrel College attended the signing ceremony.")
    assert _parties(ev) == ["brindle university", "tarn institute"]
    assert ("ada lind", "kestrel college", "attendee") in {(r[0], r[1], r[3]) for r in ev.roles}


def test_x_signed_with_y_gives_both_parties():
    ev = _signing("Brindle University signed an agreement with Tarn Institute.")
    assert _parties(ev) == ["brindle university", "tarn institute"]


@pytest.mark.parametrize("text", ["", "No organisation is named here."])
def test_parties_of_a_sentence_without_organisations(text):
    w = words_of(text)
    assert parties(w, 0, len(w), []) == []


@pytest.mark.parametrize("text", [
    "The two sides hope to sign a memorandum of understanding next year.",
    "They proposed that the two universities sign an agreement on student exchange.",
    "The agreement will be signed in May.",
    "The MoU signing ceremony will be followed by a symposium.",
    "This followed a meeting in Khartoum in 2014 where an agreement on science was signed.",
    "With the agreement now signed, a plan of action is expected.",
    "Prof. Ann Lee said the MoU was signed when Prof. Tom Reed was then the Director of the Tarn Institute.",
    "In 2006 Tarnland and Brindleland signed a Treaty on Cooperation in Science and Technology.",
    "The talks will be formalized through an agreement to be signed by the Tarn Agency with these institutions.",
    "The Tarn Academy has signed similar agreements with other foreign institutions.",
    "No agreement was signed during the visit.",
    "The two sides did not sign a memorandum at the meeting.",
    "He said that since the two governments signed an agreement on science, joint laboratories have grown.",
    "The parties agreed to prepare a memorandum on the joint laboratory and to sign it in May.",
    "They agreed to form a joint team to draft a memorandum between the two, with a view to signing it soon.",
    "Tarn and Brindle have cooperated since 2017, when they signed a letter of intent on student exchange.",
    "The signing of the agreement is scheduled for September.",
    "The sides agreed to prepare a memorandum of understanding on a joint technician training centre and to sign "
    "it during the company's next visit.",
    "She recalled the memorandum Tarn signed with Brindle in 2021, which supported eight projects.",
    "Referring to the memorandum signed between the two institutes, Dr. Ann Lee said that science must be joint.",
    "The visit follows the MoU Tarn signed with the Federal Polytechnic of Osk, Nnewi in 2021 on training.",
])
def test_an_intention_an_earlier_signing_or_a_signed_state_is_no_signing(text):
    facts = _facts(f"{PARTIES} met in Tarn. {text}")
    assert [ev for ev in facts.events if ev.kind == "signing"] == []


def test_an_agreement_signed_in_an_earlier_year_told_at_the_clause_end_is_no_signing():
    facts = _facts("A delegation from the Tarn Agency visited the Brindle Council. The two bodies signed a letter "
                   "of intent on the exchange of tide-gauge data in 2016.", published=dt.date(2024, 4, 22))
    assert [ev for ev in facts.events if ev.kind == "signing"] == []
    now = _facts("The Tarn Agency and the Brindle Council signed a letter of intent on the exchange of tide-gauge "
                 "data on 19 April, renewing the one first signed in 2016.", published=dt.date(2024, 4, 22))
    assert [ev.date for ev in now.events if ev.kind == "signing"] == [dt.date(2024, 4, 19)]


def test_an_agreement_dated_by_an_earlier_year_in_its_name_is_no_signing():
    facts = _facts(f"{PARTIES} met in Tarn. Their researchers took part in projects under the 2021 research "
                   "exchange protocol signed between the two.", published=dt.date(2024, 6, 18))
    assert [ev for ev in facts.events if ev.kind == "signing"] == []
    now = _facts(f"Building on the 2019 agreement between them, {PARTIES} signed an MoU on May 4, 2023.")
    assert [ev.date for ev in now.events if ev.kind == "signing"] == [dt.date(2023, 5, 4)]


def test_an_agreement_signed_in_an_earlier_year_told_before_the_verb_is_no_new_signing():
    facts = _facts(f"{PARTIES} signed an MoU on 14 March. Tarn already has such partners: in 2019 the University "
                   "signed a framework agreement with the Osk Institute.", published=dt.date(2023, 3, 15))
    assert [ev.date for ev in facts.events if ev.kind == "signing"] == [dt.date(2023, 3, 14)]


def test_a_signing_announced_today_under_a_dateline_takes_the_day_a_later_sentence_names():
    facts = _facts("ABIDJAN, Côte d'Ivoire, 21 November 2024 /AfricaWire/ -- Tarn Télécom SA and the Osk Institute "
                   "have signed a partnership agreement on a 5G academy, the two organisations announced today.\n\n"
                   "The agreement was signed on the sidelines of the Digital Days, held from 18 to 20 November. The "
                   "ceremony took place on 19 November, the second day of the event.", published=dt.date(2024, 11, 21))
    assert [ev.date for ev in facts.events if ev.kind == "signing"] == [dt.date(2024, 11, 19)]


@pytest.mark.parametrize("text, published", [
    ("Dubai, UAE – 15 October 2024: Tarn Quantum has signed three MoUs with Osk University.", dt.date(2024, 10, 15)),
    ("ATHENS, Greece – 21 February 2025 – Tarn Data S.A. and Osk University signed an MoU.", dt.date(2025, 2, 21)),
])
def test_a_dateline_with_a_dash_before_its_date_dates_the_release(text, published):
    assert _facts("Company news\n\n" + text).doc.published in (None, published)
    from helpers.dates import dateline
    assert dateline(text) is not None


def test_a_signing_not_only_signed_is_a_signing():
    ev = _signing(f"{PARTIES} not only signed an agreement on May 4, 2023 but also opened a laboratory.")
    assert ev.date == dt.date(2023, 5, 4)


def test_a_signing_after_an_intention_is_a_signing():
    ev = _signing(f"{PARTIES} agreed to sign an MoU and signed a letter of intent on May 4, 2023.")
    assert ev.date == dt.date(2023, 5, 4)


@pytest.mark.parametrize("text, parties", [
    ("Airbus and MTU Aero Engines have signed a Memorandum of Understanding.", ["airbus", "mtu aero engines"]),
    ("NASA and the University of Arizona in Tucson, Arizona, have signed a Space Act Agreement.",
     ["nasa", "university of arizona"]),
    ("Orbitek signed an agreement with Zhejiang University, Hangzhou.", ["orbitek", "zhejiang university"]),
    ("The Tarn Institute (TI) on 2 September signed a memorandum with Brindle University.",
     ["brindle university", "tarn institute"]),
    ("Brindle University on Monday, May 4, 2026 signed an agreement with the Tarn Institute.",
     ["brindle university", "tarn institute"]),
    ("Brindle University, a powerhouse in quantum research, and Qubex (NYSE: QBX), a leader in the industry, "
     "today announced that they have signed a $9 million agreement.", ["brindle university", "qubex"]),
    ("The Tarn Institute is pleased to announce it has signed a memorandum with Brindle University.",
     ["brindle university", "tarn institute"]),
    ("The Narmada Institute (NI), Jabalpur, entered into a Memorandum of Understanding with Kesari Ltd.",
     ["kesari", "narmada institute"]),
    ("Tarn University (TU) Lahore and Brindle Institute (BI) Peshawar have signed a memorandum of understanding.",
     ["brindle institute", "tarn university"]),
    ("Brindle University has signed an agreement with Queensland horticulture technology company Sunreef "
     "Agritech Pty Ltd.", ["brindle university", "sunreef agritech"]),
    ('TOKYO, March 12, 2024 /JBN Newswire/ -- Tarn Denki Co., Ltd. (TSE: 6958, "Tarn Denki") today announced '
     "that it has concluded a joint research agreement with Kitakami University.",
     ["kitakami university", "tarn denki"]),
])
def test_parties_by_their_place_in_the_signing_sentence(text, parties):
    assert sorted(_parties(_signing(text))) == parties


def test_an_undated_headline_signing_is_filled_by_the_dated_sentence():
    facts = _facts("Memorandum on Cooperation signed between Brindle and Tarn\n\n"
                   f"On February 10, 2021, a Memorandum of Cooperation was signed between {PARTIES}.")
    signings = [ev for ev in facts.events if ev.kind == "signing"]
    assert len(signings) == 1 and signings[0].date == dt.date(2021, 2, 10)


def test_an_earlier_agreement_word_elsewhere_in_the_sentence_does_not_cancel_the_signing():
    ev = _signing(f"{PARTIES} signed an agreement on May 4, 2023, building on links that already exist.")
    assert ev.date == dt.date(2023, 5, 4)


def test_a_dashed_wire_dateline_dates_the_release_and_a_later_dated_ceremony_the_signing():
    facts = _facts(f"HONG KONG SAR – Media OutReach – 13 June 2022 – {PARTIES} signed a memorandum of understanding.")
    assert [e.date for e in facts.events if e.kind == "signing"] == [None]
    facts = _facts(f"SINGAPORE - Media OutReach Newswire - 13 March 2025 - {PARTIES} have signed an MOU. "
                   "The Minister witnessed the MOU exchange ceremony on March 13, 2025.")
    assert [e.date for e in facts.events if e.kind == "signing"] == [dt.date(2025, 3, 13)]


def test_a_wire_dateline_dates_the_release_not_the_signing():
    facts = _facts(f"BANGKOK, Jan. 18, 2026 /PRNewswire/ -- {PARTIES} signed a Memorandum of Understanding "
                   "on January 17, 2026, at the Tarn campus.")
    ev = [e for e in facts.events if e.kind == "signing"][0]
    assert ev.date == dt.date(2026, 1, 17)


def test_an_opening_on_date_after_menu_lines_dates_the_signing():
    menu = "Overview\nAdministration\nCU Symbols\nPrograms\nAdmissions\nCU News\n5 March 2026\n"
    f = _facts(menu + "On February 27, 2026, at Meeting Room 702 of the Tarn Institute, the President welcomed "
               "a delegation.\n\nThe agreement aims to develop capacity.\n\n"
               f"The MOU was formally signed by the leaders of {PARTIES}.")
    assert [e.date for e in f.events if e.kind == "signing"] == [dt.date(2026, 2, 27)]


def test_a_byline_date_does_not_date_the_signing_but_an_opening_on_date_does():
    f = _facts("By Brindle University Communications February 6, 2019\n\n"
               f"{PARTIES} signed a three-year memorandum of understanding.")
    assert [e.date for e in f.events if e.kind == "signing"] == [None]
    f = _facts("On February 27, 2026, at Meeting Room 702 of the Tarn Institute, the delegations met.\n\n"
               f"The delegation attended the signing ceremony of a Memorandum of Understanding between {PARTIES}.")
    assert [e.date for e in f.events if e.kind == "signing"] == [dt.date(2026, 2, 27)]


def test_a_country_set_off_by_commas_before_the_verb_is_a_place():
    ev = _signing("Brindle University (BU) and Tarn Institute, Türkiye, have signed a Memorandum of Understanding.")
    assert sorted(_parties(ev)) == ["brindle university", "tarn institute"]


def test_a_place_set_off_by_commas_between_parties_is_skipped():
    ev = _signing("Officials from Tarn Institute, Greenbelt, Md. and Brindle University have signed a "
                  "memorandum of understanding.")
    assert sorted(_parties(ev)) == ["brindle university", "tarn institute"]


def test_speaking_on_behalf_of_is_no_signing_role():
    f = _facts(f"{PARTIES} signed an agreement. Speaking on behalf of the organisations, Professor Ada Lind "
               "thanked the staff.")
    roles = {(r[0], r[3]) for ev in f.events for r in ev.roles if r[0]}
    assert ("ada lind", "speaker") in roles and ("ada lind", "signatory") not in roles


def test_the_subject_of_coordinated_verbs_signs():
    ev = _signing("BANGKOK, Jan. 18, 2026 /PRNewswire/ -- Brindle University, Tarn Institute and Kestrel "
                  "College held their first joint meeting of councils and jointly signed a Memorandum.")
    assert sorted(_parties(ev)) == ["brindle university", "kestrel college", "tarn institute"]


def test_an_apposition_before_the_signing_verb_lends_no_party():
    ev = _signing("Brindle University and Orbitek, a leading provider under Kestrel Industries, signed an "
                  "agreement on April 16, 2025.")
    assert "kestrel industries" not in _parties(ev)


def test_parties_come_from_the_headline_when_the_body_names_none():
    facts = _facts("A delegation from Tarn Institute visited Brindle University on May 3, 2023.\n\n"
                   "The next day, the two institutions signed a research agreement in Harbour Hall.",
                   title="Brindle University and Tarn Institute sign research agreement",
                   published=dt.date(2023, 5, 5))
    (signing,) = [ev for ev in facts.events if ev.kind == "signing"]
    assert sorted(_parties(signing)) == ["brindle university", "tarn institute"]


def test_entered_into_an_agreement_is_a_signing_but_entered_into_force_is_not():
    ev = _signing(f"{PARTIES} entered into an MoU on 21st Aug 2024 at the Tarn campus.")
    assert ev.date == dt.date(2024, 8, 21) and sorted(_parties(ev)) == ["brindle university", "tarn institute"]
    facts = _facts(f"The agreement between {PARTIES} entered into force last year.")
    assert [e for e in facts.events if e.kind == "signing"] == []


def test_the_month_may_is_no_intention():
    ev = _signing(f"The Mayor witnessed today (May 21) the signing of the Framework Agreement between {PARTIES}.")
    assert sorted(_parties(ev)) == ["brindle university", "tarn institute"]


def test_an_agreement_built_on_an_earlier_one_keeps_its_own_parties():
    f = _facts(f"{PARTIES} signed a research agreement on May 4, 2023. The President said the agreement built "
               "on the memorandum Tarn Institute signed with Kestrel College in October.")
    ev = [e for e in f.events if e.kind == "signing"][0]
    assert "kestrel college" not in _parties(ev)


def test_yesterday_is_the_day_before_a_printed_publication_date():
    facts = _facts("Tarn Academy and Brindle Academy signed the Tarn Declaration yesterday.",
                   published=dt.date(2019, 9, 10))
    (ev,) = [e for e in facts.events if e.kind == "signing"]
    assert ev.date == dt.date(2019, 9, 9)
    undated = _facts("Tarn Academy and Brindle Academy signed the Tarn Declaration yesterday.")
    assert [e.date for e in undated.events if e.kind == "signing"] == [None]


def test_a_later_sentence_on_the_signing_dates_an_undated_signing():
    facts = _facts("Tarn Institute has signed a memorandum of understanding with Brindle University. "
                   "Ann Lee and Tom Reed took part in the signing today in Limerick.",
                   published=dt.date(2009, 12, 8))
    (ev,) = [e for e in facts.events if e.kind == "signing"]
    assert ev.date == dt.date(2009, 12, 8)


@pytest.mark.parametrize("text", [
    "A consensus had been reached when Tarn Corporation and Brindle University signed a memorandum of "
    "understanding in 2012.",
    "Tarn Corporation and Brindle University had signed a memorandum of understanding in 2012.",
])
def test_a_signing_told_in_the_past_of_the_past_is_an_earlier_one(text):
    facts = _facts("A delegation of Tarn Corporation visited Brindle University on January 16. " + text)
    assert not [e for e in facts.events if e.kind == "signing"]


def test_an_owner_in_a_list_of_parties_gives_way_to_what_it_owns():
    facts = _facts("In a memorandum signed today, Brindle University and the Department of Energy's Tarn "
                   "National Laboratory agreed to work together.")
    (ev,) = [e for e in facts.events if e.kind == "signing"]
    assert sorted(_parties(ev)) == ["brindle university", "tarn national laboratory"]


def test_family_names_that_sign_are_no_parties():
    facts = _facts("Brindle University President Ann Bolden and Tarn Institute Director Lee Worner met in Tarn. "
                   "Bolden and Worner signed an agreement on May 4, 2023.")
    (ev,) = [e for e in facts.events if e.kind == "signing"]
    assert not {"bolden", "worner"} & set(_parties(ev))


def test_a_possessive_owner_before_a_partner_after_with_is_skipped():
    (ev,) = _facts("Brindle University signed a cooperation agreement with Norway's National Institute "
                   "of Oceanography on May 4, 2023.").events
    assert _parties(ev) == ["brindle university", "national institute of oceanography"]


@pytest.mark.parametrize("text, party", [
    ("Doha, Qatar: Ooredix, Qatar's leading ICT provider, has signed a memorandum of understanding with "
     "Brindle University.", "ooredix"),
    ("Tarnfield Aluminium B.S.C., the world's largest smelter, has signed an agreement with Brindle University.",
     "tarnfield aluminium b s c"),
])
def test_a_headless_subject_before_an_apposition_is_a_party(text, party):
    (ev,) = _facts(text).events
    assert party in _parties(ev) and "brindle university" in _parties(ev)


@pytest.mark.parametrize("text, signing", [
    ("Brindle University and Tarn Institute have entered a strategic partnership on ocean research.", True),
    ("Brindle University and Tarn Institute entered into an MoU on ocean research.", True),
    ("Brindle University and Tarn Institute entered into talks on ocean research.", False),
    ("The agreement between Brindle University and Tarn Institute entered into force in May.", False),
])
def test_entering_a_partnership_or_an_agreement_is_a_signing(text, signing):
    assert any(ev.kind == "signing" for ev in _facts(text).events) is signing


def test_an_agreement_signed_years_before_the_lead_event_is_no_signing():
    f = _facts("On March 13, 2017 a delegation of Tarn Institute visited Brindle University. During the meeting "
               "the sides discussed how to implement the agreement between Brindle University and Tarn "
               "Institute, signed on December 12, 2016.")
    assert [ev.kind for ev in f.events if ev.kind == "signing"] == []
    ext = _facts("On 1 October 2017, Brindle University and Tarn Institute concluded an agreement to extend "
                 "their memorandum of understanding for collaboration, initiated in 2013.")
    assert [ev.kind for ev in ext.events] == ["signing"]


def test_a_country_a_title_names_is_no_party():
    ev = _signing(f"{PARTIES} signed an MoU. The MoU was signed by Dr. Ali Reed, UAE Minister of State, and "
                  "Tom Dale, CEO of Tarn Institute, in the presence of Omar Khaja, UAE Ambassador to Israel.")
    assert sorted(_parties(ev)) == ["brindle university", "tarn institute"]
    ev = _signing("The agreement was signed in the presence of Omar Khaja, UAE Ambassador to Israel, and "
                  "Amir Hayek, Israel's Ambassador to the UAE.")
    assert _parties(ev) == []


def test_a_photo_caption_sums_up_the_signing_the_body_tells():
    f = _facts("Minister Ann Lee (center) and Quillon Chairman Tom Reed (second left) are joined by Tarn Association "
               "Director Bo Chen (second right) at the signing ceremony for the memorandum of understanding.\n\n"
               f"A memorandum of understanding was concluded by {PARTIES} on Oct. 12, 2017 in Tarn.")
    (ev,) = [e for e in f.events if e.kind == "signing"]
    assert sorted(_parties(ev)) == ["brindle university", "tarn institute"]


def test_a_venue_is_no_party():
    ev = _signing("The partnership was solidified with the signing of an MoU at Brindle's Palisadoes Park campus.")
    assert _parties(ev) == []


def test_a_one_word_short_form_met_before_a_party_read_from_the_slot_is_that_party():
    f = _facts("Dr. Tom Reed, Quillon's SVP Engineering, spoke. Brindle and Quillon Aero Engines have signed an MoU.")
    (ev,) = [e for e in f.events if e.kind == "signing"]
    assert "quillon" not in f.orgs and "quillon aero engines" in set(_parties(ev))
    assert f.people["reed tom"].org == "quillon aero engines"


def test_a_signing_sentence_ending_in_a_colon_names_its_parties_next():
    f = _facts("Two leaders in quantum research have concluded a Memorandum of Understanding for close collaboration:\n"
               "Quillon Laboratories Europe and the Tarn research institutions Brindle University and Tarn Institute.")
    (ev,) = [e for e in f.events if e.kind == "signing"]
    assert sorted(_parties(ev)) == ["brindle university", "quillon laboratories europe", "tarn institute"]


def test_a_signatory_whose_organisation_is_inferred_brings_it_as_a_party():
    f = _facts("A delegation from the Brindle University's College of Physical Sciences has travelled to Tarn.\n\n"
               "Head of the College, Professor Ann Lee is leading the delegation and on August 31 signed a "
               "Memorandum Of Understanding with Tarn Institute on behalf of the University.")
    (ev,) = [e for e in f.events if e.kind == "signing"]
    assert sorted(_parties(ev)) == ["brindle university", "tarn institute"]


def test_a_cosigned_memorandum_is_a_signing_with_its_signatories():
    f = _facts("The two CEOs, Dr. Ann Lee of Brindle University and Mr. Tom Reed of Tarn Institute, cosigned the MOU.")
    (ev,) = [e for e in f.events if e.kind == "signing"]
    assert {r[0] for r in ev.roles if r[3] == "signatory"} == {"ann lee", "reed tom"}


def test_a_news_agency_that_tells_the_story_is_no_party():
    ev = _signing("KAZINFORM - Officials of the Tarn Institute attended the signing of a memorandum of cooperation.")
    assert _parties(ev) == ["tarn institute"]


@pytest.mark.parametrize("sentence", [
    "Both sides expressed their willingness to sign a cooperation agreement soon.",
    "The meeting paved the way for the signing of a cooperation agreement.",
    "The two institutions explored the possibility of signing an MoU on joint research.",
    "The MoU, to be signed later this year, will cover joint research.",
    "The parties are expected to sign a framework agreement at the next summit.",
    "Tarn University and Brindle Institute are set to sign an agreement next month.",
    "The visit follows the signing of a memorandum of understanding between the two institutions last year.",
    "Tarn University received a delegation from Brindle Institute, which signed a cooperation agreement with Osk "
    "University last month.",
    "The two sides agreed that an agreement would be drafted and signed at a later stage.",
    "The delegation was briefed on the agreements Tarn University has signed with more than 50 institutions.",
])
def test_a_readiness_or_a_prospect_of_signing_is_no_signing(sentence):
    facts = _facts(f"Campus news\n\nMay 5, 2023\n\n{sentence} The two sides also discussed exchanges.")
    assert not [e for e in facts.events if e.kind == "signing"]


@pytest.mark.parametrize("sentence", [
    "Expressing their desire for closer ties, Tarn University and Brindle Institute signed an agreement.",
    "The draft agreement was signed on May 3 after long negotiations.",
    "Building on their willingness to cooperate, the two institutions inked an MoU.",
    "The agreement, which paves the way for joint degrees, was signed on May 4.",
    "The pending agreement was finally signed on May 4 in Tarnby.",
    "The memorandum of understanding has been signed by both institutions on May 4.",
    "Tarn University, which signed an MoU with Osk University in 2019, signed an agreement with Brindle Institute "
    "on May 4.",
])
def test_a_signing_told_beside_hopes_is_a_signing(sentence):
    facts = _facts(f"Campus news\n\nMay 5, 2023\n\n{sentence} The two sides also discussed exchanges.")
    assert [e for e in facts.events if e.kind == "signing"]


@pytest.mark.parametrize("text, parties", [
    ("Tarn University signed a memorandum of understanding with Brindle Institute on May 4, 2023.",
     {"Tarn University", "Brindle Institute"}),
    ("A memorandum of understanding was signed between Tarn University and Brindle Institute on May 4, 2023.",
     {"Tarn University", "Brindle Institute"}),
    ("Quill Aerospace signed MoUs with Tarn University, Brindle Institute and Osk University at the air show on "
     "May 4, 2023.", {"Quill Aerospace", "Tarn University", "Brindle Institute", "Osk University"}),
    ("Tarn University, Brindle Institute and Osk University signed a tripartite agreement on May 4, 2023.",
     {"Tarn University", "Brindle Institute", "Osk University"}),
    ("On May 4, 2023, Tarn University (TU) and the Brindle Institute of Technology (BIT) signed an MoU.",
     {"Tarn University", "Brindle Institute of Technology"}),
    ("The Ministry of Science of Tarnland and the Brindle Academy of Sciences signed a framework agreement on May 4, "
     "2023.", {"Ministry of Science of Tarnland", "Brindle Academy of Sciences"}),
    ("Quill Aerospace Corporation and Tarn University have signed a strategic cooperation agreement. The agreement "
     "was signed on May 4, 2023.", {"Quill Aerospace Corporation", "Tarn University"}),
    ("Tarn University and Brindle Institute signed an MoU on May 4, 2023. The two institutions had signed an earlier "
     "agreement with Osk University in 2019.", {"Tarn University", "Brindle Institute"}),
    ("Brindle Institute, a leading research centre in Tarnby, and Tarn University signed an MoU on May 4, 2023.",
     {"Brindle Institute", "Tarn University"}),
    ("TARNBY, May 4, 2023 /PRNewswire/ -- Quill Robotics Inc. and Tarn University today announced that they have "
     "signed a research agreement.", {"Quill Robotics Inc.", "Tarn University"}),
    ("An agreement on joint research was signed on May 4, 2023 by Tarn University and Brindle Institute.",
     {"Tarn University", "Brindle Institute"}),
    ("On May 4, 2023, Tarn Academy (TA) and Brindle Agency (BA), under the Ministry of Natural Resources, signed "
     "an MoU.", {"Tarn Academy", "Brindle Agency"}),
    ("Tarn Academy and Brindle Agency, part of the Ministry of Natural Resources, signed an MoU on May 4, 2023.",
     {"Tarn Academy", "Brindle Agency"}),
    ("Tarn University signed a memorandum of understanding with two partners on May 4, 2023: Brindle Institute "
     "and Osk University.", {"Tarn University", "Brindle Institute", "Osk University"}),
    ("Tarn University and its long-time partner Brindle Institute signed an MoU on May 4, 2023.",
     {"Tarn University", "Brindle Institute"}),
    ("Tarn University, Finland, and Brindle Institute, Norway, signed an MoU on May 4, 2023.",
     {"Tarn University", "Brindle Institute"}),
])
def test_each_shape_of_a_signing_sentence_gives_its_parties_and_no_other(text, parties):
    assert _party_names("Campus news\n\n" + text) == parties


@pytest.mark.parametrize("text, day", [
    (f"{PARTIES} signed an MoU during the Tarn Forum, held September 9-11 in Tarnby. The signing took place on "
     "September 10 at a ceremony.", 10),
    (f"{PARTIES} signed an MoU during Tarn Week 2023, held September 9-12. On September 11, the rectors signed the "
     "memorandum before an audience.", 11),
    (f"{PARTIES} signed an agreement during Tarn Week, held in Tarnby from 8 to 11 September. The agreement was "
     "signed on 10 September by the two rectors.", 10),
    (f"The signing of the agreement between {PARTIES} took place at the Tarn workshop, held in Tarnby on September "
     "5-6. The agreement was signed on the second day of the workshop by the two rectors.", 6),
    (f"{PARTIES} signed an MoU during the Tarn Forum, held September 9-11 in Tarnby.", 9),
    (f"{PARTIES} signed an MoU during the Tarn Forum, held September 9-11. The forum's report came on September 20, "
     "and the signing was praised.", 9),
])
def test_a_signing_dated_by_a_range_takes_the_day_a_later_sentence_names(text, day):
    assert _signing("Campus news\n\n" + text, dt.date(2023, 9, 25)).date == dt.date(2023, 9, day)


def test_a_range_is_read_from_either_end():
    assert ag.sentence_date("held September 9-11 in Tarnby", dt.date(2023, 9, 25))[::4] == (dt.date(2023, 9, 9), 3)
    assert ag.sentence_date("held from 8 to 11 September", dt.date(2023, 9, 25))[::4] == (dt.date(2023, 9, 8), 4)
    assert ag.sentence_date("signed on September 9 in Tarnby", dt.date(2023, 9, 25))[::4] == (dt.date(2023, 9, 9), 1)


def test_a_dateline_of_digits_dates_the_release_and_a_weekday_the_signing():
    ev = _signing("Tarnby, 04.07.2023 – Brindle University and Tarn Institute signed a Memorandum of Understanding "
                  "on Monday (3/7) at the university.", dt.date(2023, 7, 4))
    assert ev.date == dt.date(2023, 7, 3)


@pytest.mark.parametrize("sentence, date", [
    ("Tarn University announced on the 9th that it signed an MoU with Brindle Institute on the 8th.",
     dt.date(2024, 5, 8)),
    ("Tarn University signed an MoU with Brindle Institute on the 28th at its campus.", dt.date(2024, 4, 28)),
    ("Tarn University signed an MoU with Brindle Institute on the 8th floor of its tower.", None),
])
def test_a_day_written_by_itself_is_a_day_of_the_publication_month_or_the_one_before(sentence, date):
    got = ag.sentence_date(sentence, dt.date(2024, 5, 9))
    assert (got[0] if got else None) == date


@pytest.mark.parametrize("text, date", [
    ("The Tarn Council held its 41st session on 26-27 November 2024 in Tarnby. On 27 November, Tarn University "
     "and Brindle Institute signed a cooperation agreement.", dt.date(2024, 11, 27)),
    ("Tarn University and Brindle Institute signed an MoU on 12 September during the University's 2022 Innovation "
     "Week; it follows a 2019 protocol and serves the Vision 2030 plan.", dt.date(2022, 9, 12)),
    ("Tarn University and Brindle Institute signed an MoU on 12 September. It is the University's first agreement "
     "with a company in 2022 and follows a 2019 protocol.", None),
    ("Tarn University and Brindle Institute signed an MoU on 12 September to cut emissions by 2030.", None),
    ("Tarn University and Brindle Institute signed an MoU on 12 September.", None),
])
def test_a_year_less_date_with_no_publication_date_takes_the_year_the_text_states(text, date):
    ev = _signing("Campus news\n\n" + text)
    assert ev.date == date
    assert ev.year_source == ("text" if date else None)


def test_a_range_and_a_later_day_in_one_sentence_date_the_signing_by_the_later_day():
    facts = _facts(f"A signing ceremony was held on May 3-4 in Tarnby, where {PARTIES} signed an MoU on May 4.",
                   published=dt.date(2023, 5, 10))
    assert [e.date for e in facts.events if e.kind == "signing"] == [dt.date(2023, 5, 4)]


@pytest.mark.parametrize("text, parties", [
    ("Tarn University, which signed an MoU with Osk University in 2019, signed an agreement with Brindle Institute "
     "on May 4, 2023.", {"Tarn University", "Brindle Institute"}),
    ("Tarn University and Brindle Institute signed an agreement on May 4, 2023. The agreement follows an MoU that "
     "Brindle Institute signed with Osk University in 2019.", {"Tarn University", "Brindle Institute"}),
    ("Building on the 2019 agreement between Tarn University and Osk University, Tarn University signed an MoU with "
     "Brindle Institute on May 4, 2023.", {"Tarn University", "Brindle Institute"}),
    ("Tarn University and Brindle Institute renewed their cooperation agreement on May 4, 2023, first signed in 2015.",
     {"Tarn University", "Brindle Institute"}),
    ("Beijing University, Tarn Institute and Osk University signed a tripartite agreement on May 4, 2023.",
     {"Beijing University", "Tarn Institute", "Osk University"}),
    ("Under the agreement signed between Tarn University and Osk University on May 4, 2023, students will move.",
     {"Tarn University", "Osk University"}),
])
def test_an_agreement_told_in_passing_keeps_its_parties_out_of_the_reported_signing(text, parties):
    assert _party_names("Campus news\n\n" + text) == parties


def test_a_body_whose_campus_is_the_venue_is_no_party_and_who_watches_witnesses():
    facts = _facts("The agreement was signed on the TU campus by the dean of Tarn University (TU), Ada Lind, and "
                   "the president of Brindle Inc., Omar Feld. Photo: Ada Lind and Omar Feld sign the agreement, "
                   "watched by Tom Reed.")
    ev = _signing(facts.doc.text)
    assert sorted(_parties(ev)) == ["brindle", "tarn university"]
    assert {r[0]: r[3] for r in ev.roles if r[0]}["reed tom"] == "witness"


def test_a_range_with_ordinal_days_is_resolved_by_the_later_signing_day():
    ev = _signing("The agreement was concluded during Tarn Week, held from 3rd to 5th October 2023. It was signed "
                  "on 4th October 2023 by Tarn University and Brindle Institute.")
    assert ev.date == dt.date(2023, 10, 4)


def test_a_headline_mou_and_the_memorandum_of_understanding_of_the_text_are_one_signing():
    facts = _facts("Trilateral MOU signed during Ocean Week (October 23–25, Busan)\n\nThe Tarn Ministry announced "
                   "that it signed a trilateral memorandum of understanding with Brindle University and Osk "
                   "Institute. The MOU was signed on October 24.", published=dt.date(2023, 10, 25))
    signings = [ev for ev in facts.events if ev.kind == "signing"]
    assert len(signings) == 1 and signings[0].date == dt.date(2023, 10, 24)


@pytest.mark.parametrize("sentence, signs", [
    ("The forum concluded on 4 March with the adoption of a declaration by Tarn and Osk.", False),
    ("The visit concluded with the signing of a memorandum of understanding by Tarn and Osk.", True),
    ("Tarn and Osk concluded a framework agreement on 4 March.", True),
])
def test_an_event_that_concluded_is_no_agreement_concluded(sentence, signs):
    w = words_of(sentence)
    assert ag.is_signing(w, 0, len(w)) is signs


def test_memoranda_signed_today_are_a_signing():
    ev = _signing("TARNBY. Tarn Geo JSC has signed separate memoranda with three universities, a correspondent "
                  "reports. The memoranda were signed today in Tarnby by the Chairman of Tarn Geo, Yerlan Osk, and "
                  "the rector of Saryarka Technical University, Gulnara Abenova.", published=dt.date(2025, 2, 18))
    assert ev.date == dt.date(2025, 2, 18)
    assert {r[0] for r in ev.roles if r[3] == "signatory"} == {"osk yerlan", "abenova gulnara"}


def test_no_signer_without_a_signing_and_no_signing_in_quotes():
    facts = _facts("TARNBY, 4 May 2024 – A delegation of Osk University visited Tarn University. Rector Ana Lind "
                   "recalled that the student exchange agreement between the two universities, signed in 2019, "
                   "has brought 23 students to Tarnby. \"We have more signed agreements than active projects,\" "
                   "she said.", published=dt.date(2024, 5, 4))
    assert not [ev for ev in facts.events if ev.kind == "signing"]
    assert not [r for ev in facts.events for r in ev.roles if r[3] in ("signatory", "witness")]

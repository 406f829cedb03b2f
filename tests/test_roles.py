"""Who has a part in the reported event (helpers.extract.roles): contact blocks and past office-holders have none."""

from __future__ import annotations

import datetime as dt

import pytest
from support import release_facts

from helpers.extract.roles import in_contact_block

SIGNING = ("Tarn Robotics AB and Brindle University signed a research agreement on 4 May 2025. It was signed by "
           "Elin Berg, CEO of Tarn Robotics AB, and Prof. Sara Nyström, Rector of Brindle University.\n\n")


def _role_holders(text: str) -> set[str]:
    facts = release_facts(text, published=dt.date(2025, 5, 5))
    return {facts.people[r[0]].name for ev in facts.events for r in ev.roles if r[0]}


@pytest.mark.parametrize("tail", [
    "For more information, please contact:\nElin Berg, CEO, Tarn Robotics AB\nPhone: +46 31 000 00 00\n\n"
    "Jonas Lind, Head of Investor Relations\nE-mail: ir@tarn.example\n",
    "Contacts\nTarn Robotics AB\nMilica Jovanović, Communications Manager\npress@tarn.example\n",
    "For further information, please contact Deputy Director JEONG Woo-sung (+82-44-555-0192), International "
    "Cooperation Division.\n",
])
def test_the_people_of_a_contact_block_have_no_part_in_the_event(tail):
    assert _role_holders(SIGNING + tail) == {"Elin Berg", "Sara Nyström"}


def test_a_contact_block_ends_where_a_long_line_begins():
    text = "Media contact:\nShira Golan, Head of Communications\n\nPhoto caption: Dr. Ana Lind, Director of Tarn " \
           "Robotics AB (left), and Prof. Sara Nyström sign the memorandum of understanding in Tarnby on Monday."
    assert in_contact_block(text, text.index("Shira"))
    assert not in_contact_block(text, text.index("Ana Lind"))


def test_the_then_office_holder_of_an_earlier_signing_has_no_part():
    text = SIGNING + ("The original agreement between the two was signed in 2016 by the then Vice-Chancellor, "
                      "Professor Sir Malcolm Ruddock.")
    assert _role_holders(text) == {"Elin Berg", "Sara Nyström"}


def test_a_later_sentence_after_for_more_information_is_no_contact_block():
    text = ("For more information about the joint laboratory, visit the website. The agreement was signed by "
            "Dr. Ana Lind, Director of Tarn Robotics AB.")
    assert not in_contact_block(text, text.index("Ana Lind"))


def test_agents_of_one_signing_after_semicolons_each_sign():
    facts = release_facts(
        "The protocol was signed on 15 March 2024 by the Regional Councillor, Dr. Chiara Bono, on behalf of the "
        "Tarn Region; by the President of the National Institute for Applied Materials (INAM), Prof. Vittorio "
        "Santi; and by the Chief Executive Officer of Cantieri Tarnesi S.p.A., Dr. Luca Giacomelli.")
    signers = {facts.people[r[0]].name for ev in facts.events for r in ev.roles if r[3] == "signatory"}
    assert signers == {"Chiara Bono", "Vittorio Santi", "Luca Giacomelli"}


@pytest.mark.parametrize("cue", ["The visitors, led by", "The delegation, led by", "The guests, led by"])
def test_the_people_leading_visitors_after_a_comma_are_visitors_of_the_delegation(cue):
    facts = release_facts(f"A delegation from Tarn University visited Brindle Labs on 4 May 2025. {cue} Vice-Rector "
                          "Dr. Elin Berg, were welcomed by Brindle Labs CEO Sara Nyström.",
                          published=dt.date(2025, 5, 5))
    roles = {(facts.people[r[0]].name, r[3]) for ev in facts.events for r in ev.roles if r[0]}
    assert ("Elin Berg", "visitor") in roles
    assert facts.people["berg elin"].org == "tarn university"


def test_the_people_after_signing_the_document_were_sign():
    facts = release_facts("Tarn University and Brindle Labs signed an agreement on 4 May 2025.\n\nSigning the document "
                          "were the Rector, Dr. Elin Berg, and Prof. Dr. Sara Nyström, executive director of Brindle "
                          "Labs.", published=dt.date(2025, 5, 5))
    signers = {facts.people[r[0]].name for ev in facts.events for r in ev.roles if r[0] and r[3] == "signatory"}
    assert signers == {"Elin Berg", "Sara Nyström"}

"""Whether a signing sentence tells of the reported signing (helpers.extract.signing_tense)."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers.extract import signing_tense as tense
from helpers.extract.nlp import words_of


def _words(sentence: str):
    w = words_of(sentence)
    return w, 0, len(w)


@pytest.mark.parametrize("sentence, hoped", [
    ("The two sides hope to sign a memorandum next year.", True),
    ("They agreed to prepare a memorandum on a joint training centre and to sign it during the next visit.", True),
    ("Tarn and Osk signed a memorandum on 4 May.", False),
    ("Tarn and Osk agreed to sign an MoU and signed a letter of intent on 4 May.", False),
    ("Tarn will give an update when a definitive agreement has been concluded.", True),
    ("Once the agreement is signed, the first students will arrive.", True),
    ("When the agreement was signed on 4 May, the minister spoke.", False),
    ("The signing of the agreement between Tarn University and the Osk Institute is expected in March.", True),
    ("The signing ceremony between Tarn University and the Osk Institute has been postponed.", True),
    ("The sides agreed that an agreement between Tarn and Osk should be signed by the end of the year.", True),
    ("Dr. Ana Ruiz invited the Osk Institute to sign a memorandum of understanding with Tarn.", True),
    ("Tarn University and Osk Institute to sign MoU on joint research", True),
    ("Tarn University and Osk Institute move closer to signing an agreement.", True),
    ("Tarn University and Osk Institute sign MoU on joint research", False),
    ("The Government adopted the draft agreement with Osk and authorised the Minister of Science, Technological "
     "Development and Innovation, Dragana Tarnić, to sign it on behalf of Tarnia.", True),
    ("The signing of the agreement between Tarn University and the Osk Institute will take place in May.", True),
    ("Tarn University and the Osk Institute are in talks to sign a memorandum of understanding.", True),
    ("They also discussed the shape of a renewed agreement, which could add a joint doctoral programme.", True),
    ("The drafting will speed up so that the agreement can be formally concluded at the Rectors' Forum.", True),
    ("The draft goes to the Council, after which the renewed MoU is expected to be executed.", True),
    ("Preparations for the signing of the agreement between Tarn University and the Osk Institute were discussed.",
     True),
    ("Tarn University and the Osk Institute have concluded negotiations on an agreement on joint degrees.", True),
    ("Tarn University and the Osk Institute concluded an agreement on joint degrees.", False),
    ("The agreement between Tarn University and the Osk Institute is slated for signing in March.", True),
    ("Tarn University and the Osk Institute are poised to sign a research agreement.", True),
    ("Tarn University signed up for the Osk Institute's training programme.", True),
    ("Tarn University signed on as a partner of the Osk Institute consortium.", True),
    ("Tarn University signed on behalf of the consortium an agreement with the Osk Institute.", False),
    ("The signing of an MoU between Tarn University and the Osk Institute is under consideration.", True),
    ("The signing of the agreement between Tarn University and the Osk Institute took place, as the rectors "
     "will recall, in May.", False),
    ("Dr. Ana Ruiz said Tarn was ready to host the first cohort as soon as the Agreement is signed.", True),
    ("Both documents are to be submitted for signing at the next meeting of the joint commission.", True),
    ("The memorandum is expected to be submitted to the Council in November and, subject to its approval, "
     "signed in January.", True),
    ("The memorandum was approved by the Council in November and signed in January.", False),
    ("\"We are confident that the MoU we sign in Tarnby will be a strong basis.\"", True),
    ("The signing is targeted for the next meeting of the Joint Committee.", True),
    ("To authorise the Director of Tarn, or a person designated by the Director, to sign the MoU.", True),
    ("The signing ceremony of an MoU between Tarn University and the Osk Institute, which was scheduled for "
     "15 October 2024 at the Tarn Conference Hall, has been postponed following a storm warning.", True),
    ("During the meeting, the two sides exchanged the signed copies of the Memorandum of Understanding.", True),
    ("The signing ceremony, postponed from March because of the elections, took place today in Tarnby.", False),
    ("The Osk side proposed that the new agreement be signed in Tarnby in spring 2025.", True),
    ("Tarn and Osk today announced that the signing ceremony for their joint venture agreement, originally "
     "scheduled for August 7, has been postponed.", True),
])
def test_intended_tells_a_hope_from_a_signing(sentence, hoped):
    assert tense.intended(*_words(sentence)) is hoped


@pytest.mark.parametrize("sentence, past", [
    ("She recalled the memorandum Tarn signed with Osk in 2021.", True),
    ("The visit follows the MoU Tarn signed with Osk in 2021.", True),
    ("In 2019 the University signed a framework agreement with the Osk Institute.", True),
    ("Tarn and Osk signed a memorandum on 4 May 2024.", False),
    ("Cooperation is already developing: in 2022, Tarn Technical University and Universiti Teknologi Osk signed "
     "a memorandum on student exchange.", True),
    ("In 2022 they met, and today Tarn Technical University and Universiti Teknologi Osk signed a memorandum.", False),
    ("In 2019, the Tarn Institute for Artificial Intelligence and the Universidad de Valparaíso del Osk signed a "
     "memorandum of understanding on joint research.", True),
    ("She noted that the Ministry has so far signed bilateral programmes with more than 30 countries.", True),
    ("The visit comes two years after Tarn University and the Osk Institute signed a cooperation agreement.", True),
    ("Last year, Tarn University and the Osk Institute signed an agreement on joint research.", True),
    ("Two years after their first meeting, Tarn and Osk today signed an agreement.", False),
    ("Tarn University has signed MoUs with over 50 institutions worldwide, including the Osk Institute.", True),
    ("Tarn University signed MoUs with the Osk Institute and the Vela Academy on 4 May 2024.", False),
    ("Tarn entered into a joint development agreement with the Osk Institute in 2021 for welding research.", True),
    ("Both sides hope to sign the programme by the end of 2024, adding that it would build on the memorandum "
     "signed between Tarn and Osk in 2020.", True),
    ("Tarn entered into a joint development agreement with the Osk Institute on 4 May 2024.", False),
    ("He noted that the exchange agreement signed by the two universities in January has laid a foundation.", True),
    ("The Commission reviewed the programme of cooperation, signed last spring in Tarnby.", True),
    ("The exchange agreement signed by the two universities in May covers joint research.", False),
    ("The agreement was signed in Tarnby on 2 March 2024.", False),
    ("Tarn has signed supply agreements with two regional telecom operators.", True),
    ("\"Tarn has signed a number of licensing agreements over the past decade, but this is the first.\"", True),
    ("Ana Lind, Tarn's chief technology officer, signed all three agreements on behalf of the company.", False),
    ("The two companies signed a non-binding letter of intent in February 2024, under which they agreed.", True),
    ("The two companies signed a binding agreement in May 2024.", False),
    ("Tarn and Osk have worked together since 2018, when the two universities signed a bilateral MoU.", True),
])
def test_earlier_tells_an_agreement_of_earlier_years(sentence, past):
    assert tense.earlier(*_words(sentence), dt.date(2024, 5, 6)) is past


def test_negated_and_another_and_a_signed_state():
    assert tense.negated(*_words("No agreement was signed during the visit."))
    assert tense.negated(*_words("No binding agreement has been signed."))
    assert not tense.negated(*_words("No sooner had they arrived than the agreement was signed."))
    assert tense.another(*_words("Tarn also signed an MoU with Osk."))
    assert tense.as_state(*_words("With the agreement now signed, the work begins."))
    assert not tense.negated(*_words("Tarn and Osk signed an MoU."))
    assert tense.negated(*_words("Tarn and Osk have met since 2021, but no agreement has yet been concluded."))
    assert not tense.negated(*_words("No sooner had the agreement been signed than work began."))


@pytest.mark.parametrize("sentence, other", [
    ("The second MoU, with the Osk Institute, was signed by Dr. Ana Ruiz and Dr. Lee Kim.", True),
    ("In a second signing, Dr. Ana Ruiz and Dr. Lee Kim signed a scientific cooperation agreement.", True),
    ("Second, Rector Ana Ruiz and Professor Lee Kim signed an agreement on academic mobility.", True),
    ("The first MoU, with the Osk Institute, was signed by Dr. Ana Ruiz and Dr. Lee Kim.", False),
])
def test_another_tells_the_second_agreement_of_a_ceremony(sentence, other):
    assert tense.another(*_words(sentence)) is other


@pytest.mark.parametrize("sentence, in_force", [
    ("The two sides reviewed the implementation of the agreement signed between Tarn and Osk in Astana.", True),
    ("The delegation visited the laboratories set up under the agreement signed by Tarn and Osk.", True),
    ("Tarn and Osk agreed to renew the agreement signed between them.", True),
    ("Under the MoU signed today, Tarn will host twenty students from Osk.", False),
    ("The agreement signed by Tarn and Osk on 4 May covers joint research.", False),
    ("They discussed the implementation of the memorandum signed in January between Tarn and Osk.", True),
    ("The school works with industry under the national solar research programme agreement signed by the "
     "Ministry in 2019.", True),
    ("The committee met here today to review the implementation of the memorandum of understanding signed "
     "between the two countries in Seoul in May 2021.", True),
])
def test_framed_tells_an_agreement_in_force_from_one_signed_now(sentence, in_force):
    assert tense.framed(*_words(sentence)) is in_force


def test_a_perfect_signing_under_a_visits_headline_is_background():
    assert tense.visit_headline("Korean metrology delegation visits KIM in Delft")
    assert not tense.visit_headline("Delegation visits Tarn and signs MoU")
    assert tense.visit_headline("MoU signing with Dutch delta institute postponed due to cyclone signal")
    assert not tense.visit_headline("Tarn University and Osk Institute sign MoU on delta research")
    assert tense.perfect_background(*_words("KIM and KIPS have signed an agreement that provides for recognition."))
    assert not tense.perfect_background(*_words("During the visit, KIM and KIPS have signed an agreement."))
    assert not tense.perfect_background(*_words("KIM and KIPS signed an agreement."))


@pytest.mark.parametrize("sentence, told", [
    ("No memorandum was signed during the visit: both rectors hope to sign it in Tarnby this autumn.", False),
    ("Although some reports described the symposium as a signing ceremony, no agreement has been signed yet.", False),
    ("No agreement was signed last year, but today Tarn and Osk signed a memorandum.", True),
    ("Tarn and Osk signed a memorandum on 4 May 2024.", True),
])
def test_untold_denies_or_defers_every_signing_word(sentence, told):
    assert tense.untold(*_words(sentence)) is not told


@pytest.mark.parametrize("sentences, said", [
    (['"We have more signed agreements than active projects," she said.'], [True]),
    (["“Today we signed an agreement,” he said, after Tarn and Osk signed the memorandum."], [False]),
    (['"A regional agreement must be ready.', 'One that is signed in a hurry is one nobody implements."'],
     [False, True]),
    (["The “Tarn Declaration” was signed by both rectors."], [False]),
])
def test_quoted_tells_what_someone_says_from_the_signing_reported(sentences, said):
    inside, out = False, []
    for sentence in sentences:
        q, inside = tense.quoted(*_words(sentence), inside)
        out.append(q)
    assert out == said


def test_a_legal_disclaimer_tells_no_event():
    assert tense.disclaimer(*_words("This press release contains forward-looking statements regarding the "
                                    "signing of definitive agreements."))
    assert not tense.disclaimer(*_words("Tarn and Osk signed a definitive agreement on 4 May 2024."))



@pytest.mark.parametrize("sentence, none", [
    ("The resolution authorises the minister to take the remaining steps leading to the signing of the MoU.", True),
    ("The talks paved the way towards the signing of a framework agreement.", True),
    ("The Ministry said the MoU, when signed, will be implemented under the national space policy.", True),
    ("If entered into, the framework agreement is expected to run for three years.", True),
    ("No binding agreement has yet been entered into.", True),
    ("The two companies have entered into exclusive negotiations and expect to sign an agreement in May.", True),
    ("Reports claiming that Tarn University signed an MoU with Brindle Labs are untrue and baseless.", True),
    ("No such memorandum or agreement has been signed by the Institute.", True),
    ("The two institutes concluded the third and final round of negotiations on an implementing arrangement.", True),
    ("The Council authorised the Minister to discuss the draft memorandum with the Tarnian side and sign it.", True),
    ("Prior to the signing of the MoU, the delegation toured the campus.", False),
    ("Reports say Tarn University signed an MoU with Brindle Labs on Monday.", False),
    ("Tarn University and Brindle Labs entered into a memorandum of understanding on Monday.", False),
])
def test_untold_reads_a_signing_still_to_come_or_denied(sentence, none):
    w = words_of(sentence)
    assert tense.untold(w, 0, len(w)) is none


@pytest.mark.parametrize("sentence, past", [
    ("The agreement was signed in Astana on 14 May 2024, during the visit of a ministerial delegation.", True),
    ("The agreement was signed in Astana on 7 October 2024, during the visit of a ministerial delegation.", False),
    ("The programme stems from a memorandum of understanding signed by the presidents of the two institutions at "
     "the Tarn-Brindle Education and Research Forum in London in March 2023.", True),
])
def test_earlier_reads_a_full_date_months_back_and_a_year_far_after_the_verb(sentence, past):
    assert tense.earlier(*_words(sentence), dt.date(2024, 10, 9)) is past

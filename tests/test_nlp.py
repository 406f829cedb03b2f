"""Words and sentences (helpers.extract.nlp) on short invented texts."""

from __future__ import annotations

import pytest

from helpers.extract.nlp import sentence_spans, words_of


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_hyphenated_words_stay_whole():
    assert words_of("A long-term, high-level plan.").text == [
        "A", "long-term", ",", "high-level", "plan", "."]


def test_ampersand_word_stays_whole():
    assert "I&T" in words_of("The Brindle I&T Hub opened.").text


def test_abbreviations_keep_their_dot():
    w = words_of("Mr. Lee of Quillon Co. Ltd. spoke.")
    assert w.text == ["Mr.", "Lee", "of", "Quillon", "Co.", "Ltd.", "spoke", "."]


def test_possessive_s_is_its_own_word():
    assert words_of("Brindle's new lab").text == ["Brindle", "'s", "new", "lab"]


def test_word_spans_point_into_the_text():
    text = "Dr. Ann Dale visited Tarn."
    w = words_of(text)
    assert [text[a:b] for a, b in zip(w.start, w.end)] == w.text
    assert w.lower == [t.lower() for t in w.text]
    assert w.index_at(text.index("Ann")) == 1


def test_sentence_keeps_honorific_with_name():
    text = "Mr. Lee of Quillon Co., Ltd. spoke first. Then Dr. Ann Dale replied."
    assert _sentences(text) == ["Mr. Lee of Quillon Co., Ltd. spoke first.", "Then Dr. Ann Dale replied."]


@pytest.mark.parametrize("name", [
    "Dr. (Mrs.) Ngozi Okonkwo-Ibe", "Prof. (Dr.) Ravi Menon", "Prof. Dr.-Ing. Katharina Wendler-Ross",
    "Mgr. Ondrej Havlicek", "doc. RNDr. Katerina Novakova", "Profa. Dra. Mariana Bezerra",
    "M. en C. Rodrigo Villasenor Ruiz", "Ing. Tomas Kriz",
])
def test_an_honorific_chain_of_any_tradition_ends_no_sentence(name):
    text = f"The MoU was witnessed by {name}. The two sides then toured the lab."
    assert _sentences(text) == [f"The MoU was witnessed by {name}.", "The two sides then toured the lab."]


def test_sentence_breaks_at_paragraph_end_without_full_stop():
    text = "A heading without a stop\n\nThe body starts here. It goes on."
    assert _sentences(text) == ["A heading without a stop", "The body starts here.", "It goes on."]


def test_paragraph_break_after_abbreviation_still_ends_sentence():
    text = "Its partner is Quillon Co., Ltd.\n\nThe work starts soon."
    assert _sentences(text) == ["Its partner is Quillon Co., Ltd.", "The work starts soon."]


def test_empty_and_blank_text_have_no_words_or_sentences():
    assert len(words_of("")) == 0
    assert sentence_spans("") == []
    assert sentence_spans("  \n\n  ") == []


def test_dotted_initials_are_one_word_and_end_no_sentence():
    assert words_of("by Yu.A.Lebedev and E.Zh. Omarov").text == ["by", "Yu.A.", "Lebedev", "and", "E.Zh.", "Omarov"]
    assert words_of("Petrov A. Yu., Dean").text == ["Petrov", "A.", "Yu.", ",", "Dean"]
    text = "A meeting with Rector V.A. Korin took place. It went well."
    assert _sentences(text) == ["A meeting with Rector V.A. Korin took place.", "It went well."]


def test_a_hard_wrapped_line_goes_on_but_a_short_heading_ends():
    wrapped = ("WASHINGTON -- Brindle University President Ann Lee and Chairman of the\n"
               "Tarn Institute Board Tom Oduya signed a framework agreement.")
    assert len(sentence_spans(wrapped)) == 1
    assert len(sentence_spans("Skip to main content\nBrindle and Tarn sign an agreement.")) == 2
    assert len(sentence_spans("The strategic partnership that the two countries have shared for the past two years had "
                              "been a great success, according to the Brindle Federal Minister of\n"
                              "Education and Research Ann Lee.")) == 1
    assert len(sentence_spans("Brindle University and Tarn Institute ink pact on cooperation\n"
                              "Article Posted on : - Oct 18, 2012")) == 2
    assert len(sentence_spans("The agreement was signed by Brindle University, the Tarn Institute,\n"
                              "Quillon Aerospace and the City of Tarn.\nBrindle hosts it.")) == 2


def test_a_degree_before_a_bracket_ends_no_sentence_but_before_a_capital_it_does():
    text = "It was signed by Ing. Ann Dale, PhD. (Tarn University) and Bo Lind. Ann Dale, PhD. The lab opened."
    assert _sentences(text) == ["It was signed by Ing. Ann Dale, PhD. (Tarn University) and Bo Lind.",
                                "Ann Dale, PhD.", "The lab opened."]


@pytest.mark.parametrize("text, first", [
    ("It was signed by Prof. Georgios Th. Anagnostopoulos, Rector. He spoke.",
     "It was signed by Prof. Georgios Th. Anagnostopoulos, Rector."),
    ("The signatories were Dr. Rommel Santos and Dr. Ma. Cristina L. Abellana. They spoke.",
     "The signatories were Dr. Rommel Santos and Dr. Ma. Cristina L. Abellana."),
])
def test_a_two_letter_given_name_initial_ends_no_sentence(text, first):
    assert _sentences(text)[0] == first

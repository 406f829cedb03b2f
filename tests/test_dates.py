"""Tests of helpers.dates: finding dates in text and resolving those written without a year."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from helpers.dates import (
    as_text_reads,
    dateline,
    find_dates,
    find_today,
    find_weekday,
    parse_date,
    resolve,
    to_date,
    year_of_text,
)


def _one(text: str):
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, written, parts, precision", [
    ("Dec 16, 2020", "Dec 16, 2020", (2020, 12, 16), "day"),
    ("signed on December 10th.", "December 10th", (None, 12, 10), "no-year"),
    ("on March 9th in Harbour Hall", "March 9th", (None, 3, 9), "no-year"),
    ("10 December 2020", "10 December 2020", (2020, 12, 10), "day"),
    ("the 9th of March", "9th of March", (None, 3, 9), "no-year"),
    ("Published: 3 March 2023", "3 March 2023", (2023, 3, 3), "day"),
    ("Release time: 2022-05-18", "2022-05-18", (2022, 5, 18), "day"),
    ("Posted 2021/7/1 09:00", "2021/7/1", (2021, 7, 1), "day"),
    ("Sept. 5, 2019", "Sept. 5, 2019", (2019, 9, 5), "day"),
    ("today (June 3)", "June 3", (None, 6, 3), "no-year"),
    ("in March 2021", "March 2021", (2021, 3, None), "month"),
    ("in May 2021", "May 2021", (2021, 5, None), "month"),
    ("on May 20 at noon", "May 20", (None, 5, 20), "no-year"),
    ("2022年5月18日签署", "2022年5月18日", (2022, 5, 18), "day"),
    ("signed on 26/09/2019 in Rome", "26/09/2019", (2019, 9, 26), "day"),  # day first
    ("signed on 09/26/2019 in Boston", "09/26/2019", (2019, 9, 26), "day"),  # month first
    ("on 3/4/2021", "3/4/2021", (2021, 3, 4), "day"),  # ambiguous: read month first
])
def test_find_dates_formats(text, written, parts, precision):
    m = _one(text)
    assert text[m.start:m.end] == m.text == written
    assert (m.year, m.month, m.day) == parts
    assert m.precision == precision


def test_find_dates_in_order_without_overlap():
    text = "Signed on March 9, 2021 and announced on 12 March; the camp runs in July 2021."
    found = find_dates(text)
    assert [m.text for m in found] == ["March 9, 2021", "12 March", "July 2021"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize("text", [
    "", "They may sign the agreement next year.", "The 1990s were different.",
    "Room 2021-13-45 is closed.", "The 32 March figure", "Call 2021 5555 now",
    "Students in grade 12 may apply for the camp.",
])
def test_find_dates_not_dates(text):
    assert find_dates(text) == []


def test_find_today():
    assert find_today("signed a framework agreement today (June 3)").group(0) == "today"
    assert find_today("visited the park this morning").group(0) == "this morning"
    assert find_today("Today's weather") is not None
    assert find_today("no reference to the day") is None
    assert find_today("") is None


def test_to_date():
    assert to_date(_one("Dec 16, 2020")) == dt.date(2020, 12, 16)
    assert to_date(_one("in March 2021")) == dt.date(2021, 3, 1)
    assert to_date(_one("June 3")) is None
    assert to_date(_one("June 3"), 2022) == dt.date(2022, 6, 3)
    assert to_date(_one("Feb 29"), 2021) is None  # no such day


def test_resolve_explicit_year():
    assert resolve(_one("December 10, 2020"), dt.date(2021, 3, 1)) == (
        dt.date(2020, 12, 10), "day", "explicit")
    assert resolve(_one("in March 2021"), None) == (dt.date(2021, 3, 1), "month", "explicit")


def test_resolve_year_from_publication():
    assert resolve(_one("March 9th"), dt.date(2021, 3, 12)) == (
        dt.date(2021, 3, 9), "day", "published")


def test_resolve_december_event_published_in_january():
    assert resolve(_one("December 28"), dt.date(2021, 1, 5)) == (
        dt.date(2020, 12, 28), "day", "published")


def test_resolve_event_shortly_after_publication_keeps_the_year():
    assert resolve(_one("June 20"), dt.date(2022, 6, 3)) == (
        dt.date(2022, 6, 20), "day", "published")


def test_resolve_without_publication():
    assert resolve(_one("today (June 3)"), None) == (None, "no-year", None)


@pytest.mark.parametrize("value, date", [
    ("2021-03-12", dt.date(2021, 3, 12)),
    ("2021-03-12T10:00:00+08:00", dt.date(2021, 3, 12)),
    ("12 March 2021", dt.date(2021, 3, 12)),
    ("Mar 12, 2021", dt.date(2021, 3, 12)),
    (dt.datetime(2021, 3, 12, 23, 59), dt.date(2021, 3, 12)),
    (dt.date(2021, 3, 12), dt.date(2021, 3, 12)),
])
def test_parse_date(value, date):
    assert parse_date(value) == date


@pytest.mark.parametrize("value", [
    None, "", "   ", "not a date", "2021-13-45", "Feb 30, 2021", "March 2021", "June 3", 12345,
    float("nan"), [], {},
])
def test_parse_date_bad_values(value):
    assert parse_date(value) is None


@pytest.mark.parametrize("text, date", [
    ("BANGKOK, Jan. 18, 2026 /PRNewswire/ -- Lakeside University signed", "Jan. 18, 2026"),
    ("DENVER, March 3, 2015 /Agency/ – Orbitek and Lakeside", "March 3, 2015"),
    ("Mexico City, August 18, 2021.– Enrique Graue", "August 18, 2021"),
    ("HONG KONG SAR – Media OutReach – 13 June 2022 – Lakeside University and Orbitek signed", "13 June 2022"),
    ("Tarnby, March 20, 2025 (TARN NEWSWIRE) -- Lakeside University and Orbitek signed", "March 20, 2025"),
    ("Kestrel City, 12 May 2023. Lakeside University and Orbitek signed", "12 May 2023"),
    ("EINDHOVEN, the Netherlands, 22 February 2024 – Lakeside University and Orbitek signed", "22 February 2024"),
    ("Tarnby, 04.07.2023 – Lakeside University and Orbitek signed", "04.07.2023"),
    ("KESTREL CITY, 2023-07-04 – Lakeside University and Orbitek signed", "2023-07-04"),
    ("TARNBY, Kestrelia--(BUSINESS WIRE)--November 12, 2024--Orbitek S.A. today said", "November 12, 2024"),
])
def test_wire_datelines_are_found(text, date):
    assert dateline(text).group("date") == date


def test_a_sentence_opening_with_on_date_is_no_dateline():
    assert dateline("On May 4, 2023, the two universities signed an agreement.") is None
    assert dateline("Kestrel City, 12 May 2023.") is None  # a line of its own: no text follows it
    assert dateline("In Tarnby, 12 May 2023 was the day the two sides signed.") is None


def test_a_dateline_with_its_source_in_brackets_dates_the_report():
    line = dateline("ABU DHABI, (Tarn Point News / WAM - 24th Feb, 2020) The Ministry of Tarn signed an MoU.")
    assert line is not None and line.group("date") == "24th Feb, 2020"
    assert dateline("Tarn University (TU) signed an MoU on 5 May 2020 with Brindle University.") is None


@pytest.mark.parametrize("text, day", [
    ("The MoU was signed on Wednesday.", dt.date(2017, 8, 16)),  # printed on Friday 18 August
    ("The MoU was signed on Friday.", dt.date(2017, 8, 18)),
    ("The MoU will be signed on Saturday.", None),  # after the printed date
    ("The MoU was signed in Tarnby Wednesday with Brindle University.", dt.date(2017, 8, 16)),  # wire style
    ("The MoU was signed last Thursday.", dt.date(2017, 8, 17)),
])
def test_a_weekday_resolves_only_within_the_printed_dates_week(text, day):
    assert find_weekday(text, dt.date(2017, 8, 18))[1] == day


def test_a_weekday_of_the_week_before_is_no_date():
    assert find_weekday("It was signed on Friday in Dublin.", dt.date(2004, 1, 26)) == ("on Friday", None)


def test_a_dotted_date_is_written_day_first():
    assert [(m.year, m.month, m.day) for m in find_dates("Published 10.05.2023, updated 2023.05.12")] == \
        [(2023, 5, 10), (2023, 5, 12)]


@pytest.mark.parametrize("text, month, year", [
    ("held on 26-27 November 2024; a 2019 protocol", 11, 2024),
    ("held on 26-27 November 2024; signed in May 2019", 9, None),
    ("on the opening day of the 2023 edition of the week, towards 2030", 5, 2023),
    ("during the University's 2024 Innovation Week", 5, 2024),
    ("as one of the events of the 2025 Arid-Land Agriculture Science and Technology Week", 5, 2025),
    ("a 2019 protocol; the first agreement with a company in 2022", 9, None),
    ("the 2023 Innovation Week and the 2024 Forum", 9, None),
    ("the Vision 2030 plan, by 2035, until 2040", 9, None),
    ("no year here", 9, None),
])
def test_the_year_a_text_states_for_a_month_is_a_dated_mention_or_an_events_edition(text, month, year):
    assert year_of_text(text, month) == year


def test_a_slashed_date_is_read_day_first_when_the_text_names_that_day():
    day_first = find_dates("05/06/2023 03:42 PM\nKUALA LUMPUR, June 5 (Warta) -- X signed.")
    month_first = find_dates("05/06/2023 03:42 PM\nKUALA LUMPUR, May 6 (Warta) -- X signed.")
    assert (day_first[0].month, day_first[0].day) == (6, 5)
    assert (month_first[0].month, month_first[0].day) == (5, 6)


def test_a_date_written_with_dashes_is_read_day_first():
    assert [(d.year, d.month, d.day) for d in find_dates("Sunday, 28-04-2024")] == [(2024, 4, 28)]


def test_a_slashed_date_is_read_day_first_when_the_text_names_only_that_month():
    text = "Published on 07/11/2024\n\nThe agreement was signed on 5 November in the Aula Magna."
    assert as_text_reads(dt.date(2024, 7, 11), text) == dt.date(2024, 11, 7)
    assert as_text_reads(dt.date(2024, 7, 11), text + " A July workshop on 3 July prepared it.") \
        == dt.date(2024, 7, 11)  # both months named: left as read


@pytest.mark.parametrize("text, date", [
    ("Dhaka, 1 May 2024: Tarn Telecom PLC has signed an MoU with Brindle University.", "1 May 2024"),
    ("ISLAMABAD, Jan 17: A Memorandum of Understanding was signed here on Jan 16.", "Jan 17"),
])
def test_a_dateline_may_end_in_a_colon(text, date):
    assert dateline(text).group("date") == date

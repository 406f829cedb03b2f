"""Tests of helpers.clean: page furniture out; title, date line, bylines and publisher found."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers.clean import clean_text, strip_markdown

TITLE = "Lakeside rowers win the regional cup"
BODY = ("The Lakeside University rowing team won the regional cup on Saturday after a close race "
        "on the river, its first title in ten years.")
MORE = "Coach Ana Ruiz said the crew had trained every morning since January on the lake."


def _release(*top: str, bottom: tuple[str, ...] = ()) -> str:
    """A release: the given top lines, the title, two body paragraphs, then the bottom lines."""
    return "\n\n".join([*top, TITLE, BODY, MORE, *bottom]) + "\n"


def test_plain_release():
    c = clean_text(_release())
    assert c.title == TITLE
    assert c.text == f"{BODY}\n\n{MORE}"
    assert (c.published, c.source, c.authors) == (None, None, [])


@pytest.mark.parametrize("nav", [
    "Big Stories", "Home", "NEWS CENTRE", "Share this", "Skip to main content",
    "Home | About | News | Contact", "Home > News > Campus", "Home » Sport » Rowing",
    "Font size", "A A A",
])
def test_nav_and_menu_lines_dropped(nav):
    c = clean_text(_release(nav, nav))
    assert c.title == TITLE
    assert c.text == f"{BODY}\n\n{MORE}"


@pytest.mark.parametrize("footer", [
    "Address: 14 Shore Road, Lakeside City",
    "Tel: +1 555 0142 7788    Email: news@lakeside.example.edu",
    "E-mail: press@lakeside.example.edu",
    "Follow us on social media",
    "Privacy policy",
    "https://www.lakeside.example.edu",
    "- Ends -",
])
def test_footer_and_contact_lines_dropped(footer):
    c = clean_text(_release(bottom=(footer,)))
    assert c.text == f"{BODY}\n\n{MORE}"


@pytest.mark.parametrize("line, source", [
    ("©2019 Lakeside University", "Lakeside University"),
    ("© 2018-2021 Lakeside University. All rights reserved.", "Lakeside University"),
    ("Copyright © 2020 Orbitek Space Corporation", "Orbitek Space Corporation"),
    ("(c) 2017 Northern Science Association", "Northern Science Association"),
    ("Copyright 2023 Lakeside University. Contact: Sara Lind", "Lakeside University"),
    ("© 2023 Lakeside University | Privacy", "Lakeside University"),
    ("© 2023 Lakeside University · Land acknowledgement · Privacy · Accessibility", "Lakeside University"),
    ("Copyright © Tarnxi University of Technology  Address: No. 88 Donghai Avenue", "Tarnxi University of Technology"),
    ("Copyright © Tarnxi University of Technology Tel: 555 0100", "Tarnxi University of Technology"),
])
def test_copyright_line_gives_source_not_date(line, source):
    for c in (clean_text(_release(bottom=(line,))), clean_text(_release(line))):
        assert c.source == source
        assert c.published is None
        assert "©" not in c.text and "2019" not in c.text


def test_copyright_year_does_not_replace_the_date_line():
    c = clean_text(_release("Mar 12, 2021", bottom=("©2019 Lakeside University",)))
    assert c.published == dt.date(2021, 3, 12)
    assert c.source == "Lakeside University"


def test_copyright_line_with_month_is_not_a_date():
    c = clean_text(_release("© Dec 2020 Lakeside University"))
    assert c.published is None
    assert c.source == "Lakeside University"


def test_copyright_contact_line_gives_no_source():
    c = clean_text(_release(bottom=("© 2021 news@lakeside.example.edu",)))
    assert c.source is None


@pytest.mark.parametrize("line, source", [
    ("Source: Lakeside University News Office", "Lakeside University News Office"),
    ("Issued by: Rivertown City Government", "Rivertown City Government"),
    ("Source: International Cooperation Division | Font size: L M S", "International Cooperation Division"),
])
def test_source_line(line, source):
    c = clean_text(_release(line))
    assert c.source == source and line not in c.text


def test_a_source_line_with_a_date_field_gives_the_publication_date():
    c = clean_text(_release("Source: International Cooperation Division | Date: 2024-05-24 | Font size: L M S"))
    assert (c.source, c.published) == ("International Cooperation Division", dt.date(2024, 5, 24))


@pytest.mark.parametrize("lines, authors", [
    (("Written by: Ellen Marsh",), ["Ellen Marsh"]),
    (("Edited by: Jonah Pike, Wen Li",), ["Jonah Pike", "Wen Li"]),
    (("Text: Ana Ruiz | Photos: Ben Cole",), ["Ana Ruiz", "Ben Cole"]),
    (("Written by: Ellen Marsh", "Edited by: Jonah Pike and Ellen Marsh"), ["Ellen Marsh", "Jonah Pike"]),
    (("By Ellen Marsh",), ["Ellen Marsh"]),
    (("Photos by Ben Cole",), ["Ben Cole"]),
    (("Reporter: Wen Li   Editor: Jonah Pike",), ["Wen Li", "Jonah Pike"]),
    (("Author: Ellen Marsh / Wen Li",), ["Ellen Marsh", "Wen Li"]),
])
def test_bylines_become_authors(lines, authors):
    c = clean_text(_release(bottom=lines))
    assert c.authors == authors
    assert c.text == f"{BODY}\n\n{MORE}"


@pytest.mark.parametrize("line, authors", [
    ("Reporter: Wen Li; Editor: Jonah Pike", ["Wen Li", "Jonah Pike"]),
    ("Written by Ellen Marsh, edited by Jonah Pike", ["Ellen Marsh", "Jonah Pike"]),
])
def test_second_byline_label_is_not_part_of_a_name(line, authors):
    assert clean_text(_release(bottom=(line,))).authors == authors


def test_body_sentence_starting_with_by_is_not_a_byline():
    line = "By the end of the season the crew had won four of its five races on the river."
    c = clean_text(_release(bottom=(line,)))
    assert c.authors == [] and c.text.endswith(line)


@pytest.mark.parametrize("line, date", [
    ("Dec 16, 2020", dt.date(2020, 12, 16)),
    ("December 16, 2020 10:30", dt.date(2020, 12, 16)),
    ("Release time: 2022-05-18", dt.date(2022, 5, 18)),
    ("Published: 3 March 2023", dt.date(2023, 3, 3)),
    ("Posted on 2021/07/01", dt.date(2021, 7, 1)),
])
def test_date_line_gives_publication_date(line, date):
    c = clean_text(_release(line))
    assert c.published == date
    assert c.title == TITLE
    assert line not in c.text


def test_date_after_title_is_found():
    c = clean_text(f"{TITLE}\n\nPublished: 3 March 2023\n\n{BODY}")
    assert (c.title, c.published, c.text) == (TITLE, dt.date(2023, 3, 3), BODY)


def test_ends_line_gives_date():
    c = clean_text(_release(bottom=("Ends/Friday, March 12, 2021",)))
    assert c.published == dt.date(2021, 3, 12)
    assert "Ends" not in c.text


def test_date_in_body_is_not_a_publication_date():
    line = "The next regatta is planned for May 2, 2022, on the same stretch of the river."
    c = clean_text(_release(bottom=(line,)))
    assert c.published is None and line in c.text


def test_markdown_heading_is_the_title():
    c = clean_text(f"[Home](/) > [News](/news)\n\n# {TITLE} \\(with photos\\)\n\n{BODY}\n")
    assert c.title == f"{TITLE} (with photos)"
    assert c.text == BODY


def test_markdown_links_and_escapes_stripped():
    raw = (f"# {TITLE}\n\nThe [Lakeside University](https://lsu.example.edu) rowing team **won** "
           "the cup \\(its first\\) after a close race on the river\\.\n")
    c = clean_text(raw)
    assert c.text == "The Lakeside University rowing team won the cup (its first) after a close race on the river."


@pytest.mark.parametrize("line, text", [
    ("[Lakeside](https://lsu.example.edu) won", "Lakeside won"),
    ("![a boat](boat.png) on the lake", "a boat on the lake"),
    ("\\*not emphasis\\* and \\_this\\_", "*not emphasis* and _this_"),
    ("__bold__ and *em* and `code`", "bold and em and code"),
    ("## A heading", "A heading"),
    ("", ""),
    ("   ", ""),
    ("[broken link](", "[broken link]("),
])
def test_strip_markdown(line, text):
    assert strip_markdown(line) == text


def test_bullets_lose_their_marks():
    raw = _release(bottom=("- a joint graduate programme for thirty students a year on rowing science",))
    assert clean_text(raw).text.endswith("\na joint graduate programme for thirty students a year on rowing science")


def test_windows_newlines_and_nbsp():
    raw = _release("Dec\u00a016,\u00a02020").replace("\n", "\r\n")
    c = clean_text(raw)
    assert c.published == dt.date(2020, 12, 16)
    assert c.text == f"{BODY}\n\n{MORE}"


def test_release_without_title_keeps_its_lead():
    c = clean_text(f"Release time: 2022-05-18\n\n{BODY}\n")
    assert c.text == BODY


@pytest.mark.parametrize("raw", ["", "   \n\n\t", "Big Stories\nHome | News | Contact\n", "©2019 X"])
def test_nothing_left(raw):
    assert clean_text(raw).text == ""


def test_a_stored_page_metadata_date_and_a_wire_dateline_give_the_publication_date():
    c = clean_text(" date 2026-01-19 Lakeside University and Orbitek signed a memorandum of understanding "
                   "on academic collaboration at the Sanqiao campus this week.")
    assert c.published == dt.date(2026, 1, 19) and c.text.startswith("Lakeside University")
    c = clean_text(" date 2026-01-19 BANGKOK, Jan. 18, 2026 /PRNewswire/ -- Lakeside University and Orbitek "
                   "signed a memorandum of understanding on academic collaboration.")
    assert c.published == dt.date(2026, 1, 18)


@pytest.mark.parametrize("raw", [
    "NEWS RELEASE | March 1, 2024\n\nTarn and Brindle academies met in Washington to discuss cooperation.",
    "Tarn Institute - Public Relations\n\nA delegation from the Brindle Institute visits Tarn to expand its "
    "cooperation on water\n\nTehran, 24 Mehr 1402 (1 March 2024) - A delegation from the Brindle Institute "
    "visited the Tarn Institute.",
])
def test_a_date_in_a_header_segment_or_a_bracketed_dateline_is_the_publication_date(raw):
    assert clean_text(raw).published == dt.date(2024, 3, 1)


def test_a_leading_date_glued_to_the_text_is_the_publication_date():
    c = clean_text("12th October 2017…In an effort to drive digital transformation, Orbitek renewed its long "
                   "partnership with the Tarn government to improve skills.")
    assert c.published == dt.date(2017, 10, 12)


def test_a_header_line_opening_with_a_date_dates_the_release_under_a_long_subtitle():
    raw = ("Brindle and Tarn join forces on ocean science\n\n"
           "The agreement with Tarn Institute promises to further scientific and educational cooperation.\n\n"
           "Monday, May 28, 2012 Category: Education - Technology\n"
           "On Tuesday, May 15, Brindle University signed a memorandum of understanding with Tarn Institute.\n")
    assert clean_text(raw).published == dt.date(2012, 5, 28)
    body = ("Brindle and Tarn join forces\n\nThe partners met on May 3, 2012 and in June 2012 at Tarn Institute, "
            "where the two sides agreed on a plan for many years.\n")
    assert clean_text(body).published is None


@pytest.mark.parametrize("raw, published", [
    ("Tarn Agency\nNewsroom > Press releases\n\nTarn lends EUR 85 million to Osk University\n\n"
     "- Finance contract signed in Bucharest for the new research and innovation campus of the university\n\n"
     "Bucharest, 10 October 2024\n\nThe Tarn Agency and Osk University signed a contract today.",
     dt.date(2024, 10, 10)),  # a dateline alone on its line, after a standfirst's bullets
    ("Tarn Agency\n\nGov portal   Tarn Space Agency\n\nPublished on 17/05/2024 16h42   Updated on 17/05/2024 18h05\n\n"
     "The agency signed an agreement.", dt.date(2024, 5, 17)),
    ("Tarn Institute\n\nPublished: 15. 1. 2025 | Category: International cooperation\n\nThe institute signed it.",
     dt.date(2025, 1, 15)),
    ("Tarn Institute\n\nDate 2025.04.09 | Views 287\n\nThe institute signed it.", dt.date(2025, 4, 9)),
    ("GOV.TARN\n\nPress release\n\nTarn–Osk agreement enters into force\n\nThe agreement has entered into force.\n\n"
     "From: Office for Science\nPublished 3 September 2024\n\nMinisters met in London.", dt.date(2024, 9, 3)),
])
def test_publication_dates_in_more_page_furniture(raw, published):
    assert clean_text(raw).published == published


def test_a_masthead_in_capitals_names_the_publisher_the_text_never_writes():
    head = "REPUBLIC OF TARNIA\nMINISTRY OF SCIENCE, TECHNOLOGY AND DIGITAL INNOVATION (MOSTDI)\n\nPRESS RELEASE\n\n"
    body = ("Brindle, 22 August 2023 – The Minister for Science, Technology and Digital Innovation, Dr. Ann Dale, "
            "received a delegation from Tarn University on Monday.\n")
    assert clean_text(head + body).source == "Ministry of Science, Technology and Digital Innovation"
    assert clean_text("GOVERNMENT OF TARNIA\n\n" + body).source is None  # a whole government names no ministry
    # the text writes the name itself: the body's own name, read where it stands
    assert clean_text("TARN SPACE AGENCY\n\nThe Tarn Space Agency signed an MoU with Brindle University on Monday, "
                      "its director said in a statement to the press.\n").source is None
    # a headline in capitals after other lines is no masthead
    assert clean_text("News\n\nCALLS ON THE MINISTRY, TOURS BRINDLE RESEARCH INSTITUTE\n\n" + body).source is None


def test_a_dateline_with_its_weekday_under_a_long_headline_dates_the_release():
    text = ("Cabinet of Tarnia – Media Centre\n\nCabinet approves the Tarnia–Brindle science and technology "
            "cooperation agreement and refers it to the House\n\nBrindle, Wednesday 9 October 2024\n\n"
            "The Council of Ministers, at its weekly meeting held today, approved a draft decree on the agreement.\n")
    assert clean_text(text).published == dt.date(2024, 10, 9)

"""Temporal expressions resolved against the publication date."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.mentions.dates import (
    find_dates,
    find_durations,
    infer_year,
    is_future,
    past_tense,
)
from bilateral.model import PartialDate
from bilateral.text.words import SentenceText, index_words

TUESDAY = PartialDate(2018, 7, 17)


def dates_in(text: str, published: PartialDate | None = TUESDAY) -> list[str | None]:
    found = find_dates([SentenceText(0, 0, text)], published)
    return [d.value.iso() if d.value else None for d in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister arrived on Monday.", ["2018-07-16"]),
        ("The talks were held on Tuesday.", ["2018-07-17"]),
        ("The minister will arrive on Friday.", ["2018-07-20"]),
        ("She is arriving on Thursday for talks.", ["2018-07-19"]),
        ("They met last Tuesday.", ["2018-07-10"]),
        ("The visit ended on July 15.", ["2018-07-15"]),
        ("Polls are due on July 25.", ["2018-07-25"]),
        ("He came in June.", ["2018-06"]),
        ("He will come in September.", ["2018-09"]),
        ("He visited in April this year.", ["2018-04"]),
        ("He visited the country last year.", ["2017"]),
        ("He will return later in the year.", ["2018"]),
        ("A summit is planned in the autumn.", ["2018"]),
        ("A summit is planned next spring.", ["2019"]),
        ("Talks were held last month.", ["2018-06"]),
        ("The accord was signed in 2014.", ["2014"]),
        ("The envoy arrived on October 13th, 2021.", ["2021-10-13"]),
        ("He met them yesterday.", ["2018-07-16"]),
        # a week is dated to its month, a weekday of a named week to its day
        ("They met last week.", ["2018-07"]),
        ("He will come next week.", ["2018-07"]),
        ("The talks began on Thursday last week.", ["2018-07-12"]),
        ("The envoy arrives on Monday next week.", ["2018-07-23"]),
    ],
)
def test_resolution(text: str, expected: list[str]) -> None:
    assert dates_in(text) == expected


def test_a_week_across_two_months_is_dated_to_its_year() -> None:
    assert dates_in("They met last week.", PartialDate(2018, 7, 3)) == ["2018"]


def test_a_day_earlier_counts_from_the_last_date() -> None:
    assert dates_in("They agreed on Tuesday. He had arrived a day earlier.") == [
        "2018-07-17",
        "2018-07-16",
    ]


def test_weekday_with_date_in_brackets_keeps_the_clue() -> None:
    found = find_dates([SentenceText(0, 0, "He arrived on Monday (Nov. 6) in the capital.")], None)
    assert found[0].weekday == 0 and found[0].month_day == (11, 6) and found[0].value is None


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("He will visit from March 25 to 26.", "2019-03-25", "2019-03-26"),
        ("He will visit on 11–13 May 2019.", "2019-05-11", "2019-05-13"),  # the day first
        ("He will visit from 7 to 10 September.", "2018-09-07", "2018-09-10"),
        ("He will visit from 30 July to 2 August.", "2018-07-30", "2018-08-02"),  # two months
        ("He will visit from 30 December to 2 January 2019.", "2018-12-30", "2019-01-02"),
    ],
)
def test_range_gives_start_and_end(text: str, first: str, last: str) -> None:
    [found] = find_dates([SentenceText(0, 0, text)], TUESDAY)
    assert found.value and found.end_value
    assert (found.value.iso(), found.end_value.iso()) == (first, last)


def test_without_publication_date_relative_dates_stay_open() -> None:
    assert dates_in("He arrived on Monday and left last year.", None) == [None, None]


def test_numbers_and_may_are_not_always_dates() -> None:
    assert dates_in("The 950km border and 1,200 troops. They may meet.") == []


def test_durations() -> None:
    sentences = [SentenceText(0, 0, "a three-day visit, a 2-day trip and 3 days official visit")]
    assert [d.days for d in find_durations(sentences)] == [3, 2, 3]


def test_tense() -> None:
    for index in (None, index_words):
        for text, at, future in [
            ("He will meet the president on Friday", 30, True),
            ("He met the president on Friday", 25, False),
            ("On Sunday, he will meet the president", 3, True),
            ("He is scheduled to visit Tehran", 25, True),
            ("He was scheduled to fly to Kabul on Friday", 35, True),  # a plan told in the past
            ("He will go to Kabul after he visited Tehran on Friday", 47, False),  # nearest
            ("He said that he plans to visit Kabul", 22, False),  # "plans to" spans ``at``
            ("The scheduled talks", 14, True),  # "scheduled" is the future's, not the past's
            ("The scheduled talks", 4, True),
            ("A meeting, scheduled for May, in Manila", 30, True),
            ("A meeting held in May", 20, False),
        ]:
            sentence = SentenceText(0, 0, text, index(text) if index else None)
            assert is_future(sentence, at) == future


PAST_TRICKY = [
    "met", "MET", "Met", "mét", "metal", "met_", "met2", "said", "ſaid", "arrived", "ARRIVED",
    "reached", "bed", "seed", "ﬁxed", "raſed", "tested", "tested2", "İed", "\u212aicked",
    "red-eyed", "’", "'", " ", "-", ",", "\n", "é", "2018", "will", "was",
]  # fmt: skip


@given(
    st.one_of(
        st.lists(st.sampled_from(PAST_TRICKY), max_size=20).map("".join),
        st.lists(st.sampled_from(PAST_TRICKY), max_size=20).map(" ".join),
        st.text(max_size=60),
    )
)
def test_past_tense_from_the_words_is_what_the_pattern_finds(text: str) -> None:
    indexed = sorted(past_tense(SentenceText(0, 0, text, index_words(text))))
    assert indexed == past_tense(SentenceText(0, 0, text))  # the pattern's scan


def test_year_inferred_from_weekday_and_tenure() -> None:
    clue = find_dates([SentenceText(0, 0, "He arrived on Monday (Nov. 6).")], None)
    assert infer_year((11, 7), clue, set(range(2016, 2022))) == 2017
    assert infer_year((11, 7), clue, None) is None  # 2017 and 2023 both fit


@given(st.dates(dt.date(1995, 1, 1), dt.date(2035, 12, 31)), st.integers(0, 6))
def test_weekday_is_within_a_week_of_publication(day: dt.date, weekday: int) -> None:
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]
    published = PartialDate.of(day)
    past = find_dates([SentenceText(0, 0, f"They met on {name}.")], published)[0].value
    future = find_dates([SentenceText(0, 0, f"They will meet on {name}.")], published)[0].value
    assert past and future
    assert past.first_day().weekday() == weekday == future.first_day().weekday()
    assert 0 <= (day - past.first_day()).days < 7
    assert 0 <= (future.first_day() - day).days < 7


@given(st.text(max_size=200), st.none() | st.dates().map(PartialDate.of))
def test_date_finder_never_raises(text: str, published: PartialDate | None) -> None:
    for mention in find_dates([SentenceText(0, 0, text)], published):
        assert 0 <= mention.start < mention.end <= len(text)


def test_a_weekday_the_text_names_is_that_day() -> None:
    """ "on Thursday 14 May" is 14 May, and a later bare "on Thursday" is that Thursday, not
    the one after the article's date."""
    sentences = [
        SentenceText(0, 0, "The visit begins in Astana on Monday 11 May."),
        SentenceText(1, 100, "In Tashkent on Thursday 14 May, he will meet the president."),
        SentenceText(2, 200, "He will return home on Thursday evening."),
        SentenceText(3, 300, "They had met last Thursday."),
    ]
    found = find_dates(sentences, PartialDate(2026, 4, 24))
    weekdays = [d.value.iso() if d.value else None for d in found if d.kind == "weekday"]
    assert weekdays == ["2026-05-11", "2026-05-14", "2026-05-14", "2026-04-23"]

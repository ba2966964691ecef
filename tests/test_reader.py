"""The article reader, on text written for these tests and on the bundled examples."""

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral import examples
from bilateral.article import outlets, read_article
from bilateral.article.lines import ends_sentence
from bilateral.article.outlets import outlet_in
from bilateral.article.sentences import sentence_bounds
from bilateral.model import PartialDate

DAWN_STYLE = """KARACHI: A caption about a ship visit at the port on Friday.—APP
KARACHI: A caption about a ship visit at the port on Friday.—APP

LAHORE: The provincial minister opened a new bridge over the river on Sunday.

Traffic resumed within hours, officials said.

Bridge work to continue

Engineers will inspect it again next month.

Published in Dawn, March 3rd, 2020

Opinion

Editorial

Some other piece
"""


def read(text: str):  # type: ignore[no-untyped-def]
    article, notices = read_article(text, "t")
    return article, notices


def test_dawn_furniture_is_kept_out_of_the_body() -> None:
    article, _ = read(DAWN_STYLE)
    assert article.source == "Dawn"
    assert article.published == PartialDate(2020, 3, 3)
    assert article.dateline == "Lahore"
    assert [p.text for p in article.paragraphs] == [
        "The provincial minister opened a new bridge over the river on Sunday.",
        "Traffic resumed within hours, officials said.",
        "Engineers will inspect it again next month.",
    ]
    kinds = [f.kind for f in article.furniture]
    assert kinds[:3] == ["caption", "repeat", "dateline"]
    assert "subheading" in kinds and "footer" in kinds
    assert not any("Some other piece" in p.text for p in article.paragraphs)


def test_leading_date_stamp_and_agency_code() -> None:
    article, _ = read(" date 2020-02-11 QUETTA, Feb 11 (APP): The governor met traders on Tuesday.")
    assert article.published == PartialDate(2020, 2, 11)
    assert article.source == "APP"
    assert article.dateline == "Quetta"
    assert article.paragraphs[0].text == "The governor met traders on Tuesday."


def test_headline_byline_and_caption() -> None:
    text = (
        "Ministers meet on trade\n\nTalks focus on tariffs and transit\n\n"
        "Jane Doe May 4, 2022\nThe two ministers at the meeting. PHOTO: FILE\n\n"
        "The two ministers held talks on trade and transit routes on Wednesday.\n"
    )
    article, _ = read(text)
    assert article.headline == "Ministers meet on trade"
    assert article.byline == "Jane Doe"
    assert article.published == PartialDate(2022, 5, 4)
    assert article.dateline is None
    assert len(article.paragraphs) == 1
    assert {"standfirst", "byline", "caption"} <= {f.kind for f in article.furniture}


def test_comment_section_is_not_body() -> None:
    text = (
        "KABUL: The envoy arrived in the capital for talks on Monday.\n\n"
        "Reader One\nAug 3, 2019 05:07pm\n\nWelcome to our country, minister.\n"
    )
    article, _ = read(text)
    assert [p.text for p in article.paragraphs] == [
        "The envoy arrived in the capital for talks on Monday."
    ]


def test_outlet_stamp_without_year_keeps_month_and_day() -> None:
    article, _ = read(
        "Talks held\n\nMarch 9, The Iran Project – The minister arrived in Tehran today."
    )
    assert article.source == "The Iran Project"
    assert article.published is None
    assert article.published_month_day == (3, 9)


def test_truncated_and_empty_articles_are_noted() -> None:
    _, notices = read("ANKARA: The minister said the talks would continue and that the")
    assert [n.code for n in notices] == ["truncated"]
    article, notices = read("   \n\n  ")
    assert article.paragraphs == () and [n.code for n in notices] == ["no-body"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Gen. Smith met Maj. Gen. Jones. They talked.", 2),
        ("He arrived on Nov. 6 in the city. Talks began.", 2),
        ("Lt. Col. A. B. Khan spoke. Dr. Ali listened.", 2),
        ("“We will cooperate. We will win,” he said. Then he left.", 2),
        ("The Inter-Services Public Relations (ISPR) said so. Next came talks.", 2),
        ("He left. She stayed! Did they meet? Yes.", 4),
    ],
)
def test_sentence_splitting(text: str, count: int) -> None:
    assert len(sentence_bounds(text)) == count


@given(st.text(max_size=300))
def test_sentences_are_trimmed_slices(text: str) -> None:
    bounds = sentence_bounds(text)
    for start, end in bounds:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(bounds))


@given(st.text(max_size=400))
def test_reader_never_raises_and_spans_match(text: str) -> None:
    article, _ = read(text)
    assert len(article.raw) == len(text)  # control characters blanked at the same offsets
    for span in (*article.paragraphs, *article.sentences, *(f.span for f in article.furniture)):
        assert article.raw[span.start : span.end] == span.text


def test_a_paragraph_of_one_sentence_is_one_span() -> None:
    article, _ = read(DAWN_STYLE)
    one, two = article.paragraphs[0], article.paragraphs[1]
    assert article.sentences[0] is one  # kept, pickled and sent once
    assert one.text.startswith("The provincial minister")
    assert two.text.startswith("Traffic resumed") and article.sentences[1] is two


EXPECTED = {
    "seed-000": ("Dawn", "2018-07-17", "Islamabad"),
    "seed-001": ("Dawn", "2019-11-20", "Islamabad"),
    "seed-002": (None, "2021-10-14", None),
    "seed-003": ("The Iran Project", None, None),
    "seed-004": ("The Express Tribune", "2023-07-16", None),
}


@pytest.mark.parametrize("document", examples(), ids=lambda d: d.id)
def test_bundled_examples_metadata(document) -> None:  # type: ignore[no-untyped-def]
    article, _ = read_article(document.text, document.id)
    source, published, dateline = EXPECTED[document.id]
    assert article.source == source
    assert (article.published.iso() if article.published else None) == published
    assert article.dateline == dateline
    assert article.sentences and all(
        s.text[0].isupper() or s.text[0] in "“\"'‘" for s in article.sentences
    )


def test_outlet_named_by_the_first_whole_domain_in_any_case() -> None:
    text = "See notdawn.com and tribune.com.pkx, then NATION.COM.PK, then dawn.com."
    nation = outlet_in("nation.com.pk", "domains")
    assert nation is not None and nation != "Dawn"
    assert outlet_in(text, "domains") == nation
    assert outlet_in("nothing here", "domains") is None
    assert outlet_in("Read Dawn.com today", "domains") == "Dawn"


def _first_domain_in_the_whole_text(text: str) -> str | None:
    lowered = text.lower()
    found = [
        (at, outlet)
        for phrase, outlet in outlets._phrase_outlets("domains").items()
        if (at := outlets._whole_word_at(lowered, phrase)) >= 0
    ]
    return min(found, key=lambda f: f[0])[1] if found else None


@given(
    st.lists(
        st.sampled_from(
            ["dawn.com", "DAWN.COM", "tribune.com.pk", "nation.com.pk", "www.dawn.com/news",
             "notdawn.com", "-dawn.com", "dawn.com.", "(dawn.com)", "dawn", ".", "com", " ",
             "\n", "\u2003", "x", "said.", "tehrantimes.com", "_dawn.com"]
        ),
        max_size=20,
    ).map("".join)
)  # fmt: skip
def test_domains_are_found_as_a_search_of_the_whole_text_finds_them(text: str) -> None:
    assert outlet_in(text, "domains") == _first_domain_in_the_whole_text(text)


@given(st.text(st.sampled_from("a.\n \x1c\x85\u00a0\u2003"), max_size=30))
def test_the_dotted_words_are_the_words_that_hold_a_dot(text: str) -> None:
    assert outlets._dotted_words(text) == " ".join(w for w in text.split() if "." in w)


@given(st.lists(st.sampled_from(list("a .!?…\"”’')],(")), max_size=10).map("".join))
def test_a_line_ends_a_sentence_at_a_stop_maybe_inside_quotes_or_brackets(line: str) -> None:
    assert ends_sentence(line) == bool(re.search(r"[.!?…][\"”’')\]]*$", line))

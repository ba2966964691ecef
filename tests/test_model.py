import datetime as dt
import pickle

import pytest
from hypothesis import given

import bilateral
from bilateral.model import Article, ExtractionResult, Official, PartialDate, Span, Visit
from tests.strategies import partial_dates


def test_partial_date_parses_each_precision() -> None:
    assert PartialDate.parse("2017").precision == "year"
    assert PartialDate.parse("2018-06") == PartialDate(2018, 6)
    assert PartialDate.parse("2018-07-16").as_date() == dt.date(2018, 7, 16)


@pytest.mark.parametrize("bad", ["2018-13", "2018-02-30", "18-07-16", "July 2018", ""])
def test_partial_date_rejects_non_dates(bad: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(bad)


def test_a_day_needs_a_month() -> None:
    with pytest.raises(ValueError):
        PartialDate(2018, None, 3)


@given(partial_dates())
def test_partial_date_iso_round_trip(date: PartialDate) -> None:
    assert PartialDate.parse(date.iso()) == date
    assert date.first_day() <= date.last_day()
    assert date.contains(date)
    assert PartialDate(date.year).contains(date)


def test_month_contains_its_days_only() -> None:
    june = PartialDate(2018, 6)
    assert june.contains(PartialDate(2018, 6, 30))
    assert not june.contains(PartialDate(2018, 7, 1))
    assert june.overlaps(PartialDate(2018))


def test_span_text_must_fit_offsets() -> None:
    with pytest.raises(ValueError):
        Span("a", 0, 3, "ab")


@pytest.mark.parametrize(
    "span", [Span("a", 0, 5, "world"), Span("a", 9, 12, "ld!"), Span("a", 14, 14, "")]
)
def test_article_rejects_spans_that_do_not_match_raw(span: Span) -> None:
    assert Article(id="a", raw="Hello world", sentences=(Span("a", 11, 11, ""),))
    with pytest.raises(ValueError):
        Article(id="a", raw="Hello world", paragraphs=(span,))


def test_visit_invariants() -> None:
    with pytest.raises(ValueError):
        Visit(id="v", visitor="x", origin="PK", destination="PK")
    with pytest.raises(ValueError):
        Visit(
            id="v",
            visitor="x",
            destination="IR",
            start=PartialDate(2018, 7, 2),
            end=PartialDate(2018, 7, 1),
        )
    with pytest.raises(ValueError):
        Visit(id="v", visitor="x", destination="Iran")


def test_result_refuses_unknown_official_references() -> None:
    article = Article(id="a", raw="")
    with pytest.raises(ValueError, match="ghost"):
        ExtractionResult(article, visits=(Visit(id="v", visitor="ghost", destination="IR"),))
    official = Official(id="ghost", name="A Ghost")
    result = ExtractionResult(
        article, officials=(official,), visits=(Visit(id="v", visitor="ghost", destination="IR"),)
    )
    assert result.official("ghost") == official


def test_results_survive_pickling_as_worker_processes_send_them() -> None:
    results = [bilateral.extract_document(d) for d in bilateral.examples()]
    assert pickle.loads(pickle.dumps(results)) == results
    span = results[0].article.sentences[0]
    assert pickle.loads(pickle.dumps(span)) == span

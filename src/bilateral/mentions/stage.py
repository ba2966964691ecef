"""The mentions stage: an article in, the record of its mentions out."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from attrs import evolve

from bilateral.mentions.context import Mentions, home_country
from bilateral.mentions.dates import DateMention, Duration, find_dates, find_durations, infer_year
from bilateral.mentions.lexicon import Lexicon
from bilateral.mentions.marks import Mark, find_marks
from bilateral.mentions.name_runs import NameRun, read_names
from bilateral.mentions.people import find_people
from bilateral.mentions.person import PersonMention
from bilateral.model import Article, Notice, PartialDate
from bilateral.text.words import SentenceText, index_words

_FIRST_WORD_IN_CAPITALS: Final = re.compile(r"([A-Z])([A-Z]{2,})(?= [A-Za-z]*[a-z])")


def _first_word_titled(sentence: SentenceText) -> SentenceText:
    """The sentence as its marks are read: a first word in capitals before words that are
    not (a paper's style: "PAPUA New Guinea and ...") in title case, of the same length."""
    found = _FIRST_WORD_IN_CAPITALS.match(sentence.text)
    if found is None:
        return sentence
    text = found[1] + found[2].lower() + sentence.text[found.end() :]
    return SentenceText(sentence.index, sentence.start, text, index_words(text))


def find_mentions(article: Article, lexicon: Lexicon) -> Mentions:
    """Mentions of every kind for one article; infers a missing publication year first."""
    # every article is indexed, however long: unindexed, a long one ran slower per byte
    sentences = [
        SentenceText(i, s.start, s.text, index_words(s.text))
        for i, s in enumerate(article.sentences)
    ]
    paragraph_of = []
    paragraph = 0
    for sentence in article.sentences:
        while (
            paragraph < len(article.paragraphs) - 1
            and sentence.start >= article.paragraphs[paragraph].end
        ):
            paragraph += 1
        paragraph_of.append(paragraph)
    marks = [find_marks(_first_word_titled(s), lexicon) for s in sentences]
    names = [read_names(s, m) for s, m in zip(sentences, marks, strict=True)]
    notices: list[Notice] = []
    if article.published is None and article.published_month_day:
        article = _with_inferred_year(article, sentences, marks, names, lexicon, notices)
    day = article.published.as_date() if article.published else None
    home = home_country(article, lexicon, marks)
    persons, mentions = find_people(sentences, marks, names, lexicon, day, home)
    by_sentence: list[list[PersonMention]] = [[] for _ in sentences]
    for mention in mentions:
        by_sentence[mention.sentence].append(mention)
    dates: list[list[DateMention]] = [[] for _ in sentences]
    for date in find_dates(sentences, article.published):
        dates[date.sentence].append(date)
    durations: list[list[Duration]] = [[] for _ in sentences]
    for duration in find_durations(sentences):
        durations[duration.sentence].append(duration)
    return Mentions(
        article=article,
        lexicon=lexicon,
        sentences=sentences,
        paragraph_of=paragraph_of,
        marks=marks,
        persons={p.id: p for p in persons},
        mentions=by_sentence,
        dates=dates,
        durations=durations,
        notices=notices,
    )


def _with_inferred_year(
    article: Article, sentences: list[SentenceText], marks: list[list[Mark]],
    names: list[list[NameRun]], lexicon: Lexicon, notices: list[Notice],
) -> Article:  # fmt: skip
    assert article.published_month_day is not None
    persons, _ = find_people(sentences, marks, names, lexicon, None)
    allowed: set[int] | None = None
    for person in persons:
        if not person.holder or not person.offices:
            continue
        years = {
            year
            for term in person.holder.terms if term.office in person.offices
            for year in range(term.start.year, _last_year(term.end) + 1)
        }  # fmt: skip
        if years:
            allowed = years if allowed is None else allowed & years
    clues = find_dates(sentences, None)
    if article.published_weekday is not None:  # "Wednesday, 15 May" heading the page
        clues.append(
            DateMention(0, 0, 0, "weekday", weekday=article.published_weekday,
                        month_day=article.published_month_day)
        )  # fmt: skip
    year = infer_year(article.published_month_day, clues, allowed)
    if year is None and sentences:
        # agency copy ("TEHRAN, Oct. 13 (MNA) – ... on Thursday") reports the day it is dated
        same_day = [
            evolve(clue, month_day=article.published_month_day)
            for clue in clues
            if clue.sentence == 0 and clue.weekday is not None and clue.month_day is None
        ]
        year = infer_year(article.published_month_day, same_day[:1], allowed) if same_day else None
    if year is None:
        return article
    month, day = article.published_month_day
    notices.append(
        Notice(
            "inferred-year", f"publication year {year} inferred from weekdays and office tenures"
        )
    )
    return evolve(
        article,
        published=PartialDate(year, month, day),
        published_month_day=None,
        published_weekday=None,
    )


def _last_year(end: PartialDate | None) -> int:
    return end.year if end else dt.date.today().year

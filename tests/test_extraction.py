"""Each rule family on articles written for these tests, with near-misses it must not fire on."""

import gc
from concurrent.futures import ThreadPoolExecutor
from typing import ClassVar

import pytest

import bilateral
from bilateral.article import read_article
from bilateral.facts.pipeline import EXTRACTION_GC_THRESHOLD
from bilateral.facts.speakers import visiting_official
from bilateral.mentions.lexicon import Lexicon, default_lexicon
from bilateral.mentions.stage import find_mentions
from bilateral.model import ExtractionResult, PartialDate

TURKISH_VISIT = """ISLAMABAD: Turkish Foreign Minister Hakan Fidan arrived in Islamabad \
on Monday on a \
two-day official visit to Pakistan.

He met Prime Minister Shehbaz Sharif and held talks with Foreign Minister Ishaq Dar at the \
Foreign Office.

Mr Fidan said Turkey valued its brotherly ties with Pakistan and wanted to double trade.

The two sides agreed to expand cooperation in trade, energy and defence.

Separately, Prime Minister Shehbaz Sharif spoke to the Iranian president by telephone on Monday.

Last year, Mr Dar visited Ankara for talks with his Turkish counterpart.

Published in Dawn, March 5th, 2024
"""


def run(text: str) -> ExtractionResult:
    return bilateral.extract(text, "t")


def names(result: ExtractionResult, ids: tuple[str, ...] | list[str]) -> list[str]:
    return [o.name for i in ids if (o := result.official(i))]


def visitor_names(result: ExtractionResult) -> list[tuple[str, str, str]]:
    return [(names(result, [v.visitor])[0], v.destination, v.status) for v in result.visits]


def test_officials_with_titles_countries_and_one_identity() -> None:
    result = run(TURKISH_VISIT)
    by_name = {o.name: o for o in result.officials}
    assert by_name["Hakan Fidan"].country == "TR"
    assert "Foreign Minister" in by_name["Hakan Fidan"].titles
    dar = next(o for o in result.officials if "Dar" in o.name)
    assert dar.country == "PK" and "Mr Dar" not in [o.name for o in result.officials]
    assert len([o for o in result.officials if "Dar" in o.name]) == 1


def test_current_visit_with_dates_meetings_and_evidence() -> None:
    result = run(TURKISH_VISIT)
    visit = next(v for v in result.visits if v.status == "current")
    assert (visit.origin, visit.destination) == ("TR", "PK")
    assert (visit.start, visit.end, visit.days) == (
        PartialDate(2024, 3, 4),
        PartialDate(2024, 3, 5),
        2,
    )
    met = {p for m in visit.meetings for p in m.participants} - {visit.visitor}
    assert sorted(names(result, sorted(met))) == ["Muhammad Ishaq Dar", "Muhammad Shehbaz Sharif"]
    for span in visit.evidence:
        assert TURKISH_VISIT[span.start : span.end] == span.text


def test_phone_call_is_no_visit_and_past_visit_is_recalled() -> None:
    result = run(TURKISH_VISIT)
    assert ("Muhammad Shehbaz Sharif", "IR", "current") not in visitor_names(result)
    past = [v for v in result.visits if v.status == "past"]
    assert [(names(result, [v.visitor])[0], v.destination) for v in past] == [
        ("Muhammad Ishaq Dar", "TR")
    ]
    assert PartialDate(2023) in past[0].dates


def test_statement_and_agreement() -> None:
    result = run(TURKISH_VISIT)
    (statement,) = result.statements
    assert names(result, [statement.speaker]) == ["Hakan Fidan"]
    assert statement.text.startswith("Turkey valued its brotherly ties")
    (agreement,) = result.agreements
    assert set(agreement.parties) == {"PK", "TR"}
    assert agreement.text == "agreed to expand cooperation in trade, energy and defence"
    assert "trade" in agreement.topics and "energy" in agreement.topics


def test_planned_visit_and_scheduled_meeting() -> None:
    text = (
        "NEW DELHI: Indian External Affairs Minister Subrahmanyam Jaishankar will travel to "
        "Moscow next week for talks with Russian Foreign Minister Sergei Lavrov.\n\n"
        "During the three-day visit, Jaishankar is scheduled to meet Lavrov."
    )
    result = run(text)
    (visit,) = result.visits
    assert (visit.origin, visit.destination, visit.status, visit.days) == ("IN", "RU", "planned", 3)
    assert all(m.status == "scheduled" for m in visit.meetings)


def test_meeting_at_home_is_not_a_visit() -> None:
    text = (
        "LAHORE: Prime Minister Nawaz Sharif met Chief of Army Staff General Raheel Sharif "
        "at the PM House on Monday to discuss security."
    )
    assert run(text).visits == ()


def test_host_meeting_makes_the_guest_a_visitor() -> None:
    text = (
        "RAWALPINDI: General Joseph Votel, Commander United States Central Command, called on "
        "Chief of Army Staff General Qamar Javed Bajwa at the General Headquarters on Monday."
    )
    result = run(text)
    assert visitor_names(result) == [("Joseph Votel", "PK", "current")]


def test_quoted_statement_with_speaker_after_and_pronoun() -> None:
    text = (
        "TEHRAN: Iranian President Hassan Rouhani received the visiting minister.\n\n"
        "“Our borders must be borders of peace,” Rouhani said.\n\n"
        "He added that trade between the two countries should double."
    )
    result = run(text)
    speakers = [names(result, [s.speaker])[0] for s in result.statements]
    assert speakers == ["Hassan Rouhani", "Hassan Rouhani"]
    assert result.statements[0].mode == "quoted"
    assert result.statements[1].text == "trade between the two countries should double"


def test_institution_and_two_sides_are_not_speakers() -> None:
    text = (
        "ISLAMABAD: The Foreign Office said on Monday that talks would continue.\n\n"
        "The two sides stressed the need for dialogue, the ISPR said."
    )
    assert run(text).statements == ()


def test_one_sided_promise_is_not_an_agreement() -> None:
    text = (
        "KABUL: Pakistan promised to reopen the border crossing.\n\n"
        "Pakistan and Afghanistan agreed to form a joint border commission, besides deciding "
        "to hold talks every month."
    )
    result = run(text)
    assert [a.text for a in result.agreements] == [
        "agreed to form a joint border commission",
        "deciding to hold talks every month",
    ]
    assert all(set(a.parties) == {"PK", "AF"} for a in result.agreements)


def test_bylines_and_journalists_are_not_officials() -> None:
    text = (
        "Talks in Tehran\n\nAhmed Khan March 3, 2020\n\n"
        "TEHRAN: The talks ended on Tuesday, reporter Sara Ali said."
    )
    assert run(text).officials == ()


def test_office_holder_table_resolves_surname_and_office_by_date() -> None:
    text = (
        "RAWALPINDI: Gen Bajwa met the visiting Chinese general on Tuesday.\n\n"
        "The army chief said the two armies would train together."
    )
    result = bilateral.extract(" date 2019-05-08 " + text, "t")
    (official,) = [o for o in result.officials if o.country == "PK"]
    assert official.name == "Qamar Javed Bajwa"
    assert [s.speaker for s in result.statements] == [official.id]


def test_spellings_of_one_name_are_one_official() -> None:
    text = (
        " date 2019-11-20 TEHRAN: Chief of General Staff Maj Gen Mohammad Hossein Baqeri met "
        "Pakistan's army chief on Monday.\n\nGen Bagheri said ties were growing."
    )
    result = run(text)
    bagheris = [o for o in result.officials if o.country == "IR"]
    assert len(bagheris) == 1 and bagheris[0].id == "mohammad-bagheri"
    assert {"Mohammad Hossein Baqeri", "Bagheri"} <= set(bagheris[0].aliases)


def test_last_year_in_a_quote_does_not_date_the_visit() -> None:
    text = (
        " date 2022-05-10 TEHRAN: Pakistan's army chief General Qamar Javed Bajwa arrived in "
        "Tehran on Monday and said “last year we agreed to fence the border”."
    )
    result = run(text)
    assert [(v.destination, v.status, v.start) for v in result.visits] == [
        ("IR", "current", PartialDate(2022, 5, 9))
    ]


def test_visiting_official_left_for_and_coordinated_speaker() -> None:
    text = (
        "ISLAMABAD: National Security Adviser Moeed Yusuf left for Kabul on Sunday on a two-day "
        "visit.\n\nChairman Senate Sadiq Sanjrani received the visiting Uzbek Foreign Minister "
        "Abdulaziz Kamilov at the Parliament House and said Pakistan valued its ties with "
        "Central Asia.\n\nPublished in Dawn, June 7th, 2021"
    )
    result = run(text)
    trips = {names(result, [v.visitor])[0]: v for v in result.visits}
    assert (trips["Moeed Yusuf"].destination, trips["Moeed Yusuf"].start) == (
        "AF",
        PartialDate(2021, 6, 6),
    )
    assert trips["Moeed Yusuf"].end == PartialDate(2021, 6, 7)
    assert (trips["Abdulaziz Kamilov"].origin, trips["Abdulaziz Kamilov"].destination) == (
        "UZ",
        "PK",
    )
    (statement,) = result.statements
    assert names(result, [statement.speaker]) == ["Sadiq Sanjrani"]


def test_three_sides_and_a_pronoun_among_the_parties() -> None:
    text = (
        "BEIJING: Chinese Foreign Minister Wang Yi hosted Pakistani Foreign Minister Ishaq Dar "
        "and Afghan Foreign Minister Amir Khan Muttaqi in Beijing on Wednesday.\n\n"
        "The three sides agreed to extend the economic corridor to Afghanistan.\n\n"
        "Turkish President Recep Tayyip Erdogan last visited Pakistan in February, when he and "
        "Prime Minister Shehbaz Sharif witnessed the signing of 24 agreements."
    )
    result = bilateral.extract(" date 2025-05-21 " + text, "t")
    parties = [set(a.parties) for a in result.agreements]
    assert {"CN", "PK", "AF"} in parties and {"TR", "PK"} in parties


def test_a_visiting_guest_is_found_at_the_start_of_a_sentence_too() -> None:
    lexicon = default_lexicon()
    for opening in ("The visiting", "Visiting"):
        text = f"ISLAMABAD: {opening} Iranian minister said the two countries would expand trade."
        article, _ = read_article(text, "v")
        ctx = find_mentions(article, lexicon)
        sentence = ctx.sentences[0]
        end = sentence.start + len(sentence.text)
        found = visiting_official(ctx, 0, sentence.start, end, {"IR": "a-visitor"})
        assert found is not None and found[2] == "a-visitor"


def test_officials_joined_by_and_the_travel_together() -> None:
    for joint in (" and ", " and the army chief ", ", and the army chief "):
        result = run(
            "ISLAMABAD, July 17: Prime Minister Imran Khan"
            f"{joint}General Qamar Javed Bajwa arrived in Tehran on Monday for talks."
        )
        visitors = {v.visitor for v in result.visits if v.destination == "IR"}
        assert visitors == {"imran-khan", "qamar-javed-bajwa"}, joint


class _WatchedLexicon(Lexicon):
    """The packaged lexicon, noting the collector's thresholds whenever a word is looked up."""

    __slots__ = ()
    thresholds: ClassVar[list[tuple[int, int, int]]] = []

    def country_of_word(self, word: str) -> str | None:
        self.thresholds.append(gc.get_threshold())
        return super().country_of_word(word)


def _watched() -> _WatchedLexicon:
    packaged = default_lexicon()
    _WatchedLexicon.thresholds.clear()
    return _WatchedLexicon(
        packaged.countries, packaged.offices, packaged.ranks, packaged.organisations,
        packaged.holders, packaged.portfolio_words,
    )  # fmt: skip


@pytest.mark.parametrize("young", [700, 0])  # 0: the collector is off, and stays so
def test_young_collections_are_rarer_while_an_article_is_extracted(young: int) -> None:
    saved = gc.get_threshold()
    gc.set_threshold(young, 10, 10)
    try:
        bilateral.extract(TURKISH_VISIT, "t", _watched())
        assert gc.get_threshold() == (young, 10, 10)
    finally:
        gc.set_threshold(*saved)
    during = EXTRACTION_GC_THRESHOLD if young else 0
    assert _WatchedLexicon.thresholds and set(_WatchedLexicon.thresholds) == {(during, 10, 10)}


def test_the_collector_thresholds_come_back_after_threads_extract_at_once() -> None:
    before = gc.get_threshold()
    lexicon = _watched()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: bilateral.extract(TURKISH_VISIT, "t", lexicon), range(8)))
    assert all(r == results[0] for r in results) and results[0].visits
    assert gc.get_threshold() == before
    assert set(_WatchedLexicon.thresholds) == {(EXTRACTION_GC_THRESHOLD, *before[1:])}

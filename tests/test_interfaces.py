"""What users sort, query, save and export by: dates to sort by, clear errors on query values,
look-ups by id, save and load by suffix, officials' tenures, event-data rows."""

import csv
import datetime as dt
import json
import sqlite3
from functools import cache
from pathlib import Path

import attrs
import pytest

import bilateral
from bilateral.corpus import Corpus, CorpusData
from bilateral.errors import BilateralError, InvalidQueryError
from bilateral.model import Official, PartialDate, Tenure, Visit
from bilateral.model.serialize import from_json, to_json
from bilateral.output.cli import main
from bilateral.output.events import COLUMNS, event_rows, sector

D = PartialDate.parse


@cache
def examples() -> Corpus:
    return Corpus.from_documents(bilateral.examples())


# --- dates to sort by -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("dates", "first", "last"),
    [
        ({"dates": (D("2018-06"),)}, "2018-06-01", "2018-06-30"),
        ({"dates": (D("2018-07-16"),), "days": 3}, "2018-07-16", "2018-07-16"),
        ({"start": D("2019-11-18"), "end": D("2019-11-19")}, "2019-11-18", "2019-11-19"),
        ({"start": D("2019-11-18"), "days": 3}, "2019-11-18", "2019-11-20"),
        ({"dates": (D("2017"), D("2017-11-06"), D("2017-11-08"))}, "2017-11-06", "2017-11-08"),
        ({"dates": (D("2017"),)}, "2017-01-01", "2017-12-31"),
        ({"start": D("2020-02")}, "2020-02-01", "2020-02-29"),
        ({}, None, None),
    ],
)
def test_every_dated_visit_has_days_to_sort_by(
    dates: dict[str, object], first: str | None, last: str | None
) -> None:
    visit = Visit("v", "x", "PK", destination="IR", **dates)  # type: ignore[arg-type]
    days = (visit.first_day, visit.last_day)
    assert days == (
        (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
        if first and last
        else (None, None)
    )


def test_every_merged_example_visit_but_an_undated_plan_has_days() -> None:
    visits = examples().data.visits
    assert [v.id for v in visits if v.first_day is None] == [
        v.id for v in visits if v.status == "planned" and not v.dates
    ]


def test_the_timeline_is_in_order_of_the_days_whatever_the_order_stored() -> None:
    corpus = examples()
    shuffled = Corpus(attrs.evolve(corpus.data, visits=corpus.data.visits[::-1]))
    days = [v.first_day for v in shuffled.timeline(("PK", "IR"))]
    assert days == sorted(days)  # type: ignore[type-var]


def test_sqlite_and_frames_have_the_days(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    examples().save(path)
    with sqlite3.connect(path) as db:
        found = db.execute(
            "SELECT id, first_day, last_day FROM visits ORDER BY position"
        ).fetchall()
    assert found[1] == ("visit-2", "2018-06-01", "2018-06-30")
    visits = examples().to_frames()["visits"]
    assert str(visits["first_day"].dtype).startswith("datetime64")
    assert visits["first_day"].notna().sum() == len(found) - 1


def test_the_timeline_table_shows_first_and_last_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--examples", "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["first", "day", "last", "day"]
    assert lines[2].startswith("2018-06-01  2018-06-30  Bilal Akbar")


# --- clear errors on query values ---------------------------------------------------------
@pytest.mark.parametrize(
    "query",
    [
        lambda c: c.visits(origin="XX"),
        lambda c: c.visits(destination="Iran"),
        lambda c: c.visits(status="ongoing"),
        lambda c: c.visits(between=("2018-13", None)),
        lambda c: c.statements(topic="nonsense"),
        lambda c: c.statements(between=("July 2018", None)),
        lambda c: c.agreements(parties="PK,XX"),
        lambda c: c.calls(countries=["PK", "ZZ"]),
        lambda c: c.calls(channel="telegraph"),
        lambda c: c.officials(country="XX"),
        lambda c: c.timeline(("PK",)),
        lambda c: c.timeline(("PK", "pk")),
    ],
)
def test_a_value_that_can_never_match_is_a_clear_error(query: object) -> None:
    with pytest.raises(InvalidQueryError) as error:
        query(examples())  # type: ignore[operator]
    assert isinstance(error.value, ValueError) and isinstance(error.value, BilateralError)


@pytest.mark.parametrize(
    ("query", "count"),
    [
        (lambda c: c.agreements(parties="PK,IR"), 9),
        (lambda c: c.agreements(parties=["pk", "ir"]), 9),
        (lambda c: c.visits(visitor="Bajwa"), 2),
        (lambda c: c.visits(origin="pk"), 5),
        (lambda c: c.statements(topic="afghanistan"), 5),
    ],
)
def test_values_are_taken_as_the_command_line_takes_them(query: object, count: int) -> None:
    assert len(query(examples())) == count  # type: ignore[operator]


@pytest.mark.parametrize(
    "arguments",
    [
        ["query", "visits", "--origin", "XX"],
        ["query", "agreements", "--parties", "PK,XX"],
        ["query", "statements", "--topic", "nonsense"],
        ["query", "visits", "--from", "2018-13"],
        ["query", "officials", "--country", "XX"],
        ["query", "statements", "--id", "no-such-statement"],
        ["query", "statements", "--id", "visit-1"],
        ["timeline", "--countries", "PK"],
        ["timeline", "--countries", "PK,XX"],
    ],
)
def test_the_command_line_rejects_them_in_one_line_with_exit_2(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code: object = main([*arguments, "--examples", "--quiet"])
    except SystemExit as exit:  # argparse's own usage error (a topic not among the choices)
        code = exit.code
    assert code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1].startswith("bilateral")


def test_query_topics_lists_the_taxonomy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "topics"]) == 0
    topics = capsys.readouterr().out.split()
    assert topics[:2] == ["border-security", "counter-terrorism"] and "kashmir" in topics


def test_facts_are_looked_up_by_id(capsys: pytest.CaptureFixture[str]) -> None:
    corpus = examples()
    for kind in ("visits", "statements", "agreements", "calls"):
        fact = getattr(corpus.data, kind)[0]
        assert corpus.fact(fact.id) == fact
    assert corpus.fact("no-such-fact") is None
    statement = corpus.data.statements[1]
    assert main(["query", "statements", "--id", statement.id, "--examples", "--quiet"]) == 0
    assert capsys.readouterr().out.startswith(f"{statement.id}: Mohammad Bagheri")


# --- save and load ------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".db", ".sqlite", ".SQLITE"])
def test_save_and_load_by_suffix(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"corpus{suffix}"
    examples().save(path)
    assert Corpus.load(path) == examples()


def test_an_unknown_suffix_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BilateralError, match="unknown suffix"):
        examples().save(tmp_path / "corpus.txt")
    (tmp_path / "corpus.txt").write_text("{}")
    with pytest.raises(BilateralError, match="unknown suffix"):
        Corpus.load(tmp_path / "corpus.txt")


def test_frames_on_the_class() -> None:
    frames = examples().to_frames()
    assert {
        "officials",
        "tenures",
        "visits",
        "meetings",
        "statements",
        "agreements",
        "calls",
    } <= set(frames)


# --- officials with tenures ---------------------------------------------------------------
def test_an_office_holder_has_the_tables_tenures() -> None:
    bajwa = examples().official("qamar-javed-bajwa")
    assert bajwa is not None
    assert bajwa.tenures == (Tenure("army_chief", D("2016-11-29"), D("2022-11-29")),)
    unknown = examples().official("nadeem-raza")
    assert unknown is not None and all(isinstance(t, Tenure) for t in unknown.tenures)


@pytest.mark.parametrize(
    ("titles", "kept"),
    [
        (("army chief", "Army Chief", "Army chief"), ("army chief",)),
        (("COAS", "Chief of Army Staff", "coas"), ("COAS", "Chief of Army Staff")),
        (("President",), ("President",)),
    ],
)
def test_titles_differing_only_by_case_are_one(
    titles: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    assert Official("x", "X Y", titles=titles).titles == kept


def test_merged_titles_differ_by_more_than_case() -> None:
    for official in examples().data.officials:
        assert len({t.casefold() for t in official.titles}) == len(official.titles)


def test_tenures_round_trip_and_have_a_table(tmp_path: Path) -> None:
    official = Official("x", "X Y", tenures=(Tenure("president", D("2018-09"), None),))
    assert from_json(to_json(official), Official) == official
    examples().save(tmp_path / "c.db")
    with sqlite3.connect(tmp_path / "c.db") as db:
        row = db.execute(
            "SELECT office, start, \"end\" FROM tenures WHERE owner_id = 'qamar-javed-bajwa'"
        ).fetchall()
    assert row == [("army_chief", "2016-11-29", "2022-11-29")]


# --- event-data rows ----------------------------------------------------------------------
def test_event_rows_of_each_kind() -> None:
    rows = event_rows(examples())
    assert all(tuple(row) == COLUMNS for row in rows)
    first = {row["event"]: row for row in reversed(rows)}
    table = {
        e: (r["cameo"], r["plover"], r["plover_mode"], r["actor"], r["recipient"])
        for e, r in first.items()
    }
    assert table == {
        "visit": ("042", "CONSULT", "visit", "PAK", "IRN"),
        "host": ("043", "CONSULT", "host", "IRN", "PAK"),
        "phone_call": ("041", "CONSULT", "phone", "AFG", "PAK"),
        "agreement": ("030", "AGREE", None, "PAK", "IRN"),
        "statement": ("010", None, None, "PAK", "IRN"),
    }
    visit = first["visit"]
    assert (visit["actor_sector"], visit["first_day"], visit["last_day"]) == (
        "MIL",
        "2017-11-06",
        "2017-11-08",
    )
    article = examples().article(visit["evidence_article"])
    assert article is not None and visit["evidence_start"] < visit["evidence_end"] <= len(
        article.raw
    )
    assert not any(r["fact_id"] == "visit-7" for r in rows)  # a planned visit is not an event


def test_a_meeting_at_a_third_place_and_a_signing() -> None:
    data = examples().data
    pk, ir = data.officials[2], data.officials[0]  # Bajwa, Bagheri
    visit = Visit(
        "visit-1", pk.id, "PK", destination="CN", dates=(D("2020-01-05"),),
        meetings=(bilateral.Meeting((pk.id, ir.id), place="Beijing"),),
    )  # fmt: skip
    agreement = bilateral.Agreement("a-1", ("PK", "IR", "CN"), "signed a pact", verb="signed")
    corpus = Corpus(CorpusData(officials=data.officials, visits=(visit,), agreements=(agreement,)))
    rows = event_rows(corpus)
    third = [r for r in rows if r["event"] == "third_place"]
    assert [(r["cameo"], r["actor"], r["recipient"], r["place"]) for r in third] == [
        ("044", "PAK", "IRN", "Beijing")
    ]
    signed = [(r["cameo"], r["actor"], r["recipient"]) for r in rows if r["event"] == "signing"]
    assert signed == [("057", "PAK", "IRN"), ("057", "PAK", "CHN"), ("057", "IRN", "CHN")]


@pytest.mark.parametrize(
    ("offices", "rank", "expected"),
    [
        (("army_chief",), None, "MIL"),
        (("president",), None, "GOV"),
        (("minister",), "Major General", "MIL"),
    ],
)
def test_sector_from_office_or_rank(
    offices: tuple[str, ...], rank: str | None, expected: str
) -> None:
    assert sector(Official("x", "X Y", offices=offices, rank=rank)) == expected


@pytest.mark.parametrize("name", ["events.csv", "events.jsonl"])
def test_export_events(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    assert main(["export", "--events", str(out), "--examples", "--quiet"]) == 0
    text = out.read_text(encoding="utf-8")
    if name.endswith(".csv"):
        rows = list(csv.DictReader(text.splitlines()))
    else:
        rows = [json.loads(line) for line in text.splitlines()]
    assert len(rows) == len(event_rows(examples()))
    assert rows[0]["cameo"] == "042" and rows[0]["actor"] == "PAK"

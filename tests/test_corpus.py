"""Merging across articles, queries, persistence and the corpus commands."""

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings

import bilateral
from bilateral import InvalidDataError
from bilateral.corpus import Corpus
from bilateral.corpus.persistence import (
    load_json,
    load_jsonl,
    load_sqlite,
    save_json,
    save_jsonl,
    save_sqlite,
)
from bilateral.corpus.storage import write_atomically
from bilateral.model import Article, ExtractionResult, Official, PartialDate, Span, Visit
from bilateral.output.cli import main
from tests.strategies import results


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_documents(bilateral.examples())


def name(corpus: Corpus, official: str) -> str:
    found = corpus.official(official)
    return found.name if found else official


def test_timeline_lists_the_seven_trips_once_in_order(corpus: Corpus) -> None:
    trips = [
        (str(v.start or v.dates[0])[:7], name(corpus, v.visitor), v.destination)
        for v in corpus.timeline(("PK", "IR"))
    ]
    assert trips == [
        ("2017-11", "Qamar Javed Bajwa", "IR"),
        ("2018-06", "Bilal Akbar", "IR"),
        ("2018-07", "Mohammad Bagheri", "PK"),
        ("2019-04", "Imran Khan", "IR"),
        ("2019-11", "Qamar Javed Bajwa", "IR"),
        ("2021-10", "Mohammad Bagheri", "PK"),
        ("2023-07", "Syed Asim Munir", "IR"),
    ]
    first = corpus.timeline(("PK", "IR"))[0]
    assert first.start == PartialDate(2017, 11, 6)
    assert {s.article_id for s in first.evidence} == {"seed-000", "seed-003"}
    planned = [v for v in corpus.timeline(include_planned=True) if v.status == "planned"]
    assert [name(corpus, v.visitor) for v in planned] == ["Ebrahim Raisi"]


def test_one_bagheri_with_his_spellings_and_profile(corpus: Corpus) -> None:
    (bagheri,) = corpus.officials(name="Baqeri")
    assert corpus.officials(name="Mohammad Bagheri") == [bagheri]
    assert {"Bagheri", "Baqeri", "Mohammad Hossein Baqeri"} <= set(bagheri.aliases)
    profile = corpus.profile(bagheri)
    assert [str(v.dates[0])[:7] for v in profile.visits_made] == ["2018-07", "2021-10"]
    met = {o.name for o in profile.counterparts if o.country == "PK"}
    assert {"Qamar Javed Bajwa", "Abdullah Hussain Haroon", "Nadeem Raza", "Imran Khan"} <= met
    assert all(o.country != "IR" for o in profile.counterparts)


def test_queries_use_every_filter(corpus: Corpus) -> None:
    bajwa = "qamar-javed-bajwa"
    assert [v.id for v in corpus.visits(visitor=bajwa, between=("2019-01", "2019-12"))] == [
        corpus.visits(visitor=bajwa)[1].id
    ]
    assert corpus.visits(visitor=bajwa, destination="PK") == []
    assert all(v.status == "past" for v in corpus.visits(status="past"))
    assert [v.destination for v in corpus.visits(place="rawalpindi")] == ["PK", "PK"]
    assert {o.country for o in corpus.officials(country="IR")} == {"IR"}
    assert all("army_chief" in o.offices for o in corpus.officials(office="army_chief"))
    meetings = corpus.meetings(participant="nadeem-raza")
    assert meetings and all("nadeem-raza" in m.meeting.participants for m in meetings)
    statements = corpus.statements(speaker="qamar-javed-bajwa", between=("2021", "2021"))
    assert statements and all(s.date and s.date.year == 2021 for s in statements)
    agreements = corpus.agreements(parties=["PK", "IR"], between=("2023-07-16", "2023-07-16"))
    assert agreements and all(set(a.parties) == {"PK", "IR"} for a in agreements)
    assert corpus.statements(topic="kashmir")


def report(article: str, published: str, start: str | None, days: int | None) -> ExtractionResult:
    raw = "Gen Zorbek visited Tehran."
    span = Span(article, 0, len(raw), raw)
    return ExtractionResult(
        article=Article(id=article, raw=raw, published=PartialDate.parse(published)),
        officials=(Official(id="zorbek", name="Aziz Zorbek", country="PK", evidence=(span,)),),
        visits=(
            Visit(
                id=f"{article}/visit-1", visitor="zorbek", origin="PK", destination="IR",
                start=PartialDate.parse(start) if start else None, days=days, evidence=(span,),
            ),
        ),
    )  # fmt: skip


def test_exact_dates_that_disagree_are_kept_as_a_conflict() -> None:
    merged = Corpus.from_results(
        [report("a", "2020-05-06", "2020-05-04", 3), report("b", "2020-05-07", "2020-05-05", 3)]
    )
    (visit,) = merged.data.visits
    (conflict,) = visit.conflicts
    assert conflict.field == "start" and set(conflict.values) == {"2020-05-04", "2020-05-05"}
    assert set(conflict.articles) == {"a", "b"}


def test_trips_years_apart_stay_apart_and_undated_month_merges() -> None:
    apart = Corpus.from_results(
        [report("a", "2020-05-06", "2020-05-04", 3), report("b", "2022-05-07", "2022-05-05", 3)]
    )
    assert len(apart.data.visits) == 2
    month = Corpus.from_results(
        [report("a", "2020-05-06", "2020-05-04", 3), report("b", "2020-09-01", "2020-05", None)]
    )
    (visit,) = month.data.visits
    assert visit.start == PartialDate(2020, 5, 4) and visit.days == 3


def test_a_shared_surname_is_not_one_person() -> None:
    texts = [
        ("a", " date 2016-03-23 ISLAMABAD: Prime Minister Nawaz Sharif met the envoy on Monday."),
        ("b", " date 2016-03-23 ISLAMABAD: Army chief General Raheel Sharif met the envoy."),
    ]
    merged = Corpus.from_texts(texts)
    assert sorted(o.name for o in merged.officials(name="Sharif")) == [
        "Muhammad Nawaz Sharif",
        "Raheel Sharif",
    ]


def test_add_returns_a_new_corpus(corpus: Corpus) -> None:
    extra = bilateral.extract(
        " date 2023-07-16 TEHRAN: Chief of Army Staff General Asim Munir arrived in Tehran on "
        "Saturday on a two-day visit.",
        "extra",
    )
    grown = corpus.add(extra)
    assert len(grown.data.articles) == len(corpus.data.articles) + 1
    assert len(corpus.data.articles) == 5
    trips = grown.timeline()
    assert len(trips) == 7  # the new report merges into the trip already known
    assert {s.article_id for s in trips[-1].evidence} == {"seed-004", "extra"}


def test_file_round_trips(corpus: Corpus, tmp_path: Path) -> None:
    for save, load, file in (
        (save_json, load_json, "c.json"),
        (save_jsonl, load_jsonl, "c.jsonl"),
        (save_sqlite, load_sqlite, "c.db"),
    ):
        save(corpus, tmp_path / file)
        assert load(tmp_path / file) == corpus
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db", "c.json", "c.jsonl"]


@settings(max_examples=40, deadline=None)
@given(results(), results())
def test_generated_corpora_round_trip(first: ExtractionResult, second: ExtractionResult) -> None:
    import tempfile

    if first.article.id == second.article.id:
        return
    corpus = Corpus.from_results([first, second])
    with tempfile.TemporaryDirectory() as folder:
        for save, load, file in (
            (save_json, load_json, "c.json"),
            (save_jsonl, load_jsonl, "c.jsonl"),
            (save_sqlite, load_sqlite, "c.db"),
        ):
            save(corpus, Path(folder) / file)
            assert load(Path(folder) / file) == corpus


def test_corrupted_files_name_the_record(corpus: Corpus, tmp_path: Path) -> None:
    save_jsonl(corpus, tmp_path / "c.jsonl")
    lines = (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[3])
    record["record"]["country"] = "Pakistan"
    lines[3] = json.dumps(record)
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InvalidDataError, match="line 4"):
        load_jsonl(tmp_path / "c.jsonl")
    save_sqlite(corpus, tmp_path / "c.db")
    with sqlite3.connect(tmp_path / "c.db") as db:
        db.execute("UPDATE visits SET record = '{}' WHERE id = 'visit-2'")
    with pytest.raises(InvalidDataError, match="visit-2"):
        load_sqlite(tmp_path / "c.db")


def test_atomic_write_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def fail(path: Path) -> None:
        path.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, fail)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_corpus_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--examples"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert len(table) == 8 and "Syed Asim Munir" in table[-1]
    assert main(["query", "visits", "--visitor", "Baqeri", "--examples", "--format", "jsonl"]) == 0
    visits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [v["destination"] for v in visits] == ["PK", "PK"]
    database = tmp_path / "out.db"
    assert main(["export", "--sqlite", str(database), "--examples"]) == 0
    capsys.readouterr()
    assert main(["query", "officials", "--country", "AF", "--corpus", str(database)]) == 0
    assert "Ghani" in capsys.readouterr().out
    assert main(["query", "agreements", "--corpus", str(tmp_path / "missing.db")]) == 2
    assert "missing.db" in capsys.readouterr().err


def test_frames(corpus: Corpus) -> None:
    pytest.importorskip("pandas")

    frames = corpus.to_frames()
    assert len(frames["visits"]) == len(corpus.data.visits)
    assert set(frames) == {
        "officials", "tenures", "visits", "meetings", "statements", "agreements", "calls"
    }  # fmt: skip

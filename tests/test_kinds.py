"""The registry of fact kinds: every kind flows through extraction, merging, storage,
frames, queries and the command line, calls included."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import bilateral
from bilateral.corpus import Corpus, CorpusData
from bilateral.corpus.persistence import (
    load_json,
    load_jsonl,
    load_sqlite,
    save_json,
    save_jsonl,
    save_sqlite,
)
from bilateral.facts.kinds import KINDS
from bilateral.model import Call, ExtractionResult, Meeting, Statement, Visit
from bilateral.model.references import references, with_references
from bilateral.output.cli import main
from bilateral.output.summary import summarize


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_documents(bilateral.examples())


def test_every_kind_is_a_field_of_results_and_of_corpora() -> None:
    result_fields = {a.name for a in attrs.fields(ExtractionResult)}
    corpus_fields = {a.name for a in attrs.fields(CorpusData)}
    for kind in KINDS:
        assert kind.plural in result_fields and kind.plural in corpus_fields
        assert {f.name for f in kind.filters} <= set(
            getattr(Corpus, kind.plural).__code__.co_varnames
        )


def test_one_call_reported_by_two_outlets_is_one_call() -> None:
    seed = bilateral.examples()[0]
    copies = [bilateral.extract(seed.text, name) for name in ("outlet-a", "outlet-b")]
    merged = Corpus.from_results(copies)
    assert len(copies[0].calls) == len(merged.data.calls) == 2
    assert {s.article_id for c in merged.data.calls for s in c.evidence} == {
        "outlet-a",
        "outlet-b",
    }


def test_calls_are_queried_by_name_country_and_channel(corpus: Corpus) -> None:
    assert [c.id for c in corpus.calls(participant="Bajwa")] == ["seed-000/call-1"]
    assert len(corpus.calls(countries=["AF", "PK"])) == 2
    assert corpus.calls(countries=["IR"]) == []
    assert corpus.calls(channel="video") == []
    assert [c.id for c in corpus.calls(between=("2018-07-16", "2018-07-16"))] == ["seed-000/call-1"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        (lambda c: c.visits(visitor="Bajwa"), 2),
        (lambda c: c.visits(visitor="Baqeri"), 2),  # a spelling folded
        (lambda c: c.statements(speaker="Rouhani"), 3),
        (lambda c: c.visits(visitor="nobody of that name"), 0),
        (lambda c: c.meetings(participant="Imran Khan"), 1),
    ],
)
def test_queries_take_names(corpus: Corpus, query: object, found: int) -> None:
    assert len(query(corpus)) == found  # type: ignore[operator]


@pytest.mark.parametrize(("save", "load"), [(save_json, load_json), (save_jsonl, load_jsonl),
                                            (save_sqlite, load_sqlite)])  # fmt: skip
def test_every_kind_is_saved_and_loaded(corpus: Corpus, tmp_path: Path, save, load) -> None:  # type: ignore[no-untyped-def]
    save(corpus, tmp_path / "corpus")
    loaded = load(tmp_path / "corpus")
    assert loaded == corpus and loaded.data.calls == corpus.data.calls != ()


def test_sqlite_is_relational_and_its_foreign_keys_hold(corpus: Corpus, tmp_path: Path) -> None:
    save_sqlite(corpus, tmp_path / "c.db")
    with sqlite3.connect(tmp_path / "c.db") as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        names = db.execute(
            "SELECT o.name FROM calls c JOIN calls_participants p ON p.owner_id = c.id"
            " JOIN officials o ON o.id = p.value WHERE c.id = 'seed-000/call-1'"
            " ORDER BY p.position"
        ).fetchall()
        assert names == [("Mohammad Ashraf Ghani",), ("Qamar Javed Bajwa",)]
        met = db.execute(
            "SELECT count(*) FROM meetings m JOIN meetings_participants p ON p.owner_id = m.id"
            " WHERE p.value = 'imran-khan'"
        ).fetchone()
        assert met == (1,)
        tables = {t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"visits_delegation", "agreements_parties", "statements_topics", "spans"} <= tables


def test_the_command_line_queries_calls(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["query", "calls", "--participant", "Ghani", "--examples", "--format", "jsonl"]) == 0
    )
    calls = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [c["countries"] for c in calls] == [["AF", "PK"], ["AF", "PK"]]
    assert main(["query", "calls", "--channel", "video", "--examples"]) == 0
    assert capsys.readouterr().out == ""


def test_frames_and_summary_have_every_kind(corpus: Corpus) -> None:
    pytest.importorskip("pandas")

    frames = corpus.to_frames()
    assert frames["calls"]["initiator_name"].tolist()[1] == "Mohammad Ashraf Ghani"
    assert len(frames["officials"]) == len(corpus.data.officials)
    text = summarize(bilateral.extract(bilateral.examples()[0].text, "seed-000"))
    assert "calls (2):" in text and "called by Mohammad Ashraf Ghani" in text


names = st.sampled_from(["a", "b", "c"])


@given(
    st.builds(
        Visit,
        id=st.just("v"),
        visitor=names,
        destination=st.just("IR"),
        delegation=st.lists(names, max_size=2).map(tuple),
        meetings=st.lists(
            st.builds(Meeting, participants=st.lists(names, min_size=1, max_size=3).map(tuple)),
            max_size=2,
        ).map(tuple),
        statements=st.lists(names, max_size=2).map(tuple),
    )
)
def test_references_are_read_and_replaced_in_nested_records_too(visit: Visit) -> None:
    renamed = with_references(visit, lambda kind, named: f"{kind}:{named}")
    assert [(f, k, f"{k}:{n}") for f, k, n in references(visit)] == list(references(renamed))
    kinds = {kind for _, kind, _ in references(visit)}
    assert kinds <= {"official", "statement"}


@pytest.mark.parametrize(
    ("record", "named"),
    [
        (Statement(id="s", speaker="a", text="t", addressee="b"), ["a", "b"]),
        (Call(id="c", participants=("a", "b"), countries=("PK", "IR"), initiator="b"),
         ["a", "b", "b"]),
    ],
)  # fmt: skip
def test_references_of_each_kind(record: object, named: list[str]) -> None:
    assert [n for _, kind, n in references(record) if kind == "official"] == named

"""Every error the command line meets is one line naming the thing at fault, with the
documented exit code; an export writes over nothing it should not."""

import contextlib
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import bilateral
from bilateral.corpus.sqlite import SCHEMA_VERSION
from bilateral.output.cli import main


def one_error_line(capsys: pytest.CaptureFixture[str], *names: str) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bilateral: error: "), err
    assert "Traceback" not in err
    for name in names:
        assert name in lines[0]
    return lines[0]


@pytest.mark.parametrize("value", ["notadate", "2019-13", "2019-04-31"])
def test_a_bad_date_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "visits", "--from", value, "--examples"]) == 2
    one_error_line(capsys, "--from")
    assert main(["query", "statements", "--to", value, "--examples"]) == 2
    one_error_line(capsys, "--to")


@pytest.mark.parametrize("flag", ["--sqlite", "--jsonl", "--json"])
def test_an_export_target_that_cannot_be_written_is_a_usage_error(
    flag: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no" / "such" / "x.out"
    assert main(["export", flag, str(missing), "--examples"]) == 2
    line = one_error_line(capsys, str(missing))
    assert "/." not in line  # no hidden temporary file named
    assert main(["export", flag, str(tmp_path), "--examples"]) == 2
    one_error_line(capsys, str(tmp_path), "folder")


def test_two_inputs_of_one_name_are_refused_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bilateral.examples()[0].text
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    inputs = [str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt")]
    for flag, name in (("--sqlite", "x.db"), ("--jsonl", "x.jsonl"), ("--json", "x.json")):
        assert main(["export", flag, str(tmp_path / name), *inputs]) == 2
        one_error_line(capsys, *inputs)
        assert not (tmp_path / name).exists()


def test_export_never_writes_over_an_input_and_over_a_file_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "self.txt"
    text = bilateral.examples()[0].text
    article.write_text(text, encoding="utf-8")
    for extra in ([], ["--force"]):
        assert main(["export", "--json", str(article), str(article), *extra]) == 2
        one_error_line(capsys, str(article), "input")
        assert article.read_text(encoding="utf-8") == text
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    assert main(["export", "--json", str(out), "--examples"]) == 2
    one_error_line(capsys, str(out), "--force")
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["export", "--json", str(out), "--examples", "--force"]) == 0
    assert bilateral.from_json(out.read_text(encoding="utf-8"), dict)["articles"]


def test_export_writes_to_a_fifo_as_a_stream_and_never_replaces_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a FIFO, not /dev/null: a library that replaced it would replace nothing but a test file
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    for flag in ("--jsonl", "--json"):
        received: list[bytes] = []
        reader = threading.Thread(target=lambda out=received: out.append(fifo.read_bytes()))
        reader.start()
        assert main(["export", flag, str(fifo), "--examples"]) == 0
        reader.join(timeout=30)
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        assert b"seed-000" in received[0]
    capsys.readouterr()
    assert main(["export", "--sqlite", str(fifo), "--examples"]) == 2
    one_error_line(capsys, str(fifo), "regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_exports_get_the_mode_a_plain_open_gives(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        for flag, name in (("--sqlite", "x.db"), ("--jsonl", "x.jsonl"), ("--json", "x.json")):
            assert main(["export", flag, str(tmp_path / name), "--examples"]) == 0
            assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o644, name
        os.chmod(tmp_path / "x.json", 0o600)  # an existing file keeps its mode
        assert main(["export", "--json", str(tmp_path / "x.json"), "--examples", "--force"]) == 0
        assert stat.S_IMODE(os.stat(tmp_path / "x.json").st_mode) == 0o600
    finally:
        os.umask(previous)


@pytest.mark.parametrize("name", ["a#b.db", "q?x.db", "%41.db"])
def test_a_sqlite_file_of_any_name_loads(name: str, tmp_path: Path) -> None:
    from bilateral.corpus.persistence import load_sqlite, save_sqlite

    corpus = bilateral.Corpus.from_results(
        bilateral.extract_document(d) for d in bilateral.examples()
    )
    path = tmp_path / name
    save_sqlite(corpus, path)
    assert load_sqlite(path).data == corpus.data
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def _slow_inputs(folder: Path, count: int = 48) -> list[str]:
    text = "\n\n".join(d.text for d in bilateral.examples())
    paths = []
    for number in range(count):
        path = folder / f"a{number:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Callable[[], subprocess.Popen[str]]]:
    """Start ``extract --workers 2`` on slow inputs, in a session of its own; whatever of
    it is left when the test ends is killed."""
    started: list[subprocess.Popen[str]] = []

    def run() -> subprocess.Popen[str]:
        command = [sys.executable, "-m", "bilateral", "extract", "--workers", "2"]
        process = subprocess.Popen(
            [*command, "--format", "jsonl", *_slow_inputs(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        started.append(process)
        return process

    yield run
    for process in started:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()


def _workers(pid: int) -> list[int]:
    """The worker processes of ``pid``: its children but the resource tracker."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            command = Path(f"/proc/{child}/cmdline").read_bytes()
            if b"resource_tracker" not in command:
                found.append(int(child))
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def _wait_for_workers(process: subprocess.Popen[str]) -> list[int]:
    for _ in range(300):
        if len(workers := _workers(process.pid)) == 2:
            return workers
        time.sleep(0.02)
    raise AssertionError("no workers started")


needs_proc = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")


@needs_proc
def test_ctrl_c_during_workers_exits_130_quietly(
    start: Callable[[], subprocess.Popen[str]],
) -> None:
    process = start()
    _wait_for_workers(process)
    time.sleep(0.5)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Traceback" not in err


@needs_proc
def test_a_killed_worker_is_an_error_line_and_the_results_before_it_are_kept(
    start: Callable[[], subprocess.Popen[str]],
) -> None:
    process = start()
    assert process.stdout is not None
    first = process.stdout.readline()  # a result written before the worker dies
    workers = _wait_for_workers(process)
    os.kill(workers[-1], signal.SIGKILL)
    rest, err = process.communicate(timeout=60)
    assert bilateral.from_json(first, dict)["article"]["id"] == "a00"
    assert "Traceback" not in err, err
    if process.returncode == 0:  # on a loaded machine the worker was killed once all was done
        assert len(rest.splitlines()) == 47
        return
    assert process.returncode == 1, err
    assert err.count("bilateral: error:") == 1 and "worker" in err, err


@needs_proc
def test_sigterm_to_the_parent_ends_its_workers(
    start: Callable[[], subprocess.Popen[str]],
) -> None:
    process = start()
    workers = _wait_for_workers(process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 143 and "Traceback" not in err
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)


def test_loading_deep_or_wrong_json_is_invalid_data(tmp_path: Path) -> None:
    from bilateral.corpus.persistence import load_json, load_jsonl, load_sqlite, save_sqlite

    deep = "[" * 100_000 + "]" * 100_000
    cases = {
        "deep.json": deep,
        "list.json": "[]",
        "deep.jsonl": f'{{"kind": "corpus", "schema": "{SCHEMA_VERSION}"}}\n'
        + '{"kind": "article", "record": '
        + deep
        + "}\n",
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        load = load_json if name.endswith(".json") else load_jsonl
        with pytest.raises(bilateral.InvalidDataError, match=name):
            load(tmp_path / name)
    db = tmp_path / "deep.db"
    save_sqlite(
        bilateral.Corpus.from_results([bilateral.extract_document(bilateral.examples()[0])]), db
    )
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE articles SET record = ?", (deep,))
    connection.close()
    with pytest.raises(bilateral.InvalidDataError, match="nested too deeply"):
        load_sqlite(db)


def _saved(tmp_path: Path) -> tuple[dict[str, object], Path]:
    from bilateral.corpus.persistence import save_json

    corpus = bilateral.Corpus.from_results(
        bilateral.extract_document(d) for d in bilateral.examples()
    )
    path = tmp_path / "c.json"
    save_json(corpus, path)
    data = bilateral.from_json(path.read_text(encoding="utf-8"), dict)
    assert data["visits"] and data["statements"]
    return data, path


def _shift(span: dict[str, object]) -> None:
    span.update(start=10**9, end=10**9 + len(str(span["text"])))


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (lambda d: d["visits"][0].update(visitor="nobody"), "no such official"),
        (lambda d: d["statements"][0].update(speaker="nobody"), "no such official"),
        (lambda d: d["officials"].append(d["officials"][0]), "a second with this id"),
        (lambda d: d["visits"][0]["evidence"][0].update(article_id="gone"), "not here"),
        (lambda d: _shift(d["visits"][0]["evidence"][0]), "outside its article"),
    ],
)
def test_loading_checks_what_facts_point_to(spoil: object, reason: str, tmp_path: Path) -> None:
    import json

    from bilateral.corpus.persistence import load_json

    data, path = _saved(tmp_path)
    spoil(data)  # type: ignore[operator]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(bilateral.InvalidDataError, match=reason):
        load_json(path)


def test_loading_checks_the_schema_version(tmp_path: Path) -> None:
    from bilateral.corpus.persistence import load_jsonl, load_sqlite, save_jsonl, save_sqlite

    corpus = bilateral.Corpus.from_results([bilateral.extract_document(bilateral.examples()[0])])
    jsonl, db = tmp_path / "c.jsonl", tmp_path / "c.db"
    save_jsonl(corpus, jsonl)
    jsonl.write_text(
        jsonl.read_text().replace(f'"schema": "{SCHEMA_VERSION}"', '"schema": "99"', 1)
    )
    with pytest.raises(bilateral.InvalidDataError, match="schema version '99'"):
        load_jsonl(jsonl)
    save_sqlite(corpus, db)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = '99'")
    connection.close()
    with pytest.raises(bilateral.InvalidDataError, match="schema version '99'"):
        load_sqlite(db)
    with sqlite3.connect(db) as connection:
        connection.execute("DROP TABLE meta")
    connection.close()
    with pytest.raises(bilateral.InvalidDataError, match="meta"):
        load_sqlite(db)

import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from bilateral import examples
from bilateral.output.cli import main


def test_extract_examples_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--examples", "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    first = json.loads(lines[0])
    assert first["article"]["id"] == "seed-000"
    assert first["article"]["source"] == "Dawn"
    assert {"officials", "visits", "statements", "agreements"} <= first.keys()


def test_text_summary_names_each_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--examples"]) == 0
    out = capsys.readouterr().out
    assert out.count("== seed-") == 5 and "source: Dawn" in out


def test_bad_file_is_reported_and_others_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("TEHRAN: The minister arrived on Monday for talks.", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    missing = tmp_path / "missing.txt"
    code = main(["extract", "--format", "jsonl", str(missing), str(binary), str(good)])
    captured = capsys.readouterr()
    assert code == 1
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2 and "missing.txt" in errors[0] and "binary.txt" in errors[1]
    assert "Traceback" not in captured.err
    assert [json.loads(x)["article"]["id"] for x in captured.out.splitlines()] == ["good"]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["extract"], ["extract", "--examples", "--workers", "0"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    assert "--workers: expected a whole number of at least 1, not '0'" in capsys.readouterr().err


@pytest.fixture
def example_files(tmp_path: Path) -> list[str]:
    paths = []
    for document in examples():
        path = tmp_path / f"{document.id}.txt"
        path.write_text(document.text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_workers_write_the_sequential_lines_in_input_order(
    example_files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    files = example_files[::-1] * 2
    assert main(["extract", "--format", "jsonl", *files]) == 0
    sequential = capsys.readouterr().out
    assert main(["extract", "--format", "jsonl", "--workers", "2", *files]) == 0
    parallel = capsys.readouterr().out
    assert parallel == sequential
    ids = [json.loads(line)["article"]["id"] for line in parallel.splitlines()]
    assert ids == [Path(f).stem for f in files]


def test_progress_bar_on_a_terminal_for_several_files(
    example_files: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["extract", "--format", "jsonl", *example_files]) == 0
    assert "5/5" in capsys.readouterr().err
    for quiet in (["--quiet", *example_files], example_files[:1]):
        assert main(["extract", "--format", "jsonl", *quiet]) == 0
        assert capsys.readouterr().err == ""


def test_without_tqdm_the_command_runs_with_no_bar(
    example_files: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # importing it raises ImportError
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["extract", "--format", "jsonl", *example_files]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert len(captured.out.splitlines()) == len(example_files)


def test_python_dash_m_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bilateral", "extract", "--examples", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.count('"article"') == 5


def test_user_officeholder_table_is_used_and_validated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        " date 2030-05-06 TEHRAN: Gen Zorbek met officials on Monday.", encoding="utf-8"
    )
    table = tmp_path / "people.toml"
    table.write_text(
        '[[person]]\nid = "aziz-zorbek"\nname = "Aziz Zorbek"\ncountry = "PK"\n'
        'terms = [{ office = "army_chief", start = "2029-01-01" }]\n',
        encoding="utf-8",
    )
    assert main(["extract", "--format", "jsonl", "--officeholders", str(table), str(article)]) == 0
    (official,) = json.loads(capsys.readouterr().out)["officials"]
    assert (official["id"], official["country"]) == ("aziz-zorbek", "PK")

    table.write_text('[[person]]\nid = "x"\nname = "X"\ncountry = "Pakistan"\n', encoding="utf-8")
    assert main(["extract", "--officeholders", str(table), str(article)]) == 2
    error = capsys.readouterr().err
    assert "people.toml" in error and "'x'" in error and "country" in error


def test_version_is_the_installed_package_version() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bilateral", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (run.returncode, run.stdout) == (0, f"bilateral {version('bilateral')}\n")

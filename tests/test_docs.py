"""Every example in the documentation runs, with the output it shows."""

import doctest
import re
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs"
PAGES = sorted(
    p for p in DOCS.rglob("*.md") if "_build" not in p.parts and "_generated" not in p.parts
)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_page_examples(page: Path) -> None:
    failures, _ = doctest.testfile(
        str(page),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        encoding="utf-8",
    )
    assert failures == 0


def test_the_cluster_script_runs_as_written(tmp_path: Path) -> None:
    """The how-to's script, saved as a file and run with article paths, as it says."""
    pytest.importorskip("distributed")
    import bilateral

    page = (DOCS / "howto" / "parallel.md").read_text(encoding="utf-8")
    (script,) = [b for b in re.findall(r"```python\n(.*?)```", page, re.S) if "LocalCluster" in b]
    (tmp_path / "cluster.py").write_text(script, encoding="utf-8")
    paths = []
    for document in bilateral.examples():
        paths.append(tmp_path / f"{document.id}.txt")
        paths[-1].write_text(document.text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "cluster.py", *map(str, paths)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    corpus = bilateral.Corpus.from_paths(paths)
    assert run.stdout.splitlines()[0] == repr(corpus)
    assert len(run.stdout.splitlines()) == 1 + len(corpus.timeline(("PK", "IR")))

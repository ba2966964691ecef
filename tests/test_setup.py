"""An install whose C extensions cannot be built goes on as plain Python (setup.py)."""

import runpy
import shutil
from pathlib import Path

import pytest

SETUP = Path(__file__).parent.parent / "setup.py"


def build_extensions(directory: Path, sources: dict[str, str]) -> list[Path]:
    """Runs setup.py's build_ext on C extensions made of ``sources`` (name -> C code), in
    ``directory``; returns the extension modules it leaves built."""
    setuptools = pytest.importorskip("setuptools")
    extensions = []
    for name, code in sources.items():
        (directory / f"{name}.c").write_text(code, encoding="utf-8")
        extensions.append(setuptools.Extension(name, [f"{name}.c"]))
    distribution = setuptools.Distribution({"name": "built", "ext_modules": extensions})
    command = runpy.run_path(str(SETUP))["BuildExtOrPlainPython"](distribution)
    command.build_lib = str(directory / "lib")
    command.build_temp = str(directory / "temp")
    command.ensure_finalized()
    command.run()
    return sorted((directory / "lib").rglob("*.so"))


MODULE = """#include <Python.h>
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "%s", NULL, -1, NULL};
PyMODINIT_FUNC PyInit_%s(void) { return PyModule_Create(&module); }
"""


def test_without_a_compiler_the_install_warns_and_builds_no_extension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CC", "/bin/false")
    assert build_extensions(tmp_path, {"fast": MODULE % ("fast", "fast")}) == []
    warnings = [line for line in capsys.readouterr().err.splitlines() if "WARNING" in line]
    assert warnings == [
        "WARNING: bilateral is installed as plain Python (CompileError building its C "
        "extensions, which only make extraction faster)"
    ]


@pytest.mark.skipif(not shutil.which("cc"), reason="no C compiler")
def test_a_failed_build_leaves_no_extension_built_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module compiled before the failure would shadow its Python source, and may need the
    extensions that did not build."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CC", raising=False)
    sources = {"first": MODULE % ("first", "first"), "second": "this is not C"}
    assert build_extensions(tmp_path, sources) == []

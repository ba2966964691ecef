"""Builds the extraction layers (text, article, mentions, facts) as C extensions with mypyc,
which makes extraction about 1.5 times as fast; the Python sources are installed too.

When the C extensions cannot be built (no C compiler, no Python headers), the install goes on
as plain Python, with a one-line warning. An editable install (``pip install -e .``) is left
plain Python, so that edits to the sources take effect; ``BILATERAL_PURE_PYTHON=1`` skips the
compilation of any install.
"""

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, ExecError, PlatformError

COMPILED_LAYERS = ("text", "article", "mentions", "facts")
# Modules of public classes stay Python: mypyc turns a class into a native one, which keeps the
# ``__init__`` attrs writes but not its ``__eq__``, ``__hash__``, ``__repr__`` or immutability.
# The other classes of these layers are internal, and declared ``eq=False`` to compare alike.
PUBLIC_CLASS_MODULES = {
    "text/documents.py",
    "text/lexicons.py",
    "mentions/lexicon.py",
    "mentions/phrases.py",
    "facts/kinds.py",
}
# The module of the public extraction functions stays Python too: compiled, a function shows no
# docstring nor annotations to ``help()``; those of this module call the compiled ones.
PUBLIC_FUNCTION_MODULES = {"facts/api.py"}
# the commands that build what is installed ("editable_wheel" and the metadata ones do not)
BUILD_COMMANDS = {"bdist_wheel", "build", "build_ext", "install"}


def compiled_modules() -> list[str]:
    package = Path("src", "bilateral")
    return sorted(
        str(path)
        for layer in COMPILED_LAYERS
        for path in (package / layer).glob("*.py")
        if path.name != "__init__.py"
        and f"{layer}/{path.name}" not in PUBLIC_CLASS_MODULES | PUBLIC_FUNCTION_MODULES
    )


class BuildExtOrPlainPython(build_ext):
    """Builds the C extensions, or, when they cannot be built, none (the sources are there)."""

    def run(self) -> None:
        try:
            super().run()
        except (CCompilerError, ExecError, PlatformError) as exc:
            for built in self.get_outputs():  # a module half-compiled would shadow its source
                Path(built).unlink(missing_ok=True)
            print(
                f"WARNING: bilateral is installed as plain Python ({type(exc).__name__} building "
                "its C extensions, which only make extraction faster)",
                file=sys.stderr,
            )


def main() -> None:
    if os.environ.get("BILATERAL_PURE_PYTHON") or not BUILD_COMMANDS & set(sys.argv[1:]):
        setup()
    else:
        from mypyc.build import mypycify

        setup(
            ext_modules=mypycify(compiled_modules(), opt_level="3"),
            cmdclass={"build_ext": BuildExtOrPlainPython},
        )


if __name__ == "__main__":  # as setuptools runs it; tests import it
    main()

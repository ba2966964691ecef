"""Builds the extraction layers (text, article, mentions, facts) as C extensions with mypyc,
which makes extraction about 1.5 times as fast; the Python sources are installed too.

An editable install (``pip install -e .``) is left plain Python, so that edits to the sources
take effect; ``BILATERAL_PURE_PYTHON=1`` skips the compilation of any install.
"""

import os
import sys
from pathlib import Path

from setuptools import setup

COMPILED_LAYERS = ("text", "article", "mentions", "facts")
# the commands that build what is installed ("editable_wheel" and the metadata ones do not)
BUILD_COMMANDS = {"bdist_wheel", "build", "build_ext", "install"}


def compiled_modules() -> list[str]:
    package = Path("src", "bilateral")
    return sorted(
        str(path)
        for layer in COMPILED_LAYERS
        for path in (package / layer).glob("*.py")
        if path.name != "__init__.py"
    )


if os.environ.get("BILATERAL_PURE_PYTHON") or not BUILD_COMMANDS & set(sys.argv[1:]):
    setup()
else:
    from mypyc.build import mypycify

    setup(ext_modules=mypycify(compiled_modules(), opt_level="3"))

"""Builds the extraction layers (text, article, mentions, facts) as C extensions with mypyc,
which makes extraction about 1.4 times as fast; the Python sources are installed too.

``BILATERAL_PURE_PYTHON=1 pip install ...`` skips the compilation: use it for an editable
install (``pip install -e .``), where edits to the sources must take effect.
"""

import os
from pathlib import Path

from setuptools import setup

COMPILED_LAYERS = ("text", "article", "mentions", "facts")


def compiled_modules() -> list[str]:
    package = Path("src", "bilateral")
    return sorted(
        str(path)
        for layer in COMPILED_LAYERS
        for path in (package / layer).glob("*.py")
        if path.name != "__init__.py"
    )


if os.environ.get("BILATERAL_PURE_PYTHON"):
    setup()
else:
    from mypyc.build import mypycify

    setup(ext_modules=mypycify(compiled_modules(), opt_level="3"))

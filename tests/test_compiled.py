"""The installed package, compiled by mypyc or not, extracts what the plain Python sources do.

The sources are run in a subprocess (``PYTHONPATH=src``), on the examples mutated at random:
the compiled code is C, and C may read a generator or a number otherwise than Python does.
When the installed package is the sources themselves (an editable install), both sides agree
trivially.
"""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import bilateral

SOURCES = Path(__file__).parent.parent / "src"
PIECES = [
    "", " ", "\n", "\n\n", ".", ",", "’", "“", "”", "İ", "said", "Gen", "General", "visit",
    "Monday", "2019", "(", ")", "-", "Tehran", "Iran", "Pakistan", "will", "met", "and",
]  # fmt: skip
PLAIN = """
import json, sys
import bilateral
texts = json.load(sys.stdin)
print(json.dumps([bilateral.to_json(bilateral.extract(t, f"m{n}")) for n, t in enumerate(texts)]))
"""


def mutated_examples(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    examples = [document.text for document in bilateral.examples()]
    texts = []
    for _ in range(count):
        text = rng.choice(examples)
        for _ in range(rng.randint(1, 30)):
            at = rng.randrange(len(text) + 1)
            if rng.random() < 0.5:
                text = text[:at] + rng.choice(PIECES) + text[at:]
            else:
                text = text[:at] + text[at + rng.randint(1, 40) :]
        texts.append(text)
    return texts


def test_the_installed_package_extracts_what_the_sources_do() -> None:
    texts = mutated_examples(60, seed=7)
    installed = [bilateral.to_json(bilateral.extract(t, f"m{n}")) for n, t in enumerate(texts)]
    environment = {**os.environ, "PYTHONPATH": str(SOURCES)}
    plain = subprocess.run(
        [sys.executable, "-c", PLAIN],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    assert json.loads(plain.stdout) == installed

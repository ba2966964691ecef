"""The installed package, compiled by mypyc or not, behaves as the plain Python sources do.

The sources are run in a subprocess (``PYTHONPATH=src``), on the examples mutated at random:
the compiled code is C, and C may read a generator or a number otherwise than Python does.
A class mypyc compiles keeps only the ``__init__`` of what attrs writes, so classes are
compared too. When the installed package is the sources themselves (an editable install),
both sides agree trivially.
"""

import importlib
import inspect
import json
import os
import pkgutil
import random
import runpy
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import bilateral
from bilateral.article.lines import Line
from bilateral.mentions.lexicon import Holder, Term, default_lexicon
from bilateral.mentions.marks import Mark
from bilateral.mentions.person import PersonMention
from bilateral.model import PartialDate
from bilateral.text.lexicons import countries
from bilateral.text.words import SentenceText, Words

SOURCES = Path(__file__).parent.parent / "src"
COMPILED_LAYERS = ("text", "article", "mentions", "facts")
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
PLAIN_CLASSES = f"""
import json, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from test_compiled import classes_comparing_by_value
print(json.dumps(classes_comparing_by_value()))
"""


def plain_python(code: str, stdin: str = "") -> str:
    """What ``code`` prints, run on the sources."""
    return subprocess.run(
        [sys.executable, "-c", code],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(SOURCES)},
    ).stdout


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
    assert json.loads(plain_python(PLAIN, stdin=json.dumps(texts))) == installed


def classes_comparing_by_value() -> dict[str, bool]:
    """Each attrs class of the compiled layers -> whether it compares by value."""
    found = {}
    for layer in COMPILED_LAYERS:
        package = importlib.import_module(f"bilateral.{layer}")
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, cls in vars(module).items():
                if inspect.isclass(cls) and cls.__module__ == module.__name__ and attrs.has(cls):
                    found[f"{module.__name__}.{name}"] = cls.__eq__ is not object.__eq__
    return found


def test_classes_compare_alike_installed_and_plain() -> None:
    installed = classes_comparing_by_value()
    assert "bilateral.mentions.dates.DateMention" in installed
    assert json.loads(plain_python(PLAIN_CLASSES)) == installed


PUBLIC_OBJECTS: list[Callable[[], object]] = [
    lambda: bilateral.Document("a", "text"),
    lambda: Holder("x", "X Y", "PK", terms=(Term("army_chief", PartialDate(2019)),)),
    lambda: attrs.evolve(countries()[0]),
    lambda: attrs.evolve(default_lexicon(), cache={}),
]


@pytest.mark.parametrize("make", PUBLIC_OBJECTS)
def test_public_classes_keep_what_attrs_writes(make: Callable[[], object]) -> None:
    """Installed, public classes compare by value, hash, show their fields, stay immutable."""
    one, two = make(), make()
    assert one is not two and one == two and hash(one) == hash(two)
    assert repr(one).startswith(type(one).__name__ + "(")
    field = attrs.fields(type(one))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(one, field, "changed")


RECORDS: list[tuple[Callable[[], object], str]] = [
    (lambda: Mark(0, 8, "country", "PK", "PK", "Pakistan"), "value"),
    (lambda: PersonMention(0, 3, 0, "named", name="Dar"), "person"),
    (lambda: Line(0, 3, "Dar"), "end"),
    (lambda: SentenceText(0, 0, "Dar"), "words"),
    (lambda: Words("Dar", "dar", {"dar": [0]}, []), "starts"),
]


@pytest.mark.parametrize(("make", "field"), RECORDS)
def test_records_with_final_fields_are_read_only_once_compiled(
    make: Callable[[], object], field: str
) -> None:
    """mypy keeps their fields from being set again; compiled, they cannot be."""
    record = make()
    if inspect.getfile(type(record)).endswith(".py"):
        setattr(record, field, None)
        assert getattr(record, field) is None
    else:
        with pytest.raises(AttributeError):
            setattr(record, field, None)


PUBLIC_CALLABLES = [name for name in bilateral.__all__ if callable(getattr(bilateral, name))]


def compiled_module_names() -> set[str]:
    """The modules setup.py compiles (run from the project's folder)."""
    compiled_modules = runpy.run_path(str(SOURCES.parent / "setup.py"))["compiled_modules"]
    return {
        ".".join(Path(path).relative_to("src").with_suffix("").parts) for path in compiled_modules()
    }


@pytest.mark.parametrize("name", PUBLIC_CALLABLES)
def test_public_callables_show_their_docstring_and_typed_signature(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ``help()`` shows of them: compiled functions have neither a docstring nor
    annotations, so what users call is defined in modules that setup.py leaves plain Python."""
    public = getattr(bilateral, name)
    assert (public.__doc__ or "").strip()
    monkeypatch.chdir(SOURCES.parent)
    assert public.__module__ not in compiled_module_names()
    own_init = any("__init__" in vars(c) for c in getattr(public, "__mro__", ())
                   if c.__module__.startswith("bilateral"))  # fmt: skip
    if inspect.isclass(public) and issubclass(public, Exception) and not own_init:
        return  # an exception keeping a built-in constructor has no signature to show
    signature = inspect.signature(public)
    assert signature.return_annotation is not inspect.Signature.empty
    assert all(p.annotation is not p.empty for p in signature.parameters.values())

"""Every public name has a docstring and a place in the API reference (docs/reference/).

Public: the ``__all__`` of ``bilateral`` and of the subpackages it takes names from, what a
module documented with ``automodule`` defines (its ``__all__`` if it has one), and the methods
and properties of those classes and of the classes documented with ``autoclass``. Autodoc
drops a member without a docstring silently, so the docstrings are checked too. Record fields
are described by their class and in the JSON reference.
"""

import importlib
import inspect
import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from types import ModuleType

import pytest

# bilateral, and the subpackages it takes its names from (the others are internal layers)
PUBLIC_PACKAGES = [
    "bilateral",
    "bilateral.model",
    "bilateral.text",
    "bilateral.facts",
    "bilateral.corpus",
]
REFERENCE = Path(__file__).parent.parent / "docs" / "reference"
DIRECTIVE = re.compile(r"^\.\. auto(\w+):: (\S+)\n((?:   :.*\n)*)", re.M)


def resolve(target: str) -> object:
    """The object a dotted name names: a module, or an attribute of the longest module."""
    parts = target.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for part in parts[split:]:
            found = getattr(found, part)
        return found
    raise ImportError(target)


def directives() -> Iterator[tuple[str, object, set[str] | None]]:
    """(kind, object, members) for each autodoc directive of the reference; members is the
    listed ones, every one (None), or none (an empty set)."""
    for page in sorted(REFERENCE.glob("*.md")):
        for kind, target, options in DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            listed = re.search(r":members:(.*)", options)
            if ":no-members:" in options:
                members: set[str] | None = set()
            elif listed and listed.group(1).strip():
                members = {name.strip() for name in listed.group(1).split(",")}
            else:  # the configuration documents every member by default
                members = None
            yield kind, resolve(target), members


def module_names(module: ModuleType) -> list[str]:
    """A module's public names: its ``__all__``, else the functions and classes it defines."""
    if hasattr(module, "__all__"):
        return list(module.__all__)
    return [
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value) or hasattr(value, "cache_info"))
        and getattr(value, "__module__", None) == module.__name__
    ]


def class_members(cls: type) -> dict[str, object]:
    """A class's own public methods and properties (its fields are not members)."""
    kinds = (classmethod, staticmethod, property, cached_property)
    return {
        name: value.__func__ if isinstance(value, classmethod | staticmethod) else value
        for name, value in vars(cls).items()
        if not name.startswith("_") and (inspect.isfunction(value) or isinstance(value, kinds))
    }


def public_api() -> dict[str, object]:
    """Each public name (dotted, where it is defined) -> the object."""
    packages = [importlib.import_module(name) for name in PUBLIC_PACKAGES]
    found: dict[str, object] = {}
    classes = []
    for module in packages + [thing for kind, thing, _ in directives() if kind == "module"]:
        assert isinstance(module, ModuleType)
        for name in module_names(module):
            value = getattr(module, name)
            found[f"{value.__module__}.{value.__qualname__}"] = value
            if inspect.isclass(value):
                classes.append(value)
    classes += [thing for kind, thing, _ in directives() if kind == "class"]
    for cls in classes:
        assert isinstance(cls, type)
        for name, member in class_members(cls).items():
            found[f"{cls.__module__}.{cls.__qualname__}.{name}"] = member
    return found


def documented() -> set[str]:
    """The dotted names the reference shows (the ones with a docstring, as autodoc does)."""
    shown = set()
    for _, thing, members in directives():
        if isinstance(thing, ModuleType):
            names = module_names(thing) if members is None else sorted(members)
            for name in names:
                shown.add(f"{thing.__name__}.{name}")
                value = getattr(thing, name)
                if inspect.isclass(value):  # with all its members, whatever the module lists
                    shown |= {f"{thing.__name__}.{name}.{m}" for m in class_members(value)}
            continue
        named = f"{thing.__module__}.{thing.__qualname__}"
        shown.add(named)
        if inspect.isclass(thing):
            own = class_members(thing).keys()
            shown |= {f"{named}.{m}" for m in (own if members is None else members & own)}
    return shown


PUBLIC = public_api()
DOCUMENTED = documented()


def test_the_public_api_is_found() -> None:
    assert {
        "bilateral.facts.api.extract",
        "bilateral.corpus.corpus.Corpus.from_documents",
    } <= PUBLIC.keys()


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_name_has_a_docstring(name: str) -> None:
    value = PUBLIC[name]
    doc = value.__doc__ if not isinstance(value, cached_property) else value.func.__doc__
    assert (doc or "").strip(), f"{name} has no docstring"


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_name_is_in_the_reference(name: str) -> None:
    assert name in DOCUMENTED, f"{name} is missing from docs/reference/"

"""One cattrs converter for the whole model, and JSON / JSON Lines in and out.

cattrs is imported when the converter is first needed: an extraction alone does not pay for it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from bilateral.errors import InvalidDataError
from bilateral.model.dates import PartialDate

__all__ = ["from_data", "from_json", "from_jsonl", "to_data", "to_json", "to_jsonl"]

if TYPE_CHECKING:
    import cattrs

T = TypeVar("T")


@cache
def _converter() -> cattrs.Converter:
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(PartialDate, PartialDate.iso)
    converter.register_structure_hook(PartialDate, lambda value, _type: _structure_date(value))
    return converter


def _structure_date(value: object) -> PartialDate:
    if not isinstance(value, str):
        raise ValueError(f"a date is an ISO string, not {value!r}")
    return PartialDate.parse(value)


def to_data(obj: object) -> Any:
    """Plain dicts, lists and strings for a model object."""
    return _converter().unstructure(obj)


def from_data(data: object, cls: type[T], source: str = "<data>", record: str = "record") -> T:
    """A model object from plain data, or :class:`InvalidDataError` naming the record."""
    converter = _converter()
    import cattrs  # imported by the converter

    try:
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        raise InvalidDataError(source, record, _describe(exc)) from exc
    except AttributeError as exc:  # a list or a number where a record's object belongs
        raise InvalidDataError(source, record, f"not an object: {type(data).__name__}") from exc
    except RecursionError as exc:
        raise InvalidDataError(source, record, "nested too deeply") from exc


def to_json(obj: object, *, indent: int | None = None) -> str:
    """JSON text for a model object (keys in model order, non-ASCII kept, but line and
    paragraph separators escaped so that a JSON line is one line for every reader)."""
    return dumps(to_data(obj), indent=indent)


def dumps(data: object, *, indent: int | None = None) -> str:
    """JSON text for plain data, as :func:`to_json` writes it."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    # rare characters, each looked for before it is replaced: str.translate would map every
    # character of a result's JSON one at a time, which took longer than writing it
    for char, escaped in _LINE_BREAKS.items():
        if char in text:
            text = text.replace(char, escaped)
    return text


_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def from_json(text: str, cls: type[T], source: str = "<json>") -> T:
    """A model object of class ``cls`` from JSON text; :class:`InvalidDataError` naming
    ``source`` and the line when the text is not JSON or not such an object."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidDataError(source, f"line {exc.lineno}", exc.msg) from exc
    except RecursionError as exc:
        raise InvalidDataError(source, "document", "nested too deeply") from exc
    return from_data(data, cls, source)


def to_jsonl(objs: Iterable[object]) -> Iterator[str]:
    """One JSON line (without newline) per object."""
    for obj in objs:
        yield to_json(obj)


def from_jsonl(lines: Iterable[str], cls: type[T], source: str = "<jsonl>") -> Iterator[T]:
    """A model object of class ``cls`` per JSON line (blank lines skipped);
    :class:`InvalidDataError` naming ``source`` and the line at fault."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidDataError(source, f"line {number}", exc.msg) from exc
        except RecursionError as exc:
            raise InvalidDataError(source, f"line {number}", "nested too deeply") from exc
        yield from_data(data, cls, source, f"line {number}")


def _describe(exc: BaseException) -> str:
    import cattrs  # imported by the converter

    if isinstance(exc, cattrs.BaseValidationError):
        messages = cattrs.transform_error(exc)
        return "; ".join(messages)
    return str(exc)

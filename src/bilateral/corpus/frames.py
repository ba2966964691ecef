"""pandas DataFrames of a corpus (``pip install 'bilateral[frames]'``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bilateral.corpus.records import CorpusData
from bilateral.errors import BilateralError
from bilateral.facts.kinds import KINDS
from bilateral.model import PartialDate, Span
from bilateral.model.references import fields_of, nested_record, referred_kind

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped,unused-ignore]


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:
        raise BilateralError("DataFrames need pandas: pip install 'bilateral[frames]'") from exc
    return pandas


def to_frames(data: CorpusData) -> dict[str, pandas.DataFrame]:
    """A DataFrame per table of a corpus's data: ``officials``, one per kind of fact (``visits``,
    ``statements``, ``agreements``, ``calls``) and ``meetings``; a column per plain field (dates
    as ISO text, partial dates staying partial: "2018-06"), a ``<field>_name`` beside each
    field naming one official, tuples joined with ", ", and ``articles``, the number of
    articles that report the fact, and the properties a kind declares (``columns``: a visit's
    ``first_day`` and ``last_day``, as datetimes: NaT when undated). ``tenures`` has a row per
    office an official held (from the office-holder tables). Frames join on ids:
    ``meetings.visit`` is a visit's id, ``tenures.official`` an official's."""
    pd = _pandas()
    names = {o.id: o.name for o in data.officials}
    frames = {"officials": _rows(data.officials, names)}
    frames["tenures"] = [
        {"official": o.id, **_row(t, names)} for o in data.officials for t in o.tenures
    ]
    for kind in KINDS:
        frames[kind.plural] = [
            {**_row(record, names), **{c: getattr(record, c) for c in kind.columns}}
            for record in getattr(data, kind.plural)
        ]
    frames["meetings"] = [
        {"visit": v.id, **_row(m, names)} for v in data.visits for m in v.meetings
    ]
    tables = {table: pd.DataFrame(found) for table, found in frames.items()}
    for kind in KINDS:
        frame = tables[kind.plural]
        for column in kind.columns:
            if column in frame:  # an empty frame has no columns
                frame[column] = pd.to_datetime(frame[column])
    return tables


def _rows(records: tuple[Any, ...], names: dict[str, str]) -> list[dict[str, object]]:
    return [_row(record, names) for record in records]


def _row(record: Any, names: dict[str, str]) -> dict[str, object]:
    row: dict[str, object] = {}
    for attribute in fields_of(type(record)):
        value = getattr(record, attribute.name)
        if nested_record(attribute) is Span:
            row["articles"] = len({span.article_id for span in value})
        elif nested_record(attribute) is not None:
            continue  # a frame of its own (meetings), or kept in the records (conflicts)
        elif isinstance(value, tuple):
            row[attribute.name] = ", ".join(str(v) for v in value)
        else:
            row[attribute.name] = str(value) if isinstance(value, PartialDate) else value
            if referred_kind(attribute) == "official":
                row[f"{attribute.name}_name"] = names.get(value) if value else None
    return row

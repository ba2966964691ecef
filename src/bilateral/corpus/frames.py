"""pandas DataFrames of a corpus (``pip install 'bilateral[frames]'``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bilateral.corpus.corpus import Corpus
from bilateral.errors import BilateralError

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped,unused-ignore]


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:
        raise BilateralError("DataFrames need pandas: pip install 'bilateral[frames]'") from exc
    return pandas


def _iso(value: object) -> str | None:
    return str(value) if value is not None else None


def to_frames(corpus: Corpus) -> dict[str, pandas.DataFrame]:
    """DataFrames ``visits``, ``meetings``, ``statements`` and ``agreements``; officials are
    given by id and name, dates as ISO text (partial dates stay partial: "2018-06")."""
    pd = _pandas()
    name = {o.id: o.name for o in corpus.data.officials}
    visits = [
        {
            "id": v.id, "visitor": v.visitor, "visitor_name": name.get(v.visitor),
            "origin": v.origin, "destination": v.destination, "start": _iso(v.start),
            "end": _iso(v.end), "days": v.days, "status": v.status,
            "places": ", ".join(v.places), "articles": len({s.article_id for s in v.evidence}),
        }
        for v in corpus.data.visits
    ]  # fmt: skip
    meetings = [
        {
            "visit": v.id, "date": _iso(m.date), "place": m.place, "status": m.status,
            "participants": ", ".join(name.get(p, p) for p in m.participants),
        }
        for v in corpus.data.visits
        for m in v.meetings
    ]  # fmt: skip
    statements = [
        {
            "id": s.id, "speaker": s.speaker, "speaker_name": name.get(s.speaker),
            "date": _iso(s.date), "mode": s.mode, "channel": s.channel, "text": s.text,
        }
        for s in corpus.data.statements
    ]  # fmt: skip
    agreements = [
        {"id": a.id, "parties": "-".join(a.parties), "date": _iso(a.date), "verb": a.verb,
         "text": a.text}
        for a in corpus.data.agreements
    ]  # fmt: skip
    return {
        "visits": pd.DataFrame(visits),
        "meetings": pd.DataFrame(meetings),
        "statements": pd.DataFrame(statements),
        "agreements": pd.DataFrame(agreements),
    }

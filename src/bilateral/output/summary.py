"""A readable text summary of one extraction result."""

from __future__ import annotations

from collections.abc import Iterable

from bilateral.model import ExtractionResult, PartialDate, Span

EVIDENCE_WIDTH = 100


def _date(value: PartialDate | None) -> str:
    return value.iso() if value else "?"


def _evidence(spans: Iterable[Span]) -> str:
    spans = list(spans)
    if not spans:
        return ""
    text = " ".join(spans[0].text.split())
    if len(text) > EVIDENCE_WIDTH:
        text = text[: EVIDENCE_WIDTH - 1] + "…"
    return f'\n      evidence [{spans[0].start}:{spans[0].end}] "{text}"'


def summarize(result: ExtractionResult) -> str:
    """Several lines: the article's metadata, then each kind of fact with date and evidence."""
    article = result.article
    names = {o.id: o.name for o in result.officials}

    def name(ref: str) -> str:
        return names.get(ref, ref)

    lines = [
        f"== {article.id}",
        f"   source: {article.source or '?'}   published: {_date(article.published)}"
        f"   dateline: {article.dateline or '?'}",
    ]
    if article.headline:
        lines.append(f"   headline: {article.headline}")
    lines.append(f"   officials ({len(result.officials)}):")
    for official in result.officials:
        titles = f" — {official.titles[0]}" if official.titles else ""
        lines.append(f"    - {official.name} [{official.country or '?'}]{titles}")
    lines.append(f"   visits ({len(result.visits)}):")
    for visit in result.visits:
        met = sorted(
            {name(p) for m in visit.meetings for p in m.participants} - {name(visit.visitor)}
        )
        lines.append(
            f"    - {name(visit.visitor)}: {visit.origin or '?'} -> {visit.destination}"
            f" ({visit.status}) {_date(visit.start)} .. {_date(visit.end)}"
            + (f", {visit.days} days" if visit.days else "")
            + (f", in {', '.join(visit.places)}" if visit.places else "")
            + (f"; met {', '.join(met)}" if met else "")
            + _evidence(visit.evidence)
        )
    lines.append(f"   statements ({len(result.statements)}):")
    for statement in result.statements:
        lines.append(
            f"    - {name(statement.speaker)} ({_date(statement.date)}): {statement.text}"
            + _evidence(statement.evidence)
        )
    lines.append(f"   agreements ({len(result.agreements)}):")
    for agreement in result.agreements:
        lines.append(
            f"    - {'/'.join(agreement.parties)} ({_date(agreement.date)}): {agreement.text}"
            + _evidence(agreement.evidence)
        )
    lines.append(f"   calls ({len(result.calls)}):")
    for call in result.calls:
        lines.append(
            f"    - {' / '.join(name(p) for p in call.participants)}"
            f" ({'/'.join(call.countries)}, {call.channel}, {call.status}, {_date(call.date)})"
            + (f"; called by {name(call.initiator)}" if call.initiator else "")
            + _evidence(call.evidence)
        )
    for notice in result.warnings:
        lines.append(f"   warning [{notice.code}]: {notice.message}")
    return "\n".join(lines)

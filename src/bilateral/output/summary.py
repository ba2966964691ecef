"""A readable text summary of one extraction result."""

from __future__ import annotations

from collections.abc import Iterable

from bilateral.facts.kinds import KINDS
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
    for kind in KINDS:
        facts = getattr(result, kind.plural)
        lines.append(f"   {kind.plural} ({len(facts)}):")
        lines.extend(f"    - {kind.line(fact, name)}{_evidence(fact.evidence)}" for fact in facts)
    for notice in result.warnings:
        lines.append(f"   warning [{notice.code}]: {notice.message}")
    return "\n".join(lines)

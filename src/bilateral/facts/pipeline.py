"""The whole extraction of one article: read it, find its mentions, then its facts."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from attrs import evolve

from bilateral.article import read_article
from bilateral.facts.building import officials_of
from bilateral.facts.findings import Findings
from bilateral.facts.kinds import KINDS
from bilateral.facts.links import AFTER_RECORDS, BEFORE_RECORDS
from bilateral.mentions.lexicon import Lexicon, default_lexicon
from bilateral.mentions.stage import find_mentions
from bilateral.model import Article, ExtractionResult, Notice
from bilateral.text.documents import Document, text_id
from bilateral.text.html import html_to_text, looks_like_html

# While an article is read, its sentences' word indexes, marks and mentions are alive: a young
# collection every 700 allocations (Python's default) walks them again and again and moves
# them on to the older generations, whose collections walk everything. For the length of an
# extraction, young collections wait for this many allocations; the thresholds are then set
# back (threads extracting at once share one change).
EXTRACTION_GC_THRESHOLD: Final = 20_000
_gc_lock: Final = threading.Lock()
_extracting = 0
_gc_thresholds = gc.get_threshold()


def extract(
    text: str, article_id: str | None = None, lexicon: Lexicon | None = None
) -> ExtractionResult:
    """:func:`bilateral.facts.api.extract`, compiled (never raises on any ``str``)."""
    article_id = article_id or text_id(text)
    try:
        with _fewer_collections():
            return _extract(text, article_id, lexicon or default_lexicon())
    except Exception as exc:  # the contract: a bad article never stops a batch
        notice = Notice("internal-error", f"extraction failed: {type(exc).__name__}: {exc}")
        return ExtractionResult(article=Article(id=article_id, raw=text), warnings=(notice,))


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Young collections of the garbage collector made rarer while the block runs (not when
    they are off: a first threshold of 0)."""
    global _extracting, _gc_thresholds
    with _gc_lock:
        if _extracting == 0:
            _gc_thresholds = gc.get_threshold()
            young, *older = _gc_thresholds
            if 0 < young < EXTRACTION_GC_THRESHOLD:
                gc.set_threshold(EXTRACTION_GC_THRESHOLD, *older)
        _extracting += 1
    try:
        yield
    finally:
        with _gc_lock:
            _extracting -= 1
            if _extracting == 0:
                gc.set_threshold(*_gc_thresholds)


def extract_document(document: Document, lexicon: Lexicon | None = None) -> ExtractionResult:
    """:func:`bilateral.facts.api.extract_document`, compiled."""
    result = extract(document.text, document.id, lexicon)
    if document.warning is None:
        return result
    return evolve(result, warnings=(Notice("encoding", document.warning), *result.warnings))


def _extract(text: str, article_id: str, lexicon: Lexicon) -> ExtractionResult:
    """Read the article, find its mentions, then each kind's facts; link them; build."""
    html_notices: tuple[Notice, ...] = ()
    if looks_like_html(text):
        text = html_to_text(text)
        html_notices = (Notice("html", "HTML markup reduced to text; offsets are unchanged"),)
    article, notices = read_article(text, article_id)
    findings = Findings(find_mentions(article, lexicon), article_id)
    for kind in KINDS:
        findings.found[kind.name] = kind.find(findings)
    for step in BEFORE_RECORDS:
        step(findings)
    findings.officials = officials_of(findings.mentions)
    for kind in KINDS:
        findings.records[kind.plural] = kind.build(findings, findings.found[kind.name])
    for step in (*AFTER_RECORDS, *(kind.link for kind in KINDS if kind.link)):
        step(findings)
    return ExtractionResult(
        article=findings.mentions.article,
        officials=findings.officials,
        warnings=(*html_notices, *notices, *findings.mentions.notices),
        **findings.records,
    )

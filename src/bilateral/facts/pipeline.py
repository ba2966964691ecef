"""The whole extraction of one article: read it, find mentions, then facts."""

from __future__ import annotations

from bilateral.article import read_article
from bilateral.model import Article, ExtractionResult, Notice
from bilateral.text.documents import Document, text_id


def extract(text: str, article_id: str | None = None) -> ExtractionResult:
    """Everything the library finds in one article's raw text.

    Never raises on any ``str``: problems become notices in ``result.warnings``.
    """
    article_id = article_id or text_id(text)
    try:
        return _extract(text, article_id)
    except Exception as exc:  # the contract: a bad article never stops a batch
        notice = Notice("internal-error", f"extraction failed: {type(exc).__name__}: {exc}")
        return ExtractionResult(article=Article(id=article_id, raw=text), warnings=(notice,))


def extract_document(document: Document) -> ExtractionResult:
    """Extract from a :class:`Document`, keeping its reading warning."""
    result = extract(document.text, document.id)
    if document.warning is None:
        return result
    notice = Notice("encoding", document.warning)
    return ExtractionResult(
        article=result.article,
        officials=result.officials,
        visits=result.visits,
        statements=result.statements,
        agreements=result.agreements,
        warnings=(notice, *result.warnings),
    )


def _extract(text: str, article_id: str) -> ExtractionResult:
    article, notices = read_article(text, article_id)
    return ExtractionResult(article=article, warnings=notices)

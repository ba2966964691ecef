"""bilateral: official visits between countries, extracted from news articles.

>>> import bilateral
>>> result = bilateral.extract(bilateral.examples()[0].text, "seed-000")
>>> result.article.source
'Dawn'
"""

from bilateral.corpus import Corpus
from bilateral.errors import (
    BilateralError,
    InvalidDataError,
    InvalidQueryError,
    UnreadableArticleError,
    UnwritableError,
)
from bilateral.facts import extract, extract_document, extract_many, extract_many_as
from bilateral.model import (
    Agreement,
    Article,
    Call,
    ExtractionResult,
    Furniture,
    Meeting,
    Notice,
    Official,
    PartialDate,
    Span,
    Statement,
    Tenure,
    Visit,
)
from bilateral.model.serialize import from_json, from_jsonl, to_data, to_json, to_jsonl
from bilateral.text import Document, document_from_bytes, examples, read_document

__version__ = "0.1.0"

__all__ = [
    "Agreement",
    "Article",
    "BilateralError",
    "Call",
    "Corpus",
    "Document",
    "ExtractionResult",
    "Furniture",
    "InvalidDataError",
    "InvalidQueryError",
    "Meeting",
    "Notice",
    "Official",
    "PartialDate",
    "Span",
    "Statement",
    "Tenure",
    "UnreadableArticleError",
    "UnwritableError",
    "Visit",
    "document_from_bytes",
    "examples",
    "extract",
    "extract_document",
    "extract_many",
    "extract_many_as",
    "from_json",
    "from_jsonl",
    "read_document",
    "to_data",
    "to_json",
    "to_jsonl",
]

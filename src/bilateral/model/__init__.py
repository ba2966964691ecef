"""The typed domain model shared by every layer."""

from bilateral.model.dates import PartialDate
from bilateral.model.records import (
    Agreement,
    Article,
    Call,
    Conflict,
    ExtractionResult,
    Furniture,
    Meeting,
    Notice,
    Official,
    Span,
    Statement,
    Tenure,
    Visit,
)

__all__ = [
    "Agreement",
    "Article",
    "Call",
    "Conflict",
    "ExtractionResult",
    "Furniture",
    "Meeting",
    "Notice",
    "Official",
    "PartialDate",
    "Span",
    "Statement",
    "Tenure",
    "Visit",
]

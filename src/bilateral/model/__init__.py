"""The typed domain model shared by every layer."""

from bilateral.model.dates import PartialDate
from bilateral.model.records import (
    Agreement,
    Article,
    Call,
    CallChannel,
    CallStatus,
    Conflict,
    ExtractionResult,
    Furniture,
    Meeting,
    MeetingStatus,
    Notice,
    Official,
    Span,
    Statement,
    StatementMode,
    Visit,
    VisitStatus,
)

__all__ = [
    "Agreement",
    "Article",
    "Call",
    "CallChannel",
    "CallStatus",
    "Conflict",
    "ExtractionResult",
    "Furniture",
    "Meeting",
    "MeetingStatus",
    "Notice",
    "Official",
    "PartialDate",
    "Span",
    "Statement",
    "StatementMode",
    "Visit",
    "VisitStatus",
]

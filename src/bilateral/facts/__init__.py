"""Facts layer: visits, meetings, statements and agreements."""

from bilateral.facts.batch import extract_many
from bilateral.facts.pipeline import extract, extract_document

__all__ = ["extract", "extract_document", "extract_many"]

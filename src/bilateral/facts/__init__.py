"""Facts layer: visits, meetings, statements and agreements."""

from bilateral.facts.pipeline import extract, extract_document

__all__ = ["extract", "extract_document"]

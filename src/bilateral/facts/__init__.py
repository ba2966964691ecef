"""Facts layer: visits, meetings, statements and agreements."""

from bilateral.facts.api import extract, extract_document, extract_many, extract_many_as

__all__ = ["extract", "extract_document", "extract_many", "extract_many_as"]

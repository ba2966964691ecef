"""Facts layer: visits, meetings, statements and agreements."""

from bilateral.facts.batch import extract_many, extract_many_as
from bilateral.facts.pipeline import extract, extract_document

__all__ = ["extract", "extract_document", "extract_many", "extract_many_as"]

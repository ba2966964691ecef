"""Text layer: reading bytes and files into text, and the package's data files."""

from bilateral.text.documents import Document, document_from_bytes, examples, read_document

__all__ = ["Document", "document_from_bytes", "examples", "read_document"]

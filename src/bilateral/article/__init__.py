"""Article layer: metadata, furniture, paragraphs and sentences with offsets."""

from bilateral.article.reader import read_article

__all__ = ["read_article"]

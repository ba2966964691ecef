"""Corpus layer: merging facts across articles and querying them."""

"""Corpus layer: merging facts across articles, indexes and queries, persistence."""

from bilateral.corpus.corpus import Corpus, CorpusData, Profile, VisitMeeting

__all__ = ["Corpus", "CorpusData", "Profile", "VisitMeeting"]

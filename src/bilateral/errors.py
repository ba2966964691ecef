"""Every error the library raises on purpose derives from :class:`BilateralError`."""

from __future__ import annotations


class BilateralError(Exception):
    """Base of the library's errors."""


class UnreadableArticleError(BilateralError):
    """An input file could not be read as article text (missing, binary, undecodable)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[UnreadableArticleError], tuple[str, str]]:
        """Pickled as its fields: a worker process sends it back to the caller."""
        return type(self), (self.path, self.reason)


class InvalidDataError(BilateralError):
    """A lexicon, office-holder table or saved result is malformed.

    The message names the file (or source) and the record at fault.
    """

    def __init__(self, source: str, record: str, reason: str) -> None:
        super().__init__(f"{source}: {record}: {reason}")
        self.source = source
        self.record = record
        self.reason = reason

    def __reduce__(self) -> tuple[type[InvalidDataError], tuple[str, str, str]]:
        """Pickled as its fields, as :class:`UnreadableArticleError` is."""
        return type(self), (self.source, self.record, self.reason)


class InvalidQueryError(BilateralError, ValueError):
    """A query value that can never match: a country code not in the package's country data,
    a topic not in the taxonomy, a malformed date, a value not among a filter's choices."""


class UnwritableError(BilateralError):
    """An output file could not be written (no such folder, a folder in its place, a device
    where SQLite needs a file, an input it would write over)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[UnwritableError], tuple[str, str]]:
        """Pickled as its fields, as :class:`UnreadableArticleError` is."""
        return type(self), (self.path, self.reason)

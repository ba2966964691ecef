"""Calendar dates known to the year, the month or the day."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from attrs import field, frozen

Precision = Literal["year", "month", "day"]

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _check_month(instance: PartialDate, attribute: object, value: int | None) -> None:
    if value is not None and not 1 <= value <= 12:
        raise ValueError(f"month {value} is not in 1..12")


def _check_day(instance: PartialDate, attribute: object, value: int | None) -> None:
    if value is None:
        return
    if instance.month is None:
        raise ValueError("a day needs a month")
    last = calendar.monthrange(instance.year, instance.month)[1]
    if not 1 <= value <= last:
        raise ValueError(f"day {value} is not in {instance.year}-{instance.month:02d}")


@frozen
class PartialDate:
    """A date known to the year ("2017"), the month ("2018-06") or the day ("2018-07-16")."""

    year: int = field(validator=lambda _i, _a, v: _check_year(v))
    month: int | None = field(default=None, validator=_check_month)
    day: int | None = field(default=None, validator=_check_day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read "YYYY", "YYYY-MM" or "YYYY-MM-DD"."""
        match = _ISO.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        """The exact date of a :class:`datetime.date`."""
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        """How much is known: ``"day"``, ``"month"`` or ``"year"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """ISO 8601 text of what is known: ``2019``, ``2019-04`` or ``2019-04-22``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()

    def first_day(self) -> dt.date:
        """The first day the date may be (1 January of a year, the 1st of a month)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day the date may be (31 December of a year, the end of a month)."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)

    def as_date(self) -> dt.date | None:
        """The exact date, or None when only the month or year is known."""
        return self.first_day() if self.day is not None else None

    def contains(self, other: PartialDate) -> bool:
        """True when every day ``other`` may be lies within this date."""
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    def overlaps(self, other: PartialDate) -> bool:
        """True when some day may be both this date and ``other``."""
        return self.first_day() <= other.last_day() and other.first_day() <= self.last_day()

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Orders dates by their first day, the more precise first on a tie."""
        return (self.first_day(), self.last_day())


def _check_year(value: int) -> None:
    if not 1 <= value <= 9999:
        raise ValueError(f"year {value} is out of range")

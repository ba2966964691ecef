"""What the fact finders found in one article, filled in as the stages run."""

from __future__ import annotations

from typing import Any

import attr

from bilateral.mentions.context import Mentions
from bilateral.model import Official


@attr.s(auto_attribs=True, slots=True, eq=False)
class Findings:
    """The article's mentions; then, by kind, what each finder found and the records built."""

    mentions: Mentions
    article_id: str
    found: dict[str, list[Any]] = attr.ib(factory=dict)  # by kind name
    officials: tuple[Official, ...] = ()
    records: dict[str, tuple[Any, ...]] = attr.ib(factory=dict)  # by kind plural
    _known: set[str] | None = None

    @property
    def known(self) -> set[str]:
        """The ids of the officials the result holds (once they are built)."""
        if self._known is None:
            self._known = {o.id for o in self.officials}
        return self._known

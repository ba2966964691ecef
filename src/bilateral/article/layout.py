"""The reader's furniture patterns, compiled once from ``data/reader.toml``."""

from __future__ import annotations

import re
from functools import cache

import attr

from bilateral.article.written_dates import expand
from bilateral.text.regex import Guarded, guarded
from bilateral.text.resources import packaged_toml


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class LinePattern:
    kind: str
    regex: re.Pattern[str]
    outlet_required: bool = False
    needs_next: re.Pattern[str] | None = None
    code_required: bool = False  # the `outlet` group must be an agency's code ("AA")
    after_body: bool = False  # furniture only below the body (a sign-off line)


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class Layout:
    header: tuple[LinePattern, ...]
    prefix: tuple[LinePattern, ...]
    caption: Guarded  # every caption pattern in one, as a line is a caption or not
    inline: tuple[LinePattern, ...]
    footer: tuple[LinePattern, ...]
    comment_stamp: tuple[LinePattern, ...]
    glued_footer: Guarded  # footers found inside a line
    dateline: re.Pattern[str]
    dateline_line: re.Pattern[str]
    stamp: re.Pattern[str]


def _compile(records: list[dict[str, object]], default_kind: str) -> tuple[LinePattern, ...]:
    patterns = []
    for record in records:
        needs_next = record.get("needs_next")
        patterns.append(
            LinePattern(
                str(record.get("kind", default_kind)),
                re.compile(expand(str(record["pattern"]))),
                bool(record.get("outlet_required", False)),
                re.compile(expand(needs_next)) if isinstance(needs_next, str) else None,
                bool(record.get("code_required", False)),
                bool(record.get("after_body", False)),
            )
        )
    return tuple(patterns)


@cache
def layout() -> Layout:
    data = packaged_toml("reader")
    return Layout(
        header=_compile(data["header"], "header"),
        prefix=_compile(data["prefix"], "prefix"),
        caption=guarded(expand(str(r["pattern"])) for r in data["caption"]),
        inline=_compile(data["inline"], "inline"),
        footer=_compile(data["footer"], "footer"),
        comment_stamp=_compile(data["comment_stamp"], "comments"),
        glued_footer=guarded(expand(str(r["pattern"])) for r in data["glued_footer"]),
        dateline=re.compile(expand(data["dateline"]["pattern"])),
        dateline_line=re.compile(expand(data["dateline_line"]["pattern"])),
        stamp=re.compile(expand(data["stamp"]["pattern"])),
    )

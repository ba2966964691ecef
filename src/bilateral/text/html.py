"""HTML reduced to text of the same length, so offsets still point into what was read.

Tags, comments and script or style content become spaces (a block-level tag becomes a line
break, so paragraphs stay apart) and an entity becomes its character followed by spaces.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Final

_LOOKS_LIKE_HTML: Final = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|article|br|span|h[1-6])\b[^>]*>", re.IGNORECASE
)
_BLOCK: Final = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "article", "section", "header", "footer", "blockquote", "figure", "figcaption", "title",
    }
)  # fmt: skip
_HIDDEN: Final = frozenset({"script", "style", "noscript", "template"})


def looks_like_html(text: str) -> bool:
    """Whether text is an HTML page or fragment rather than plain article text."""
    return len(_LOOKS_LIKE_HTML.findall(text[:20000])) >= 2


def html_to_text(html: str) -> str:
    """The visible text of ``html``, character for character at the same offsets."""
    blanker = _Blanker(html)
    blanker.feed(html)
    blanker.close()
    return "".join(blanker.chars)


class _Blanker(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.chars = list(html)
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", html))]
        self.hidden = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _blank(self, start: int, length: int, first: str = " ") -> None:
        for index in range(start, min(start + length, len(self.chars))):
            if self.chars[index] != "\n":
                self.chars[index] = " "
        if length and start < len(self.chars) and self.chars[start] != "\n":
            self.chars[start] = first

    def _tag(self, tag: str) -> None:
        text = self.get_starttag_text() or ""
        start = self._offset()
        end = self.html.find(">", start) + 1 or start + len(text)
        self._blank(start, end - start, "\n" if tag in _BLOCK else " ")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag)
        if tag in _HIDDEN:
            self.hidden += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        end = self.html.find(">", start) + 1 or start + len(tag) + 3
        self._blank(start, end - start, "\n" if tag in _BLOCK else " ")
        if tag in _HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if self.hidden:
            self._blank(self._offset(), len(data))

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name}")

    def _entity(self, written: str) -> None:
        start = self._offset()
        length = len(written) + (1 if self.html.startswith(";", start + len(written)) else 0)
        character = unescape(self.html[start : start + length])
        visible = len(character) == 1 and not self.hidden and character != "\xa0"
        self._blank(start, length, character if visible else " ")

    def handle_comment(self, data: str) -> None:
        self._blank(self._offset(), len(data) + 7)

    def handle_decl(self, decl: str) -> None:
        self._blank(self._offset(), len(decl) + 3)

    def handle_pi(self, data: str) -> None:
        self._blank(self._offset(), len(data) + 3)

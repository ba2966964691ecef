"""The letter classes of ``bilateral.text.regex`` hold exactly the characters they name (the
lower-case one is written as a negated class, which ``re`` compiles four times as fast)."""

import re
import unicodedata

from bilateral.text.regex import LOWER, UPPER


def test_capitals_and_other_letters_of_the_first_plane() -> None:
    upper, lower = re.compile(UPPER), re.compile(LOWER)
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        c = chr(code)
        capital = c.isupper() or c.istitle()
        assert bool(upper.fullmatch(c)) == capital, hex(code)
        other = (c.isalpha() and not capital) or unicodedata.category(c) == "Mn"
        assert bool(lower.fullmatch(c)) == other, hex(code)


def test_no_character_beyond_the_first_plane() -> None:
    for c in ("\U00010400", "\U00010428", "\U0001d49c", "\U00020000", "\U0010ffff", "\ud800"):
        assert not re.fullmatch(UPPER, c)
        assert not re.fullmatch(LOWER, c)

import codecs

import pytest

from bilateral import UnreadableArticleError, document_from_bytes

TEXT = "TEHRAN: Zarif met Qureshi — talks on “trade”."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
)
def test_unicode_encodings_decode_exactly(data: bytes) -> None:
    document = document_from_bytes(data, "x.txt")
    assert document.text == TEXT and document.warning is None


def test_cp1252_fallback_warns() -> None:
    document = document_from_bytes(TEXT.encode("cp1252"), "x.txt")
    assert document.text == TEXT
    assert document.warning and "cp1252" in document.warning


def test_binary_is_a_typed_error() -> None:
    with pytest.raises(UnreadableArticleError, match=r"x\.bin"):
        document_from_bytes(bytes(range(256)) * 4, "x.bin")

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


NO_BOM_TEXTS = [
    TEXT,
    "Army chiefs meet\r\n\r\nRAWALPINDI: Gen Ali met Gen Khan on Monday.\r\n",
    "ANKARA – Çavuşoğlu said “the visit was a success”, and left for Baku.",
    "ok",
]


@pytest.mark.parametrize("text", NO_BOM_TEXTS)
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_decoded_with_a_warning(text: str, encoding: str) -> None:
    document = document_from_bytes(text.encode(encoding), "x.txt")
    assert document.text == text
    assert document.warning and encoding.upper() in document.warning


def test_stray_nuls_are_not_taken_for_utf16() -> None:
    data = b"Gen Ali met\x00 Gen Khan.\x00" * 20  # NULs, but not every other byte
    document = document_from_bytes(data, "x.txt")
    assert document.text == data.decode("utf-8") and document.warning is None


def test_half_nuls_of_an_odd_length_are_still_binary() -> None:
    data = "Zarif met Qureshi.".encode("utf-16-le") + b"x"  # no UTF-16 has an odd length
    with pytest.raises(UnreadableArticleError, match="binary"):
        document_from_bytes(data, "x.bin")

"""Nothing of an article is lost without a word: text after a footer, an article on one line."""

import pytest

import bilateral
from bilateral.model import ExtractionResult

ARTICLE = [
    "Army chiefs meet in Tehran",
    "July 16, 2023",
    "TEHRAN: Gen Asim Munir, the Pakistani army chief, arrived in Tehran on Sunday on a "
    "two-day visit.",
    "He met Maj Gen Mohammad Bagheri, Iran's chief of general staff, and said the two "
    "countries would fight terrorism together.",
    "Pakistan and Iran agreed to enhance border security.",
    "Published in Dawn, July 17th, 2023",
]
SECOND = [
    "Foreign ministers hold talks",
    "ISLAMABAD: Foreign Minister Javad Zarif arrived in Islamabad on Monday on a three-day visit.",
    "Zarif said the two countries would expand trade.",
]


def facts(result: ExtractionResult) -> tuple[object, ...]:
    """What an article says, without the offsets of its evidence."""
    article = result.article
    return (
        article.headline,
        article.published,
        article.dateline,
        article.source,
        sorted((v.visitor, v.destination, str(v.start)) for v in result.visits),
        sorted(s.text for s in result.statements),
        sorted(a.text for a in result.agreements),
    )


def test_an_article_on_one_line_reads_as_it_does_on_many() -> None:
    lines = bilateral.extract("\n\n".join(ARTICLE), "a")
    one = bilateral.extract(" ".join(ARTICLE), "a")
    assert lines.visits and lines.statements and lines.agreements
    assert facts(one) == facts(lines)
    assert [f.kind for f in one.article.furniture] == ["headline", "date", "dateline", "footer"]


def test_the_examples_on_one_line_keep_their_facts() -> None:
    for document in bilateral.examples():
        lines = bilateral.extract_document(document)
        text = " ".join(line.strip() for line in document.text.splitlines() if line.strip())
        one = bilateral.extract(text, document.id)
        assert len(one.visits) == len(lines.visits), document.id
        assert len(one.statements) == len(lines.statements), document.id


GLUED = [  # (how the body ends, the footer glued to it)
    ("security.", "Published in Dawn, July 17th, 2023"),
    ("security", "Published in Dawn, July 17th, 2023"),
    ("security.", "Published in Dawn"),
    ("security.", "© 2023 Dawn"),
]


@pytest.mark.parametrize(("end", "footer"), GLUED)
@pytest.mark.parametrize("joint", [" ", "\n\n"])
def test_a_footer_glued_to_the_last_sentence_is_a_footer(end: str, footer: str, joint: str) -> None:
    body = [*ARTICLE[:-2], ARTICLE[-2].replace("security.", end)]
    result = bilateral.extract(joint.join(body) + footer, "g")
    lines = bilateral.extract("\n\n".join([*body, footer]), "g")
    assert facts(result) == facts(lines)
    assert result.article.furniture[-1].kind == "footer"
    assert result.article.furniture[-1].span.text == footer
    assert all(footer not in p.text for p in result.article.paragraphs)


def test_an_article_after_a_glued_footer_on_the_same_line_is_read() -> None:
    text = " ".join(ARTICLE[:-1]) + ARTICLE[-1] + " " + " ".join(SECOND)
    result = bilateral.extract(text, "two")
    assert len(result.visits) == len(bilateral.extract(" ".join(ARTICLE), "one").visits) + 1
    assert any("expand trade" in s.text for s in result.statements)
    (notice,) = [w for w in result.warnings if w.code == "furniture"]
    assert notice.span is not None and notice.span.text == ARTICLE[-1]
    assert result.article.published == bilateral.model.PartialDate(2023, 7, 17)


def test_text_after_a_footer_is_read_and_the_footer_named() -> None:
    text = "\n\n".join(ARTICLE + SECOND)
    result = bilateral.extract(text, "two")
    first = bilateral.extract("\n\n".join(ARTICLE), "one")
    assert len(result.visits) == len(first.visits) + 1
    assert any("expand trade" in s.text for s in result.statements)
    (notice,) = [w for w in result.warnings if w.code == "furniture"]
    assert notice.span is not None and notice.span.text == ARTICLE[-1]
    assert all(ARTICLE[-1] not in p.text for p in result.article.paragraphs)


def test_repeated_articles_with_link_lists_and_comments_are_all_read() -> None:
    for document in bilateral.examples():
        once = bilateral.extract_document(document)
        thrice = bilateral.extract("\n\n".join([document.text] * 3), document.id)
        assert len(thrice.statements) == 3 * len(once.statements), document.id
        assert len(thrice.article.paragraphs) >= 3 * len(once.article.paragraphs), document.id
        kept_out = [w for w in thrice.warnings if w.code == "furniture"]
        assert all(w.span and w.span.text.strip() for w in kept_out)
        if once.article.dateline and any(f.kind == "footer" for f in once.article.furniture):
            assert len(kept_out) == 2, document.id


def test_a_footer_followed_by_furniture_still_ends_the_article() -> None:
    result = bilateral.extract("\n\n".join([*ARTICLE, "2 Comments", "A reader: so true."]), "c")
    assert not [w for w in result.warnings if w.code == "furniture"]
    assert result.article.furniture[-1].span.text.startswith("Published in Dawn")


COMMENTED = [
    "Ministers agree on a rail link",
    "Jane Doe May 4, 2022",
    "Turkish Foreign Minister Mevlut Cavusoglu arrived in Islamabad on Tuesday on a two-day visit.",
    "He met Prime Minister Imran Khan and said the two countries would build a rail link.",
]
COMMENTS = [
    "3 Comments",
    "Reader One",
    "May 4, 2022 05:07pm",
    "Welcome to our country, minister.",
    "Reader Two",
    "May 4, 2022 06:12pm",
    "A rail link would help traders on both sides of the border a great deal.",
]
NEXT = "Foreign Minister Shah Mahmood Qureshi arrived in Tehran on Monday on a three-day visit."
FOLLOWING = {  # the article after the comments opens...
    "with a dateline": ["Trade talks in Tehran", "TEHRAN: " + NEXT, "Qureshi said so."],
    "with a dated byline": [
        "Trade talks in Tehran",
        "John Roe May 5, 2022",
        NEXT,
        "Qureshi said the two countries would expand trade.",
    ],
    "with a bare headline": [
        "Trade talks in Tehran",
        NEXT,
        "Qureshi said the two countries would expand trade.",
        "The two sides also agreed to open a new border crossing next year.",
    ],
}


@pytest.mark.parametrize("dateline", ["", "ISLAMABAD: "])
@pytest.mark.parametrize("opening", list(FOLLOWING))
def test_comments_end_where_the_next_article_starts(opening: str, dateline: str) -> None:
    first = [*COMMENTED[:2], dateline + COMMENTED[2], *COMMENTED[3:]]
    result = bilateral.extract("\n\n".join(first + COMMENTS + FOLLOWING[opening]), "two")
    assert sorted((v.visitor, v.destination) for v in result.visits) == [
        ("mevlut-cavusoglu", "PK"),
        ("shah-mahmood-qureshi", "IR"),
    ]
    (notice,) = [w for w in result.warnings if w.code == "furniture"]
    assert notice.span is not None and notice.span.text == "\n\n".join(COMMENTS)
    assert not [p for p in result.article.paragraphs if "rail link would help" in p.text]


def test_comments_to_the_end_of_the_text_are_named_with_their_span() -> None:
    text = "\n\n".join(COMMENTED + COMMENTS)
    result = bilateral.extract(text, "c")
    (notice,) = [w for w in result.warnings if w.code.startswith("furniture")]
    assert notice.code == "furniture-at-end" and "1 paragraph" in notice.message
    assert notice.span is not None and notice.span.text == "\n\n".join(COMMENTS)
    assert text.endswith(notice.span.text)


def test_stray_control_characters_are_blanked_at_their_offsets_not_refused() -> None:
    clean = "\n\n".join(ARTICLE)
    noisy = "\x1b[0m\x07\x00" + clean.replace("Tehran on", "Tehran\x00 on", 1) + "\x00"
    document = bilateral.document_from_bytes(noisy.encode("utf-8"), "noisy.txt")
    result = bilateral.extract_document(document)
    assert facts(result)[1:] == facts(bilateral.extract(clean, "c"))[1:]
    assert len(result.article.raw) == len(noisy) and "\x00" not in result.article.raw
    blanked = [w.span for w in result.warnings if w.code == "blanked"]
    assert [(s.start, s.end) for s in blanked if s] == [
        (0, 1),
        (4, 6),
        (noisy.index("\x00 on"), noisy.index("\x00 on") + 1),
        (len(noisy) - 1, len(noisy)),
    ]


def test_where_control_bytes_sit_does_not_decide_whether_a_file_is_text() -> None:
    text = ("Gen Asim Munir met Maj Gen Mohammad Bagheri in Tehran. " * 200).encode()
    early = text[:100] + b"\x00" + text[100:]
    late = text[:8192] + b"\x00" * 1000 + text[8192:]
    for data in (early, late):
        assert bilateral.document_from_bytes(data, "x.txt").text.count("\x00") == data.count(0)
    with pytest.raises(bilateral.UnreadableArticleError, match="binary"):
        bilateral.document_from_bytes(b"\x00\x01\x02 text" * 100, "x.bin")


def test_a_lone_surrogate_is_replaced_and_the_result_is_valid_json() -> None:
    text = "ISLAMABAD: Gen Asim Munir arrived in Tehran \ud800 on Monday."
    result = bilateral.extract(text, "s")
    assert result.article.raw == text.replace("\ud800", "\ufffd")
    assert [w.span.start for w in result.warnings if w.code == "blanked" and w.span] == [44]
    bilateral.to_json(result).encode("utf-8")

"""Hostile or broken input never crashes, never invents facts that break the model."""

import os
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bilateral
from bilateral import UnreadableArticleError, document_from_bytes
from bilateral.model import ExtractionResult
from bilateral.model.serialize import from_json, to_json

EXAMPLES = int(os.environ.get("BILATERAL_RELIABILITY_EXAMPLES", "2000"))
reliability = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck)
)

NAMES = [
    "Gen Qamar Javed Bajwa", "Maj Gen Mohammad Bagheri", "Gen. Bagheri", "Bagheri",
    "President Hassan Rouhani", "Foreign Minister Javad Zarif", "Prime Minister Imran Khan",
    "the army chief", "the visiting Iranian commander", "his Pakistani counterpart", "he",
    "Chief of Army Staff (COAS) General Asim Munir", "Mr Haroon", "Dr Ali", "Gen Gen Gen",
]  # fmt: skip
PLACES = ["Tehran", "Islamabad", "Iran", "Pakistan", "Rawalpindi", "the country", "Riyadh"]
DATES = [
    "on Monday", "on Monday (Nov. 6)", "a day earlier", "last year", "in June",
    "in April this year", "on July 25", "on October 13th, 2021", "from March 25 to 26",
    "last month", "the second day of his visit", "", "today",
]  # fmt: skip
TEMPLATES = [
    "{n} arrived in {p} {d} on a three-day visit.",
    "{n} met {m} {d} in {p}.",
    "{n} called on {m} at GHQ {d}.",
    "“We will cooperate,” {n} said {d}.",
    "{n} said that the two countries would expand trade.",
    "Pakistan and Iran {d} agreed to enhance border security.",
    "The two sides vowed to fight terrorism.",
    "{n} held a telephone conversation with {m} {d}.",
    "{n} will visit {p} {d}.",
    "{n} arrived in {p} {d}, accompanied by {m}, {m} and {m}.",
    "Last year {n} had visited {p}.",
    "{n}, who is on an official visit to {p}, also met {m}.",
    "According to the ISPR, {n} stressed the need for peace.",
    "((((({n} said {d}",
    "\"Unbalanced quote {n} said.",
]  # fmt: skip
FURNITURE = [
    "", " date 2021-10-14 ", "RAWALPINDI: ", "TEHRAN, Oct. 13 (MNA) – ", "Tehran (Agencies): ",
    "Kamran Yousaf July 16, 2023\n", "A caption of the meeting. PHOTO: ISPR\n",
    "November 7, The Iran Project – ",
]  # fmt: skip
FOOTERS = [
    "",
    "\n\nPublished in Dawn, July 17th, 2018",
    "\n\nReplying to X\n\nComments are moderated",
]


@st.composite
def articles(draw: st.DrawFn) -> str:
    sentences = [
        draw(st.sampled_from(TEMPLATES)).format(
            n=draw(st.sampled_from(NAMES)),
            m=draw(st.sampled_from(NAMES)),
            p=draw(st.sampled_from(PLACES)),
            d=draw(st.sampled_from(DATES)),
        )
        for _ in range(draw(st.integers(1, 8)))
    ]
    paragraphs = []
    while sentences:
        size = draw(st.integers(1, 3))
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    noise = draw(st.text(max_size=20))
    return (
        draw(st.sampled_from(FURNITURE))
        + "\n\n".join(paragraphs)
        + draw(st.sampled_from(FOOTERS))
        + noise
    )


def check(result: ExtractionResult, text: str) -> None:
    assert not [w for w in result.warnings if w.code == "internal-error"], result.warnings
    article = result.article
    assert len(article.raw) == len(text)  # control characters blanked at the same offsets
    assert article.raw == text or [w for w in result.warnings if w.code == "blanked"]
    spans = [*article.paragraphs, *article.sentences, *(f.span for f in article.furniture)]
    for official in result.officials:
        spans.extend(official.evidence)
        assert _each_once(official.titles) and _each_once(official.offices)
    for visit in result.visits:
        spans.extend(visit.evidence)
        assert _each_once(visit.delegation)
        assert visit.origin != visit.destination
        if visit.start and visit.end:
            assert visit.start.first_day() <= visit.end.last_day()
    for fact in (*result.statements, *result.agreements):
        spans.extend(fact.evidence)
    for span in spans:
        assert article.raw[span.start : span.end] == span.text


@reliability
@given(articles())
def test_generated_articles_give_consistent_facts(text: str) -> None:
    check(bilateral.extract(text, "g"), text)


@reliability
@given(st.text(max_size=600))
def test_arbitrary_text_never_raises(text: str) -> None:
    check(bilateral.extract(text, "t"), text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_a_document_or_a_typed_error(data: bytes) -> None:
    try:
        document = document_from_bytes(data, "x.txt")
    except UnreadableArticleError as exc:
        assert "x.txt" in str(exc)
        return
    check(bilateral.extract(document.text, document.id), document.text)


def test_extraction_output_round_trips_through_json() -> None:
    for document in bilateral.examples():
        result = bilateral.extract_document(document)
        assert from_json(to_json(result), ExtractionResult) == result


def test_html_is_read_with_offsets_into_the_page() -> None:
    page = (
        "<html><body><h1>Army chief in Tehran</h1><p>TEHRAN: Pakistan&#8217;s army chief Gen "
        "Qamar Javed Bajwa arrived in Tehran on Monday &amp; met President Hassan Rouhani.</p>"
        "<script>var x = '<p>Gen Fake Person</p>';</script></body></html>"
    )
    result = bilateral.extract(page, "h")
    assert "html" in [w.code for w in result.warnings]
    assert sorted(o.name for o in result.officials) == ["Hassan Rouhani", "Qamar Javed Bajwa"]
    for official in result.officials:
        for span in official.evidence:
            assert page[span.start : span.end] == span.text


def test_hostile_shapes_finish_and_find_nothing_false() -> None:
    for text in (
        "a" * 200_000,
        "Gen " * 50_000,
        "(" * 10_000 + ")" * 10_000,
        "\u201cHe said. " * 5_000,
        "x\n" * 50_000,
        "\x00\x01binary-ish\ufffd" * 1_000,
    ):
        result = bilateral.extract(text, "h")
        check(result, text)
        assert result.visits == () and result.agreements == ()


def test_same_output_under_different_hash_seeds() -> None:
    outputs = []
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "bilateral", "extract", "--examples", "--format", "jsonl"],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and outputs[0]


def _each_once(items: tuple[str, ...]) -> bool:
    return len(set(items)) == len(items)

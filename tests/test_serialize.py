import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral import InvalidDataError
from bilateral.model import ExtractionResult, PartialDate, Visit
from bilateral.model.serialize import (
    dumps,
    from_data,
    from_json,
    from_jsonl,
    to_data,
    to_json,
    to_jsonl,
)
from tests.strategies import results


@given(results())
def test_structure_unstructure_round_trip(result: ExtractionResult) -> None:
    assert from_data(to_data(result), ExtractionResult) == result


@given(results())
def test_json_text_round_trip(result: ExtractionResult) -> None:
    text = to_json(result)
    assert from_json(text, ExtractionResult) == result
    assert to_json(from_json(text, ExtractionResult)) == text


@given(st.text(alphabet=st.sampled_from('a é\n\r\u2028\u2029\x85\x0b\x1c"\\')) | st.text())
def test_a_json_line_is_one_line_for_every_reader(text: str) -> None:
    line = dumps({"text": text, "more": [text, text]})
    assert len(line.splitlines()) == 1  # str.splitlines breaks at U+2028, U+2029 and U+0085
    assert json.loads(line) == {"text": text, "more": [text, text]}


def test_jsonl_round_trip_keeps_order() -> None:
    visits = [Visit(id=f"v{i}", visitor="x", destination="IR") for i in range(3)]
    lines = list(to_jsonl(visits))
    assert [v.id for v in from_jsonl(lines, Visit)] == ["v0", "v1", "v2"]


def test_partial_dates_are_iso_strings() -> None:
    visit = Visit(id="v", visitor="x", destination="IR", start=PartialDate(2018, 6))
    assert to_data(visit)["start"] == "2018-06"


def test_bad_record_is_named() -> None:
    good = to_json(Visit(id="v", visitor="x", destination="IR"))
    bad = json.dumps({**json.loads(good), "destination": "Iran"})
    with pytest.raises(InvalidDataError, match="line 2"):
        list(from_jsonl([good, bad], Visit, "visits.jsonl"))
    with pytest.raises(InvalidDataError, match=r"visits\.jsonl"):
        list(from_jsonl(["{not json"], Visit, "visits.jsonl"))

"""Shortcuts through large alternations find exactly what the plain search finds: the office
index, the first-word look-ahead, the search of a pattern's tail."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bilateral.mentions.lexicon import default_lexicon
from bilateral.mentions.patterns import (
    _leads,
    _placeholder_leads,
    office_alternatives,
    office_pattern,
)
from bilateral.mentions.phrase_matcher import PhraseMatcher
from bilateral.text.regex import (
    TAIL_REACH,
    first_words,
    fold,
    guarded,
    lead_filter,
    lead_words,
    required_strings,
    search_tail,
)
from bilateral.text.words import index_words

WORDS = [
    "the", "of", "and", "Iranian", "Pakistan's", "Iran", "chief", "Chief", "army", "Army",
    "staff", "Staff", "general", "General", "minister", "Minister", "foreign", "Foreign",
    "Defence", "defense", "commander", "Commander-in-Chief", "director", "DG", "ISPR",
    "Senior", "vice", "president", "President", "prime", "PM", "Qamar", "Bajwa", "top",
    "military", "officer", "of the", "Interior", "Supreme", "Leader", "navy", "Naval",
    "special", "envoy", "to", "Afghanistan", "secretary", ",", "Gen", "Maj", "state",
    "Chargé", "CHARGÉ", "d'affaires", "İran", "Army’s",
    # country words of several words, within others, or begun by others
    "Saudi", "Arabia", "Saudi Arabia", "SAUDI ARABIA’s", "Niger", "Nigeria", "Guinea",
    "Guinea-Bissau", "Papua New Guinea", "Pakistani", "Iranian", "Prime", "minister", "top",
    "high commissioner", "ambassador", "sultan", "Oman", "Romania", "emir", "Amir",
]  # fmt: skip


def _every_form(text: str) -> re.Match[str] | None:
    """The first match of any form at the first word where one matches (the reference)."""
    forms = "|".join(f"(?P<{f.group}>{f.regex})" for f in office_alternatives(default_lexicon()))
    regex = re.compile(rf"(?<![\w-])(?:{forms})(?![\w])", re.IGNORECASE)
    for word in re.finditer(r"(?<![\w-])[^\W\d_]", text):
        found = regex.match(text, word.start())
        if found:
            return found
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
def test_office_index_finds_what_every_form_finds(words: list[str]) -> None:
    text = " ".join(words)
    expected = _every_form(text)
    offices = office_pattern(default_lexicon())
    starts = offices.starts(index_words(text))
    for folded in (None, fold(text)):  # the forms' strings looked for in the folded text
        found = next((m for at in starts if (m := offices.match_at(text, at, folded))), None)
        assert (found and (found.span(), found.lastgroup)) == (
            expected and (expected.span(), expected.lastgroup)
        )


def test_forms_whose_strings_a_sentence_lacks_go_untried() -> None:
    offices = office_pattern(default_lexicon())
    forms = offices.by_word["security"]  # "Security Minister", "Security Adviser"...
    segments = [segment for _, segment in offices._segments_of(forms)]
    assert len(segments) > 1
    assert not any(offices._may_match(s, fold("regional security cooperation")) for s in segments)
    assert any(offices._may_match(s, fold("the Security Minister")) for s in segments)


def test_lead_words_list_the_words_a_form_can_begin_with() -> None:
    assert lead_words("(?:DG|director[- ]general) (?:of )?ISPR") == {"dg", "director"}
    assert lead_words("(?:federal |state )?minister") == {"federal", "state", "minister"}
    assert lead_words("defen[cs]e minister") == {"defence", "defense"}
    assert lead_words("(?-i:[A-Z][a-z]+) minister") is None


def test_a_forms_first_words_read_through_probe_words_are_those_of_the_whole_form() -> None:
    lexicon = default_lexicon()
    placeholders = _placeholder_leads(lexicon)
    forms = office_alternatives(lexicon)
    assert [_leads(f, placeholders) for f in forms] == [lead_words(f.lead_regex) for f in forms]
    assert any(f.lead_probe != f.lead_regex for f in forms)  # the probes stood in for words


@given(
    st.lists(
        st.sampled_from(["the", "The", "was", "and", "also", "X", ",", "who", " "]), max_size=80
    ),
    st.integers(min_value=0, max_value=400),
)
def test_search_tail_finds_what_a_search_of_the_whole_prefix_finds(
    words: list[str], cut: int
) -> None:
    """...when that match begins in the last ``TAIL_REACH`` characters."""
    text = " ".join(words)
    end = min(cut, len(text))
    for regex in (re.compile(r"\b(?:the|The)\s+$"), re.compile(r",\s*who\s+(?:also\s+)?$")):
        expected = regex.search(text[:end])
        found = search_tail(regex, text, end)
        if expected is None or expected.start() >= end - TAIL_REACH:
            assert (found and found.span()) == (expected and expected.span())
        else:
            assert found is None or found.start() >= end - TAIL_REACH


PHRASES = ["said", "(?:was|were) quoted as saying", "terror\\w*", "defen[cs]e cooperation", "PM"]


@given(st.lists(st.sampled_from(["said", "Saying", "was", "quoted", "as", "saying", "terrorism",
                                 "Terror", "defence", "defense", "cooperation", "PMs", "PM", "x"]),
                max_size=15))  # fmt: skip
def test_lead_filter_keeps_every_match(words: list[str]) -> None:
    text = " ".join(words)
    body = "|".join(f"(?:{p})" for p in PHRASES)
    plain = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    filtered = re.compile(
        rf"(?<![\w-]){lead_filter(first_words(PHRASES))}(?:{body})(?![\w-])", re.IGNORECASE
    )
    assert [m.span() for m in filtered.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_lead_filter_gives_up_on_patterns_that_may_begin_anywhere() -> None:
    assert lead_filter(first_words(["said", "\\w+ said"])) == ""
    assert lead_filter(first_words(["said", "\\d+ days"])) == "(?=(?i:said(?![^\\W\\d_])|[\\d]))"


CAPTIONS = [
    r"(?:[.)!]\s*|\s)[—–]\s*(?:Photo\b.*|[A-Z]{2,8}(?: PHOTO)?)$",
    r"\bPHOTO:\s*[A-Z][\w .&/-]*$",
    r"\b[A-Z]{2,8} PHOTO$",
]


@given(st.lists(st.sampled_from(["Ali", "met", ".", " ", "—", "–", "Photo", "PHOTO", ":",
                                 "APP", "reuters", "!", "x"]), max_size=12))  # fmt: skip
def test_guarded_patterns_find_what_the_patterns_find(pieces: list[str]) -> None:
    text = "".join(pieces)
    guard = guarded(CAPTIONS)
    assert guard.needles == {"—", "–", "photo:", " photo"}
    expected = any(re.search(p, text) for p in CAPTIONS)
    assert bool(guard.search(text)) == expected


def test_a_pattern_without_a_required_string_is_not_guarded() -> None:
    assert guarded(["said|told", r"\w+ said|\d"]).needles is None
    assert guarded(["[A-Z]{2,8}"]).needles is None


def test_required_strings_are_the_longest_every_match_holds() -> None:
    assert required_strings("held (?:talks|a meeting)") == {"held "}
    assert required_strings("(?i:said|Told)") == {"said", "told"}
    assert required_strings(r"(?-i:[A-Z][a-z]+) (?:general|military officer)") == {
        "general",
        "military officer",
    }
    assert required_strings(r"[“\"]\w+") == {"“", '"'}
    assert required_strings(r"\w+(?: said)?") is None


@given(
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
    st.sampled_from(
        [
            "held (?:talks|a meeting) with",
            "(?i:said|told)",
            r"(?-i:[A-Z][a-z]+) (?:general|military officer)",
            r"(?<![\w-])(?=(?i:chief|chargé))\w+",
            "[Mm]inister(?:’s)?",
        ]
    ),
)
def test_a_text_a_pattern_matches_holds_a_required_string(text: str, pattern: str) -> None:
    needles = required_strings(pattern)
    assert needles
    if re.search(pattern, text, re.IGNORECASE):
        assert any(needle in fold(text) for needle in needles)


FIXED = ["Iran", "Iranian", "U.S.", "United States", "G20", "São Paulo", "ISI", "Gen", "Lt Gen",
         "Saudi Arabia", "Saudi", "Karachi"]  # fmt: skip
FIXED_TEXT = ["Iran", "Iran's", "Iranian", "U.S.", "U.S", "United", "States", "G20", "G", "20",
              "São", "Paulo", "SÃO", "ISI", "Isi", "Gen", "Lt", "Saudi", "Arabia", "Pak-Iran",
              "-Iran", "Iran_x", "Karachi2", " ", ",", "'s"]  # fmt: skip


def _fixed_by_scan(text: str) -> list[tuple[int, int, str]]:
    """The phrases as a scan for each phrase's first word finds them (the reference)."""
    heads = {re.split(r"[^\w]", p, maxsplit=1)[0]: p for p in FIXED}
    scan = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(heads, key=len, reverse=True))})(?!\w)")
    found: list[tuple[int, int, str]] = []
    position = 0
    for word in scan.finditer(text):
        if word.start() < position:
            continue
        for phrase in sorted((p for p in FIXED if p.startswith(word.group())), key=len)[::-1]:
            end = word.start() + len(phrase)
            if not text.startswith(phrase, word.start()):
                continue
            end += 2 if text[end : end + 2] in ("’s", "'s") else 0
            if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                continue
            found.append((word.start(), end, phrase))
            position = end
            break
    return found


@given(st.lists(st.sampled_from(FIXED_TEXT), max_size=14).map(" ".join))
def test_fixed_phrases_at_indexed_words_are_what_a_scan_finds(text: str) -> None:
    matcher = PhraseMatcher(FIXED, possessive=True)
    assert matcher.finditer(index_words(text)) == _fixed_by_scan(text)


def test_the_words_checked_before_a_pattern_are_words_its_matches_need() -> None:
    """The facts layer skips these patterns in texts without a word ("visiting", "who"):
    each pattern's matches must hold it."""
    from bilateral.facts import speakers, visit_triggers
    from bilateral.mentions import context

    for regex, word, looked_for_in_any_case in [
        (context._G.visiting_guest, "visiting", False),
        (visit_triggers._G.visiting_before, "visiting", False),
        (speakers._G.visiting, "visiting", True),
        (context._G.relative, "who", False),
    ]:
        assert required_strings(regex.pattern) == {word}
        assert looked_for_in_any_case or not regex.flags & re.IGNORECASE


@given(
    st.lists(
        st.sampled_from(["in", "at", "to", "the", "went", "flew", "war", "x", "The", " ", "\n"]),
        max_size=8,
    ).map(" ".join)
)
@example("they went to ")
@example("in the ")
def test_a_text_naming_where_a_place_is_ends_with_one_of_the_words_checked_first(
    text: str,
) -> None:
    from bilateral.mentions import context

    if context._G.at_place.search(text):
        assert text.rstrip().endswith(context._AT_PLACE_LAST_WORDS)


PUNCTUATED = [",", "”", '"', "’", " ", "\n", "said", "as per", "x"]


@given(st.lists(st.sampled_from(PUNCTUATED)).map("".join))
@example('he said,’ she "said”, as per ”,x said')
def test_patterns_written_to_begin_with_a_class_match_as_they_read(text: str) -> None:
    from bilateral.facts import statements

    for written, reads in [
        (statements._G.speaker_after, r"(?:,[”\"’]?|[”\"],?)\s+"),
        (statements._G.tail_start,
         r"[”\"’]?,|\s(?=(?:according|as per|said|added|reported|noted|stated)\b)"),
    ]:  # fmt: skip
        assert [m.span() for m in written.finditer(text)] == [
            m.span() for m in re.finditer(reads, text)
        ]


CLAUSE_PIECES = [",", ";", " ", "  ", "\n", "and", "then", "who", "as per", "the", "said", "Khan",
                 "visited", "met", "also", "x", "band", "’s", "later"]  # fmt: skip


@given(st.lists(st.sampled_from(CLAUSE_PIECES)).map("".join), st.integers(0, 40))
@example("He met Khan and then Ali", 0)
@example("He met Khan, who said", 7)
@example("the band then left", 0)  # "and then" inside a word ends nothing
def test_objects_end_where_the_alternation_of_their_patterns_finds_it(text: str, at: int) -> None:
    from bilateral.facts import meetings

    alternation = re.compile(
        r"[;:]|,?\s(?:according to|as per|who|which|where|while)\b"
        r"|\band (?:then|later|afterwards)\b"
        r"|,\s(?:the\s)?[\w’' -]{0,40}\b(?:said|says|reported)\b"
        r"|\s+and\s+(?:also\s+)?(?:[a-z]+ed|met|held|gave|sent|said|told|made|took|paid|brought)\b"
        r"|,\s+and\s+(?=(?:[A-Z][\w’'-]*\s+){1,4}(?:[a-z]+ed|met|held|said|told)\b)"
    )
    found = alternation.search(text, at)
    assert meetings._objects_end(text, at) == (found.start() if found else len(text))


def test_forms_with_country_words_are_compiled_with_those_the_sentence_holds() -> None:
    offices = office_pattern(default_lexicon())
    assert offices.countries is not None
    assert offices.countries.present("Prime Minister of Saudi Arabia") >= {"saudi arabia", "saudi"}
    assert not offices.countries.present("Prime Minister Imran Khan") & {"iran", "pakistan"}
    text = "Prime Minister of Pakistan Imran Khan met the Ambassador of Iran"
    found = offices.match_at(text, 0)
    assert found and found.group() == "Prime Minister of Pakistan"
    assert (found.span(), found.lastgroup) == (lambda m: (m.span(), m.lastgroup))(_every_form(text))
    # no form was compiled with every country word (some 8,000 characters of them)
    every = default_lexicon().country_words
    assert offices._compiled and all(every not in r.pattern for r in offices._compiled.values())

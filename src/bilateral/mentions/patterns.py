"""The lexicons as matchers, built once per :class:`Lexicon`: fixed phrases (countries,
cities, organisations, ranks) found by their first words, and office forms (regular
expressions) grouped by the first words they can begin with."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, Final, TypeVar

import attr

from bilateral.mentions.lexicon import Lexicon
from bilateral.text.regex import (
    LOWER,
    UPPER,
    Guarded,
    first_chars,
    fold,
    guarded,
    lead_words,
    required_strings,
    trie_alternation,
)
from bilateral.text.words import Words

T = TypeVar("T")
_OFFICE_WORD: Final = re.compile(r"(?<![\w-])[^\W\d_]+")  # an office form's first word


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class OfficePattern:
    """Office forms grouped by the first word a match can begin with, so that each word of a
    sentence is tried only against the forms that may begin there, and most words (those no
    form begins with) not at all.

    The forms that hold the country words (a trie of some 8,000 characters, which the engine
    compiles anew in each copy) are compiled with only those country words that the sentence
    holds, found by a scan for their first words: a match can hold no other. The forms a word
    may begin are tried in order, each without country words compiled alone, so that each is
    compiled once however many words may begin it."""

    groups: dict[str, tuple[str, str | None]]  # group name -> (office key, implied country)
    alternatives: tuple[str, ...]  # each form as a named group, in the order tried
    by_word: dict[str, tuple[int, ...]]  # lower-case first word -> the forms it may begin
    by_char: dict[str, tuple[int, ...]]  # first character -> forms whose first word is open
    scanned: Guarded  # where forms begin that a sentence's indexed words cannot tell
    country_word_groups: frozenset[str] = frozenset()
    templates: dict[int, str] = attr.ib(factory=dict)  # forms with "{C}" for country words
    countries: CountryWords | None = None
    # for each form whose matches must hold one of some strings, those strings (folded)
    needles: dict[int, frozenset[str]] = attr.ib(factory=dict)
    _compiled: dict[object, re.Pattern[str]] = attr.ib(factory=dict, eq=False)
    _segments: dict[tuple[int, ...], tuple[tuple[bool, tuple[int, ...]], ...]] = attr.ib(
        factory=dict, eq=False
    )

    def starts(self, words: Words) -> list[int]:
        """Where in a sentence a form may begin, in order: at its words that begin some
        form, and where a form of unknown or non-ASCII first word matches."""
        starts = words.starts
        found = {at for word in self.by_word.keys() & starts.keys() for at in starts[word]}
        if self.scanned.admits(words.text, words.folded):
            found.update(m.start() for r in self.scanned.regexes for m in r.finditer(words.text))
        return sorted(found)

    def match_at(self, text: str, position: int, folded: str | None = None) -> re.Match[str] | None:
        """The first form matching at ``position``; ``folded`` (``fold(text)``, when the
        caller has it) lets the forms whose strings the text lacks go untried."""
        word = _OFFICE_WORD.match(text, position)
        if word is None:
            return None
        forms = self.by_word.get(word.group().lower()) or self.by_char.get(text[position])
        if not forms:
            return None
        present: frozenset[str] | None = None
        for countries, segment in self._segments_of(forms):
            if folded is not None and not self._may_match(segment, folded):
                continue
            if countries and present is None:
                assert self.countries is not None
                present = self.countries.present(text)
            found = self._regex(segment, present if countries else None).match(text, position)
            if found:
                return found
        return None

    def _may_match(self, forms: tuple[int, ...], folded: str) -> bool:
        """Whether the text holds, for one of the forms, a string every match of it holds."""
        needles = self.needles
        return any(
            form not in needles or any(needle in folded for needle in needles[form])
            for form in forms
        )

    def _segments_of(self, forms: tuple[int, ...]) -> tuple[tuple[bool, tuple[int, ...]], ...]:
        """The forms in runs, in order: each form without country words alone (so that it is
        compiled once, whatever words it is tried at; forms of unknown first word are tried
        at every word), and runs of forms with them (whether it has them first)."""
        found = self._segments.get(forms)
        if found is None:
            runs: list[tuple[bool, list[int]]] = []
            for form in forms:
                countries = form in self.templates
                if runs and countries and runs[-1][0]:
                    runs[-1][1].append(form)
                else:
                    runs.append((countries, [form]))
            found = self._segments[forms] = tuple((c, tuple(run)) for c, run in runs)
        return found

    def _regex(self, forms: tuple[int, ...], present: frozenset[str] | None) -> re.Pattern[str]:
        """The forms as one pattern, their country words those ``present`` (when they have
        any), compiled when first needed (most never are)."""
        key = (forms, present)
        compiled = self._compiled.get(key)
        if compiled is None:
            if present is None:
                parts = "|".join(self.alternatives[i] for i in forms)
            else:
                country = rf"(?:{trie_alternation(present)})(?:[’']s)?"
                parts = "|".join(
                    f"(?P<f{i}>{self.templates[i].replace('{C}', country)})" for i in forms
                )
            compiled = re.compile(rf"(?<![\w-])(?:{parts})(?![\w])", re.IGNORECASE)
            if len(self._compiled) >= _COMPILED_AT_MOST:
                self._compiled.clear()  # those of the sentences' country words seen lately
            self._compiled[key] = compiled
        return compiled


_COMPILED_AT_MOST: Final = 4096


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class CountryWords:
    """The country words (lower case) a text may hold, found by their first words: a scan
    for every first word that begins at each position of the text (the longest, and then
    those it begins with), in a pattern far smaller than one of all the words."""

    scan: re.Pattern[str]
    by_head: dict[str, frozenset[str]]  # a first word -> the country words it begins
    always: frozenset[str]  # words that begin with no letter (none, in the packaged data)
    _seen: dict[str, frozenset[str]] = attr.ib(factory=dict, eq=False)

    def present(self, text: str) -> frozenset[str]:
        found = self._seen.get(text)
        if found is None:
            words = set(self.always)
            heads = {fold(m.group(1)) for m in self.scan.finditer(text)}
            for head in heads:
                for end in range(1, len(head) + 1):
                    words.update(self.by_head.get(head[:end], ()))
            found = frozenset(words)
            if len(self._seen) >= _COMPILED_AT_MOST:
                self._seen.clear()
            self._seen[text] = found
        return found


def country_words(lexicon: Lexicon) -> CountryWords:
    words = {w.lower() for c in lexicon.countries for w in (*c.names, *c.adjectives)}
    by_head: dict[str, set[str]] = {}
    always = set()
    for word in words:
        letters = re.match(r"[^\W\d_]*", word)
        head = letters.group() if letters else ""
        if head:
            by_head.setdefault(fold(head), set()).add(word)
        else:
            always.add(word)
    scan = re.compile(rf"(?=((?i:{trie_alternation(by_head)})))")
    return CountryWords(scan, {h: frozenset(w) for h, w in by_head.items()}, frozenset(always))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def cached(lexicon: Lexicon, name: str, build: Callable[[], T]) -> T:
    """What ``build`` makes, once per lexicon."""
    cache: dict[str, Any] = lexicon._cache
    if name not in cache:
        cache[name] = build()
    value: T = cache[name]
    return value


def rank_alternation(lexicon: Lexicon) -> str:
    return cached(
        lexicon, "rank_words", lambda: _alternation(f for r in lexicon.ranks for f in r.forms)
    )


def country_part(lexicon: Lexicon, text: str) -> re.Pattern[str]:
    """The country part any title may end with: "(Chief of Naval Staff) of the Indian Navy",
    "(President) of South Africa"; with only the country words ``text`` holds (a match in it
    can hold no other), as all of them make a pattern of some 8,000 characters."""
    present = cached(lexicon, "country_words", lambda: country_words(lexicon)).present(text)
    compiled: dict[frozenset[str], re.Pattern[str]] = cached(lexicon, "country_parts", dict)
    found = compiled.get(present)
    if found is None:
        if len(compiled) >= _COMPILED_AT_MOST:
            compiled.clear()  # those of the sentences' country words seen lately
        found = compiled[present] = re.compile(
            rf",? of (?:the )?(?i:{trie_alternation(present)})(?:[’']s)?"
            r"(?: (?:Navy|Army|Air Force|Armed Forces|Government|government))?(?![\w-])"
        )
    return found


def modifiers_before(lexicon: Lexicon) -> re.Pattern[str]:
    """Title modifiers ending a text ("First ", "Acting Deputy "): they belong to the title
    that follows them."""
    return cached(
        lexicon,
        "modifiers_before",
        lambda: re.compile(
            rf"(?<![\w-])(?:(?:{_alternation(lexicon.title_modifiers) or '(?!)'})\s)+$",
            re.IGNORECASE,
        ),
    )


def office_pattern(lexicon: Lexicon) -> OfficePattern:
    return cached(lexicon, "office", lambda: _build_office_pattern(lexicon))


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class OfficeAlternative:
    """One office form as a named group of the office regex, in the order forms are tried."""

    group: str
    office: str
    country: str | None
    country_word: bool
    regex: str
    lead_regex: str  # the same with a small stand-in for the country words, to read leads from
    template: str = ""  # the regex with "{C}" where the country words go, if it has them
    lead_probe: str = ""  # the form with a word of its own for each placeholder

    @property
    def needle_form(self) -> str:
        """The form with any word for each placeholder, to read the strings it holds from
        (the placeholders' words are thousands of characters)."""
        form = self.lead_probe
        for probe in _PROBES.values():
            form = form.replace(probe, r"\w+")
        return form


def office_alternatives(lexicon: Lexicon) -> list[OfficeAlternative]:
    """Every office form with its placeholders filled, offices in lexicon order and each
    office's longer forms first."""
    country = rf"(?:{lexicon.country_words})(?:[’']s)?"
    country_leads = rf"(?:{_alternation(_first_word_stand_ins(lexicon))})(?:[’']s)?"
    capital = rf"(?-i:(?!(?:{rank_alternation(lexicon)})(?![\w]))[A-Z][A-Za-z’'-]+)"
    organisation = organisation_name(capital, lexicon.organisation_heads)
    words = lexicon.portfolio_word_set()
    portfolio = portfolio_pattern(trie_alternation(words))
    portfolio_leads = f"(?:{_alternation(words)})"  # what the first word can be
    found: list[OfficeAlternative] = []
    for office in lexicon.offices:
        # a body's full name first: "head of the (National Security) Bureau", not a portfolio
        ordered = sorted(
            office.forms, key=lambda f: ("{Org}" in f.pattern, len(f.pattern)), reverse=True
        )
        for form in ordered:
            name = f"f{len(found)}"
            body = form.pattern.replace("{Cap}", capital).replace("{Org}", organisation)
            template = body.replace("{Portfolio}", portfolio)
            regex = template.replace("{C}", country)
            leads = body.replace("{Portfolio}", portfolio_leads).replace("{C}", country_leads)
            probe = form.pattern
            for placeholder, word in _PROBES.items():
                probe = probe.replace(placeholder, word)
            found.append(
                OfficeAlternative(
                    name,
                    office.key,
                    form.country,
                    form.country_word,
                    regex,
                    leads,
                    template if "{C}" in template else "",
                    probe,
                )
            )
    return found


PORTFOLIO_WORDS_AT_MOST: Final = 6
ORGANISATION_WORDS_AT_MOST: Final = 6


def organisation_name(capital: str, heads: Iterable[str]) -> str:
    """The name of a body: up to six capitalised words (``capital``) before one of the
    words ``heads`` that end such names ("Defense Acquisition Program Administration",
    "Eastern Naval Area"); it ends in that word, so the name of a person after it is no
    part of it."""
    last = _alternation(heads)
    if not last:
        return "(?!)"
    return rf"(?:{capital} ){{0,{ORGANISATION_WORDS_AT_MOST}}}(?-i:{last})(?![\w-])"


def portfolio_pattern(word: str) -> str:
    """A portfolio: up to six of the words ``word`` matches (matched in any case) joined by
    spaces, "and", "&" or commas ("Energy and Natural Resources", "oil"); ``word`` written
    once, as the engine compiles each copy."""
    joint = r"(?:,? and (?:the )?|,? & |, | )(?=\w)"
    return f"(?:(?:{word})(?:{joint}|(?![\\w-]))){{1,{PORTFOLIO_WORDS_AT_MOST}}}(?<! )"


def portfolio_tail(lexicon: Lexicon) -> re.Pattern[str]:
    """More of a portfolio after an office that ends in one: "(Minister of Foreign Affairs)
    , African Cooperation and Moroccan Expatriates". Each part ends in a portfolio word and
    may begin with other capitalised words ("the Promotion of Exports"); the last follows
    "and". Group ``last`` is the
    last part, where an office may begin instead ("..., and Trade Minister")."""
    return cached(lexicon, "portfolio_tail", lambda: re.compile(_portfolio_tail(lexicon)))


def _portfolio_tail(lexicon: Lexicon) -> str:
    word = f"(?i:{trie_alternation(lexicon.portfolio_word_set())})(?![\\w-])"
    capital = f"(?:{word}|{UPPER}{LOWER}+(?:-{UPPER}{LOWER}+)?)"
    of = f"(?:{capital} of (?:the )?(?:{capital} ){{0,2}})"  # "the Promotion of (Exports)"
    part = f"(?:the )?(?:{capital} ){{0,2}}{of}?{word}"
    # a part before the last may be one capitalised word of no portfolio ("Labour, Jobs and
    # Employment"): the last part, a portfolio's, closes the list
    lone = f"{UPPER}{LOWER}+(?=,? (?:and|&) |, )"
    return f"(?:, (?:{part}|{lone}))*,? (?:and|&) (?P<last>{part})"


def _first_word_stand_ins(lexicon: Lexicon) -> set[str]:
    """Country words cut after their first word ("Saudi Arabia" -> "Saudi-"): they begin
    and end the first word of a match as the words themselves do, in a far smaller pattern."""
    stand_ins = set()
    for country in lexicon.countries:
        for word in (*country.names, *country.adjectives):
            letters = re.match(r"[^\W\d_]*", word)
            head = letters.group() if letters else ""
            stand_ins.add(head if head == word else head + "-")
    return stand_ins


# words no text holds, in the place of each placeholder, to read a form's first words from
_PROBES: Final = {
    "{C}": "zqzcountryzqz",
    "{Portfolio}": "zqzportfoliozqz",
    "{Cap}": "zqzcapzqz",
    "{Org}": "zqzorgzqz",
}


def _placeholder_leads(lexicon: Lexicon) -> dict[str, frozenset[str] | None]:
    """The first words each placeholder's words can begin with, by its probe word; None
    for a capitalised word (any word)."""
    country = rf"(?:{_alternation(_first_word_stand_ins(lexicon))})(?:[’']s)?"
    portfolio = f"(?:{_alternation(lexicon.portfolio_word_set())})"
    return {
        _PROBES["{C}"]: lead_words(country),
        _PROBES["{Portfolio}"]: lead_words(portfolio),
        _PROBES["{Cap}"]: None,
        _PROBES["{Org}"]: None,
    }


def _leads(
    form: OfficeAlternative, placeholders: dict[str, frozenset[str] | None]
) -> frozenset[str] | None:
    """The first words of a form, read from the form with a probe word for each placeholder
    (the placeholders' words are thousands of characters, read once) and the probe words
    replaced by their placeholder's first words; from the whole form where a probe word is
    glued to others or the probe form cannot be read."""
    found = lead_words(form.lead_probe)
    if found is None:
        return lead_words(form.lead_regex)
    words: set[str] = set()
    for word in found:
        if word in placeholders:
            if (stand_in := placeholders[word]) is None:
                return None
            words |= stand_in
        elif any(probe in word for probe in placeholders):
            return lead_words(form.lead_regex)
        else:
            words.add(word)
    return frozenset(words)


def _build_office_pattern(lexicon: Lexicon) -> OfficePattern:
    forms = office_alternatives(lexicon)
    alternatives = [f"(?P<{f.group}>{f.regex})" for f in forms]
    placeholders = _placeholder_leads(lexicon)
    leads = [_leads(f, placeholders) for f in forms]
    groups = {f.group: (f.office, f.country) for f in forms}
    country_word_groups = frozenset(f.group for f in forms if f.country_word)

    # words that begin the same forms share one compiled pattern
    forms_of: dict[str, list[int]] = {}
    for index, words in enumerate(leads):
        for word in words or ():
            forms_of.setdefault(word, []).append(index)
    unknown = [i for i, words in enumerate(leads) if words is None]

    def with_unknown(indices: list[int]) -> tuple[int, ...]:
        return tuple(sorted({*indices, *unknown}))

    by_word = {word: with_unknown(indices) for word, indices in forms_of.items()}
    starts_of: dict[str, list[int]] = {}
    for index in unknown:
        for char in first_chars(forms[index].lead_regex):
            starts_of.setdefault(char, []).append(index)
    by_char = {char: with_unknown(indices) for char, indices in starts_of.items()}
    # where forms of unknown first word begin, and the first words the index may fold
    # otherwise than the regex engine, are found by a scan of the sentences that hold a
    # string every such form holds
    foreign = [word for word in by_word if not word.isascii()]
    scanned = [f"(?i:{trie_alternation(foreign)})(?![^\\W\\d_])"] if foreign else []
    scanned += [f"(?i:(?:{forms[i].regex})(?![\\w]))" for i in unknown]
    scan = [rf"(?<![\w-])(?={'|'.join(scanned)})[^\W\d_]+"] if scanned else []
    templates = {n: f.template for n, f in enumerate(forms) if f.template}
    needles = {n: found for n, f in enumerate(forms) if (found := required_strings(f.needle_form))}
    return OfficePattern(
        groups,
        tuple(alternatives),
        by_word,
        by_char,
        guarded(scan),
        country_word_groups,
        templates,
        cached(lexicon, "country_words", lambda: country_words(lexicon)) if templates else None,
        needles,
    )

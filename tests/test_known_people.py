"""Tables of examples: when a lone word names a person of the office-holder tables. A
surname alone names a known office-holder only where the article makes them plausible: it
names their country, or gives them an office they held. Sentences written here."""

from __future__ import annotations

import pytest

import bilateral


def _officials(text: str) -> dict[str, str | None]:
    """Each official's name -> country."""
    return {o.name: o.country for o in bilateral.extract(text, "example").officials}


# (text, a known office-holder the text must not name)
NOT_THE_KNOWN_HOLDER = [
    # a surname shared with a known leader of a country the article never names
    ("ACCRA, May 2, 2024 -- Ghana and Togo signed a customs pact on Monday. Minister Sanchez, "
     "who led the Togolese side, said the pact was fair.", "Pedro Sánchez"),
    ("LIMA, June 4, 2024 -- Peru and Bolivia agreed to reopen the border. De la Boric spoke "
     "for Bolivia.", "Gabriel Boric"),
    # part of a word glued to capitals ("MoU") is no name
    ("DHAKA -- Foreign Minister Rafiq Hasan and South Korean envoy Kim Ji-ho "
     "signed the MoU in Dhaka on Monday.", "Song Young-moo"),
]  # fmt: skip

# (text, the known office-holder the text names)
THE_KNOWN_HOLDER = [
    # the holder's country is one the article names
    ("MADRID, May 2, 2024 -- Spain and Ghana signed a customs pact on Monday. Sanchez said "
     "the pact was fair.", "Pedro Sánchez"),
    ("ACCRA, May 2, 2024 -- Ghana and Kenya signed a trade pact on Monday. President Ruto "
     "said the pact was fair.", "William Ruto"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "holder"), NOT_THE_KNOWN_HOLDER)
def test_a_lone_surname_names_no_implausible_known_holder(text: str, holder: str) -> None:
    found = _officials(text)
    assert holder not in found, found


@pytest.mark.parametrize(("text", "holder"), THE_KNOWN_HOLDER)
def test_a_lone_surname_names_a_plausible_known_holder(text: str, holder: str) -> None:
    found = _officials(text)
    assert holder in found, found

"""Tables of examples by phenomenon, as price-parser keeps its examples: each row a sentence
written here (never text of the shared corpus) and the facts it must give. A reader sees in
these tables what the rules cover; a new phenomenon is a new table."""

from __future__ import annotations

import pytest

import bilateral
from bilateral.model import ExtractionResult

DATELINE = "ISTANBUL, March 3 (Reuters) -- "


def _run(text: str) -> ExtractionResult:
    return bilateral.extract(text, "example")


def _officials(text: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """Each official's name -> (country, titles)."""
    return {o.name: (o.country, o.titles) for o in _run(text).officials}


# --- 1. office wording outside a fixed list: a head, modifiers, a portfolio, a country part --
TITLES = [
    # (sentence, the official's name, the title the article gives)
    # "President of the Republic", as a republic's own press calls its head of state
    ("The President of the Republic, Mr. Jorge Salas, received the envoy.", "Jorge Salas",
     "President of the Republic"),
    # more portfolio words: local authorities, mobility, hydrocarbons, a region's body
    ("Minister of the Interior, Local Authorities and Transport Karim Said met him.",
     "Karim Said", "Minister of the Interior, Local Authorities and Transport"),
    ("Federal Mobility Minister Anke Peeters met him.", "Anke Peeters",
     "Federal Mobility Minister"),
    ("Minister of Hydrocarbons and Energy Luis Mamani met him.", "Luis Mamani",
     "Minister of Hydrocarbons and Energy"),
    ("Minister of Foreign and CARICOM Affairs Dev Persad met him.", "Dev Persad",
     "Minister of Foreign and CARICOM Affairs"),
    # the French-style armed forces portfolio, and a minister delegate at the presidency
    ("It was signed by the Malian Minister of the Armed Forces, Veterans and War Victims, "
     "General Oumar Keita.", "Oumar Keita",
     "Minister of the Armed Forces, Veterans and War Victims"),
    ("It was signed by the Minister Delegate at the Presidency in charge of Defence, Paul Ndi.",
     "Paul Ndi", "Minister Delegate at the Presidency in charge of Defence"),
    # honorifics between a title and the name, or before it
    ("Foreign Minister Hon. Rose Kila arrived in Lae.", "Rose Kila", "Foreign Minister"),
    ("He met H.E. Rose Kila, Foreign Minister of Vanuatu, on Sunday.", "Rose Kila",
     "Foreign Minister of Vanuatu"),
    # a secretary of a ministry of a portfolio, with the name after a comma
    ("He was accompanied by Permanent Secretary of the Ministry of Foreign Affairs and Trade, "
     "Mr Tom Iro.", "Tom Iro", "Permanent Secretary of the Ministry of Foreign Affairs and Trade"),
    # a portfolio of citizens abroad, and "Professor" before the name
    ("He met the Beninese Minister of Foreign Affairs, Regional Integration and Beninese "
     "Abroad, Professor Alain Dossou, in Cotonou.", "Alain Dossou",
     "Minister of Foreign Affairs, Regional Integration and Beninese Abroad"),
    ("Minister of Energy and Natural Resources Kemal Aydın attended the ceremony.",
     "Kemal Aydın", "Minister of Energy and Natural Resources"),
    ("The talks were attended by Livestock and Fisheries Minister Tomas Berger.",
     "Tomas Berger", "Livestock and Fisheries Minister"),
    ("He was accompanied by the oil minister Amir Rostami on the trip.",
     "Amir Rostami", "oil minister"),
    ("Strategic Affairs Secretary Paulo Mendes briefed reporters.",
     "Paulo Mendes", "Strategic Affairs Secretary"),
    ("State Councillor Liu Wenhai received the delegation.",
     "Liu Wenhai", "State Councillor"),
    ("The cabinet chief Sergio Lamas joined the meeting.",
     "Sergio Lamas", "cabinet chief"),
    ("National Assembly Speaker Rahim Dost welcomed the guests.",
     "Rahim Dost", "National Assembly Speaker"),
    ("Governor-General Helen Marsh hosted a dinner for the visitors.",
     "Helen Marsh", "Governor-General"),
    ("Deputy Secretary of State Mark Olsen arrived in Hanoi on Monday.",
     "Mark Olsen", "Deputy Secretary of State"),
    ("Kazakh First Deputy Prime Minister Arman Seitov met the delegation.",
     "Arman Seitov", "First Deputy Prime Minister"),
    ("French Minister Delegate for Foreign Trade Luc Morel signed the accord.",
     "Luc Morel", "Minister Delegate for Foreign Trade"),
    ("President of the Council of Ministers Ana Torres opened the session.",
     "Ana Torres", "President of the Council of Ministers"),
    # long portfolios joined by commas, their words no names
    ("Minister of Foreign Affairs, Trade and Regional Integration Jane Doe arrived on Monday.",
     "Jane Doe", "Minister of Foreign Affairs, Trade and Regional Integration"),
    ("Minister of Foreign Affairs, Pacific Cooperation and Fijian Expatriates Josefa Vosa spoke.",
     "Josefa Vosa", "Minister of Foreign Affairs, Pacific Cooperation and Fijian Expatriates"),
    ("Foreign Affairs, International Trade and Worship Minister Carla Ibarra signed the accord.",
     "Carla Ibarra", "Foreign Affairs, International Trade and Worship Minister"),
    ("The envoy met Lina Haddad, Minister Delegate in charge of Trade, Investment and the "
     "Promotion of Exports.", "Lina Haddad",
     "Minister Delegate in charge of Trade, Investment and the Promotion of Exports"),
    ("He thanked the Minister of Foreign Affairs, Trade and Regional Integration, Jane Doe.",
     "Jane Doe", "Minister of Foreign Affairs, Trade and Regional Integration"),
    # an office opening the sentence after "The"
    ("The Minister of Mines and Energy, Rui Costa, opened the fair.",
     "Rui Costa", "Minister of Mines and Energy"),
    ("The Minister of Foreign Affairs and Worship, Ana Vidal, travelled to Quito today.",
     "Ana Vidal", "Minister of Foreign Affairs and Worship"),
    # an office held "to the President" is the aide's, not the President's
    ("Also present was the Chief of Staff to the President, Senator Musa Bako.",
     "Musa Bako", "Chief of Staff to the President"),
    # the name of a body ends the office: its last word is no name, the next name is no part
    ("Head of the State Protection Bureau Marek Zielinski met the press.",
     "Marek Zielinski", "Head of the State Protection Bureau"),
    ("The accord was signed by Ana Lopes, head of the Federal Procurement Agency, on Monday.",
     "Ana Lopes", "head of the Federal Procurement Agency"),
    ("Commander of the Western Naval Area Rear Admiral Kamal Silva received them.",
     "Kamal Silva", "Commander of the Western Naval Area"),
    ("Jin Ho-sung, minister of the Public Procurement Service Administration, signed it.",
     "Jin Ho-sung", "minister of the Public Procurement Service Administration"),
    # portfolios of words no list holds, joined by commas, "and" and "and the"
    ("Minister for Labour, Jobs and Employment Ama Serwah Mensah met him.",
     "Ama Serwah Mensah", "Minister for Labour, Jobs and Employment"),
    ("Minister for Sustainability and the Environment Tan Mei Lin spoke.",
     "Tan Mei Lin", "Minister for Sustainability and the Environment"),
    ("He met Minister for Energy and Green Transition Kojo Asante.",
     "Kojo Asante", "Minister for Energy and Green Transition"),
    ("The deal was signed by Peter Mwangi Kamau, Cabinet Secretary for Investments, Trade and "
     "Industry.", "Peter Mwangi Kamau", "Cabinet Secretary for Investments, Trade and Industry"),
    ("The talks included Daniel Kiprono, Prime Cabinet Secretary, on Monday.",
     "Daniel Kiprono", "Prime Cabinet Secretary"),
    # an office after the name, behind "the ministry's" or "a"
    ("He is accompanied by Choi Min-ho, the ministry's deputy minister for national defense "
     "policy.", "Choi Min-ho", "deputy minister for national defense policy"),
    ("Karl Weber, a parliamentary state secretary in the Economy Ministry, held talks.",
     "Karl Weber", "parliamentary state secretary in the Economy Ministry"),
    # offices of cities, services and parliaments
    ("He will meet the Akim of Almaty, Nurlan Abenov, on Friday.", "Nurlan Abenov",
     "Akim of Almaty"),
    ("He held talks with the chairman of the city's People's Committee, Ho Van Minh, on Monday.",
     "Ho Van Minh", "chairman of the city's People's Committee"),
    ("In Lima, Navy spokesperson Commander Raj Menon said it.", "Raj Menon",
     "Navy spokesperson"),
    ("In Berlin, Bundestag member Anna Vogt of the Greens welcomed the deal.", "Anna Vogt",
     "Bundestag member"),
    ("Somalia's Ambassador to Ankara, Jama Ali Said, attended.", "Jama Ali Said",
     "Ambassador to Ankara"),
    ("He will meet the Southern Naval Area commander, Rear Admiral Sunil Fernando.",
     "Sunil Fernando", "commander"),
    # a portfolio list with a body's name in it ("European Union")
    ("France's Minister for Europe, European Union and Trade, Paul Marin, spoke first.",
     "Paul Marin", "Minister for Europe, European Union and Trade"),
    # "Secretary of State for ..." is a junior office, not the US Secretary of State
    ("Secretary of State for Global Affairs Ines Duarte joined them.", "Ines Duarte",
     "Secretary of State for Global Affairs"),
    ("The Portuguese ambassador in Lima, Rui Sousa, attended.", "Rui Sousa",
     "ambassador in Lima"),
    # a regnal number belongs to the name
    ("Later he was received by King Harald IV.", "Harald IV", "King"),
    ("Minister of Territorial Administration Vahe Arakelyan attended.", "Vahe Arakelyan",
     "Minister of Territorial Administration"),
    ("Later he called on Chief Adviser Anisur Karim at his office.", "Anisur Karim",
     "Chief Adviser"),
    # a portfolio of a region's affairs
    ("Minister of Pacific Integration and Trade Lani Tupou spoke first.", "Lani Tupou",
     "Minister of Pacific Integration and Trade"),
    # secretaries of a ministry, a body or a portfolio, written in one word or two
    ("Undersecretary of Foreign Affairs Tomas Leiva received the delegation.", "Tomas Leiva",
     "Undersecretary of Foreign Affairs"),
    ("Undersecretary for Political Affairs Karin Sepp joined the talks.", "Karin Sepp",
     "Undersecretary for Political Affairs"),
    ("Secretary of Migrant Workers Ana Lim arrived on Monday.", "Ana Lim",
     "Secretary of Migrant Workers"),
    ("Senior Secretary of the Power Division Anwar Kabir attended.", "Anwar Kabir",
     "Senior Secretary of the Power Division"),
    ("State Secretary at the Ministry of Mining and Energy Marko Jovic spoke.", "Marko Jovic",
     "State Secretary at the Ministry of Mining and Energy"),
    ("Director General of the National Authority for Manpower Khalid Nasser attended.",
     "Khalid Nasser", "Director General of the National Authority for Manpower"),
    # a title closed by a portfolio word, then an honorific: the honorific is no name's
    ("Minister of Energy Eng. Khalid Nasser attended.", "Khalid Nasser", "Minister of Energy"),
    # offices of regions, a head of state's house
    ("Regional Governor Rosa Pinto welcomed the delegation.", "Rosa Pinto", "Regional Governor"),
    ("State House spokesperson Mary Wanjiru said the talks were cordial.", "Mary Wanjiru",
     "State House spokesperson"),
    ("He was received by the Amir Sheikh Jaber Al-Khalid at the palace.", "Jaber Al-Khalid",
     "Amir"),
]  # fmt: skip


def test_an_office_after_a_portfolio_list_is_its_own() -> None:
    found = _officials(
        DATELINE + "He met the Minister of Foreign Affairs, Jane Doe, and Trade Minister Bob Smith."
    )
    assert {name: titles for name, (_, titles) in found.items()} == {
        "Jane Doe": ("Minister of Foreign Affairs",),
        "Bob Smith": ("Trade Minister",),
    }


def test_institution_words_are_no_names() -> None:
    found = _officials(
        DATELINE + "He met the head of the National Development and Reform Commission, "
        "Li Wen, and the Minister Delegate for Trade, Marc Roy."
    )
    assert not {"Commission", "Delegate"} & set(found), found


def test_the_last_words_of_a_portfolio_are_no_name() -> None:
    found = _officials(
        DATELINE + "He met the Minister Delegate in charge of Investment, Convergence and the "
        "Evaluation of Public Policies, Nadia Benali, in Rabat."
    )
    assert not {"Policies", "Public Policies"} & set(found), found


@pytest.mark.parametrize(("sentence", "name", "title"), TITLES)
def test_a_title_is_read_by_its_grammar(sentence: str, name: str, title: str) -> None:
    found = _officials(DATELINE + sentence)
    assert set(found) == {name}, found
    assert title in found[name][1]


# --- 2. the country of an official ------------------------------------------------------------
COUNTRIES = [
    # (sentence, the official's name, their country)
    ("The Chief of Naval Staff of the Indian Navy, Admiral Rohan Mehta, arrived in Colombo.",
     "Rohan Mehta", "IN"),
    ("President of South Africa Thabo Nkosi met the press in Abuja on Friday.",
     "Thabo Nkosi", "ZA"),
    ("United States president Jack Miller spoke with his Argentine peer Mario Ruiz.",
     "Mario Ruiz", "AR"),
    ("The talks were attended by Chile's Foreign Minister Ana Rojas and Defence Minister Pedro "
     "Soto.", "Pedro Soto", "CL"),
    # a country given to the office first, the name later under that office
    ("Kenya's interior minister held talks on Monday. Deputy President and Interior Minister "
     "Samuel Otieno, who arrived on Sunday, met his host.", "Samuel Otieno", "KE"),
    ("The Peruvian defence minister was in Istanbul this week. Defence Minister Rosa Quispe "
     "toured a shipyard.", "Rosa Quispe", "PE"),
    # a delegation told in a relative clause ends with it: the host is not one of it
    ("Peruvian Prime Minister Ana Vargas, who was accompanied by Trade Minister Luis Paz, was "
     "received in Ankara by President Omar Demir.", "Omar Demir", "TR"),
    ("Peruvian Prime Minister Ana Vargas, who was accompanied by Trade Minister Luis Paz, was "
     "received in Ankara by President Omar Demir.", "Luis Paz", "PE"),
    # a delegation named by its country serves the visitor's
    ("Chilean President Luis Vera arrived in Ankara on Monday. The Chilean delegation includes "
     "Finance Minister Rosa Pinto and Mining Minister Juan Soto.", "Juan Soto", "CL"),
    ("Chilean President Luis Vera arrived in Ankara on Monday. The Chilean delegation comprising "
     "Finance Minister Rosa Pinto landed first.", "Rosa Pinto", "CL"),
    # two offices of one person joined by "and", the country before the first
    ("He held talks with Peru's Deputy Prime Minister and Minister of Economy and Finance Rosa "
     "Quispe.", "Rosa Quispe", "PE"),
    ("The Estonian First Deputy Prime Minister and Defence Minister Karl Tamm flew home.",
     "Karl Tamm", "EE"),
    # a visitor carries the words of their own country's leader
    ("Peruvian Foreign Minister Ana Vargas, who arrived in Ankara on Monday, delivered a "
     "special message from President Luis Cano to her host.", "Luis Cano", "PE"),
    ("Peruvian Foreign Minister Ana Vargas arrived in Ankara on Monday and conveyed President "
     "Luis Cano's greetings to the Turkish people.", "Luis Cano", "PE"),
    # an ambassador is not of the country they are sent to; a capital's possessive names theirs
    ("Seoul's ambassador to Poland, Yoon Min-jae, said it.", "Yoon Min-jae", "KR"),
    ("The ambassador to Peru, Tom Ross, said it.", "Tom Ross", "TR"),
    # officials listed under a country word
    ("Trade Minister Peter Ndegwa signed it. The talks were attended by senior Kenyan "
     "officials, including Daniel Kiprono, Prime Cabinet Secretary, and Ndegwa.",
     "Peter Ndegwa", "KE"),
    ("The talks were attended by senior Kenyan officials, including Daniel Kiprono, Prime "
     "Cabinet Secretary.", "Daniel Kiprono", "KE"),
    # a titled name in apposition to a counterpart of a stated country
    ("Peruvian Trade Minister Ana Vargas met her Bolivian counterpart, Economy Minister Luis "
     "Mamani, in Lima on Monday.", "Luis Mamani", "BO"),
    # the leader whose invitation a visitor brings is of the visitor's country, not the host
    # the invitation is for
    ("Chilean Foreign Minister Ana Rojas arrived in Lima on Monday. Minister Rojas conveyed an "
     "invitation from President Luis Cano for President Jorge Paz to visit Chile.",
     "Luis Cano", "CL"),
    # a leader the office-holder table knows serves their country
    ("The envoy read a message from President Adama Barrow at the summit in Accra.",
     "Adama Barrow", "GM"),
]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Albanese will also meet ASEAN Secretary-General Lim Wei Jie in Jakarta.",
        "Albanese met UN Special Envoy Lim Wei Jie in Jakarta.",
    ],
)
def test_an_official_of_a_body_of_nations_serves_no_country(sentence: str) -> None:
    text = "JAKARTA, June 3, 2022 -- Australian Prime Minister Anthony Albanese arrived. "
    text += sentence
    assert _officials(text)["Lim Wei Jie"][0] is None


def test_a_visitor_serves_the_outlets_country_not_the_destinations() -> None:
    text = (
        "Army chief in Addis for border talks\n(Kyodo)\n\nChief of Defence Forces General Ken "
        "Sato yesterday began a four-day working visit to Ethiopia, his office said."
    )
    result = _run(text)
    assert [(o.name, o.country) for o in result.officials] == [("Ken Sato", "JP")]


# an outlet of one country reporting from a dateline of another on a story its own country has
# no part in: an official named without a country is the dateline's country's, as its reader
# takes them; where the outlet's country is in the story, the outlet's point of view stays
OUTLET_ABROAD = [
    # (text, the official's name, their country)
    ("Fair opens in Kabul\n\nDawn\n\nKABUL: Commerce Minister Nabi Safi opened a trade fair "
     "with Uzbek exporters on Monday.", "Nabi Safi", "AF"),
    ("Fair opens in Kabul\n\nDawn\n\nKABUL: Commerce Minister Nabi Safi opened a trade fair "
     "with Pakistani exporters on Monday.", "Nabi Safi", "PK"),
]  # fmt: skip


# an outlet no list knows is of the country its name or tagline names
UNKNOWN_OUTLETS = [
    # (the masthead and tagline lines, the country of "the foreign minister")
    ("THE HARBOUR HERALD\nTonga's oldest newspaper\n", "TO"),
    ("Tonga Daily Wire\nNews you trust\n", "TO"),
]  # fmt: skip


@pytest.mark.parametrize(("masthead", "country"), UNKNOWN_OUTLETS)
def test_an_unknown_outlet_is_of_the_country_its_masthead_names(
    masthead: str, country: str
) -> None:
    text = (
        masthead + "Home | News | Politics\n\nMinister meets Samoan leader for fisheries talks\n\n"
        "Apia, June 3, 2025 – "
        "The Foreign Minister, Mr Sione Taufa, met Samoan Prime Minister Tui Leota in Apia on "
        "Tuesday to discuss fisheries between Tonga and Samoa."
    )
    result = _run(text)
    assert {o.name: o.country for o in result.officials}["Sione Taufa"] == country


@pytest.mark.parametrize(("text", "name", "country"), OUTLET_ABROAD)
def test_an_outlet_abroad_takes_its_datelines_point_of_view(
    text: str, name: str, country: str
) -> None:
    assert _officials(text)[name][0] == country


# offices many countries share imply none of them: without a dateline, outlet or country
# word the country stays unknown (a wrong one is worse than none)
SHARED_OFFICES = [
    ("Chief of the Naval Staff Admiral Kofi Mensah arrived on Monday.", "Kofi Mensah", None),
    ("The Chief of the Air Staff, Air Marshal Bola Adeyemi, toured the base.", "Bola Adeyemi",
     None),
    ("Chief of Army Staff General Tomas Reyes inspected the troops.", "Tomas Reyes", None),
    ("Chief of Army Staff General Tomas Reyes of the Philippine Army inspected the troops.",
     "Tomas Reyes", "PH"),
    ("Head of Poland's Armament Agency Piotr Kowal signed the deal.", "Piotr Kowal", "PL"),
]  # fmt: skip


def test_a_visitor_of_no_stated_country_is_of_the_articles_other_country() -> None:
    text = (
        "Chief of the Air Staff, Air Marshal Kofi Boateng, arrived in Lima on Monday. The "
        "Ghanaian Air Force and the Peruvian Air Force agreed on training. Ghana values the ties."
    )
    assert _officials(text)["Kofi Boateng"][0] == "GH"


def test_the_hosts_of_a_visit_are_of_its_destination() -> None:
    """ "the Navy chief" is the one navy chief of no other stated country; those the visitor
    meets, or is to meet, on a current visit serve the host country."""
    text = (
        "NEW DELHI, March 3 (PTI) -- Chief of the Naval Staff Admiral Ravi Menon arrived in "
        "Colombo on Monday on a four-day visit and was received by Commander of the Sri Lanka "
        "Navy Vice Admiral Kamal Silva. Later, the Navy chief held talks with Defence Secretary "
        "Nimal Perera in Colombo. On Wednesday, Admiral Menon will travel to Galle, where he "
        "will meet the Southern Naval Area commander, Rear Admiral Sunil Fernando."
    )
    found = _officials(text)
    assert {name: country for name, (country, _) in found.items()} == {
        "Ravi Menon": "IN",
        "Kamal Silva": "LK",
        "Nimal Perera": "LK",
        "Sunil Fernando": "LK",
    }


@pytest.mark.parametrize(("sentence", "name", "country"), SHARED_OFFICES)
def test_a_shared_office_implies_no_country(sentence: str, name: str, country: str | None) -> None:
    found = _officials(sentence)
    assert name in found, found
    assert found[name][0] == country, found


@pytest.mark.parametrize(("sentence", "name", "country"), COUNTRIES)
def test_an_official_gets_the_country_the_words_give(
    sentence: str, name: str, country: str
) -> None:
    found = _officials(DATELINE + sentence)
    assert found.get(name, (None,))[0] == country, found


# --- 4. names beyond ASCII --------------------------------------------------------------------
NAMES = [
    ("Foreign Minister Mevlüt Özdağ met his counterpart in Ankara.", "Mevlüt Özdağ"),
    ("Cabinet chief Marcos Peñalver left for Madrid.", "Marcos Peñalver"),
    ("President Zoran Đukić welcomed the envoy.", "Zoran Đukić"),
    ("Prime Minister Łukasz Wiśniewski arrived in Vilnius.", "Łukasz Wiśniewski"),
    # initials written as one word
    ("Home Minister AKM Tofazzal Rahman met the envoy.", "AKM Tofazzal Rahman"),
    # a country's name ending a known office-holder's name is a surname
    ("Prime Minister Luís Montenegro arrived in Vilnius.", "Luís Montenegro"),
    # a month's short form before more of a name is a given name
    ("Defence Minister Jan Nowicki arrived in Vilnius.", "Jan Nowicki"),
    ("He was received by Commerce Minister ABM Rafiq Uddin.", "ABM Rafiq Uddin"),
    # a civil honorific between two words of a name is a word of it
    ("Djiboutian President Omar Sheikh Abdillahi phoned him.", "Omar Sheikh Abdillahi"),
    # a rank abbreviated with a hyphen is no name
    ("Commander of the Chilean Air Force, Lt-Brig. Mateo Rojas, met him.", "Mateo Rojas"),
    # a city's name between a title and a name is a given name
    ("Defence Minister Adelaide Mensah met the envoy.", "Adelaide Mensah"),
    ("Foreign Minister Victoria Ruiz arrived on Monday.", "Victoria Ruiz"),
    # the lower-case particles of a name are words of it
    ("Foreign Minister Ana María de la Torre arrived in Quito.", "Ana María de la Torre"),
    ("Defence Minister Henk van der Meer inspected the frigate.", "Henk van der Meer"),
    ("Trade Minister Carlos dos Anjos opened the fair.", "Carlos dos Anjos"),
]

# one person, however fuller the later mention of their name
ONE_PERSON = [
    (
        "Admiral Osei spoke first. Chief of the Naval Staff Admiral Kwame Osei thanked the hosts.",
        "Kwame Osei",
    ),
    (
        "Chief of the Air Staff, Air Marshal Emeka Obi (left), and Commander of the Chilean Air "
        "Force met. The Chief of the Air Staff, Air Marshal Emeka Chidi Obi, continues a visit.",
        "Emeka Chidi Obi",
    ),
    (
        "Chief of the Naval Staff Admiral Kwame B. Osei arrived. Chief of the Naval Staff Admiral "
        "Kwame Boateng Osei spoke.",
        "Kwame Boateng Osei",
    ),
    # a surname with its particles, capitalised to open a sentence
    (
        "Foreign Minister Luis Felipe de la Vega arrived on Monday. De la Vega said the talks "
        "went well.",
        "Luis Felipe de la Vega",
    ),
]


@pytest.mark.parametrize(("text", "name"), ONE_PERSON)
def test_a_fuller_name_later_is_the_same_person(text: str, name: str) -> None:
    found = _officials(DATELINE + text)
    assert list(found) == [name], found


def test_a_known_leader_is_not_named_by_a_shared_given_name() -> None:
    found = _officials("Somali President Hassan spoke with the Turkish President.")
    assert "Hassan Rouhani" not in found, found


@pytest.mark.parametrize(("sentence", "name"), NAMES)
def test_a_name_keeps_every_letter(sentence: str, name: str) -> None:
    assert name in _officials(DATELINE + sentence)


def test_a_city_beginning_a_known_holders_name_is_a_given_name() -> None:
    text = "NAIROBI, Feb 8, 2024 -- Kenyan Cabinet Secretary Aden Duale flew to Aden on Monday."
    result = _run(text)
    assert [(o.name, o.titles) for o in result.officials] == [
        ("Aden Duale", ("Cabinet Secretary",))
    ]
    assert [v.places for v in result.visits] == [("Aden",)]


def test_a_marshal_is_a_rank_not_a_given_name() -> None:
    names = _officials("DAKAR, May 3 -- President Marshal Ousmane Diallo received the envoy.")
    assert set(names) == {"Ousmane Diallo"}


def test_honorifics_are_no_names() -> None:
    found = _officials(DATELINE + "He will meet Hon. Prime Minister and HE the President.")
    assert not {"Hon", "HE"} & set(found)


# --- 5. article metadata of other outlets -----------------------------------------------------
BODY = "The foreign minister of Chile arrived in Lima on Monday for talks with his counterpart."
METADATA = [
    # (the text before the body, its outlet, published date, dateline)
    ("Talks in Lima\n(Xinhua)\nUpdated: 2019-03-12 09:40\nTalks in Lima\nLIMA - ",
     "Xinhua", "2019-03-12", "Lima"),
    ("Talks in Lima\n• Kyodo\n\n", "Kyodo", None, None),
    ("Talks in Lima\nNew Delhi, May 10, 2023\n", None, "2023-05-10", "New Delhi"),
    ("Talks in Lima\nNEW DELHI, March 4 (IANS): ", "IANS", None, "New Delhi"),
    ("Talks in Lima\n[Photo/Agencies] Ministers walk\nTalks in Lima\nLima, March 12, 2019 -- ",
     None, "2019-03-12", "Lima"),
    ("MAP - Maghreb Arabe Presse\nTuesday, 12 March 2019 10:05\nTalks in Lima\nLima - ",
     "MAP", "2019-03-12", "Lima"),
    ("Lima, 12.03.2019 (PAP) - ", "PAP", "2019-03-12", "Lima"),
    # the country in brackets after the city, the agency after the date
    ("Talks in Lima\n\nLima (Peru), Mar. 12, 2019, LPA – ", None, "2019-03-12", "Lima"),
    # a section in capitals and a time before the date; an ISO date with dots and a time
    ("POLITICS 17:05, 12 March 2019\n\nTalks in Lima\n\nLima, Mar. 12 – ", None, "2019-03-12",
     "Lima"),
    ("2019.03.12 17:40\n\nTalks in Lima\n\nLima, Mar. 12 – ", None, "2019-03-12", "Lima"),
    # a dateline with the month in capitals and the agency after the date; three dashes
    ("Talks in Lima\n\nLIMA, MARCH 12, ANDESPRESS. ", None, None, "Lima"),
    ("Talks in Lima\n\nLima, Mar 12 (EFE) --- ", "EFE", None, "Lima"),
    # a masthead in capitals: small words and initials kept apart ("THE", "LPA")
    ("THE ANDES HERALD\nPeru's oldest daily\nHome | News | Politics\n\nChile and Peru agree to "
     "boost trade as ministers meet\n\nLima, Mar. 12, 2019 – ", "The Andes Herald",
     "2019-03-12", "Lima"),
    ("LPA ENGLISH\nLima Press Agency\nHome | News | Politics\n\nChile-Peru: Ministers Agree "
     "to Boost Trade\n\nLima, Mar. 12, 2019 – ", "LPA English", "2019-03-12", "Lima"),
    # a masthead of initials keeps its capitals
    ("LPA\nLima Press Agency\nHome | News | Politics\n\nChile and Peru agree to boost trade as "
     "ministers meet\n\nLima, Mar. 12, 2019 – ", "LPA", "2019-03-12", "Lima"),
    ("Talks in Lima\nLima, Mar 12, 2019 (EFE).- ", "EFE", "2019-03-12", "Lima"),
    # a line of sections above the headline is no headline
    ("Politics | Peru | Chile\n\nTalks in Lima\n\nLima, Mar 12, 2019 (EFE).- ", "EFE",
     "2019-03-12", "Lima"),
    # a release's sender is its source
    ("Government of Chile\nNews release\nTalks in Lima\nFrom: Ministry of Foreign Affairs\n"
     "March 12, 2019 - Lima, Peru - Ministry of Foreign Affairs\n", "Ministry of Foreign Affairs",
     "2019-03-12", "Lima"),
    ("PRESIDENTIAL PALACE PRESS RELEASE\n\nCHILE AND PERU SIGN MINING ACCORD\n\n",
     "Presidential Palace", None, None),
    ("Ministry of Foreign Affairs and Worship\nRepublic of Chile\n\nPress Release No. 31/19\n"
     "Tuesday 12 March 2019\n\nCHILE AND PERU SIGN MINING ACCORD\n\n",
     "Ministry of Foreign Affairs and Worship", "2019-03-12", None),
    ("Talks in Lima\nHome > Politics\n09:40 | Lima, March 12.\n", None, None, "Lima"),
    ("Talks in Lima\n\nStaff Correspondent\n\nTue Mar 12, 2019 12:00 AM   Last update on: Tue "
     "Mar 12, 2019 01:47 AM\n\n", None, "2019-03-12", None),
    ("Talks in Lima\n\n14/03/2019 05:12 PM\n\nLIMA, March 14 (Xinhua) -- ",
     "Xinhua", "2019-03-14", "Lima"),
    ("Talks in Lima\n\n05/05/2019 — 11:47\n\nLima, May 5 (Xinhua) ",
     "Xinhua", "2019-05-05", "Lima"),
    ("Talks in Lima\n\nLIMA, March 12. /TASS/. ", "TASS", None, "Lima"),
    # an outlet, a date and a time on one line; a date in capitals; "CITY. AGENCY -"
    ("Talks in Lima\nKYODO NEWS - Mar 12, 2019 - 09:40 | World, All\nLIMA - ",
     "Kyodo", "2019-03-12", "Lima"),
    ("Talks in Lima\nFEB 12, 2019 - 3:48 PM GMT+3\n", None, "2019-02-12", None),
    ("Talks in Lima\n\nLIMA. KAZINFORM - ", "Kazinform", None, "Lima"),
    # a standfirst that reads as body, then a byline, a dateline or a date alone, then the body
    ("Talks in Lima\nThe minister's first visit to Peru since taking office turns on trade.\n"
     "Ana Rivas\nLIMA\nPublished - March 12, 2019 09:12 pm PET\n", None, "2019-03-12", "Lima"),
    ("DW\nTalks in Lima\nChile's minister ended a visit to Peru with deals on trade and water.\n"
     "Ana Rivas in Lima | Juan Soto\n03/19/2019\n", "Deutsche Welle", "2019-03-19", None),
    # a city above the headline is a section of the site, not a dateline
    ("The Straits Times\nLima\nTalks in Lima\n", "The Straits Times", None, None),
    ("Talks in Lima\n\nBy ANA RUIZ\nAssociated Press\n\nLIMA, Peru (AP) — ",
     "Associated Press", None, "Lima"),
    ("Talks in Lima\n\nLIMA, Peru (AP) — ", "Associated Press", None, "Lima"),
    # a masthead naming no known outlet, its tagline and a section menu above the headline; a
    # line naming a section of that menu is a section, not an outlet of the same name
    ("THE ANDES HERALD\nPeru's oldest daily, since 1901\n\nHome | Nation | World | Sport\n\n"
     "Nation\n\nChile and Peru agree on trade talks\n\nBy Ana Rivas\n", "The Andes Herald",
     None, None),
    ("The Andes Herald\nHome | World | Sport | Opinion\nChile and Peru agree on trade talks\n",
     "The Andes Herald", None, None),
    # a date with its weekday and time under a byline, after a section, after "Published at"
    ("Talks in Lima\nBy Ana Rivas\nWednesday, March 13, 2019 - 6:00 am\n", None, "2019-03-13",
     None),
    ("Politics | Wednesday, March 13, 2019 - 18:05\n\nTalks in Lima\n", None, "2019-03-13",
     None),
    ("Talks in Lima\nWorld | Wed, March 13, 2019 | 18:05 PET\n", None, "2019-03-13", None),
    ("Talks in Lima\nAna Rivas\nPublished at : March 13, 2019\n", None, "2019-03-13", None),
    # a dateline with its country and date ended by a stop; one with letters beyond ASCII and
    # a date written day first
    ("Talks in Lima\n\nLIMA, Peru, March 13. ", None, None, "Lima"),
    ("Talks in Bogotá\n\nBogotá, 13 March 2019 – ", None, "2019-03-13", "Bogotá"),
]  # fmt: skip
# (a footer below the body, its outlet)
FOOTERS = [
    ("Copyright: Reproduction of The Daily Star content without permission is prohibited.",
     "The Daily Star"),
    # a notice about a known outlet's own site
    ("Xinhua website contains only a portion of the news stories offered to subscribers.",
     "Xinhua"),
    ("© 2019. Any use of Dawn material requires written consent.", "Dawn"),
    # the owner a copyright notice names, when no known outlet shows
    ("© 2019 The Andes Herald. All rights reserved. Site by Andes Web.", "The Andes Herald"),
    ("Copyright © 2019 The Andes Herald", "The Andes Herald"),
    ("Andes Press Agency (APA) © 2019 All rights reserved.", "Andes Press Agency"),
    ("© Ministry of Mining of the Republic of Peru", "Ministry of Mining of the Republic of Peru"),
    # an agency's sign-off below the story names it as the agency writes its name
    ("SPA\n\nRelated\n- Chile opens a consulate in Cusco", "SPA"),
    ("SPA 131530 GMT Mar 19", "SPA"),
]  # fmt: skip


@pytest.mark.parametrize(("footer", "source"), FOOTERS)
def test_a_copyright_notice_names_the_outlet(footer: str, source: str) -> None:
    assert _run("Talks in Lima\n\n" + BODY + "\n\n" + footer).article.source == source


def test_an_agency_signing_with_its_code_gives_its_country() -> None:
    text = (
        "Talks in Lima\n\nThe Minister of Foreign Affairs, Faisal Omar, received Peru's Trade "
        "Minister Ana Quispe on Monday for talks on trade.\n\nSPA\n"
    )
    assert _officials(text)["Faisal Omar"][0] == "SA"


def test_a_government_body_owning_the_page_speaks_for_its_government() -> None:
    text = (
        "CHILE AND PERU SIGN MINING ACCORD\n\nThe Minister of Foreign Affairs of Peru, Luis Paz, "
        "received Trade Secretary Marta Gil in Lima today for talks on mining.\n\n"
        "© Ministry of Foreign Affairs of the Republic of Chile"
    )
    assert _officials(text)["Marta Gil"][0] == "CL"


@pytest.mark.parametrize(
    "below",
    [
        "Published: 20/11/2025",
        "Marta Gil\nSpokesperson of the Ministry\nNovember 20, 2025",
        "Marta GIL | Thursday, November 20, 2025 08:15",  # a byline below a standfirst
    ],
)
def test_a_date_line_below_the_body_dates_the_article(below: str) -> None:
    article = _run("Talks in Lima\n\n" + BODY + "\n\n" + below).article
    assert str(article.published) == "2025-11-20"


# a release speaks for the government its header shows: an official named without a country is
# that government's
RELEASES = [
    # (the release's header, the official named without a country, their country)
    ("Ministry of Foreign Affairs\nRepublic of Chile\n\nPress Release\n\n", "Marta Gil", "CL"),
    ("Government of Chile | Gobierno de Chile\nNews release\nFrom: Ministry of Mining\n\n",
     "Marta Gil", "CL"),
    # a letterhead in capitals
    ("REPUBLIC OF CHILE\nMINISTRY OF FOREIGN AFFAIRS\n\nHome > News > Press releases\n\n",
     "Marta Gil", "CL"),
]  # fmt: skip


@pytest.mark.parametrize(("header", "name", "country"), RELEASES)
def test_a_release_speaks_for_the_government_it_shows(header: str, name: str, country: str) -> None:
    text = (
        header + "CHILE AND PERU SIGN MINING ACCORD\n\nThe Minister of Foreign Affairs of Peru, "
        "Luis Paz, received Trade Secretary Marta Gil in Lima today for talks on mining."
    )
    assert _officials(text)[name][0] == country


@pytest.mark.parametrize(("head", "source", "published", "dateline"), METADATA)
def test_an_outlets_layout_gives_its_metadata(
    head: str, source: str | None, published: str | None, dateline: str | None
) -> None:
    article = _run(head + BODY).article
    assert article.source == source
    assert (str(article.published) if article.published else None) == published
    assert article.dateline == dateline


# --- 7. agreements ------------------------------------------------------------------------------
AGREEMENT_OPENING = (
    "LIMA, March 3 -- Chilean Foreign Minister Pablo Rojas arrived in Lima on Monday and held "
    "talks with Peruvian Foreign Minister Ana Quispe. "
)
AGREEMENTS = [
    # (sentence after the opening, the parties, words the agreement's text begins with)
    ("The sides agreed to open a consulate in Arequipa.", {"CL", "PE"}, "agreed to open"),
    ("The two countries are bound by the Treaty of Peace and Friendship, signed in 1929.",
     {"CL", "PE"}, "the Treaty of Peace and Friendship, signed in 1929"),
    # an agreement recalled by its name: its text begins there
    ("The agreement on the protection of investments signed in 2012 remains in force.",
     {"CL", "PE"}, "The agreement on the protection of investments signed in 2012"),
    ("The documents signed at the palace include a memorandum of understanding on mining.",
     {"CL", "PE"}, "documents signed at the palace include"),
    ("Nine cooperation instruments were signed.", {"CL", "PE"}, "instruments were signed"),
    ("The two countries elevated their ties to a strategic partnership in 2019.",
     {"CL", "PE"}, "elevated their ties to a strategic partnership"),
    ("Rojas recalled the Andean Trade Agreement signed by the two countries in Lima in 2011.",
     {"CL", "PE"}, "the Andean Trade Agreement signed by the two countries"),
    ("Quispe said the plan builds on the border agreement the two countries signed in 1999.",
     {"CL", "PE"}, "the border agreement the two countries signed in 1999"),
    ("Three memoranda of understanding were signed on trade and mining.",
     {"CL", "PE"}, "memoranda of understanding were signed"),
    ("It was agreed that a joint commission would meet in May.",
     {"CL", "PE"}, "It was agreed"),
    ("The ministers reaffirmed their commitment to a free trade area.",
     {"CL", "PE"}, "reaffirmed their commitment"),
    ("Rojas and Quispe discussed Bolivia's elections and agreed to open two border crossings.",
     {"CL", "PE"}, "agreed to open"),
    ("The two foreign ministers attended a signing ceremony for four agreements.",
     {"CL", "PE"}, "attended a signing ceremony"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "parties", "text"), AGREEMENTS)
def test_an_agreement_is_found_with_its_sides(sentence: str, parties: set[str], text: str) -> None:
    found = _run(AGREEMENT_OPENING + sentence).agreements
    assert [set(a.parties) for a in found] == [parties], found
    assert found[0].text.startswith(text)


def test_a_first_word_in_capitals_is_still_a_country_word() -> None:
    """A paper's style of a paragraph's first word in capitals: "PAPUA New Guinea"."""
    text = (
        "PORT MORESBY, Nov 4 -- PAPUA New Guinea and Solomon Islands have agreed to revive "
        "their border committee."
    )
    assert [set(a.parties) for a in _run(text).agreements] == [{"PG", "SB"}]


# "he" of the sentence is one of "the two men", not an official of a third country named before
AGREEMENTS_AFTER_A_PRONOUN = [
    # (text, the parties of its last agreement)
    ("AMMAN, May 5 -- Chilean Foreign Minister Pablo Rojas arrived in Amman on Sunday from Cairo, "
     "where he met Egyptian Foreign Minister Omar Fahmy. On Monday, he held talks with Jordanian "
     "Foreign Minister Hani Saleh, before the two men signed a trade accord.", {"CL", "JO"}),
    ("AMMAN, May 5 -- Chilean Foreign Minister Pablo Rojas arrived in Amman on Sunday from Cairo, "
     "where he met Egyptian Foreign Minister Omar Fahmy. On Monday, she held talks with Jordanian "
     "Foreign Minister Hani Saleh, and the two ministers agreed to open a trade office.",
     {"CL", "JO"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "parties"), AGREEMENTS_AFTER_A_PRONOUN)
def test_a_pronoun_stands_for_one_of_the_sides(text: str, parties: set[str]) -> None:
    assert set(_run(text).agreements[-1].parties) == parties


def test_signers_far_from_their_verb_are_its_sides() -> None:
    text = (
        "ANKARA, May 2 -- Turkish Defence Minister Ali Demir on Tuesday held talks with Omani "
        "Defence Minister Said Al Harthy and discussed regional issues and signed an agreement "
        "to expand training. An agreement was also signed on training, the statement said."
    )
    found = _run(text).agreements
    assert [(set(a.parties), a.verb) for a in found] == [({"TR", "OM"}, "signed")]


# --- 8. visits that are not a plain arrival -----------------------------------------------------
VISITS = [
    # (text, the visits as (visitor, destination, status))
    ("SANTIAGO, March 3 -- Chilean President Luis Vera spoke with Argentine President Marta "
     "Gil. The presidents invited each other to pay state visits this year.",
     {("Luis Vera", "AR", "planned"), ("Marta Gil", "CL", "planned")}),
    ("NEW DELHI, May 10 -- Indian Prime Minister Ravi Kumar will meet Japanese Prime Minister "
     "Kenji Sato in Tokyo. The two leaders will then travel to Fiji for a regional summit.",
     {("Ravi Kumar", "FJ", "planned"), ("Kenji Sato", "FJ", "planned")}),
    # who accepted an invitation travels, not who sent or carried it
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. Ghanaian "
     "President Kofi Mensah accepted an invitation from Nigerian President Ada Okoro, conveyed "
     "by Bello, to visit Nigeria next year.",
     {("Musa Bello", "GH", "current"), ("Kofi Mensah", "NG", "planned")}),
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. Ghanaian "
     "Foreign Minister Esi Boateng accepted Bello's invitation to visit Abuja.",
     {("Musa Bello", "GH", "current"), ("Esi Boateng", "NG", "planned")}),
    # leading a delegation to a place is travelling there
    ("ACCRA, June 4, 2025 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. "
     "In March, Ghanaian Trade Minister Esi Boateng led a business delegation to Lagos.",
     {("Musa Bello", "GH", "current"), ("Esi Boateng", "NG", "past")}),
    # an invitation for someone to make a visit: that one travels
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. He "
     "conveyed an invitation from Nigerian President Ada Okoro for Ghanaian President Kofi "
     "Mensah to make an official visit to Nigeria next year.",
     {("Musa Bello", "GH", "current"), ("Kofi Mensah", "NG", "planned")}),
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. Ghanaian "
     "President Kofi Mensah invited Okoro to pay a state visit to Ghana.",
     {("Musa Bello", "GH", "current")}),
    # "X sent a letter inviting him to visit": "him" travels, not X
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. Ghanaian "
     "President Kofi Mensah received a letter from President Ada Okoro inviting him to visit "
     "Abuja.",
     {("Musa Bello", "GH", "current"), ("Kofi Mensah", "NG", "planned")}),
    # a summit still to come, at a stated place, is a planned visit of the guest
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. The "
     "next summit will be held in Abuja and co-chaired by Nigerian President Ada Okoro and "
     "Ghanaian President Kofi Mensah.",
     {("Musa Bello", "GH", "current"), ("Kofi Mensah", "NG", "planned")}),
]  # fmt: skip


# who travels, when the words name them only by reference: every visit found, and no other
VISITORS_BY_REFERENCE = [
    # (text, the visits as (visitor, destination, status))
    # "the latter's visit" is the visit of the one named last
    ("LAGOS, June 4, 2025 -- Ghanaian President Kofi Mensah praised Nigerian Foreign Minister "
     "Musa Bello for the latter's visit to Togo in May.", {("Musa Bello", "TG", "past")}),
    # "with X travelling to Y": X travels
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. The "
     "next joint commission will meet in Abuja in May, with Ghanaian Trade Minister Esi "
     "Boateng travelling to the Nigerian capital to lead her side.",
     {("Musa Bello", "GH", "current"), ("Esi Boateng", "NG", "planned")}),
    # "X was in <a city abroad> in March": a past trip
    ("ACCRA, June 4, 2025 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. "
     "Ghanaian Foreign Minister Esi Boateng was in Abuja in March for a trade fair.",
     {("Musa Bello", "GH", "current"), ("Esi Boateng", "NG", "past")}),
    # "X received Y, who is visiting": Y visits, and when Y is no official, nobody does
    ("ACCRA, June 4 -- Ghanaian Foreign Minister Esi Boateng received on Wednesday the "
     "Nigerian novelist Tom Lee, who is currently visiting the country.", set()),
    # "scheduled" tells of the future: "to visit Lagos for a meeting scheduled for May"
    ("ACCRA, Feb 4, 2025 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. He "
     "invited Ghanaian Trade Minister Esi Boateng to visit Lagos for a fair scheduled for May.",
     {("Musa Bello", "GH", "current"), ("Esi Boateng", "NG", "planned")}),
    # "He" is not someone the sentence before names only as also present
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. He is "
     "due to meet Ghanaian President Kofi Mensah. Nigerian High Commissioner to Ghana Sani "
     "Garba is also expected to join the meeting. He will travel to Kumasi on Thursday.",
     {("Musa Bello", "GH", "current")}),
    # "the capital", of no name after it, is the dateline's country's
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello, who arrived in the capital on "
     "Monday, thanked his hosts.", {("Musa Bello", "GH", "current")}),
    # the national capital is the dateline's country's
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello, who arrived in the national "
     "capital on Monday, thanked his hosts.", {("Musa Bello", "GH", "current")}),
    # "leave X (on Wednesday) for Y": a trip to Y
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. He is "
     "expected to leave Accra on Wednesday for Lome.",
     {("Musa Bello", "GH", "current"), ("Musa Bello", "TG", "planned")}),
    # "arrived" with no place, and talks with officials of one other country: a visit there
    ("Ghana and Togo signed a pact on Tuesday. Togolese Trade Minister Koffi Adjo arrived on "
     "Monday and held talks on Tuesday with his Ghanaian counterpart, Trade Minister Esi "
     "Boateng.", {("Koffi Adjo", "GH", "current")}),
    # a town no list knows, then the country it is in
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. "
     "Ghanaian Trade Minister Esi Boateng is expected to travel to Ikeja, in Nigeria's Lagos "
     "State, in September.", {("Musa Bello", "GH", "current"), ("Esi Boateng", "NG", "planned")}),
    # "A hosted B and C": they visit A's country, even when A's own trips are told too
    ("June 4, 2025\n\nGhanaian Foreign Minister Esi Boateng hosted her Nigerian counterpart "
     "Musa Bello and Togolese Foreign Minister Koffi Adjo at the ministry on Tuesday. Boateng "
     "visited Abuja in May 2024.",
     {("Musa Bello", "GH", "current"), ("Koffi Adjo", "GH", "current"),
      ("Esi Boateng", "NG", "past")}),
    # "invited X to <a place>", "invited him to <a place>": X (he) is to travel there
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. Ghanaian "
     "President Kofi Mensah invited Nigerian President Ada Okoro to Accra for the summit.",
     {("Musa Bello", "GH", "current"), ("Ada Okoro", "GH", "planned")}),
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. Ghanaian "
     "Trade Minister Esi Boateng said Bello had invited her to Lagos.",
     {("Musa Bello", "GH", "current"), ("Esi Boateng", "NG", "planned")}),
    # "continue to" a country is the next stop; "In <city> on Thursday, X is to meet Y" is there
    ("ACCRA, June 4 -- Nigerian President Ada Okoro will make a state visit to Ghana on 10-12 "
     "June. From Ghana, Okoro will continue to Togo. In Lome on Friday, Okoro is scheduled to "
     "meet Togolese President Koffi Adjo.",
     {("Ada Okoro", "GH", "planned"), ("Ada Okoro", "TG", "planned")}),
    # an event at a place, which officials are to attend: a planned visit of each from abroad
    ("ACCRA, June 4, 2025 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. "
     "The ministers agreed to hold the next summit in Abuja in July, which Ghanaian President "
     "Kofi Mensah and Nigerian President Ada Okoro are expected to co-chair.",
     {("Musa Bello", "GH", "current"), ("Kofi Mensah", "NG", "planned")}),
    ("ACCRA, June 4, 2025 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. "
     "The joint commission will meet in Abuja later this year, with Ghanaian Trade Minister Esi "
     "Boateng expected to lead her country's delegation.",
     {("Musa Bello", "GH", "current"), ("Esi Boateng", "NG", "planned")}),
    # "arrived here" is where the dateline is; the one met there is a host though they are
    # to travel too; "the country" is one named by its name, not a person's adjective
    ("WARSAW, Oct. 23, 2025 (Yonhap) -- Defense Minister Park Min-ho, who arrived here "
     "Wednesday, met Minister of National Defence Adam Kowal. Park invited Kowal to visit "
     "South Korea, and the Polish minister accepted. Kowal last visited the country in May "
     "last year.",
     {("Park Min-ho", "PL", "current"), ("Adam Kowal", "KR", "planned"),
      ("Adam Kowal", "KR", "past")}),
    # "During his stay, X ...": "his" is X, the subject after the opening phrase
    ("ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday. Nigerian "
     "Ambassador to Ghana Sani Garba attended the dinner. During his stay, Bello will visit a "
     "port in Tema.", {("Musa Bello", "GH", "current")}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "visits"), VISITORS_BY_REFERENCE)
def test_a_visitor_named_by_reference_is_the_one_meant(
    text: str, visits: set[tuple[str, str, str]]
) -> None:
    result = _run(text)
    names = {o.id: o.name for o in result.officials}
    assert {(names[v.visitor], v.destination, v.status) for v in result.visits} == visits


def test_a_relative_clause_tells_of_its_own_antecedent_alone() -> None:
    """ "talks between A and B, who arrived": B arrived, not A (whose country the text may
    not give, so that nothing else would keep A from a visit of the dateline's)."""
    from bilateral.article.reader import read_article
    from bilateral.facts.visit_triggers import explicit_triggers
    from bilateral.mentions.lexicon import default_lexicon
    from bilateral.mentions.stage import find_mentions

    text = (
        "ACCRA, June 4 -- The pact was signed after talks between Togolese Army Chief Koffi "
        "Adjo and the Nigerian army chief, General Sani Garba, who arrived in Accra on Tuesday."
    )
    article, _ = read_article(text, "t")
    mentions = find_mentions(article, default_lexicon())
    arrivals = [t.visitor for t in explicit_triggers(mentions, 0) if t.kind == "arrival"]
    assert arrivals == ["sani-garba"]


# "a visit by X to Y, where he met Z": one past trip of X, and X met Z
PAST_TRIPS = [
    # (the sentence after an opening about another visit, the past visitor, the one he met)
    ("Ties improved in May 2021 during a visit by Peruvian President Jorge Salas to Santiago, "
     "where he was received by the Chilean foreign minister, Ana Rojas.", "Jorge Salas",
     "Ana Rojas"),
    ("The accord followed a visit by Peruvian President Jorge Salas to Santiago in 2021, where "
     "he met Chilean Foreign Minister Ana Rojas.", "Jorge Salas", "Ana Rojas"),
]  # fmt: skip


def test_a_call_dates_the_call_not_the_visit_it_comes_before() -> None:
    """ "The visit follows a video call last Friday, in which the presidents agreed ...": the
    Friday is the call's, and so is what they agreed there."""
    result = _run(
        "ACCRA, June 4, 2025 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Tuesday "
        "for a two-day visit. The visit follows a video call last Friday between Ghanaian "
        "President Kofi Mensah and Nigerian President Ada Okoro, in which the two leaders "
        "agreed to reopen the border."
    )
    [visit] = result.visits
    assert [str(d) for d in visit.dates] == ["2025-06-03", "2025-06-04"]


# a call is no visit, but a trip it names is one, dated by its own words, and it leaves the
# dateline's meeting a visit of its own
TRIPS_NAMED_ON_A_CALL = [
    # (the sentence after "Karimi met Sargsyan" in Tehran, the visits: visitor, to, status, dates)
    ("The ministers spoke by telephone on Friday and agreed to carry out the plan adopted "
     "during Karimi's visit to Yerevan in July.",
     {("Ali Karimi", "AM", "past", ("2025-07",)),
      ("Ara Sargsyan", "IR", "current", ("2025-09-02",))}),
    ("In a phone call on Friday, Pezeshkian invited Armenian President Vahe Petrosyan to visit "
     "Tehran.",
     {("Vahe Petrosyan", "IR", "planned", ("2025-08-29",)),
      ("Ara Sargsyan", "IR", "current", ("2025-09-02",))}),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "visits"), TRIPS_NAMED_ON_A_CALL)
def test_a_trip_named_on_a_call_is_a_visit(sentence: str, visits: set[tuple[object, ...]]) -> None:
    result = _run(
        "TEHRAN, Sept 2, 2025 (IRNA) - Iranian Foreign Minister Ali Karimi met Armenian Foreign "
        "Minister Ara Sargsyan on Tuesday. " + sentence
    )
    names = {o.id: o.name for o in result.officials}
    found = {
        (names[v.visitor], v.destination, v.status, tuple(str(d) for d in v.dates))
        for v in result.visits
    }
    assert found == visits


@pytest.mark.parametrize(("sentence", "visitor", "met"), PAST_TRIPS)
def test_a_visit_by_someone_is_one_past_trip(sentence: str, visitor: str, met: str) -> None:
    result = _run(
        "SANTIAGO, March 3, 2024 -- Argentine Foreign Minister Marta Gil arrived in Santiago on "
        "Monday and met Chilean President Luis Vera. " + sentence
    )
    names = {o.id: o.name for o in result.officials}
    past = [v for v in result.visits if v.status == "past"]
    assert [(names[v.visitor], v.destination) for v in past] == [(visitor, "CL")]
    assert [sorted(names[p] for p in m.participants) for m in past[0].meetings] == [
        sorted([visitor, met])
    ]


@pytest.mark.parametrize(("text", "visits"), VISITS)
def test_a_visit_is_found_beyond_an_arrival(text: str, visits: set[tuple[str, str, str]]) -> None:
    result = _run(text)
    found = {
        (official.name, v.destination, v.status)
        for v in result.visits
        if (official := result.official(v.visitor))
    }
    assert visits <= found, found


# the one met is no visitor: "A is scheduled to meet X, and will travel to Y" is A's trip
VISITORS_NOT_MET = [
    # (text, the visits as (visitor, destination, status), exactly)
    ("LIMA, March 3, 2024 -- Chilean Foreign Minister Ana Rojas arrived in Lima on Monday. She "
     "is scheduled to meet Trade Minister Luis Paz today, and will travel to Cusco tomorrow.",
     {("Ana Rojas", "PE", "current")}),
    ("LIMA, March 3, 2024 -- Chilean Foreign Minister Ana Rojas arrived in Lima on Monday. On "
     "Tuesday, Rojas will meet Prime Minister Luis Paz before visiting a port in Callao.",
     {("Ana Rojas", "PE", "current")}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "visits"), VISITORS_NOT_MET)
def test_the_official_met_is_not_the_visitor(text: str, visits: set[tuple[str, str, str]]) -> None:
    result = _run(text)
    found = {
        (official.name, v.destination, v.status)
        for v in result.visits
        if (official := result.official(v.visitor))
    }
    assert found == visits
    assert {o.name: o.country for o in result.officials}["Luis Paz"] == "PE"


# visits told in a "where" clause, on a stop of a tour, or by an arrival the dateline places
VISITS_OF_A_TOUR = [
    # (text, the visits as (visitor, destination), exactly)
    ("AMMAN, May 5, 2025 -- Chilean Foreign Minister Pablo Rojas arrived in Amman on Sunday "
     "from Cairo, where he met Egyptian Foreign Minister Omar Fahmy.",
     {("Pablo Rojas", "JO"), ("Pablo Rojas", "EG")}),
    ("MANILA, May 5, 2025 -- Chilean Foreign Minister Pablo Rojas, who arrived Monday night for "
     "a two-day visit, met Philippine Foreign Secretary Jose Cruz. Rojas was scheduled to fly to "
     "Jakarta on Wednesday.",
     {("Pablo Rojas", "PH"), ("Pablo Rojas", "ID")}),
    ("AMMAN, May 5, 2025 -- Chilean Foreign Minister Pablo Rojas arrived in Amman on Sunday. He "
     "is expected to travel on Wednesday to Damascus, the last stop of his tour.",
     {("Pablo Rojas", "JO"), ("Pablo Rojas", "SY")}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "visits"), VISITS_OF_A_TOUR)
def test_each_stop_of_a_tour_is_a_visit(text: str, visits: set[tuple[str, str]]) -> None:
    result = _run(text)
    found = {
        (official.name, v.destination)
        for v in result.visits
        if (official := result.official(v.visitor))
    }
    assert found == visits


# a date after "since" is a point of reference, not a day of the visit: one visit, not two
ONE_VISIT = [
    "LIMA, March 3, 2024 -- Chilean Foreign Minister Ana Rojas arrived in Lima on Monday. It is "
    "her first trip to Peru since she took office in November.",
    "LIMA, March 3, 2024 -- Chilean Foreign Minister Ana Rojas arrived in Lima on Monday. This "
    "is her second visit to Lima since the election of June 2022.",
]


@pytest.mark.parametrize("text", ONE_VISIT)
def test_a_date_of_reference_does_not_split_a_visit(text: str) -> None:
    assert [(v.destination, v.status) for v in _run(text).visits] == [("PE", "current")]


# --- calls: telephone and video, never visits ----------------------------------------------------
CALLS = [
    # (text, the participants' names, channel, status, the initiator's name or None)
    ("ACCRA, June 4 -- Ghanaian President Kofi Mensah spoke by telephone with Nigerian "
     "President Musa Bello on Tuesday.",
     {"Kofi Mensah", "Musa Bello"}, "phone", "held", None),
    ("ACCRA, June 4 -- Ghanaian President Kofi Mensah telephoned Nigerian President Musa "
     "Bello to discuss the border.",
     {"Kofi Mensah", "Musa Bello"}, "phone", "held", "Kofi Mensah"),
    ("ACCRA, June 4 -- Ghanaian Foreign Minister Ama Owusu held a video conference with "
     "Kenyan Foreign Minister John Otieno.",
     {"Ama Owusu", "John Otieno"}, "video", "held", None),
    ("ACCRA, June 4 -- Ghanaian President Kofi Mensah will hold a phone call with Nigerian "
     "President Musa Bello next week.",
     {"Kofi Mensah", "Musa Bello"}, "phone", "planned", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "names", "channel", "status", "initiator"), CALLS)
def test_a_call_is_found_with_its_sides(
    text: str, names: set[str], channel: str, status: str, initiator: str | None
) -> None:
    result = _run(text)
    assert not result.visits
    [call] = result.calls
    by_id = {o.id: o.name for o in result.officials}
    assert {by_id[p] for p in call.participants} == names
    assert (call.channel, call.status) == (channel, status)
    assert (by_id[call.initiator] if call.initiator else None) == initiator
    assert set(call.countries) == {o.country for o in result.officials}


CALL_OPENING = "ACCRA, June 4, 2024 -- "
CALLS_BY_STRUCTURE = [
    # (text after the opening, the participants' names, channel, date)
    ("The two governments held a video conference between Ghanaian Foreign Minister Ama "
     "Owusu and Kenyan Foreign Minister John Otieno on Monday.",
     {"Ama Owusu", "John Otieno"}, "video", "2024-06-03"),
    ("The summit followed a telephone conversation on Friday between Ghanaian President Kofi "
     "Mensah and Nigerian President Musa Bello.",
     {"Kofi Mensah", "Musa Bello"}, "phone", "2024-05-31"),
    ("The talks come after a phone call between Minister of Foreign Affairs, Trade and "
     "Regional Integration Jane Doe and Nigerian Foreign Minister Musa Bello.",
     {"Jane Doe", "Musa Bello"}, "phone", None),
    ("Ghanaian Foreign Minister Ama Owusu arrived in Nairobi on Monday for talks with Kenyan "
     "Foreign Minister John Otieno. Owusu had earlier stopped in Kampala, where she met "
     "Ugandan Foreign Minister Sam Okello. Otieno visited Accra last year. The two officials "
     "also held a video call in April.",
     {"Ama Owusu", "John Otieno"}, "video", "2024-04"),
    ("Ghanaian President Kofi Mensah spoke by phone with Nigerian President Musa Bello on "
     "Monday.", {"Kofi Mensah", "Musa Bello"}, "phone", "2024-06-03"),
    ("In a phone call on Monday, Ghanaian President Kofi Mensah and Nigerian President Musa "
     "Bello discussed the border.", {"Kofi Mensah", "Musa Bello"}, "phone", "2024-06-03"),
    # the caller is the subject next to the call's words, not an official named before them
    ("Togolese Minister Koffi Adjo arrived in Accra on Monday. Adjo's visit came days after "
     "Ghanaian Foreign Minister Ama Owusu spoke by telephone with her Nigerian counterpart Musa "
     "Bello on May 28.", {"Ama Owusu", "Musa Bello"}, "phone", "2024-05-28"),
    # "videoconference" in one word
    ("The talks follow a videoconference held last Thursday between Ghanaian President Kofi "
     "Mensah and his Nigerian counterpart Musa Bello.",
     {"Kofi Mensah", "Musa Bello"}, "video", "2024-05-30"),
    # "had spoken by phone": the perfect tells of a call as the past tense does
    ("Ghanaian President Kofi Mensah and Nigerian President Musa Bello had spoken by phone on "
     "Friday.", {"Kofi Mensah", "Musa Bello"}, "phone", "2024-05-31"),
    # "the ministers", the subject of the clause that tells of the call, are the two just named
    ("Ghanaian Foreign Minister Ama Owusu met Kenyan Foreign Minister John Otieno in Nairobi. "
     "The ministers had prepared the meeting in a video call in May.",
     {"Ama Owusu", "John Otieno"}, "video", "2024-05"),
    # "the two presidents" are the two presidents named last, not the minister who met one
    ("Ghanaian Foreign Minister Ama Owusu was received by Nigerian President Musa Bello. Owusu "
     "handed him an invitation from Ghanaian President Kofi Mensah. The two presidents had "
     "spoken by telephone on Friday.", {"Kofi Mensah", "Musa Bello"}, "phone", "2024-05-31"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "names", "channel", "date"), CALLS_BY_STRUCTURE)
def test_a_call_is_told_by_its_structure(
    text: str, names: set[str], channel: str, date: str | None
) -> None:
    result = _run(CALL_OPENING + text)
    by_id = {o.id: o.name for o in result.officials}
    found = [({by_id[p] for p in c.participants}, c.channel, c.date) for c in result.calls]
    assert [(n, c, str(d) if d else None) for n, c, d in found] == [(names, channel, date)]


def test_a_pair_of_one_official_makes_no_call() -> None:
    text = "Ghanaian Foreign Minister Ama Owusu met reporters. The two ministers held a video call."
    assert not _run(CALL_OPENING + text).calls


def test_calling_on_someone_is_no_call() -> None:
    text = (
        "ACCRA, June 4 -- Nigerian President Musa Bello called on Ghanaian President Kofi Mensah."
    )
    assert not _run(text).calls


# --- 6. reporting verbs and quote shapes --------------------------------------------------------
STATEMENT_OPENING = (
    "NAIROBI, March 3, 2024 (Reuters) - Kenyan Foreign Minister Ruth Wanjiku arrived in Addis "
    "Ababa on Sunday for talks with Ethiopian Foreign Minister Tesfaye Alemu. "
)
STATEMENTS = [
    # (sentence after the opening, [(speaker, text, mode, channel)] of that sentence)
    ("Wanjiku mentioned that trade between the two countries had doubled since 2020.",
     [("Ruth Wanjiku", "trade between the two countries had doubled since 2020", "reported",
       None)]),
    ("Alemu recalled that the two armies had trained together for a decade.",
     [("Tesfaye Alemu", "the two armies had trained together for a decade", "reported", None)]),
    ("Alemu hoped the talks would open a new chapter in relations.",
     [("Tesfaye Alemu", "the talks would open a new chapter in relations", "reported", None)]),
    # a quotation attributed after it by more verbs than "said"
    ('"We are ready to open the border," she stressed.',
     [("Ruth Wanjiku", "We are ready to open the border", "quoted", None)]),
    # "he and B agreed": two speakers, no statement of B's
    ("Alemu was in Nairobi in May, when he and Wanjiku agreed to reopen the border.", []),
    # "He met Y and said ...": he speaks, not the one he met
    ("She met Ethiopian Defence Minister Aisha Mohammed and said the border would reopen soon.",
     [("Ruth Wanjiku", "the border would reopen soon", "reported", None)]),
    ('"We are ready to open the border," said Wanjiku.',
     [("Ruth Wanjiku", "We are ready to open the border", "quoted", None)]),
    ('"We are ready to open the border," Alemu said.',
     [("Tesfaye Alemu", "We are ready to open the border", "quoted", None)]),
    ('"We are ready to open the border," Wanjiku told reporters. "The trucks will move within '
     'weeks."',
     [("Ruth Wanjiku", "We are ready to open the border", "quoted", None),
      ("Ruth Wanjiku", "The trucks will move within weeks", "quoted", None)]),
    ("Speaking at a joint press conference, Alemu said the dam was not a threat to anyone.",
     [("Tesfaye Alemu", "the dam was not a threat to anyone", "reported",
       "joint press conference")]),
    ("Wanjiku said in a tweet that the visit had been productive.",
     [("Ruth Wanjiku", "the visit had been productive", "reported", "tweet")]),
    # verbs of praise, request and explanation
    ("Alemu commended Kenya for its role in the regional peace talks.",
     [("Tesfaye Alemu", "commended Kenya for its role in the regional peace talks", "reported",
       None)]),
    ("Wanjiku congratulated the Ethiopian government on the peaceful elections.",
     [("Ruth Wanjiku", "congratulated the Ethiopian government on the peaceful elections",
       "reported", None)]),
    ("Alemu complimented the Kenyan engineers on the quick completion of the road.",
     [("Tesfaye Alemu", "complimented the Kenyan engineers on the quick completion of the road",
       "reported", None)]),
    ("Wanjiku applauded the progress made on the cross-border power line.",
     [("Ruth Wanjiku", "applauded the progress made on the cross-border power line", "reported",
       None)]),
    ("Wanjiku asked for Ethiopia's support for her candidacy at the regional bloc.",
     [("Ruth Wanjiku", "asked for Ethiopia's support for her candidacy at the regional bloc",
       "reported", None)]),
    ("Alemu pointed out that the railway had carried twice as much freight this year.",
     [("Tesfaye Alemu", "the railway had carried twice as much freight this year", "reported",
       None)]),
    ("Wanjiku explained that the new visa rules would take effect in May.",
     [("Ruth Wanjiku", "the new visa rules would take effect in May", "reported", None)]),
    # "said X and expressed Y": a second statement of the speaker, unless the two act together
    ("Wanjiku said trade between the two countries had doubled and expressed hope that the new "
     "railway would open in May.",
     [("Ruth Wanjiku", "trade between the two countries had doubled", "reported", None),
      ("Ruth Wanjiku", "expressed hope that the new railway would open in May", "reported",
       None)]),
    ("Wanjiku said the two sides discussed the border and agreed to reopen two crossings.",
     [("Ruth Wanjiku", "the two sides discussed the border and agreed to reopen two crossings",
       "reported", None)]),
    ('Alemu said "we thanked them and expressed our gratitude for the aid".',
     [("Tesfaye Alemu", "we thanked them and expressed our gratitude for the aid", "quoted",
       None)]),
    ("Alemu accused the rebels of attacking aid convoys near the border.",
     [("Tesfaye Alemu", "accused the rebels of attacking aid convoys near the border",
       "reported", None)]),
    # what was told after the verb, its source before it; the teller before a relative clause
    ("According to the ministry, Alemu told Wanjiku that Ethiopia would open two new crossings.",
     [("Tesfaye Alemu", "Ethiopia would open two new crossings", "reported", None)]),
    ("Wanjiku, who arrived in the Ethiopian capital on Sunday for a two-day visit, told Alemu at "
     "the start of the talks that Kenya backed the corridor.",
     [("Ruth Wanjiku", "Kenya backed the corridor", "reported", None)]),
    ("The road will be finished within a year, Alemu told reporters.",
     [("Tesfaye Alemu", "The road will be finished within a year", "reported", None)]),
    # no one's statement: an office's words, what two do together
    ('"The border will open by June," her office said.', []),
    ("Alemu accepted an invitation from the Kenyan president, conveyed by Wanjiku, to visit "
     "Nairobi in May.", []),
    ("She and her host praised each other for the progress made on the railway line.", []),
    # two speakers in one sentence, each in a clause of their own
    ("Wanjiku asked for Ethiopia's support for the new corridor, and Alemu reaffirmed his "
     "government's backing for the project.",
     [("Ruth Wanjiku", "asked for Ethiopia's support for the new corridor", "reported", None),
      ("Tesfaye Alemu", "reaffirmed his government's backing for the project", "reported",
       None)]),
    ("Wanjiku said the road would open in May, while Alemu stressed the need for more border "
     "posts.",
     [("Ruth Wanjiku", "the road would open in May", "reported", None),
      ("Tesfaye Alemu", "stressed the need for more border posts", "reported", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "statements"), STATEMENTS)
def test_a_statement_is_found_with_its_speaker(
    sentence: str, statements: list[tuple[str, str, str, str | None]]
) -> None:
    result = _run(STATEMENT_OPENING + sentence)
    names = {o.id: o.name for o in result.officials}
    found = [
        (names[s.speaker], s.text, s.mode, s.channel)
        for s in result.statements
        if s.evidence[0].start >= len(STATEMENT_OPENING) - 1
    ]
    assert found == statements


SHARED_STATEMENTS = [
    # (sentence after the opening, the text of the one statement both speakers made, or None)
    ("The two ministers noted that trade between the two countries had doubled since 2020.",
     "noted that trade between the two countries had doubled since 2020"),
    ("Both ministers stressed the need to reopen the railway line to the port.",
     "stressed the need to reopen the railway line to the port"),
    ("The talks were cordial, and the two officials also underlined the role of the regional "
     "bloc.", "underlined the role of the regional bloc"),
    ("The two ministers discussed the security situation along the border at length.", None),
    ("The two sides stressed the need for a ceasefire in the region.", None),
    ("The two sides agreed that the joint commission would meet in June.", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text"), SHARED_STATEMENTS)
def test_a_statement_of_two_speakers_is_one_of_theirs(sentence: str, text: str | None) -> None:
    result = _run(STATEMENT_OPENING + sentence)
    names = {o.id: o.name for o in result.officials}
    found = [
        (names[s.speaker], s.text)
        for s in result.statements
        if s.evidence[0].start >= len(STATEMENT_OPENING) - 1
    ]
    assert found == ([("Ruth Wanjiku", text)] if text else [])


def test_two_speakers_need_two_officials() -> None:
    text = (
        "NAIROBI, March 3, 2024 - Kenyan Foreign Minister Ruth Wanjiku spoke in Nairobi. "
        "Both ministers stressed the need to reopen the railway line to the port."
    )
    assert not _run(text).statements


# --- 9. meetings ------------------------------------------------------------------------------
MEETING_OPENING = "ADDIS ABABA, Feb 12, 2024 - Kenyan Foreign Minister Ruth Wanjiku "
MEETINGS = [
    # (the rest of the text, the groups of names met, each a meeting with the visitor)
    ("arrived in Addis Ababa on Monday and held separate meetings with Ethiopian Prime Minister "
     "Abiy Ahmed, Foreign Minister Tesfaye Alemu and Defence Minister Aisha Mohammed.",
     [{"Abiy Ahmed"}, {"Tesfaye Alemu"}, {"Aisha Mohammed"}]),
    ("arrived in Addis Ababa on Monday. She was received at the airport by Ethiopian State "
     "Minister Misganu Arga.", [{"Misganu Arga"}]),
    ("arrived in Addis Ababa on Monday and met Ethiopian Prime Minister Abiy Ahmed and Foreign "
     "Minister Tesfaye Alemu.", [{"Abiy Ahmed", "Tesfaye Alemu"}]),
    # those present at the meeting just told are of it
    ("arrived in Addis Ababa on Monday and met Prime Minister Abiy Ahmed. Also present at the "
     "meeting were Foreign Minister Tesfaye Alemu and Defence Minister Aisha Mohammed.",
     [{"Abiy Ahmed"}, {"Abiy Ahmed", "Tesfaye Alemu", "Aisha Mohammed"}]),
    ("arrived in Addis Ababa on Monday and met Prime Minister Abiy Ahmed. Foreign Minister "
     "Tesfaye Alemu and Defence Minister Aisha Mohammed also attended the meeting.",
     [{"Abiy Ahmed"}, {"Abiy Ahmed", "Tesfaye Alemu", "Aisha Mohammed"}]),
    ("arrived in Addis Ababa on Monday and met Prime Minister Abiy Ahmed. The meeting was "
     "attended by Foreign Minister Tesfaye Alemu.",
     [{"Abiy Ahmed"}, {"Abiy Ahmed", "Tesfaye Alemu"}]),
]  # fmt: skip


@pytest.mark.parametrize(("rest", "groups"), MEETINGS)
def test_meetings_are_told_apart(rest: str, groups: list[set[str]]) -> None:
    result = _run(MEETING_OPENING + rest)
    names = {o.id: o.name for o in result.officials}
    [visit] = result.visits
    met = [{names[p] for p in m.participants} - {"Ruth Wanjiku"} for m in visit.meetings]
    assert met == groups


# a meeting verb in the past is held, whatever "will" a clause about the trip has before it
MEETING_STATUSES = [
    # (the rest of the text, the status of the meeting with Abiy Ahmed)
    (", who arrived on Monday for a tour that will also take her to Djibouti, met Ethiopian "
     "Prime Minister Abiy Ahmed.", "held"),
    (", whose trip will end on Friday, held talks with Ethiopian Prime Minister Abiy Ahmed.",
     "held"),
]  # fmt: skip


@pytest.mark.parametrize(("rest", "status"), MEETING_STATUSES)
def test_a_meeting_in_the_past_is_held(rest: str, status: str) -> None:
    result = _run(MEETING_OPENING.rstrip() + rest)
    names = {o.id: o.name for o in result.officials}
    statuses = [
        m.status for v in result.visits for m in v.meetings
        if "Abiy Ahmed" in {names[p] for p in m.participants}
    ]  # fmt: skip
    assert statuses == [status]


# --- 3. a bare title resolved to its holder, or to no one -------------------------------------
BARE_TITLES = [
    # (text, the speaker of the last sentence's statement, or None when two holders fit)
    ("RIYADH, March 4, 2021 - Pakistan Prime Minister Imran Khan met King Salman bin Abdulaziz "
     "in Riyadh on Thursday. The Prime Minister said Pakistan valued its ties with the kingdom.",
     "Imran Khan"),
    ("ANKARA, May 2, 2024 - Turkish President Ali Demir received Iraqi Prime Minister Omar Saleh "
     "and Pakistani Prime Minister Nadeem Akhtar. The prime minister said the corridor would "
     "open next year.", None),
    # "the Chilean minister" is the Chilean one named, not a minister of no known country
    ("LIMA, March 4, 2024 - Chilean Foreign Minister Ana Rojas arrived in Lima on Monday. Earlier "
     "on Monday, Mining Minister Luis Paz called on her at her hotel. The Chilean minister said "
     "the talks were useful.", "Ana Rojas"),
    # the one holder of no stated country, the others named of other countries
    ("Chief of the Air Staff, Air Marshal Bola Adeyemi, met Commander of the Peruvian Air "
     "Force, General Luis Soto, in Lima. The CAS said the training of pilots would grow next "
     "year.", "Bola Adeyemi"),
]  # fmt: skip


def test_a_bare_title_is_no_one_named_later_in_its_sentence() -> None:
    """ "the Permanent Secretary, who met Secretary X": two people, the visitor's and the
    host's, not X twice (which would make X of the visitor's delegation and country)."""
    text = (
        "ACCRA, June 4 -- Nigerian Foreign Minister Musa Bello arrived in Accra on Monday for "
        "talks with Ghanaian Foreign Minister Esi Boateng. Bello is accompanied by the Permanent "
        "Secretary of the Ministry of Foreign Affairs, who met Secretary for Foreign Affairs "
        "Kwame Asante."
    )
    assert _officials(text)["Kwame Asante"][0] == "GH"


# "the Philippine official" is the one of that country the text goes on about; "a Kuwaiti
# official" is someone unnamed
OFFICIALS_BY_COUNTRY = [
    # (the last sentence, the speaker of its statement, or None)
    ("The Philippine official said the talks were useful.", "Maria Cruz"),
    ("A Kuwaiti official said the talks were useful.", None),
    ("Another minister said the talks were useful.", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "speaker"), OFFICIALS_BY_COUNTRY)
def test_an_official_of_a_country_is_the_one_the_text_is_about(
    sentence: str, speaker: str | None
) -> None:
    text = (
        "KUWAIT, Feb 12, 2025 -- Kuwaiti Foreign Minister Ali Salem received Philippine Labour "
        "Secretary Maria Cruz on Wednesday. Cruz arrived on Monday. The meeting was attended by "
        "Philippine Ambassador Jose Lim. " + sentence
    )
    result = _run(text)
    names = {o.id: o.name for o in result.officials}
    said = [names[s.speaker] for s in result.statements if "useful" in s.text]
    assert said == ([speaker] if speaker else [])


def test_the_two_sides_after_a_meeting_are_those_who_met() -> None:
    text = (
        "KUWAIT, Feb 12, 2025 -- Kuwaiti Foreign Minister Ali Salem received Philippine Labour "
        "Secretary Maria Cruz on Wednesday. Cruz conveyed the greetings of Philippine President "
        "Ramon Reyes to the Amir Sheikh Nawaf Al-Sabah. Following the meeting, the two sides "
        "signed a protocol on domestic workers."
    )
    result = _run(text)
    names = {o.id: o.name for o in result.officials}
    met = {frozenset(names[p] for p in m.participants) for v in result.visits for m in v.meetings}
    assert frozenset({"Ramon Reyes", "Nawaf Al-Sabah"}) not in met


@pytest.mark.parametrize(("text", "speaker"), BARE_TITLES)
def test_a_bare_title_is_its_holder_in_the_article(text: str, speaker: str | None) -> None:
    result = _run(text)
    names = {o.id: o.name for o in result.officials}
    assert [names[s.speaker] for s in result.statements] == ([speaker] if speaker else [])


# --- 5. dates a reader resolves from the published date ---------------------------------------
DATES = [
    # (how the visit's start is told, its start, its status)
    ("yesterday arrived in Addis Ababa", "2024-02-13", "current"),
    ("arrived in Addis Ababa on Monday", "2024-02-12", "current"),
    ("arrived in Addis Ababa today", "2024-02-14", "current"),
    ("will arrive in Addis Ababa on Friday", "2024-02-16", "planned"),
    ("was scheduled to fly to Addis Ababa on Friday", "2024-02-16", "planned"),
]


@pytest.mark.parametrize(("told", "start", "status"), DATES)
def test_a_relative_date_is_anchored_to_the_published_date(
    told: str, start: str, status: str
) -> None:
    text = (
        "Kenya, Ethiopia talks\nPublished: 14 Feb 2024\n\nKenyan Foreign Minister Ruth Wanjiku "
        f"{told} for a visit to Ethiopia."
    )
    [visit] = _run(text).visits
    assert (str(visit.start), visit.status) == (start, status)


# a visit told with a month and no day is dated to the month; a week, to its month
VISIT_MONTHS = [
    # (text after the opening, the visitor, the visit's status, its dates)
    ("Peruvian Prime Minister Luis Paz will visit Santiago next month.",
     "Luis Paz", "planned", ["2024-03"]),
    ("Chilean Foreign Minister Ana Rojas visited Lima last week, where she met Luis Paz.",
     "Ana Rojas", "past", ["2024-02"]),
    # a planned visit told with a year's part only is dated to that year
    ("Peruvian Prime Minister Luis Paz accepted an invitation to visit Chile early next year.",
     "Luis Paz", "planned", ["2025"]),
    ("Peruvian Prime Minister Luis Paz is expected to pay a visit to Chile in the autumn.",
     "Luis Paz", "planned", ["2024"]),
    ("Peruvian Prime Minister Luis Paz will visit Santiago later in the year.",
     "Luis Paz", "planned", ["2024"]),
]  # fmt: skip


@pytest.mark.parametrize(("rest", "visitor", "status", "dates"), VISIT_MONTHS)
def test_a_visit_told_by_its_month_is_dated_to_it(
    rest: str, visitor: str, status: str, dates: list[str]
) -> None:
    result = _run("Talks\nPublished: 14 Feb 2024\n\n" + rest)
    [visit] = [v for v in result.visits if (o := result.official(v.visitor)) and o.name == visitor]
    assert (visit.status, [str(d) for d in visit.dates]) == (status, dates)


def test_an_agreement_told_of_a_recalled_visit_does_not_date_the_current_one() -> None:
    text = (
        "LIMA, March 5 (Reuters) - Chilean Foreign Minister Ana Rojas arrived in Lima for talks "
        "with Peruvian Trade Minister Luis Paz. Chilean President Marta Gil visited Lima in "
        "August 2023, when the two governments pledged to double trade."
    )
    result = _run(text)
    dates = {result.official(v.visitor).name: [str(d) for d in v.dates] for v in result.visits}
    assert dates == {"Ana Rojas": [], "Marta Gil": ["2023-08"]}


def test_an_agreement_dated_only_to_its_year_does_not_date_the_visit() -> None:
    text = (
        "LIMA, March 5, 2024 (Reuters) - Chilean Foreign Minister Ana Rojas arrived in Lima for "
        "talks with Peruvian Trade Minister Luis Paz. Chile and Peru signed a mining accord in "
        "2019."
    )
    result = _run(text)
    assert [[str(d) for d in v.dates] for v in result.visits] == [[]]

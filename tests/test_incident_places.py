"""Where an incident happened, against the places a report names for other reasons.

Each rule comes with variations (other names, countries and word orders) and negatives:
the place of the people who report the news, where attackers or rockets came from and
where the wounded were taken, a country's capital named by its role, a town outside the
country the report's actors suggest, and names the NER mistakes for dates. The reports are
written for these tests. The last tests score the development set of incident reports in
``tests/data/incidents`` against its floor and against the first-province-name baseline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph import evaluate
from actorgraph.extractors.article import extract_article
from actorgraph.extractors.events.asides import CALENDAR_WORDS, describes_a_speaker
from actorgraph.gazetteers.places import load_gazetteer
from actorgraph.model import Article

INCIDENTS = Path(__file__).parent / "data" / "incidents" / "dev.jsonl"


def located(nlp, text: str) -> set[str]:
    """The ISO codes of the provinces the report's events are located in."""
    extraction = extract_article(Article("report", text), nlp(text))
    by_id = {entity.id: entity for entity in extraction.entities}
    events = {event.id for event in extraction.events}
    return {
        by_id[fact.object].iso3166_2 or ""
        for fact in extraction.facts
        if fact.predicate.value == "locatedIn" and fact.subject in events
    }


# -- the people who report it are somewhere else -------------------------------------------

SPEAKERS_ELSEWHERE = [
    (
        "Suspected Boko Haram fighters raided Maiduguri overnight, officials in Abuja said.",
        {"NG-BO"},
    ),
    ("Gunmen attacked a market in Gwoza on Sunday, police in Abuja told reporters.", {"NG-BO"}),
    ("Officials in Kabul said Taliban fighters stormed a checkpoint in Kunduz city.", {"AF-KDZ"}),
    ("A car bomb exploded in Kismayo, sources in Mogadishu said.", {"SO-JH"}),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKERS_ELSEWHERE)
def test_the_speakers_place_is_not_the_events(nlp, text: str, expected: set[str]) -> None:
    assert located(nlp, text) == expected


def test_a_speakers_place_is_kept_when_the_report_names_no_other(nlp) -> None:
    # "police in Kunduz" is then the only clue, and local police speak of their province
    assert located(nlp, "Gunmen killed five farmers overnight, police in Kunduz said.") == {
        "AF-KDZ"
    }


def test_describes_a_speaker_reads_the_subject_of_saying(nlp) -> None:
    doc = nlp("Officials in Herat said militants attacked a post in Farah.")
    herat, farah = doc[2:3], doc[8:9]
    assert describes_a_speaker(herat) and not describes_a_speaker(farah)
    doc = nlp("According to sources in Baghdad, gunmen attacked a checkpoint in Samarra.")
    assert describes_a_speaker(doc[4:5]) and not describes_a_speaker(doc[10:11])


# -- where they came from, where the wounded went ------------------------------------------

ORIGINS_AND_DESTINATIONS = [
    ("Fighters who came from bases in Idlib attacked an army checkpoint in Hama.", {"SY-HM"}),
    (
        "A roadside bomb killed four soldiers in Baidoa; the wounded were evacuated to a "
        "hospital in Mogadishu.",
        {"SO-BY"},
    ),
    (
        "Gunmen shot dead two labourers from Punjab at a construction site in Turbat.",
        {"PK-BA"},
    ),
    (
        "Militants ambushed a convoy near Mandera town; the wounded were rushed to a clinic in "
        "Nairobi.",
        {"KE-24"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ORIGINS_AND_DESTINATIONS)
def test_origins_and_destinations_are_not_the_place(nlp, text: str, expected: set[str]) -> None:
    assert located(nlp, text) == expected


def test_taking_people_from_a_place_happens_there(nlp) -> None:
    text = "Gunmen abducted 30 students from a school in Kankara, Katsina state, on Friday."
    assert located(nlp, text) == {"NG-KT"}


def test_forces_moving_to_a_compound_operate_there(nlp) -> None:
    text = (
        "The joint force moved to a compound in the Zurmat district of Paktiya province and "
        "detained two suspects."
    )
    assert located(nlp, text) == {"AF-PIA"}


# -- a capital named by its role ---------------------------------------------------------

CAPITALS = [
    ("A suicide car bomb exploded outside a hotel in the Somali capital on Friday.", {"SO-BN"}),
    ("Clashes between rival militias erupted overnight in the Libyan capital.", {"LY-TB"}),
    ("Gunmen stormed a police station in Afghanistan's capital, killing four.", {"AF-KAB"}),
    ("Rockets struck a residential area of the Yemeni capital.", {"YE-SA"}),
]


@pytest.mark.parametrize(("text", "expected"), CAPITALS)
def test_the_capital_is_the_capital_city(nlp, text: str, expected: set[str]) -> None:
    assert located(nlp, text) == expected


def test_capital_in_another_sense_is_no_place(nlp) -> None:
    assert located(nlp, "Militants killed two soldiers and demanded capital punishment.") == set()


def test_capitals_come_from_geonames() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.capital("IQ").province.code == "IQ-BG"
    assert gazetteer.capital("ML").province.code == "ML-BKO"


# -- a town across the border from the actors' country -----------------------------------

ACROSS_BORDERS = [
    ("Russian troops shelled Nikopol overnight, damaging a dozen houses.", {"UA-12"}),
    ("Turkish drones struck a car near Qamishli on Tuesday, killing two.", {"SY-HA"}),
    ("Ethiopian troops shelled the outskirts of Kismayo, residents said.", {"SO-JH"}),
]


@pytest.mark.parametrize(("text", "expected"), ACROSS_BORDERS)
def test_a_big_town_of_another_country(nlp, text: str, expected: set[str]) -> None:
    assert located(nlp, text) == expected


def test_a_province_of_the_articles_country_keeps_its_towns_at_home(nlp) -> None:
    # "Kani" is also a Japanese city: a Sagaing report keeps it in Myanmar
    text = "Military aircraft bombarded a village in Kani township (Yinmabin, Sagaing)."
    assert located(nlp, text) == {"MM-01"}


# -- names the NER takes for dates -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen on a motorcycle shot dead two men at a construction site in Turbat.",
        "Unidentified gunmen shot dead a teacher in Turbat on 8 February.",
        "In Turbat, gunmen on a motorcycle shot dead a shopkeeper.",
    ],
)
def test_a_town_is_a_town_whatever_the_ner_says(nlp, text: str) -> None:
    assert located(nlp, text) == {"PK-BA"}


def test_calendar_words_stay_dates(nlp) -> None:
    assert {"march", "friday", "ramadan"} <= CALENDAR_WORDS
    assert located(nlp, "Militants attacked a checkpoint in March, killing two.") == set()


# -- violence words and names with connectors ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting broke out near Beni, North Kivu, on Thursday, residents said.", {"CD-NK"}),
        (
            "FARDC troops retook two villages after heavy fighting in Masisi territory, North Kivu.",
            {"CD-NK"},
        ),
        ("2 US soldiers wounded in Nangarhar suicide attack", {"AF-NAN"}),
        ("Three policemen injured in a bomb blast in Quetta", {"PK-BA"}),
    ],
)
def test_violence_words(nlp, text: str, expected: set[str]) -> None:
    assert located(nlp, text) == expected


def test_a_person_described_by_past_attacks_is_no_event_place(nlp) -> None:
    text = "A commander who planned attacks in Kunar was arrested in Kabul."
    assert located(nlp, text) == {"AF-KAB"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Insurgents beheaded a village chief near Mocimboa da Praia, Mozambique.", {"MZ-P"}),
        ("Gunmen shot dead a trader in Santa Cruz de la Sierra, Bolivia.", {"BO-S"}),
        ("Two soldiers were killed in an ambush near Deir ez Zor on Monday.", {"SY-DY"}),
        ("Suspected gang members shot dead four bus drivers in San Pedro Sula.", {"HN-CR"}),
    ],
)
def test_names_with_small_words(nlp, text: str, expected: set[str]) -> None:
    assert located(nlp, text) == expected


# -- units below a province that share a province's name elsewhere ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Suspected ADF rebels hacked to death 14 civilians in Oicha, Beni territory.", {"CD-NK"}),
        ("ADF rebels attacked a village in Beni territory, North Kivu.", {"CD-NK"}),
        ("Fulani militia killed 7 farmers in Bassa LGA, Plateau.", {"NG-PL"}),
        ("Gunmen killed two travellers in Chikun LGA, Kaduna.", {"NG-KD"}),
    ],
)
def test_a_lower_unit_is_not_the_province_of_its_name(nlp, text: str, expected: set[str]) -> None:
    assert located(nlp, text) == expected


def test_the_province_itself_keeps_its_own_type_word(nlp) -> None:
    assert located(nlp, "Rebels attacked a village in Beni department, Bolivia.") == {"BO-B"}
    assert located(nlp, "Troops killed three militants in Khost province.") == {"AF-KHO"}


@pytest.mark.parametrize(
    "text",
    [
        "A mob beat to death a suspected thief in Kano.",
        "Militants burned to death three farmers in Kano.",
        "Gunmen stabbed to death a trader in Kano on Monday.",
    ],
)
def test_to_death_is_a_killing(nlp, text: str) -> None:
    extraction = extract_article(Article("report", text), nlp(text))
    assert [e.kind.value for e in extraction.events] == ["Killing"]
    assert located(nlp, text) == {"NG-KN"}


# -- a short report of harm that no trigger reads ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tank damage and casualties among the regular forces in Idlib", {"SY-ID"}),
        ("Casualties among government troops in Tahoua region", {"NE-5"}),
        ("Death toll from Tuesday's violence in Kasai province rises to 40", {"CD-KS"}),
        # "dead" is a trigger word only when counted ("36 dead"): here it reads as harm
        ("Bodies of the dead found after the violence in Kasai province", {"CD-KS"}),
    ],
)
def test_a_short_report_of_harm_is_an_event_in_its_province(
    nlp, text: str, expected: set[str]
) -> None:
    assert located(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Peace talks resumed in Doha on Monday.",
        "The governor of Kandahar visited a school.",
        "Casualties were reported in Idlib and in Hama.",  # two provinces: no one report place
    ],
)
def test_no_report_event_without_harm_or_with_several_provinces(nlp, text: str) -> None:
    extraction = extract_article(Article("report", text), nlp(text))
    assert not [e for e in extraction.events if e.kind.value == "Event"]


# -- a province name that is a town of the country the text names -------------------------


def test_a_province_name_that_is_a_town_of_the_named_country(nlp) -> None:
    # Beni is a Bolivian department and a Congolese town
    assert located(nlp, "Congo's army said rebels killed 12 villagers in Beni.") == {"CD-NK"}
    assert located(nlp, "Floods and clashes left two dead in Beni department, Bolivia.") == {"BO-B"}


# -- the development set of incident reports ---------------------------------------------

#: Measured on the 120 development reports when this guard was set: F1 0.90 (the
#: first-province-name baseline 0.62); the floor leaves a margin for noise.
INCIDENTS_F1_FLOOR = 0.86


@pytest.mark.slow
def test_incident_reports_stay_above_their_floor_and_the_baseline() -> None:
    notes = evaluate("ucdp", INCIDENTS).notes["all"]
    assert notes["province"]["f1"] >= INCIDENTS_F1_FLOOR
    assert notes["province"]["f1"] > notes["first_province_name"]["f1"] + 0.15


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen abducted 12 passengers on the highway in Chikun LGA, Kaduna.",
        "Militants attacked a checkpoint in Masisi territory, North Kivu.",
        "Kech district officials said gunmen killed two.",
    ],
)
def test_a_unit_is_no_person(nlp, text: str) -> None:
    extraction = extract_article(Article("report", text), nlp(text))
    assert not [e for e in extraction.entities if e.type.value == "Person"]

"""Entity typing repairs: places, headline fragments and wire slugs are not names of actors.

Each repair is tried on variations (other places, other countries, other word orders) and
on the cases where the syntax says the name is a person's or an organisation's after all.
"""

from __future__ import annotations

import pytest

from actorgraph.extractors.article import extract_article
from actorgraph.extractors.confidence import ONE_WORD_FACTOR, is_one_word_name
from actorgraph.extractors.mentions.retyping import (
    VerbTest,
    is_headline_words,
    is_place_name,
    is_wire_furniture,
)
from actorgraph.gazetteers.places import load_gazetteer
from actorgraph.model import Article, Entity
from actorgraph.ontology import EntityType


def actors(nlp, text: str) -> set[tuple[str, str]]:
    """(type, name) of the people and organisations a text names."""
    return {
        (m.type.value, m.name)
        for m in nlp(text)._.ag_mentions
        if m.type in (EntityType.PERSON, EntityType.ORGANISATION)
    }


# -- places of the article's country ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Harasta", "SY", True),  # a town of the article's country
        ("Harasta", "AF", False),  # ... not of another one
        ("Sahel", None, True),  # a region needs no country
        ("Syria", None, True),  # a country is never an actor's name
        ("Harrington", None, False),  # a surname that is also a small town
        ("Harrington", "US", True),
    ],
)
def test_place_names(name: str, country: str | None, expected: bool) -> None:
    assert is_place_name(name, load_gazetteer(), country) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Syrian troops shelled Harasta in Syria on Monday, and Harasta was hit again.",
        "Jihadists in the Sahel attacked a base in Burkina Faso.",
        "Government troops entered Mbengwi in Cameroon after the attack on Bamenda.",
    ],
)
def test_places_of_the_article_country_are_no_people(nlp, text: str) -> None:
    found = {name for kind, name in actors(nlp, text) if kind == "Person"}
    assert not found & {"Harasta", "Sahel", "Mbengwi", "Burkina Faso"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kennedy said the plan would fail, officials in Texas said.", "Kennedy"),
        ("Mr. Kennedy, 53, spoke in Texas on Monday.", "Kennedy"),
    ],
)
def test_a_place_name_the_syntax_makes_a_person_stays_one(nlp, text: str, name: str) -> None:
    assert ("Person", name) in actors(nlp, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Burlington spokesman Gus Melonas said the company was using booms.", "Burlington"),
        ("Other power lines failed, said Edison spokesman Kevin Kelly.", "Edison"),
        ("Farley attorney Stephen Greiner contended the pill was a device.", "Farley"),
    ],
)
def test_a_town_before_a_role_noun_is_an_organisation(nlp, text: str, name: str) -> None:
    assert ("Organisation", name) in actors(nlp, text)


def test_a_town_after_a_name_is_no_organisation(nlp) -> None:
    text = "Daniel Sullivan, 30, of Boothbay, went down to help, Fournier said."
    assert ("Organisation", "Boothbay") not in actors(nlp, text)


def test_a_person_the_ner_took_for_an_organisation(nlp) -> None:
    text = "Mason, who headed the Centers for Disease Control in Atlanta, said he faces a dilemma."
    assert ("Person", "Mason") in actors(nlp, text)


# -- headline fragments and wire furniture ------------------------------------------------


def test_headline_words() -> None:
    assert is_headline_words("Coalition Force Confirms Death of Haqqani Leader in Khost".split())
    assert is_headline_words("AFGHAN TROOPS CLEAR KABUL-JALALABAD ROAD".split())
    assert not is_headline_words("The force confirmed the death of a Haqqani leader".split())
    assert not is_headline_words("Ends Here".split())  # too short to tell


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Afghan-Led Force Capture Taliban Leader in Kandahar", "Afghan-Led Force Capture"),
        ("Coalition Force Confirms Death of Haqqani Leader in Khost", "Coalition Force Confirms"),
        ("Clashes Escalate in Northern Mali After Attack", "Clashes Escalate"),
    ],
)
def test_headline_fragments_are_no_names(nlp, text: str, fragment: str) -> None:
    assert fragment not in {name for _, name in actors(nlp, text)}


def test_curated_organisations_in_headlines_stay(nlp) -> None:
    found = actors(nlp, "Afghan-Led Force Capture Taliban Leader in Kandahar")
    assert ("Organisation", "Taliban") in found


def test_a_sentence_full_of_names_is_no_headline(nlp) -> None:
    text = "Anthropologist Dean Falk of State University of New York at Albany supports it."
    assert ("Organisation", "State University of New York") in actors(nlp, text)


def test_verb_test() -> None:
    is_verb = VerbTest({"capture", "confirm", "kill"})
    assert is_verb("captures") and is_verb("confirmed") and is_verb("kill")
    assert not is_verb("kabul") and not VerbTest()("kill")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LD Writethru", True),
        ("Roundup", True),
        ("https://www.example.org/2018/05/news", True),
        ("Hazrat Ali", False),
    ],
)
def test_wire_furniture(text: str, expected: bool) -> None:
    assert is_wire_furniture(text) is expected


# -- one-word names -----------------------------------------------------------------------


def test_one_word_names() -> None:
    assert is_one_word_name(Entity("t1", EntityType.PERSON, "Mason"))
    assert is_one_word_name(Entity("t2", EntityType.ORGANISATION, "Burlington"))
    assert not is_one_word_name(Entity("t3", EntityType.PERSON, "Sami Sadat"))
    assert not is_one_word_name(Entity("t4", EntityType.ORGANISATION, "Taliban", known_as="t"))
    assert not is_one_word_name(Entity("t5", EntityType.PROVINCE, "Helmand"))


def test_facts_about_one_word_names_are_less_sure(nlp) -> None:
    def raw(text: str) -> float:
        doc = nlp(text)
        record = extract_article(Article("a.txt", text), doc, calibrated=False)
        (fact,) = record.facts
        return fact.confidence

    two_words = raw("Gus Melonas, a spokesman for the Burlington Northern Railroad, spoke.")
    one_word = raw("Melonas, a spokesman for the Burlington Northern Railroad, spoke.")
    assert one_word == pytest.approx(two_words * ONE_WORD_FACTOR, abs=1e-3)

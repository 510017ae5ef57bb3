"""Each extractor's pattern families on sentences written for these tests, positive and negative.

The sentences are the project's own; they exercise the patterns, not any benchmark.
"""

from __future__ import annotations

import pytest

from actorgraph.extractors.article import extract_article
from actorgraph.model import Article, ArticleExtraction
from actorgraph.ontology import PARTICIPANT_RELATIONS, EntityType, Relation


def run(nlp, text: str) -> ArticleExtraction:
    article = Article(id="test.txt", text=text)
    return extract_article(article, nlp(text))


def named_facts(extraction: ArticleExtraction, predicate: Relation) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in extraction.entities}
    for event in extraction.events:
        names[event.id] = event.kind.value
    codes = {e.id: e.iso3166_2 for e in extraction.entities if e.iso3166_2}
    found = set()
    for fact in extraction.facts:
        if fact.predicate is predicate:
            obj = codes.get(fact.object) or names[fact.object]
            found.add((names[fact.subject], obj))
    return found


def affiliations(nlp, text: str) -> set[tuple[str, str]]:
    return named_facts(run(nlp, text), Relation.AFFILIATED_WITH)


def alliances(nlp, text: str) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in named_facts(run(nlp, text), Relation.ALLIED_WITH)}


def located(nlp, text: str) -> set[tuple[str, str]]:
    return named_facts(run(nlp, text), Relation.LOCATED_IN)


# -- affiliatedWith -----------------------------------------------------------------------

AFFILIATION_POSITIVES = [
    (
        "Zarar Khan, a senior commander of the Taliban, was arrested on Monday.",
        "Zarar Khan",
        "Taliban",
    ),
    ("Hamas spokesman Fawzi Barhoum rejected the proposal on Tuesday.", "Fawzi Barhoum", "Hamas"),
    ("The Taliban's spokesman, Bilal Karimi, denied the report.", "Bilal Karimi", "Taliban"),
    (
        "Ahmed Nuur, who leads al-Shabaab in the Juba valley, escaped the raid.",
        "Ahmed Nuur",
        "al-Shabaab",
    ),
    ("Omar Farouk joined Boko Haram in 2012, his family said.", "Omar Farouk", "Boko Haram"),
    (
        "Tariq Hamid served as a spokesman for the Iraqi Army until 2015.",
        "Tariq Hamid",
        "Iraqi Army",
    ),
    (
        "Laila Noori, a researcher at Human Rights Watch, documented the killings.",
        "Laila Noori",
        "Human Rights Watch",
    ),
]


@pytest.mark.parametrize(("text", "person", "organisation"), AFFILIATION_POSITIVES)
def test_affiliation_patterns(nlp, text: str, person: str, organisation: str) -> None:
    found = affiliations(nlp, text)
    assert any(
        p == person and o.casefold().startswith(organisation.casefold()[:6]) for p, o in found
    ), found


AFFILIATION_NEGATIVES = [
    # spoke to a newspaper, was reported by it
    ("Hassan Omar told Reuters that the attack had failed.", "Hassan Omar"),
    # fought, killed or captured an organisation's members
    ("Captain Amir Latif killed three Taliban fighters in the raid.", "Amir Latif"),
    ("Musa Qasim fought the Taliban for a decade before retiring.", "Musa Qasim"),
    # negotiated with it
    ("Zalmay Khalilzad held talks with the Taliban in Doha last year.", "Zalmay Khalilzad"),
    # his unit captured them
    ("General Farid Ahmadi's unit captured Al Qaeda members near the border.", "Farid Ahmadi"),
]


@pytest.mark.parametrize(("text", "person"), AFFILIATION_NEGATIVES)
def test_affiliation_negatives(nlp, text: str, person: str) -> None:
    assert not [pair for pair in affiliations(nlp, text) if pair[0] == person]


# -- alliedWith ---------------------------------------------------------------------------

ALLIANCE_POSITIVES = [
    ("Al-Shabaab pledged allegiance to Al Qaeda in 2012.", "al-Shabaab", "Al-Qaeda"),
    ("The Haqqani network fought alongside the Taliban in Khost.", "Haqqani", "Taliban"),
    (
        "Hezbollah has trained and armed the Houthis for years, officials said.",
        "Hezbollah",
        "Houthi",
    ),
    ("Lashkar-e-Taiba maintains close ties to Jaish-e-Mohammed, analysts say.", "Lashkar", "Jaish"),
    (
        "The Islamic State Khorasan Province is a branch of the Islamic State.",
        "Khorasan",
        "Islamic State",
    ),
]


@pytest.mark.parametrize(("text", "first", "second"), ALLIANCE_POSITIVES)
def test_alliance_patterns(nlp, text: str, first: str, second: str) -> None:
    found = alliances(nlp, text)

    def has(pair: frozenset[str], fragment: str) -> bool:
        return any(fragment.casefold() in name.casefold() for name in pair)

    assert any(has(pair, first) and has(pair, second) for pair in found), found


ALLIANCE_NEGATIVES = [
    "The Taliban attacked the Afghan National Army in Helmand province.",
    "The United Nations negotiated with the Taliban in Doha.",
    "Reuters reported that Hamas had fired rockets overnight.",
    "The Taliban denied having ties to Al Qaeda.",
    "Hamas could ally with Hezbollah, analysts said.",
    "The Taliban and the Islamic State clashed in Nangarhar province.",
]


@pytest.mark.parametrize("text", ALLIANCE_NEGATIVES)
def test_alliance_negatives(nlp, text: str) -> None:
    assert alliances(nlp, text) == set()


def test_alliance_is_symmetric_and_stored_once(nlp) -> None:
    extraction = run(nlp, "The Haqqani network fought alongside the Taliban in Khost.")
    facts = [f for f in extraction.facts if f.predicate is Relation.ALLIED_WITH]
    assert len(facts) == 1
    assert facts[0].subject < facts[0].object


def test_extractors_pass_relations_as_ontology_terms(nlp) -> None:
    doc = nlp(
        "Hamas spokesman Fawzi Barhoum rejected the proposal. "
        "The Haqqani network fought alongside the Taliban in Khost."
    )
    predicates = [relation.predicate for relation in doc._.ag_relations]
    assert Relation.AFFILIATED_WITH in predicates and Relation.ALLIED_WITH in predicates
    assert all(type(predicate) is Relation for predicate in predicates)


# -- events and locatedIn -----------------------------------------------------------------

LOCATION_POSITIVES = [
    ("A roadside bomb exploded in Kandahar province on Monday.", "Bombing", "AF-KAN"),
    ("Five soldiers were killed in an ambush in Marjah district on Friday.", "Attack", "AF-HEL"),
    (
        "A suicide bomber struck a mosque in Jalalabad, killing six worshippers.",
        "Bombing",
        "AF-NAN",
    ),
    ("Gunmen kidnapped three aid workers in Borno state last week.", "Kidnapping", "NG-BO"),
    ("Police arrested two suspects in Peshawar after the blast.", "Capture", "PK-KP"),
    ("Drones struck a convoy near Mosul, killing four fighters.", "Airstrike", "IQ-NI"),
]


@pytest.mark.parametrize(("text", "kind", "code"), LOCATION_POSITIVES)
def test_event_kinds_and_provinces(nlp, text: str, kind: str, code: str) -> None:
    assert (kind, code) in located(nlp, text)


LOCATION_NEGATIVES = [
    "KANDAHAR, Afghanistan — Officials met on Monday to discuss the provincial budget.",
    "The group was planning attacks in Kabul province, officials said.",
    "Officials warned that militants could attack Kunar province in the spring.",
    "The commander, who was born in Paktika province, spoke to reporters.",
]


@pytest.mark.parametrize("text", LOCATION_NEGATIVES)
def test_no_event_location(nlp, text: str) -> None:
    assert located(nlp, text) == set()


def test_dateline_is_not_the_event_place(nlp) -> None:
    text = "KABUL, Afghanistan — A bomb exploded in Khost province on Thursday."
    assert {code for _, code in located(nlp, text)} == {"AF-KHO"}


def test_scene_set_earlier_locates_a_later_event(nlp) -> None:
    text = (
        "In Sangin district, a patrol searched several compounds on Tuesday.\n"
        "The patrol detained two suspected insurgents during the search."
    )
    assert ("Capture", "AF-HEL") in located(nlp, text)


def test_event_date_relative_to_article_date(nlp) -> None:
    from datetime import date

    text = "Security forces detained a Taliban commander in Ghazni province yesterday."
    article = Article(id="a", text=text, date=date(2013, 1, 25))
    extraction = extract_article(article, nlp(text))
    assert [event.date for event in extraction.events] == ["2013-01-24"]


def test_involves_names_the_participants(nlp) -> None:
    # a participant with a known role is its perpetrator or target (each an involves)
    extraction = run(nlp, "Al-Shabaab militants ambushed a police patrol in Lamu county on Monday.")
    facts = set().union(*(named_facts(extraction, relation) for relation in PARTICIPANT_RELATIONS))
    assert ("Attack", "al-Shabaab") in {(kind, name) for kind, name in facts} or any(
        "shabaab" in name.casefold() for _, name in facts
    )


# -- within-article resolution -------------------------------------------------------------


def test_one_entity_per_person_and_organisation(nlp) -> None:
    text = (
        "Sami Sadat, commanding general of the Afghan Army's 215 Maiwand corps, spoke on Monday. "
        "General Sadat said Al-Qaeda and the Taliban work together. "
        "Sadat added that al Qaeda's fighters train the Taliban, and Al Qaeda denies it."
    )
    extraction = run(nlp, text)
    people = [e for e in extraction.entities if e.type is EntityType.PERSON]
    assert [p.name for p in people] == ["Sami Sadat"]
    assert set(people[0].aliases) >= {"Sadat"}
    qaeda = [e for e in extraction.entities if "qaeda" in e.name.casefold()]
    assert len(qaeda) == 1
    assert {"Al-Qaeda", "al Qaeda", "Al Qaeda"} <= {qaeda[0].name, *qaeda[0].aliases}


def test_ambiguous_short_name_stays_apart(nlp) -> None:
    text = (
        "Taliban commander Hazrat Ali was killed. Ali Mir Asfandyar, a fellow at Stanford "
        "University, commented. Ali was not available later."
    )
    people = sorted(e.name for e in run(nlp, text).entities if e.type is EntityType.PERSON)
    assert "Hazrat Ali" in people and "Ali Mir Asfandyar" in people


def test_min_confidence_drops_weaker_facts(nlp) -> None:
    text = "The Haqqani network fought alongside the Taliban in Khost. Hamas spokesman Fawzi Barhoum spoke."
    article = Article(id="a", text=text)
    doc = nlp(text)
    everything = extract_article(article, doc)
    strict = extract_article(article, doc, min_confidence=0.99)
    assert everything.facts and not strict.facts


def test_ongoing_fighting_is_no_event(nlp) -> None:
    text = "In Khost province, the brigade has fought insurgents since 2015, officials said."
    assert located(nlp, text) == set()


def test_fighting_in_a_province_is_a_clash(nlp) -> None:
    text = "Army units fought Islamic State militants in Nineveh province on Sunday."
    assert ("Clash", "IQ-NI") in located(nlp, text)


def test_joining_another_group_is_an_alliance(nlp) -> None:
    found = alliances(nlp, "In 2012 al-Shabaab formally joined Al Qaeda, its leader announced.")
    assert any(
        any("shabaab" in n.casefold() for n in pair) and any("qaeda" in n.casefold() for n in pair)
        for pair in found
    ), found


@pytest.mark.parametrize(
    ("text", "person", "fragment"),
    [
        (
            "Omar Wali, who is a colonel in the Afghan National Army and works at the Ministry of Defence, spoke.",
            "Omar Wali",
            "Ministry",
        ),
        (
            "Laila Ahmadi has been named spokeswoman of the Afghan National Police.",
            "Laila Ahmadi",
            "Police",
        ),
        (
            "The commander of the Haqqani network, Karim Zadran, was wounded.",
            "Karim Zadran",
            "Haqqani",
        ),
        (
            "Colonel Aziz Rahimi, the head of Commando Unit 7, was promoted.",
            "Aziz Rahimi",
            "Unit 7",
        ),
    ],
)
def test_affiliation_through_verbs_and_attachment(
    nlp, text: str, person: str, fragment: str
) -> None:
    found = affiliations(nlp, text)
    assert any(p == person and fragment.casefold() in o.casefold() for p, o in found), found


def test_a_town_is_no_organisation(nlp) -> None:
    extraction = run(
        nlp, "Shelley Moore, director of the summer camp at Oxford, said it would close."
    )
    organisations = {e.name for e in extraction.entities if e.type is EntityType.ORGANISATION}
    assert "Oxford" not in organisations

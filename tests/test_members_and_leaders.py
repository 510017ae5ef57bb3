"""Members of an umbrella said in a relative clause or by "one of the groups in", and
leaders named by "whose ROLE is X" or by a passive verb conjoined to the group's own verb.
Each rule comes with variations and negatives written for these tests, not taken from a
gold set.
"""

from __future__ import annotations

import pytest
from tests.extracted import extraction, linked, pairs
from tests.test_alliance_sides import pair

JNIM = "Jama'at Nusrat al-Islam wal-Muslimin"

# -- "X, a unit that is part of Y" ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "member", "umbrella"),
    [
        (
            "Ansar Dine, a group that is now part of JNIM, denied the report.",
            "Ansar Dine",
            JNIM,
        ),
        (
            "Kataib Hezbollah, a militia which belongs to the Islamic Resistance in Iraq, "
            "fired on the convoy.",
            "Kata'ib Hezbollah",
            "Islamic Resistance in Iraq",
        ),
        (
            "The Sultan Murad Division, a faction that is part of the Syrian National Army, "
            "shelled the village.",
            "Sultan Murad Division",
            "Syrian National Army",
        ),
    ],
)
def test_a_relative_clause_of_the_apposition_says_where_the_member_belongs(
    nlp, text: str, member: str, umbrella: str
) -> None:
    assert pair(member, umbrella) in pairs(nlp, text, "alliedWith")


@pytest.mark.parametrize(
    "text",
    [
        "Ansar Dine, a group that attacked JNIM last year, denied the report.",
        "Ansar Dine, a group that is not part of JNIM, denied the report.",
    ],
)
def test_a_relative_clause_that_names_no_membership_allies_no_one(nlp, text: str) -> None:
    assert pair("Ansar Dine", JNIM) not in pairs(nlp, text, "alliedWith")


# -- "X, one of the armed groups in Y" ----------------------------------------------------

UPC = "Union for Peace in the Central African Republic"
CPC = "Coalition of Patriots for Change"


@pytest.mark.parametrize(
    "text",
    [
        f"The {UPC}, one of the armed groups in the {CPC}, attacked the town.",
        f"The {UPC} is one of the factions of the {CPC}.",
        f"Last year the {UPC}, one of the strongest movements within the {CPC}, took Bambari.",
    ],
)
def test_one_of_the_groups_in_an_umbrella_is_its_member(nlp, text: str) -> None:
    assert pair(UPC, CPC) in pairs(nlp, text, "alliedWith")


@pytest.mark.parametrize(
    "text",
    [
        f"The {UPC}, one of the armed groups fighting the {CPC}, attacked the town.",
        f"The {UPC}, one of the armed groups in the north, fought the {CPC} on Monday.",
    ],
)
def test_one_of_the_groups_that_fight_an_umbrella_is_no_member(nlp, text: str) -> None:
    assert pair(UPC, CPC) not in pairs(nlp, text, "alliedWith")


# -- "ORG, whose leader is X" ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        ("Hezbollah, whose leader is Naim Qassem, denied the report.", "Naim Qassem", "Hezbollah"),
        (
            "The Oromo Liberation Army, whose commander is Jaal Marroo, rejected the offer.",
            "Jaal Marroo",
            "Oromo Liberation Army",
        ),
        (
            "Police blamed the Mai-Mai Yakutumba, whose leader is William Amuri Yakutumba, for "
            "the killings.",
            "William Amuri Yakutumba",
            "Mai-Mai Yakutumba",
        ),
    ],
)
def test_whose_role_is_names_the_holder(nlp, text: str, person: str, organisation: str) -> None:
    assert linked(nlp, text, "affiliatedWith", person, organisation)


def test_whose_target_is_names_no_member(nlp) -> None:
    text = "The Oromo Liberation Army, whose target was Jaal Marroo, rejected the offer."
    assert not linked(nlp, text, "affiliatedWith", "Jaal Marroo", "Oromo Liberation Army")


# -- "ORG holds the airport and is led by X" -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "The Special Deterrence Force holds the airport and is commanded by Abdel Raouf Kara.",
            "Abdel Raouf Kara",
            "Special Deterrence Force",
        ),
        (
            "The Wagner Group recruited in prisons and was founded by Dmitry Utkin.",
            "Dmitry Utkin",
            "Wagner Group",
        ),
        (
            "Ahrar al-Sham controls the crossing and is now headed by Hassan Soufan.",
            "Hassan Soufan",
            "Ahrar al-Sham",
        ),
    ],
)
def test_a_conjoined_passive_verb_shares_the_groups_subject(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert linked(nlp, text, "affiliatedWith", person, organisation)


def test_a_conjoined_passive_attack_is_no_leadership(nlp) -> None:
    text = "The Special Deterrence Force holds the airport and was attacked by Abdel Raouf Kara."
    assert not linked(nlp, text, "affiliatedWith", "Abdel Raouf Kara", "Special Deterrence Force")


# -- "the battalion's commander": a named unit referred back to by its own noun --------------


def test_the_battalion_refers_back_to_a_name_with_battalion_in_it(nlp) -> None:
    text = (
        "Officers blamed the Hamza Battalion for the raid. The battalion's commander, Gebre "
        "Tesfay, denied it."
    )
    assert any(
        linked(nlp, text, "affiliatedWith", "Gebre Tesfay", name)
        for name in ("Hamza Battalion", "the Hamza Battalion")
    )


def test_the_battalion_does_not_refer_back_to_a_group_without_it_in_its_name(nlp) -> None:
    text = (
        "Officers blamed the Hamza Brigade for the raid. The battalion's commander, Gebre "
        "Tesfay, denied it."
    )
    assert not linked(nlp, text, "affiliatedWith", "Gebre Tesfay", "Hamza Brigade")


# -- a name the NER cut after "of the" ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        (
            "Officers blamed the 1st Battalion of the People's Liberation Guerrilla Army for "
            "the attack.",
            "Battalion of the People's Liberation Guerrilla Army",
        ),
        (
            "Residents said the 4th Company of the Karen National Liberation Army withdrew.",
            "Company of the Karen National Liberation Army",
        ),
    ],
)
def test_a_name_cut_after_of_the_takes_the_name_that_follows(nlp, text: str, whole: str):
    names = {e.name for e in extraction(nlp, text).entities}
    assert any(whole in name for name in names), names
    assert not any(name.endswith(" of the") for name in names)


def test_a_name_is_not_run_into_lower_case_words_after_of_the(nlp) -> None:
    text = "The Ministry of the interior said two soldiers were wounded."
    names = {e.name for e in extraction(nlp, text).entities}
    assert not any("interior said" in name for name in names)


# -- "the Tepalcatepec cartel": a proper name before the noun names another organisation ------


@pytest.mark.parametrize(
    ("text", "person", "wrong"),
    [
        (
            "The Jalisco New Generation Cartel has expanded into Michoacán. Cárteles Unidos is "
            "an alliance of local gangs that includes the Tepalcatepec cartel, whose founder, "
            "Juan Pérez Lomas, is known as El Abuelo.",
            "Juan Pérez Lomas",
            "Jalisco New Generation Cartel",
        ),
        (
            "The Sinaloa Cartel fought soldiers in Culiacán. Residents blamed the Tijuana cartel, "
            "whose founder, Ramón Arellano Soto, died years ago.",
            "Ramón Arellano Soto",
            "Sinaloa Cartel",
        ),
    ],
)
def test_a_named_description_does_not_refer_back_to_another_name(
    nlp, text: str, person: str, wrong: str
) -> None:
    assert not linked(nlp, text, "affiliatedWith", person, wrong)


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        # the name before the noun is one of the antecedent's own words
        (
            "The Jalisco New Generation Cartel attacked police in Michoacán. The Jalisco "
            "cartel's leader, Nemesio Oseguera, remains at large.",
            "Nemesio Oseguera",
            "Jalisco New Generation Cartel",
        ),
        # no name before the noun: the description refers back as before
        (
            "The Sinaloa Cartel fought soldiers in Culiacán. The cartel, whose leader Ismael "
            "Zambada was arrested in 2024, lost several men.",
            "Ismael Zambada",
            "Sinaloa Cartel",
        ),
        # an adjective of nationality is no other name
        (
            "Hezbollah fired rockets into northern Israel. The Lebanese group's leader, Naim "
            "Qassem, spoke on television.",
            "Naim Qassem",
            "Hezbollah",
        ),
    ],
)
def test_a_description_with_the_antecedents_own_word_still_refers_back(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert linked(nlp, text, "affiliatedWith", person, organisation)


# -- "their spokesman": an organisation that is the subject owns the leading role --------------


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "The Houthis said the drone had hit a ship, according to their military spokesman "
            "Yahya Saree.",
            "Yahya Saree",
            "Houthis",
        ),
        (
            "The Taliban claimed the attack on Monday, their spokesman Zabihullah Mujahid said.",
            "Zabihullah Mujahid",
            "Taliban",
        ),
        (
            "The Allied Democratic Forces raided the village overnight, and their leader Musa "
            "Baluku later released a video.",
            "Musa Baluku",
            "Allied Democratic Forces",
        ),
    ],
)
def test_their_role_belongs_to_the_organisation_that_is_the_subject(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert linked(nlp, text, "affiliatedWith", person, organisation)


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        # people are the subject: "their" is theirs
        (
            "Residents said their leader, Ahmed Yusuf, had fled after the Al-Shabaab attack.",
            "Ahmed Yusuf",
            "Al-Shabaab",
        ),
        # the organisation is no subject: it is only named in passing
        (
            "Villagers fled from Boko Haram, and their chief, Musa Adamu, asked for troops.",
            "Musa Adamu",
            "Boko Haram",
        ),
    ],
)
def test_their_role_is_not_an_organisations_when_people_are_the_subject(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert not linked(nlp, text, "affiliatedWith", person, organisation)


# -- "Iyad Ag" + "Ghaly": a person's name the NER ended on a particle ----------------------------


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        (
            "JNIM is headed by the Malian Tuareg leader Iyad Ag Ghaly and is a rival of the ISSP.",
            "Iyad Ag Ghaly",
        ),
        ("Officials named Iyad Ag Ghaly as the leader.", "Iyad Ag Ghaly"),
        ("Mokhtar Ould Belmokhtar led the assault on the gas plant.", "Mokhtar Ould Belmokhtar"),
    ],
)
def test_a_name_ended_on_a_particle_takes_the_word_after_it(nlp, text: str, whole: str) -> None:
    names = {e.name for e in extraction(nlp, text).entities}
    assert whole in names, names


def test_a_particle_before_lower_case_words_ends_nothing_new(nlp) -> None:
    names = {e.name for e in extraction(nlp, "The court heard from Ana de Souza today.").entities}
    assert not any(name.endswith("today") for name in names)

"""Names the text itself marks as organisations or people where the small NER misses them,
and the references back to them. Sentences written for these tests: other names, other
orders, and negatives for every rule.
"""

from __future__ import annotations

import pytest

from actorgraph.extractors.mentions.acronyms import with_capitalised_names
from extracted import facts


def typed(nlp, text: str) -> dict[str, str]:
    return {m.span.text: m.type.value for m in nlp(text)._.ag_mentions}


# -- bracketed acronyms --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        (
            "The Front for Change and Concord in Chad (FACT) attacked Mao. FACT is led by "
            "Mahamat Mahdi Ali.",
            "Front for Change and Concord in Chad",
            "FACT",
        ),
        (
            "Researchers at the Centre for Democracy and Human Rights (CDD) in Maputo said "
            "the CDD had counted 40 attacks.",
            "Centre for Democracy and Human Rights",
            "CDD",
        ),
        (
            "Fighters of the Military Command Council for the Salvation of the Republic "
            "(CCMSR) crossed the border, and the CCMSR said it would fight on.",
            "Military Command Council for the Salvation of the Republic",
            "CCMSR",
        ),
    ],
)
def test_a_bracketed_acronym_makes_the_name_and_its_later_uses_organisations(
    nlp, text: str, name: str, acronym: str
) -> None:
    found = [(m.span.text, m.type.value) for m in nlp(text)._.ag_mentions]
    assert (name, "Organisation") in found
    assert found.count((acronym, "Organisation")) == 2


def test_the_bare_acronym_is_the_defined_organisation(nlp) -> None:
    text = (
        "The Patriotic Front for Liberation (PFL) was founded in 2023. The PFL is led by "
        "Mahmoud Sallah, who speaks for it."
    )
    assert ("Mahmoud Sallah", "Patriotic Front for Liberation") in facts(
        nlp, text, "affiliatedWith"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Fighting in the Democratic Republic of Congo (DRC) displaced thousands. DRC troops "
        "moved north.",
        "Police in Khyber Pakhtunkhwa (KP) said two men were held.",
    ],
)
def test_a_place_before_a_bracketed_acronym_stays_a_place(nlp, text: str) -> None:
    kinds = typed(nlp, text)
    assert kinds.get("Democratic Republic of Congo") != "Organisation"
    assert kinds.get("DRC") != "Organisation"
    assert kinds.get("Khyber Pakhtunkhwa") != "Organisation"


def test_a_persons_possessive_stays_out_of_the_defined_name(nlp) -> None:
    text = "Biya's Cameroon People's Democratic Movement (CPDM) won the vote."
    assert ("Paul Biya", "Cameroon People's Democratic Movement") not in facts(
        nlp, text, "affiliatedWith"
    )
    assert typed(nlp, text).get("Cameroon People's Democratic Movement") == "Organisation"


def test_a_common_two_letter_word_is_no_acronym_outside_its_bracket(nlp) -> None:
    text = "The Islamic Ummah (IS) group said it would fight. IS ready, the commander said."
    spans = [m.span.text for m in nlp(text)._.ag_mentions]
    assert spans.count("IS") <= 1


# -- group nouns and capitalised names -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "group"),
    [
        (
            "Members of the Gran Grif gang led by Luckson Elan kidnapped a priest.",
            "Luckson Elan",
            "Gran Grif gang",
        ),
        (
            "Gunmen of the Kraze Baryè gang, led by Vitel'Homme Innocent, torched homes.",
            "Vitel'Homme Innocent",
            "Kraze Baryè gang",
        ),
        (
            "Governor Evelyn Salgado of the ruling Morena party called for calm.",
            "Evelyn Salgado",
            "Morena party",
        ),
    ],
)
def test_a_group_noun_after_proper_nouns_names_the_group(
    nlp, text: str, person: str, group: str
) -> None:
    assert (person, group) in facts(nlp, text, "affiliatedWith")


@pytest.mark.parametrize(
    "text",
    [
        "Police in Helmand said the Helmand police had arrested two men.",
        "The Kenyan army said the group had fled.",
    ],
)
def test_a_place_or_nationality_before_a_group_noun_is_no_new_group(nlp, text: str) -> None:
    names = [m.span.text for m in nlp(text)._.ag_mentions]
    assert "Helmand police" not in names or "Helmand" not in names
    assert all(not n.endswith("group") for n in names)


def test_capitalised_words_ending_on_an_organisation_word_name_one(nlp) -> None:
    text = "The Joint Forces are led by Minni Minawi, the governor of Darfur."
    assert ("Minni Minawi", "Joint Forces") in facts(nlp, text, "affiliatedWith")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Commanders of the Southern Protection Force met the Darfur Joint Force.",
            ["Southern Protection Force", "Darfur Joint Force"],
        ),
        ("The Information Resistance Group tracked the convoy.", ["Information Resistance Group"]),
        ("Local people said the river had flooded.", []),
        # a title-case line capitalises every word
        ("Rebel Fighters Storm Border Town Held By Army Forces", []),
    ],
)
def test_capitalised_runs_read_without_the_ner(nlp, text: str, names: list[str]) -> None:
    doc = nlp(text)
    assert [span.text for span in with_capitalised_names(doc, [])] == names


# -- people and organisations the NER mistypes ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        (
            "Reinforcements came from the Tariq Ben Zeyad Brigade, a unit commanded by his "
            "son Saddam Haftar.",
            "Tariq Ben Zeyad Brigade",
        ),
        ("The Murzuq Martyrs Brigade said it held the road.", "Murzuq Martyrs Brigade"),
    ],
)
def test_a_person_name_ending_on_an_organisation_word_is_an_organisation(
    nlp, text: str, organisation: str
) -> None:
    assert typed(nlp, text).get(organisation) == "Organisation"


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "The council's leader, Lucas Ayaba Cho, was arrested. The Ambazonia Governing "
            "Council condemned it.",
            "Lucas Ayaba Cho",
            None,
        ),
        (
            "Verónica Basurto, a crime reporter for the newspaper El Sur, said the gang "
            "controls the road.",
            "Verónica Basurto",
            "El Sur",
        ),
    ],
)
def test_an_organisation_in_apposition_with_a_persons_role_is_a_person(
    nlp, text: str, person: str, organisation: str | None
) -> None:
    assert typed(nlp, text).get(person) == "Person"
    if organisation is not None:
        assert (person, organisation) in facts(nlp, text, "affiliatedWith")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Sofia Marques, a nurse with MSF in Pemba, said the clinic was full.", "Sofia Marques"),
        ("Victoria Nyanjura, who runs a shelter, said the camp was full.", "Victoria Nyanjura"),
    ],
)
def test_a_province_name_that_is_a_given_name_starts_a_person(nlp, text: str, person: str) -> None:
    assert typed(nlp, text).get(person) == "Person"


@pytest.mark.parametrize(
    "text",
    [
        "Fighting spread across Sofia Province and into Victoria state.",
        "1 soldier killed, 5 wounded in Helmand Humvee bombing",
        "Massacres were reported throughout the Tigray War.",
        "Benghazi Saraya attacks LNA at Naga oilfield",
    ],
)
def test_a_province_before_a_word_that_is_no_surname_stays_a_province(nlp, text: str) -> None:
    assert "Person" not in typed(nlp, text).values()


# -- references back -----------------------------------------------------------------------


def test_the_gang_refers_back_to_what_an_apposition_called_a_gang(nlp) -> None:
    text = (
        "Prosecutors blamed La Nueva Familia Michoacana, a fuel-theft gang that has fought "
        "the Jalisco New Generation Cartel (CJNG) for years. The gang, whose founder José "
        "Antonio Yépez is in prison, now relies on the Sinaloa Cartel for weapons."
    )
    found = facts(nlp, text, "affiliatedWith")
    assert ("José Antonio Yépez", "La Familia Michoacana") in found
    assert ("José Antonio Yépez", "Jalisco New Generation Cartel") not in found


@pytest.mark.parametrize(
    ("text", "person", "wrong", "right"),
    [
        (
            "The Islamic State Mozambique Province (ISMP) has been led by local commanders "
            "since FADM troops killed its founder, Bonomade Machude Omar, in 2023.",
            "Bonomade Machude Omar",
            "FADM",
            None,
        ),
        (
            "The General People's Congress broke with the Houthis in 2017, days before its "
            "leader, Ali Abdullah Saleh, was killed by Houthi fighters.",
            "Ali Abdullah Saleh",
            "Houthis",
            "General People's Congress",
        ),
    ],
)
def test_its_is_never_whoever_harms_it(
    nlp, text: str, person: str, wrong: str, right: str | None
) -> None:
    found = facts(nlp, text, "affiliatedWith")
    assert not any(p == person and wrong in o for p, o in found)
    if right is not None:
        assert (person, right) in found


@pytest.mark.parametrize(
    ("text", "referent"),
    [
        (
            "The Taliban attacked the Afghan Army base, and its spokesman Zabihullah Mujahid "
            "said so.",
            "Taliban",
        ),
        (
            "Al-Shabaab ambushed a Kenyan convoy, and its fighters later withdrew.",
            "al-Shabaab",
        ),
        # not a clause of its own: the nearest organisation, as before
        ("The Taliban attacked the Afghan Army, killing its commander.", "Afghan Army"),
    ],
)
def test_its_opening_a_clause_joined_by_and_is_the_first_clauses_subject(
    nlp, text: str, referent: str
) -> None:
    its = [m for m in nlp(text)._.ag_mentions if m.span.text == "its"]
    assert its and its[0].referent.name.casefold() == referent.casefold()


def test_a_description_already_naming_the_national_army_is_no_anaphor(nlp) -> None:
    text = (
        "ADDIS ABABA, Ethiopia — The Oromo Liberation Army (OLA) denied the claim. The army "
        "said it had retaken two districts."
    )
    armies = [m.referent.name for m in nlp(text)._.ag_mentions if m.span.text == "The army"]
    assert "Oromo Liberation Army" not in armies


# -- national forces -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The Ghanaian army has conducted joint patrols with the Togolese army since May.",
            "Ghanaian army",
            "Togolese army",
        ),
        (
            "Joint operations by the Ghanaian military and the Beninese army pushed the "
            "rebels west.",
            "Ghanaian military",
            "Beninese army",
        ),
    ],
)
def test_a_demonym_before_a_force_noun_names_that_force(
    nlp, text: str, first: str, second: str
) -> None:
    found = {frozenset(p) for p in facts(nlp, text, "alliedWith")}
    assert frozenset({first, second}) in found


def test_a_demonym_before_another_noun_is_no_force(nlp) -> None:
    names = [m.span.text for m in nlp("Ugandan officials and Togolese traders met.")._.ag_mentions]
    assert not any("officials" in n or "traders" in n for n in names)


def test_a_sponsor_prefix_is_split_from_the_name_it_backs(nlp) -> None:
    text = "The Turkish-backed Syrian National Army (SNA) clashed with the SDF near Manbij."
    found = {frozenset(p) for p in facts(nlp, text, "alliedWith")}
    assert frozenset({"Turkey", "Syrian National Army"}) in found
    assert typed(nlp, text).get("Syrian National Army") == "Organisation"


def test_a_countrys_possessive_names_its_army_without_a_curated_entry(nlp) -> None:
    names = {m.span.text: m.name for m in nlp("Ghana's army said it would deploy.")._.ag_mentions}
    assert names.get("Ghana's army") == "Ghana army"


def test_a_persons_possessive_before_army_names_no_national_army(nlp) -> None:
    names = [m.name for m in nlp("Kony's army fled into the forest.")._.ag_mentions]
    assert "Kony army" not in names

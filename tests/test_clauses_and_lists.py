"""Relations read across clauses, lists and misattached phrases: "whose spokesman X",
"founded by A and now led by B", two clauses joined by "and", "A fought B alongside C"
where the parse hangs "alongside" on B's phrase, and "joint operations by A and B".
Sentences written for these tests: other names, other orders, and negatives.
"""

from __future__ import annotations

import pytest

from extracted import facts, linked, pairs

# -- affiliation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "The NPA is the armed wing of the Communist Party of the Philippines (CPP), whose "
            "spokesman Marco Valbuena denied the report.",
            "Marco Valbuena",
            "Communist Party of the Philippines",
        ),
        (
            "Police blamed the Mombasa Republican Council, whose senior spokesman Randu "
            "Nzai Ruwa rejected the charge on Friday.",
            "Randu Nzai Ruwa",
            "Mombasa Republican Council",
        ),
    ],
)
def test_whose_role_right_after_the_name(nlp, text: str, person: str, organisation: str) -> None:
    assert (person, organisation) in facts(nlp, text, "affiliatedWith")


def test_whose_with_a_verb_between_is_no_role(nlp) -> None:
    text = "Officials met the Mombasa Republican Council, whose ban Randu Nzai Ruwa opposed."
    assert not facts(nlp, text, "affiliatedWith")


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "Ansarul Islam, a group founded by the preacher Ibrahim Malam Dicko and now led "
            "by his brother Jafar Dicko, fights in the north.",
            "Jafar Dicko",
            "Ansarul Islam",
        ),
        (
            "Katiba Macina, a unit set up by Amadou Koufa and later commanded by Bina Diarra, "
            "holds the delta.",
            "Bina Diarra",
            "Katiba Macina",
        ),
    ],
)
def test_a_participle_joined_to_another_still_modifies_the_group(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert (person, organisation) in facts(nlp, text, "affiliatedWith")


def test_dismissing_groups_as_something_is_no_leaving(nlp) -> None:
    text = (
        'Taliban spokesman Zabihullah Mujahid dismissed both groups as "a handful of rebels".'
    )
    assert ("Zabihullah Mujahid", "Taliban") in facts(nlp, text, "affiliatedWith")


def test_being_dismissed_from_the_group_is_still_leaving(nlp) -> None:
    text = "Ahmed Warsame, a former al-Shabaab commander, was dismissed from the group in 2019."
    assert ("Ahmed Warsame", "al-Shabaab") not in facts(nlp, text, "affiliatedWith")


# -- alliances across clauses ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "not_allied"),
    [
        (
            "Ethiopian forces shelled the town, and Russian forces said they backed the "
            "Syrian army.",
            frozenset({"Ethiopian forces", "Syrian army"}),
        ),
        (
            "Los Ardillos are at war with Los Tlacos, and the Regional Coordination of "
            "Community Authorities is aligned with Los Tlacos.",
            frozenset({"Los Ardillos", "Regional Coordination of Community Authorities"}),
        ),
        (
            "ISWAP, which split from Boko Haram in 2016 and pledged allegiance to the Islamic "
            "State, claimed the attack.",
            frozenset({"Boko Haram", "Islamic State"}),
        ),
    ],
)
def test_no_alliance_between_arguments_of_two_coordinated_clauses(
    nlp, text: str, not_allied: frozenset[str]
) -> None:
    assert not_allied not in pairs(nlp, text, "alliedWith")


def test_a_subject_shared_by_two_verbs_keeps_the_second_verbs_ally(nlp) -> None:
    text = (
        "ISWAP, which split from Boko Haram in 2016 and pledged allegiance to the Islamic "
        "State, claimed the attack."
    )
    found = pairs(nlp, text, "alliedWith")
    assert frozenset({"Islamic State West Africa Province", "Islamic State"}) in found


# -- "A fought B alongside C" with "alongside" hung inside B's phrase ----------------------


@pytest.mark.parametrize(
    ("text", "agent", "patient", "companion"),
    [
        (
            "The Giants Brigades fought al-Qaeda in the Arabian Peninsula (AQAP) alongside "
            "the Shabwa Defence Forces near Ataq.",
            "Giants Brigades",
            "AQAP",
            "Shabwa Defence Forces",
        ),
        (
            "The Southern Transitional Council battled al-Qaeda in the Arabian Peninsula "
            "alongside the Hadrami Elite Forces on Sunday.",
            "Southern Transitional Council",
            "al-Qaeda in the Arabian Peninsula",
            "Hadrami Elite Forces",
        ),
    ],
)
def test_the_companion_is_the_agents_ally_and_the_patients_enemy(
    nlp, text: str, agent: str, patient: str, companion: str
) -> None:
    allied = pairs(nlp, text, "alliedWith")
    assert frozenset({agent, companion}) in allied
    assert not any(companion in pair and "Al-Qaeda" in " ".join(pair) for pair in allied)
    opposed = pairs(nlp, text, "opposes")
    assert frozenset({agent, "Al-Qaeda in the Arabian Peninsula"}) in opposed


# -- joint acts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Joint operations by the Somali National Army and the Kenya Defence Forces "
            "pushed al-Shabaab out of Badhaadhe.",
            "Somali National Army",
            "Kenya Defence Forces",
        ),
        (
            "Aircraft struck caves near Kirkuk in a joint operation of the Iraqi Army and "
            "Peshmerga forces.",
            "Iraqi Army",
            "Peshmerga forces",
        ),
        (
            "The Benin Armed Forces have conducted joint patrols with the Togolese army since "
            "last year.",
            "Benin Armed Forces",
            "Togolese army",
        ),
    ],
)
def test_two_organisations_of_one_joint_act_are_allies(
    nlp, text: str, first: str, second: str
) -> None:
    found = pairs(nlp, text, "alliedWith")
    assert any(
        any(first in n or n in first for n in pair)
        and any(second in n or n in second for n in pair)
        for pair in found
    ), found


@pytest.mark.parametrize(
    "text",
    [
        "Operations by the Somali National Army and the Kenya Defence Forces were reported.",
        "A joint statement condemned the attack by al-Shabaab and the killing of the Kenya "
        "Defence Forces officers.",
    ],
)
def test_a_list_without_a_joint_act_is_no_alliance(nlp, text: str) -> None:
    found = pairs(nlp, text, "alliedWith")
    assert frozenset({"al-Shabaab", "Kenya Defence Forces"}) not in found
    assert frozenset({"Somali National Army", "Kenya Defence Forces"}) not in found


# -- names and events --------------------------------------------------------------------------


def test_an_arabic_article_in_lower_case_still_starts_a_curated_name(nlp) -> None:
    doc = nlp("Troops fought al-Qaeda in the Arabian Peninsula near Mukalla.")
    assert [(e.text, e.ent_id_) for e in doc.ents if e.label_ == "ORG"] == [
        ("al-Qaeda in the Arabian Peninsula", "aqap")
    ]


def test_a_lower_case_english_word_still_starts_no_curated_name(nlp) -> None:
    doc = nlp("The taliban is a word here, and islamic state is lower case.")
    assert not [e for e in doc.ents if e.ent_id_ in ("islamic-state",)]


@pytest.mark.parametrize(
    ("text", "province"),
    [
        (
            "QAMISHLI, Syria — The SDF raided a hideout in the town of al-Busayrah on "
            "Wednesday, killing two militants.",
            "SY-DY",
        ),
        (
            "SANAA, Yemen — Houthi fighters shelled the village of al-Hazm on Sunday, "
            "killing four civilians.",
            None,
        ),
    ],
)
def test_a_place_name_may_start_with_a_lower_case_article(
    nlp, text: str, province: str | None
) -> None:
    events = nlp(text)._.ag_events
    assert events
    if province is not None:
        assert events[0].province is not None and events[0].province.code == province
    else:
        assert events[0].place is not None and events[0].place.name.lower().endswith("hazm")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stopped a bus near Kalat in Balochistan and shot dead seven men.",
        "Fighters blocked the road near Kalat in Balochistan and killed two guards.",
    ],
)
def test_a_verb_joined_by_and_does_not_govern_the_event(nlp, text: str) -> None:
    events = nlp(text)._.ag_events
    assert [e.province.code for e in events if e.province] == ["PK-BA"]


def test_a_verb_that_governs_still_makes_background(nlp) -> None:
    assert not nlp("The group vowed to attack and kill soldiers in Balochistan.")._.ag_events


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "MONUSCO peacekeepers escorted FARDC troops on a joint patrol in Djugu territory.",
            "MONUSCO",
            "FARDC",
        ),
        (
            "AMISOM soldiers accompanied Danab commandos during a joint offensive near Jilib.",
            "AMISOM",
            "Danab",
        ),
    ],
)
def test_the_object_of_a_verb_framed_by_a_joint_act_is_an_ally(
    nlp, text: str, first: str, second: str
) -> None:
    assert linked(nlp, text, "alliedWith", first, second)


def test_a_hostile_verb_in_a_joint_operation_makes_enemies_not_allies(nlp) -> None:
    text = "MONUSCO peacekeepers attacked ADF fighters during a joint operation near Beni."
    assert not pairs(nlp, text, "alliedWith")


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "The Special Representative and Head of MONUSCO, Aminata Diallo-Mensah, said "
            "the mission would stay.",
            "Aminata Diallo-Mensah",
            "MONUSCO",
        ),
        (
            "The head of UNMISS, Nicholas Haysom, said the mission would protect civilians.",
            "Nicholas Haysom",
            "UNMISS",
        ),
    ],
)
def test_a_name_in_apposition_with_head_of_an_organisation_is_its_person(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert linked(nlp, text, "affiliatedWith", person, organisation)


# -- membership, supply and joint acts of a described group ----------------------------------


@pytest.mark.parametrize(
    ("text", "member", "umbrella"),
    [
        (
            "The Nigerian Army operates in the region as part of the Multinational Joint Task "
            "Force.",
            "Nigerian Army",
            "Multinational Joint Task Force",
        ),
        (
            "The Kenya Defence Forces serve as part of the African Union mission.",
            "Kenya Defence Forces",
            "African Union mission",
        ),
        (
            "The attack was claimed by the Jaime Martínez front, a unit of the EMC.",
            "Jaime Martínez front",
            "EMC",
        ),
    ],
)
def test_a_member_or_unit_of_an_umbrella_is_its_ally(
    nlp, text: str, member: str, umbrella: str
) -> None:
    assert linked(nlp, text, "alliedWith", member, umbrella)


@pytest.mark.parametrize(
    "text",
    [
        "Chadian troops took part in the raid with the Nigerian Army.",
        "The 3rd Brigade of the Ukrainian army held the line.",
    ],
)
def test_taking_part_or_a_states_own_unit_is_no_alliance(nlp, text: str) -> None:
    assert not pairs(nlp, text, "alliedWith")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The Houthis receive weapons and training from Iran's Islamic Revolutionary "
            "Guard Corps, according to UN experts.",
            "Houthis",
            "Islamic Revolutionary Guard Corps",
        ),
        ("Hezbollah supplied drones to the Houthis last year.", "Hezbollah", "Houthis"),
        (
            "The Wagner Group provided training to the Central African Armed Forces.",
            "Wagner Group",
            "Central African Armed Forces",
        ),
    ],
)
def test_giving_or_receiving_weapons_training_or_money_is_cooperation(
    nlp, text: str, first: str, second: str
) -> None:
    assert linked(nlp, text, "alliedWith", first, second)


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah received a warning from the Israeli army.",
        "Hezbollah did not receive weapons from Iran's Islamic Revolutionary Guard Corps.",
        "The Houthis seized weapons from the Saudi-led coalition.",
    ],
)
def test_receiving_anything_else_or_nothing_is_no_cooperation(nlp, text: str) -> None:
    assert not pairs(nlp, text, "alliedWith")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The Wazalendo groups, which are armed and supplied by the FARDC, hold the hills.",
            "Wazalendo",
            "FARDC",
        ),
        ("Al-Shabaab, which is supplied by AQAP, controls the coast.", "Al-Shabaab", "AQAP"),
        (
            "The convoy was attacked by Al-Shabaab, which is supplied by AQAP.",
            "Al-Shabaab",
            "AQAP",
        ),
    ],
)
def test_being_supplied_by_another_in_the_passive_is_cooperation(
    nlp, text: str, first: str, second: str
) -> None:
    assert linked(nlp, text, "alliedWith", first, second)


@pytest.mark.parametrize(
    "text",
    [
        # what was supplied is a thing, not the other party
        "The Houthis seized a ship supplied by the Saudi-led coalition.",
        "Al-Shabaab is not supplied by AQAP, the report said.",
    ],
)
def test_a_passive_giving_to_something_else_or_denied_is_no_cooperation(nlp, text: str) -> None:
    assert not pairs(nlp, text, "alliedWith")


def test_a_group_a_relative_clause_says_conducts_joint_operations_is_an_ally(nlp) -> None:
    text = (
        "The Kenya-led Multinational Security Support (MSS) mission, which conducts joint "
        "operations with the PNH, said so."
    )
    assert linked(nlp, text, "alliedWith", "Multinational Security Support", "PNH")


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "President Mahamat Idriss Déby, whose Patriotic Salvation Movement (MPS) won the "
            "vote, spoke on Sunday.",
            "Mahamat Idriss Déby",
            "Patriotic Salvation Movement",
        ),
        (
            "The talks were chaired by Minni Minawi, the governor of Darfur, whose Sudan "
            "Liberation Army faction is part of the coalition.",
            "Minni Minawi",
            "Sudan Liberation Army",
        ),
    ],
)
def test_the_organisation_a_person_owns_by_whose_is_theirs(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert linked(nlp, text, "affiliatedWith", person, organisation)


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested Ali Musa, whose brother joined al-Shabaab.",
        "Ali Musa, who praised the army, whose officers fled, spoke to al-Shabaab.",
    ],
)
def test_whose_before_another_noun_or_after_a_clause_is_no_ownership(nlp, text: str) -> None:
    assert not facts(nlp, text, "affiliatedWith")


def test_a_curated_name_runs_on_over_a_peoples_possessive(nlp) -> None:
    text = (
        "The faction loyal to Eskinder Nega, who heads the rival Amhara Fano People's "
        "Organisation, has stayed out."
    )
    assert ("Eskinder Nega", "Amhara Fano People's Organisation") in facts(
        nlp, text, "affiliatedWith"
    )


@pytest.mark.parametrize(
    ("text", "province"),
    [
        (
            "KHARKIV, Ukraine — The brigade repelled a Russian assault near Borova, in the "
            "east of the Kharkiv region, destroying six armoured vehicles.",
            "UA-63",
        ),
        (
            "KYIV, Ukraine — A drone struck a depot near Borova, in the west of the Kyiv "
            "region, on Monday.",
            "UA-32",
        ),
    ],
)
def test_of_places_sharing_a_name_the_one_in_the_named_province_wins(
    nlp, text: str, province: str
) -> None:
    events = nlp(text)._.ag_events
    assert [e.province.code for e in events if e.province] == [province]


@pytest.mark.parametrize(
    "text",
    [
        "A report by UN experts described cooperation between some FARDC units and the "
        "Democratic Forces for the Liberation of Rwanda (FDLR), a link the Congolese "
        "government denies.",
        "UN experts said Iran's Islamic Revolutionary Guard Corps armed the Houthis, a claim "
        "Tehran rejected.",
    ],
)
def test_a_claim_denied_in_a_summing_up_apposition_asserts_no_alliance(nlp, text: str) -> None:
    assert not pairs(nlp, text, "alliedWith")


def test_a_summing_up_apposition_that_denies_nothing_keeps_the_alliance(nlp) -> None:
    text = "Hezbollah has armed the Houthis for years, a link that worries Riyadh."
    assert frozenset({"Hezbollah", "Houthis"}) in pairs(nlp, text, "alliedWith")


def test_a_denied_charge_about_something_else_keeps_the_alliance(nlp) -> None:
    text = (
        "The LNA, backed by Russia's Africa Corps, has been accused by the Sudanese army of "
        "letting the RSF move fighters through the border area, a charge it denies."
    )
    assert linked(nlp, text, "alliedWith", "LNA", "Africa Corps")


# -- people who left ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "former", "current"),
    [
        (
            "Abu Aqla Kayka, a former RSF commander who defected to the army in 2024, leads "
            "the Sudan Shield Forces.",
            "Abu Aqla Kayka",
            "Rapid Support Forces",
            "Sudan Shield Forces",
        ),
        (
            "Mustafa Hamid, a former al-Shabaab commander who surrendered to Somali troops, "
            "now advises the National Intelligence and Security Agency.",
            "Mustafa Hamid",
            "al-Shabaab",
            None,
        ),
        (
            "Its commander, Andriy Biletskyi, founded the Azov battalion in 2014 but left it "
            "two years later.",
            "Andriy Biletskyi",
            "Azov",
            None,
        ),
    ],
)
def test_a_former_member_who_left_is_no_member(
    nlp, text: str, person: str, former: str, current: str | None
) -> None:
    assert not linked(nlp, text, "affiliatedWith", person, former)
    if current is not None:
        assert linked(nlp, text, "affiliatedWith", person, current)


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "Abu Aqla Kayka, an RSF commander who left Khartoum in October, leads the unit.",
            "Abu Aqla Kayka",
            "RSF",
        ),
        (
            "Ahmed Karim joined al-Shabaab in 2010 and left Mogadishu in 2012.",
            "Ahmed Karim",
            "al-Shabaab",
        ),
    ],
)
def test_leaving_a_place_is_no_leaving_the_group(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert linked(nlp, text, "affiliatedWith", person, organisation)


def test_an_office_of_before_of_makes_an_organisation_of_a_person_name(nlp) -> None:
    doc = nlp("The Taliban's General Directorate of Intelligence (GDI) leads the campaign.")
    kinds = {m.span.text: m.type.value for m in doc._.ag_mentions}
    assert kinds.get("General Directorate of Intelligence") == "Organisation"


# -- background, not the day's events -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "MAPUTO, Mozambique — The Local Force, a militia of veterans, fights alongside the "
        "FADM in Macomia and receives weapons from the government.",
        "The Wagner Group, which fought alongside Russian regular forces in Bakhmut, broke with "
        "the defence ministry in June 2023.",
        "Russian forces have shelled border communities in Chernihiv region in a similar way "
        "throughout the summer.",
        "Al Shabaab has carried out similar attacks in Galgaduud region this year, overrunning "
        "several bases vacated by Ethiopian troops.",
        "Russia was massing troops near Kupiansk in Kharkiv for a new offensive.",
        "The FPL, a rebel group led by Mahmoud Sallah that has attacked the oil pipeline to "
        "Benin, has proposed talks with Niamey.",
    ],
)
def test_a_description_or_a_habit_is_no_event(nlp, text: str) -> None:
    assert not nlp(text)._.ag_events


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Government troops fought the militants alongside clan fighters near Mahas in Hiran "
         "on Sunday.", "SO-HI"),
        ("Al Shabaab attacked a base in Galgaduud region on Sunday, overrunning the barracks.",
         "SO-GA"),
        ("Police arrested two men for the bombing in Kabul on Sunday.", "AF-KAB"),
        ("Gunmen shelled border villages in Chernihiv region on Tuesday, killing two.", "UA-74"),
        ("Fighting raged throughout the night in Chernihiv region, officials said.", "UA-74"),
    ],
)
def test_the_same_words_about_the_day_are_events(nlp, text: str, province: str) -> None:
    events = nlp(text)._.ag_events
    assert province in {e.province.code for e in events if e.province}


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("In the northeastern state of Manipur, gunmen fired from the hills on farmers near "
         "Moirang on Sunday, police said.", "IN-MN"),
        ("Militants fired from a moving car in Peshawar on Friday, officials said.", "PK-KP"),
    ],
)
def test_shooters_who_fire_make_an_attack(nlp, text: str, province: str) -> None:
    events = nlp(text)._.ag_events
    assert province in {e.province.code for e in events if e.province}


def test_firing_someone_is_no_attack(nlp) -> None:
    assert not nlp("The minister fired his deputy in Kabul on Monday.")._.ag_events


# -- the speaker's own side ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "ally"),
    [
        (
            "PNH spokesman Jean-Rony Saint-Fleur said officers fighting alongside soldiers of "
            "the Armed Forces of Haiti (FAd'H) had retaken the police station.",
            "PNH",
            "Armed Forces of Haiti",
        ),
        (
            "KDF spokeswoman Colonel Esther Wanjiru said the raid was carried out jointly with "
            "officers of the Rural Border Patrol Unit.",
            "KDF",
            "Rural Border Patrol Unit",
        ),
        (
            "Army spokesman Colonel Xerxes Trinidad said the operation was carried out in "
            "coordination with the Moro Islamic Liberation Front (MILF).",
            "Army",
            "Moro Islamic Liberation Front",
        ),
    ],
)
def test_a_speakers_own_forces_beside_an_organisation_make_the_speakers_ally(
    nlp, text: str, speaker: str, ally: str
) -> None:
    assert linked(nlp, text, "alliedWith", speaker, ally)


@pytest.mark.parametrize(
    "text",
    [
        # someone else's named forces
        "Police spokesman Ali Musa said Kenyan troops fought alongside the Somali National "
        "Army.",
        # against, not beside
        "KDF spokeswoman Esther Wanjiru said the soldiers fought al-Shabaab near Kolbio.",
        # the speaker is a guess ("the group"), so nothing is asserted
        "The Southern Protection Force said it held Murzuq. The group's commander, Hassan "
        "Kallay, said his men were fighting in coordination with the Murzuq Martyrs Brigade.",
    ],
)
def test_no_own_side_alliance_without_a_named_speaker_and_an_own_side_noun(
    nlp, text: str
) -> None:
    allied = pairs(nlp, text, "alliedWith")
    assert not any("Police" in " ".join(p) or "KDF" in " ".join(p) for p in allied)
    assert not any("Southern Protection Force" in p for p in allied)

"""Names that wire copy shortens or leaves to context: "the army", "Haftar's", "the group's
spokesman", a given name the NER drops, and the cooperation frames around them
("in coordination with", "under the banner of", "working with"). Variations and negatives
written for these tests.
"""

from __future__ import annotations

import pytest

from actorgraph.extractors.article import extract_article
from actorgraph.model import Article
from extracted import facts, pairs


def mentions(nlp, text: str) -> list[tuple[str, str]]:
    return [(m.span.text, m.name) for m in nlp(text)._.ag_mentions]


# -- "the army": the article's country's army ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "army"),
    [
        (
            "KHARTOUM, Sudan — Fighting continued in North Darfur. In a speech, army chief "
            "Abdel Fattah al-Burhan accused the paramilitaries of war crimes.",
            "Abdel Fattah al-Burhan",
            "Sudanese Armed Forces",
        ),
        (
            "BEIRUT, Lebanon — Strikes hit Tyre in southern Lebanon. The army's spokesman, "
            "Colonel Ali Khalil, said troops would deploy south of the Litani.",
            "Ali Khalil",
            "Lebanese Armed Forces",
        ),
        (
            "BEIRUT, Lebanon — Strikes hit Tyre in southern Lebanon. Army commander General "
            "Rodolphe Haykal said the army would deploy.",
            "Rodolphe Haykal",
            "Lebanese Armed Forces",
        ),
    ],
)
def test_the_army_is_the_articles_countrys_army(nlp, text: str, person: str, army: str) -> None:
    assert (person, army) in facts(nlp, text, "affiliatedWith")


def test_the_army_keeps_the_word_among_its_names(nlp) -> None:
    text = "BEIRUT, Lebanon — Strikes hit Tyre in southern Lebanon. The army said it would deploy."
    extraction = extract_article(Article("a", text), nlp(text))
    army = next(e for e in extraction.entities if e.name == "Lebanese Armed Forces")
    assert "army" in army.aliases


@pytest.mark.parametrize(
    "text",
    [
        "BEIRUT, Lebanon — Strikes hit Tyre in southern Lebanon. An army of volunteers formed.",
        "BEIRUT, Lebanon — Strikes hit Tyre in southern Lebanon. The rebel army retreated.",
        "BEIRUT, Lebanon — Strikes hit Tyre in southern Lebanon. Israel's army said so.",
        "Strikes hit a town on Monday. The army said it would deploy.",  # no country
    ],
)
def test_an_army_that_is_not_the_national_one_is_no_mention(nlp, text: str) -> None:
    assert "Lebanese Armed Forces" not in {name for _span, name in mentions(nlp, text)}


# -- people the NER cut short or took for organisations ------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "Khalifa Haftar visited Sabha on Monday. Haftar's Libyan National Army sent in "
            "reinforcements.",
            "Khalifa Haftar",
            "Libyan National Army",
        ),
        (
            "President Paul Biya was re-elected. Biya's Cameroon People's Democratic Movement "
            "won most seats.",
            "Paul Biya",
            "Cameroon People's Democratic Movement",
        ),
        ("Nawaz Sharif's Pakistan Muslim League won.", "Nawaz Sharif", "Pakistan Muslim League"),
    ],
)
def test_a_persons_possessive_before_a_party_or_army_is_its_leader(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert (person, organisation) in facts(nlp, text, "affiliatedWith")


def test_a_surname_that_modifies_a_noun_stays_an_organisation(nlp) -> None:
    text = "Sirajuddin Haqqani spoke on Monday. Haqqani fighters attacked a checkpoint."
    extraction = extract_article(Article("a", text), nlp(text))
    people = {e.name for e in extraction.entities if e.type.value == "Person"}
    assert people == {"Sirajuddin Haqqani"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Los Ardillos, led by Celso Ortega Jiménez, are at war with Los Tlacos.", "Celso Ortega Jiménez"),
        ("The faction headed by Iván Archivaldo Guzmán split.", "Iván Archivaldo Guzmán"),
        ("A group loyal to Eskinder Nega stayed out.", "Eskinder Nega"),
    ],
)
def test_a_given_name_the_ner_left_off_joins_the_name(nlp, text: str, name: str) -> None:
    assert name in {found for _span, found in mentions(nlp, text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("CNEN Radioprotection Director Laercio Vinhas reported by fax.", "Laercio Vinhas"),
        ("Health and Human Services Inspector Richard P. Kusserow said so.", "Richard P. Kusserow"),
    ],
)
def test_an_office_before_a_name_is_no_given_name(nlp, text: str, name: str) -> None:
    assert name in {found for _span, found in mentions(nlp, text)}


# -- "the group's spokesman": the previous sentence's topic ------------------------------


@pytest.mark.parametrize(
    ("text", "person", "group", "not_group"),
    [
        (
            "Al-Shabaab, which is affiliated with al Qaeda, claimed the attack. The group's "
            "spokesman, Ali Mohamud Rage, urged Kenya to withdraw.",
            "Ali Mohamud Rage",
            "Al-Shabaab",
            "Al-Qaeda",
        ),
        (
            "Boko Haram, a rival of the Islamic State West Africa Province, raided a village. "
            "The group's commander, Abubakar Shekau, said more attacks would follow.",
            "Abubakar Shekau",
            "Boko Haram",
            "Islamic State West Africa Province",
        ),
        (
            "The assault was claimed by the Amhara Fano National Force, an umbrella formed when "
            "two Fano commands merged. Its chairman, Zemene Kassie, spoke in a video.",
            "Zemene Kassie",
            "Amhara Fano National Force",
            "Fano",
        ),
    ],
)
def test_a_role_of_the_group_belongs_to_the_previous_sentences_topic(
    nlp, text: str, person: str, group: str, not_group: str
) -> None:
    found = facts(nlp, text, "affiliatedWith")
    assert (person, group) in found
    assert (person, not_group) not in found


# -- cooperation frames -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Ansarul Islam fights in coordination with JNIM in northern Burkina Faso.",
         "Ansarul Islam", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("The Taliban fought the Afghan National Army in concert with the Haqqani Network.",
         "Taliban", "Haqqani network"),
        ("The kidnapping was claimed by the Bui Warriors, a militia that fights under the "
         "banner of the Ambazonia Defence Forces.", "Bui Warriors", "Ambazonia Defence Forces"),
        ("Hezbollah fighters operate under the command of the Islamic Revolutionary Guard "
         "Corps in Syria.", "Hezbollah", "Islamic Revolutionary Guard Corps"),
        ("The Nigerian Army, working with the Civilian Joint Task Force, detained 14 suspects.",
         "Nigerian Army", "Civilian Joint Task Force"),
        ("Hezbollah, which works with the Syrian Arab Army, denied the report.",
         "Hezbollah", "Syrian Arab Army"),
    ],
)
def test_cooperation_frames(nlp, text: str, first: str, second: str) -> None:
    assert frozenset({first, second}) in pairs(nlp, text, "alliedWith")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # the one acted on is no partner of the one who works beside the actor
        ("The Taliban attacked the Afghan National Army, working with al-Qaeda.",
         "Afghan National Army", "Al-Qaeda"),
        ("The Taliban fought the Afghan National Army in coordination with the Haqqani Network.",
         "Afghan National Army", "Haqqani network"),
        # "back" as an adverb backs no one; a name's own word is no cue
        ("The Myanmar National Democratic Alliance Army handed Lashio back to the Tatmadaw.",
         "Myanmar National Democratic Alliance Army", "Tatmadaw"),
        # "on Friday" is a time, not a second side that makes "with" a companion
        ("Rebels of the Front for Change and Concord in Chad clashed with the Chadian National "
         "Army on Friday.", "Front for Change and Concord in Chad", "Chadian National Army"),
    ],
)
def test_no_cooperation_without_a_frame_for_the_pair(nlp, text: str, first: str, second: str) -> None:
    assert frozenset({first, second}) not in pairs(nlp, text, "alliedWith")


def test_a_member_of_an_alliance_is_no_ally_of_whom_another_member_dealt_with(nlp) -> None:
    text = (
        "The TNLA is a member of the Three Brotherhood Alliance, whose Myanmar National "
        "Democratic Alliance Army handed Lashio back to the Tatmadaw in April."
    )
    found = pairs(nlp, text, "alliedWith")
    assert frozenset({"Three Brotherhood Alliance", "Tatmadaw"}) not in found
    assert frozenset({"Ta'ang National Liberation Army", "Three Brotherhood Alliance"}) in found


# -- founding a grouping -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Arakan Army and the MNDAA formed the Three Brotherhood Alliance in 2019.",
            [
                ("Arakan Army", "Three Brotherhood Alliance"),
                ("Arakan Army", "Myanmar National Democratic Alliance Army"),
            ],
        ),
        (
            "The Three Brotherhood Alliance, which the Arakan Army formed with the Ta'ang "
            "National Liberation Army, seized Lashio.",
            [("Three Brotherhood Alliance", "Ta'ang National Liberation Army")],
        ),
    ],
)
def test_founders_of_a_grouping_are_its_members(nlp, text: str, expected) -> None:
    found = pairs(nlp, text, "alliedWith")
    for pair_names in expected:
        assert frozenset(pair_names) in found


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban formed a government with al-Qaeda's blessing.",
        "The Arakan Army attacked the Three Brotherhood Alliance.",
        "The Arakan Army and the Tatmadaw formed a ceasefire committee.",
    ],
)
def test_forming_something_that_is_no_grouping_of_them_is_no_alliance(nlp, text: str) -> None:
    found = pairs(nlp, text, "alliedWith")
    assert not any("Three Brotherhood Alliance" in p or "Al-Qaeda" in p for p in found)
    assert frozenset({"Arakan Army", "Tatmadaw"}) not in found


# -- organisations named after a place ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "Oleh Syniehubov, head of the Kharkiv Regional Military Administration, said three "
            "people were hurt.",
            "Oleh Syniehubov",
            "Kharkiv Regional Military Administration",
        ),
        (
            "Maria Lopez, spokeswoman for the Guerrero Security Coordination Group, confirmed "
            "the deaths.",
            "Maria Lopez",
            "Guerrero Security Coordination Group",
        ),
        ("Kabul Police Chief Ahmad Khan said two officers died.", "Ahmad Khan", "Kabul Police"),
    ],
)
def test_a_place_can_start_an_organisations_name(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert (person, organisation) in facts(nlp, text, "affiliatedWith")


@pytest.mark.parametrize(
    "text",
    ["Helmand Province police arrested two men.", "Kandahar City residents fled the fighting."],
)
def test_a_place_before_a_common_noun_stays_a_place(nlp, text: str) -> None:
    assert all(m.type.value == "Province" for m in nlp(text)._.ag_mentions)


# -- what a group does is no event of the day ---------------------------------------------


def events(nlp, text: str) -> list[str]:
    extraction = extract_article(Article("a", text), nlp(text))
    return [event.trigger for event in extraction.events]


@pytest.mark.parametrize(
    "text",
    [
        "The claim came from the Bui Warriors, a militia that fights under the banner of the "
        "Ambazonia Defence Forces.",
        "The Russian Volunteer Corps, whose members fight the Kremlin's army alongside "
        "Ukrainian forces, issued a statement.",
        "Chérizier said in a video that his men would keep fighting until the council resigned.",
        "A breakaway wing of the 3R has kept fighting since the deal.",
    ],
)
def test_a_description_or_a_promise_of_fighting_is_no_event(nlp, text: str) -> None:
    assert events(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Militants who attacked a checkpoint in Kunduz on Monday were killed.",
        "The Bui Warriors, a militia that attacked a school in Kumbo, released the pupils.",
    ],
)
def test_an_event_told_in_a_relative_clause_in_the_past_is_still_one(nlp, text: str) -> None:
    assert events(nlp, text)


# -- names the gazetteer or the NER split -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Los Ardillos are at war with Los Tlacos, said Roberto Álvarez Heredia, spokesman for "
         "the Guerrero Security Coordination Group.", "Roberto Álvarez Heredia", "Person"),
        ("MILF chairman Murad Ebrahim, who also heads the United Bangsamoro Justice Party, "
         "spoke.", "United Bangsamoro Justice Party", "Organisation"),
    ],
)
def test_a_place_inside_a_name_stays_in_it(nlp, text: str, name: str, kind: str) -> None:
    assert (name, kind) in {(m.span.text, m.type.value) for m in nlp(text)._.ag_mentions}


def test_a_place_after_a_name_with_a_comma_is_a_place(nlp) -> None:
    text = "Taliban fighters attacked Ali Khan in Helmand on Monday."
    assert ("Helmand", "Province") in {(m.span.text, m.type.value) for m in nlp(text)._.ag_mentions}


# -- a country's army, co-agents, frames of joint action ----------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Chad's army contributes troops to the Multinational Joint Task Force.",
         "Chadian National Army", "Multinational Joint Task Force"),
        ("Niger's army fights in concert with the Malian Armed Forces.",
         "Nigerien Armed Forces", "Malian Armed Forces"),
        ("Rwandan troops operate in tandem with the Mozambique Armed Defence Forces.",
         "Rwanda Defence Force", "Armed Forces for the Defence of Mozambique"),
        ("The Islamic Resistance in Iraq, an Iran-aligned alliance of militias, claimed the "
         "strike.", "Islamic Resistance in Iraq", "Iran"),
        ("The District Reserve Guard team was returning from a joint operation with the "
         "Central Reserve Police Force.", "District Reserve Guard", "Central Reserve Police Force"),
    ],
)
def test_joint_action_in_other_words(nlp, text: str, first: str, second: str) -> None:
    assert frozenset({first, second}) in pairs(nlp, text, "alliedWith")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # reciprocal: no common side
        ("The Taliban and ISKP clashed in Nangarhar.", "Taliban", "Islamic State Khorasan Province"),
        # the one attacked is no co-agent
        ("Syrian troops and Hezbollah fighters attacked the Free Syrian Army in Qusayr.",
         "Hezbollah", "Free Syrian Army"),
    ],
)
def test_no_common_side_without_a_shared_act(nlp, text: str, first: str, second: str) -> None:
    assert frozenset({first, second}) not in pairs(nlp, text, "alliedWith")


# -- a group named by its leader, a speaker on its behalf ---------------------------------


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        ("Fighters of the Unity for Peace in Central Africa (UPC) of Ali Darassa attacked Zemio.",
         "Ali Darassa", "Union for Peace in the Central African Republic"),
        ("The coalition brings together the G9 federation of Jimmy Chérizier and two gangs.",
         "Jimmy Chérizier", "G9 Family and Allies"),
        ("The Taliban accused the Afghan government of Ashraf Ghani of corruption.",
         "Ashraf Ghani", "Government of Afghanistan"),
        ("Colonel Moussa Haroun Tirgo, speaking on behalf of the Chadian army, said the "
         "attackers belonged to Boko Haram.", "Moussa Haroun Tirgo", "Chadian National Army"),
        ("Ahmad Zia said on behalf of the Taliban that talks would resume.", "Ahmad Zia", "Taliban"),
    ],
)
def test_a_leader_or_a_speaker_named_beside_the_group(
    nlp, text: str, person: str, organisation: str
) -> None:
    assert (person, organisation) in facts(nlp, text, "affiliatedWith")


@pytest.mark.parametrize(
    "text",
    [
        "The killing of Ahmad Khan by the Taliban shocked residents.",
        "The Taliban demanded the release of Ahmad Khan from prison.",
        "Ahmad Zia, who spoke to the Taliban on behalf of the elders, left.",
    ],
)
def test_a_victim_or_a_go_between_is_no_member(nlp, text: str) -> None:
    assert not facts(nlp, text, "affiliatedWith")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anatomist Jeffrey Laitman of Mount Sinai disputed the findings.", "Jeffrey Laitman"),
        ("The deputy commander of the Pacific Fleet, Vice Igor Khmelnov, is in charge.",
         "Igor Khmelnov"),
        ("The study by Anthropologist Dean Falk was published.", "Dean Falk"),
    ],
)
def test_a_capitalised_occupation_or_first_word_is_no_given_name(nlp, text: str, name: str) -> None:
    assert name in {found for _span, found in mentions(nlp, text)}


# -- words that look like events or cues and are not --------------------------------------


def test_allied_misparsed_as_a_verb_makes_no_enemy_an_ally(nlp) -> None:
    text = (
        "GOMA, Democratic Republic of Congo — M23 rebels clashed with Congolese troops and "
        "allied Wazalendo militias around Kamanyola on Wednesday as the Rwandan-backed group "
        "pushed south."
    )
    assert not any("Wazalendo" in " ".join(p) for p in pairs(nlp, text, "alliedWith"))


@pytest.mark.parametrize(
    "text",
    [
        "Fighting broke out in Helmand on Monday. The Taliban had attacked the town in 2019.",
        "Gunmen stormed a bank in Kandahar on Sunday. The bank's owner was killed in May 2020.",
        "A spokesman for the Internal Security Operations Command in Yala blamed the BRN.",
        "Minawi called on aid agencies to airdrop food into the besieged city of El Fasher.",
    ],
)
def test_another_time_a_name_or_a_state_is_no_event(nlp, text: str) -> None:
    triggers = events(nlp, text)
    assert not ({"attacked", "killed", "Operations", "besieged"} & set(triggers))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("In March 2021, gunmen stormed a school in Kaduna state.", "stormed"),
        ("Gunmen attacked a village in Zamfara state in March 2021.", "attacked"),
        ("Militants attacked a checkpoint in Kunduz province on 9 May.", "attacked"),
    ],
)
def test_a_report_dated_only_by_its_month_keeps_its_event(nlp, text: str, trigger: str) -> None:
    assert trigger in events(nlp, text)

"""Who is on whose side: fights "alongside" that the parse hangs on the enemy, cues that
belong to a third organisation, bonds that are over, and groups that broke with their
partners. Each rule comes with variations and negatives written for these tests.
"""

from __future__ import annotations

import pytest

from actorgraph.extractors.article import extract_article
from actorgraph.model import Article


def pairs(nlp, text: str, predicate: str) -> set[frozenset[str]]:
    """The organisation pairs of ``predicate`` (by entity name) the text yields."""
    extraction = extract_article(Article("a", text), nlp(text))
    names = {entity.id: entity.name for entity in extraction.entities}
    return {
        frozenset({names[f.subject], names[f.object]})
        for f in extraction.facts
        if f.predicate.value == predicate
    }


def allied(nlp, text: str) -> set[frozenset[str]]:
    return pairs(nlp, text, "alliedWith")


def pair(*names: str) -> frozenset[str]:
    return frozenset(names)


# -- "A, fighting B alongside C": C is with A ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Rapid Support Forces shelled the camp. The Sudanese Armed Forces, fighting the "
        "paramilitary group alongside the Joint Forces, said they had repelled the assault.",
        "The Sudanese Armed Forces, fighting the Rapid Support Forces alongside the Joint "
        "Forces, held the city.",
        "Macawisley militias, which fight al-Shabaab alongside the Somali National Army, "
        "recaptured the town.",
    ],
)
def test_the_enemy_is_not_allied_with_who_fights_beside_its_foe(nlp, text: str) -> None:
    found = allied(nlp, text)
    assert pair("Rapid Support Forces", "Joint Forces") not in found
    assert pair("Al-Shabaab", "Somali National Army") not in found


def test_fighting_beside_each_other_is_still_an_alliance(nlp) -> None:
    text = (
        "Macawisley militias, which fight al-Shabaab alongside the Somali National Army, "
        "recaptured the town."
    )
    assert pair("Macawisley", "Somali National Army") in allied(nlp, text)


# -- a cue that belongs to a third organisation -----------------------------------------


@pytest.mark.parametrize(
    ("text", "not_allied", "allied_pair"),
    [
        (
            "ISWAP, which pledged allegiance to the Islamic State in 2015, split from Boko "
            "Haram a year later.",
            pair("Islamic State", "Boko Haram"),
            pair("Islamic State West Africa Province", "Islamic State"),
        ),
        (
            "Al-Shabaab, which pledged allegiance to al-Qaeda in 2012, attacked an AMISOM base.",
            pair("Al-Qaeda", "African Union Mission in Somalia"),
            pair("Al-Shabaab", "Al-Qaeda"),
        ),
    ],
)
def test_a_pledge_is_the_pledgers(nlp, text, not_allied, allied_pair) -> None:
    found = allied(nlp, text)
    assert not_allied not in found
    assert allied_pair in found


def test_conjuncts_share_the_cue(nlp) -> None:
    text = "Hamas and Palestinian Islamic Jihad are allied with Hezbollah."
    found = allied(nlp, text)
    assert pair("Palestinian Islamic Jihad", "Hezbollah") in found
    assert pair("Hamas", "Hezbollah") in found


# -- bonds that are over ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hayat Tahrir al-Sham was once al-Qaeda's Syrian branch.",
        "As Jabhat al-Nusra, it had severed relations with al-Qaeda in 2016.",
        "Hayat Tahrir al-Sham cut its ties with al-Qaeda in 2016.",
        "Hayat Tahrir al-Sham, formerly an affiliate of al-Qaeda, runs Idlib.",
    ],
)
def test_an_ended_bond_is_no_alliance(nlp, text: str) -> None:
    assert not allied(nlp, text)


def test_a_current_branch_is_an_alliance(nlp) -> None:
    assert allied(nlp, "Jabhat al-Nusra is al-Qaeda's Syrian branch.")


# -- broke with its partners, later in the article -------------------------------------


@pytest.mark.parametrize(
    "ending",
    [
        "The MNDAA has since broken with its partners and signed a truce with the military.",
        "The MNDAA later quit the alliance.",
        "The MNDAA split from its allies in January.",
    ],
)
def test_breaking_with_partners_ends_the_groups_alliances(nlp, ending: str) -> None:
    text = f"The Arakan Army and the MNDAA formed the Three Brotherhood Alliance. {ending}"
    found = allied(nlp, text)
    assert not any("Myanmar National Democratic Alliance Army" in p for p in found)
    assert pair("Arakan Army", "Three Brotherhood Alliance") in found


def test_breaking_with_something_else_ends_nothing(nlp) -> None:
    text = (
        "The Arakan Army and the MNDAA formed the Three Brotherhood Alliance. "
        "The MNDAA broke with tradition and named a new commander."
    )
    assert any("Myanmar National Democratic Alliance Army" in p for p in allied(nlp, text))


# -- a hostile verb between them, the joint word off to the side ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Russian Volunteer Corps, made up of Russian nationals who fight the Kremlin's "
        "army alongside Ukrainian forces, said its fighters had helped plan the raid.",
        "Macawisley militias, which fight al-Shabaab's fighters alongside the Somali "
        "National Army, retook the town.",
    ],
)
def test_who_fights_an_army_is_not_its_ally(nlp, text: str) -> None:
    for found in allied(nlp, text):
        assert not {"Kremlin", "Al-Shabaab"} & found


# -- a coalition of its members -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Joint Forces, a coalition of the Sudan Liberation Movement and smaller "
            "factions, defended El Fasher.",
            pair("Joint Forces", "Sudan Liberation Movement"),
        ),
        (
            "The Three Brotherhood Alliance, an alliance of the Arakan Army and two other "
            "groups, launched an offensive.",
            pair("Three Brotherhood Alliance", "Arakan Army"),
        ),
    ],
)
def test_a_coalition_of_members(nlp, text: str, expected: frozenset[str]) -> None:
    assert expected in allied(nlp, text)


def test_a_coalition_against_someone_is_not_with_them(nlp) -> None:
    text = "The coalition of Arab states launched airstrikes against the Houthis."
    assert not any("Houthis" in p for p in allied(nlp, text))


# -- numbered units keep their number -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The 444 Combat Brigade said it had moved armoured vehicles.", "444 Combat Brigade"),
        ("The 33rd Front is part of the Estado Mayor Central.", "33rd Front"),
        ("Fighters of the 215 Maiwand Corps held the bridge.", "215 Maiwand Corps"),
    ],
)
def test_a_units_number_is_part_of_its_name(nlp, text: str, name: str) -> None:
    extraction = extract_article(Article("a", text), nlp(text))
    assert name in {e.name for e in extraction.entities}


@pytest.mark.parametrize(
    "text", ["Three Brigades of the army attacked.", "In 2015 Brigade commanders met."]
)
def test_a_count_or_a_year_is_no_units_number(nlp, text: str) -> None:
    extraction = extract_article(Article("a", text), nlp(text))
    assert not any(e.name[0].isdigit() or e.name.startswith("Three") for e in extraction.entities)


# -- "X and allied Y" ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Syrian government forces and allied Hezbollah fighters captured the town.",
            pair("Syrian Arab Army", "Hezbollah"),
        ),
        (
            "The Sudanese Armed Forces and allied Joint Forces repelled the RSF.",
            pair("Sudanese Armed Forces", "Joint Forces"),
        ),
    ],
)
def test_a_conjunct_called_allied(nlp, text: str, expected: frozenset[str]) -> None:
    assert expected in allied(nlp, text)


def test_a_conjunct_called_rival_is_no_ally(nlp) -> None:
    text = "The Sudanese Armed Forces and rival Joint Forces units both claimed the town."
    assert pair("Sudanese Armed Forces", "Joint Forces") not in allied(nlp, text)


# -- "X arrested Z in a joint operation with Y": Y is with X, not with Z -----------------


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        (
            "The Colombian Army arrested an ELN commander in a joint operation with the "
            "National Police.",
            ("Military Forces of Colombia", "National Police"),
        ),
        (
            "The Syrian Democratic Forces, in a joint operation with the US-led coalition, "
            "detained an Islamic State leader.",
            ("Syrian Democratic Forces", "Global Coalition to Defeat ISIS"),
        ),
        (
            "Kenyan police seized weapons from al-Shabaab in a joint operation with the Somali "
            "National Army near Kismayo.",
            ("Kenya Police Service", "Somali National Army"),
        ),
        (
            "During a joint operation with the Civilian Joint Task Force, the Nigerian Army "
            "captured a Boko Haram camp.",
            ("Civilian Joint Task Force", "Nigerian Army"),
        ),
        (
            "Hezbollah said it had shelled Israeli positions, in a joint operation with Hamas.",
            ("Hezbollah", "Hamas"),
        ),
        (
            "The Iraqi Army said on Monday that it had cleared three villages in a joint "
            "operation with the Peshmerga.",
            ("Iraqi Army", "Peshmerga"),
        ),
    ],
)
def test_a_partner_in_a_joint_operation_is_an_ally(nlp, text: str, partners) -> None:
    assert pair(*partners) in allied(nlp, text)


COLOMBIA_POLICE = pair("Military Forces of Colombia", "National Police")


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        # the one acted on and the partner are no allies
        (
            "Kenyan police seized weapons from al-Shabaab in a joint operation with the Somali "
            "National Army near Kismayo.",
            {pair("Kenya Police Service", "Somali National Army")},
        ),
        (
            "The Colombian Army arrested an ELN commander in a joint operation with the "
            "National Police.",
            {COLOMBIA_POLICE},
        ),
        (
            "The Syrian Democratic Forces, in a joint operation with the US-led coalition, "
            "detained an Islamic State leader.",
            {pair("Syrian Democratic Forces", "Global Coalition to Defeat ISIS")},
        ),
        # the partner of an attack on the group is not the group's ally
        (
            "Kenyan troops launched a combined raid with the Somali National Army on an "
            "al-Shabaab base.",
            {pair("Kenya Defence Forces", "Somali National Army")},
        ),
        # the speaker reports another's joint operation: the speaker is in neither side
        (
            "The Iraqi Army said the Peshmerga had cleared three villages in a joint operation "
            "with the Popular Mobilization Forces.",
            {pair("Peshmerga", "Popular Mobilisation Forces")},
        ),
        # the one arrested is not in the operation
        (
            "The Colombian Army arrested a National Police officer in a joint operation with "
            "prosecutors.",
            set(),
        ),
        # without a word of joint action, a hostile act says nothing of who helped
        (
            "The Colombian Army arrested an ELN commander in an operation with the National "
            "Police watching.",
            set(),
        ),
    ],
)
def test_who_is_acted_on_in_a_joint_operation_is_no_ally(nlp, text: str, allowed) -> None:
    assert allied(nlp, text) <= allowed


# -- what the subject is, its main verb does not take back ----------------------------


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "The Popular Mobilisation Forces, an umbrella of militias that includes Kataib "
            "Hezbollah, denied the report.",
            ("Popular Mobilisation Forces", "Kata'ib Hezbollah"),
        ),
        (
            "The Southern Alliance, a bloc of armed groups that includes the Hadrami Elite "
            "Forces, rejected the ceasefire.",
            ("Southern Alliance", "Hadrami Elite Forces"),
        ),
    ],
)
def test_a_description_of_the_subject_survives_its_denial_verb(nlp, text: str, members) -> None:
    assert pair(*members) in allied(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Hamas denied ties with Hezbollah.",
        "The Taliban denied that the Haqqani network is allied with al-Qaeda.",
        "The Taliban denied that the Haqqani network, a group that includes foreign fighters, "
        "is allied with al-Qaeda.",
    ],
)
def test_what_is_denied_stays_denied(nlp, text: str) -> None:
    found = allied(nlp, text)
    assert pair("Hamas", "Hezbollah") not in found
    assert not any("Al-Qaeda" in names or "al-Qaeda" in names for names in found)

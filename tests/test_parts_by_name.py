"""Members and parts named by a noun: "another JNIM member, X", "X, whose main component
is Y", "the backbone of X is Y".

A noun of membership or of a part ("member", "component", "wing", "backbone") that one
organisation's name modifies, in apposition to the other, makes it a part of the first,
either way round. A copula whose subject is such a noun, owned by one side through
"whose", a possessive or "of", says the other side is that part. Rivals, enemies and
spokesmen so named are no parts, and a part denied ("was never") is none.
"""

from __future__ import annotations

import pytest
from tests.extracted import has_pair_named, pairs

from actorgraph.gazetteers.organisations import load_organisations

MEMBERS_IN_APPOSITION = [
    pytest.param(
        "A fellow JNIM member, Katiba Macina, claimed the attack on the army post.",
        ("Katiba Macina", "Jama'at Nusrat al-Islam wal-Muslimin"),
        id="member noun before the name",
    ),
    pytest.param(
        "Another CPC member, the Popular Front for the Renaissance of Central Africa "
        "(FPRC), attacked Bria on Monday.",
        ("Popular Front for the Renaissance of Central Africa", "Coalition of Patriots"),
        id="another member, before",
    ),
    pytest.param(
        "The FPRC, a CPC member, attacked an army post near Bria on Monday.",
        ("Popular Front for the Renaissance of Central Africa", "Coalition of Patriots"),
        id="member noun after the name",
    ),
    pytest.param(
        "Katiba Macina, a JNIM component, claimed the attack.",
        ("Katiba Macina", "Jama'at Nusrat al-Islam wal-Muslimin"),
        id="component noun after the name",
    ),
]


@pytest.mark.parametrize(("text", "pair"), MEMBERS_IN_APPOSITION)
def test_a_member_noun_in_apposition_names_a_member(nlp, text, pair):
    assert has_pair_named(pairs(nlp, text, "alliedWith"), *pair)


PARTS_BY_COPULA = [
    pytest.param(
        "The Kurdish-led SDF, whose main component is the People's Protection Units (YPG), "
        "denied the report.",
        id="whose main component is",
    ),
    pytest.param(
        "The SDF, a Kurdish-led force whose main component is the People's Protection Units "
        "(YPG), has been the main partner of the coalition.",
        id="a noun in apposition, whose main component is",
    ),
    pytest.param(
        "The SDF's backbone is the People's Protection Units (YPG), officials said.",
        id="possessive backbone",
    ),
    pytest.param(
        "The backbone of the SDF is the People's Protection Units (YPG), officials said.",
        id="the backbone of",
    ),
    pytest.param(
        "The People's Protection Units (YPG) are the backbone of the SDF, officials said.",
        id="are the backbone of",
    ),
]


@pytest.mark.parametrize("text", PARTS_BY_COPULA)
def test_a_copula_naming_a_part_makes_it_allied(nlp, text):
    found = pairs(nlp, text, "alliedWith")
    assert has_pair_named(found, "Syrian Democratic Forces", "People's Protection Units")


NO_PARTS = [
    "The SDF, whose main rival is the Syrian National Army, denied the report.",
    "The SDF, a Kurdish-led force whose main rival is the Syrian National Army, denied it.",
    "The SDF's main enemy is the Syrian National Army, officials said.",
    "The SDF, whose backbone was never the Syrian National Army, denied the report.",
    "The SNA, a former SDF member, attacked Manbij on Monday.",
]


@pytest.mark.parametrize("text", NO_PARTS)
def test_rivals_denied_and_former_parts_are_no_allies(nlp, text):
    found = pairs(nlp, text, "alliedWith")
    assert not has_pair_named(found, "Syrian Democratic Forces", "Syrian National Army")


def test_cpc_is_the_central_african_coalition_and_ccp_china_s_party():
    # conflict news writes "CPC" for the Coalition of Patriots for Change; China's party
    # is "CCP" there, and keeps its full names
    organisations = load_organisations()
    assert organisations.lookup("CPC").key == "coalition-of-patriots-for-change"
    assert organisations.lookup("CCP").key == "chinese-communist-party"
    assert organisations.lookup("Communist Party of China").key == "chinese-communist-party"

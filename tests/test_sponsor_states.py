"""A country that backs a group is an organisation in that sentence ("backed by Rwanda",
"the Rwandan-backed M23"), allied with the group it backs; a country named as a place,
or a people ("Afghan officials"), is not. Variations and negatives written for this test.
"""

from __future__ import annotations

import pytest
from tests.test_alliance_sides import allied, pair

from actorgraph.extractors.article import extract_article
from actorgraph.model import Article


def organisations(nlp, text: str) -> set[str]:
    extraction = extract_article(Article("a", text), nlp(text))
    return {e.name for e in extraction.entities if e.type.value == "Organisation"}


@pytest.mark.parametrize(
    ("text", "sponsored"),
    [
        ("M23 rebels, backed by Rwanda, seized the town of Sake.", ("Rwanda", "March 23 Movement")),
        ("The Rwandan-backed M23 seized the town of Sake.", ("Rwanda", "March 23 Movement")),
        ("Iran-backed Houthi rebels fired missiles at ships in the Red Sea.", ("Iran", "Houthis")),
        ("The Syrian National Army is backed by Turkey.", ("Turkey", "Syrian National Army")),
        ("Hamas, which is funded by Iran, fired rockets at Israel.", ("Iran", "Hamas")),
        ("The Wagner Group, financed by Russia, guarded the mines.", ("Russia", "Wagner Group")),
        (
            "The Giants Brigades, backed by the United Arab Emirates, fought al-Qaeda.",
            ("United Arab Emirates", "Giants Brigades"),
        ),
    ],
)
def test_a_backing_country_is_allied_with_the_group_it_backs(nlp, text: str, sponsored) -> None:
    assert pair(*sponsored) in allied(nlp, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Fighting in Syria killed ten members of the Syrian National Army.", "Syria"),
        ("Rwandan troops crossed the border near Goma.", "Rwanda"),
        ("Refugees from Rwanda were supported by the United Nations.", "Rwanda"),
        ("The ceasefire is supported by Afghan officials.", "Afghanistan"),
        ("The plan was backed by Kabul.", "Kabul"),
        ("Turkey's army shelled Kurdish positions near Kobani.", "Turkey"),
    ],
)
def test_a_country_named_as_a_place_stays_a_place(nlp, text: str, place: str) -> None:
    assert place not in organisations(nlp, text)
    assert not {name for found in allied(nlp, text) for name in found} & {place}


@pytest.mark.parametrize(
    "text",
    [
        "M23 rebels clashed with Congolese troops and allied Wazalendo militias as the "
        "Rwandan-backed group pushed south.",
        "The Iran-backed militia said it would retaliate.",
    ],
)
def test_a_backed_description_is_no_sponsored_name(nlp, text: str) -> None:
    countries = {"Rwanda", "Iran"}
    assert not {name for found in allied(nlp, text) for name in found} & countries


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (
            "Hamas, the Iran-backed Palestinian group, said the men belonged to its Qassam "
            "Brigades.",
            "Qassam Brigades",
        ),
        (
            "The Houthis, backed by Iran, said the missile was fired by its navy unit, the "
            "Coastal Defence Forces.",
            "Coastal Defence Forces",
        ),
    ],
)
def test_its_never_stands_for_the_backing_country(nlp, text: str, unit: str) -> None:
    found = allied(nlp, text)
    assert not any(unit in names and "Iran" in names for names in found)

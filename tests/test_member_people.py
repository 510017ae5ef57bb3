"""An organisation's people said to be part of an umbrella: the organisation is in it.

"Nigerian Army troops, also part of the MNJTF" puts the army in the task force, as
"the Nigerian Army, also part of the MNJTF" does. Variations and negatives are written
for these tests.
"""

from __future__ import annotations

import pytest
from tests.extracted import has_pair_named, pairs


@pytest.mark.parametrize(
    ("text", "member", "umbrella"),
    [
        (
            "Nigerian Army troops, also part of the MNJTF, sealed off crossings on their side "
            "of the lake.",
            "Nigerian Army",
            "Multinational Joint Task Force",
        ),
        (
            "UPDF soldiers, part of AUSSOM, repelled an al-Shabaab attack near Baraawe.",
            "Uganda People's Defence Force",
            "African Union Mission in Somalia",
        ),
        (
            "Wagner Group fighters, now part of the Africa Corps, left Bamako on Friday.",
            "Wagner Group",
            "Africa Corps",
        ),
        (
            "Hezbollah fighters, also part of the Axis of Resistance, fired rockets.",
            "Hezbollah",
            "Axis of Resistance",
        ),
    ],
)
def test_an_organisation_s_people_in_an_umbrella(nlp, text, member, umbrella) -> None:
    assert has_pair_named(pairs(nlp, text, "alliedWith"), member, umbrella)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Boko Haram fighters, part of a column that attacked the MNJTF base, fled into "
            "the forest.",
            "Boko Haram",
            "Multinational Joint Task Force",
        ),
        (
            "Nigerian Army troops, fighting Boko Haram, sealed off crossings near the MNJTF "
            "base.",
            "Nigerian Army",
            "Boko Haram",
        ),
    ],
)
def test_people_in_something_else_make_no_member(nlp, text, first, second) -> None:
    assert not has_pair_named(pairs(nlp, text, "alliedWith"), first, second)

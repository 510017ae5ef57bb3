"""Partners named through a raising verb: "X is believed to work with Y".

The subject of "believed", "said", "continues" is the subject of the infinitive after it,
so X is the one that works with Y. A verb that refuses or asks ("refused to work with",
"was asked to work with") and a negated one state no partnership.
"""

from __future__ import annotations

import pytest
from tests.extracted import has_pair_named, pairs

CHONEROS, SINALOA = "Los Choneros", "Sinaloa Cartel"


@pytest.mark.parametrize(
    "text",
    [
        "Los Choneros is believed to work with the Sinaloa Cartel.",
        "Los Choneros continues to work with the Sinaloa Cartel, officials said.",
        "Los Choneros is said to be working with the Sinaloa Cartel.",
    ],
)
def test_a_raising_verb_passes_its_subject_on(nlp, text):
    assert has_pair_named(pairs(nlp, text, "alliedWith"), CHONEROS, SINALOA)


@pytest.mark.parametrize(
    "text",
    [
        "Los Choneros refused to work with the Sinaloa Cartel.",
        "Los Choneros was asked to work with the Sinaloa Cartel.",
        "Los Choneros is not believed to work with the Sinaloa Cartel.",
    ],
)
def test_refusing_asking_or_denying_states_no_partnership(nlp, text):
    assert not has_pair_named(pairs(nlp, text, "alliedWith"), CHONEROS, SINALOA)

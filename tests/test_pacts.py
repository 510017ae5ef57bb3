"""A pact makes allies, unless it is a truce between enemies, or denied or ruled out."""

from __future__ import annotations

import pytest
from tests.extracted import has_pair_named, pairs

CHAPITOS, CJNG = "Chapitos", "Jalisco New Generation Cartel"


@pytest.mark.parametrize(
    "text",
    [
        "Los Chapitos made a pact with the Jalisco New Generation Cartel.",
        "Mexican officials say the Chapitos have since made a pact with the Jalisco New "
        "Generation Cartel (CJNG), their former enemy, to obtain weapons.",
        "Los Chapitos and the Jalisco New Generation Cartel sealed a pact to share "
        "smuggling routes.",
    ],
)
def test_a_pact_makes_allies(nlp, text):
    assert has_pair_named(pairs(nlp, text, "alliedWith"), CHAPITOS, CJNG)


@pytest.mark.parametrize(
    "text",
    [
        "Los Chapitos signed a non-aggression pact with the Jalisco New Generation Cartel.",
        "Los Chapitos agreed a ceasefire pact with the Jalisco New Generation Cartel.",
        "Los Chapitos denied any pact with the Jalisco New Generation Cartel.",
        "Los Chapitos, which is led by Ivan Guzman, has ruled out any pact with the Jalisco "
        "New Generation Cartel.",
        "Los Chapitos ruled out an alliance with the Jalisco New Generation Cartel.",
    ],
)
def test_a_truce_or_a_denied_pact_makes_none(nlp, text):
    assert not has_pair_named(pairs(nlp, text, "alliedWith"), CHAPITOS, CJNG)

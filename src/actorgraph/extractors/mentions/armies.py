""""The army": the article's own country's armed forces, named by a common noun.

Wire copy names a country's army once ("the Lebanese army") and then writes "the army",
"the army's commander", "army chief X", "the military said". Those words are a mention of
that army when the article's country is known and the curated directory holds one
national army for it; elsewhere ("an army of volunteers", "the rebel army") they stay
common nouns. A country's possessive names its army wherever it stands: "Chad's army",
"Niger's military".

>>> sorted(NATIONAL_FORCE_WORDS)
['army', 'military']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from actorgraph.extractors.syntax import tokens_written
from actorgraph.gazetteers.organisations import KnownOrganisation

#: The common nouns that stand for a country's armed forces.
NATIONAL_FORCE_WORDS = frozenset({"army", "military"})
#: "Lebanese army", "Chadian armed forces": an alias that names a country's whole army.
_NATIONAL_ALIAS = re.compile(r"^(?P<country>[\w'’-]+) (?:army|armed forces|military)$", re.I)
#: Words before the noun that make it someone's particular army, not the national one.
_OTHER_ARMY_WORDS = frozenset(
    {"rebel", "private", "volunteer", "militia", "guerrilla", "insurgent", "jihadist", "an", "a"}
)


def national_armies(
    organisations: Iterable[KnownOrganisation], country_code: Callable[[str], str | None]
) -> dict[str, KnownOrganisation]:
    """Country code -> the one curated state force whose aliases name it "<demonym> army".

    A country with two such entries (an army and a wider defence force both called so)
    gets none: the common noun could be either.
    """
    found: dict[str, set[str]] = {}
    by_key: dict[str, KnownOrganisation] = {}
    for organisation in organisations:
        if organisation.kind != "state_force" or organisation.country is None:
            continue
        for surface in organisation.surface_forms:
            match = _NATIONAL_ALIAS.match(surface)
            if match and country_code(match["country"]) == organisation.country:
                found.setdefault(organisation.country, set()).add(organisation.key)
                by_key[organisation.key] = organisation
    return {code: by_key[next(iter(keys))] for code, keys in found.items() if len(keys) == 1}


def army_nouns(doc: Doc, taken: set[int]) -> list[Span]:
    """The spans "army" / "military" that stand for a definite national army: "the army",
    "the army's", "army chief", "the military said"; ``taken`` holds tokens already named."""
    spans = []
    for token in tokens_written(doc, NATIONAL_FORCE_WORDS, lower=True):
        if token.i in taken or token.ent_type_:
            continue
        if not _is_national_force_noun(token):
            continue
        start = token.i - 1 if token.i > 0 and doc[token.i - 1].lower_ == "the" else token.i
        spans.append(doc[start : token.i + 1])
    return spans


def possessed_armies(
    doc: Doc, taken: set[int], country_code: Callable[[str], str | None]
) -> list[tuple[Span, str]]:
    """(span, country code) for "Chad's army", "Niger's military": a country's possessive
    before the noun."""
    found = []
    for token in tokens_written(doc, NATIONAL_FORCE_WORDS, lower=True):
        if token.i in taken or token.pos_ != "NOUN":
            continue
        owners = [c for c in token.children if c.dep_ == "poss" and c.ent_type_ == "GPE"]
        if len(owners) != 1 or owners[0].i in taken:
            continue
        code = country_code(owners[0].text)
        if code is not None:
            found.append((doc[owners[0].left_edge.i : token.i + 1], code))
    return found


def _is_national_force_noun(token: Token) -> bool:
    if token.lower_ not in NATIONAL_FORCE_WORDS or token.pos_ not in ("NOUN", "PROPN"):
        return False
    lefts = [t.lower_ for t in token.lefts]
    if any(word in _OTHER_ARMY_WORDS for word in lefts) or any(
        t.dep_ in ("amod", "compound", "poss", "nmod") and t.lower_ != "the" for t in token.lefts
    ):
        return False  # "an army of volunteers", "Russia's army", "the rebel army"
    if "the" in lefts:
        return True  # "the army", "the army's commander"
    # "army chief X", "army spokesman X": a compound before a role word
    return token.dep_ == "compound" and token.head.pos_ == "NOUN"

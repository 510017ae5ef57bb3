"""Alliance polarity: every pair of organisations is cooperating, opposing, ended, denied,
hypothetical or unrelated before anything is asserted, and only cooperating pairs are allied.

Each pattern is tried with other groups, other countries and other word orders, next to a
negative case. The sentences are the project's own.
"""

from __future__ import annotations

import pytest

from actorgraph.extractors.alliance import Polarity
from actorgraph.extractors.article import extract_article
from actorgraph.model import Article, ArticleExtraction
from actorgraph.ontology import Relation

Pair = frozenset[str]


def run(nlp, text: str) -> ArticleExtraction:
    return extract_article(Article(id="polarity.txt", text=text), nlp(text))


def pairs(extraction: ArticleExtraction, predicate: Relation) -> set[Pair]:
    names = {entity.id: entity.name.casefold() for entity in extraction.entities}
    return {
        frozenset((names[f.subject], names[f.object]))
        for f in extraction.facts
        if f.predicate is predicate
    }


def has_pair(found: set[Pair], first: str, second: str) -> bool:
    """Whether a pair matches both fragments of names (case-folded)."""
    a, b = first.casefold(), second.casefold()
    return any(
        any(a in x for x in pair) and any(b in y for y in pair) and len(pair) == 2 for pair in found
    )


def readings(nlp, text: str) -> dict[Pair, Polarity]:
    doc = nlp(text)
    return {
        frozenset((r.first.referent.name.casefold(), r.second.referent.name.casefold())): (
            r.polarity
        )
        for r in doc._.ag_pair_readings
    }


def polarity_of(found: dict[Pair, Polarity], first: str, second: str) -> Polarity | None:
    a, b = first.casefold(), second.casefold()
    for pair, polarity in found.items():
        names = sorted(pair)
        if len(names) == 2 and (
            (a in names[0] and b in names[1]) or (a in names[1] and b in names[0])
        ):
            return polarity
    return None


# -- "A fights B alongside C": A and C against B ------------------------------------------

FIGHTS_ALONGSIDE = [
    (
        "The Taliban fought the Islamic State alongside the Haqqani network in Nangarhar.",
        "Taliban",
        "Islamic State",
        "Haqqani",
    ),
    (
        "In Syria, Hezbollah fights the Islamic State alongside the Syrian Army.",
        "Hezbollah",
        "Islamic State",
        "Syrian",
    ),
    (
        "Alongside the Haqqani network, the Taliban attacked the Afghan Army in Paktia.",
        "Taliban",
        "Afghan",
        "Haqqani",
    ),
    (
        "Hezbollah fought alongside the Syrian Army against the Islamic State.",
        "Hezbollah",
        "Islamic State",
        "Syrian",
    ),
    (
        "Hezbollah fought with the Syrian Army against the Islamic State near Palmyra.",
        "Hezbollah",
        "Islamic State",
        "Syrian",
    ),
    (
        "The Iraqi Army retook Mosul from the Islamic State with help from the US-led coalition.",
        "Iraqi Army",
        "Islamic State",
        "coalition",
    ),
]


@pytest.mark.parametrize(("text", "actor", "enemy", "companion"), FIGHTS_ALONGSIDE)
def test_fighting_alongside_puts_the_companion_against_the_enemy(
    nlp, text: str, actor: str, enemy: str, companion: str
) -> None:
    extraction = run(nlp, text)
    allied, opposed = pairs(extraction, Relation.ALLIED_WITH), pairs(extraction, Relation.OPPOSES)
    assert has_pair(allied, actor, companion), allied
    assert has_pair(opposed, actor, enemy), opposed
    assert has_pair(opposed, companion, enemy), opposed
    assert not has_pair(allied, enemy, actor) and not has_pair(allied, enemy, companion)


# -- opposing: attacks, clashes, rivals, war ----------------------------------------------

OPPOSING = [
    ("The Kurdistan Workers' Party attacked the Islamic State in Sinjar.", "Kurdistan", "Islamic"),
    ("Al-Shabaab militants were attacked by the Islamic State in Puntland.", "Shabaab", "Islamic"),
    ("The Houthis clashed with the Islamic State in Marib.", "Houthi", "Islamic State"),
    (
        "Fighters of the National Liberation Army clashed with FARC dissidents in Arauca.",
        "National Liberation",
        "Revolutionary Armed Forces",
    ),
    ("The Taliban and the Islamic State clashed in Nangarhar province.", "Taliban", "Islamic"),
    ("Clashes between the Houthis and al-Qaeda left ten dead in Abyan.", "Houthi", "Qaeda"),
    ("Fighting broke out between Hamas and Fatah in Gaza.", "Hamas", "Fatah"),
    ("Boko Haram is a rival of the Islamic State West Africa Province.", "Boko", "West Africa"),
    ("Hamas and Fatah have been rivals for years.", "Hamas", "Fatah"),
    ("The Islamic State's rival, the Taliban, took Kabul in 2021.", "Islamic", "Taliban"),
    ("The Taliban are at war with the Islamic State.", "Taliban", "Islamic"),
    ("The Houthis and Al Qaeda have been at war since 2015.", "Houthi", "Qaeda"),
    ("The Houthis launched an offensive against Al Qaeda in Marib.", "Houthi", "Qaeda"),
    ("The Taliban vowed to fight the Islamic State.", "Taliban", "Islamic"),
    (
        "An attack by al-Shabaab on the African Union mission killed four soldiers.",
        "Shabaab",
        "African Union",
    ),
    (
        "Boko Haram's attack on the Multinational Joint Task Force killed ten soldiers.",
        "Boko",
        "Multinational",
    ),
    (
        "Al-Shabaab, which has fought the Somali government since 2006, is an affiliate of "
        "Al Qaeda.",
        "Shabaab",
        "Somali",
    ),
    (
        "The Taliban and the Islamic State fought each other in Kunar province.",
        "Taliban",
        "Islamic",
    ),
]


@pytest.mark.parametrize(("text", "first", "second"), OPPOSING)
def test_enemies_oppose_and_are_never_allied(nlp, text: str, first: str, second: str) -> None:
    extraction = run(nlp, text)
    assert has_pair(pairs(extraction, Relation.OPPOSES), first, second), extraction.facts
    assert not has_pair(pairs(extraction, Relation.ALLIED_WITH), first, second)


def test_opposes_is_symmetric_and_stored_once(nlp) -> None:
    extraction = run(nlp, "The Houthis clashed with the Islamic State in Marib.")
    facts = [f for f in extraction.facts if f.predicate is Relation.OPPOSES]
    assert len(facts) == 1 and facts[0].subject < facts[0].object


CO_AGENTS = [
    ("The Haqqani network and the Taliban attacked the Afghan Army.", "Haqqani", "Taliban"),
    ("The Afghan Army and NATO forces attacked the Taliban in Kunduz.", "Afghan", "NATO"),
    ("The Houthis fought Al Qaeda and the Islamic State in Yemen.", "Qaeda", "Islamic"),
]


@pytest.mark.parametrize(("text", "first", "second"), CO_AGENTS)
def test_two_on_one_side_of_an_attack_are_not_enemies(
    nlp, text: str, first: str, second: str
) -> None:
    extraction = run(nlp, text)
    assert not has_pair(pairs(extraction, Relation.OPPOSES), first, second)
    assert pairs(extraction, Relation.OPPOSES), "the attack itself still opposes two sides"


NOT_OPPOSING = [
    "The United Nations negotiated with the Taliban in Doha.",
    "The European Union sanctioned Hezbollah in 2013.",
    "The Taliban held talks with the Islamic State in Doha.",
    "Hamas and Fatah held reconciliation talks in Cairo.",
    "Reuters reported that Hamas had fired rockets overnight.",
    "The Islamic State and al-Qaeda compete for recruits.",
    "Hezbollah fought with Hamas in 2006.",
    "Forty people were killed, including fighters of the Nusra Front and the Islamic State.",
    "168 were killed, including members of the regime, the Nasra Front and the Islamic State.",
    "Sixty were killed, among them fighting factions and the Islamic State and Jabhat al-Nusra.",
]


@pytest.mark.parametrize("text", NOT_OPPOSING)
def test_dealings_and_reports_are_neither_hostile_nor_allied(nlp, text: str) -> None:
    extraction = run(nlp, text)
    assert pairs(extraction, Relation.OPPOSES) == set()
    assert pairs(extraction, Relation.ALLIED_WITH) == set()


def test_someone_elses_allies_are_not_the_one_attacked(nlp) -> None:
    extraction = run(nlp, "The Islamic State attacked the Taliban's allies in Kunar.")
    assert not has_pair(pairs(extraction, Relation.OPPOSES), "Islamic", "Taliban")


# -- ended: recorded, never asserted --------------------------------------------------------

ENDED = [
    ("Al-Shabaab cut its ties with Al Qaeda in 2019.", "Shabaab", "Qaeda"),
    ("Hezbollah severed ties with Hamas in 2012.", "Hezbollah", "Hamas"),
    ("Hamas broke with Hezbollah over the war in Syria.", "Hamas", "Hezbollah"),
    ("Jabhat al-Nusra broke away from the Islamic State in 2013.", "Nusra", "Islamic"),
    ("Al-Shabaab split from Al Qaeda in 2019.", "Shabaab", "Qaeda"),
    ("Hamas, a former ally of Hezbollah, opened an office in Doha.", "Hamas", "Hezbollah"),
    ("Hezbollah no longer supports Hamas.", "Hezbollah", "Hamas"),
    ("Al Qaeda disowned the Islamic State in 2014.", "Qaeda", "Islamic"),
    ("The Muslim Brotherhood distanced itself from Hamas.", "Brotherhood", "Hamas"),
]


@pytest.mark.parametrize(("text", "first", "second"), ENDED)
def test_ended_alliances_are_kept_but_not_asserted(nlp, text: str, first: str, second: str) -> None:
    assert polarity_of(readings(nlp, text), first, second) is Polarity.ENDED
    assert not has_pair(pairs(run(nlp, text), Relation.ALLIED_WITH), first, second)


def test_a_break_ends_only_the_bond_of_the_one_who_broke(nlp) -> None:
    text = "ISWAP, which broke away from Boko Haram in 2016, attacked a Nigerian Army base."
    found = readings(nlp, text)
    assert polarity_of(found, "ISWAP", "Boko") is Polarity.ENDED
    assert polarity_of(found, "ISWAP", "Nigerian") is Polarity.OPPOSING
    assert polarity_of(found, "Boko", "Nigerian") is Polarity.UNRELATED


# -- denied and hypothetical ----------------------------------------------------------------

TAKEN_BACK = [
    ("The Taliban denied having ties to Al Qaeda.", "Taliban", "Qaeda", Polarity.DENIED),
    ("The Houthis did not attack Al Qaeda in Marib.", "Houthi", "Qaeda", Polarity.DENIED),
    ("The Taliban denied attacking the Islamic State.", "Taliban", "Islamic", Polarity.DENIED),
    (
        "Hamas could ally with Hezbollah, analysts said.",
        "Hamas",
        "Hezbollah",
        Polarity.HYPOTHETICAL,
    ),
    (
        "If the Taliban joined Al Qaeda, the region would change.",
        "Taliban",
        "Qaeda",
        Polarity.HYPOTHETICAL,
    ),
    (
        "Al-Shabaab might attack the Islamic State in Puntland.",
        "Shabaab",
        "Islamic",
        Polarity.HYPOTHETICAL,
    ),
    # the cue off the pair's path: "with JNIM" hangs on the verb, and "link" is denied
    ("The Azawad Liberation Front denied any link with JNIM.", "Azawad", "JNIM", Polarity.DENIED),
    ("Hezbollah denies any cooperation with the Houthis.", "Hezbollah", "Houthi", Polarity.DENIED),
    # a cue under "no"
    (
        "The Arakan Army has no links with the Kachin Independence Army.",
        "Arakan",
        "Kachin",
        Polarity.DENIED,
    ),
    ("Hamas has no alliance with the Islamic State.", "Hamas", "Islamic", Polarity.DENIED),
]

#: The same words, affirmed: still allied.
AFFIRMED_NEAR_DENIALS = [
    ("The Azawad Liberation Front maintains close links with JNIM.", "Azawad", "Nusrat"),
    ("The Arakan Army has close ties with the Kachin Independence Army.", "Arakan", "Kachin"),
    (
        "The Free Syrian Army, which rejected the ceasefire, has an alliance with the "
        "Levant Front.",
        "Free Syrian",
        "Levant",
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "polarity"), TAKEN_BACK)
def test_denied_and_hypothetical_claims_are_not_asserted(
    nlp, text: str, first: str, second: str, polarity: Polarity
) -> None:
    assert polarity_of(readings(nlp, text), first, second) is polarity
    extraction = run(nlp, text)
    assert not has_pair(pairs(extraction, Relation.ALLIED_WITH), first, second)
    assert not has_pair(pairs(extraction, Relation.OPPOSES), first, second)


@pytest.mark.parametrize(("text", "first", "second"), AFFIRMED_NEAR_DENIALS)
def test_a_denial_of_something_else_leaves_the_bond(
    nlp, text: str, first: str, second: str
) -> None:
    assert has_pair(pairs(run(nlp, text), Relation.ALLIED_WITH), first, second)


# -- membership of an umbrella is cooperation ---------------------------------------------

MEMBERSHIP = [
    ("The Haqqani network is part of the Taliban.", "Haqqani", "Taliban"),
    ("Jaish-e-Mohammed is an affiliate of Al Qaeda.", "Jaish", "Qaeda"),
    (
        "Al-Shabaab, a member of the Al Qaeda network, controls much of Jubaland.",
        "Shabaab",
        "Qaeda",
    ),
    (
        "The Kenya Defence Forces are part of the African Union mission in Somalia.",
        "Kenya",
        "African",
    ),
]


@pytest.mark.parametrize(("text", "member", "umbrella"), MEMBERSHIP)
def test_membership_of_an_umbrella_is_cooperation(
    nlp, text: str, member: str, umbrella: str
) -> None:
    assert has_pair(pairs(run(nlp, text), Relation.ALLIED_WITH), member, umbrella)


NOT_MEMBERSHIP = [
    "The Taliban took part in talks with the United States in Doha.",
    "The Afghan Local Police took part in a meeting at the Ministry of Interior.",
]


@pytest.mark.parametrize("text", NOT_MEMBERSHIP)
def test_taking_part_and_state_units_are_no_alliance(nlp, text: str) -> None:
    assert pairs(run(nlp, text), Relation.ALLIED_WITH) == set()


def test_every_pair_is_read_and_kept_on_the_document(nlp) -> None:
    doc = nlp(
        "The Taliban fought the Islamic State alongside the Haqqani network in Nangarhar. "
        "Hezbollah severed ties with Hamas in 2012."
    )
    polarities = sorted(reading.polarity.value for reading in doc._.ag_pair_readings)
    assert polarities == ["cooperating", "ended", "opposing", "opposing"]
    asserted = {relation.predicate for relation in doc._.ag_relations}
    assert asserted == {Relation.ALLIED_WITH, Relation.OPPOSES}


# -- on the map: its own colour, and dashed -----------------------------------------------


def test_opposes_is_drawn_dashed_in_its_own_colour() -> None:
    import networkx as nx

    from actorgraph.maps import render_html
    from actorgraph.maps.data import edge_record
    from actorgraph.maps.style import RELATION_STYLES, SYMMETRIC_RELATIONS, relation_style

    style = relation_style(Relation.OPPOSES.value)
    others = [s.colour for name, s in RELATION_STYLES.items() if name != Relation.OPPOSES.value]
    assert style.dashed and style.colour not in others
    assert not relation_style(Relation.ALLIED_WITH.value).dashed
    assert Relation.OPPOSES.value in SYMMETRIC_RELATIONS
    record = edge_record(1, {"predicate": "opposes", "support": 1})
    assert record["dashes"] is True and record["arrows"] == "to, from"
    graph = nx.MultiDiGraph()
    graph.add_node("a", type="Organisation", label="Taliban")
    graph.add_node("b", type="Organisation", label="Islamic State")
    graph.add_edge("a", "b", key="opposes", predicate="opposes", support=1)
    page = render_html(graph)
    assert f'stroke="{style.colour}" stroke-width="3" stroke-dasharray' in page

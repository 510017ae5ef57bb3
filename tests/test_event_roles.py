"""Event roles: who carried an event out (``perpetrator``) and who was its target (``target``),
including claims and attributions in later sentences; and the new terms (``perpetrator``,
``target``, ``opposes``) in RDF, SHACL and the ISAF scorer.

Each pattern is tried with other groups, other countries and other phrasings, next to a
negative case. The sentences are the project's own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from actorgraph import KnowledgeGraph
from actorgraph.evaluation import score_isaf
from actorgraph.extractors.article import extract_article
from actorgraph.graph.shacl import validate_graph
from actorgraph.model import Article, ArticleExtraction, Entity, Event, Evidence, Fact
from actorgraph.ontology import AG, PARTICIPANT_RELATIONS, EntityType, EventKind, Relation
from actorgraph.resources import ontology_dir

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")


def run(nlp, text: str) -> ArticleExtraction:
    return extract_article(Article(id="roles.txt", text=text), nlp(text))


def roles(extraction: ArticleExtraction) -> dict[str, set[str]]:
    """Role → the case-folded names of the participants that have it."""
    names = {entity.id: entity.name.casefold() for entity in extraction.entities}
    found: dict[str, set[str]] = {relation.value: set() for relation in PARTICIPANT_RELATIONS}
    for fact in extraction.facts:
        if fact.predicate in PARTICIPANT_RELATIONS:
            found[fact.predicate.value].add(names[fact.object])
    return found


def named(found: set[str], fragment: str) -> bool:
    return any(fragment.casefold() in name for name in found)


# -- in the event's own sentence ----------------------------------------------------------

IN_SENTENCE = [
    # (text, perpetrator, target): active, passive, nouns, headlines, claims
    (
        "Al-Shabaab militants attacked a Kenya Defence Forces convoy in Lamu county.",
        "Shabaab",
        "Kenya Defence",
    ),
    (
        "Presumed ISWAP militants attacked a Nigerian Army base in Borno state on Friday.",
        "West Africa",
        "Nigerian Army",
    ),
    (
        "Boko Haram fighters ambushed a patrol of the Nigerian Army near Maiduguri in Borno state.",
        "Boko Haram",
        "Nigerian Army",
    ),
    (
        "Islamic State militants attacked a Syrian Democratic Forces checkpoint in Deir ez-Zor "
        "province.",
        "Islamic State",
        "Syrian Democratic",
    ),
    (
        "The Taliban captured a National Directorate of Security officer in Ghazni province.",
        "Taliban",
        "National Directorate",
    ),
    (
        "Al-Shabaab kidnapped two Kenya Police Reserve officers in Mandera county.",
        "Shabaab",
        "Kenya Police",
    ),
    (
        "Iraqi counter-terrorism forces killed four Islamic State militants in a raid in "
        "Nineveh province.",
        "Counter-Terrorism",
        "Islamic State",
    ),
    (
        "An attack by al-Shabaab on the African Union mission killed four soldiers in Lower "
        "Shabelle.",
        "Shabaab",
        "African Union",
    ),
    ("A police convoy was ambushed by al-Shabaab militants in Mandera county.", "Shabaab", None),
    (
        "Five soldiers were killed when their base was attacked by Boko Haram in Borno state.",
        "Boko Haram",
        None,
    ),
    (
        "A Taliban attack on a police checkpoint in Helmand province killed six officers.",
        "Taliban",
        None,
    ),
    (
        "The Islamic State claimed responsibility for the bombing in Kabul province.",
        "Islamic State",
        None,
    ),
    (
        "The Pakistani Taliban claimed responsibility for the attack on a police station in "
        "Peshawar.",
        "Tehrik",
        None,
    ),
    (
        "Senior Taliban Commander Captured in Kandahar by Afghan and Coalition Force",
        "Coalition",
        "Taliban",
    ),
    ("Haqqani Leader Killed in Khost Airstrike", None, "Haqqani"),
    (
        "An Israeli drone strike near Nabatieh in southern Lebanon killed two Hezbollah fighters.",
        None,
        "Hezbollah",
    ),
    (
        "Turkish drones struck a checkpoint of the Syrian Democratic Forces near Qamishli in "
        "Hasakah province.",
        None,
        "Syrian Democratic",
    ),
]


@pytest.mark.parametrize(("text", "perpetrator", "target"), IN_SENTENCE)
def test_who_carried_it_out_and_whom_it_was_aimed_at(
    nlp, text: str, perpetrator: str | None, target: str | None
) -> None:
    found = roles(run(nlp, text))
    if perpetrator:
        assert named(found["perpetrator"], perpetrator), found
        assert not named(found["target"], perpetrator), found
    if target:
        assert named(found["target"], target), found
        assert not named(found["perpetrator"], target), found


CLASHES = [
    "The Taliban clashed with the Islamic State in Nangarhar province.",
    "Fighters of the National Liberation Army clashed with FARC dissidents in Arauca department.",
    "Clashes between the Houthis and al-Qaeda left ten dead in Abyan.",
]


@pytest.mark.parametrize("text", CLASHES)
def test_both_sides_of_a_clash_are_only_involved(nlp, text: str) -> None:
    found = roles(run(nlp, text))
    assert len(found["involves"]) == 2, found
    assert found["perpetrator"] == found["target"] == set()


# -- claims and attributions in the sentences that follow ---------------------------------

FOLLOW_UPS = [
    (
        "A car bomb exploded in Mogadishu on Sunday, killing seven people.\n"
        "Al-Shabaab claimed responsibility.",
        "Shabaab",
    ),
    (
        "A roadside bomb struck a police vehicle in Khost province on Thursday.\n"
        "No group immediately claimed the blast, but officials suspected Islamic State "
        "Khorasan Province.",
        "Khorasan",
    ),
    (
        "A suicide bomber struck a market in Maiduguri on Friday, killing twelve people.\n"
        "Police blamed Boko Haram for the attack.",
        "Boko Haram",
    ),
    (
        "Gunmen attacked a church in Kaduna state on Sunday.\nThe attack was blamed on Boko Haram.",
        "Boko Haram",
    ),
    (
        "A bomb exploded in Kandahar province on Monday, killing four soldiers.\n"
        "Officials said the Taliban was behind the attack.",
        "Taliban",
    ),
    (
        "Gunmen kidnapped three aid workers in Borno state last week.\n"
        "The attackers were presumed ISWAP militants.",
        "West Africa",
    ),
    (
        "Gunmen killed six farmers in Zamfara state on Monday.\n"
        "The attackers were believed to be Ansaru fighters.",
        "Ansaru",
    ),
]


@pytest.mark.parametrize(("text", "perpetrator"), FOLLOW_UPS)
def test_claims_and_blame_name_the_perpetrator(nlp, text: str, perpetrator: str) -> None:
    found = roles(run(nlp, text))
    assert named(found["perpetrator"], perpetrator), found


DISOWNED = [
    "A bomb exploded in Kandahar province on Monday, killing four soldiers.\n"
    "The Taliban denied responsibility.",
    "A bomb exploded in Kandahar province on Monday, killing four soldiers.\n"
    "The Taliban did not claim the attack.",
    "A bomb exploded in Kandahar province on Monday, killing four soldiers.\n"
    "The Taliban condemned the attack.",
    "A bomb exploded in Kandahar province on Monday, killing four soldiers.\n"
    "The Taliban has claimed several attacks in the region.",
    "A bomb exploded in Kandahar province on Monday, killing four soldiers.\n"
    "Officials have blamed the Taliban for attacks in the south since 2019.",
]


@pytest.mark.parametrize("text", DISOWNED)
def test_a_denied_or_absent_claim_names_no_perpetrator(nlp, text: str) -> None:
    found = roles(run(nlp, text))
    assert found["perpetrator"] == set(), found
    assert named(found["involves"], "Taliban"), found


# -- the terms in RDF, SHACL, SPARQL and the ISAF scorer -----------------------------------

SENTENCE = "Al-Shabaab militants attacked an African Union convoy in Lower Shabelle."
WHO_ATTACKED_WHOM = """
SELECT ?perpetrator ?target ?event ?sentence WHERE {
  ?e ag:perpetrator/rdfs:label ?perpetrator ; ag:target/rdfs:label ?target ;
     rdfs:label ?event ; ag:sentence ?sentence .
}
"""


def role_extraction() -> ArticleExtraction:
    evidence = Evidence("a.txt", SENTENCE, 0, len(SENTENCE))
    return ArticleExtraction(
        article=Article(id="a.txt", text=SENTENCE),
        entities=[
            Entity("t1", EntityType.ORGANISATION, "Al-Shabaab", known_as="al-shabaab"),
            Entity("t2", EntityType.ORGANISATION, "African Union Mission in Somalia"),
            Entity("t3", EntityType.PROVINCE, "Lower Shabelle", iso3166_2="SO-SH"),
        ],
        events=[Event("v1", EventKind.ATTACK, SENTENCE, 0, len(SENTENCE), "attacked")],
        facts=[
            Fact("v1", Relation.LOCATED_IN, "t3", 0.9, evidence),
            Fact("v1", Relation.PERPETRATOR, "t1", 0.75, evidence),
            Fact("v1", Relation.TARGET, "t2", 0.75, evidence),
            Fact("t1", Relation.OPPOSES, "t2", 0.85, evidence),
        ],
    )


@pytest.fixture(scope="module")
def role_graph() -> KnowledgeGraph:
    return KnowledgeGraph.from_extractions([role_extraction()])


def test_roles_are_written_with_their_involves_triple(role_graph: KnowledgeGraph) -> None:
    rdf = role_graph.to_rdf()
    event = next(rdf.subjects(RDF.type, AG.Attack))
    shabaab = next(rdf.subjects(RDFS.label, rdflib.Literal("Al-Shabaab")))
    mission = next(rdf.subjects(RDFS.label, rdflib.Literal("African Union Mission in Somalia")))
    assert (event, AG.perpetrator, shabaab) in rdf and (event, AG.involves, shabaab) in rdf
    assert (event, AG.target, mission) in rdf and (event, AG.involves, mission) in rdf
    assert (shabaab, AG.opposes, mission) in rdf or (mission, AG.opposes, shabaab) in rdf
    predicates = set(rdf.objects(None, RDF.predicate))
    assert {AG.perpetrator, AG.target, AG.opposes} <= predicates
    assert AG.involves not in predicates  # the assertion names the role, not involves


def test_role_graph_conforms_to_the_shapes(role_graph: KnowledgeGraph) -> None:
    report = validate_graph(role_graph.to_rdf())
    assert report.conforms, report.violations


def test_shapes_catch_misused_roles_and_opposes(role_graph: KnowledgeGraph) -> None:
    rdf = role_graph.to_rdf()
    event = next(rdf.subjects(RDF.type, AG.Attack))
    shabaab = next(rdf.subjects(RDFS.label, rdflib.Literal("Al-Shabaab")))
    rdf.remove((event, AG.involves, shabaab))
    rdf.add((event, AG.opposes, shabaab))
    province = next(rdf.subjects(RDF.type, AG.Province))
    rdf.add((event, AG.target, province))
    report = validate_graph(rdf)
    messages = " | ".join(v.message for v in report.violations)
    assert not report.conforms
    assert "not also written as ag:involves" in messages
    assert "only an organisation opposes an organisation" in messages
    assert "target is a person or an organisation" in messages


def test_ontology_declares_the_new_terms() -> None:
    ontology = rdflib.Graph().parse(ontology_dir() / "actorgraph.ttl", format="turtle")
    assert (AG.opposes, RDF.type, OWL.SymmetricProperty) in ontology
    assert (AG.opposes, RDFS.domain, AG.Organisation) in ontology
    assert (AG.opposes, RDFS.range, AG.Organisation) in ontology
    for role in (AG.perpetrator, AG.target):
        assert (role, RDFS.subPropertyOf, AG.involves) in ontology
        assert (role, RDFS.domain, AG.Event) in ontology


def test_who_attacked_whom_is_one_query(role_graph: KnowledgeGraph) -> None:
    rows = role_graph.query(WHO_ATTACKED_WHOM)
    assert list(rows["perpetrator"]) == ["Al-Shabaab"]
    assert list(rows["target"]) == ["African Union Mission in Somalia"]
    everyone = role_graph.query("SELECT ?a WHERE { ?e ag:involves/rdfs:label ?a }")
    assert sorted(everyone["a"]) == ["African Union Mission in Somalia", "Al-Shabaab"]


def test_the_readme_has_the_who_attacked_whom_query() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "ag:perpetrator/rdfs:label ?perpetrator ; ag:target/rdfs:label ?target" in readme


def test_opposes_merges_as_one_symmetric_edge() -> None:
    first, second = role_extraction(), role_extraction()
    second.article = Article(id="b.txt", text=SENTENCE)
    flipped = Fact("t2", Relation.OPPOSES, "t1", 0.85, Evidence("b.txt", SENTENCE, 0, 9))
    second.facts = [f for f in second.facts if f.predicate is not Relation.OPPOSES] + [flipped]
    kg = KnowledgeGraph.from_extractions([first, second])
    opposes = list(kg.facts(Relation.OPPOSES))
    assert len(opposes) == 1
    assert opposes[0].support == 2 and opposes[0].subject < opposes[0].object


def test_isaf_counts_roles_as_involves(tmp_path: Path) -> None:
    row = {
        "id": "r1",
        "title": "T-r1",
        "text": "KABUL, Afghanistan (Jan. 1, 2012)\n...",
        "event_types": ["detention"],
        "provinces": ["AF-HEL"],
        "target_groups": ["taliban"],
    }
    path = tmp_path / "isaf.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")

    def record(predicate: str) -> dict:
        return {
            "article": "r1",
            "entities": [{"id": "o1", "type": "Organisation", "name": "Taliban", "aliases": []}],
            "events": [{"id": "v1", "kind": "Capture", "sentence": "s", "start": 0, "end": 1}],
            "relations": [
                {
                    "subject": "v1",
                    "predicate": predicate,
                    "object": "o1",
                    "confidence": 0.7,
                    "evidence": {"sentence": "s", "start": 0, "end": 1},
                }
            ],
        }

    for predicate in ("involves", "target", "perpetrator"):
        group = score_isaf(path, [record(predicate)]).scores["group"]
        assert (group.tp, group.fp, group.fn) == (1, 0, 0), predicate

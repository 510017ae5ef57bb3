"""The graph layer without spaCy: merging, evidence, networkx and RDF forms, SPARQL."""

from __future__ import annotations

import networkx as nx
import pyoxigraph
import pytest
import rdflib

from actorgraph.graph import KnowledgeGraph
from actorgraph.model import Article, ArticleExtraction, Entity, Event, Evidence, Fact
from actorgraph.ontology import EntityType, EventKind, Relation
from actorgraph.store import query_graph


def extraction(
    article_id: str,
    sentence: str,
    *,
    person: str,
    organisation: str,
    confidence: float = 0.8,
    known_as: str | None = None,
) -> ArticleExtraction:
    article = Article(id=article_id, text=sentence, title=f"Title of {article_id}")
    evidence = Evidence(article_id, sentence, 0, len(sentence))
    return ArticleExtraction(
        article=article,
        entities=[
            Entity("t1", EntityType.PERSON, person),
            Entity("t2", EntityType.ORGANISATION, organisation, known_as=known_as),
            Entity("t3", EntityType.PROVINCE, "Helmand", iso3166_2="AF-HEL"),
        ],
        events=[
            Event(
                "v1",
                EventKind.AIRSTRIKE,
                sentence,
                0,
                len(sentence),
                "airstrike",
                date="2021-04-02",
            )
        ],
        facts=[
            Fact("t1", Relation.AFFILIATED_WITH, "t2", confidence, evidence),
            Fact("v1", Relation.LOCATED_IN, "t3", 0.9, evidence),
            Fact("v1", Relation.INVOLVES, "t2", 0.7, evidence),
        ],
    )


@pytest.fixture
def two_articles() -> KnowledgeGraph:
    return KnowledgeGraph.from_extractions(
        [
            extraction(
                "a.txt",
                "Taliban commander Hazrat Ali was seen.",
                person="Hazrat Ali",
                organisation="Taliban",
                known_as="taliban",
            ),
            extraction(
                "b.txt",
                "Hazrat Ali, a Taliban commander, spoke.",
                person="Hazrat Ali",
                organisation="the Taliban",
                confidence=0.5,
                known_as="taliban",
            ),
        ]
    )


def test_same_actor_in_two_articles_is_one_node(two_articles: KnowledgeGraph) -> None:
    people = [n for n in two_articles.nodes.values() if n.type is EntityType.PERSON]
    assert [p.name for p in people] == ["Hazrat Ali"]
    assert people[0].articles == {"a.txt", "b.txt"}


def test_fact_keeps_all_evidence_and_noisy_or(two_articles: KnowledgeGraph) -> None:
    [edge] = list(two_articles.facts(Relation.AFFILIATED_WITH))
    assert edge.support == 2
    assert sorted(e.article for e, _ in edge.evidence) == ["a.txt", "b.txt"]
    assert edge.confidence == pytest.approx(1 - 0.2 * 0.5)


def test_events_with_same_kind_province_and_date_merge(two_articles: KnowledgeGraph) -> None:
    assert len(two_articles.events) == 1
    [event] = two_articles.events.values()
    assert event.articles == {"a.txt", "b.txt"}


def test_bare_first_names_are_not_merged_across_articles() -> None:
    kg = KnowledgeGraph.from_extractions(
        [
            extraction("a.txt", "Ali of the Taliban.", person="Ali", organisation="Taliban"),
            extraction("b.txt", "Ali of the Taliban.", person="Ali", organisation="Taliban"),
            extraction("c.txt", "Hazrat Ali.", person="Hazrat Ali", organisation="Taliban"),
        ]
    )
    people = sorted(n.name for n in kg.nodes.values() if n.type is EntityType.PERSON)
    assert people == ["Ali", "Ali", "Hazrat Ali"]


def test_networkx_form(two_articles: KnowledgeGraph) -> None:
    graph = two_articles.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph)
    person = next(n for n, d in graph.nodes(data=True) if d["type"] == "Person")
    [(_, target, data)] = graph.out_edges(person, data=True)
    assert graph.nodes[target]["label"] == "Taliban"
    assert data["predicate"] == "affiliatedWith"
    assert data["support"] == 2
    assert {e["title"] for e in data["evidence"]} == {"Title of a.txt", "Title of b.txt"}


def test_rdf_has_direct_triples_and_provenance(two_articles: KnowledgeGraph) -> None:
    turtle = two_articles.to_turtle()
    assert "ns1:" not in turtle
    rdflib.Graph().parse(data=turtle, format="turtle")
    store = pyoxigraph.Store()
    store.load(turtle.encode(), format=pyoxigraph.RdfFormat.TURTLE)
    rows = query_graph(
        two_articles,
        """SELECT ?article ?sentence WHERE {
             ?p ag:affiliatedWith ?o . ?p rdfs:label "Hazrat Ali" .
             ?a rdf:subject ?p ; rdf:predicate ag:affiliatedWith ; rdf:object ?o ;
                prov:wasDerivedFrom ?e .
             ?e ag:sentence ?sentence ; dcterms:source/dcterms:identifier ?article .
           } ORDER BY ?article""",
        as_dataframe=False,
    )
    assert [r["article"] for r in rows] == ["a.txt", "b.txt"]
    assert rows[0]["sentence"] == "Taliban commander Hazrat Ali was seen."


def test_query_returns_dataframe(two_articles: KnowledgeGraph) -> None:
    frame = two_articles.query("SELECT ?code WHERE { ?p ag:iso3166_2 ?code }")
    assert list(frame["code"]) == ["AF-HEL"]


def test_hostile_names_make_valid_iris() -> None:
    name = '<img src=x onerror=alert(1)> "quoted" طالبان 🚀'
    kg = KnowledgeGraph.from_extractions(
        [extraction("x.txt", "A sentence.", person=name, organisation="Group {x}")]
    )
    turtle = kg.to_turtle()
    parsed = rdflib.Graph().parse(data=turtle, format="turtle")
    labels = {str(o) for o in parsed.objects(None, rdflib.RDFS.label)}
    assert name in labels
    pyoxigraph.Store().load(turtle.encode(), format=pyoxigraph.RdfFormat.TURTLE)

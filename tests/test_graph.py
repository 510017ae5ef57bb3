"""The graph layer: merging, evidence, merge reasons, networkx and RDF forms, SPARQL."""

from __future__ import annotations

import networkx as nx
import pyoxigraph
import pytest
import rdflib

from actorgraph import KnowledgeGraph
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


def test_the_shared_networkx_view_is_frozen_and_follows_changes(
    two_articles: KnowledgeGraph,
) -> None:
    view = two_articles.networkx_view()
    assert view is two_articles.networkx_view()
    assert nx.utils.graphs_equal(view, two_articles.to_networkx())
    with pytest.raises(nx.NetworkXError, match="Frozen"):
        view.add_node("someone/else")
    mine = two_articles.to_networkx()
    mine.add_node("someone/else")  # a copy of one's own stays free to change
    assert "someone/else" not in two_articles.networkx_view()
    two_articles.add(
        extraction("d.txt", "Omar, of Hamas.", person="Omar Ali", organisation="Hamas")
    )
    assert two_articles.networkx_view() is not view
    assert any(d.get("label") == "Hamas" for _, d in two_articles.networkx_view().nodes(data=True))
    two_articles.release_views()
    assert nx.utils.graphs_equal(two_articles.networkx_view(), two_articles.to_networkx())


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


# -- cross-article merging ---------------------------------------------------------------------


def people_extraction(
    article_id: str,
    people: list[tuple[str, list[str]]],
    *,
    organisation: str = "Haqqani Network",
    known_as: str | None = "haqqani-network",
    affiliated: bool = True,
) -> ArticleExtraction:
    """An article naming people (name, aliases) and, optionally, their organisation."""
    sentence = f"Sentence of {article_id}."
    evidence = Evidence(article_id, sentence, 0, len(sentence))
    entities = [
        Entity(f"p{number}", EntityType.PERSON, name, aliases=aliases)
        for number, (name, aliases) in enumerate(people)
    ]
    entities.append(Entity("o1", EntityType.ORGANISATION, organisation, known_as=known_as))
    facts = (
        [Fact(e.id, Relation.AFFILIATED_WITH, "o1", 0.8, evidence) for e in entities[:-1]]
        if affiliated
        else []
    )
    return ArticleExtraction(Article(id=article_id, text=sentence), entities, [], facts)


def person_names(kg: KnowledgeGraph) -> list[str]:
    return sorted(n.name for n in kg.nodes.values() if n.type is EntityType.PERSON)


def test_merge_does_not_depend_on_article_order(two_articles: KnowledgeGraph) -> None:
    extractions = two_articles.extractions()
    reverse = KnowledgeGraph.from_extractions(reversed(extractions))
    assert reverse.to_turtle() == two_articles.to_turtle()
    assert reverse.to_networkx().nodes(data=True) == two_articles.to_networkx().nodes(data=True)


def test_spelling_variants_with_a_shared_affiliation_merge() -> None:
    kg = KnowledgeGraph.from_extractions(
        [
            people_extraction("a.txt", [("Sirajuddin Haqqani", [])]),
            people_extraction("b.txt", [("Sirajuddin Haqqani", [])]),
            people_extraction("c.txt", [("Siraj Haqqani", [])]),
        ]
    )
    [person] = [n for n in kg.nodes.values() if n.type is EntityType.PERSON]
    assert person.name == "Sirajuddin Haqqani"
    assert person.aliases == {"Siraj Haqqani"}
    assert person.articles == {"a.txt", "b.txt", "c.txt"}
    [variant] = [r for r in person.reasons if r.surface == "Siraj Haqqani"]
    assert (variant.article, variant.rule) == ("c.txt", "name-variant")
    assert variant.key == "siraj haqqani ~ sirajuddin haqqani"


def test_spelling_variants_without_shared_evidence_stay_apart() -> None:
    kg = KnowledgeGraph.from_extractions(
        [
            people_extraction("a.txt", [("Sirajuddin Haqqani", [])]),
            people_extraction("b.txt", [("Siraj Haqqani", [])], affiliated=False),
            people_extraction("c.txt", [("Mohammad Umar", [])]),
            people_extraction(
                "d.txt", [("Muhammad Umar", [])], organisation="Taliban", known_as="taliban"
            ),
        ]
    )
    assert person_names(kg) == [
        "Mohammad Umar",
        "Muhammad Umar",
        "Siraj Haqqani",
        "Sirajuddin Haqqani",
    ]


def test_ambiguous_variants_merge_with_neither() -> None:
    kg = KnowledgeGraph.from_extractions(
        [
            people_extraction("a.txt", [("Mohammad Umar", [])]),
            people_extraction("b.txt", [("Muhammad Umar", [])]),
            people_extraction("c.txt", [("Mohammed Umar", [])]),
        ]
    )
    assert len(person_names(kg)) == 3


def test_short_forms_are_not_cross_article_keys() -> None:
    """ "Ali" as Hazrat Ali's short form in one article does not pull in another's bare Ali."""
    kg = KnowledgeGraph.from_extractions(
        [
            people_extraction("a.txt", [("Hazrat Ali", ["Ali"])]),
            people_extraction("b.txt", [("Ali", [])]),
            people_extraction("c.txt", [("Ali Mir Asfandyar", ["Asfandyar", "Ali Mir"])]),
            people_extraction("d.txt", [("Ali Mir", [])]),
        ]
    )
    assert person_names(kg) == ["Ali", "Ali Mir", "Ali Mir Asfandyar", "Hazrat Ali"]
    [bare] = [n for n in kg.nodes.values() if n.name == "Ali"]
    assert [(r.rule, r.key) for r in bare.reasons] == [("single-name", "ali (only in b.txt)")]


def test_an_alias_given_in_one_article_links_another() -> None:
    """Evidence for a merge: one article says both names belong to the same person."""
    kg = KnowledgeGraph.from_extractions(
        [
            people_extraction("a.txt", [("Abu Muhammad al-Jawlani", ["Ahmed al-Sharaa"])]),
            people_extraction("b.txt", [("Ahmed al-Sharaa", [])], known_as="hayat-tahrir-al-sham"),
        ]
    )
    [person] = [n for n in kg.nodes.values() if n.type is EntityType.PERSON]
    assert person.articles == {"a.txt", "b.txt"}
    rules = {(r.article, r.surface): r.rule for r in person.reasons}
    assert rules[("a.txt", "Ahmed al-Sharaa")] == "shared-alias"
    assert rules[("b.txt", "Ahmed al-Sharaa")] == "same-name"


def organisation_extraction(article_id: str, name: str, aliases: list[str]) -> ArticleExtraction:
    return ArticleExtraction(
        Article(id=article_id, text=name),
        [Entity("o1", EntityType.ORGANISATION, name, aliases=aliases)],
    )


def test_acronym_joins_the_one_organisation_spelled_out_with_it() -> None:
    kg = KnowledgeGraph.from_extractions(
        [
            organisation_extraction("a.txt", "Katiba Macina Front", ["KMF"]),
            organisation_extraction("b.txt", "KMF", []),
            organisation_extraction("c.txt", "Qalat Defence Force", ["QDF"]),
            organisation_extraction("d.txt", "Quetta Democratic Front", ["QDF"]),
            organisation_extraction("e.txt", "QDF", []),
        ]
    )
    names = sorted(n.name for n in kg.nodes.values())
    assert names == [
        "Katiba Macina Front",
        "QDF",
        "Qalat Defence Force",
        "Quetta Democratic Front",
    ]
    [front] = [n for n in kg.nodes.values() if n.name == "Katiba Macina Front"]
    assert front.articles == {"a.txt", "b.txt"}
    assert ("b.txt", "KMF", "acronym") in {(r.article, r.surface, r.rule) for r in front.reasons}


def test_a_curated_alias_joins_the_curated_node() -> None:
    kg = KnowledgeGraph.from_extractions(
        [
            organisation_extraction("a.txt", "Tehreek-e-Taliban Pakistan", []),
            ArticleExtraction(
                Article(id="b.txt", text="TTP"),
                [
                    Entity(
                        "o1",
                        EntityType.ORGANISATION,
                        "Pakistani Taliban",
                        known_as="tehrik-i-taliban-pakistan",
                    )
                ],
            ),
        ]
    )
    [node] = kg.nodes.values()
    assert node.id == "organisation/tehrik-i-taliban-pakistan"
    assert node.name == "Tehrik-i-Taliban Pakistan"
    assert node.known_as == "tehrik-i-taliban-pakistan"
    assert {(r.article, r.rule) for r in node.reasons} == {
        ("a.txt", "curated-alias"),
        ("b.txt", "curated-key"),
    }


def test_replacing_and_removing_articles_equals_a_fresh_merge(two_articles: KnowledgeGraph) -> None:
    third = extraction(
        "c.txt", "Sohail Shaheen of the Taliban.", person="Sohail Shaheen", organisation="Taliban"
    )
    grown = KnowledgeGraph.from_extractions(two_articles.extractions())
    grown.add(third)
    assert (
        grown.to_turtle()
        == KnowledgeGraph.from_extractions([*two_articles.extractions(), third]).to_turtle()
    )
    grown.remove("c.txt")
    assert grown.to_turtle() == two_articles.to_turtle()
    assert "person/sohail-shaheen" not in grown.nodes


def test_every_surface_form_and_article_has_a_reason(two_articles: KnowledgeGraph) -> None:
    for node in two_articles.nodes.values():
        explained = {(r.article, r.surface) for r in node.reasons}
        assert {a for a, _ in explained} == node.articles
        assert {s for _, s in explained} == node.aliases | {node.name}
    [taliban] = two_articles.find("taliban")
    assert {r.rule for r in taliban.reasons} == {"curated-key"}
    assert two_articles.explain("Hazrat") == two_articles.find("Hazrat Ali")


def test_the_networkx_form_keeps_merge_reasons(two_articles: KnowledgeGraph) -> None:
    graph = two_articles.to_networkx()
    merged = graph.nodes["person/hazrat-ali"]["merged"]
    assert {(m["article"], m["rule"], m["key"]) for m in merged} == {
        ("a.txt", "same-name", "hazrat ali"),
        ("b.txt", "same-name", "hazrat ali"),
    }


def test_real_articles_merge_into_one_node_per_actor(nlp, samples_dir, shared_dir) -> None:
    """The seed article and the Helmand sample both name the Taliban: one node, both sources."""
    from actorgraph.extractors.article import extract_articles
    from actorgraph.reading import read_articles
    from actorgraph.text import normalise_name

    paths = [samples_dir, shared_dir / "corpus" / "seed", shared_dir / "corpus" / "dev"]
    kg = KnowledgeGraph.from_extractions(extract_articles(read_articles(paths), nlp))
    [taliban] = kg.find("Taliban")
    assert {"helmand-2021.txt", "000_761bafcaa80bbbf4.txt"} <= taliban.articles
    seen: dict[tuple[EntityType, str], str] = {}
    for node in kg.nodes.values():
        key = (node.type, normalise_name(node.name))
        if node.type is EntityType.PERSON and len(key[1].split()) < 2:
            continue  # one-word names stay within their article
        assert key not in seen, f"{node.id} duplicates {seen[key]}"
        seen[key] = node.id
        assert {r.article for r in node.reasons} == node.articles
    for edge in kg.facts():
        assert edge.support == len(edge.articles) >= 1
        assert all(evidence.sentence for evidence, _ in edge.evidence)

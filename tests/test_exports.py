"""Every export format: it parses, holds the graph, and is byte-for-byte deterministic."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import unicodedata
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic

from actorgraph import KnowledgeGraph
from actorgraph.export.formats import FORMATS, UnknownFormatError, get_format, render
from actorgraph.extractors.article import extract_articles
from actorgraph.graph.shacl import validate_graph
from actorgraph.model import Article, ArticleExtraction, Entity, Event, Evidence, Fact
from actorgraph.model.ids import node_slug
from actorgraph.ontology import PREFIXES, EntityType, EventKind, Relation
from actorgraph.reading import read_articles
from actorgraph.text import normalise_name

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")

RDF_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}
OXIGRAPH_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
}

NASTY_NAMES = [
    '"quoted" name',
    "O'Brien's \"crew\"",
    "<script>alert('x')</script>",
    "angle <brackets> & ampersands",
    "back\\slash \\n not a newline",
    "line\nbreak and\ttab",
    "trailing space ",
    "  leading spaces",
    "طالبان",
    "حقاني",
    "塔利班",
    "Талибан",
    "ابو بكر البغدادي",
    "emoji 🚀🔥 group",
    "👨‍👩‍👧 family",
    "combining e\u0301 accents",
    "right\u200fto\u200eleft marks",
    "zero\u200bwidth",
    "form\x0cfeed and \x0bvertical tab",
    "bell\x07 and escape\x1b",
    "{braces} [brackets] (parens) ^caret^ `tick` |pipe| %20 #hash ?query",
    "http://example.org/not-an-iri",
    "a" * 300,
    "-",
    "__",
    "٣٤٥ digits",
]


def graph_of_names(names: list[str]) -> KnowledgeGraph:
    """One article per name: the name as person, organisation and article id, all linked."""
    extractions = []
    for number, name in enumerate(names):
        article_id = f"{name}/{number}.txt"
        sentence = f"{name} fought with {name}."
        evidence = Evidence(article_id, sentence, 0, len(sentence))
        extractions.append(
            ArticleExtraction(
                Article(id=article_id, text=sentence, title=name, url=f"https://x.org/{name}"),
                [
                    Entity("t1", EntityType.PERSON, f"{name} Person", aliases=[name]),
                    Entity("t2", EntityType.ORGANISATION, f"{name} Group"),
                    Entity("t3", EntityType.PROVINCE, "Helmand", iso3166_2="AF-HEL"),
                ],
                [Event("v1", EventKind.ATTACK, sentence, 0, len(sentence), name, "2021-05-01")],
                [
                    Fact("t1", Relation.AFFILIATED_WITH, "t2", 0.7, evidence),
                    Fact("v1", Relation.INVOLVES, "t2", 0.6, evidence),
                    Fact("v1", Relation.LOCATED_IN, "t3", 0.9, evidence),
                ],
            )
        )
    return KnowledgeGraph.from_extractions(extractions)


@pytest.fixture(scope="module")
def samples_extractions(nlp, samples_dir: Path) -> list[ArticleExtraction]:
    return list(extract_articles(read_articles([samples_dir]), nlp))


@pytest.fixture(scope="module")
def samples_kg(samples_extractions: list[ArticleExtraction]) -> KnowledgeGraph:
    return KnowledgeGraph.from_extractions(samples_extractions)


def assert_rdf_formats_hold_the_graph(kg: KnowledgeGraph) -> None:
    reference = kg.to_rdf()
    assert len(reference) == len(kg.statements())
    for name, rdflib_format in RDF_FORMATS.items():
        data = render(kg, name)
        parsed = rdflib.Graph().parse(data=data, format=rdflib_format)
        assert isomorphic(parsed, reference), name
        quads = list(pyoxigraph.parse(data, format=OXIGRAPH_FORMATS[name]))
        assert len(quads) == len(reference), name


def assert_network_formats_hold_the_graph(kg: KnowledgeGraph) -> None:
    graphml = nx.read_graphml(io.BytesIO(render(kg, "graphml")))
    gexf = nx.read_gexf(io.BytesIO(render(kg, "gexf")))
    linked = nx.node_link_graph(json.loads(render(kg, "json")), edges="edges")
    for graph in (graphml, gexf, linked):
        assert graph.number_of_nodes() == len(kg)
        assert graph.number_of_edges() == len(kg.edges)
    for node in kg.nodes.values():
        assert graphml.nodes[node.id]["label"] == _xml_safe(node.name)
        assert gexf.nodes[node.id]["label"] == _xml_safe(node.name)
        assert linked.nodes[node.id]["label"] == node.name
    rows = list(csv.DictReader(io.StringIO(render(kg, "csv").decode())))
    assert len(rows) == len(kg.edges)
    for row, edge in zip(rows, kg.facts(), strict=True):
        assert (row["subject"], row["predicate"], row["object"]) == edge.key
        assert int(row["support"]) == edge.support
        assert row["articles"].split("; ") == edge.articles


def _xml_safe(text: str) -> str:
    """What survives XML 1.0: control characters other than tab and line breaks do not."""
    return "".join(
        "\ufffd" if unicodedata.category(c) == "Cc" and c not in "\t\n\r" else c for c in text
    )


# -- the formats -------------------------------------------------------------------------------


def test_format_names() -> None:
    assert set(FORMATS) == {
        "turtle",
        "ntriples",
        "jsonld",
        "json",
        "graphml",
        "gexf",
        "csv",
        "html",
        "geojson",
    }
    assert get_format("TTL").name == "turtle"
    with pytest.raises(UnknownFormatError, match="unknown format 'trig'"):
        get_format("trig")


def test_samples_in_every_format(samples_kg: KnowledgeGraph) -> None:
    assert_rdf_formats_hold_the_graph(samples_kg)
    assert_network_formats_hold_the_graph(samples_kg)
    assert render(samples_kg, "html").startswith(b"<!DOCTYPE html>")


def test_turtle_has_exactly_the_fixed_prefixes(samples_kg: KnowledgeGraph) -> None:
    turtle = render(samples_kg, "turtle").decode()
    declared = re.findall(r"^@prefix (\w+): <([^>]+)> \.$", turtle, flags=re.MULTILINE)
    assert declared == [(prefix, str(namespace)) for prefix, namespace in PREFIXES.items()]
    assert "ns1:" not in turtle
    assert "@base" not in turtle


def test_outputs_are_deterministic_whatever_the_article_order(
    samples_extractions: list[ArticleExtraction],
) -> None:
    forward = KnowledgeGraph.from_extractions(samples_extractions)
    shuffled = list(samples_extractions)
    random.Random(3).shuffle(shuffled)
    backward = KnowledgeGraph.from_extractions(shuffled)
    for name in FORMATS:
        assert render(forward, name) == render(backward, name), name


def test_turtle_subjects_and_triples_are_sorted(samples_kg: KnowledgeGraph) -> None:
    statements = samples_kg.statements()
    subjects = list(dict.fromkeys(s for s, *_ in statements))
    assert subjects == sorted(subjects)
    first_predicates = {}
    for subject, predicate, *_ in statements:
        first_predicates.setdefault(subject, predicate)
    assert set(first_predicates.values()) == {str(rdflib.RDF.type)}


# -- nasty names -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NASTY_NAMES, ids=range(len(NASTY_NAMES)))
def test_nasty_name_gives_valid_iris_and_parsable_exports(name: str) -> None:
    kg = graph_of_names([name])
    for node_id in [*kg.nodes, *kg.events]:
        pyoxigraph.NamedNode(f"https://w3id.org/actorgraph/resource/{node_id}")
        assert re.fullmatch(r"[a-z]+/[A-Za-z0-9-]+", node_id), node_id
    assert_rdf_formats_hold_the_graph(kg)
    assert_network_formats_hold_the_graph(kg)
    labels = {str(o) for o in kg.to_rdf().objects(None, rdflib.RDFS.label)}
    assert f"{name} Person" in labels


def test_all_nasty_names_together_stay_distinct() -> None:
    kg = graph_of_names(NASTY_NAMES)
    people = [n for n in kg.nodes.values() if n.type is EntityType.PERSON]
    keys = [normalise_name(f"{name} Person") for name in NASTY_NAMES]
    single = [key for key in keys if len(key.split()) < 2]  # kept apart, one per article
    assert len(people) == len(single) + len({key for key in keys if key not in single})
    assert_rdf_formats_hold_the_graph(kg)
    assert_network_formats_hold_the_graph(kg)
    report = validate_graph(kg.to_rdf())
    assert report.conforms, report.violations[:5]


def random_name(rng: random.Random) -> str:
    """A name drawn from many scripts, symbols, emoji, spaces and control characters."""
    ranges = [
        (0x20, 0x7E),
        (0x00, 0x1F),
        (0xA0, 0x17F),
        (0x300, 0x36F),
        (0x400, 0x4FF),
        (0x600, 0x6FF),
        (0x900, 0x97F),
        (0x4E00, 0x4FFF),
        (0x1F300, 0x1F64F),
        (0x200B, 0x200F),
    ]
    characters = []
    for _ in range(rng.randint(1, 40)):
        low, high = rng.choice(ranges)
        characters.append(chr(rng.randint(low, high)))
    return "".join(characters)


def test_random_names_property() -> None:
    """Any name: a valid, readable slug, distinct per key, and every export parses."""
    rng = random.Random(20240501)
    names = [random_name(rng) for _ in range(150)]
    slugs = {}
    for name in names:
        slug = node_slug(name)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), (name, slug)
        assert len(slug) <= 70
        assert slugs.setdefault(slug, name) == name
    assert_rdf_formats_hold_the_graph(graph_of_names(names))

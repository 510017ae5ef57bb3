"""SHACL: every exported graph conforms to ontology/shapes.ttl; broken data is reported."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS
from typer.testing import CliRunner

from actorgraph import KnowledgeGraph
from actorgraph.buildfolder import build_folder as build_outdir
from actorgraph.cli import app
from actorgraph.graph.shacl import shapes_path, validate_file, validate_graph
from actorgraph.ontology import AG, AGR
from actorgraph.reading import read_articles
from actorgraph.resources import ontology_dir

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")

RDF_FILES = ("graph.ttl", "graph.nt", "graph.jsonld")


@pytest.fixture(scope="module")
def built(nlp, samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples (and the seed corpus when ../shared is there) built in every RDF format."""
    paths = [samples_dir]
    seed = samples_dir.parent.parent / "shared" / "corpus" / "seed"
    if seed.is_dir():
        paths.append(seed)
    outdir = tmp_path_factory.mktemp("shacl") / "out"
    build_outdir(
        read_articles(paths),
        outdir,
        nlp=nlp,
        formats=["turtle", "ntriples", "jsonld"],
        store=False,
    )
    return outdir


@pytest.fixture(scope="module")
def data(built: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(built / "graph.ttl", format="turtle")


def test_shapes_are_found_through_the_ontology_folder() -> None:
    assert shapes_path() == ontology_dir() / "shapes.ttl"
    shapes = rdflib.Graph().parse(shapes_path(), format="turtle")
    assert len(shapes) > 100


@pytest.mark.parametrize("name", RDF_FILES)
def test_every_exported_format_conforms(built: Path, name: str) -> None:
    report = validate_file(built / name)
    assert report.conforms, report.violations[:5]
    assert report.violations == []
    assert report.triples > 500


def test_the_ontology_file_has_the_version_the_cache_keys_on() -> None:
    from rdflib.namespace import OWL

    from actorgraph.ontology import ONTOLOGY_VERSION

    ontology = rdflib.Graph().parse(ontology_dir() / "actorgraph.ttl", format="turtle")
    assert {str(v) for v in ontology.objects(None, OWL.versionInfo)} == {ONTOLOGY_VERSION}


def test_an_empty_graph_conforms() -> None:
    assert validate_graph(KnowledgeGraph().to_rdf()).conforms


def first(data: rdflib.Graph, rdf_type: URIRef) -> URIRef:
    return min(data.subjects(RDF.type, rdf_type))


def broken(data: rdflib.Graph) -> tuple[rdflib.Graph, dict[str, URIRef]]:
    """A copy of the graph with one of each kind of mistake, and the nodes that carry them."""
    graph = rdflib.Graph()
    for triple in data:
        graph.add(triple)
    person = first(graph, AG.Person)
    province = first(graph, AG.Province)
    assertion = first(graph, AG.Assertion)
    evidence = first(graph, AG.Evidence)
    organisation = first(graph, AG.Organisation)
    graph.add((person, RDFS.label, Literal("A second label")))
    graph.set((province, AG.iso3166_2, Literal("Helmand")))
    graph.set((assertion, AG.confidence, Literal("1.5", datatype=rdflib.XSD.decimal)))
    graph.remove((evidence, DCTERMS.source, None))
    graph.add((organisation, AG.affiliatedWith, organisation))
    graph.add((first(graph, AG.Airstrike), AG.locatedIn, person))
    lonely = AGR["assertion/lonely"]
    graph.add((lonely, RDF.type, AG.Assertion))
    graph.add((lonely, RDF.subject, person))
    graph.add((lonely, RDF.predicate, AG.alliedWith))
    graph.add((lonely, RDF.object, organisation))
    graph.add((lonely, AG.confidence, Literal("0.5", datatype=rdflib.XSD.decimal)))
    graph.add((lonely, AG.support, Literal(0)))
    nodes = {
        "person": person,
        "province": province,
        "assertion": assertion,
        "evidence": evidence,
        "organisation": organisation,
        "lonely": lonely,
    }
    return graph, nodes


def test_broken_data_is_reported_with_focus_path_and_message(data: rdflib.Graph) -> None:
    graph, nodes = broken(data)
    report = validate_graph(graph)
    assert not report.conforms
    found = {(v.focus, v.path) for v in report.violations}

    def short(node: URIRef) -> str:
        return "agr:" + str(node).removeprefix(str(AGR))

    expected = {
        (short(nodes["person"]), "rdfs:label"),
        (short(nodes["province"]), "ag:iso3166_2"),
        (short(nodes["assertion"]), "ag:confidence"),
        (short(nodes["evidence"]), "dcterms:source"),
        (short(nodes["organisation"]), None),  # affiliatedWith from an organisation
        (short(nodes["lonely"]), "ag:support"),
        (short(nodes["lonely"]), "prov:wasDerivedFrom"),
        (short(nodes["lonely"]), "rdf:predicate"),  # no direct triple for it
    }
    assert expected <= found, expected - found
    messages = " | ".join(v.message for v in report.violations)
    assert "ISO 3166-2" in messages
    assert "direct triple" in messages
    assert "located in provinces only" in messages


def test_support_must_count_the_articles(data: rdflib.Graph) -> None:
    graph = rdflib.Graph()
    for triple in data:
        graph.add(triple)
    assertion = first(graph, AG.Assertion)
    graph.set((assertion, AG.support, Literal(7)))
    report = validate_graph(graph)
    assert [v.message for v in report.violations] == [
        "ag:support is not the number of distinct articles of the assertion's evidence"
    ]
    evidence = graph.value(assertion, PROV.wasDerivedFrom)
    assert evidence is not None


def test_cli_validate(built: Path, data: rdflib.Graph, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["validate", str(built / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output
    assert runner.invoke(app, ["validate", str(built)]).exit_code == 0

    graph, _ = broken(data)
    bad = tmp_path / "bad.ttl"
    graph.serialize(bad, format="turtle")
    result = runner.invoke(app, ["validate", str(bad)], terminal_width=200)
    assert result.exit_code == 1
    assert "violation" in result.output
    assert "ag:iso3166_2" in result.output
    assert "ISO 3166-2" in result.output

    result = runner.invoke(app, ["validate", "--json", str(bad)])
    assert result.exit_code == 1
    assert '"conforms": false' in result.output

    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle <<<")
    result = runner.invoke(app, ["validate", str(garbage)])
    assert result.exit_code == 1
    assert "is not valid turtle" in " ".join(result.output.split())
    assert "Traceback" not in result.output

"""End to end through the command line: the bundled samples and the seed article."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pyoxigraph
import pytest
import rdflib
from typer.testing import CliRunner

from actorgraph.cli import app
from actorgraph.store.oxigraph import SPARQL_PREFIXES

SCHEMA = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "actorgraph"
    / "schemas"
    / "extraction.schema.json"
)
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.fixture(scope="module")
def samples_build(tmp_path_factory, samples_dir: Path, nlp) -> Path:
    outdir = tmp_path_factory.mktemp("samples")
    result = invoke("build", samples_dir, "-o", outdir)
    assert result.exit_code == 0, result.output
    return outdir


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory, shared_dir: Path, nlp) -> Path:
    outdir = tmp_path_factory.mktemp("seed")
    result = invoke("build", shared_dir / "corpus" / "seed", "-o", outdir)
    assert result.exit_code == 0, result.output
    return outdir


def load_store(outdir: Path) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.load((outdir / "graph.ttl").read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    return store


def select(store: pyoxigraph.Store, query: str) -> list[dict[str, str]]:
    solutions = store.query(SPARQL_PREFIXES + query)
    names = [v.value for v in solutions.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]


def test_build_writes_the_three_files(samples_build: Path) -> None:
    for name in ("graph.ttl", "graph.html", "graph.json"):
        assert (samples_build / name).stat().st_size > 0


def test_samples_turtle_parses_in_rdflib_and_oxigraph(samples_build: Path) -> None:
    graph = rdflib.Graph().parse(samples_build / "graph.ttl", format="turtle")
    assert len(graph) > 100
    assert len(load_store(samples_build)) == len(graph)


def test_samples_graph_has_the_documented_facts(samples_build: Path) -> None:
    rows = select(
        load_store(samples_build),
        """SELECT ?name WHERE { ?p ag:affiliatedWith ?o ; rdfs:label ?name .
                                ?o rdfs:label "Taliban" }""",
    )
    assert "Zabihullah Mujahid" in {row["name"] for row in rows}


def test_samples_json_is_networkx_node_link(samples_build: Path) -> None:
    import networkx as nx

    data = json.loads((samples_build / "graph.json").read_text())
    graph = nx.node_link_graph(data, edges="edges")
    types = {attrs["type"] for _, attrs in graph.nodes(data=True)}
    assert {"Person", "Organisation", "Province", "Event"} <= types


def test_samples_html_holds_the_nodes(samples_build: Path) -> None:
    html = (samples_build / "graph.html").read_text()
    for name in ("Zabihullah Mujahid", "Boko Haram", "Helmand"):
        assert name in html
    assert "<script src=" not in html


def test_seed_sparql_finds_the_three_relations(seed_build: Path) -> None:
    store = load_store(seed_build)
    assert select(
        store,
        """SELECT ?p WHERE { ?p ag:affiliatedWith ?o ; rdfs:label "Sohail Shaheen" .
                             ?o rdfs:label "Taliban" }""",
    )
    assert select(
        store,
        """SELECT ?a WHERE { ?a ag:alliedWith|^ag:alliedWith ?t .
                             ?a skos:altLabel|rdfs:label "Al Qaeda" . ?t rdfs:label "Taliban" }""",
    )
    assert select(
        store,
        """SELECT ?e WHERE { ?e a/rdfs:subClassOf* ?kind ; ag:locatedIn ?p .
                             ?p ag:iso3166_2 "AF-HEL" }""",
    )


def test_seed_provenance_query_returns_the_sentence(seed_build: Path) -> None:
    rows = select(
        load_store(seed_build),
        """SELECT ?article ?sentence WHERE {
             ?s rdfs:label "Sohail Shaheen" .
             ?a rdf:subject ?s ; rdf:predicate ag:affiliatedWith ; rdf:object ?o ;
                prov:wasDerivedFrom ?e .
             ?e ag:sentence ?sentence ; dcterms:source/dcterms:identifier ?article .
           }""",
    )
    assert rows
    assert rows[0]["article"] == "000_761bafcaa80bbbf4.txt"
    assert rows[0]["sentence"].startswith("Sohail Shaheen, a senior member of the Taliban")


def extracted_records(*paths: Path) -> list[dict]:
    result = invoke("extract", *paths, "--quiet")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_extract_output_validates_against_the_schema(samples_dir: Path, nlp) -> None:
    schema = json.loads(SCHEMA.read_text())
    records = extracted_records(samples_dir)
    assert {r["article"] for r in records} == {p.name for p in samples_dir.iterdir()}
    for record in records:
        jsonschema.validate(record, schema)
        ids = {e["id"] for e in record["entities"]} | {v["id"] for v in record["events"]}
        for relation in record["relations"]:
            assert relation["subject"] in ids and relation["object"] in ids


def test_seed_extract_validates_and_offsets_point_at_the_sentence(shared_dir: Path, nlp) -> None:
    schema = json.loads(SCHEMA.read_text())
    seed = shared_dir / "corpus" / "seed"
    [record] = extracted_records(seed)
    jsonschema.validate(record, schema)
    text = next(seed.iterdir()).read_text(encoding="utf-8")
    for relation in record["relations"]:
        evidence = relation["evidence"]
        assert text[evidence["start"] : evidence["end"]].strip() == evidence["sentence"]


def test_broken_input_is_reported_and_the_rest_is_built(
    tmp_path: Path, samples_dir: Path, nlp
) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "good.txt").write_text((samples_dir / "peshawar-2014.txt").read_text())
    (articles / "broken.txt").write_bytes(b"\x00\x00binary")
    result = invoke("build", articles, "-o", tmp_path / "out")
    assert result.exit_code == 3
    assert "broken.txt" in result.output
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_no_readable_article_is_a_one_line_error(tmp_path: Path) -> None:
    result = invoke("extract", tmp_path)
    assert result.exit_code == 1
    assert "no readable articles" in result.output


def test_unknown_model_is_a_one_line_error(samples_dir: Path) -> None:
    result = invoke("extract", samples_dir, "--model", "en_core_web_nonexistent")
    assert result.exit_code == 1
    assert "en_core_web_nonexistent" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "command", [[], ["extract"], ["build"], ["evaluate"], ["evaluate", "gold"]]
)
def test_help_is_complete(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_big_graph_view_is_reduced_and_said(tmp_path: Path, samples_dir: Path, nlp) -> None:
    result = invoke("build", samples_dir, "-o", tmp_path, "--max-nodes", "10")
    assert result.exit_code == 0, result.output
    assert "map: showing the 10 highest-PageRank nodes" in result.output
    html = (tmp_path / "graph.html").read_text()
    assert "showing the 10 highest-PageRank nodes" in html


def test_focus_view(tmp_path: Path, samples_dir: Path, nlp) -> None:
    result = invoke("build", samples_dir, "-o", tmp_path, "--focus", "Taliban", "--depth", "1")
    assert result.exit_code == 0, result.output
    assert "within 1 hop of Taliban" in result.output

"""The public API does everything the command line does, with the same results.

Each test calls ``actorgraph.<function>`` the way a notebook would, on the real pipeline,
and where the CLI prints the same thing, compares the two.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import actorgraph
from actorgraph.cli import app


@pytest.fixture(scope="module")
def folder(nlp, samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("api") / "out"
    result = actorgraph.build_folder(samples_dir, outdir, formats=["turtle", "html"], nlp=nlp)
    assert result.extracted == 5 and result.reused == 0
    assert isinstance(result.graph, actorgraph.KnowledgeGraph)
    return outdir


def test_build_folder_writes_what_the_cli_writes(folder: Path, samples_dir: Path, tmp_path: Path):
    cli_out = tmp_path / "cli"
    run = CliRunner().invoke(
        app, ["build", str(samples_dir), "-o", str(cli_out), "-f", "turtle", "-f", "html", "-q"]
    )
    assert run.exit_code == 0, run.output
    for name in ("graph.ttl", "graph.html", "extractions.jsonl", "manifest.json"):
        assert (cli_out / name).read_bytes() == (folder / name).read_bytes(), name


def test_a_second_build_reuses_every_article(folder: Path, samples_dir: Path, nlp) -> None:
    result = actorgraph.build_folder(samples_dir, folder, formats=["turtle", "html"], nlp=nlp)
    assert (result.extracted, result.reused) == (0, 5)


def test_build_folder_takes_articles_as_objects(tmp_path: Path, nlp) -> None:
    article = actorgraph.Article(id="a1", text="Taliban commander Hazrat Ali spoke in Helmand.")
    result = actorgraph.build_folder([article], tmp_path / "out", formats=["turtle"], nlp=nlp)
    assert result.graph.articles.keys() == {"a1"}


def test_unknown_map_options_fail_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        actorgraph.build_folder(tmp_path, tmp_path / "out", map_options={"colour": "red"})
    assert not (tmp_path / "out").exists()


def test_no_readable_article_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(actorgraph.NoArticlesError, match="no readable articles"):
        actorgraph.build_folder(tmp_path, tmp_path / "out")


def test_open_entities_and_explain(folder: Path) -> None:
    kg = actorgraph.open(folder)
    rows = actorgraph.entities(kg, "organisation")
    assert rows and {row.type for row in rows} == {"Organisation"}
    assert [row.name for row in actorgraph.entities(folder, "Organisation")] == [
        row.name for row in rows
    ]
    explanations = actorgraph.explain(folder, rows[0].name)
    assert explanations[0].node.name == rows[0].name
    assert explanations[0].rows and explanations[0].to_dict()["merged"]
    cli = CliRunner().invoke(app, ["entities", str(folder), "-e", rows[0].name, "--json"])
    assert json.loads(cli.output) == [e.to_dict() for e in explanations]


def test_query_a_folder_a_graph_and_the_cli_agree(folder: Path) -> None:
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?p a ag:Person }"
    on_folder = actorgraph.query(folder, sparql).rows
    on_graph = actorgraph.query(actorgraph.open(folder), sparql).rows
    assert on_folder == on_graph and on_folder[0]["n"] > 0
    cli = CliRunner().invoke(app, ["query", str(folder), sparql, "-f", "json"])
    assert json.loads(cli.output) == on_folder


def test_validate_a_build(folder: Path) -> None:
    report = actorgraph.validate(folder / "graph.ttl")
    assert report.conforms and report.triples > 100


def test_evaluate_scores_saved_records(folder: Path, shared_dir: Path) -> None:
    records = folder / "extractions.jsonl"
    report = actorgraph.evaluate(
        "gold", shared_dir / "gold" / "dev", shared_dir / "corpus" / "dev", records=records
    )
    assert report.name.startswith("gold")
    with pytest.raises(ValueError, match="unknown benchmark"):
        actorgraph.evaluate("squad", records)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="articles"):
        actorgraph.evaluate("gold", shared_dir / "gold" / "dev")


def test_extract_texts_gives_ontology_terms() -> None:
    [extraction] = actorgraph.extract_texts(["Taliban commander Hazrat Ali spoke to reporters."])
    predicates = {fact.predicate for fact in extraction.facts}
    assert actorgraph.Relation.AFFILIATED_WITH in predicates

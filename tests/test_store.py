"""SPARQL: the build's on-disk store, `actorgraph query`, and pushing to a real Oxigraph server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

import actorgraph
from actorgraph import KnowledgeGraph
from actorgraph.cli import app
from actorgraph.store import QueryError, open_store, query_store
from actorgraph.store.oxigraph import run_query
from actorgraph.store.remote import Credentials, RemoteStoreError, query_endpoint

#: One query answering "which articles say so" for every edge of the graph.
WHICH_ARTICLES = """
SELECT ?s ?p ?o ?article ?sentence WHERE {
  ?s ?p ?o .
  ?a a ag:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     prov:wasDerivedFrom ?e .
  ?e ag:sentence ?sentence ; dcterms:source/dcterms:identifier ?article .
}
"""
RESOURCE = "https://w3id.org/actorgraph/resource/"


@pytest.fixture(scope="module")
def built(nlp, samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples built by the real `actorgraph build` command (in-process)."""
    outdir = tmp_path_factory.mktemp("store") / "out"
    result = CliRunner().invoke(app, ["build", str(samples_dir), "-o", str(outdir), "-q"])
    assert result.exit_code == 0, result.output
    return outdir


@pytest.fixture(scope="module")
def kg(built: Path) -> KnowledgeGraph:
    return KnowledgeGraph.open(built)


def articles_per_edge(rows: list[dict]) -> dict[tuple[str, str, str], set[str]]:
    found: dict[tuple[str, str, str], set[str]] = {}
    for row in rows:
        key = (
            row["s"].removeprefix(RESOURCE),
            row["p"].rsplit("#", 1)[1],
            row["o"].removeprefix(RESOURCE),
        )
        found.setdefault(key, set()).add(row["article"])
    return found


# -- the embedded store ------------------------------------------------------------------------


def test_build_keeps_an_atomic_on_disk_store(built: Path) -> None:
    link = built / "store"
    assert link.is_symlink()
    assert (built / os.readlink(link) / "data").is_dir()
    manifest = json.loads((built / "manifest.json").read_text())
    store = open_store(built)
    assert len(store) == manifest["triples"]


def test_every_edge_answers_which_articles_say_so(kg: KnowledgeGraph) -> None:
    rows = kg.query(WHICH_ARTICLES, as_dataframe=False)
    assert articles_per_edge(rows) == {edge.key: set(edge.articles) for edge in kg.facts()}
    assert all(row["sentence"] for row in rows)


def test_open_build_gives_the_graph_and_its_store(built: Path, kg: KnowledgeGraph) -> None:
    assert kg.store() is not None
    assert kg.to_turtle().encode() == (built / "graph.ttl").read_bytes()
    assert KnowledgeGraph.open(built).stats() == kg.stats()


def test_query_returns_a_typed_dataframe(kg: KnowledgeGraph) -> None:
    frame = kg.query(
        """SELECT ?assertion ?confidence ?support WHERE {
             ?assertion a ag:Assertion ; ag:confidence ?confidence ; ag:support ?support
           } ORDER BY ?assertion"""
    )
    assert list(frame.columns) == ["assertion", "confidence", "support"]
    assert len(frame) == len(kg.edges)
    assert frame["support"].dtype.kind == "i"
    assert frame["confidence"].between(0, 1).all()
    assert kg.query("ASK { ?p a ag:Person }") is True
    with pytest.raises(QueryError, match="invalid SPARQL"):
        kg.query("SELECT nonsense")


def test_an_in_memory_graph_answers_queries_too(kg: KnowledgeGraph) -> None:
    fresh = KnowledgeGraph.from_extractions(kg.extractions())
    rows = fresh.query(WHICH_ARTICLES, as_dataframe=False)
    assert articles_per_edge(rows) == {edge.key: set(edge.articles) for edge in kg.facts()}
    nothing = "SELECT ?x WHERE { ?x a ag:Nothing }"
    assert query_store(fresh.store(), nothing, as_dataframe=False) == []


def test_construct_queries_give_turtle(built: Path) -> None:
    result = run_query(open_store(built), "CONSTRUCT { ?p a ag:Person } WHERE { ?p a ag:Person }")
    assert result.kind == "graph"
    assert result.graph is not None and b"ag:Person" in result.graph


def test_cli_query_formats(built: Path) -> None:
    runner = CliRunner()
    sparql = "SELECT ?name WHERE { ?p a ag:Province ; rdfs:label ?name } ORDER BY ?name"
    table = runner.invoke(app, ["query", str(built), sparql])
    assert table.exit_code == 0, table.output
    assert "Helmand" in table.output
    csv_output = runner.invoke(app, ["query", str(built), sparql, "--format", "csv"])
    lines = csv_output.stdout.splitlines()
    assert lines[0] == "name" and "Helmand" in lines
    as_json = runner.invoke(app, ["query", str(built), sparql, "-f", "json"])
    assert {"name": "Helmand"} in json.loads(as_json.stdout)
    ask = runner.invoke(app, ["query", str(built), "ASK { ?p a ag:Person }", "-f", "json"])
    assert ask.stdout.strip() == "true"
    from_stdin = runner.invoke(app, ["query", str(built), "-", "-f", "csv"], input=sparql)
    assert from_stdin.stdout == csv_output.stdout


def test_cli_query_errors_are_one_line(built: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["query", str(built), "SELEKT ?x"])
    assert bad.exit_code == 1
    assert "invalid SPARQL" in bad.output
    assert "Traceback" not in bad.output
    missing = runner.invoke(app, ["query", str(tmp_path), "ASK {}"])
    assert missing.exit_code == 1
    assert "no SPARQL store" in " ".join(missing.output.split())


def test_store_is_swapped_only_when_the_graph_changes(nlp, built: Path, tmp_path: Path) -> None:
    from actorgraph.store.oxigraph import write_store

    data = (built / "graph.ttl").read_bytes()
    outdir = tmp_path / "out"
    outdir.mkdir()
    ntriples = _ntriples(data)
    write_store(outdir, ntriples)
    first = os.readlink(outdir / "store")
    write_store(outdir, ntriples)
    assert os.readlink(outdir / "store") == first
    write_store(outdir, ntriples + b'<https://x.org/a> <https://x.org/b> "c" .\n')
    second = os.readlink(outdir / "store")
    assert second != first
    assert sorted(p.name for p in outdir.iterdir()) == sorted(["store", second])


def test_a_graph_loaded_in_parts_is_the_whole_graph(built: Path, tmp_path: Path) -> None:
    """The on-disk store loads large N-Triples a few lines at a time (to bound memory):
    parts as small as three lines still give exactly the triples of one load."""
    import pyoxigraph

    from actorgraph.store.oxigraph import bulk_load_file

    triples = tmp_path / "graph.nt"
    triples.write_bytes(_ntriples((built / "graph.ttl").read_bytes()))
    whole = pyoxigraph.Store()
    whole.bulk_load(path=str(triples), format=pyoxigraph.RdfFormat.N_TRIPLES)
    in_parts = pyoxigraph.Store(str(tmp_path / "data"))
    bulk_load_file(in_parts, triples, lines=3)
    assert len(whole) > 30
    assert set(in_parts) == set(whole)


def test_blank_nodes_are_not_split_between_parts(tmp_path: Path) -> None:
    import pyoxigraph

    from actorgraph.store.oxigraph import bulk_load_file

    triples = tmp_path / "blank.nt"
    triples.write_bytes(
        b'<https://x.org/t> <https://x.org/name> "t" .\n'
        b'_:n <https://x.org/name> "a" .\n<https://x.org/s> <https://x.org/knows> _:n .\n'
    )
    store = pyoxigraph.Store()
    bulk_load_file(store, triples, lines=1)  # the first part holds no blank node
    [[name]] = store.query(
        "SELECT ?v WHERE { <https://x.org/s> <https://x.org/knows>/<https://x.org/name> ?v }"
    )
    assert name.value == "a"
    assert len(store) == 3


def _ntriples(turtle: bytes) -> bytes:
    import pyoxigraph

    triples = [q.triple for q in pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE)]
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)


# -- a real Oxigraph server ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_binary() -> Path:
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.exists():
        pytest.skip("the oxigraph server (pip package `oxigraph`) is not installed")
    return binary


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real Oxigraph server on a free loopback port; its base URL. Stopped afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [
            str(oxigraph_binary()),
            "serve",
            "--location",
            str(tmp_path / "oxigraph"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()


def _wait_until_up(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    query = urllib.request.Request(
        f"{base}/query?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"}
    )
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode() if process.stderr else ""
            pytest.fail(f"the oxigraph server exited: {error}")
        try:
            with urllib.request.urlopen(query, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    pytest.fail("the oxigraph server did not answer within 20 s")


def count(base: str, graph: str | None = None, method: str = "POST") -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    result = query_endpoint(
        f"{base}/query", f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}", method=method
    )
    return result.rows[0]["n"]


@pytest.mark.server
def test_push_over_the_graph_store_protocol_and_query_back(
    oxigraph_server: str, built: Path, kg: KnowledgeGraph
) -> None:
    result = actorgraph.push(built, f"{oxigraph_server}/store")
    assert (result.protocol, result.requests) == ("gsp", 1)
    assert result.status in (200, 201, 204)
    triples = len(kg.statements())
    assert count(oxigraph_server) == triples
    for method in ("POST", "GET"):
        rows = query_endpoint(f"{oxigraph_server}/query", WHICH_ARTICLES, method=method).rows
        assert articles_per_edge(rows) == {edge.key: set(edge.articles) for edge in kg.facts()}
    actorgraph.push(built, f"{oxigraph_server}/store")  # PUT replaces: no duplicates, same count
    assert count(oxigraph_server) == triples


@pytest.mark.server
def test_push_to_a_named_graph_and_append(
    oxigraph_server: str, built: Path, kg: KnowledgeGraph, tmp_path: Path
) -> None:
    graph = "https://example.org/graphs/samples"
    actorgraph.push(built, f"{oxigraph_server}/store", graph=graph)
    assert count(oxigraph_server, graph) == len(kg.statements())
    assert count(oxigraph_server) == 0
    extra = tmp_path / "extra.nt"
    extra.write_text('<https://x.org/a> <https://x.org/b> "c" .\n')
    actorgraph.push(extra, f"{oxigraph_server}/store", graph=graph, replace=False)
    assert count(oxigraph_server, graph) == len(kg.statements()) + 1
    actorgraph.push(extra, f"{oxigraph_server}/store", graph=graph)
    assert count(oxigraph_server, graph) == 1


@pytest.mark.server
def test_push_with_sparql_update(
    oxigraph_server: str, built: Path, kg: KnowledgeGraph, monkeypatch
) -> None:
    import actorgraph.store.remote as remote

    monkeypatch.setattr(remote, "UPDATE_BATCH", 200)  # several INSERT DATA requests
    triples = len(kg.statements())
    result = actorgraph.push(built, f"{oxigraph_server}/update", protocol="update")
    assert result.requests == 1 + -(-triples // 200)
    assert count(oxigraph_server) == triples
    graph = "https://example.org/g"
    actorgraph.push(built, f"{oxigraph_server}/update", protocol="update", graph=graph)
    actorgraph.push(built, f"{oxigraph_server}/update", protocol="update", graph=graph)
    assert count(oxigraph_server, graph) == triples


@pytest.mark.server
def test_cli_push_and_remote_query(oxigraph_server: str, built: Path, kg: KnowledgeGraph) -> None:
    runner = CliRunner()
    pushed = runner.invoke(app, ["push", str(built), "--endpoint", f"{oxigraph_server}/store"])
    assert pushed.exit_code == 0, pushed.output
    assert "default graph" in pushed.output
    queried = runner.invoke(
        app,
        [
            "query",
            f"{oxigraph_server}/query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
            "-f",
            "json",
        ],
    )
    assert json.loads(queried.stdout) == [{"n": len(kg.statements())}]


def test_cli_push_errors(built: Path) -> None:
    runner = CliRunner()
    port = free_port()  # nothing listens there
    refused = runner.invoke(app, ["push", str(built), "--endpoint", f"http://127.0.0.1:{port}/s"])
    assert refused.exit_code == 1
    assert "cannot reach" in refused.output
    not_http = runner.invoke(app, ["push", str(built), "--endpoint", "ftp://example.org/"])
    assert not_http.exit_code == 1
    assert "http(s) URL" in not_http.output
    both = runner.invoke(
        app, ["push", str(built), "--endpoint", "http://127.0.0.1:1/", "-u", "u", "--token", "t"]
    )
    assert both.exit_code == 1
    assert "not both" in both.output


# -- credentials ---------------------------------------------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    """Answers 401 without the expected header, else 204; remembers what it saw."""

    seen: ClassVar[list[dict[str, str]]] = []
    expected: ClassVar[str] = ""

    def do_PUT(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        _Recorder.seen.append({**dict(self.headers), "path": self.path, "body": body.decode()})
        status = 204 if self.headers.get("Authorization") == self.expected else 401
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Recorder.seen = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_credentials_travel_in_the_authorization_header(recorder: str, built: Path) -> None:
    _Recorder.expected = Credentials("alice", "s3cret").header() or ""
    actorgraph.push(built, f"{recorder}/store", credentials=Credentials("alice", "s3cret"))
    [request] = _Recorder.seen
    assert request["Authorization"] == "Basic YWxpY2U6czNjcmV0"
    assert request["path"] == "/store?default"
    assert request["Content-Type"].startswith("text/turtle")
    assert "s3cret" not in request["path"]

    _Recorder.expected = "Bearer tok-123"
    result = CliRunner().invoke(
        app,
        ["push", str(built), "--endpoint", f"{recorder}/store", "--graph", "urn:x:g"],
        env={"ACTORGRAPH_TOKEN": "tok-123"},
    )
    assert result.exit_code == 0, result.output
    assert _Recorder.seen[-1]["Authorization"] == "Bearer tok-123"
    assert _Recorder.seen[-1]["path"] == "/store?graph=urn%3Ax%3Ag"

    with pytest.raises(RemoteStoreError, match=r"HTTP 401.*check the credentials"):
        actorgraph.push(built, f"{recorder}/store", credentials=Credentials(token="wrong"))

"""The fast paths of large builds give what the plain ones gave: N-Triples written without
pyoxigraph objects, the one-string sort key, a store patched from the previous one, one
view for the map page and its notes, a bounded page for events reported many times."""

from __future__ import annotations

import io
import json
import random
from collections import Counter
from pathlib import Path

import pyoxigraph
import pytest
from benchmarks.synthetic import synthetic_graph
from rdflib.namespace import RDF, XSD

from actorgraph.graph.rdf import IRI, _sort_key, iter_statements, oxigraph_triples
from actorgraph.graph.rdfio import (
    _SubjectsApart,
    ntriples_bytes,
    prefixes,
    turtle_bytes,
    turtle_from_ntriples,
    write_turtle_from_ntriples,
)
from actorgraph.ontology import AG, AGR
from actorgraph.store.oxigraph import (
    TRIPLES_FILE,
    _patch_copy,
    ntriples_difference,
    write_store,
)

TYPE, STRING, INTEGER = str(RDF.type), str(XSD.string), str(XSD.integer)
A, B = "https://w3id.org/actorgraph/resource/a", "https://w3id.org/actorgraph/resource/ab"
P = "https://w3id.org/actorgraph/ontology#p"
#: Every character class the N-Triples escapes treat apart, and some they leave alone.
AWKWARD = [
    "",
    "plain",
    'a "quoted" word',
    "back\\slash",
    "line\nbreak\r\n",
    "tab\tbell\x07backspace\x08formfeed\x0c",
    "nul\x00inside",
    "delete\x7f",
    "unit separator\x1f",
    "line separator\u2028paragraph\u2029",
    "accents é ñ ü, Arabic قندهار, emoji 🛰",
    "\ufffd replacement",
]


def _pyoxigraph_ntriples(statements: list[tuple[str, str, str, str]]) -> bytes:
    return pyoxigraph.serialize(oxigraph_triples(statements), format=pyoxigraph.RdfFormat.N_TRIPLES)


def test_ntriples_are_the_bytes_pyoxigraph_writes() -> None:
    statements = [(A, P, text, STRING) for text in AWKWARD]
    statements += [(A, P, text, INTEGER) for text in AWKWARD[:3]]
    statements += [(A, TYPE, B, IRI)]
    assert ntriples_bytes(statements) == _pyoxigraph_ntriples(statements)
    parsed = list(
        pyoxigraph.parse(ntriples_bytes(statements), format=pyoxigraph.RdfFormat.N_TRIPLES)
    )
    assert [quad.object.value for quad in parsed[: len(AWKWARD)]] == AWKWARD


def test_ntriples_and_turtle_of_a_merged_graph_match_pyoxigraph() -> None:
    statements = synthetic_graph(300).statements()
    ntriples = ntriples_bytes(statements)
    assert ntriples == _pyoxigraph_ntriples(statements)
    turtle = turtle_bytes(statements)
    back = pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE)
    assert {str(q.triple) for q in back} == {
        str(q.triple) for q in pyoxigraph.parse(ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    }


def _tuple_order(statement: tuple[str, str, str, str]) -> tuple[object, ...]:
    subject, predicate, obj, datatype = statement
    return (subject, predicate != TYPE, predicate, obj, datatype)


def test_the_sort_key_orders_as_the_tuple_does() -> None:
    rng = random.Random(5)
    pieces = ["", "a", "a\x00", "a\x00\x01", "\x00", "ab", "a\x01", "b", "é", "a\x00b"]
    subjects, predicates = [A, A + "x", B, A + "/1"], [TYPE, P, P + "a", P[:-1]]
    statements = {
        (
            rng.choice(subjects),
            rng.choice(predicates),
            rng.choice(pieces) + rng.choice(pieces),
            rng.choice([IRI, STRING, INTEGER]),
        )
        for _ in range(3000)
    }
    assert sorted(statements, key=_sort_key) == sorted(statements, key=_tuple_order)
    assert len({_sort_key(s) for s in statements}) == len(statements)


def _file(path: Path, statements: list[tuple[str, str, str, str]]) -> Path:
    path.write_bytes(ntriples_bytes(statements))
    return path


def _contents(store_folder: Path) -> set[str]:
    store = pyoxigraph.Store.read_only(str(store_folder / "data"))
    return {str(quad) for quad in store}


def test_a_small_change_patches_a_copy_of_the_previous_store(tmp_path: Path) -> None:
    before = synthetic_graph(200).statements()
    after = [s for s in before if "front-002" not in s[0]] + [(A, P, 'new "fact"\n', STRING)]
    after = sorted(set(after), key=_sort_key)
    outdir = tmp_path / "out"
    outdir.mkdir()
    write_store(outdir, ntriples_bytes(before))
    first = (outdir / "store").resolve()
    assert (first / TRIPLES_FILE).read_bytes() == ntriples_bytes(before)
    patched = tmp_path / "patched"
    patched.mkdir()
    (patched / TRIPLES_FILE).write_bytes(ntriples_bytes(after))
    assert _patch_copy(first, patched, patched / TRIPLES_FILE)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    pyoxigraph.Store(str(fresh / "data")).bulk_load(
        ntriples_bytes(after), format=pyoxigraph.RdfFormat.N_TRIPLES
    )
    assert _contents(patched) == _contents(fresh)
    assert _contents(patched) != _contents(first)
    # Through write_store: the new store holds exactly the new triples, the old one is gone.
    write_store(outdir, ntriples_bytes(after))
    second = (outdir / "store").resolve()
    assert second != first and not first.exists()
    assert _contents(second) == _contents(fresh)
    assert (second / TRIPLES_FILE).read_bytes() == ntriples_bytes(after)


@pytest.mark.parametrize("seed", range(5))
def test_the_subject_by_subject_difference_is_the_difference_of_the_lines(seed: int) -> None:
    chooser = random.Random(seed)
    before = [*synthetic_graph(60).statements(), (A, P, "a", STRING), (B, P, "ab", STRING)]
    after = [s for s in before if chooser.random() > 0.05]  # some triples and subjects go
    after += [(A, P, "changed", STRING), (B + "c", P, "a new subject", STRING)]
    after += [(s, p, o + " edited", d) for s, p, o, d in before if d and chooser.random() < 0.02]
    old = ntriples_bytes(sorted(set(before), key=_sort_key))
    new = ntriples_bytes(sorted(set(after), key=_sort_key))
    removed, added = ntriples_difference(old, new)
    assert removed == set(old.splitlines()) - set(new.splitlines())
    assert added == set(new.splitlines()) - set(old.splitlines())
    assert removed and added
    assert ntriples_difference(new, new) == (set(), set())


def test_the_difference_read_from_files_is_the_difference_of_the_bytes(tmp_path: Path) -> None:
    before = sorted(set(synthetic_graph(80).statements()), key=_sort_key)
    after = [*before[5:-7], (A, P, "changed", STRING)]
    after = sorted(set(after), key=_sort_key)
    old, new = _file(tmp_path / "old.nt", before), _file(tmp_path / "new.nt", after)
    with old.open("rb") as left, new.open("rb") as right:
        streamed = ntriples_difference(left, right)
    assert streamed == ntriples_difference(old.read_bytes(), new.read_bytes())
    assert streamed[0] and streamed[1]


def test_triples_out_of_subject_order_are_not_patched_but_loaded_afresh(tmp_path: Path) -> None:
    statements = sorted(set(synthetic_graph(30).statements()), key=_sort_key)
    shuffled = ntriples_bytes(statements[len(statements) // 2 :] + statements[: len(statements) // 2])
    with pytest.raises(ValueError, match="order"):
        ntriples_difference(shuffled, ntriples_bytes(statements))
    previous = tmp_path / "previous"
    (previous / "data").mkdir(parents=True)
    (previous / TRIPLES_FILE).write_bytes(shuffled)
    building = tmp_path / "building"
    building.mkdir()
    assert not _patch_copy(previous, building, _file(tmp_path / "new.nt", statements))


def test_a_large_change_or_an_unknown_store_loads_afresh(tmp_path: Path) -> None:
    before = synthetic_graph(100).statements()
    other = synthetic_graph(100, seed=2).statements()
    outdir = tmp_path / "out"
    outdir.mkdir()
    write_store(outdir, ntriples_bytes(before))
    previous = (outdir / "store").resolve()
    assert not _patch_copy(previous, tmp_path / "x", _file(tmp_path / "other.nt", other))
    (previous / TRIPLES_FILE).unlink()  # a store written before stores kept their triples
    assert not _patch_copy(previous, tmp_path / "y", _file(tmp_path / "less.nt", before[:-1]))
    write_store(outdir, ntriples_bytes(other))
    assert _contents((outdir / "store").resolve()) == {
        str(q)
        for q in pyoxigraph.parse(ntriples_bytes(other), format=pyoxigraph.RdfFormat.N_TRIPLES)
    }


def test_node_link_json_has_one_node_or_edge_per_line() -> None:
    import networkx as nx

    from actorgraph.export.network import node_link_bytes

    kg = synthetic_graph(120)
    text = node_link_bytes(kg).decode("utf-8")
    data = json.loads(text)
    assert len(data["nodes"]) == len(kg.nodes) + len(kg.events) + len(kg.places)
    lines = text.splitlines()
    assert sum(line.startswith('{"') for line in lines) == len(data["nodes"]) + len(data["edges"])
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.number_of_edges() == len(data["edges"])


def test_render_map_gives_the_page_and_the_notes_of_one_view() -> None:
    from actorgraph.maps import render_html, render_map, view_notes

    kg = synthetic_graph(400)
    page, notes = render_map(kg, max_nodes=50)
    assert page == render_html(kg, max_nodes=50)
    assert notes == view_notes(kg, max_nodes=50) and notes


@pytest.mark.parametrize("reported_by", [1, 5, 6, 40])
def test_an_event_lists_a_few_articles_and_counts_the_rest(reported_by: int) -> None:
    from actorgraph.maps.folded import MAX_EVENT_ARTICLES, folded_edge_record

    event = {
        "id": "event/x",
        "kind": "Attack",
        "articles": [{"article": f"a{n}", "title": f"T{n}"} for n in range(reported_by)],
    }
    record = folded_edge_record(1, {"predicate": "coInvolvedWith", "events": [event]})
    (item,) = record["events"]
    assert item["articleCount"] == reported_by
    assert [a["article"] for a in item["articles"]] == [
        f"a{n}" for n in range(min(reported_by, MAX_EVENT_ARTICLES))
    ]


def test_a_damaged_previous_store_is_loaded_afresh(tmp_path: Path) -> None:
    import shutil

    before = synthetic_graph(100).statements()
    outdir = tmp_path / "out"
    outdir.mkdir()
    write_store(outdir, ntriples_bytes(before))
    shutil.rmtree((outdir / "store").resolve() / "data")  # its triples.nt survives
    after = before[:-1]
    write_store(outdir, ntriples_bytes(after))
    assert _contents((outdir / "store").resolve()) == {
        str(q)
        for q in pyoxigraph.parse(ntriples_bytes(after), format=pyoxigraph.RdfFormat.N_TRIPLES)
    }


def _turtle_in_one_piece(ntriples: bytes) -> bytes:
    """The Turtle as it was made before it was streamed: all of pyoxigraph's output at once,
    its prefix lines dropped for the fixed block, a blank line after every subject."""
    triples = pyoxigraph.parse(ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    body = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes())
    lines = body.split(b"\n")
    while lines and lines[0].startswith(b"@prefix "):
        lines.pop(0)
    blocks = b"\n".join(lines).replace(b" .\n", b" .\n\n").rstrip(b"\n")
    header = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in prefixes().items()).encode()
    return header + (b"\n" + blocks + b"\n" if blocks else b"")


class _Chunks(io.BytesIO):
    """A stream that pyoxigraph's Turtle reaches in pieces of 1 to 9 bytes."""

    def __init__(self, seed: int) -> None:
        super().__init__()
        self.rng = random.Random(seed)

    def feed(self, data: bytes, writer: _SubjectsApart) -> None:
        position = 0
        while position < len(data):
            step = self.rng.randint(1, 9)
            writer.write(data[position : position + step])
            position += step


@pytest.mark.parametrize("seed", range(3))
def test_turtle_streamed_in_any_pieces_is_turtle_made_in_one(tmp_path: Path, seed: int) -> None:
    statements = list(synthetic_graph(40, seed=seed).statements())
    statements += [(A, P, text, STRING) for text in AWKWARD if " ." not in text]
    statements = sorted(set(statements), key=_sort_key)
    ntriples = ntriples_bytes(statements)
    expected = _turtle_in_one_piece(ntriples)
    path = _file(tmp_path / "graph.nt", statements)
    with (tmp_path / "graph.ttl").open("wb") as stream:
        write_turtle_from_ntriples(path, stream)
    assert (tmp_path / "graph.ttl").read_bytes() == expected == turtle_bytes(statements)
    raw = pyoxigraph.serialize(
        pyoxigraph.parse(ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES),
        format=pyoxigraph.RdfFormat.TURTLE,
        prefixes=prefixes(),
    )
    out = _Chunks(seed)
    header = expected[: expected.index(b"\n\n") + 1]
    out.write(header)
    writer = _SubjectsApart(out)
    out.feed(raw, writer)
    writer.close()
    assert out.getvalue() == expected


def test_turtle_of_no_triples_is_the_prefix_block() -> None:
    assert turtle_from_ntriples(b"") == _turtle_in_one_piece(b"")
    assert turtle_from_ntriples(b"").decode().count("@prefix") == len(prefixes())


def test_streamed_statements_are_sorted_once_each_with_every_fact() -> None:
    kg = synthetic_graph(150)
    statements = list(iter_statements(kg))
    assert statements == sorted(set(statements), key=_sort_key)
    types = Counter(obj for _, predicate, obj, _ in statements if predicate == TYPE)
    assert types[str(AG.Assertion)] == len(kg.edges)
    assert types[str(AG.Evidence)] == sum(len(edge.evidence) for edge in kg.edges.values())
    direct = {(s, p, o) for s, p, o, d in statements if d == IRI}
    assert all(
        (str(AGR) + e.subject, str(e.predicate.iri), str(AGR) + e.object) in direct
        for e in kg.edges.values()
    )

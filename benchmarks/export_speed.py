"""Turtle export speed on a large graph: rdflib's serializer against actorgraph's path.

rdflib's Turtle writer slows down badly as graphs grow (rdflib#2135). actorgraph makes
the graph's triples once as sorted plain tuples and hands them to pyoxigraph's
serializer (:func:`actorgraph.graph.rdfio.turtle_bytes`). This script builds a
synthetic knowledge graph of about a million triples (the same generator the map tests
use, merged by the real merge code), times both paths side by side in one run, checks
that they hold exactly the same triples, and prints the ratio.

    .venv/bin/python benchmarks/export_speed.py              # about 1M triples
    .venv/bin/python benchmarks/export_speed.py --triples 200000
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from typing import Any

import pyoxigraph
from synthetic import synthetic_extractions

from actorgraph import KnowledgeGraph
from actorgraph.graph.rdfio import ntriples_bytes, turtle_bytes

#: Triples per unit of synthetic graph size (measured: about 33.6).
TRIPLES_PER_NODE = 33.6


def timed(label: str, action: Callable[[], Any]) -> tuple[Any, float]:
    gc.collect()
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    print(f"  {label:<44} {seconds:8.2f} s", flush=True)
    return result, seconds


def canonical_lines(data: bytes, rdf_format: pyoxigraph.RdfFormat) -> list[bytes]:
    """The triples of a serialisation as sorted canonical N-Triples lines."""
    triples = [quad.triple for quad in pyoxigraph.parse(data, format=rdf_format)]
    return sorted(pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES).splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about this many triples")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    size = max(40, round(arguments.triples / TRIPLES_PER_NODE))

    print(f"synthetic graph of {size} nodes")
    extractions, _ = timed(
        "make article extractions", lambda: synthetic_extractions(size, seed=arguments.seed)
    )
    kg, merge_s = timed("merge (KnowledgeGraph.from_extractions)", lambda: _merged(extractions))
    statements, statements_s = timed("RDF triples as sorted tuples", kg.statements)
    print(f"  {len(statements):,} triples, {kg!r}\n")

    print("actorgraph (sorted tuples -> pyoxigraph)")
    fast_turtle, fast_s = timed("turtle_bytes(kg.statements())", lambda: turtle_bytes(statements))
    again, _ = timed("again, for determinism", lambda: turtle_bytes(kg.statements()))
    _, nt_s = timed("ntriples_bytes(kg.statements())", lambda: ntriples_bytes(statements))

    print("\nrdflib")
    graph, to_rdf_s = timed("build rdflib Graph (kg.to_rdf)", kg.to_rdf)
    rdflib_turtle, rdflib_s = timed(
        "Graph.serialize(format='turtle')",
        lambda: graph.serialize(format="turtle", encoding="utf-8"),
    )
    graph = None  # free it

    print("\nchecks")
    same, _ = timed(
        "same triples in both Turtle files",
        lambda: (
            canonical_lines(rdflib_turtle, pyoxigraph.RdfFormat.TURTLE)
            == canonical_lines(fast_turtle, pyoxigraph.RdfFormat.TURTLE)
        ),
    )
    print(f"  same triples: {same}; byte-identical on a second run: {again == fast_turtle}")
    megabytes = len(rdflib_turtle) / 1e6, len(fast_turtle) / 1e6
    print(f"  sizes: rdflib {megabytes[0]:.1f} MB, actorgraph {megabytes[1]:.1f} MB")

    print(f"\n{'':<34}{'rdflib':>10}{'actorgraph':>12}{'ratio':>8}")
    print(
        f"{'Turtle serialisation':<34}{rdflib_s:>9.2f}s{fast_s:>11.2f}s{rdflib_s / fast_s:>7.1f}x"
    )
    rdflib_total = to_rdf_s + rdflib_s
    fast_total = statements_s + fast_s
    print(
        f"{'triples + Turtle, from the graph':<34}{rdflib_total:>9.2f}s{fast_total:>11.2f}s"
        f"{rdflib_total / fast_total:>7.1f}x"
    )
    print(f"(merge {merge_s:.2f} s and N-Triples {nt_s:.2f} s are shared by both paths' callers)")
    if not same:
        raise SystemExit("the two serialisations hold different triples")


def _merged(extractions: list) -> KnowledgeGraph:
    kg = KnowledgeGraph.from_extractions(extractions)
    kg.nodes  # noqa: B018 - merging is lazy; force it here so it is timed
    return kg


if __name__ == "__main__":
    main()

"""Incremental builds: only what changed is extracted, and the folder equals a fresh build.

Also: builds are deterministic (same inputs, any order → same bytes), and a build killed
with SIGKILL at any moment is completed by the next run into exactly the fresh result.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pytest

import actorgraph
from actorgraph import KnowledgeGraph

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def snapshot(outdir: Path) -> dict[str, bytes]:
    """Every file of a build folder (the cache included) except the store's database files."""
    files = {}
    for path in sorted(outdir.rglob("*")):
        relative = path.relative_to(outdir)
        if relative.parts[0].startswith(".store-") or path.is_dir():
            continue
        files[relative.as_posix()] = (
            os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
        )
    return files


def store_triples(outdir: Path) -> list[bytes]:
    store = pyoxigraph.Store.read_only(str(outdir / "store" / "data"))
    dump = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    return sorted(dump.splitlines())


def assert_same_build(left: Path, right: Path) -> None:
    left_files, right_files = snapshot(left), snapshot(right)
    assert sorted(left_files) == sorted(right_files)
    for name in left_files:
        assert left_files[name] == right_files[name], name
    assert store_triples(left) == store_triples(right)


def build(paths: list[Path], outdir: Path, nlp, **options) -> actorgraph.BuildResult:
    return actorgraph.build_folder(paths, outdir, nlp=nlp, **options)


@pytest.fixture
def corpus(samples_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("chibok-2014.md", "helmand-2021.txt", "mosul-2017.txt"):
        shutil.copy(samples_dir / name, folder / name)
    return folder


def test_a_grown_and_edited_corpus_equals_a_fresh_build(
    nlp, corpus: Path, samples_dir: Path, tmp_path: Path
) -> None:
    outdir = tmp_path / "out"
    first = build([corpus], outdir, nlp)
    assert (first.extracted, first.reused) == (3, 0)
    assert "chibok-2014.md" in first.graph.articles

    for name in ("peshawar-2014.txt", "westgate-2013.html"):  # two new articles
        shutil.copy(samples_dir / name, corpus / name)
    edited = corpus / "mosul-2017.txt"  # one changed article
    edited.write_text(edited.read_text() + "\nIslamic State fighters attacked Kirkuk on Monday.\n")
    (corpus / "chibok-2014.md").unlink()  # one removed article

    second = build([corpus], outdir, nlp)
    assert (second.extracted, second.reused) == (3, 1)
    assert "chibok-2014.md" not in second.graph.articles
    assert all("chibok-2014.md" not in node.articles for node in second.graph.nodes.values())
    assert not second.graph.find("Boko Haram")
    assert len(list((outdir / ".cache").glob("*/*.json"))) == 4

    fresh = build([corpus], tmp_path / "fresh", nlp)
    assert fresh.extracted == 4
    assert_same_build(outdir, tmp_path / "fresh")

    third = build([corpus], outdir, nlp)
    assert (third.extracted, third.reused) == (0, 4)
    assert_same_build(outdir, tmp_path / "fresh")


@pytest.mark.parametrize("collecting", [True, False])
def test_a_build_leaves_the_garbage_collector_as_it_found_it(
    nlp, corpus: Path, tmp_path: Path, collecting: bool
) -> None:
    was = gc.isenabled()
    gc.enable() if collecting else gc.disable()
    try:
        result = build([corpus], tmp_path / "out", nlp)
        assert gc.isenabled() is collecting
        assert gc.get_freeze_count() == 0  # what a build froze is thawed
        with pytest.raises(ValueError, match="no node"):  # a build that fails half-way
            build([corpus], tmp_path / "out", nlp, map_options={"focus": "Nobody At All"})
        assert gc.isenabled() is collecting
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable() if was else gc.disable()
    # The triples and the networkx form were let go after writing, and come back on demand.
    assert result.triples == len(result.graph.statements()) > 0
    assert result.graph.networkx_view().number_of_nodes() == len(result.graph)


def test_builds_are_deterministic_whatever_the_input_order(
    nlp, samples_dir: Path, shared_dir: Path, tmp_path: Path
) -> None:
    seed = shared_dir / "corpus" / "seed"
    formats = ["turtle", "ntriples", "jsonld", "json", "graphml", "gexf", "csv", "html"]
    build([samples_dir, seed], tmp_path / "a", nlp, formats=formats)
    build([seed, samples_dir], tmp_path / "b", nlp, formats=formats)
    assert_same_build(tmp_path / "a", tmp_path / "b")
    shutil.rmtree(tmp_path / "a")
    build([samples_dir, seed], tmp_path / "a", nlp, formats=formats)
    assert_same_build(tmp_path / "a", tmp_path / "b")


def test_a_changed_pipeline_setting_reextracts_everything(
    nlp, corpus: Path, tmp_path: Path
) -> None:
    outdir = tmp_path / "out"
    build([corpus], outdir, nlp)
    stricter = build([corpus], outdir, nlp, min_confidence=0.8)
    assert stricter.extracted == 3
    build([corpus], tmp_path / "fresh", nlp, min_confidence=0.8)
    assert_same_build(outdir, tmp_path / "fresh")
    assert all(edge.confidence >= 0.8 for edge in stricter.graph.facts())


def test_damaged_cache_entries_and_leftovers_are_harmless(
    nlp, corpus: Path, tmp_path: Path
) -> None:
    outdir = tmp_path / "out"
    build([corpus], outdir, nlp)
    entry = next((outdir / ".cache").glob("*/*.json"))
    entry.write_text('{"key": "truncat')
    (outdir / ".graph.ttl.abcd.tmp").write_text("half a file")
    (entry.parent / f".{entry.name}.x.tmp").write_text("{")
    (outdir / ".store-building-xyz").mkdir()
    again = build([corpus], outdir, nlp)
    assert (again.extracted, again.reused) == (1, 2)
    build([corpus], tmp_path / "fresh", nlp)
    assert_same_build(outdir, tmp_path / "fresh")


def test_a_build_folder_opens_as_a_graph(nlp, corpus: Path, tmp_path: Path) -> None:
    result = build([corpus], tmp_path / "out", nlp, formats=["csv"], store=False)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".cache",
        ".lock",
        "edges.csv",
        "extractions.jsonl",
        "manifest.json",
    ]
    opened = KnowledgeGraph.open(tmp_path / "out")
    assert opened.to_turtle() == result.graph.to_turtle()
    assert opened.query("ASK { ?s a ag:Province }") is True  # an in-memory store
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["triples"] == len(result.graph.statements())
    assert manifest["store"] is None


# -- killed builds -----------------------------------------------------------------------------


def run_build(paths: list[Path], outdir: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "actorgraph.cli", "build", *map(str, paths), "-o", str(outdir)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill_when(process: subprocess.Popen, ready: Callable[[], bool], timeout: float = 120) -> bool:
    """SIGKILL the build as soon as ``ready()`` holds; whether it was killed part-way."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if ready():
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            return True
        time.sleep(0.002)
    process.kill()
    pytest.fail("the build neither finished nor reached the kill point")


def assert_readable(outdir: Path) -> None:
    """Whatever a killed build left is whole: outputs parse, cache entries are JSON."""
    if (outdir / "graph.ttl").exists():
        pyoxigraph.parse((outdir / "graph.ttl").read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    if (outdir / "graph.json").exists():
        json.loads((outdir / "graph.json").read_bytes())
    for entry in (outdir / ".cache").glob("*/*.json"):
        json.loads(entry.read_bytes())


def test_a_build_killed_at_any_moment_is_completed_by_the_next(
    nlp, samples_dir: Path, shared_dir: Path, tmp_path: Path
) -> None:
    paths = [samples_dir, shared_dir / "corpus" / "seed", shared_dir / "corpus" / "dev"]
    outdir = tmp_path / "out"
    cache = outdir / ".cache"

    def extracting() -> bool:
        return len(list(cache.glob("*/*.json"))) >= 3

    def exporting() -> bool:
        return (outdir / "extractions.jsonl").exists()

    killed = [kill_when(run_build(paths, outdir), extracting)]
    assert killed[0], "the first build should have been killed while extracting"
    assert not (outdir / "graph.ttl").exists()
    assert_readable(outdir)
    killed.append(kill_when(run_build(paths, outdir), exporting))
    assert_readable(outdir)
    print(f"killed part-way: {killed}")

    finished = run_build(paths, outdir)
    _, errors = finished.communicate(timeout=300)
    assert finished.returncode == 0, errors.decode()
    assert b"extracted" in errors

    build(paths, tmp_path / "fresh", nlp)
    assert_same_build(outdir, tmp_path / "fresh")


@pytest.mark.slow
def test_builds_killed_at_random_moments_converge_to_the_fresh_build(
    nlp, samples_dir: Path, shared_dir: Path, tmp_path: Path
) -> None:
    """SIGKILL after random delays (model loading, extraction, export, store), then finish."""
    import random

    paths = [samples_dir, shared_dir / "corpus" / "seed", shared_dir / "corpus" / "dev"]
    outdir = tmp_path / "out"
    rng = random.Random(7)
    for _ in range(5):
        process = run_build(paths, outdir)
        delay = time.monotonic() + rng.uniform(1.5, 6.0)
        kill_when(process, lambda deadline=delay: time.monotonic() >= deadline)
        assert_readable(outdir)
    finished = run_build(paths, outdir)
    _, errors = finished.communicate(timeout=300)
    assert finished.returncode == 0, errors.decode()
    build(paths, tmp_path / "fresh", nlp)
    assert_same_build(outdir, tmp_path / "fresh")


def test_building_without_a_store_removes_the_old_one(nlp, corpus: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    build([corpus], outdir, nlp)
    assert (outdir / "store").is_symlink()
    build([corpus], outdir, nlp, store=False)
    assert not (outdir / "store").exists()
    assert not list(outdir.glob(".store-*"))


def test_streamed_outputs_are_the_formats_bytes_and_leave_no_scratch_file(
    nlp, corpus: Path, tmp_path: Path
) -> None:
    from actorgraph.export.formats import FORMATS

    outdir = tmp_path / "out"
    result = build([corpus], outdir, nlp, formats=["turtle", "ntriples", "json"])
    kg = result.graph
    for name in ("turtle", "ntriples", "json"):
        written = (outdir / FORMATS[name].filename).read_bytes()
        assert written == FORMATS[name].render(kg), name
    ntriples = (outdir / "graph.nt").read_bytes()
    kept = outdir / "store" / "triples.nt"
    assert kept.read_bytes() == ntriples
    assert not kept.samefile(outdir / "graph.nt")  # editing graph.nt leaves the store's own
    assert result.triples == ntriples.count(b"\n") == len(kg.statements())
    assert not list(outdir.glob(".*.tmp"))
    # Run again unchanged: nothing is rewritten, and the store is the same one.
    before = {path.name: path.stat().st_mtime_ns for path in outdir.glob("graph.*")}
    store = (outdir / "store").resolve()
    build([corpus], outdir, nlp, formats=["turtle", "ntriples", "json"])
    assert {path.name: path.stat().st_mtime_ns for path in outdir.glob("graph.*")} == before
    assert (outdir / "store").resolve() == store
    assert not list(outdir.glob(".*.tmp"))


def test_a_build_without_rdf_outputs_still_counts_its_triples(
    nlp, corpus: Path, tmp_path: Path
) -> None:
    outdir = tmp_path / "out"
    result = build([corpus], outdir, nlp, formats=["json"], store=False)
    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    assert result.triples == manifest["triples"] == len(result.graph.statements()) > 0
    assert not list(outdir.glob(".*.tmp"))

"""Builds that scale: streamed, in several processes, on a real Dask cluster — same bytes.

Also the build folder's own guarantees: one build at a time, never a mix of two builds,
nothing written when an option cannot be met, leftovers of killed builds cleaned up.
Speed and memory figures live in benchmarks/scale.py, not here.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import actorgraph
from actorgraph.buildfolder import (
    BuildLockedError,
    IncompleteBuildError,
    build_folder,
)
from actorgraph.buildfolder.runners import DaskCluster
from actorgraph.reading import read_articles

FORMATS = ["turtle", "ntriples", "json", "csv"]


def digests(folder: Path) -> dict[str, str]:
    names = ["extractions.jsonl", "graph.ttl", "graph.nt", "graph.json", "edges.csv"]
    return {
        name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
        for name in names
        if (folder / name).is_file()
    }


@pytest.fixture(scope="module")
def corpus(samples_dir: Path) -> list[actorgraph.Article]:
    """The samples, each under four ids: 20 articles, enough for several chunks."""
    base = list(read_articles([samples_dir]))
    return [
        actorgraph.Article(id=f"copy{n}-{a.id}", text=a.text, title=a.title, date=a.date)
        for n in range(4)
        for a in base
    ]


@pytest.fixture(scope="module")
def one_process(nlp, corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("one") / "out"
    actorgraph.build_folder(corpus, folder, nlp=nlp, formats=FORMATS, batch_size=2)
    return folder


def test_two_processes_write_the_same_bytes(nlp, corpus, one_process: Path, tmp_path: Path):
    result = actorgraph.build_folder(
        corpus, tmp_path / "out", nlp=nlp, formats=FORMATS, batch_size=2, processes=2
    )
    assert result.extracted == len(corpus)
    assert digests(tmp_path / "out") == digests(one_process)


def test_workers_that_load_the_model_themselves_write_the_same_bytes(
    corpus, one_process: Path, tmp_path: Path
) -> None:
    """Without a loaded pipeline even one process extracts in a worker that loads the
    model, so the process that merges never holds it: the bytes are the same."""
    result = actorgraph.build_folder(
        corpus, tmp_path / "out", formats=FORMATS, batch_size=2, processes=1
    )
    assert result.extracted == len(corpus)
    assert digests(tmp_path / "out") == digests(one_process)


def test_the_fingerprint_read_from_the_model_files_is_the_loaded_pipelines(nlp) -> None:
    from actorgraph.extractors.long_texts import max_chars_set
    from actorgraph.extractors.pipeline import model_fingerprint, pipeline_fingerprint

    assert model_fingerprint() == pipeline_fingerprint(nlp)
    with max_chars_set(nlp, 5_000):
        assert model_fingerprint(max_chars=5_000) == pipeline_fingerprint(nlp)
        assert model_fingerprint() != pipeline_fingerprint(nlp)


def test_a_build_with_every_article_cached_loads_no_model(
    nlp, corpus, one_process: Path, tmp_path: Path
) -> None:
    """The model here is a folder holding only the real model's meta.json: it names the
    same model, so the cache matches, but loading it would fail."""
    import importlib.util
    import shutil

    from actorgraph.nlp.models import DEFAULT_MODEL

    package = importlib.util.find_spec(DEFAULT_MODEL)
    assert package is not None and package.submodule_search_locations
    meta_only = tmp_path / "model"
    meta_only.mkdir()
    shutil.copy(Path(next(iter(package.submodule_search_locations))) / "meta.json", meta_only)
    folder = tmp_path / "out"
    shutil.copytree(one_process, folder, symlinks=True)
    result = actorgraph.build_folder(corpus, folder, model=str(meta_only), formats=FORMATS)
    assert (result.extracted, result.reused) == (0, len(corpus))
    assert digests(folder) == digests(one_process)
    # Nor is a cluster contacted: nothing listens at this address.
    on_dask = actorgraph.build_folder(corpus, folder, dask="tcp://127.0.0.1:9", formats=FORMATS)
    assert on_dask.extracted == 0
    # One more article, and the model must be loaded: this one cannot be.
    extra = actorgraph.Article(id="extra", text="Rebels attacked a convoy in Kunar province.")
    with pytest.raises(actorgraph.ModelNotFoundError):
        actorgraph.build_folder([*corpus, extra], folder, model=str(meta_only), formats=FORMATS)


def test_a_model_that_is_not_installed_is_one_clear_line(samples_dir: Path, tmp_path: Path):
    from typer.testing import CliRunner

    from actorgraph.cli import app

    outcome = CliRunner().invoke(
        app, ["build", str(samples_dir), "-o", str(tmp_path / "out"), "--model", "no_such_model"]
    )
    assert outcome.exit_code == 1
    assert "'no_such_model' is not installed" in outcome.output
    assert "Traceback" not in outcome.output
    assert not (tmp_path / "out").exists()


def test_progress_counts_articles_and_words(nlp, corpus, tmp_path: Path) -> None:
    seen: list[tuple[int, int | None, int]] = []
    actorgraph.build_folder(
        corpus[:6],
        tmp_path / "out",
        nlp=nlp,
        formats=["turtle"],
        progress=lambda s: seen.append((s.done, s.total, s.words)),
    )
    assert seen[0][:2] == (0, 6) and seen[-1][:2] == (6, 6)
    assert seen[-1][2] == sum(len(a.text.split()) for a in corpus[:6])


def test_a_dask_cluster_writes_the_same_bytes_and_loses_no_article_to_a_killed_worker(
    corpus, one_process: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        killed: list[int] = []
        clients: list[object] = []
        runner = DaskCluster(cluster.scheduler_address, batch_size=2, on_client=clients.append)

        def kill_one_worker(status: actorgraph.ExtractionProgress) -> None:
            if status.done and not killed:
                pids = clients[0].run(os.getpid)
                killed.append(sorted(pids.values())[0])
                os.kill(killed[0], signal.SIGKILL)

        result = build_folder(
            corpus,
            tmp_path / "out",
            nlp=actorgraph.pipeline(),
            runner=runner,
            formats=FORMATS,
            batch_size=2,
            progress=kill_one_worker,
        )
    assert killed, "a worker was killed mid-run"
    assert result.extracted == len(corpus)
    assert digests(tmp_path / "out") == digests(one_process)


def test_a_second_build_into_the_same_folder_fails_clearly(nlp, corpus, tmp_path: Path):
    folder = tmp_path / "out"
    folder.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked", holder.communicate()[1]
        with pytest.raises(BuildLockedError, match="another build"):
            actorgraph.build_folder(corpus[:2], folder, nlp=nlp, formats=["turtle"])
    finally:
        holder.kill()
        holder.wait()
    # a killed holder leaves no lock behind
    actorgraph.build_folder(corpus[:2], folder, nlp=nlp, formats=["turtle"])


HOLD_LOCK = """
import sys, time
from pathlib import Path
from actorgraph.buildfolder.folder import build_lock
with build_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(120)
"""


def test_a_folder_mixing_two_builds_is_refused(nlp, corpus, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    actorgraph.build_folder(corpus[:3], folder, nlp=nlp, formats=["turtle"])
    assert actorgraph.open(folder).stats()["articles"] == 3
    with (folder / "extractions.jsonl").open("a", encoding="utf-8") as stream:
        stream.write("\n")  # as if a later build had been killed after this file
    with pytest.raises(IncompleteBuildError, match="run the build again"):
        actorgraph.open(folder)
    with pytest.raises(IncompleteBuildError):
        actorgraph.query(folder, "ASK { ?s ?p ?o }")
    actorgraph.build_folder(corpus[:3], folder, nlp=nlp, formats=["turtle"])
    assert actorgraph.open(folder).stats()["articles"] == 3


def test_a_view_option_that_cannot_be_met_changes_no_file(nlp, corpus, tmp_path: Path):
    folder = tmp_path / "out"
    actorgraph.build_folder(corpus[:3], folder, nlp=nlp, formats=["turtle", "html"])
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    with pytest.raises(ValueError):
        actorgraph.build_folder(
            corpus[:5], folder, nlp=nlp, formats=["turtle", "html"], map_options={"focus": "Nobody"}
        )
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert after.keys() - {".lock"} == before.keys() - {".lock"}
    assert all(after[name] == before[name] for name in before if name != ".lock")


def test_leftovers_of_a_killed_build_are_cleaned(nlp, corpus, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / ".graph.ttl.abc.tmp").write_text("half")
    (folder / ".store-building-xyz").mkdir()
    actorgraph.build_folder(corpus[:2], folder, nlp=nlp, formats=["turtle"])
    assert not (folder / ".graph.ttl.abc.tmp").exists()
    assert not (folder / ".store-building-xyz").exists()


def test_articles_are_read_as_a_stream(nlp, corpus, tmp_path: Path) -> None:
    reads: list[int] = []

    def articles():
        reads.append(1)
        yield from corpus[:4]

    result = build_folder(articles, tmp_path / "out", nlp=nlp, formats=["turtle"])
    assert len(reads) == 2  # one pass to count what is missing, one to extract it
    assert result.extraction is not None and result.extraction.total == 4
    again = build_folder(iter(corpus[:4]), tmp_path / "out", nlp=nlp, formats=["turtle"])
    assert (again.extracted, again.reused) == (0, 4)

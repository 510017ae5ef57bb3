"""Scale benchmark: build time, words/s, peak memory and one-article updates at 1k–100k articles.

For each size it makes a corpus from the shared benchmark sentences
(``benchmarks/make_corpus.py``; no downloads), then, each in a fresh process so that peak
RSS is that run's own:

* bare ``nlp.pipe`` over the same texts (the language model alone: the ceiling);
* ``actorgraph build`` with one process, and with ``--processes`` (default 2);
* optionally ``--dask local:2``;
* one article added to the built folder, rebuilt.

It prints a table and the ratios: actorgraph end to end / bare ``nlp.pipe`` (one process),
2 processes / 1, Dask / 1. The builds run as ``actorgraph build`` does: worker processes
load the model (its load time counts) and the process that merges never holds it; peak
RSS is given for both, the merging process and the largest worker (with one process
they never run at their peaks together: the worker ends before the merge). Figures, not a
test:

    python benchmarks/scale.py --sizes 1000 10000 [--dask] [--processes 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable


def run_measured(code: str, *args: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; its wall time and peak RSS (from its own report)."""
    started = time.perf_counter()
    completed = subprocess.run(
        [PYTHON, "-c", code, *args], capture_output=True, text=True, check=True
    )
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    figures.setdefault("seconds", time.perf_counter() - started)
    return figures


BARE_PIPE = """
import json, resource, sys, time
from actorgraph.extractors.pipeline import load_pipeline
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = load_pipeline(extractors=False)
started = time.perf_counter()
words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "words": sum(len(t.split()) for t in texts),
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

BUILD = """
import json, resource, sys, time
import actorgraph
source, outdir, processes, dask = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] or None
started = time.perf_counter()
# As `actorgraph build` does: the workers load the model (its load is in the time), this
# process only reads, merges and writes.
result = actorgraph.build_folder(source, outdir, processes=processes, dask=dask)
seconds = time.perf_counter() - started
status = result.extraction
print(json.dumps({"seconds": seconds, "extracted": result.extracted,
                  "triples": result.triples, "laps": result.seconds,
                  "words": status.words if status else 0,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--dask", action="store_true", help="also build with --dask local:2")
    arguments = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in arguments.sizes:
            rows.append(measure(Path(scratch), size, arguments.processes, arguments.dask))
    print()
    print(
        "| articles | bare nlp.pipe words/s | build 1 proc | words/s | ratio to nlp.pipe "
        f"| build {arguments.processes} proc | speed-up | dask local:2 "
        "| peak RSS merging / worker | one article added |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['size']:,} | {row['bare_wps']:,.0f} | {row['one']:.1f} s | "
            f"{row['one_wps']:,.0f} | {row['ratio']:.2f} | {row['many']:.1f} s | "
            f"{row['speedup']:.2f}× | {row['dask']} | {row['rss']:.0f} / "
            f"{row['worker_rss']:.0f} MB | "
            f"{row['update']:.1f} s |"
        )
    return 0


def measure(scratch: Path, size: int, processes: int, dask: bool) -> dict[str, object]:
    corpus = scratch / f"corpus-{size}.jsonl"
    subprocess.run(
        [PYTHON, str(HERE / "make_corpus.py"), "--articles", str(size), "-o", str(corpus)],
        check=True,
        capture_output=True,
    )
    bare = run_measured(BARE_PIPE, str(corpus))
    one = run_measured(BUILD, str(corpus), str(scratch / f"one-{size}"), "1", "")
    many = run_measured(BUILD, str(corpus), str(scratch / f"many-{size}"), str(processes), "")
    dask_figure = "—"
    if dask:
        on_dask = run_measured(BUILD, str(corpus), str(scratch / f"dask-{size}"), "1", "local:2")
        dask_figure = f"{on_dask['seconds']:.1f} s ({one['seconds'] / on_dask['seconds']:.2f}×)"
    grown = scratch / f"grown-{size}.jsonl"
    subprocess.run(
        [PYTHON, str(HERE / "make_corpus.py"), "--articles", str(size + 1), "-o", str(grown)],
        check=True,
        capture_output=True,
    )
    update = run_measured(BUILD, str(grown), str(scratch / f"one-{size}"), "1", "")
    bare_wps = bare["words"] / bare["seconds"]
    one_wps = one["words"] / one["seconds"]
    print(f"{size} articles: bare {bare}; one {one}; many {many}; update {update}", flush=True)
    return {
        "size": size,
        "bare_wps": bare_wps,
        "one": one["seconds"],
        "one_wps": one_wps,
        "ratio": one_wps / bare_wps,
        "many": many["seconds"],
        "speedup": one["seconds"] / many["seconds"],
        "dask": dask_figure,
        "rss": one["rss"],
        "worker_rss": one["worker_rss"],
        "update": update["seconds"],
    }


if __name__ == "__main__":
    sys.exit(main())

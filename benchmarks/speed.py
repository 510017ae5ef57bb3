"""Extraction overhead: actorgraph's pipeline against bare ``nlp.pipe`` with the same model.

Prints the CPU seconds for the bare model, the model plus the gazetteers, and the whole
extraction (gazetteers, extractors and the per-article step), and their ratios.

    python benchmarks/speed.py [FILE.jsonl] [--model NAME] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from actorgraph.extractors.article import extract_article
from actorgraph.extractors.pipeline import load_pipeline
from actorgraph.nlp.models import DEFAULT_MODEL
from actorgraph.reading import read_articles

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "isaf" / "dev.jsonl"


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """Best CPU time of ``repeat`` runs: other processes on the machine do not count."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    articles = list(read_articles([args.file]))
    texts = [article.text for article in articles]
    bare = spacy.load(args.model)
    gazetteer_only = load_pipeline(args.model, extractors=False)
    full = load_pipeline(args.model)

    def run_full() -> None:
        for article, doc in zip(articles, full.pipe(texts), strict=True):
            extract_article(article, doc)

    runs = {
        "bare": lambda: list(bare.pipe(texts)),
        "gazetteers": lambda: list(gazetteer_only.pipe(texts)),
        "full": run_full,
    }
    for run in runs.values():  # warm up caches and lazily built indexes once
        run()
    # Interleaved rounds, best CPU time of each: load from other processes evens out.
    best = {name: float("inf") for name in runs}
    for _ in range(args.repeat):
        for name, run in runs.items():
            best[name] = min(best[name], best_of(1, run))
    bare_s, gazetteer_s, full_s = best["bare"], best["gazetteers"], best["full"]
    words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} articles, {words:,} words, model {args.model}, best of {args.repeat}")
    print(f"bare nlp.pipe            {bare_s:7.2f} s")
    print(f"+ gazetteers             {gazetteer_s:7.2f} s   ({gazetteer_s / bare_s - 1:+.1%})")
    print(f"+ extraction (all)       {full_s:7.2f} s   ({full_s / bare_s - 1:+.1%})")


if __name__ == "__main__":
    main()

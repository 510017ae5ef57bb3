"""Extraction overhead: actorgraph's pipeline against bare ``nlp.pipe`` with the same model.

Prints the seconds for the bare model, the model plus the gazetteers, and the whole
extraction (gazetteers, extractors and the per-article step), and their ratios.

    python benchmarks/speed.py [FILE.jsonl] [--model NAME] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from actorgraph.extract.article import extract_article
from actorgraph.nlp.models import DEFAULT_MODEL
from actorgraph.nlp.pipeline import load_pipeline
from actorgraph.reading import read_articles

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "isaf" / "dev.jsonl"


def best_of(repeat: int, run) -> float:  # noqa: ANN001 - a callable
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
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

    bare_s = best_of(args.repeat, lambda: list(bare.pipe(texts)))
    gazetteer_s = best_of(args.repeat, lambda: list(gazetteer_only.pipe(texts)))
    full_s = best_of(args.repeat, run_full)
    words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} articles, {words:,} words, model {args.model}, best of {args.repeat}")
    print(f"bare nlp.pipe            {bare_s:7.2f} s")
    print(f"+ gazetteers             {gazetteer_s:7.2f} s   ({gazetteer_s / bare_s - 1:+.1%})")
    print(f"+ extraction (all)       {full_s:7.2f} s   ({full_s / bare_s - 1:+.1%})")


if __name__ == "__main__":
    main()

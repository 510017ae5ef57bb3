"""Make a large article corpus from the shared benchmark sentences, without downloads.

Sentences of the ISAF press releases, CoNLL04 (train and dev) and the dev articles are
recombined into articles of about ``--words`` words (default 215), deterministically from
``--seed``: article *n* draws its sentences with ``random.Random(seed * 1_000_003 + n)``,
so the first 1,000 articles of a 10,000-article corpus are the 1,000-article corpus, and
a corpus can be grown by one article that no other article changes.

    python benchmarks/make_corpus.py --articles 10000 -o /tmp/corpus-10k.jsonl

The output is JSON Lines (``id``, ``title``, ``date``, ``text``), which ``actorgraph build``
reads as it is. It needs ``../shared`` beside the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def sentences(shared: Path = SHARED) -> list[str]:
    """Every usable sentence of the shared benchmark texts, in a fixed order."""
    found: list[str] = []
    for name in ("isaf/dev.jsonl", "conll04/train.jsonl", "conll04/dev.jsonl"):
        with (shared / "benchmarks" / name).open(encoding="utf-8") as stream:
            for line in stream:
                found.extend(_split(json.loads(line)["text"]))
    for path in sorted((shared / "corpus" / "dev").glob("*.txt")):
        found.extend(_split(path.read_text(encoding="utf-8")))
    return [s for s in found if 6 <= len(s.split()) <= 80]


def _split(text: str) -> Iterator[str]:
    for paragraph in text.splitlines():
        for sentence in SENTENCE_END.split(paragraph.strip()):
            cleaned = re.sub(r"\s+([,.;:!?])", r"\1", sentence.strip())
            if cleaned:
                yield cleaned


def article(number: int, pool: list[str], words: int, seed: int) -> dict[str, str]:
    """Article ``number`` of the corpus: sentences drawn until about ``words`` words."""
    rng = random.Random(seed * 1_000_003 + number)
    chosen: list[str] = []
    count = 0
    while count < words:
        sentence = pool[rng.randrange(len(pool))]
        chosen.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(chosen[i : i + 3]) for i in range(0, len(chosen), 3)]
    day = date(2010, 1, 1) + timedelta(days=rng.randrange(5000))
    return {
        "id": f"synthetic-{number:07d}",
        "title": chosen[0][:80],
        "date": day.isoformat(),
        "text": "\n\n".join(paragraphs),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=215)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first article number")
    parser.add_argument("-o", "--output", type=Path, required=True)
    arguments = parser.parse_args(argv)
    pool = sentences()
    with arguments.output.open("w", encoding="utf-8") as stream:
        for number in range(arguments.start, arguments.start + arguments.articles):
            record = article(number, pool, arguments.words, arguments.seed)
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{arguments.articles} articles from {len(pool)} sentences → {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

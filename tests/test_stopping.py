"""A build told to stop (SIGTERM, as a service manager sends) stops at once: it does not
wait for the worker processes' chunks in flight, the workers end with it, and the folder
keeps no half-written output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _corpus(path: Path, articles: int) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as stream:
        for number in range(articles):
            # long articles in small chunks: each chunk in flight takes many seconds
            text = f"Report {number}. " + " ".join([texts[number % len(texts)]] * 40)
            stream.write(json.dumps({"id": f"a{number:04d}", "text": text}) + "\n")
    return path


def _processes_naming(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_stops_a_two_process_build_at_once(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl", 200)
    outdir = tmp_path / "stopped-build"
    actorgraph = str(Path(sys.executable).with_name("actorgraph"))
    command = [actorgraph, "build", str(corpus), "-o", str(outdir), "--batch-size", "2"]
    build = subprocess.Popen([*command, "--processes", "2"], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while not list((outdir / ".cache").glob("*/*.json")):  # the workers are extracting
            assert build.poll() is None, "the build ended before it was stopped"
            assert time.monotonic() < deadline, "no article was extracted in four minutes"
            time.sleep(0.2)
        stopped = time.monotonic()
        build.send_signal(signal.SIGTERM)
        code = build.wait(timeout=60)
        waited = time.monotonic() - stopped
    finally:
        if build.poll() is None:
            build.kill()
    assert code == 128 + signal.SIGTERM
    # the chunks in flight (8 articles of some 4,000 words each) take far longer
    assert waited < 8, f"the build took {waited:.1f} s to stop"
    assert not (outdir / "manifest.json").exists()
    deadline = time.monotonic() + 10
    while _processes_naming(str(outdir)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_naming(str(outdir)) == [], "worker processes outlived the build"
    assert os.listdir(outdir)  # what was extracted stays cached for the next build

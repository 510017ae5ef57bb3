"""How long a big map takes to become usable in headless Chromium, and how big its HTML is.

Renders a synthetic graph (``benchmarks/synthetic.py``) with ``render_html``, opens
it from a file with every network request blocked, and waits for the page to report
that it has stabilised (``window.actorgraph.stabilised``). Prints, per layout:

* the HTML size and the Python render time;
* the in-page stabilisation time (from creating the vis Network to the end of its
  layout: physics stabilised and stopped, or the first drawing of precomputed positions);
* the time from navigation start to a usable map, as the page measures it;
* the wall time from ``goto`` to stabilised, as the test driver sees it.

Usage: ``.venv/bin/python benchmarks/map_stabilise.py [--nodes 1000] [--repeat 3]
[--layout auto|physics|precomputed ...]``. Needs Debian's Chromium at /usr/bin/chromium
(``scripts/install-browser.sh``).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chromium import CHROMIUM, CHROMIUM_ARGS
from synthetic import synthetic_graph

from actorgraph.maps import render_html

READY = "() => window.actorgraph !== undefined && window.actorgraph.stabilised === true"


@dataclass(frozen=True, slots=True)
class Run:
    stabilisation_ms: float
    ready_at_ms: float
    wall_ms: float


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=1000, help="nodes in the synthetic graph")
    parser.add_argument("--repeat", type=int, default=3, help="page loads per layout")
    parser.add_argument(
        "--layout",
        nargs="+",
        default=["auto", "physics"],
        choices=["auto", "physics", "precomputed"],
        help="auto precomputes positions above 300 nodes; physics lays out in the browser",
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per page load")
    return parser.parse_args()


def load_once(browser: Any, path: Path, timeout_s: float) -> Run:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.route("**/*", _local_only)
        started = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function(READY, timeout=timeout_s * 1000)
        wall_ms = (time.perf_counter() - started) * 1000
        stabilisation_ms, ready_at_ms = page.evaluate(
            "() => [actorgraph.stabilisationMs, actorgraph.readyAtMs]"
        )
        return Run(stabilisation_ms, ready_at_ms, wall_ms)
    finally:
        page.close()


def _local_only(route: Any) -> None:
    if route.request.url.startswith("file://"):
        route.continue_()
    else:
        route.abort()


def report(layout: str, size: int, render_s: float, runs: list[Run]) -> None:
    def median(values: list[float]) -> str:
        return f"{statistics.median(values):8.0f} ms"

    print(f"layout={layout}")
    print(f"  html size            {size:>10,} bytes ({size / 1_048_576:.2f} MiB)")
    print(f"  python render        {render_s * 1000:8.0f} ms")
    print(f"  stabilisation        {median([r.stabilisation_ms for r in runs])} (median)")
    print(f"  navigation to ready  {median([r.ready_at_ms for r in runs])} (median)")
    print(f"  goto to stabilised   {median([r.wall_ms for r in runs])} (median, wall)")
    print(f"  runs (stabilisation) {', '.join(f'{r.stabilisation_ms:.0f}' for r in runs)} ms")


def main() -> None:
    arguments = parse_arguments()
    from playwright.sync_api import sync_playwright

    kg = synthetic_graph(arguments.nodes)
    print(f"graph: {kg!r}")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for layout in arguments.layout:
                path = Path(folder) / f"map-{layout}.html"
                started = time.perf_counter()
                render_html(kg, path, layout=layout, max_nodes=None)
                render_s = time.perf_counter() - started
                runs = [
                    load_once(browser, path, arguments.timeout) for _ in range(arguments.repeat)
                ]
                report(layout, path.stat().st_size, render_s, runs)
        finally:
            browser.close()


if __name__ == "__main__":
    main()

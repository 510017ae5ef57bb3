"""Shared fixtures: the real spaCy pipeline (loaded once), the bundled samples, ../shared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
OUTPUT = REPO / "test-output"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder of specs, corpora and benchmarks; skip when absent."""
    if not (SHARED / "spec" / "relations.md").is_file():
        pytest.skip("../shared is not present beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """The real actorgraph pipeline on the default English model, loaded once per session."""
    from actorgraph.api import pipeline

    return pipeline()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return REPO / "samples"


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Where tests leave files worth looking at (screenshots, maps): test-output/."""
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A real headless Chromium (Debian's, from scripts/install-browser.sh), per test module."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: run scripts/install-browser.sh (as root)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()

"""Every example in a docstring runs and shows what it says (those marked SKIP need a model
or a build folder, and are run in spirit by the other tests)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import actorgraph

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(actorgraph.__path__, f"{actorgraph.__name__}.")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    if name.endswith("dask_plugin"):
        pytest.importorskip("distributed")
    module = importlib.import_module(name)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags, report=True, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_the_examples_are_found() -> None:
    found = sum(
        len(test.examples)
        for name in MODULES
        if not name.endswith("dask_plugin")
        for test in doctest.DocTestFinder().find(importlib.import_module(name))
    )
    assert found > 100

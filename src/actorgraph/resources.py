"""Where actorgraph's own data lives: curated data files, the ontology and the samples.

Installed wheels carry the ontology and the samples inside the package
(``_ontology``, ``_samples``); a source checkout has them at the top of the repository.
Every module finds its files through these functions, so there is one way to do it.

>>> data_file("organisations.toml").name
'organisations.toml'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["data_file", "ontology_dir", "samples_dir"]

_CHECKOUT = Path(__file__).resolve().parents[2]


def data_file(name: str) -> Path:
    """The path of a curated data file shipped in ``actorgraph/data`` (e.g. ``leaders.toml``)."""
    return Path(str(resources.files("actorgraph").joinpath("data", name)))


def ontology_dir() -> Path:
    """The folder holding ``actorgraph.ttl`` and ``shapes.ttl``."""
    return _packaged_or_checkout("_ontology", "ontology")


def samples_dir() -> Path:
    """The folder of sample articles bundled with actorgraph."""
    return _packaged_or_checkout("_samples", "samples")


def _packaged_or_checkout(packaged_name: str, checkout_name: str) -> Path:
    packaged = resources.files("actorgraph").joinpath(packaged_name)
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = _CHECKOUT / checkout_name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"the actorgraph {checkout_name} folder is missing from this installation"
    )

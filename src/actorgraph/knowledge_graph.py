"""The :class:`KnowledgeGraph`: the core graph with its exports, map and SPARQL store at hand.

It is :class:`actorgraph.graph.core.Graph` — merged entities, events and facts with their
evidence — plus the conversions a notebook wants as methods: Turtle, the interactive map,
a SPARQL store and queries, and opening a build folder. Each method is one call into the
layer that does the work (:mod:`actorgraph.export`, :mod:`actorgraph.maps`,
:mod:`actorgraph.store`, :mod:`actorgraph.buildfolder`), so those layers only ever see the
core graph.

>>> kg = KnowledgeGraph()
>>> kg.query("ASK { ?s ?p ?o }")
False
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.buildfolder import MANIFEST_FILE, check_folder, read_extractions
from actorgraph.export import serialize
from actorgraph.graph.actors import actor_graph
from actorgraph.graph.core import Graph
from actorgraph.maps import notebook_html, notebook_view, render_html
from actorgraph.model import ArticleExtraction
from actorgraph.store import StoreNotFoundError, memory_store, open_store, query_store

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph

__all__ = ["KnowledgeGraph"]


class KnowledgeGraph(Graph):
    """Entities, events and facts from many articles, merged, each fact with its evidence."""

    def __init__(self) -> None:
        super().__init__()
        self._store: pyoxigraph.Store | None = None

    @classmethod
    def open(cls, outdir: str | Path) -> KnowledgeGraph:
        """The graph of an ``actorgraph build`` output folder, with its SPARQL store attached.

        Raises :class:`~actorgraph.model.RecordError` (``FILE:LINE: reason``) for a damaged
        line of ``extractions.jsonl``.

        >>> kg = KnowledgeGraph.open("out/")            # doctest: +SKIP
        >>> kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")   # doctest: +SKIP
        """
        # A damaged line is reported as FILE:LINE: reason (RecordError), before the manifest's
        # hashes would only say that the file changed.
        records = read_extractions(outdir)
        if (Path(outdir) / MANIFEST_FILE).is_file():
            check_folder(outdir)  # refuse a folder left half-written by an interrupted build
        kg = cls.from_extractions(ArticleExtraction.from_record(r) for r in records)
        with suppress(StoreNotFoundError, OSError):  # without a store, queries use one in memory
            kg.attach_store(open_store(outdir))
        return kg

    def attach_store(self, store: pyoxigraph.Store) -> None:
        """Answer :meth:`query` from ``store`` (e.g. a build's on-disk store) until changed."""
        self._store = store

    def _changed(self) -> None:
        super()._changed()
        self._store = None

    def to_turtle(self) -> str:
        return serialize(self, "turtle")

    def to_html(self, path: str | Path | None = None, **options: Any) -> str:
        """Render the interactive map; write it to ``path`` when given. Returns the HTML.

        ``options`` are those of :class:`actorgraph.maps.MapOptions`, e.g. ``view="actors"``
        (events folded into edges between actors), ``"events"``, ``"all"`` or ``"auto"``.
        """
        return render_html(self, path, **options)

    def show(self, **options: Any) -> Any:
        """Display the map inline in Jupyter (an isolated iframe, so it works in VS Code too).

        Takes the options of :meth:`to_html`: ``kg.show(view="actors", focus="Taliban")``.
        """
        return notebook_view(self, **options)

    def actor_graph(self) -> nx.MultiDiGraph:
        """The actors as a networkx graph, each event folded into edges between them.

        See :func:`actorgraph.graph.actor_graph`: centrality and communities run on actors.

        >>> KnowledgeGraph().actor_graph().number_of_nodes()
        0
        """
        return actor_graph(self)

    def _repr_html_(self) -> str:
        return notebook_html(self)

    def store(self) -> pyoxigraph.Store:
        """A SPARQL store holding the graph: the attached one, else an in-memory one."""
        if self._store is None:
            self._store = memory_store(self)
        return self._store

    def query(self, sparql: str, *, as_dataframe: bool = True) -> Any:
        """Run SPARQL over the graph: SELECT gives a pandas DataFrame where pandas is
        installed (else a list of dicts), ASK a bool. The usual prefixes are predeclared.

        >>> KnowledgeGraph().query("ASK { ?s ?p ?o }")
        False
        """
        return query_store(self.store(), sparql, as_dataframe=as_dataframe)

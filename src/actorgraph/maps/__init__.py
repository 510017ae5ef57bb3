"""Interactive relationship maps: one offline HTML page per graph, and a Jupyter view.

* :func:`render_html` — the map as a standalone page (everything inlined, no network);
  :func:`render_map` gives the page with the notes on what it leaves out;
* :func:`notebook_html` — the page inside a sandboxed ``<iframe srcdoc>``, for
  ``_repr_html_`` in JupyterLab, classic Notebook and VS Code;
* :func:`notebook_view` — the same as an ``IPython.display.HTML`` object;
* :func:`reduce_view` — the part of a big graph worth drawing, with notes on the cut.

>>> from actorgraph.graph import Graph
>>> render_html(Graph()).startswith("<!DOCTYPE html>")
True
"""

from actorgraph.maps.html import (
    MapOptions,
    notebook_html,
    notebook_view,
    render_html,
    render_map,
    view_notes,
)
from actorgraph.maps.reduce import reduce_view

__all__ = [
    "MapOptions",
    "notebook_html",
    "notebook_view",
    "reduce_view",
    "render_html",
    "render_map",
    "view_notes",
]

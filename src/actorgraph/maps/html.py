"""Render a knowledge graph as one self-contained, offline, interactive HTML page.

The page inlines everything it needs — vis-network's script and stylesheet (from the
installed pyvis), the page's own script and stylesheet, and the graph as JSON in a
``<script type="application/json">`` block — so it opens with no network at all. A
Content-Security-Policy allows only those exact inline scripts (by hash), and no
request to anywhere.

Article-derived text reaches the page only as escaped HTML text (header) or as JSON
that the page's script puts into the DOM with ``textContent``; see ``map.js``.

Rendering is deterministic: the same graph and options give byte-identical HTML.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.files import write_atomic
from actorgraph.maps.assets import Assets, inline_script, inline_style, load_assets
from actorgraph.maps.controls import controls_html
from actorgraph.maps.data import MapData, build_map_data
from actorgraph.maps.reduce import read_only_networkx
from actorgraph.maps.style import relation_style, type_style
from actorgraph.maps.views import MapView, map_view

if TYPE_CHECKING:
    from collections.abc import Iterable

    import networkx as nx

    from actorgraph.graph.core import Graph

NOTEBOOK_HEIGHT = 640

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_PLACEHOLDER = re.compile(r"@@([a-z_]+)@@")


@dataclass(frozen=True, slots=True)
class MapOptions:
    """Every option of :func:`render_html` and :func:`notebook_html`.

    ``max_nodes``, ``focus``, ``depth``, ``min_support`` and ``rank`` go to
    :func:`~actorgraph.maps.reduce.reduce_view`. Graphs with more than
    ``physics_threshold`` nodes get positions computed in Python (``layout="auto"``);
    ``layout="physics"`` or ``"precomputed"`` forces one or the other. ``seed`` fixes
    both the Python layout and vis-network's, and the communities. ``view`` is one of
    :data:`~actorgraph.maps.views.VIEWS`: ``"actors"`` folds events into edges between the
    actors (a control draws them again), ``"events"`` starts with them drawn, ``"all"`` is
    the graph as it is, and ``"auto"`` picks ``"actors"`` when events outnumber actors.
    In the actor views ``max_nodes`` counts actors and ``focus`` is put at the centre;
    ``"auto"`` is 300 actors there and 1,000 nodes in the ``"all"`` view.
    """

    title: str = "actorgraph map"
    max_nodes: int | str | None = "auto"
    focus: str | Iterable[str] | None = None
    depth: int = 2
    min_support: int = 1
    rank: str = "pagerank"
    physics_threshold: int = 300
    layout: str = "auto"
    seed: int = 7
    view: str = "auto"


def render_html(kg: Graph | nx.Graph, path: str | Path | None = None, **options: Any) -> str:
    """The map of ``kg`` as a standalone HTML page; also written to ``path`` when given.

    ``kg`` is a :class:`~actorgraph.graph.core.Graph` or its networkx form; ``options`` are
    the fields of :class:`MapOptions`. Graphs above ``max_nodes`` are reduced first, and the
    page header says how.
    """
    page, _ = render_map(kg, **options)
    if path is not None:
        write_atomic(Path(path), page)
    return page


def render_map(kg: Graph | nx.Graph, **options: Any) -> tuple[str, list[str]]:
    """The page of :func:`render_html` and the notes of :func:`view_notes`, from one view
    (reducing a large graph is most of the cost of a map).

    >>> from actorgraph.graph import Graph
    >>> page, notes = render_map(Graph())
    >>> page.startswith("<!DOCTYPE html>"), notes
    (True, [])
    """
    settings = MapOptions(**options)
    view = _view(kg, settings)
    data = build_map_data(
        view,
        physics_threshold=settings.physics_threshold,
        seed=settings.seed,
        layout=settings.layout,
        article_dates=article_dates(kg),
    )
    data.notes[:0] = view.notes
    return _page(data, settings.title, load_assets()), list(view.notes)


def view_notes(kg: Graph | nx.Graph, **options: Any) -> list[str]:
    """What the map of ``kg`` with ``options`` leaves out, as the page header says it.

    >>> from actorgraph.graph import Graph
    >>> view_notes(Graph(), max_nodes=10)
    []
    """
    return _view(kg, MapOptions(**options)).notes


def _view(kg: Graph | nx.Graph, settings: MapOptions) -> MapView:
    return map_view(
        read_only_networkx(kg),
        settings.view,
        article_dates(kg),
        max_nodes=settings.max_nodes,
        focus=settings.focus,
        depth=settings.depth,
        min_support=settings.min_support,
        rank=settings.rank,
    )


def article_dates(kg: Graph | nx.Graph) -> dict[str, str | None]:
    """Article id → ISO date, from a :class:`Graph`'s articles or an ``article_dates``
    attribute of a networkx graph (``graph.graph["article_dates"]``)."""
    articles = getattr(kg, "articles", None)
    if isinstance(articles, dict):
        return {key: getattr(info, "date", None) for key, info in articles.items()}
    return dict(getattr(kg, "graph", {}).get("article_dates", {}))


def notebook_html(kg: Graph | nx.Graph, *, height: int = NOTEBOOK_HEIGHT, **options: Any) -> str:
    """The map as an ``<iframe srcdoc>`` for Jupyter's ``_repr_html_``.

    The whole page travels inside the attribute (escaped), so it needs no file, no
    server and no network, and the sandbox (scripts only, opaque origin) keeps the
    page's script away from the notebook. This works in JupyterLab, classic Notebook
    and VS Code alike, where pyvis's own notebook output stays blank.
    """
    page = render_html(kg, **options)
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'title="{html.escape(MapOptions(**options).title, quote=True)}" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd;" '
        'referrerpolicy="no-referrer"></iframe>'
    )


def notebook_view(kg: Graph | nx.Graph, **options: Any) -> Any:
    """The map as an ``IPython.display.HTML`` object, to display in a notebook."""
    try:
        from IPython.display import HTML
    except ImportError as error:
        raise ImportError(
            "notebook_view needs IPython: pip install 'actorgraph[notebook]'"
        ) from error
    with warnings.catch_warnings():
        # IPython suggests its IFrame for any <iframe>, but that one needs a URL to load.
        warnings.filterwarnings("ignore", message="Consider using IPython.display.IFrame")
        return HTML(notebook_html(kg, **options))


def json_for_script(value: Any) -> str:
    """``value`` as JSON that is safe inside ``<script>``: no ``<``, ``>``, ``&``, U+2028/9.

    Those characters become ``\\uXXXX`` escapes, which ``JSON.parse`` reads back as
    the same characters, so ``</script>`` in article text cannot end the block.
    """
    text = json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    return _JSON_UNSAFE.sub(lambda match: _JSON_ESCAPES[match.group()], text)


def _page(data: MapData, title: str, assets: Assets) -> str:
    vis_js, map_js = inline_script(assets.vis_js), inline_script(assets.map_js)
    values = {
        "title": html.escape(title),
        "csp": _content_security_policy([vis_js, map_js]),
        "vis_version": html.escape(assets.vis_version),
        "vis_css": inline_style(assets.vis_css),
        "map_css": inline_style(assets.map_css),
        "stats": html.escape(_stats(data)),
        "notes": _notes_html(data.notes),
        "type_legend": _type_legend(data.type_counts, neutral=data.layered),
        "relation_legend": _relation_legend(data.relation_counts),
        "max_support": str(data.max_support),
        "support_disabled": " disabled" if data.max_support <= 1 else "",
        "controls": controls_html(data),
        "data": json_for_script(data.payload(title)),
        "vis_js": vis_js,
        "map_js": map_js,
    }
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], assets.template)


def _content_security_policy(scripts: list[str]) -> str:
    """Only these inline scripts may run; nothing may be fetched from anywhere."""
    hashes = " ".join(f"'sha256-{_sha256(script)}'" for script in scripts)
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _stats(data: MapData) -> str:
    return f"{_count(len(data.nodes), 'node')} · {_count(len(data.edges), 'fact')}"


def _count(number: int, word: str) -> str:
    return f"{number:,} {word if number == 1 else word + 's'}"


def _notes_html(notes: list[str]) -> str:
    if not notes:
        return ""
    items = "".join(f"<li>{html.escape(note)}</li>" for note in notes)
    return f'<ul id="ag-notes">{items}</ul>'


def _type_legend(counts: dict[str, int], *, neutral: bool = False) -> str:
    """One row per type; in the actor views colour means community, so shapes are grey."""
    rows = []
    for name, count in counts.items():
        style = type_style(name)
        colour = NEUTRAL if neutral and name != "Event" else style.colour
        swatch = shape_svg(style.shape, colour)
        rows.append(legend_row("type", name, count, swatch, style.description))
    return f'<ul class="ag-legend" id="ag-types">{"".join(rows)}</ul>'


def _relation_legend(counts: dict[str, int]) -> str:
    rows = []
    for name, count in counts.items():
        style = relation_style(name)
        swatch = _line_svg(style.colour, dashed=style.dashed)
        rows.append(legend_row("relation", name, count, swatch, style.description))
    return f'<ul class="ag-legend" id="ag-relations">{"".join(rows)}</ul>'


def legend_row(kind: str, name: str, count: int, swatch: str, description: str) -> str:
    value = html.escape(name, quote=True)
    disabled = " disabled" if count == 0 else ""
    return (
        f'<li title="{html.escape(description, quote=True)}"><label>'
        f'<input type="checkbox" data-ag-{kind}="{value}" checked{disabled}>'
        f'{swatch}<span class="ag-name">{html.escape(name)}</span>'
        f'<span class="ag-count">{count:,}</span></label></li>'
    )


_SHAPES = {
    "dot": '<circle cx="8" cy="8" r="6"/>',
    "square": '<rect x="2.5" y="2.5" width="11" height="11"/>',
    "triangle": '<polygon points="8,1.5 14.5,14 1.5,14"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
}


NEUTRAL = "#C8C8C8"


def shape_svg(shape: str, colour: str) -> str:
    body = _SHAPES.get(shape, _SHAPES["dot"])
    return (
        f'<svg class="ag-swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" '
        f'fill="{colour}" stroke="#333" stroke-width="0.8">{body}</svg>'
    )


def _line_svg(colour: str, *, dashed: bool = False) -> str:
    dashes = ' stroke-dasharray="4 2"' if dashed else ""
    return (
        '<svg class="ag-swatch" width="22" height="16" viewBox="0 0 22 16" aria-hidden="true">'
        f'<line x1="1" y1="8" x2="16" y2="8" stroke="{colour}" stroke-width="3"{dashes}/>'
        f'<polygon points="15,3.5 21,8 15,12.5" fill="{colour}"/></svg>'
    )

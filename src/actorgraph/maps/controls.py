"""The page's view controls: events on or off, nodes without facts, time range, communities.

Each is plain HTML with fixed markup; names from articles (a community is named after
its most central member) are escaped. ``map.js`` wires the controls.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actorgraph.maps.data import MapData

#: Communities listed in the legend; the rest are counted in one line.
MAX_LEGEND_COMMUNITIES = 10


def controls_html(data: MapData) -> str:
    """The sections of the side panel that choose what the map shows."""
    return _view_section(data) + _time_section(data) + _community_section(data)


def _checkbox(element_id: str, label: str, *, checked: bool, hint: str) -> str:
    state = " checked" if checked else ""
    return (
        f'<label class="ag-toggle"><input type="checkbox" id="{element_id}"{state}> '
        f"{html.escape(label)}</label>"
        f'<p class="ag-hint">{html.escape(hint)}</p>'
    )


def _view_section(data: MapData) -> str:
    parts = ['<section id="ag-view"><h2>View</h2>']
    if data.layered:
        parts.append(
            _checkbox(
                "ag-events",
                "Events",
                checked=data.events_shown,
                hint="Off: each event is folded into the edges between the actors it joins "
                "(active in, attacked, co-involved with). On: events drawn as diamonds.",
            )
        )
    parts.append(
        _checkbox(
            "ag-isolated",
            "Nodes without facts",
            checked=False,
            hint="Nodes that no shown fact joins to another are hidden unless this is ticked.",
        )
    )
    parts.append("</section>")
    return "".join(parts)


def _time_section(data: MapData) -> str:
    dates = data.dates
    last = max(len(dates) - 1, 0)
    disabled = "" if len(dates) > 1 else " disabled"
    first_text = dates[0] if dates else "no dates"
    last_text = dates[-1] if dates else "no dates"
    if not dates:
        hint = "Nothing on the map is dated, so there is no time range."
    else:
        undated = data.undated_facts
        hint = "Facts outside the range are hidden, with the nodes left without any."
        if undated:
            word = "fact has" if undated == 1 else "facts have"
            hint += f" {undated:,} {word} no dated article and stay visible whatever the range."
    return (
        '<section id="ag-time"><h2>Time range</h2>'
        f'<div class="ag-range-row"><label for="ag-from">From</label>'
        f'<input id="ag-from" type="range" min="0" max="{last}" step="1" value="0"{disabled}>'
        f'<output id="ag-from-value" for="ag-from">{html.escape(first_text)}</output></div>'
        f'<div class="ag-range-row"><label for="ag-to">To</label>'
        f'<input id="ag-to" type="range" min="0" max="{last}" step="1" value="{last}"{disabled}>'
        f'<output id="ag-to-value" for="ag-to">{html.escape(last_text)}</output></div>'
        f'<p class="ag-hint" id="ag-time-hint">{html.escape(hint)}</p></section>'
    )


def _community_section(data: MapData) -> str:
    if not data.layered or not data.communities:
        return ""
    shown = [c for c in data.communities if len(c.members) > 1][:MAX_LEGEND_COMMUNITIES]
    rows = [
        f'<li data-ag-community="{community.number}">'
        f'<svg class="ag-swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">'
        f'<circle cx="8" cy="8" r="6" fill="{community.colour}" stroke="#333" '
        f'stroke-width="0.8"/></svg><span class="ag-name">{html.escape(community.name)}</span>'
        f'<span class="ag-count">{len(community.members):,}</span></li>'
        for community in shown
    ]
    rest = len(data.communities) - len(shown)
    if rest:
        rows.append(f'<li class="ag-hint">… and {rest:,} smaller groups, in grey</li>')
    return (
        '<section id="ag-community-section"><h2>Communities</h2>'
        '<p class="ag-hint">Colour is the community (Louvain), named after its most central '
        "member; size is PageRank.</p>"
        f'<ul class="ag-legend" id="ag-communities">{"".join(rows)}</ul></section>'
    )

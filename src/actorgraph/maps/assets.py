"""The files a map inlines: vis-network's script and stylesheet, and the page's own.

vis-network is not retyped or vendored here: it is read, at render time, from the copy
that the installed pyvis package ships (``pyvis/lib/vis-<version>/``). The page's own
template, script and stylesheet sit beside this module. Everything is read with
:mod:`importlib.resources`, once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

VIS_FILES = ("vis-network.min.js", "vis-network.css")
_VIS_FOLDER = re.compile(r"^vis-(\d+(?:\.\d+)*)$")


class MissingAssetError(FileNotFoundError):
    """A file that the map must inline is not installed."""


@dataclass(frozen=True, slots=True)
class Assets:
    """The texts inlined into every page."""

    vis_version: str
    vis_js: str
    vis_css: str
    template: str
    map_js: str
    map_css: str


@cache
def load_assets() -> Assets:
    version, vis_js, vis_css = _vis_network()
    return Assets(
        vis_version=version,
        vis_js=vis_js,
        vis_css=vis_css,
        template=_own_file("template.html"),
        map_js=_own_file("map.js"),
        map_css=_own_file("map.css"),
    )


def _vis_network() -> tuple[str, str, str]:
    """vis-network's version, script and stylesheet from the newest copy inside pyvis."""
    try:
        lib = resources.files("pyvis").joinpath("lib")
    except ModuleNotFoundError as error:
        raise MissingAssetError("pyvis is not installed; the map needs its vis-network") from error
    folders = sorted(
        (_version_key(match.group(1)), match.group(1), entry)
        for entry in (lib.iterdir() if lib.is_dir() else ())
        if (match := _VIS_FOLDER.match(entry.name))
        and all(entry.joinpath(name).is_file() for name in VIS_FILES)
    )
    if not folders:
        raise MissingAssetError(
            f"pyvis has no lib/vis-*/ folder with {' and '.join(VIS_FILES)}; reinstall pyvis"
        )
    _, version, folder = folders[-1]
    script, stylesheet = (folder.joinpath(name).read_text(encoding="utf-8") for name in VIS_FILES)
    return version, script, stylesheet


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _own_file(name: str) -> str:
    entry = resources.files("actorgraph.maps").joinpath(name)
    if not entry.is_file():
        raise MissingAssetError(f"actorgraph.maps is missing its {name}; reinstall actorgraph")
    return entry.read_text(encoding="utf-8")


def inline_script(text: str) -> str:
    """``text`` made safe inside ``<script>``: no ``</script`` nor ``<!--`` can end or bend it.

    Both only ever occur inside string literals, regular expressions or comments of a
    script, where the escaped forms ``<\\/script`` and ``\\x3C!--`` mean the same.
    """
    text = re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)
    return text.replace("<!--", "\\x3C!--")


def inline_style(text: str) -> str:
    """``text`` made safe inside ``<style>``: no ``</style`` can end it early."""
    return re.sub(r"</(style)", r"<\\/\1", text, flags=re.IGNORECASE)

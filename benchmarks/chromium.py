"""The headless Chromium that the browser tests and the map benchmark drive.

Debian's Chromium, installed by ``scripts/install-browser.sh``; the flags keep it from
reaching the network on its own (updates, sync, first-run pages).
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#!/usr/bin/env bash
# Install everything the test suite needs on a fresh machine, then run the whole suite.
# Needs: Python 3.11+, and root (or sudo) once, for Debian's Chromium used by the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null 2>&1 || python=python3

bash scripts/install-browser.sh
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"

.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/lint-imports
.venv/bin/python -m pytest "$@"

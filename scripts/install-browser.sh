#!/bin/sh
# Install Debian's Chromium for the browser tests (tests/test_browser.py) when it is missing.
# Playwright's own browser download does not work offline; the tests launch /usr/bin/chromium.
# Run as root (or with sudo).
set -eu

if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
/usr/bin/chromium --version 2>/dev/null

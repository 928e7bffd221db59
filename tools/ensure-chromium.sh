#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (never downloads a browser of
# its own). Installs it with apt-get when it is missing and this user may; otherwise says so
# loudly and exits 1, and the browser suite skips (or fails, under IPSP_REQUIRE_BROWSER=1).
set -uo pipefail
CHROMIUM="${IPSP_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "!!! Chromium is missing at $CHROMIUM and apt-get is not available: the browser suite cannot run here." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "!!! Chromium is missing at $CHROMIUM and this user cannot run apt-get: the browser suite cannot run here." >&2
    exit 1
  fi
fi
echo "Installing Debian's chromium for the browser tests (apt-get)…"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y --no-install-recommends chromium >/tmp/ipsp-chromium-install.log 2>&1; then
  $SUDO apt-get update >>/tmp/ipsp-chromium-install.log 2>&1
  $SUDO apt-get install -y --no-install-recommends chromium >>/tmp/ipsp-chromium-install.log 2>&1
fi
if [ -x "$CHROMIUM" ]; then echo "Chromium installed: $("$CHROMIUM" --version 2>/dev/null)"; exit 0; fi
echo "!!! Installing chromium failed (see /tmp/ipsp-chromium-install.log): the browser suite cannot run here." >&2
exit 1

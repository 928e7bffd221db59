#!/usr/bin/env bash
# Makes sure Debian's Chromium and a Chinese font (fonts-noto-cjk, else screenshots show boxes)
# are installed for the browser tests (never downloads a browser of its own). Installs it with apt-get when it is missing and this user may; otherwise says so
# loudly and exits 1, and the browser suite skips (or fails, under IPSP_REQUIRE_BROWSER=1).
set -uo pipefail
CHROMIUM="${IPSP_CHROMIUM:-/usr/bin/chromium}"
has_cjk_font() { fc-list :lang=zh 2>/dev/null | grep -q .; }
if [ -x "$CHROMIUM" ] && has_cjk_font; then exit 0; fi
# Chromium without a Chinese font still runs the tests; only the pictures suffer.
cannot_install() {
  if [ -x "$CHROMIUM" ]; then echo "!!! No Chinese font and $1: screenshots will show boxes instead of Chinese." >&2; exit 0; fi
  echo "!!! Chromium is missing at $CHROMIUM and $1: the browser suite cannot run here." >&2
  exit 1
}
if ! command -v apt-get >/dev/null 2>&1; then
  cannot_install "apt-get is not available"
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    cannot_install "this user cannot run apt-get"
  fi
fi
PACKAGES="chromium fonts-noto-cjk"
echo "Installing Debian's $PACKAGES for the browser tests (apt-get)…"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y --no-install-recommends $PACKAGES >/tmp/ipsp-chromium-install.log 2>&1; then
  $SUDO apt-get update >>/tmp/ipsp-chromium-install.log 2>&1
  $SUDO apt-get install -y --no-install-recommends $PACKAGES >>/tmp/ipsp-chromium-install.log 2>&1
fi
has_cjk_font || echo "!!! No Chinese font could be installed: screenshots will show boxes instead of Chinese." >&2
if [ -x "$CHROMIUM" ]; then echo "Chromium installed: $("$CHROMIUM" --version 2>/dev/null)"; exit 0; fi
echo "!!! Installing chromium failed (see /tmp/ipsp-chromium-install.log): the browser suite cannot run here." >&2
exit 1

#!/bin/sh
# Makes sure Debian's chromium is installed at /usr/bin/chromium for the browser tests and the UI
# benchmark (playwright-core drives it; no browser is downloaded from anywhere else).
# Installs it with apt-get when missing (as root, or through sudo when available); fails loudly
# when it cannot, so a browser test is never skipped silently.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium with apt-get" >&2

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  AS_ROOT="sudo -n"
else
  echo "ensure-chromium: cannot install chromium: not root and no password-less sudo." >&2
  echo "  Install it yourself: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: cannot install chromium: apt-get not found (the tests need Debian's chromium at $CHROMIUM)." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! $AS_ROOT apt-get update || ! $AS_ROOT apt-get install -y chromium; then
  echo "ensure-chromium: apt-get could not install chromium (see the messages above)." >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)" >&2

#!/usr/bin/env bash
# End-to-end tests drive Debian's Chromium (playwright's own browser download cannot work here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "• Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The browser tests need Debian's Chromium at /usr/bin/chromium." >&2
  echo "Install it as root:  apt-get install chromium" >&2
  exit 1
fi

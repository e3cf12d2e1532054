#!/usr/bin/env bash
# Installs the project's npm packages when they are missing or older than the lock file, so that
# `npm test` and `npm run demo` work from a fresh clone. Sourced by test-all.sh and demo.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "• Installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi

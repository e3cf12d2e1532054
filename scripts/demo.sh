#!/usr/bin/env bash
# `npm run demo`: from a fresh clone to a running webmail with Vietnamese sample mailboxes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/mailstack/mailstack.sh start
npx tsx scripts/seed/seed.ts
npx tsx scripts/write-demo-env.ts
npx tsx scripts/seed/demo-roles.ts
echo "• Building the app…"
# The production build, as an operator makes it: the app, the proxy bundle, the source archive.
npm run -s build
port="${PORT:-8080}"
export PORT="$port" PUBLIC_URL="${PUBLIC_URL:-http://127.0.0.1:$port}" LOG_LEVEL="${LOG_LEVEL:-warn}"
npx tsx scripts/demo-logins.ts "$PUBLIC_URL"
echo "Stop with Ctrl+C (the mail stack keeps running: npm run mail:stop)."
# The production entry point, as `npm start` runs it.
exec node --enable-source-maps dist/proxy/main.js

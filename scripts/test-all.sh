#!/usr/bin/env bash
# `npm test`: every check, from a fresh clone. Starts the real mail stack (Dovecot + Postfix) the
# integration and browser tests need, and stops it again afterwards, pass or fail.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh

echo "• Lint and format (Biome)"
npx biome check .
echo "• Type check (tsc, strict): common (no DOM, no Node), client (DOM), proxy (Node), scripts and e2e"
npm run --silent typecheck
echo "• nginx from Debian (installed, never started), for the check of the deploy/ site"
bash scripts/deploy/ensure-nginx.sh
pg_was_running=0
if bash scripts/postgres/postgres.sh status >/dev/null 2>&1; then pg_was_running=1; fi
stack_was_running=0
if bash scripts/mailstack/mailstack.sh status >/dev/null 2>&1; then stack_was_running=1; fi
ldap_was_running=0
if bash scripts/ldap/ldap.sh status >/dev/null 2>&1; then ldap_was_running=1; fi
cleanup() {
  if [ "$pg_was_running" -eq 0 ]; then bash scripts/postgres/postgres.sh stop >/dev/null 2>&1 || true; fi
  if [ "$stack_was_running" -eq 0 ]; then bash scripts/mailstack/mailstack.sh stop >/dev/null 2>&1 || true; fi
  if [ "$ldap_was_running" -eq 0 ]; then bash scripts/ldap/ldap.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

echo "• PostgreSQL 15 (private cluster on 127.0.0.1:15432), for the store's second engine"
bash scripts/postgres/postgres.sh start
echo "• Unit and component tests (deploy/ nginx site: nginx -t); the store's contract on SQLite and PostgreSQL"
npx vitest run --project unit --project client --project store

echo "• Mail stack"
bash scripts/mailstack/mailstack.sh start
echo "• Directory (private OpenLDAP slapd)"
bash scripts/ldap/ldap.sh start
npx tsx scripts/seed/seed.ts
echo "• Integration tests against the real Dovecot and Postfix"
npx vitest run --project integration

echo "• Build the app"
npx vite build --logLevel warn
bash scripts/ensure-chromium.sh
echo "• Browser tests (Debian Chromium)"
npx vitest run --project e2e

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
oldserver_was_running=0
if bash scripts/oldserver/oldserver.sh status >/dev/null 2>&1; then oldserver_was_running=1; fi
cleanup() {
  if [ "$pg_was_running" -eq 0 ]; then bash scripts/postgres/postgres.sh stop >/dev/null 2>&1 || true; fi
  if [ "$stack_was_running" -eq 0 ]; then bash scripts/mailstack/mailstack.sh stop >/dev/null 2>&1 || true; fi
  if [ "$ldap_was_running" -eq 0 ]; then bash scripts/ldap/ldap.sh stop >/dev/null 2>&1 || true; fi
  if [ "$oldserver_was_running" -eq 0 ]; then bash scripts/oldserver/oldserver.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# Each stage has a time limit well inside CI's 90 minutes, so a hung test fails the run with its
# name (the started-tests reporter prints each test as it begins) instead of using up the budget.
stage() {
  local minutes=$1 name=$2
  shift 2
  local code=0
  timeout --kill-after=30s "${minutes}m" "$@" || code=$?
  if [ "$code" -eq 124 ] || [ "$code" -eq 137 ]; then
    echo "test-all: the ${name} did not finish in ${minutes} minutes; the last test started above is the one that hung" >&2
  fi
  return "$code"
}
progress=(--reporter=default --reporter=./scripts/test/started-tests-reporter.ts)

echo "• PostgreSQL 15 (private cluster on 127.0.0.1:15432), for the store's second engine"
bash scripts/postgres/postgres.sh start
echo "• Unit and component tests (deploy/ nginx site: nginx -t); the store's contract on SQLite and PostgreSQL"
stage 20 "unit, component and store tests" npx vitest run --project unit --project client --project store

echo "• Mail stack"
bash scripts/mailstack/mailstack.sh start
echo "• Directory (private OpenLDAP slapd)"
bash scripts/ldap/ldap.sh start
npx tsx scripts/seed/seed.ts
echo "• The old mail server (a second private Dovecot), source of the mail migration tests"
bash scripts/oldserver/oldserver.sh start
echo "• Integration tests against the real Dovecot and Postfix"
stage 30 "integration tests" npx vitest run --project integration "${progress[@]}"

echo "• Build the app"
npx vite build --logLevel warn
bash scripts/ensure-chromium.sh
echo "• Browser tests (Debian Chromium)"
stage 30 "browser tests" npx vitest run --project e2e "${progress[@]}"

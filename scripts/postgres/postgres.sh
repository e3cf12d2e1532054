#!/usr/bin/env bash
# The webmail's development and test PostgreSQL: a private PostgreSQL 15 (Debian's packages) on
# 127.0.0.1:15432 for the policy store's PostgreSQL engine (DATABASE_URL=postgres://…), with its
# cluster, socket, log and password in $BP_POSTGRES_DIR (default /var/tmp/bp-webmail-postgres).
# The system's clusters (/etc/postgresql, port 5432) are never read or touched. See README.md
# beside this file.
#
#   postgres.sh start     install if needed, initdb on first start, start, create role and
#                         database (a running server is left as it is)
#   postgres.sh stop      stop it, leaving no process behind
#   postgres.sh status    exit 0 "running", 3 "stopped", 1 when it runs but refuses connections
#   postgres.sh restart   stop, then start (applies changed settings; data is kept)
#   postgres.sh url       print the DATABASE_URL of the app's database
#   postgres.sh reset     drop and recreate the app's database, empty (for tests)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
# shellcheck source=postgres-env.sh
source "$SCRIPT_DIR/postgres-env.sh"
# shellcheck source=install-packages.sh
source "$SCRIPT_DIR/install-packages.sh"
# shellcheck source=processes.sh
source "$SCRIPT_DIR/processes.sh"
# shellcheck source=cluster.sh
source "$SCRIPT_DIR/cluster.sh"

STARTUP_TIMEOUT_SECONDS=${BP_POSTGRES_TIMEOUT:-20}

die() {
  echo "postgres: $*" >&2
  exit 1
}

check_settings() {
  [[ "$POSTGRES_DIR" == /* ]] || die "BP_POSTGRES_DIR must be an absolute path (got '$POSTGRES_DIR')"
  # The server user cannot enter a CI checkout (mktemp -d is 0700), and a cluster has no business
  # in the work tree.
  case "$POSTGRES_DIR/" in
  "$REPO_ROOT"/*) die "BP_POSTGRES_DIR must be outside the repository ($REPO_ROOT)" ;;
  esac
  [[ "$POSTGRES_DIR" != *[\'\\[:space:]]* ]] || die "BP_POSTGRES_DIR must not contain quotes, backslashes or spaces"
  [[ "$POSTGRES_PORT" =~ ^[0-9]+$ ]] && ((POSTGRES_PORT >= 1024 && POSTGRES_PORT <= 65535)) ||
    die "BP_POSTGRES_PORT must be a port number from 1024 to 65535 (got '$POSTGRES_PORT')"
  # A unix socket path holds at most 107 bytes.
  local socket=$POSTGRES_SOCKET_DIR/.s.PGSQL.$POSTGRES_PORT
  ((${#socket} <= 107)) || die "BP_POSTGRES_DIR is too long for a unix socket path ($socket)"
}

# Someone else's state dir (root's instance seen by a user, or the reverse) is not ours to use.
require_access() {
  [[ $EUID -eq 0 || ! -e $POSTGRES_DIR || -O $POSTGRES_DIR ]] && return 0
  die "$POSTGRES_DIR belongs to $(stat -c %U "$POSTGRES_DIR"); run as root (sudo bash scripts/postgres/postgres.sh $1) or set BP_POSTGRES_DIR"
}

url_encode() {
  local LC_ALL=C text=$1 encoded='' char i
  for ((i = 0; i < ${#text}; i++)); do
    char=${text:i:1}
    case $char in
    [A-Za-z0-9._~-]) encoded+=$char ;;
    *) printf -v char '%%%02X' "'$char" && encoded+=$char ;;
    esac
  done
  printf '%s' "$encoded"
}

# Without the password: what status and start print.
shown_url() {
  echo "postgres://${POSTGRES_APP_ROLE}@${POSTGRES_LISTEN_ADDR}:${POSTGRES_PORT}/${POSTGRES_APP_DATABASE}"
}

show_log_tail() {
  [[ -s $POSTGRES_LOG ]] || return 0
  echo "--- last lines of $POSTGRES_LOG" >&2
  tail -n 25 "$POSTGRES_LOG" >&2
}

# pg_ctl -W returns at once; readiness is pg_isready on the TCP port the app uses. A postmaster
# that dies on the way (a bad setting, a port taken meanwhile) ends the wait early.
launch_server() {
  as_server_user "$PG_BIN/pg_ctl" start -D "$POSTGRES_DATA_DIR" -l "$POSTGRES_LOG" -W -s \
    </dev/null >"$POSTGRES_LOG_DIR/pg_ctl.out" 2>&1 || {
    cat "$POSTGRES_LOG_DIR/pg_ctl.out" >&2
    show_log_tail
    die "pg_ctl start failed"
  }
  local launched_at=$SECONDS deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS))
  until server_ready; do
    if ((SECONDS - launched_at >= 2)) && ! postmaster_running; then
      show_log_tail
      die "PostgreSQL exited during start-up"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail
      stop_server || true
      die "PostgreSQL did not accept connections on $POSTGRES_LISTEN_ADDR:$POSTGRES_PORT within ${STARTUP_TIMEOUT_SECONDS}s"
    fi
    sleep 0.1
  done
}

cmd_start() {
  local started_at=$SECONDS
  check_settings
  require_access start
  if postmaster_running; then
    echo "postgres already running: $(shown_url) (state $POSTGRES_DIR)"
    return 0
  fi
  ensure_postgres_packages
  # A port that answers before we start belongs to someone else: fail instead of shadowing it.
  port_answers && die "$POSTGRES_LISTEN_ADDR:$POSTGRES_PORT is already in use by another program; free it, stop that program or set BP_POSTGRES_PORT"
  prepare_state_dir
  init_cluster_once
  render_server_config
  ensure_password_file
  remove_stale_lock_files
  launch_server
  ensure_role_and_database
  echo "postgres started in $((SECONDS - started_at))s: $(shown_url) (password: postgres.sh url)," \
    "PostgreSQL $POSTGRES_VERSION as $(server_user), state $POSTGRES_DIR"
}

cmd_stop() {
  check_settings
  if [[ -z "$(instance_pids)" ]]; then
    echo "postgres stopped (was not running)"
    return 0
  fi
  require_access stop
  stop_server || die "could not stop every process"
  echo "postgres stopped"
}

cmd_status() {
  check_settings
  local state=stopped
  if [[ $EUID -eq 0 || ! -e $POSTGRES_DIR || -O $POSTGRES_DIR ]]; then
    if postmaster_running; then
      state=refusing
      server_ready && state=running
    fi
  else
    # Someone else's data dir is closed to us; an answer on our port is the best evidence.
    server_ready && state=running
  fi
  case $state in
  running)
    echo "running: $(shown_url) (state $POSTGRES_DIR)"
    return 0
    ;;
  stopped)
    echo "stopped"
    return 3
    ;;
  esac
  echo "degraded: the postmaster runs but refuses connections on $POSTGRES_LISTEN_ADDR:$POSTGRES_PORT (see $POSTGRES_LOG; run: postgres.sh restart)"
  return 1
}

cmd_url() {
  check_settings
  local password
  password=$(app_password)
  echo "postgres://${POSTGRES_APP_ROLE}:$(url_encode "$password")@${POSTGRES_LISTEN_ADDR}:${POSTGRES_PORT}/${POSTGRES_APP_DATABASE}"
}

cmd_reset() {
  check_settings
  require_access reset
  postmaster_running || die "PostgreSQL is not running; use 'start'"
  reset_database
  echo "database $POSTGRES_APP_DATABASE recreated, empty"
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
restart)
  cmd_stop
  cmd_start
  ;;
url) cmd_url ;;
reset) cmd_reset ;;
*)
  echo "usage: $(basename "$0") start|stop|status|restart|url|reset" >&2
  exit 2
  ;;
esac

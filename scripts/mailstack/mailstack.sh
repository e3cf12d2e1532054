#!/usr/bin/env bash
# The webmail's development and test mail stack: a private Dovecot (IMAP 1143, LMTP 10024) and a
# private Postfix (submission 1587) on 127.0.0.1, with all state in $BP_MAILSTACK_DIR
# (default /var/tmp/bp-webmail-mailstack), plus the doveadm HTTP API on 127.0.0.1:10081. See
# README.md beside this file.
#
#   mailstack.sh start     install if needed, render configs and users, start or reload both
#   mailstack.sh stop      stop both, leaving no process behind
#   mailstack.sh status    exit 0 "running", 3 "stopped", 1 when only one half runs
#   mailstack.sh restart   stop, then start
#   mailstack.sh sync-users  re-apply scripts/seed/accounts.json to the passwd-file and reload
#   mailstack.sh dovecot-stop / dovecot-start   the provider's IMAP down and up (fault tests)
#   mailstack.sh clamd-start / clamd-stop / clamd-reload   the malware scanner alone (clamd-start
#                  also re-installs the stack's signatures; reload re-reads the database dir)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
# shellcheck source=mailstack-env.sh
source "$SCRIPT_DIR/mailstack-env.sh"
# shellcheck source=install-packages.sh
source "$SCRIPT_DIR/install-packages.sh"
# shellcheck source=render-configs.sh
source "$SCRIPT_DIR/render-configs.sh"
# shellcheck source=processes.sh
source "$SCRIPT_DIR/processes.sh"
# shellcheck source=clamd.sh
source "$SCRIPT_DIR/clamd.sh"

STARTUP_TIMEOUT_SECONDS=${BP_MAILSTACK_TIMEOUT:-20}

die() {
  echo "mailstack: $*" >&2
  exit 1
}

check_state_dir() {
  [[ "$MAILSTACK_DIR" == /* ]] || die "BP_MAILSTACK_DIR must be an absolute path (got '$MAILSTACK_DIR')"
  # The daemons' unprivileged users cannot enter a CI checkout (mktemp -d is 0700).
  case "$MAILSTACK_DIR/" in
  "$REPO_ROOT"/*) die "BP_MAILSTACK_DIR must be outside the repository ($REPO_ROOT)" ;;
  esac
}

require_root() {
  [[ $EUID -eq 0 ]] && return 0
  die "'$1' needs root: Dovecot and Postfix start as root and drop to mail/dovenull/postfix (try: sudo npm run mail:$1)"
}

sync_users() {
  local tsx=$REPO_ROOT/node_modules/.bin/tsx
  [[ -x "$tsx" ]] || die "$tsx not found; run 'npm ci' in $REPO_ROOT first"
  BP_MAILSTACK_DIR=$MAILSTACK_DIR BP_MAIL_DOMAIN=$MAIL_DOMAIN "$tsx" "$SCRIPT_DIR/sync-users.ts"
}

show_log_tails() {
  local log
  for log in "$DOVECOT_LOG" "$POSTFIX_LOG"; do
    [[ -s "$log" ]] || continue
    echo "--- last lines of $log" >&2
    tail -n 25 "$log" >&2
  done
}

# A port that answers before we start belongs to someone else: fail instead of shadowing it.
check_ports_free() {
  local port
  for port in "$@"; do
    if port_answers "$port"; then
      die "127.0.0.1:$port is already in use by another program; free it or stop that program"
    fi
  done
}

wait_for_banners() {
  local deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS))
  local pending=("$IMAP_PORT:* OK" "$LMTP_PORT:220" "$SUBMISSION_PORT:220")
  while ((${#pending[@]} > 0)); do
    local still=() entry
    for entry in "${pending[@]}"; do
      banner_matches "${entry%%:*}" "${entry#*:}" || still+=("$entry")
    done
    pending=("${still[@]+"${still[@]}"}")
    ((${#pending[@]} == 0)) && break
    if ((SECONDS >= deadline)); then
      echo "mailstack: no banner after ${STARTUP_TIMEOUT_SECONDS}s on: ${pending[*]%%:*}" >&2
      show_log_tails
      exit 1
    fi
    sleep 0.2
  done
}

# Room for 1,000 users (see the limits in templates/dovecot.conf). IDLE watches the selected
# mailbox through inotify, one instance per imap process, all running as the user "mail": past
# the kernel's default of 128 instances per user the others poll every 30 s instead (new mail
# shown late, "Inotify instance limit for user … exceeded" in the log). Best effort: a container
# may refuse, and the stack still works, only slower to notice mail.
raise_inotify_limit() {
  local file=/proc/sys/fs/inotify/max_user_instances want=8192 have
  have=$(cat "$file" 2>/dev/null || echo 0)
  ((have >= want)) && return 0
  echo "$want" 2>/dev/null >"$file" ||
    echo "mailstack: could not raise $file to $want (it is $have): IDLE polls past $have imap processes" >&2
}

start_dovecot() {
  raise_inotify_limit
  if dovecot_running; then
    doveadm -c "$DOVECOT_CONF" reload </dev/null >/dev/null 2>&1 || die "dovecot reload failed; see $DOVECOT_LOG"
    return
  fi
  check_ports_free "$IMAP_PORT" "$LMTP_PORT" "$DOVEADM_HTTP_PORT" "$MANAGESIEVE_PORT"
  # The log and stats processes hold a descriptor per imap process: a shell's usual soft limit of
  # 1,024 open files would stop Dovecot near 500 users. The hard limit is as far as we may go
  # (a reload keeps the running master's limit).
  local hard
  hard=$(ulimit -Hn)
  [[ $hard == unlimited ]] && hard=65536
  ((hard > 65536)) && hard=65536
  ulimit -n "$hard" 2>/dev/null || true
  # Daemons keep the stdio they inherit: a caller reading our output through a pipe (a test's
  # execSync, `| tee`) would wait for them to exit. Start-up complaints go to a file instead.
  dovecot -c "$DOVECOT_CONF" </dev/null >"$LOG_DIR/dovecot-start.out" 2>&1 || {
    cat "$LOG_DIR/dovecot-start.out" >&2
    show_log_tails
    die "dovecot did not start"
  }
}

start_postfix() {
  if postfix_running; then
    postfix -c "$POSTFIX_CONFIG_DIR" reload </dev/null >/dev/null 2>&1 || die "postfix reload failed; see $POSTFIX_LOG"
    return
  fi
  check_ports_free "$SUBMISSION_PORT" "$SIEVE_SUBMIT_PORT"
  # "check" creates the queue dirs with Postfix's own owners and modes on a fresh state dir.
  postfix -c "$POSTFIX_CONFIG_DIR" check </dev/null >"$LOG_DIR/postfix-start.out" 2>&1 || {
    cat "$LOG_DIR/postfix-start.out" >&2
    die "postfix check failed; see $POSTFIX_LOG"
  }
  postfix -c "$POSTFIX_CONFIG_DIR" start </dev/null >>"$LOG_DIR/postfix-start.out" 2>&1 || {
    cat "$LOG_DIR/postfix-start.out" >&2
    show_log_tails
    die "postfix did not start"
  }
}

cmd_start() {
  local started_at=$SECONDS was_running=no
  check_state_dir
  ensure_mail_packages
  require_root start
  stack_running && was_running=yes
  prepare_state_dir
  render_configs
  sync_users
  start_dovecot
  start_postfix
  start_clamd
  wait_for_banners
  wait_for_clamd
  local accounts verb=started
  accounts=$(grep -c '^[^#:]' "$USERS_FILE" || true)
  [[ $was_running == yes ]] && verb=reloaded
  echo "mail stack ${verb} in $((SECONDS - started_at))s: IMAP ${LISTEN_ADDR}:${IMAP_PORT}," \
    "submission ${LISTEN_ADDR}:${SUBMISSION_PORT}, LMTP ${LISTEN_ADDR}:${LMTP_PORT}," \
    "doveadm HTTP ${LISTEN_ADDR}:${DOVEADM_HTTP_PORT}, ManageSieve ${LISTEN_ADDR}:${MANAGESIEVE_PORT}," \
    "clamd ${CLAMD_SOCKET}," \
    "${accounts} mailboxes @${MAIL_DOMAIN}, state ${MAILSTACK_DIR}"
}

cmd_stop() {
  check_state_dir
  if ! stack_running && [[ -z "$(stack_pids)" ]] && ! clamd_running; then
    echo "mail stack stopped (was not running)"
    return 0
  fi
  require_root stop
  stop_postfix
  stop_dovecot
  stop_clamd
  kill_stragglers
  echo "mail stack stopped"
}

cmd_status() {
  check_state_dir
  local dovecot=stopped postfix=stopped clamd=stopped
  if [[ $EUID -eq 0 ]]; then
    dovecot_running && dovecot=running
    postfix_running && postfix=running
    clamd_running && clamd=running
  else
    # The pid files are root's; without root, a greeting on our ports is the best evidence.
    banner_matches "$IMAP_PORT" "* OK" && dovecot=running
    banner_matches "$SUBMISSION_PORT" 220 && postfix=running
    [[ -S "$CLAMD_SOCKET" ]] && clamd=running
  fi
  if [[ $dovecot == running && $postfix == running && $clamd == running ]]; then
    echo "running: IMAP ${LISTEN_ADDR}:${IMAP_PORT}, submission ${LISTEN_ADDR}:${SUBMISSION_PORT}," \
      "LMTP ${LISTEN_ADDR}:${LMTP_PORT}, clamd ${CLAMD_SOCKET} (state ${MAILSTACK_DIR})"
    return 0
  fi
  if [[ $dovecot == stopped && $postfix == stopped && $clamd == stopped ]]; then
    echo "stopped"
    return 3
  fi
  echo "degraded: dovecot ${dovecot}, postfix ${postfix}, clamd ${clamd} (run: mailstack.sh restart)"
  return 1
}

cmd_sync_users() {
  check_state_dir
  require_root sync-users
  stack_running || die "the mail stack is not running; use 'start'"
  sync_users
  postfix -c "$POSTFIX_CONFIG_DIR" reload </dev/null >/dev/null 2>&1 || die "postfix reload failed; see $POSTFIX_LOG"
  echo "users synced from scripts/seed/accounts.json"
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
restart)
  cmd_stop
  cmd_start
  ;;
sync-users) cmd_sync_users ;;
# Fault tests: the provider's IMAP goes away and comes back while Postfix stays up.
dovecot-stop)
  check_state_dir
  require_root dovecot-stop
  stop_dovecot
  kill_dovecot_children
  echo "dovecot stopped"
  ;;
dovecot-start)
  check_state_dir
  require_root dovecot-start
  start_dovecot
  wait_for_banners
  echo "dovecot started"
  ;;
# The scanner alone (fault tests, and a shared running stack that must not be restarted).
clamd-start)
  check_state_dir
  ensure_mail_packages
  require_root clamd-start
  start_clamd
  wait_for_clamd
  echo "clamd running on ${CLAMD_SOCKET}"
  ;;
clamd-stop)
  check_state_dir
  require_root clamd-stop
  stop_clamd
  echo "clamd stopped"
  ;;
clamd-reload)
  check_state_dir
  clamd_running || die "clamd is not running; use 'clamd-start'"
  [[ "$(clamd_command RELOAD)" == RELOADING ]] || die "clamd reload failed; see $CLAMD_LOG"
  wait_for_clamd
  echo "clamd reloaded its signatures"
  ;;
*)
  echo "usage: $(basename "$0") start|stop|status|restart|sync-users|dovecot-stop|dovecot-start|clamd-start|clamd-stop|clamd-reload" >&2
  exit 2
  ;;
esac

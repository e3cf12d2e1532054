# Sourced by mailstack.sh: the stack's own clamd (malware scanning, Đ8.2b). Its config, signature
# database, socket and log all live in the state dir; the system's clamav-daemon service and
# freshclam are never used. The database is the small test signature beside this file: this
# machine cannot reach ClamAV's mirrors, and a clamd with no signature at all refuses to start.
# shellcheck shell=bash

CLAMD_DIR=$MAILSTACK_DIR/clamav
CLAMD_DB_DIR=$CLAMD_DIR/db
CLAMD_RUN_DIR=$MAILSTACK_DIR/run/clamd
CLAMD_CONF=$CLAMD_DIR/clamd.conf
CLAMD_SOCKET=$CLAMD_RUN_DIR/clamd.sock
CLAMD_PID_FILE=$CLAMD_RUN_DIR/clamd.pid
CLAMD_LOG=$LOG_DIR/clamd.log

clamd_master_pid() {
  local pid
  pid=$(read_pid_file "$CLAMD_PID_FILE") || return 1
  process_name_is "$pid" clamd || return 1
  echo "$pid"
}

clamd_running() { clamd_master_pid >/dev/null; }

# Owned by clamav (clamd drops to it); the socket's dir is closed to everyone else, so only root
# (the proxy in tests and the demo) and clamav reach the socket.
prepare_clamd_dirs() {
  install -d -m 0755 -o root -g root "$MAILSTACK_DIR/run" "$LOG_DIR"
  install -d -m 0750 -o clamav -g clamav "$CLAMD_DIR" "$CLAMD_DB_DIR" "$CLAMD_DIR/tmp" "$CLAMD_RUN_DIR"
  touch "$CLAMD_LOG"
  chown clamav:clamav "$CLAMD_LOG"
  install -m 0644 -o clamav -g clamav "$SCRIPT_DIR/clamav/bp-test-marker.ndb" "$CLAMD_DB_DIR/bp-test-marker.ndb"
  render_template "$SCRIPT_DIR/templates/clamd.conf" "$CLAMD_CONF"
}

# One INSTREAM-free command on the socket: "PING" answers "PONG", "RELOAD" "RELOADING".
clamd_command() {
  local command=$1
  timeout 5 node -e '
    const s = require("node:net").connect(process.argv[1]);
    let reply = "";
    s.on("connect", () => s.write(`z${process.argv[2]}\0`));
    s.on("data", (d) => { reply += d; if (reply.endsWith("\0")) s.end(); });
    s.on("close", () => console.log(reply.replace(/\0$/, "")));
    s.on("error", () => process.exit(1));
  ' "$CLAMD_SOCKET" "$command" 2>/dev/null
}

wait_for_clamd() {
  local deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS))
  until [[ "$(clamd_command PING)" == PONG ]]; do
    if ((SECONDS >= deadline)); then
      echo "mailstack: clamd did not answer PING after ${STARTUP_TIMEOUT_SECONDS}s" >&2
      tail -n 25 "$CLAMD_LOG" >&2
      exit 1
    fi
    sleep 0.2
  done
}

start_clamd() {
  prepare_clamd_dirs
  if clamd_running; then
    [[ "$(clamd_command RELOAD)" == RELOADING ]] || die "clamd reload failed; see $CLAMD_LOG"
    return
  fi
  clamd -c "$CLAMD_CONF" </dev/null >"$LOG_DIR/clamd-start.out" 2>&1 || {
    cat "$LOG_DIR/clamd-start.out" >&2
    tail -n 25 "$CLAMD_LOG" >&2
    die "clamd did not start"
  }
}

stop_clamd() {
  local pid
  pid=$(clamd_master_pid) || return 0
  kill -TERM "$pid" 2>/dev/null || true
  wait_until_gone "$pid" || {
    echo "mailstack: clamd $pid did not exit in ${STOP_TIMEOUT_SECONDS}s; sending KILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
  }
  rm -f "$CLAMD_SOCKET"
}

# Sourced by postgres.sh: finds, probes and stops this instance's processes. The postmaster is the
# process named in our data dir's postmaster.pid whose command line names that data dir; its
# children carry our cluster_name in their titles. A system PostgreSQL on the same machine is
# never touched.
# shellcheck shell=bash

STOP_TIMEOUT_SECONDS=10

# A zombie has finished; only its parent (init, once the postmaster has detached) still has to
# reap it, which some container inits do late.
process_alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  [[ "${stat##*) }" != Z* ]]
}

postmaster_pid() {
  local pid
  [[ -r $POSTGRES_PID_FILE ]] || return 1
  pid=$(head -n 1 "$POSTGRES_PID_FILE" 2>/dev/null | tr -d ' ')
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  process_alive "$pid" || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres ]] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF "$POSTGRES_DATA_DIR" || return 1
  echo "$pid"
}

postmaster_running() { postmaster_pid >/dev/null; }

# Every live process of this instance. The title replaces the command line, so each child's
# /proc/<pid>/cmdline starts with "postgres: <cluster_name>: ".
instance_pids() {
  {
    postmaster_pid || true
    grep -lsz "^postgres: ${POSTGRES_CLUSTER_NAME}: " /proc/[0-9]*/cmdline || true
  } | sed -nE 's|^/proc/([0-9]+)/.*|\1|p; s|^([0-9]+)$|\1|p' | sort -un | while read -r pid; do
    process_alive "$pid" && echo "$pid"
  done
}

wait_for_no_instance_pids() {
  local deadline=$((SECONDS + $1))
  while [[ -n "$(instance_pids)" ]]; do
    ((SECONDS >= deadline)) && return 1
    sleep 0.1
  done
}

# "fast" rolls back open transactions and disconnects clients: tests never wait for a pool that
# was not closed. The postmaster exits only after its children, so leftovers are rare (a child
# of a postmaster killed with -9); they get a TERM, then a KILL, each addressed by pid.
stop_server() {
  local pid signal pids
  if pid=$(postmaster_pid); then
    as_server_user "$PG_BIN/pg_ctl" stop -D "$POSTGRES_DATA_DIR" -m fast -w -t "$STOP_TIMEOUT_SECONDS" -s \
      </dev/null >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  fi
  for signal in TERM KILL; do
    wait_for_no_instance_pids 3 && return 0
    pids=$(instance_pids)
    echo "postgres: sending $signal to leftover processes:" $pids >&2
    # shellcheck disable=SC2086
    kill -"$signal" $pids 2>/dev/null || true
  done
  wait_for_no_instance_pids 3 && return 0
  echo "postgres: processes still alive:" $(instance_pids) >&2
  return 1
}

port_answers() {
  (exec 3<>"/dev/tcp/$POSTGRES_LISTEN_ADDR/$POSTGRES_PORT") 2>/dev/null
}

# pg_isready as the app role on its own database: the pg_hba.conf line for it asks for a password,
# and a client that hangs up at that point leaves nothing in the server's log (any other user or
# database would log a FATAL "no pg_hba.conf entry" on every probe).
server_ready() {
  "$PG_BIN/pg_isready" -q -t 2 -h "$POSTGRES_LISTEN_ADDR" -p "$POSTGRES_PORT" \
    -U "$POSTGRES_APP_ROLE" -d "$POSTGRES_APP_DATABASE" >/dev/null 2>&1
}

# A postmaster killed with -9 leaves postmaster.pid and the socket's lock file behind. While init
# has not reaped its zombie, or once its pid belongs to another process, PostgreSQL takes them
# for a live server and refuses to start. With no process of this instance left, they are stale.
remove_stale_lock_files() {
  local socket_lock=$POSTGRES_SOCKET_DIR/.s.PGSQL.$POSTGRES_PORT.lock
  [[ -e $POSTGRES_PID_FILE || -e $socket_lock ]] || return 0
  postmaster_running && return 0
  local leftovers
  leftovers=$(instance_pids)
  [[ -z "$leftovers" ]] || die "processes of an earlier server are still alive (${leftovers//$'\n'/ }); run: postgres.sh stop"
  rm -f "$POSTGRES_PID_FILE" "$socket_lock"
}

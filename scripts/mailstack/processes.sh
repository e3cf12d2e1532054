# Sourced by mailstack.sh: finds, probes and stops the stack's own processes. Everything is found
# by pid file, by Dovecot's instance name in the process title, or by Postfix's MAIL_CONFIG in
# the environment: a system Dovecot or Postfix on the same machine is never touched.
# shellcheck shell=bash

STOP_TIMEOUT_SECONDS=10

read_pid_file() {
  local file=$1 pid
  [[ -r "$file" ]] || return 1
  pid=$(tr -d ' \n' <"$file")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  echo "$pid"
}

process_name_is() {
  local pid=$1 name=$2
  process_alive "$pid" && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$name" ]]
}

# Postfix daemons have plain names (master, smtpd, qmgr); only MAIL_CONFIG tells ours apart.
belongs_to_our_postfix() {
  local pid=$1
  [[ -r /proc/$pid/environ ]] || return 1
  tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "MAIL_CONFIG=$POSTFIX_CONFIG_DIR"
}

dovecot_master_pid() {
  local pid
  pid=$(read_pid_file "$DOVECOT_BASE_DIR/master.pid") || return 1
  process_name_is "$pid" dovecot || return 1
  echo "$pid"
}

postfix_master_pid() {
  local pid
  pid=$(read_pid_file "$POSTFIX_QUEUE_DIR/pid/master.pid") || return 1
  process_name_is "$pid" master || return 1
  # Without root the environment is unreadable; the pid file in our queue dir must then do.
  if [[ $EUID -eq 0 ]] && ! belongs_to_our_postfix "$pid"; then
    return 1
  fi
  echo "$pid"
}

dovecot_running() { dovecot_master_pid >/dev/null; }
postfix_running() { postfix_master_pid >/dev/null; }
stack_running() { dovecot_running || postfix_running; }

# Every live process of this stack: Dovecot titles its children "dovecot-<instance>/<service>",
# Postfix passes MAIL_CONFIG to each daemon it spawns. One grep over /proc instead of a loop.
stack_pids() {
  {
    dovecot_master_pid || true
    postfix_master_pid || true
    grep -lszE "^dovecot-${DOVECOT_INSTANCE}/" /proc/[0-9]*/cmdline || true
    grep -lszxF "MAIL_CONFIG=$POSTFIX_CONFIG_DIR" /proc/[0-9]*/environ || true
  } | sed -nE 's|^/proc/([0-9]+)/.*|\1|p; s|^([0-9]+)$|\1|p' | sort -un | while read -r pid; do
    process_alive "$pid" && echo "$pid"
  done
}

# A zombie has finished; only its parent (init, once the daemon has detached) still has to reap
# it, which some container inits do late.
process_alive() {
  local pid=$1 stat
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ "${stat##*) }" != Z* ]]
}

wait_until_gone() {
  local pid=$1 deadline=$((SECONDS + STOP_TIMEOUT_SECONDS))
  while process_alive "$pid" && ((SECONDS < deadline)); do
    sleep 0.1
  done
  ! process_alive "$pid"
}

wait_for_no_stack_pids() {
  local deadline=$((SECONDS + $1))
  while [[ -n "$(stack_pids)" ]]; do
    ((SECONDS >= deadline)) && return 1
    sleep 0.2
  done
}

stop_postfix() {
  local pid
  pid=$(postfix_master_pid) || return 0
  # "postfix stop" signals the master, which takes its children down before exiting.
  postfix -c "$POSTFIX_CONFIG_DIR" stop >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  wait_until_gone "$pid" || echo "mailstack: postfix master $pid did not exit in ${STOP_TIMEOUT_SECONDS}s" >&2
}

stop_dovecot() {
  local pid
  pid=$(dovecot_master_pid) || return 0
  # What "doveadm stop" does, minus its wait for the zombie to be reaped.
  kill -TERM "$pid" 2>/dev/null || true
  wait_until_gone "$pid" || echo "mailstack: dovecot master $pid did not exit in ${STOP_TIMEOUT_SECONDS}s" >&2
}

# A restart of the provider cuts every IMAP session: the imap processes a stopped master left
# finishing their clients are ended too (fault tests want what a real restart does).
kill_dovecot_children() {
  local pids
  pids=$(grep -lszE "^dovecot-${DOVECOT_INSTANCE}/" /proc/[0-9]*/cmdline | sed -nE 's|^/proc/([0-9]+)/.*|\1|p' || true)
  [[ -z "$pids" ]] && return 0
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null || true
}

# Children that outlive their master (an imap process finishing a command, a pipe to the sink)
# get a few seconds, then a TERM, then a KILL, each addressed by pid.
kill_stragglers() {
  local signal pids
  for signal in TERM KILL; do
    wait_for_no_stack_pids 3 && return 0
    pids=$(stack_pids)
    echo "mailstack: sending $signal to leftover processes:" $pids >&2
    # shellcheck disable=SC2086
    kill -"$signal" $pids 2>/dev/null || true
  done
  wait_for_no_stack_pids 3 && return 0
  echo "mailstack: processes still alive:" $(stack_pids) >&2
  return 1
}

port_answers() {
  local port=$1
  (exec 3<>"/dev/tcp/$LISTEN_ADDR/$port") 2>/dev/null
}

# True when the service on the port greets with the expected prefix ("* OK", "220"); says
# goodbye politely so the logs show a clean disconnect, not a lost connection.
banner_matches() {
  local port=$1 prefix=$2
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    IFS= read -r line <&3 || exit 1
    if [[ "$2" == "* OK" ]]; then printf "a LOGOUT\r\n" >&3; else printf "QUIT\r\n" >&3; fi
    [[ "$line" == "$2"* ]]
  ' "$LISTEN_ADDR" "$port" "$prefix" 2>/dev/null
}

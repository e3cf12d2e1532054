#!/usr/bin/env bash
# The webmail's development and test directory: a private OpenLDAP slapd on 127.0.0.1:1389 with
# its own cn=config and database in $BP_LDAP_DIR (default /var/tmp/bp-webmail-ldap). The system
# slapd and /etc/ldap/slapd.d are never touched. See README.md beside this file.
#
#   ldap.sh start     install if needed, build the config and seed on first start, start slapd
#                     (a running slapd is left as it is)
#   ldap.sh stop      stop it by its pid file
#   ldap.sh status    exit 0 "running", 3 "stopped"
#   ldap.sh restart   stop, then start
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
# shellcheck source=ldap-env.sh
source "$SCRIPT_DIR/ldap-env.sh"

STARTUP_TIMEOUT_SECONDS=${BP_LDAP_TIMEOUT:-20}
STOP_TIMEOUT_SECONDS=10
LDAP_PACKAGES=(slapd ldap-utils)
SLAPD=/usr/sbin/slapd
SLAPADD=/usr/sbin/slapadd
SLAPPASSWD=/usr/sbin/slappasswd

die() {
  echo "ldap: $*" >&2
  exit 1
}

check_state_dir() {
  [[ "$LDAP_DIR" == /* ]] || die "BP_LDAP_DIR must be an absolute path (got '$LDAP_DIR')"
  # slapd drops to "openldap", which cannot enter a CI checkout (mktemp -d is 0700).
  case "$LDAP_DIR/" in
  "$REPO_ROOT"/*) die "BP_LDAP_DIR must be outside the repository ($REPO_ROOT)" ;;
  esac
}

missing_ldap_packages() {
  local missing=()
  [[ -x $SLAPD && -x $SLAPADD && -x $SLAPPASSWD ]] || missing+=(slapd)
  [[ -r /etc/ldap/schema/inetorgperson.ldif ]] || missing+=(slapd)
  compgen -G '/usr/lib/ldap/back_mdb*.so*' >/dev/null || missing+=(slapd)
  command -v ldapsearch >/dev/null 2>&1 || missing+=(ldap-utils)
  printf '%s\n' "${missing[@]}" | sort -u | grep -v '^$' || true
}

ensure_ldap_packages() {
  local missing
  missing=$(missing_ldap_packages)
  [[ -z "$missing" ]] && return 0
  if [[ $EUID -ne 0 ]]; then
    echo "ldap: OpenLDAP is not installed (missing: ${missing//$'\n'/ })." >&2
    echo "ldap: install it as root, then run this again:" >&2
    echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${LDAP_PACKAGES[*]}" >&2
    exit 1
  fi
  echo "ldap: installing ${LDAP_PACKAGES[*]} ..." >&2
  # "Omit OpenLDAP server configuration" keeps the package from creating a system directory in
  # /etc/ldap/slapd.d and starting it on port 389; our instance brings its own cn=config.
  if [[ ! -x $SLAPD ]] && command -v debconf-set-selections >/dev/null 2>&1; then
    echo 'slapd slapd/no_configuration boolean true' | debconf-set-selections
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${LDAP_PACKAGES[@]}" >&2
  missing=$(missing_ldap_packages)
  [[ -z "$missing" ]] || die "still missing after apt-get install: ${missing//$'\n'/ }"
}

# Our slapd is the process named in our pid file whose command line names our config dir; a
# system slapd (or a recycled pid) is never taken for it.
slapd_pid() {
  local pid
  [[ -r $LDAP_PID_FILE ]] || return 1
  pid=$(tr -d ' \n' <"$LDAP_PID_FILE")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  process_alive "$pid" || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == slapd ]] || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF "$LDAP_CONFIG_DIR" || return 1
  echo "$pid"
}

# A zombie has finished; only its parent still has to reap it.
process_alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  [[ "${stat##*) }" != Z* ]]
}

port_answers() {
  (exec 3<>"/dev/tcp/$LDAP_LISTEN_ADDR/$LDAP_PORT") 2>/dev/null
}

# Root runs slapd as Debian's "openldap"; anyone else runs it as themselves (port 1389 needs no
# privilege), provided the packages are installed.
slapd_user() {
  if [[ $EUID -eq 0 ]]; then
    id -u openldap >/dev/null 2>&1 && echo openldap || echo root
  else
    id -un
  fi
}

render_config() {
  local root_pw_hash
  root_pw_hash=$("$SLAPPASSWD" -h '{CRYPT}' -c '$6$%.16s' -s "$LDAP_ROOT_PASSWORD")
  sed \
    -e "s|{{STATE}}|${LDAP_DIR}|g" \
    -e "s|{{SUFFIX}}|${LDAP_SUFFIX}|g" \
    -e "s|{{ROOT_DN}}|${LDAP_ROOT_DN}|g" \
    -e "s|{{SERVICE_DN}}|${LDAP_SERVICE_DN}|g" \
    -e "s|{{ROOT_PW_HASH}}|${root_pw_hash}|g" \
    "$SCRIPT_DIR/templates/config.ldif" >"$LDAP_DIR/config.ldif"
  if grep -q '{{[A-Z_]*}}' "$LDAP_DIR/config.ldif"; then
    die "unrendered placeholder in templates/config.ldif: $(grep -o '{{[A-Z_]*}}' "$LDAP_DIR/config.ldif" | head -1)"
  fi
}

# cn=config is rebuilt on every launch, so a changed template always applies; the database is
# kept, and seeded only when it does not exist yet.
prepare_state() {
  local user=$1 tsx=$REPO_ROOT/node_modules/.bin/tsx
  install -d -m 0755 "$LDAP_DIR"
  install -d -m 0700 "$LDAP_DATA_DIR" "$LDAP_LOG_DIR"
  # Readable pid file: status works without root.
  install -d -m 0755 "$LDAP_RUN_DIR"
  rm -rf "$LDAP_CONFIG_DIR"
  install -d -m 0700 "$LDAP_CONFIG_DIR"
  render_config
  "$SLAPADD" -q -n 0 -F "$LDAP_CONFIG_DIR" -l "$LDAP_DIR/config.ldif" >"$LDAP_LOG_DIR/slapadd.out" 2>&1 || {
    cat "$LDAP_LOG_DIR/slapadd.out" >&2
    die "slapadd of cn=config failed"
  }
  if [[ ! -s $LDAP_DATA_DIR/data.mdb ]]; then
    [[ -x "$tsx" ]] || die "$tsx not found; run 'npm ci' in $REPO_ROOT first"
    (umask 077 && "$tsx" "$SCRIPT_DIR/seed-ldif.ts" >"$LDAP_DIR/seed.ldif") || die "seed-ldif.ts failed"
    "$SLAPADD" -q -n 1 -F "$LDAP_CONFIG_DIR" -l "$LDAP_DIR/seed.ldif" >"$LDAP_LOG_DIR/slapadd.out" 2>&1 || {
      cat "$LDAP_LOG_DIR/slapadd.out" >&2
      rm -f "$LDAP_DATA_DIR"/*.mdb
      die "slapadd of the seed entries failed"
    }
  fi
  if [[ $EUID -eq 0 ]]; then
    chown -R "$user:" "$LDAP_CONFIG_DIR" "$LDAP_DATA_DIR" "$LDAP_RUN_DIR" "$LDAP_LOG_DIR"
  fi
}

launch_slapd() {
  local user=$1 user_args=()
  [[ $EUID -eq 0 && $user != root ]] && user_args=(-u "$user" -g "$(id -gn "$user")")
  # -d keeps slapd in the foreground so its stats log (connections, binds, results) lands in a
  # file instead of a syslog that containers rarely have; setsid detaches it from our session.
  # Nothing of ours may stay on the caller's stdio: a test's execSync would wait for slapd.
  setsid "$SLAPD" -h "$LDAP_URL" -F "$LDAP_CONFIG_DIR" "${user_args[@]}" -d stats \
    </dev/null >>"$LDAP_LOG" 2>&1 &
  local launched=$! deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS))
  until ldapsearch -x -LLL -o nettimeout=2 -H "$LDAP_URL" -b '' -s base namingContexts >/dev/null 2>&1; do
    if ! process_alive "$launched" || ((SECONDS >= deadline)); then
      echo "--- last lines of $LDAP_LOG" >&2
      tail -n 25 "$LDAP_LOG" >&2
      process_alive "$launched" && kill -TERM "$launched" 2>/dev/null
      die "slapd did not answer on $LDAP_URL within ${STARTUP_TIMEOUT_SECONDS}s"
    fi
    sleep 0.1
  done
}

cmd_start() {
  local started_at=$SECONDS user
  check_state_dir
  if slapd_pid >/dev/null; then
    echo "ldap already running: $LDAP_URL (state $LDAP_DIR)"
    return 0
  fi
  ensure_ldap_packages
  # A port that answers before we start belongs to someone else: fail instead of shadowing it.
  port_answers && die "$LDAP_LISTEN_ADDR:$LDAP_PORT is already in use by another program; free it or stop that program"
  if [[ $EUID -ne 0 && -e $LDAP_DIR && ! -O $LDAP_DIR ]]; then
    die "$LDAP_DIR belongs to another user (root's instance?); start as root (sudo npm run ldap:start) or set BP_LDAP_DIR"
  fi
  user=$(slapd_user)
  prepare_state "$user"
  launch_slapd "$user"
  local people
  people=$(ldapsearch -x -LLL -H "$LDAP_URL" -D "$LDAP_ROOT_DN" -w "$LDAP_ROOT_PASSWORD" \
    -b "$LDAP_PEOPLE_DN" -s one '(objectClass=inetOrgPerson)' dn | grep -c '^dn:' || true)
  echo "ldap started in $((SECONDS - started_at))s: $LDAP_URL, suffix $LDAP_SUFFIX, ${people} people," \
    "slapd as ${user}, state $LDAP_DIR"
}

cmd_stop() {
  check_state_dir
  local pid
  if ! pid=$(slapd_pid); then
    echo "ldap stopped (was not running)"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || die "cannot signal slapd $pid (try as its owner or root)"
  local deadline=$((SECONDS + STOP_TIMEOUT_SECONDS))
  while process_alive "$pid" && ((SECONDS < deadline)); do
    sleep 0.1
  done
  if process_alive "$pid"; then
    echo "ldap: slapd $pid did not exit in ${STOP_TIMEOUT_SECONDS}s; sending KILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$LDAP_PID_FILE"
  echo "ldap stopped"
}

cmd_status() {
  check_state_dir
  if slapd_pid >/dev/null; then
    echo "running: $LDAP_URL, suffix $LDAP_SUFFIX (state $LDAP_DIR)"
    return 0
  fi
  echo "stopped"
  return 3
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
restart)
  cmd_stop
  cmd_start
  ;;
*)
  echo "usage: $(basename "$0") start|stop|status|restart" >&2
  exit 2
  ;;
esac

#!/usr/bin/env bash
# A second private Dovecot playing a unit's OLD mail server, the source of mail migrations (Đ8.2d):
# its own instance name, its own ports on 127.0.0.1, its own state dir and its own users, never
# mixed with the main stack (scripts/mailstack). Unlike the main stack it speaks TLS, as old
# servers usually do: IMAPS with a self-signed certificate, and STARTTLS (or plain) on the other
# port, so the migration's TLS errors can be tested for real.
#
#   oldserver.sh start    install Dovecot if missing (root), render config, cert and users, start
#   oldserver.sh stop     stop it, leaving no process behind
#   oldserver.sh status   exit 0 "running", 3 "stopped"
#   oldserver.sh cert     print the path of the self-signed certificate
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
# shellcheck source=../mailstack/install-packages.sh
source "$REPO_ROOT/scripts/mailstack/install-packages.sh"

STATE=${BP_OLDSERVER_DIR:-/var/tmp/bp-webmail-oldserver}
IMAP_PORT=${BP_OLDSERVER_IMAP_PORT:-2143}
IMAPS_PORT=${BP_OLDSERVER_IMAPS_PORT:-2993}
INSTANCE=bp-webmail-oldserver
CONF=$STATE/dovecot.conf
LOG=$STATE/log/dovecot.log

die() {
  echo "oldserver: $*" >&2
  exit 1
}

master_pid() {
  local pid
  [[ -r "$STATE/run/master.pid" ]] || return 1
  pid=$(tr -d ' \n' <"$STATE/run/master.pid") || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == dovecot ]] || return 1
  echo "$pid"
}

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Users of the old server: name, password. Plain passwords are fine here: a throwaway test server
# on loopback, and the point is that they differ from the new mailbox's.
write_users() {
  local uid gid
  uid=$(id -u mail)
  gid=$(id -g mail)
  : >"$STATE/users.tmp"
  local user
  for user in "canbo.cu:MatKhauCu@2024" "bench.cu:MatKhauCu@2024" "trong.cu:MatKhauCu@2024" "canbo2.cu:MatKhauCu@2024"; do
    echo "${user%%:*}@donvi-cu.local:{PLAIN}${user#*:}:$uid:$gid::$STATE/mail/${user%%:*}::" >>"$STATE/users.tmp"
  done
  mv "$STATE/users.tmp" "$STATE/users"
  chmod 0640 "$STATE/users"
  chgrp dovecot "$STATE/users"
}

ensure_cert() {
  [[ -s "$STATE/tls/cert.pem" && -s "$STATE/tls/key.pem" ]] && return 0
  install -d -m 0755 "$STATE/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=mail.donvi-cu.local" \
    -keyout "$STATE/tls/key.pem" -out "$STATE/tls/cert.pem" >/dev/null 2>&1 || die "openssl could not make the certificate"
  chmod 0600 "$STATE/tls/key.pem"
}

write_config() {
  local uid gid
  uid=$(id -u mail)
  gid=$(id -g mail)
  cat >"$CONF" <<CONF
# Rendered by scripts/oldserver/oldserver.sh: the migration tests' "old server".
instance_name = $INSTANCE
base_dir = $STATE/run
state_dir = $STATE/lib
protocols = imap
listen = 127.0.0.1
log_path = $LOG
info_log_path = $LOG
log_timestamp = "%Y-%m-%d %H:%M:%S "
ssl = yes
ssl_cert = <$STATE/tls/cert.pem
ssl_key = <$STATE/tls/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
auth_cache_size = 0
login_trusted_networks = 127.0.0.1/32
default_internal_user = dovecot
default_login_user = dovenull
passdb {
  driver = passwd-file
  args = username_format=%Lu $STATE/users
}
userdb {
  driver = passwd-file
  args = username_format=%Lu $STATE/users
}
mail_uid = mail
mail_gid = mail
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
last_valid_gid = $gid
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
  # The old Sent carries its SPECIAL-USE flag; the old drafts and trash do not (found by name).
  mailbox "Đã gửi" {
    special_use = \\Sent
  }
}
protocol imap {
  mail_max_userip_connections = 50
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
    ssl = yes
  }
}
service stats {
  client_limit = 1000
}
CONF
}

cmd_start() {
  [[ $EUID -eq 0 ]] || die "start needs root (Dovecot starts as root and drops to mail/dovenull)"
  case "$STATE/" in "$REPO_ROOT"/*) die "BP_OLDSERVER_DIR must be outside the repository" ;; esac
  ensure_mail_packages
  install -d -m 0755 "$STATE" "$STATE/run" "$STATE/lib" "$STATE/log"
  install -d -m 0750 -o mail -g mail "$STATE/mail"
  touch "$LOG"
  ensure_cert
  write_users
  write_config
  if master_pid >/dev/null; then
    doveadm -c "$CONF" reload </dev/null >/dev/null 2>&1 || die "reload failed; see $LOG"
  else
    local port
    for port in "$IMAP_PORT" "$IMAPS_PORT"; do
      port_answers "$port" && die "127.0.0.1:$port is already in use by another program"
    done
    dovecot -c "$CONF" </dev/null >"$STATE/log/start.out" 2>&1 || {
      cat "$STATE/log/start.out" >&2
      tail -n 20 "$LOG" >&2
      die "dovecot did not start"
    }
  fi
  local deadline=$((SECONDS + 20))
  until port_answers "$IMAP_PORT" && port_answers "$IMAPS_PORT"; do
    ((SECONDS < deadline)) || die "no answer on $IMAP_PORT/$IMAPS_PORT after 20 s; see $LOG"
    sleep 0.2
  done
  echo "oldserver: running on 127.0.0.1:$IMAP_PORT (plain/STARTTLS) and :$IMAPS_PORT (IMAPS, self-signed), state $STATE"
}

cmd_stop() {
  local pid
  if pid=$(master_pid); then
    kill "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 10))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
  fi
  # Stragglers carry the instance name in their title.
  local p
  for p in $(grep -lszE "^dovecot-${INSTANCE}/" /proc/[0-9]*/cmdline | sed -nE 's|^/proc/([0-9]+)/.*|\1|p'); do
    kill "$p" 2>/dev/null || true
  done
  echo "oldserver: stopped"
}

cmd_status() {
  if master_pid >/dev/null && port_answers "$IMAP_PORT"; then
    echo "oldserver: running on 127.0.0.1:$IMAP_PORT and :$IMAPS_PORT"
    return 0
  fi
  echo "oldserver: stopped"
  return 3
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
cert) echo "$STATE/tls/cert.pem" ;;
*)
  echo "usage: $0 start|stop|status|cert" >&2
  exit 2
  ;;
esac

# Sourced by mailstack.sh: lays out the state dir and renders the templates into it.
# shellcheck shell=bash

# Replaces {{NAME}} placeholders; values are paths and names, never user input.
render_template() {
  local template=$1 target=$2
  local mail_uid mail_gid
  mail_uid=$(id -u mail)
  mail_gid=$(id -g mail)
  sed \
    -e "s|{{STATE}}|${MAILSTACK_DIR}|g" \
    -e "s|{{MAIL_DOMAIN}}|${MAIL_DOMAIN}|g" \
    -e "s|{{MAIL_UID}}|${mail_uid}|g" \
    -e "s|{{MAIL_GID}}|${mail_gid}|g" \
    -e "s|{{IMAP_PORT}}|${IMAP_PORT}|g" \
    -e "s|{{LMTP_PORT}}|${LMTP_PORT}|g" \
    -e "s|{{DOVEADM_HTTP_PORT}}|${DOVEADM_HTTP_PORT}|g" \
    -e "s|{{MANAGESIEVE_PORT}}|${MANAGESIEVE_PORT}|g" \
    -e "s|{{SIEVE_SUBMIT_PORT}}|${SIEVE_SUBMIT_PORT}|g" \
    -e "s|{{SIEVE_SUBMIT_LISTEN}}|${LISTEN_ADDR}:${SIEVE_SUBMIT_PORT}|g" \
    -e "s|{{SUBMISSION_PORT}}|${SUBMISSION_PORT}|g" \
    -e "s|{{SUBMISSION_LISTEN}}|${LISTEN_ADDR}:${SUBMISSION_PORT}|g" \
    "$template" >"$target.tmp"
  if grep -q '{{[A-Z_]*}}' "$target.tmp"; then
    echo "mailstack: unrendered placeholder in $template: $(grep -o '{{[A-Z_]*}}' "$target.tmp" | head -1)" >&2
    rm -f "$target.tmp"
    exit 1
  fi
  mv "$target.tmp" "$target"
}

# Owners matter: Dovecot's mail processes run as "mail", Postfix insists on owning its queue
# and data dirs, and the sink transport writes as "mail".
prepare_state_dir() {
  install -d -m 0755 -o root -g root "$MAILSTACK_DIR" "$MAILSTACK_DIR/bin" "$MAILSTACK_DIR/run" \
    "$MAILSTACK_DIR/lib" "$LOG_DIR" "$POSTFIX_CONFIG_DIR" "$POSTFIX_QUEUE_DIR"
  install -d -m 0750 -o mail -g mail "$MAIL_ROOT"
  install -d -m 0755 -o mail -g mail "$SINK_DIR"
  install -d -m 0700 -o postfix -g postfix "$POSTFIX_DATA_DIR"
  touch "$DOVECOT_LOG" "$POSTFIX_LOG"
  ensure_doveadm_api_key
  ensure_service_master_user
}

# The master user of API clients (Đ14.2g) may open every mailbox, as the doveadm key may: its
# password is random, made once, readable by root only; Dovecot reads only its hash.
ensure_service_master_user() {
  if [[ ! -s "$SERVICE_MASTER_PASSWORD_FILE" ]]; then
    (
      umask 077
      od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$SERVICE_MASTER_PASSWORD_FILE.tmp"
    )
    chown root:root "$SERVICE_MASTER_PASSWORD_FILE.tmp"
    mv "$SERVICE_MASTER_PASSWORD_FILE.tmp" "$SERVICE_MASTER_PASSWORD_FILE"
  fi
  chmod 0600 "$SERVICE_MASTER_PASSWORD_FILE"
  local hash
  hash=$(doveadm pw -s SHA512-CRYPT -p "$(cat "$SERVICE_MASTER_PASSWORD_FILE")")
  (
    umask 027
    echo "${SERVICE_MASTER_USER}:${hash}" >"$MASTER_USERS_FILE.tmp"
  )
  chown root:dovecot "$MASTER_USERS_FILE.tmp"
  chmod 0640 "$MASTER_USERS_FILE.tmp"
  mv "$MASTER_USERS_FILE.tmp" "$MASTER_USERS_FILE"
}

# The doveadm HTTP API can read and change every mailbox: its key is random, made once (so a
# running proxy keeps working across restarts) and readable by root only. No trailing newline:
# Dovecot takes "doveadm_api_key = <file" byte for byte.
ensure_doveadm_api_key() {
  [[ -s "$DOVEADM_API_KEY_FILE" ]] && chmod 0600 "$DOVEADM_API_KEY_FILE" && return 0
  (
    umask 077
    od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$DOVEADM_API_KEY_FILE.tmp"
  )
  chown root:root "$DOVEADM_API_KEY_FILE.tmp"
  mv "$DOVEADM_API_KEY_FILE.tmp" "$DOVEADM_API_KEY_FILE"
}

render_configs() {
  local templates=$SCRIPT_DIR/templates
  render_template "$templates/dovecot.conf" "$DOVECOT_CONF"
  render_template "$templates/postfix/main.cf" "$POSTFIX_CONFIG_DIR/main.cf"
  render_template "$templates/postfix/master.cf" "$POSTFIX_CONFIG_DIR/master.cf"
  # Postfix cannot read the repository (CI clones into a 0700 dir), so the sink runs from here.
  install -m 0755 -o root -g root "$SCRIPT_DIR/sink-deliver.sh" "$MAILSTACK_DIR/bin/sink-deliver.sh"
}

# Sourced by the mail stack scripts: the one place for the shell's defaults. paths.ts holds the
# same values for TypeScript; change both together.
# shellcheck shell=bash

MAILSTACK_DIR=${BP_MAILSTACK_DIR:-/var/tmp/bp-webmail-mailstack}
MAIL_DOMAIN=${BP_MAIL_DOMAIN:-binhphuoc.gov.vn}
MAIL_DOMAIN=${MAIL_DOMAIN,,}

LISTEN_ADDR=127.0.0.1
IMAP_PORT=1143
SUBMISSION_PORT=1587
LMTP_PORT=10024
# doveadm HTTP API (quota of every mailbox, for the proxy's quota warning job). Not 10080: that
# one is on the Fetch standard's blocked-port list, and Node's fetch refuses it ("bad port").
DOVEADM_HTTP_PORT=10081
# ManageSieve (RFC 5804): the proxy reads and writes each user's Sieve scripts (out-of-office,
# filters). The usual port is 4190; this stack moves every port up so a system Dovecot never clashes.
MANAGESIEVE_PORT=14190
# Postfix's unauthenticated loopback listener for Dovecot's own mail: vacation replies and Sieve
# redirects (Dovecot's submission_host), so they leave through this Postfix like any other mail.
SIEVE_SUBMIT_PORT=10025

DOVECOT_CONF=$MAILSTACK_DIR/dovecot.conf
DOVECOT_BASE_DIR=$MAILSTACK_DIR/run/dovecot
# Dovecot prefixes every process title with it, which is how stop finds stragglers.
DOVECOT_INSTANCE=bp-webmail-dovecot
POSTFIX_CONFIG_DIR=$MAILSTACK_DIR/postfix
POSTFIX_QUEUE_DIR=$MAILSTACK_DIR/postfix-queue
POSTFIX_DATA_DIR=$MAILSTACK_DIR/postfix-data
USERS_FILE=$MAILSTACK_DIR/users
# The doveadm HTTP API key: random, made once, 0600 root (see ensure_doveadm_api_key).
DOVEADM_API_KEY_FILE=$MAILSTACK_DIR/doveadm-api-key
# Đ14.2g: the master user the proxy's API clients log in with, its random password (0600 root)
# and Dovecot's master passdb made from it (see ensure_service_master_user).
SERVICE_MASTER_USER=webmail-service
SERVICE_MASTER_PASSWORD_FILE=$MAILSTACK_DIR/service-master-password
MASTER_USERS_FILE=$MAILSTACK_DIR/master-users
SINK_DIR=$MAILSTACK_DIR/sink
MAIL_ROOT=$MAILSTACK_DIR/mail
LOG_DIR=$MAILSTACK_DIR/log
DOVECOT_LOG=$LOG_DIR/dovecot.log
POSTFIX_LOG=$LOG_DIR/postfix.log

# Sourced by postgres.sh: the one place for the shell's defaults.
# shellcheck shell=bash

POSTGRES_DIR=${BP_POSTGRES_DIR:-/var/tmp/bp-webmail-postgres}
# pg_ctl names the data dir canonically in the postmaster's command line, which is how we know it.
if [[ $POSTGRES_DIR == /* ]]; then POSTGRES_DIR=$(realpath -m -- "$POSTGRES_DIR"); fi
POSTGRES_PORT=${BP_POSTGRES_PORT:-15432}
POSTGRES_LISTEN_ADDR=127.0.0.1

# Debian 12's PostgreSQL. The binaries are called by full path: Debian's pg_wrapper in /usr/bin
# picks a version and cluster from /etc/postgresql, which is the system's business, not ours.
POSTGRES_VERSION=15
POSTGRES_PACKAGES=(postgresql-15)
PG_BIN=/usr/lib/postgresql/$POSTGRES_VERSION/bin

# The application's role and database: what DATABASE_URL names.
POSTGRES_APP_ROLE=bp_webmail
POSTGRES_APP_DATABASE=bp_webmail

POSTGRES_DATA_DIR=$POSTGRES_DIR/data
# The unix socket lives here, never in /var/run/postgresql (the system cluster's).
POSTGRES_SOCKET_DIR=$POSTGRES_DIR/run
POSTGRES_LOG_DIR=$POSTGRES_DIR/log
POSTGRES_LOG=$POSTGRES_LOG_DIR/postgres.log
# The app role's current password (generated once, or BP_POSTGRES_PASSWORD): 0600, its owner's.
POSTGRES_PASSWORD_FILE=$POSTGRES_DIR/password
POSTGRES_PID_FILE=$POSTGRES_DATA_DIR/postmaster.pid
# PostgreSQL puts cluster_name in every process title ("postgres: bp-webmail-15432: checkpointer"),
# which is how stop finds leftovers. Two running instances cannot share a port, so the name is
# unique among them.
POSTGRES_CLUSTER_NAME=bp-webmail-$POSTGRES_PORT

# Sourced by postgres.sh: the state dir, the cluster in it (initdb, configuration) and the app's
# role and database.
# shellcheck shell=bash

# Root runs the server as Debian's "postgres" (initdb and postgres refuse to run as root); anyone
# else runs it as themselves (port 15432 needs no privilege), in a state dir they own.
server_user() {
  if [[ $EUID -eq 0 ]]; then echo postgres; else id -un; fi
}

# From / because the server user may not be allowed into the caller's directory (a CI checkout
# made with mktemp -d is 0700), and initdb and pg_ctl complain when they cannot read their cwd.
# runuser keeps the environment, which is how a password reaches psql without a command line.
as_server_user() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# Writes stdin to a file owned by the server user, readable by it alone.
write_private_file() {
  as_server_user sh -c 'umask 077 && cat >"$1"' sh "$1"
}

prepare_state_dir() {
  local user owner
  user=$(server_user)
  if [[ -e $POSTGRES_DIR ]]; then
    [[ -d $POSTGRES_DIR ]] || die "$POSTGRES_DIR exists and is not a directory"
    owner=$(stat -c %U "$POSTGRES_DIR")
    if [[ $owner != "$user" ]]; then
      [[ $EUID -eq 0 && -z "$(ls -A "$POSTGRES_DIR")" ]] ||
        die "$POSTGRES_DIR belongs to $owner, not $user; remove it or set BP_POSTGRES_DIR"
      chown "$user:" "$POSTGRES_DIR"
    fi
  else
    install -d -m 0700 "$POSTGRES_DIR"
    if [[ $EUID -eq 0 ]]; then chown "$user:" "$POSTGRES_DIR"; fi
  fi
  chmod 0700 "$POSTGRES_DIR"
  as_server_user mkdir -p -m 0700 "$POSTGRES_SOCKET_DIR" "$POSTGRES_LOG_DIR" 2>/dev/null ||
    die "$user cannot enter $POSTGRES_DIR (a parent directory is closed to it); set BP_POSTGRES_DIR elsewhere, e.g. under /var/tmp"
}

# UTF8 with the C.UTF-8 locale: byte-order collation, the same order SQLite's default BINARY
# collation gives, so both engines sort alike, and no glibc or ICU upgrade ever reorders an
# index. --no-sync for the same reason fsync is off below.
init_cluster_once() {
  local version_file=$POSTGRES_DATA_DIR/PG_VERSION had_data_dir=no
  if [[ -e $version_file ]]; then
    [[ "$(cat "$version_file")" == "$POSTGRES_VERSION" ]] ||
      die "$POSTGRES_DATA_DIR holds a PostgreSQL $(cat "$version_file") cluster, not $POSTGRES_VERSION; remove $POSTGRES_DIR to start afresh"
    return 0
  fi
  [[ -e $POSTGRES_DATA_DIR ]] && had_data_dir=yes
  as_server_user "$PG_BIN/initdb" -D "$POSTGRES_DATA_DIR" --username="$(server_user)" \
    --encoding=UTF8 --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256 \
    --no-instructions --no-sync </dev/null >"$POSTGRES_LOG_DIR/initdb.out" 2>&1 || {
    cat "$POSTGRES_LOG_DIR/initdb.out" >&2
    # A half-made cluster would be taken for a whole one next time; a dir that was there before
    # (initdb refuses a non-empty one) is not ours to delete.
    if [[ $had_data_dir == no ]]; then rm -rf "$POSTGRES_DATA_DIR"; fi
    die "initdb failed"
  }
  # Our settings live in a file of their own, rewritten on every start; initdb's stays as it is.
  echo "include 'bp-webmail.conf'" | as_server_user sh -c 'cat >>"$1"' sh "$POSTGRES_DATA_DIR/postgresql.conf"
}

render_server_config() {
  write_private_file "$POSTGRES_DATA_DIR/bp-webmail.conf" <<CONF
# Rendered by scripts/postgres/postgres.sh on every start; edits here are lost.
listen_addresses = '$POSTGRES_LISTEN_ADDR'
port = $POSTGRES_PORT
unix_socket_directories = '$POSTGRES_SOCKET_DIR'
cluster_name = '$POSTGRES_CLUSTER_NAME'

# Test data only, dropped and recreated at will. With fsync off a crash or power cut of the
# machine may corrupt the cluster, and with synchronous_commit off a commit the client saw may be
# lost: here that costs a "reset" (or rm -rf of the state dir); on any server that keeps data,
# never. Both make the tests' many small transactions several times faster.
fsync = off
synchronous_commit = off
shared_buffers = 32MB

# The store keeps instants (timestamptz); how the server prints them must not depend on the
# machine's zone.
timezone = 'UTC'
log_timezone = 'UTC'
log_line_prefix = '%m [%p] %q%u@%d '
CONF
  # Only the server user over the socket (administration: role, database, reset) and the app role
  # on its database over TCP with its password; anything else is refused.
  write_private_file "$POSTGRES_DATA_DIR/pg_hba.conf" <<HBA
# Rendered by scripts/postgres/postgres.sh on every start; edits here are lost.
# TYPE  DATABASE                  USER                      ADDRESS                   METHOD
local   all                       $(server_user)            peer
host    $POSTGRES_APP_DATABASE    $POSTGRES_APP_ROLE        $POSTGRES_LISTEN_ADDR/32  scram-sha-256
HBA
}

# The app role's password: BP_POSTGRES_PASSWORD when set, otherwise the one in the state dir,
# generated on the first start (URL-safe, so the URL needs no escaping for it).
ensure_password_file() {
  if [[ -n ${BP_POSTGRES_PASSWORD:-} ]]; then
    [[ $BP_POSTGRES_PASSWORD != *$'\n'* ]] || die "BP_POSTGRES_PASSWORD must be one line"
    printf '%s\n' "$BP_POSTGRES_PASSWORD" | write_private_file "$POSTGRES_PASSWORD_FILE"
  elif [[ ! -s $POSTGRES_PASSWORD_FILE ]]; then
    head -c 18 /dev/urandom | base64 | tr '+/' '-_' | write_private_file "$POSTGRES_PASSWORD_FILE"
  fi
}

app_password() {
  if [[ -n ${BP_POSTGRES_PASSWORD:-} ]]; then
    printf '%s' "$BP_POSTGRES_PASSWORD"
  elif [[ -r $POSTGRES_PASSWORD_FILE ]]; then
    head -n 1 "$POSTGRES_PASSWORD_FILE"
  elif [[ -e $POSTGRES_PASSWORD_FILE || (-e $POSTGRES_DIR && ! -r $POSTGRES_DIR) ]]; then
    die "cannot read $POSTGRES_PASSWORD_FILE (it is $(stat -c %U "$POSTGRES_DIR" 2>/dev/null)'s); run as root or set BP_POSTGRES_PASSWORD"
  else
    die "no password yet in $POSTGRES_PASSWORD_FILE; start the server first (npm run pg:start)"
  fi
}

# Administration as the superuser (the server user) over our own socket; the script comes on
# stdin, so statements that refuse a transaction block (CREATE/DROP DATABASE) run one by one.
admin_psql() {
  as_server_user "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$POSTGRES_SOCKET_DIR" -p "$POSTGRES_PORT" \
    -U "$(server_user)" -d postgres "$@"
}

# Idempotent: creates what is missing and (re)sets the role's password and rights. psql's
# \getenv reads the password from the environment, so it never appears on a command line.
ensure_role_and_database() {
  local password
  password=$(app_password)
  BP_POSTGRES_APP_PASSWORD=$password admin_psql <<SQL || die "could not create role and database; see $POSTGRES_LOG"
\getenv app_password BP_POSTGRES_APP_PASSWORD
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$POSTGRES_APP_ROLE') AS create_role \gset
\if :create_role
CREATE ROLE $POSTGRES_APP_ROLE LOGIN;
\endif
ALTER ROLE $POSTGRES_APP_ROLE WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
SELECT NOT EXISTS (SELECT FROM pg_database WHERE datname = '$POSTGRES_APP_DATABASE') AS create_database \gset
\if :create_database
CREATE DATABASE $POSTGRES_APP_DATABASE OWNER $POSTGRES_APP_ROLE;
\endif
SQL
}

# FORCE ends the sessions still connected (a test's pool that was not closed).
reset_database() {
  admin_psql <<SQL || die "could not recreate database $POSTGRES_APP_DATABASE; see $POSTGRES_LOG"
DROP DATABASE IF EXISTS $POSTGRES_APP_DATABASE WITH (FORCE);
CREATE DATABASE $POSTGRES_APP_DATABASE OWNER $POSTGRES_APP_ROLE;
SQL
}

# Sourced by postgres.sh: makes sure Debian's PostgreSQL 15 server and client are installed,
# without leaving a system cluster behind.
# shellcheck shell=bash

# Debian's postgresql-15 runs pg_createcluster for a "main" cluster on port 5432 the first time it
# is configured, and starts it where services may start. Rather than stopping and disabling that
# cluster afterwards (which depends on systemd, sysv or a container's policy-rc.d, and leaves a
# cluster in /var/lib/postgresql that someone may later start by accident), we keep it from being
# created: the package reads create_main_cluster through createcluster.conf, whose stock version
# includes createcluster.d/. A drop-in there, rather than an edit of createcluster.conf itself,
# needs no change to a file ucf manages (an edit there makes later upgrades ask questions). It
# only matters while the package configures, so it is removed again after a successful install;
# after a failed one it stays, so that finishing the install later creates no cluster either.
NO_MAIN_CLUSTER_DROP_IN=/etc/postgresql-common/createcluster.d/bp-webmail-no-main-cluster.conf

missing_postgres_packages() {
  local tool
  for tool in initdb pg_ctl postgres pg_isready psql; do
    if [[ ! -x $PG_BIN/$tool ]]; then
      echo "postgresql-$POSTGRES_VERSION"
      return 0
    fi
  done
  # The package creates this system user; root runs the server as it (initdb refuses root).
  id -u postgres >/dev/null 2>&1 || echo "postgresql-$POSTGRES_VERSION"
}

ensure_postgres_packages() {
  local missing
  missing=$(missing_postgres_packages)
  [[ -z "$missing" ]] && return 0
  if [[ $EUID -ne 0 ]]; then
    echo "postgres: PostgreSQL $POSTGRES_VERSION is not installed (missing: $missing)." >&2
    echo "postgres: install it as root, then run this again:" >&2
    echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${POSTGRES_PACKAGES[*]}" >&2
    echo "postgres: (or run 'sudo npm run pg:start' once: it installs the same and keeps Debian from" >&2
    echo "postgres: creating a system cluster on port 5432)" >&2
    exit 1
  fi
  echo "postgres: installing ${POSTGRES_PACKAGES[*]} ..." >&2
  local had_main_cluster=no drop_in_dir had_drop_in_dir=yes
  [[ -e /etc/postgresql/$POSTGRES_VERSION/main ]] && had_main_cluster=yes
  drop_in_dir=$(dirname "$NO_MAIN_CLUSTER_DROP_IN")
  [[ -d $drop_in_dir ]] || had_drop_in_dir=no
  install -d -m 0755 "$drop_in_dir"
  printf '%s\n' \
    "# Written by the webmail's scripts/postgres/postgres.sh while it installs postgresql-$POSTGRES_VERSION:" \
    '# no system cluster on port 5432. Removed once the install succeeds; safe to delete.' \
    'create_main_cluster = false' >"$NO_MAIN_CLUSTER_DROP_IN"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${POSTGRES_PACKAGES[@]}" >&2 ||
    die "apt-get install ${POSTGRES_PACKAGES[*]} failed ($NO_MAIN_CLUSTER_DROP_IN is left in place)"
  rm -f "$NO_MAIN_CLUSTER_DROP_IN"
  [[ $had_drop_in_dir == yes ]] || rmdir --ignore-fail-on-non-empty "$drop_in_dir"
  missing=$(missing_postgres_packages)
  [[ -z "$missing" ]] || die "still missing after apt-get install: $missing"
  # Should a customised createcluster.conf have ignored the drop-in, stop what it started.
  if [[ $had_main_cluster == no && -e /etc/postgresql/$POSTGRES_VERSION/main ]]; then
    echo "postgres: the package created a system cluster $POSTGRES_VERSION/main anyway; stopping it" \
      "(remove it with: pg_dropcluster --stop $POSTGRES_VERSION main)" >&2
    pg_ctlcluster "$POSTGRES_VERSION" main stop >/dev/null 2>&1 || true
  fi
}

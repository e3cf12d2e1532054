#!/usr/bin/env bash
# Makes sure Debian's nginx is installed, for the check of deploy/nginx (npm test). It is only
# installed here, never started: the check runs `nginx -t` on a private copy of the site.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]]; then exit 0; fi
if [[ $EUID -ne 0 ]]; then
  echo "deploy: nginx is not installed; install it as root, then run this again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y nginx" >&2
  exit 1
fi
echo "deploy: installing nginx (Debian package, not started) ..." >&2
# No service start during the install: a machine without systemd, or one already serving :80.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  created_policy=1
fi
trap '[[ $created_policy -eq 1 ]] && rm -f "$policy"' EXIT
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null

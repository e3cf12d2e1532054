# Sourced by mailstack.sh: makes sure Dovecot (IMAP + LMTP) and Postfix are installed.
# shellcheck shell=bash

# Debian 12 packages; Postfix's SASL comes from Dovecot's auth socket, so no cyrus-sasl, and the
# quota plugin ships in dovecot-core (pulled in by dovecot-imapd). openssl signs the S/MIME test
# and demo messages (`openssl cms -sign`). poppler-utils (pdfsig) and libnss3-tools (certutil)
# verify signed PDF attachments (Đ14.2h) in the proxy and its tests. clamav-daemon is the malware
# scanner (Đ8.2b); the stack runs its own clamd, never the service the package sets up.
# dovecot-sieve (Pigeonhole: Sieve at LMTP delivery) and dovecot-managesieved (ManageSieve) carry
# out-of-office replies and filters.
MAIL_PACKAGES=(dovecot-imapd dovecot-lmtpd dovecot-sieve dovecot-managesieved postfix openssl poppler-utils libnss3-tools clamav-daemon)

missing_mail_packages() {
  local missing=()
  command -v dovecot >/dev/null 2>&1 && command -v doveadm >/dev/null 2>&1 || missing+=(dovecot-imapd)
  [[ -x /usr/lib/dovecot/imap ]] || missing+=(dovecot-imapd)
  [[ -x /usr/lib/dovecot/lmtp ]] || missing+=(dovecot-lmtpd)
  [[ -e /usr/lib/dovecot/modules/lib90_sieve_plugin.so ]] || missing+=(dovecot-sieve)
  [[ -x /usr/lib/dovecot/managesieve ]] || missing+=(dovecot-managesieved)
  command -v postfix >/dev/null 2>&1 && command -v postconf >/dev/null 2>&1 || missing+=(postfix)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v pdfsig >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v certutil >/dev/null 2>&1 || missing+=(libnss3-tools)
  command -v clamd >/dev/null 2>&1 || missing+=(clamav-daemon)
  printf '%s\n' "${missing[@]}" | sort -u | grep -v '^$' || true
}

ensure_mail_packages() {
  local missing
  missing=$(missing_mail_packages)
  [[ -z "$missing" ]] && return 0
  if [[ $EUID -ne 0 ]]; then
    echo "mailstack: Dovecot/Postfix are not installed (missing: ${missing//$'\n'/ })." >&2
    echo "mailstack: install them as root, then run this again:" >&2
    echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${MAIL_PACKAGES[*]}" >&2
    exit 1
  fi
  echo "mailstack: installing ${MAIL_PACKAGES[*]} ..." >&2
  # "No configuration" keeps the package from setting up (and maybe starting) a system Postfix
  # on port 25; our instance brings its own main.cf and master.cf.
  if ! command -v postfix >/dev/null 2>&1 && command -v debconf-set-selections >/dev/null 2>&1; then
    echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${MAIL_PACKAGES[@]}" >&2
  missing=$(missing_mail_packages)
  if [[ -n "$missing" ]]; then
    echo "mailstack: still missing after apt-get install: ${missing//$'\n'/ }" >&2
    exit 1
  fi
}

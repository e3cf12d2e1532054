# Sourced by ldap.sh: the one place for the shell's defaults. ldap-env.ts holds the same values
# for TypeScript; change both together.
# shellcheck shell=bash

LDAP_DIR=${BP_LDAP_DIR:-/var/tmp/bp-webmail-ldap}

LDAP_LISTEN_ADDR=127.0.0.1
LDAP_PORT=1389
LDAP_URL=ldap://${LDAP_LISTEN_ADDR}:${LDAP_PORT}/

LDAP_SUFFIX=dc=binhphuoc,dc=gov,dc=vn
LDAP_ROOT_DN=cn=admin,$LDAP_SUFFIX
LDAP_SERVICE_DN=cn=webmail,ou=services,$LDAP_SUFFIX
LDAP_PEOPLE_DN=ou=people,$LDAP_SUFFIX
# A private directory on loopback: these are development secrets, never used anywhere else.
LDAP_ROOT_PASSWORD='Admin#Ldap2026'
LDAP_SERVICE_PASSWORD='Webmail#Ldap2026'

LDAP_CONFIG_DIR=$LDAP_DIR/slapd.d
LDAP_DATA_DIR=$LDAP_DIR/data
LDAP_RUN_DIR=$LDAP_DIR/run
LDAP_PID_FILE=$LDAP_RUN_DIR/slapd.pid
LDAP_LOG_DIR=$LDAP_DIR/log
LDAP_LOG=$LDAP_LOG_DIR/slapd.log

#!/usr/bin/env bash
# Postfix pipe transport of the mail stack's sink: mail for any domain other than the mail domain
# ends here, one .eml file per message, instead of leaving the machine.
# Usage (from master.cf): sink-deliver.sh SINK_DIR QUEUE_ID SENDER RECIPIENT...
# Runs as "mail" with an empty environment; mailstack.sh copies it into the state dir because
# Postfix cannot read the repository (CI clones into a 0700 root-owned dir).
set -euo pipefail
PATH=/usr/bin:/bin
# Readable by the (root or not) test process that inspects the sink.
umask 022

sink_dir=$1
queue_id=$2
sender=$3
shift 3

name="$(date -u +%Y%m%dT%H%M%S%N)-${queue_id}"
tmp="${sink_dir}/.${name}.tmp"
# Envelope first, as Return-Path/X-Original-To do in a real mailbox: tests read who the
# message was really sent to (Bcc included) from the file itself.
{
  printf 'X-Sink-Envelope-From: <%s>\n' "$sender"
  for recipient in "$@"; do
    printf 'X-Sink-Envelope-To: <%s>\n' "$recipient"
  done
  cat
} >"$tmp"
# Rename last, so a test polling the dir never reads a half-written message.
mv "$tmp" "${sink_dir}/${name}.eml"

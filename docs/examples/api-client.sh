#!/usr/bin/env bash
# A vendor's first calls to the service API of Hộp thư công vụ Bình Phước (docs/api-clients.md).
#
#   BP_URL=http://127.0.0.1:8080 BP_TOKEN=bpk_… TO=thanhtv.sttt@binhphuoc.gov.vn bash docs/examples/api-client.sh
#
# BP_TOKEN is the token the Sở's console showed once when it created the application. Needs curl
# and base64; jq only makes the answers readable. Every step prints the HTTP status and the answer.
set -euo pipefail

: "${BP_URL:?the webmail address, e.g. https://mail.binhphuoc.gov.vn}"
: "${BP_TOKEN:?the application token (bpk_…) from the console}"
TO=${TO:-}
FOLDER=${FOLDER:-INBOX}
API="$BP_URL/api/service/v1"
AUTH="Authorization: Bearer $BP_TOKEN"
pretty() { if command -v jq >/dev/null; then jq .; else cat; echo; fi; }

# 1. The unit's folder, newest first (scope read:INBOX). Paths are percent-encoded: "Văn bản đến"
#    is Văn%20b%E1%BA%A3n%20%C4%91%E1%BA%BFn.
echo "== GET $API/mailboxes/$FOLDER/messages"
curl -sS -H "$AUTH" "$API/mailboxes/$FOLDER/messages?limit=5" -w '\n' | pretty

# 2. One message by its uid (the first of the page above), to register it.
uid=$(curl -sS -H "$AUTH" "$API/mailboxes/$FOLDER/messages?limit=1" | sed -n 's/.*"uid":\([0-9]*\).*/\1/p' | head -1)
if [[ -n "$uid" ]]; then
  echo "== GET $API/mailboxes/$FOLDER/messages/$uid"
  curl -sS -H "$AUTH" "$API/mailboxes/$FOLDER/messages/$uid" | pretty
fi

# 3. A notice with a file, sent as the unit mailbox (scope send). The file goes base64 in the JSON;
#    all files together at most 20 MB (Điều 7). A subject or file name stamped MẬT / TỐI MẬT /
#    TUYỆT MẬT is refused unless "stateSecretChecked": true says that you checked (Điều 3).
if [[ -n "$TO" ]]; then
  file=$(mktemp)
  printf 'Lịch họp giao ban: 8 giờ thứ Hai.\n' >"$file"
  body=$(
    cat <<JSON
{
  "to": [{ "address": "$TO" }],
  "subject": "Thông báo lịch họp giao ban",
  "text": "Kính gửi anh/chị,\nVăn phòng gửi lịch họp giao ban tuần tới (tệp đính kèm).",
  "attachments": [
    { "filename": "lich-hop.txt", "contentType": "text/plain", "contentBase64": "$(base64 -w0 "$file")" }
  ]
}
JSON
  )
  rm -f "$file"
  echo "== POST $API/messages"
  curl -sS -H "$AUTH" -H 'Content-Type: application/json' --data-binary "$body" "$API/messages" \
    -w '\nHTTP %{http_code}\n'
fi

# 4. What a refusal looks like: a stable code to branch on, a Vietnamese message to show.
echo "== GET $API/directory (needs directory:read)"
curl -sS -H "$AUTH" "$API/directory?q=sttt" -w '\nHTTP %{http_code}\n' | head -c 600
echo

#!/bin/bash
# A bash-and-curl runtime that registers a no-op internal extension (when the file 'register' is in its task root),
# as AWS's Go and Rust runtimes do, so that Lambda sends it SIGTERM before SIGKILL.
set -uo pipefail

API="http://${AWS_LAMBDA_RUNTIME_API}"
echo "init"

if [ -f register ]; then
  ID=$(curl -sS -D - -o /dev/null -X POST "$API/2020-01-01/extension/register" \
    -H "Lambda-Extension-Name: bash-sigterm" -d '{"events":[]}' \
    | grep -Fi Lambda-Extension-Identifier | tr -d '[:space:]' | cut -d: -f2)
  echo "registered ${ID}"
  # Blocks for the environment's life: an internal extension with no events gets none.
  curl -sS -o /dev/null "$API/2020-01-01/extension/event/next" -H "Lambda-Extension-Identifier: ${ID}" &
fi

trap 'echo "got SIGTERM"; kill $(jobs -p) 2>/dev/null; exit 0' TERM

while true
do
  HEADERS="$(mktemp)"
  EVENT="$(mktemp)"
  # In the background, so that SIGTERM is handled at once rather than after curl returns.
  curl -sS -D "$HEADERS" -o "$EVENT" "$API/2018-06-01/runtime/invocation/next" &
  wait $!
  REQUEST_ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
  EVENT_DATA="$(cat "$EVENT")"
  rm -f "$HEADERS" "$EVENT"
  case "$EVENT_DATA" in
    *sleep*)
      # In the foreground: SIGTERM waits for it, and SIGKILL comes first.
      sleep 30
      ;;
    *)
      curl -sS -o /dev/null "$API/2018-06-01/runtime/invocation/$REQUEST_ID/response" -d "{\"echo\":${EVENT_DATA}}"
      ;;
  esac
done

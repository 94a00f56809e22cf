#!/bin/bash
# An external extension as AWS's samples write one: registers under its file name for INVOKE and SHUTDOWN, writes
# every event it gets to <name>.events in its working directory, and exits on SHUTDOWN; named *stubborn*, it sleeps
# through SHUTDOWN instead, so that only SIGKILL ends it; named *crash*, it exits before it registers.
set -uo pipefail

NAME="$(basename "$0")"
API="http://${AWS_LAMBDA_RUNTIME_API}/2020-01-01/extension"
echo "$$" > "${NAME}.pid"
echo "${NAME}: api=${AWS_LAMBDA_RUNTIME_API} function=${AWS_LAMBDA_FUNCTION_NAME} root=${LAMBDA_TASK_ROOT:-unset}"

case "$NAME" in
  *crash*)
    echo "${NAME}: crashing on purpose" >&2
    exit 7
    ;;
esac

HEADERS="$(mktemp)"
curl -sS -D "$HEADERS" -o /dev/null -X POST "$API/register" -H "Lambda-Extension-Name: ${NAME}" \
  -d '{"events":["INVOKE","SHUTDOWN"]}'
ID=$(grep -Fi Lambda-Extension-Identifier "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
rm -f "$HEADERS"
echo "registered ${ID}" >> "${NAME}.events"

while true
do
  EVENT=$(curl -sS "$API/event/next" -H "Lambda-Extension-Identifier: ${ID}")
  echo "$EVENT" >> "${NAME}.events"
  case "$EVENT" in
    *SHUTDOWN*)
      case "$NAME" in
        *stubborn*)
          sleep 60 &
          echo "$!" > "${NAME}.child"
          wait
          ;;
      esac
      echo "${NAME}: shutting down"
      exit 0
      ;;
  esac
done

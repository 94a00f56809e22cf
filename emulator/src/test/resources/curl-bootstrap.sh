#!/bin/bash
# A custom runtime the way AWS's tutorial writes one: bash and curl, no library of ours.
set -euo pipefail

echo "init: AWS_LAMBDA_RUNTIME_API=${AWS_LAMBDA_RUNTIME_API}"

if [ "${AWS_LAMBDA_INITIALIZATION_TYPE}" = "snap-start" ]; then
  # Ready for the snapshot; returns in the restored copy.
  curl -sS "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/restore/next"
  echo "restored"
fi

while true
do
  HEADERS="$(mktemp)"
  # Get an event. The HTTP request will block until one is received
  EVENT_DATA=$(curl -sS -LD "$HEADERS" "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next")
  # Extract request ID by scraping response headers received above
  REQUEST_ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d '[:space:]' | cut -d: -f2)
  rm -f "$HEADERS"
  echo "handling ${EVENT_DATA}"
  case "$EVENT_DATA" in
    *crash*)
      echo "crashing on purpose" >&2
      exit 3
      ;;
    *sleep*)
      sleep 30
      ;;
    *fail*)
      curl -sS "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/error" \
        -H "Lambda-Runtime-Function-Error-Type: ScriptError" \
        -d '{"errorMessage":"failed on purpose","errorType":"ScriptError"}'
      ;;
    *env*)
      RESPONSE="{\"name\":\"${AWS_LAMBDA_FUNCTION_NAME}\",\"version\":\"${AWS_LAMBDA_FUNCTION_VERSION}\",\"memory\":\"${AWS_LAMBDA_FUNCTION_MEMORY_SIZE}\",\"root\":\"${LAMBDA_TASK_ROOT}\",\"init\":\"${AWS_LAMBDA_INITIALIZATION_TYPE}\",\"group\":\"${AWS_LAMBDA_LOG_GROUP_NAME}\",\"stream\":\"${AWS_LAMBDA_LOG_STREAM_NAME}\",\"region\":\"${AWS_REGION}\",\"tz\":\"${TZ}\"}"
      curl -sS "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/response" -d "$RESPONSE"
      ;;
    *)
      RESPONSE="{\"echo\":${EVENT_DATA}}"
      # Send the response
      curl -sS "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/response" -d "$RESPONSE"
      ;;
  esac
  echo
done

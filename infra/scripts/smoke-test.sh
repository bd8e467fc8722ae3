#!/usr/bin/env bash
# Checks a deployed Sorot API end to end: health, CORS preflight, the token, one analysis of the
# bundled sample screenplay polled to completion, its report and its audio. Works against the
# cloud stack and against a local server (./sorot serve) alike. Needs bash, curl and base64.
#
#   infra/scripts/smoke-test.sh [API_URL] [--token TOKEN] [--pdf FILE] [--trailer URL] [--timeout SECONDS]
#
# API_URL defaults to the stack's ApiUrl output; the token to SOROT_API_TOKEN, else the first of
# SOROT_API_TOKENS in the environment or .env. Exit status 0 only when every check passes.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ -f "$ROOT/.env" ]; then
  set -a
  # shellcheck disable=SC1091 # the user's own settings, not in the repository
  . "$ROOT/.env"
  set +a
fi
API=""
TOKEN=${SOROT_API_TOKEN:-${SOROT_API_TOKENS:-}}
TOKEN=${TOKEN%%,*}
PDF="$ROOT/lambda/engine/src/main/resources/ai/sorot/lambda/sample/brick-and-steel.pdf"
TRAILER=""
TIMEOUT=900
STACK=${SOROT_STACK:-sorot-ai-stack}
REGION=${AWS_REGION:-us-east-1}

while [ $# -gt 0 ]; do
  case "$1" in
    --token) TOKEN=$2; shift 2 ;;
    --pdf) PDF=$2; shift 2 ;;
    --trailer) TRAILER=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "smoke-test.sh: unknown option $1" >&2; exit 2 ;;
    *) API=$1; shift ;;
  esac
done
if [ -z "$API" ]; then
  API=$(aws cloudformation describe-stacks --region "$REGION" --stack-name "$STACK" \
    --query "Stacks[0].Outputs[?OutputKey=='ApiUrl'].OutputValue" --output text)
fi
API=${API%/}
[ -n "$TOKEN" ] || { echo "smoke-test.sh: no token (--token, SOROT_API_TOKEN or SOROT_API_TOKENS in .env)" >&2; exit 2; }
[ -f "$PDF" ] || { echo "smoke-test.sh: no such PDF: $PDF" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
pass() { printf '  ok    %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1" >&2; exit 1; }
# the first value of a field in the API's JSON (strings and numbers): enough for these answers
field() { grep -o "\"$1\":\"\{0,1\}[^\",}]*" | head -1 | sed 's/^"[^"]*":"\{0,1\}//'; }

echo "Sorot smoke test: $API"

# without the token /health says only that the API is up; with it, the mode and the analysers
code=$(curl -sS -o "$WORK/health" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$API/health")
if [ "$code" != 200 ] || ! grep -q '"success":true' "$WORK/health"; then
  fail "GET /health answered $code: $(cat "$WORK/health")"
fi
pass "GET /health: mode $(field mode < "$WORK/health"), coverage by $(field coverage < "$WORK/health")"

curl -sS -o /dev/null -D "$WORK/cors" -X OPTIONS "$API/analyze" -H 'Origin: https://example.org' \
  -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: authorization,content-type'
grep -qi '^access-control-allow-origin:' "$WORK/cors" || fail "the CORS preflight carries no Access-Control-Allow-Origin"
pass "CORS preflight for POST /analyze"

code=$(curl -sS -o "$WORK/unauth" -w '%{http_code}' "$API/analyses")
[ "$code" = 401 ] || fail "GET /analyses without a token answered $code, not 401"
pass "a request without the token is refused (401)"

{
  printf '{"fileName":"%s","force":true,"pdfData":"' "$(basename "$PDF")"
  base64 < "$PDF" | tr -d '\n'
  if [ -n "$TRAILER" ]; then printf '","trailerUrl":"%s"}' "$TRAILER"; else printf '"}'; fi
} > "$WORK/analyze.json"
code=$(curl -sS -o "$WORK/accepted" -w '%{http_code}' -X POST "$API/analyze" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' --data-binary "@$WORK/analyze.json")
[ "$code" = 200 ] || fail "POST /analyze answered $code: $(cat "$WORK/accepted")"
ID=$(field analysisId < "$WORK/accepted")
[ -n "$ID" ] || fail "POST /analyze gave no analysisId: $(cat "$WORK/accepted")"
pass "POST /analyze accepted $ID"

deadline=$(( $(date +%s) + TIMEOUT ))
state=""
last=""
while :; do
  curl -sS -o "$WORK/status" "$API/status?id=$ID" -H "Authorization: Bearer $TOKEN"
  state=$(field status < "$WORK/status")
  line="$state, step $(field currentStep < "$WORK/status")/5 $(field stepName < "$WORK/status"), $(field progress < "$WORK/status")%"
  [ "$line" != "$last" ] && printf '        %s\n' "$line"
  last=$line
  case "$state" in
    completed) break ;;
    failed) fail "the analysis failed: $(cat "$WORK/status")" ;;
  esac
  [ "$(date +%s)" -lt "$deadline" ] || fail "the analysis did not finish within $TIMEOUT s"
  sleep 3
done
pass "GET /status reached completed"

code=$(curl -sS -o "$WORK/report" -w '%{http_code}' "$API/analyses/$ID" -H "Authorization: Bearer $TOKEN")
[ "$code" = 200 ] || fail "GET /analyses/$ID answered $code"
pass "report: recommendation $(field recommendation < "$WORK/report"), estimated cost \$$(sed -n 's/.*"usage":{[^}]*"costUsd":\([0-9.Ee-]*\).*/\1/p' "$WORK/report" | tail -1)"

# the cloud answers with a redirect to a presigned S3 link, a local server with the bytes; the
# token goes to the API only, never to S3 (which refuses a second credential)
code=$(curl -sS -o "$WORK/audio" -D "$WORK/audio-headers" -w '%{http_code} %{content_type}' "$API/analyses/$ID/audio" \
  -H "Authorization: Bearer $TOKEN")
if [ "${code%% *}" = 302 ]; then
  location=$(sed -n 's/^[Ll]ocation: *//p' "$WORK/audio-headers" | tr -d '\r' | head -1)
  code=$(curl -sS -o "$WORK/audio" -w '%{http_code} %{content_type}' "$location")
fi
size=$(wc -c < "$WORK/audio" | tr -d ' ')
case "$code" in
  "200 audio/"*) [ "$size" -gt 1000 ] || fail "the audio summary is only $size bytes" ;;
  *) fail "GET /analyses/$ID/audio ended with $code" ;;
esac
pass "audio summary: $size bytes (${code#200 })"
echo "All checks passed."

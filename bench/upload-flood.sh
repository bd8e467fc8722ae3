#!/usr/bin/env bash
# What unauthenticated upload bodies cost the local server: starts `./sorot serve` on loopback with
# a fresh home, fires 8 concurrent PUTs of ~98 MB each at an upload URL whose signature is forged,
# and prints the server's resident memory before the flood and its peak (VmHWM) after, with the
# answers the clients got. Loopback only; 8 requests; each curl is capped at 120 s.
#
#   bench/upload-flood.sh                    this checkout's ./sorot
#   SOROT_ROOT=/path/to/other/checkout bench/upload-flood.sh   another build (e.g. the code before a change)
#   FLOOD_CLIENTS=8 FLOOD_MB=98 bench/upload-flood.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${SOROT_ROOT:-$(dirname "$here")}
clients=${FLOOD_CLIENTS:-8}
megabytes=${FLOOD_MB:-98}
command -v curl >/dev/null || { echo "upload-flood.sh: needs curl" >&2; exit 2; }

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

kb() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }

"$root/sorot" selftest > /dev/null # builds the jar first if it is missing or stale
head -c $((megabytes * 1000 * 1000)) /dev/urandom > "$work/body.bin"
mkdir -p "$work/home"
SOROT_HOME="$work/home" SOROT_ANALYSTS=offline "$root/sorot" serve --port 0 --workers 1 > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do
  grep -q "listening on" "$work/server.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
url=$(sed -n 's/^Sorot API listening on //p' "$work/server.log" | head -1)
[ -n "$url" ] || { echo "upload-flood.sh: the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
token=$(cat "$work/home/token")
# the java process: ./sorot execs it, so the background job's pid is the server's
ticket=$(curl -sS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' "$url/uploads")
upload=$(printf '%s' "$ticket" | grep -o '"uploadUrl":"[^"]*"' | sed 's/"uploadUrl":"//; s/"$//')
forged=$(printf '%s' "$upload" | sed 's/signature=[^&]*/signature=forged/')
sleep 1
before=$(kb "$server" VmRSS)

# sample the resident size while the flood runs (VmHWM also gives the peak, since start)
( peak=0; while kill -0 "$server" 2>/dev/null; do
    now=$(kb "$server" VmRSS 2>/dev/null || echo 0); [ "${now:-0}" -gt "$peak" ] && peak=$now && echo "$peak" > "$work/peak"
    sleep 0.05; done ) &
sampler=$!
start=$(date +%s.%N)
curls=()
for i in $(seq 1 "$clients"); do
  curl -sS -o "$work/answer.$i" -w '%{http_code}\n' --max-time 120 -X PUT -T "$work/body.bin" \
    -H 'Content-Type: application/pdf' "$forged" > "$work/code.$i" 2> "$work/curl.$i" &
  curls+=($!)
done
for pid in "${curls[@]}"; do wait "$pid" || true; done
end=$(date +%s.%N)
sleep 0.5
kill "$sampler" 2>/dev/null || true
after=$(kb "$server" VmRSS)
hwm=$(kb "$server" VmHWM)
sampled=$(cat "$work/peak" 2>/dev/null || echo "$after")

echo "upload flood: $clients concurrent unauthenticated PUTs of $megabytes MB (forged signature) at $url"
echo "  server code:              $root"
echo "  answers:                  $(cat "$work"/code.* | sort | uniq -c | awk '{printf "%s x %s  ", $1, $2}')"
echo "  wall time:                $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f s", e - s }')"
echo "  RSS before the flood:     $((before / 1024)) MB"
echo "  peak RSS sampled (50 ms): $((sampled / 1024)) MB"
echo "  peak RSS since start:     $((hwm / 1024)) MB (VmHWM)"
echo "  RSS after the flood:      $((after / 1024)) MB"
if grep -q . "$work"/curl.* 2>/dev/null; then
  echo "  client errors:            $(cat "$work"/curl.* | sort | uniq -c | head -3 | tr '\n' ' ')"
fi

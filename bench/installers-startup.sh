#!/usr/bin/env bash
# Cold start of the packaged app (jpackage image from ./sorot package) to a usable window, from
# process launch to the first laid-out frame, with its AOT cache and without it (-XX:AOTMode=off),
# side by side with the development build (./sorot desktop's JVM, flags and class-data sharing
# archive). One Xvfb; prints medians and ratios. Also prints the image's sizes.
#   bench/installers-startup.sh [RUNS]      (default 9; run ./sorot package first)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-9}
source "$ROOT/bin/find-jdk.sh"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
IMAGE="$ROOT/installers/target/jpackage/image/Sorot"
OUT="$ROOT/bench/out/installers-startup"
[ -x "$IMAGE/bin/Sorot" ] || { echo "no packaged app at $IMAGE: run ./sorot package first" >&2; exit 1; }
mkdir -p "$OUT"
cd "$ROOT"
./mvnw -q -B -ntp -DskipTests -pl desktop -am package >&2
JAR="$ROOT/desktop/target/sorot-desktop.jar"
FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xlog:cds=off -Xlog:cds+dynamic=off)
CDS="$OUT/desktop.jsa"
rm -f "$CDS"

Xvfb :78 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
export DISPLAY=:78
sleep 1

now_ms() { date +%s%3N; }
# runs "$@" with a fresh Sorot home, prints the ms from launch to the first window frame
measure() {
  local home start out shown
  home=$(mktemp -d)
  start=$(now_ms)
  out=$(SOROT_HOME=$home "$@" --startup-probe 2>/dev/null || true)
  shown=$(sed -nE 's/^window-shown-epoch-ms=([0-9]+)$/\1/p' <<<"$out")
  rm -rf "$home"
  echo $((shown - start))
}
dev() { "$JAVA" "${FLAGS[@]}" -XX:SharedArchiveFile="$CDS" -XX:+AutoCreateSharedArchive -jar "$JAR" "$@"; }
packaged() { "$IMAGE/bin/Sorot" "$@"; }
# JAVA_TOOL_OPTIONS is read by the JVM the launcher starts: the cache is there but not mapped
packaged_no_aot() { JAVA_TOOL_OPTIONS=-XX:AOTMode=off "$IMAGE/bin/Sorot" "$@"; }

measure dev >/dev/null # the development build's first start writes its archive, as ./sorot desktop's does
: >"$OUT/runs.txt"
for _ in $(seq "$RUNS"); do
  {
    echo "dev $(measure dev)"
    echo "aot $(measure packaged)"
    echo "noaot $(measure packaged_no_aot)"
  } >>"$OUT/runs.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
dev_ms=$(awk '$1=="dev"{print $2}' "$OUT/runs.txt" | median)
aot_ms=$(awk '$1=="aot"{print $2}' "$OUT/runs.txt" | median)
noaot_ms=$(awk '$1=="noaot"{print $2}' "$OUT/runs.txt" | median)
mb() { du -sb "$1" | awk '{printf "%.1f MB", $1 / 1000000}'; }
echo "packaged app cold start, launch to first laid-out window frame, median of $RUNS runs (Xvfb, $(nproc) cores):"
printf '  ./sorot desktop (class-data sharing, reference) %5d ms\n' "$dev_ms"
printf '  packaged, AOT cache                            %5d ms   %.2fx the reference\n' "$aot_ms" "$(awk "BEGIN{print $aot_ms / $dev_ms}")"
printf '  packaged, no AOT cache                         %5d ms   %.2fx the reference\n' "$noaot_ms" "$(awk "BEGIN{print $noaot_ms / $dev_ms}")"
echo "image $(mb "$IMAGE"): runtime $(mb "$IMAGE/lib/runtime"), libraries $(mb "$IMAGE/lib/app/lib"), AOT cache $(mb "$IMAGE/lib/app/sorot.aot")"
for deb in "$ROOT"/installers/target/*.deb; do [ -f "$deb" ] && echo "$(basename "$deb") $(mb "$deb")"; done
echo "  (raw runs in $OUT/runs.txt)"

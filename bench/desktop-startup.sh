#!/usr/bin/env bash
# Cold start of the desktop app to a usable window, measured from JVM launch to the first laid-out
# frame of the window, side by side with a bare JavaFX window (the floor on this machine), and to
# the embedded local backend answering. Runs under one Xvfb; prints medians and ratios.
#   bench/desktop-startup.sh [RUNS]      (default 9)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-9}
source "$ROOT/bin/find-jdk.sh"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
OUT="$ROOT/bench/out/desktop-startup"
mkdir -p "$OUT"

cd "$ROOT"
./mvnw -q -B -ntp -DskipTests -pl desktop -am package >&2
JAR="$ROOT/desktop/target/sorot-desktop.jar"
LIB="$ROOT/desktop/target/lib"
FXCP=$(find "$LIB" -name 'javafx-*.jar' | sort | tr '\n' ':')
"$JAVA_HOME/bin/javac" -d "$OUT/hello" -cp "$FXCP" "$ROOT/bench/desktop/HelloFx.java"

major=$(_sorot_java_major "$JAVA_HOME")
FLAGS=(--enable-native-access=ALL-UNNAMED -Xlog:cds=off -Xlog:cds+dynamic=off)
if [ "$major" -ge 23 ]; then FLAGS+=(--sun-misc-unsafe-memory-access=allow); fi
CDS="$OUT/desktop.jsa"
rm -f "$CDS"

Xvfb :77 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
export DISPLAY=:77
sleep 1

now_ms() { date +%s%3N; }
# runs "$@", prints "<ms to window> <ms to connected or ->"
measure() {
  local start out shown connected
  start=$(now_ms)
  out=$("$@" 2>/dev/null || true)
  shown=$(sed -nE 's/^window-shown-epoch-ms=([0-9]+)$/\1/p' <<<"$out")
  connected=$(sed -nE 's/^connected-epoch-ms=([0-9]+)$/\1/p' <<<"$out")
  echo "$((shown - start)) $([ -n "$connected" ] && echo $((connected - start)) || echo -)"
}
app() {
  local home
  home=$(mktemp -d)
  SOROT_HOME=$home "$JAVA" "${FLAGS[@]}" "$@" -jar "$JAR" --startup-probe
  rm -rf "$home"
}
hello() { "$JAVA" "${FLAGS[@]}" -cp "$OUT/hello:$FXCP" 'HelloFx$Main'; }

# the first app run with AutoCreateSharedArchive writes the archive (as ./sorot desktop's first start does)
app -XX:SharedArchiveFile="$CDS" -XX:+AutoCreateSharedArchive >/dev/null
: >"$OUT/runs.txt"
for _ in $(seq "$RUNS"); do
  {
    echo "hello $(measure hello)"
    echo "app-cds $(measure app -XX:SharedArchiveFile="$CDS" -XX:+AutoCreateSharedArchive)"
    echo "app-nocds $(measure app -Xshare:auto)"
  } >>"$OUT/runs.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
hello_ms=$(awk '$1=="hello"{print $2}' "$OUT/runs.txt" | median)
cds_ms=$(awk '$1=="app-cds"{print $2}' "$OUT/runs.txt" | median)
nocds_ms=$(awk '$1=="app-nocds"{print $2}' "$OUT/runs.txt" | median)
cds_conn=$(awk '$1=="app-cds" && $3!="-"{print $3}' "$OUT/runs.txt" | median)
nocds_conn=$(awk '$1=="app-nocds" && $3!="-"{print $3}' "$OUT/runs.txt" | median)
echo "desktop cold start, JVM launch to first laid-out window frame, median of $RUNS runs (Xvfb, $(nproc) cores, JDK $major):"
printf '  bare JavaFX window (reference)       %5d ms\n' "$hello_ms"
printf '  Sorot, class-data sharing (launcher) %5d ms   %.2fx the reference; local backend answering at %d ms\n' \
  "$cds_ms" "$(awk "BEGIN{print $cds_ms / $hello_ms}")" "$cds_conn"
printf '  Sorot, no archive                    %5d ms   %.2fx the reference; local backend answering at %d ms\n' \
  "$nocds_ms" "$(awk "BEGIN{print $nocds_ms / $hello_ms}")" "$nocds_conn"
echo "  (raw runs in $OUT/runs.txt)"

#!/usr/bin/env bash
# What a cloud analysis costs at list prices, for real screenplays: the coverage prompt is built by
# the worker's own code from each parsed script, so its size is measured, not guessed. Prints one
# row per screenplay and the per-1,000-submissions figure the README quotes.
#   bench/cloud-cost.sh [FILE...]   (default: the test screenplays and a ~120-page feature)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=bin/find-jdk.sh
source ./bin/find-jdk.sh
jar=lambda/cloud/target/sorot-lambda.jar
if [ ! -f $jar ] || [ -n "$(find lambda shared-model -name target -prune -o -newer $jar \( -path '*/src/main/*' -o -name pom.xml \) -print -quit)" ]; then
  ./mvnw -q -B -ntp -pl lambda/cloud -am -DskipTests package
fi
OUT=bench/out/cloud-cost
mkdir -p "$OUT/classes"
CP="lambda/cloud/target/sorot-lambda.jar:$(find lambda/cloud/target/lib -name '*.jar' | LC_ALL=C sort | paste -sd:)"
"$JAVA_HOME/bin/javac" -d "$OUT/classes" -cp "$CP" bench/cloud-cost/CloudCost.java
if [ $# -eq 0 ]; then
  bench/make-long-scripts.sh >/dev/null 2>&1 || true
  set -- lambda/test-support/src/main/resources/scripts/brick-and-steel.pdf lambda/test-support/src/main/resources/scripts/cyber-bob-ep1.pdf
  for f in bench/out/long/feature.fountain bench/out/long/*letter-plain*.pdf; do
    [ -f "$f" ] && set -- "$@" "$f"
  done
fi
"$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -cp "$CP:$OUT/classes" CloudCost "$@"

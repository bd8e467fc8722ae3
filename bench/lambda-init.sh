#!/usr/bin/env bash
# Cold start of the two Lambda handlers in fresh JVMs, three ways side by side in one run:
#   jdk-defaults  java -cp ... (G1, C2 tiered, the JDK's own class-data sharing only)
#   image-flags   the image's JVM options (C1 only, serial GC), no archive of ours
#   image+cds     the image's JVM options and the class-data sharing archive the Dockerfile trains
# Each run launches a JVM that builds the handler (Lambda's init phase) and answers one event
# (GET /health for the API, an SQS message for the worker), with no network. Prints medians and
# 90th percentiles of launch -> handler built and launch -> first answer, and the ratios.
#   bench/lambda-init.sh [RUNS]     (default 15 per variant and function)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=bin/find-jdk.sh
source ./bin/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"
RUNS=${1:-15}

jar=lambda/cloud/target/sorot-lambda.jar
if [ ! -f $jar ] || [ -n "$(find lambda shared-model -name target -prune -o -newer $jar \( -path '*/src/main/*' -o -name pom.xml \) -print -quit)" ]; then
  ./mvnw -q -B -ntp -pl lambda/cloud -am -DskipTests package
fi
OUT=bench/out/lambda-init
rm -rf "$OUT"
mkdir -p "$OUT/task/lib" "$OUT/probe"
ln -s "$ROOT/lambda/cloud/target/sorot-lambda.jar" "$OUT/task/sorot-lambda.jar"
for jar in lambda/cloud/target/lib/*.jar; do ln -s "$ROOT/$jar" "$OUT/task/lib/"; done
TASK="$ROOT/$OUT/task"
sh lambda/cloud/docker/jvm-options.sh "$TASK" > "$TASK/jvm.options"
CP=$(sed -n 's/^-cp //p' "$TASK/jvm.options")
"$JAVA_HOME/bin/javac" -d "$OUT/probe" -cp "$CP" bench/lambda-init/LambdaInitProbe.java
"$JAVA_HOME/bin/jar" cf "$OUT/probe.jar" -C "$OUT/probe" .
# the archive, trained exactly as lambda/cloud/Dockerfile trains it
"$JAVA" -XX:ArchiveClassesAtExit="$TASK/sorot.jsa" "@$TASK/jvm.options" ai.sorot.lambda.aws.cloud.ColdStartTraining >/dev/null 2>&1
# the probe runs on the image's class path with one jar after it (an archive only needs its class path as a prefix)
grep -v '^-cp ' "$TASK/jvm.options" > "$OUT/image.options"
echo "-cp $CP:$ROOT/$OUT/probe.jar" >> "$OUT/image.options"

export SOROT_MODE=cloud AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
export SOROT_TABLE=bench SOROT_BUCKET=bench SOROT_QUEUE_URL=https://sqs.us-east-1.amazonaws.com/123456789012/bench
export SOROT_SECRET_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:bench AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024
HEAP=-Xmx768m

run() { # variant function -> "variant function init_ms answer_ms"
  local variant=$1 function=$2 start line
  export AWS_LAMBDA_FUNCTION_NAME="sorot-ai-$function"
  start=$(date +%s%6N)
  case "$variant" in
    jdk-defaults) line=$("$JAVA" "$HEAP" -cp "$CP:$ROOT/$OUT/probe.jar" LambdaInitProbe "$function" | grep '^PROBE') ;;
    image-flags) line=$("$JAVA" "$HEAP" "@$OUT/image.options" LambdaInitProbe "$function" | grep '^PROBE') ;;
    image+cds) line=$("$JAVA" "$HEAP" -XX:SharedArchiveFile="$TASK/sorot.jsa" "@$OUT/image.options" LambdaInitProbe "$function" | grep '^PROBE') ;;
  esac
  # shellcheck disable=SC2086 # the probe's fields
  set -- $line
  echo "$variant $function $(( ($4 - start) / 1000 )) $(( ($5 - start) / 1000 ))"
}

echo "Lambda handler cold start, $RUNS fresh JVMs per variant and function ($("$JAVA" -version 2>&1 | head -1))"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
: > "$OUT/runs.txt"
for _ in $(seq "$RUNS"); do
  for function in api worker; do
    for variant in jdk-defaults image-flags image+cds; do
      run "$variant" "$function" >> "$OUT/runs.txt"
    done
  done
done

stat() { # variant function column -> "median p90"
  awk -v v="$1" -v f="$2" -v c="$3" '$1 == v && $2 == f { print $c }' "$OUT/runs.txt" | sort -n | awk '
    { a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; p = a[int(NR * 0.9 + 0.999)]; printf "%d %d", m, p }'
}
printf '\n%-8s %-13s %22s %24s\n' function variant "launch->init ms (p50/p90)" "launch->answer ms (p50/p90)"
for function in api worker; do
  base=""
  for variant in jdk-defaults image-flags image+cds; do
    read -r im ip <<< "$(stat "$variant" "$function" 3)"
    read -r am ap <<< "$(stat "$variant" "$function" 4)"
    [ -z "$base" ] && base=$am
    printf '%-8s %-13s %14s %4s/%-4s %15s %4s/%-4s  x%.2f\n' "$function" "$variant" "" "$im" "$ip" "" "$am" "$ap" \
      "$(awk -v a="$am" -v b="$base" 'BEGIN { print a / b }')"
  done
done
echo
echo "runs: $OUT/runs.txt; archive: $(du -h "$TASK/sorot.jsa" | cut -f1)"

#!/usr/bin/env bash
# The screening committee at the issue's scale (20 readers, 3,000 analyses, 3 readers per script,
# half the assignments reviewed): medians of GET /sessions/{id} and of a reader's queue
# (GET /sessions/{id}/assignments/me) on the local server over loopback (SQLite) and through the
# Lambda handler on dynalite (DynamoDB). Target (issue 16): under 100 ms on both stores.
#   bench/committee-bench.sh [READERS] [ANALYSES] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
source "$root/bin/find-jdk.sh"
export JAVA_HOME
cd "$root"
mkdir -p "$here/out"
./mvnw -q -B -ntp -pl lambda/cloud -am test-compile dependency:build-classpath -Dmdep.outputFile="$here/out/committee.cp" \
  -Dmdep.includeScope=test >/dev/null
# from lambda/cloud, where the build puts the local AWS servers the dynalite half starts (target/test-servers)
cd lambda/cloud
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED $BENCH_JAVA_OPTS \
  -cp "target/test-classes:target/classes:$(cat "$here/out/committee.cp")" \
  ai.sorot.lambda.aws.CommitteeBench "${1:-20}" "${2:-3000}" "${3:-21}" ${4:-}

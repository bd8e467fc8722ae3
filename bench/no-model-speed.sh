#!/usr/bin/env bash
# Speed of the no-model analysis (issue 12: under 5 s for a 120-page script, audio included):
# the five steps of one script in a running local backend, several times; prints each run and the
# median after the first. Usage: bench/no-model-speed.sh SCRIPT.pdf [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck source=bin/find-jdk.sh
source bin/find-jdk.sh
export JAVA_HOME
# the reactor order ends with the local module: its class path (test scope, with the test-jars it uses) is written last
./mvnw -B -ntp -q -pl lambda/local -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/lambda/local/target/speed.cp" >/dev/null
script=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd lambda/local
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/speed.cp)" \
  ai.sorot.lambda.pipeline.NoModelSpeed "$script" "${2:-5}"

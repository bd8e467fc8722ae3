#!/usr/bin/env bash
# Calibration of the INCOHERENT_TEXT check: every script of ../shared/corpus and ../shared/corpus-real
# (read at run time), and a shuffled and a random-word version of each (structure kept), with the
# figures the check reads. Prints one line per script, then the range of each figure per kind.
# Usage: bench/coherence-calibration.sh [SHARED]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck source=bench/lib/shared.sh
source bench/lib/shared.sh
shared=${1:-$(sorot_shared "$here")}
# shellcheck source=bin/find-jdk.sh
source bin/find-jdk.sh
export JAVA_HOME
# the reactor order ends with the pipeline module: its class path (test scope) is written last
./mvnw -B -ntp -q -pl lambda/pipeline -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/lambda/pipeline/target/calibration.cp" >/dev/null
cd lambda/pipeline
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/calibration.cp)" \
  ai.sorot.lambda.checks.CoherenceCalibration "$shared"

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
./mvnw -B -ntp -q -pl shared-model,lambda test-compile
./mvnw -B -ntp -q -pl lambda dependency:build-classpath -Dmdep.outputFile=target/calibration.cp >/dev/null
cd lambda
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:../shared-model/target/classes:$(cat target/calibration.cp)" \
  ai.sorot.lambda.checks.CoherenceCalibration "$shared"

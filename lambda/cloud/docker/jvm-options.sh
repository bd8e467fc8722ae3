#!/bin/sh
# Writes the JVM option file both functions start with (lambda/cloud/Dockerfile), and that the
# class-data sharing archive is trained with: the class path must be the same, jar for jar, in
# the same order, or the JVM ignores the archive.
#   jvm-options.sh TASK_ROOT > TASK_ROOT/jvm.options
set -eu
root=${1:?usage: jvm-options.sh TASK_ROOT}
printf '%s\n' \
  "-XX:+TieredCompilation" \
  "-XX:TieredStopAtLevel=1" \
  "-XX:+UseSerialGC" \
  "-Xshare:auto" \
  "-Xlog:cds=off" \
  "-Xlog:cds+dynamic=off"
classpath="$root/sorot-lambda.jar"
for jar in $(find "$root/lib" -maxdepth 1 -name '*.jar' | LC_ALL=C sort); do
  classpath="$classpath:$jar"
done
printf -- '-cp %s\n' "$classpath"

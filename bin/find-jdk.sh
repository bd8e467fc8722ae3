# shellcheck shell=bash
# Sourced by ./sorot, ./mvnw (POSIX sh: keep it portable) and .ci/run: sets JAVA_HOME to a JDK of version 21 or newer.
# Order: $JAVA_HOME if new enough, then the newest JDK under /usr/lib/jvm, then java on PATH.
_sorot_java_major() {
  # the release file names the version without starting a JVM (each start costs 50-100 ms)
  local major
  major=$(sed -nE 's/^JAVA_VERSION="([0-9]+).*/\1/p' "$1/release" 2>/dev/null || true)
  [ -n "$major" ] || major=$("$1/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p')
  echo "$major"
}
_sorot_pick_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(_sorot_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return; fi
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(_sorot_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(_sorot_java_major "$candidate")
    [ "${major:-0}" -ge 21 ] && best=$candidate
  fi
  echo "$best"
}
JAVA_HOME=$(_sorot_pick_jdk)
if [ -z "$JAVA_HOME" ]; then
  echo "Sorot needs a JDK 21 or newer (for example Temurin 21 or 25); none was found." >&2
  exit 1
fi

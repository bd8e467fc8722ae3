# shellcheck shell=bash
# Sourced by the desktop benchmarks and the screenshot tour: compiles the desktop's test classes,
# then the tour and bench drivers in bench/desktop/tour (ai.sorot.desktop.tour.*, kept out of the
# desktop's tests: they measure and photograph, they assert nothing) against them, and runs one of
# their main classes in the real window under Xvfb. Needs ROOT set to the repository root.
source "$ROOT/bin/find-jdk.sh"
export JAVA_HOME

# The desktop's test classpath, built first (printed on stdout; build output goes to stderr).
desktop_test_classpath() {
  (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests -pl desktop -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/desktop/target/test-classpath.txt" -Dmdep.includeScope=test >&2)
  local cp tours="$ROOT/bench/out/desktop-tour/classes"
  cp="$ROOT/desktop/target/test-classes:$ROOT/desktop/target/classes:$(cat "$ROOT/desktop/target/test-classpath.txt")"
  rm -rf "$tours" && mkdir -p "$tours"
  "$JAVA_HOME/bin/javac" --release 21 -nowarn -d "$tours" -cp "$cp" "$ROOT"/bench/desktop/tour/*.java >&2
  echo "$tours:$cp"
}

# run_tour [JVM OPTIONS...] CLASS [ARGS...]: from the desktop module's folder, under Xvfb, without
# the JDK's and JavaFX's start-up warnings on stderr. TOUR_HOME, when set, is the app's HOME (the
# build keeps the real one, for Maven's repository).
run_tour() {
  [ -n "${DESKTOP_CP:-}" ] || DESKTOP_CP=$(desktop_test_classpath)
  (cd "$ROOT/desktop" && HOME="${TOUR_HOME:-$HOME}" xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA_HOME/bin/java" \
    --enable-native-access=ALL-UNNAMED -cp "$DESKTOP_CP" "$@" 2> >(grep -v -E '^WARNING|^[A-Z][a-z]{2} [0-9]+, ' >&2))
}

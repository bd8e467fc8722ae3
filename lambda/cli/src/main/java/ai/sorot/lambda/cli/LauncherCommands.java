package ai.sorot.lambda.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The commands the {@code ./sorot} launcher script runs itself, listed here so that {@code ./sorot --help}
 * names every command: the desktop app is another jar and packaging is a Maven build, neither
 * runs in this one. Reached only when this jar is started directly ({@code java -jar}).
 */
final class LauncherCommands {

    private LauncherCommands() {}

    @Command(
            name = "desktop",
            description = "Open the desktop app (JavaFX) on the embedded local backend; needs a graphical session. "
                    + "FILE... adds screenplays to the queue; ./sorot desktop --help for its options.")
    static final class Desktop extends RunByLauncher {}

    @Command(
            name = "package",
            description = "Build the desktop app's native packages with jpackage into installers/target "
                    + "(--app-image: the image only; --no-aot: no start-up cache).")
    static final class Package extends RunByLauncher {}

    abstract static class RunByLauncher implements Callable<Integer> {
        @Unmatched
        List<String> arguments;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var name = spec.name();
            spec.commandLine()
                    .getErr()
                    .println("sorot: " + name + " is run by the ./sorot launcher script from the repository, "
                            + "not by this jar: ./sorot " + name
                            + (arguments == null || arguments.isEmpty() ? "" : " " + String.join(" ", arguments)));
            return CliErrors.BAD_INPUT;
        }
    }
}

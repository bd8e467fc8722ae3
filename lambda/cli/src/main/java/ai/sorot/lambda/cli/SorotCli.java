package ai.sorot.lambda.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sorot}: the command line for scripts, CI checks and people without a screen. */
@Command(
        name = "sorot",
        mixinStandardHelpOptions = true,
        versionProvider = SorotCli.Version.class,
        description = "Screenplay and trailer analysis for film-festival programmers.",
        subcommands = {
            ParseCommand.class,
            ServeCommand.class,
            AnalyzeCommand.class,
            LibraryCommand.class,
            MembersCommand.class,
            SelftestCommand.class,
            LauncherCommands.Desktop.class,
            LauncherCommands.Package.class,
            CommandLine.HelpCommand.class
        })
public final class SorotCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        // Every option with a fixed set of values is typed as an enum: a wrong value is then a usage
        // error naming the allowed ones (exit 2), and "score" matches SCORE.
        return new CommandLine(new SorotCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new CliErrors())
                .setParameterExceptionHandler(CliErrors::onBadParameters);
    }

    /** The version written into the jar's manifest by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SorotCli.class.getPackage().getImplementationVersion();
            return new String[] {"sorot " + (version == null ? "dev" : version)};
        }
    }
}

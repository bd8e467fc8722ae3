package ai.sorot.lambda.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sorot}: the command line for scripts, CI checks and people without a screen. */
@Command(
        name = "sorot",
        mixinStandardHelpOptions = true,
        versionProvider = SorotCli.Version.class,
        description = "Screenplay and trailer analysis for film-festival programmers.")
public final class SorotCli {

    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            ParseCommand.class,
            ServeCommand.class,
            AnalyzeCommand.class,
            LibraryCommand.class,
            MembersCommand.class,
            SelftestCommand.class,
            LauncherCommands.Desktop.class,
            LauncherCommands.Package.class,
            CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The whole command line, every subcommand in it. */
    public static CommandLine commandLine() {
        return build(SUBCOMMANDS);
    }

    /**
     * The command line for these arguments: when they start with a subcommand's name, only that
     * subcommand is built. Picocli reads every command's options by reflection when it builds the
     * model, and its classes (compiled for Java 5) cannot be kept in the start-up archive, so the
     * whole model was a tenth of a second of every start, most of a one-script parse; a help
     * request or an unknown name still gets the whole command line.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0) {
            for (var command : SUBCOMMANDS) {
                var annotation = command.getAnnotation(Command.class);
                if (command != CommandLine.HelpCommand.class
                        && (annotation.name().equals(args[0])
                                || List.of(annotation.aliases()).contains(args[0]))) {
                    return build(List.of(command));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine build(List<Class<?>> subcommands) {
        var commandLine = new CommandLine(new SorotCli());
        for (var command : subcommands) {
            commandLine.addSubcommand(command);
        }
        // Every option with a fixed set of values is typed as an enum: a wrong value is then a usage
        // error naming the allowed ones (exit 2), and "score" matches SCORE.
        return commandLine
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

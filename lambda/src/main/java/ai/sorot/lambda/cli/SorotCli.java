package ai.sorot.lambda.cli;

import ai.sorot.lambda.local.LocalBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sorot}: the command line of the Sorot backend. */
@Command(name = "sorot", mixinStandardHelpOptions = true, versionProvider = SorotCli.Version.class,
        description = "Screenplay and trailer analysis for film-festival programmers.",
        subcommands = {ServeCommand.class, AnalyzeCommand.class})
public final class SorotCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new SorotCli());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sorot " + LocalBackend.version()};
        }
    }
}

package ai.sorot.lambda.cli;

import ai.sorot.model.api.SorotException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * One line on stderr and a distinct exit status, never a stack trace: 2 for input Sorot refuses
 * (with its stable code), 1 for anything unexpected.
 */
final class CliErrors implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof SorotException sorot) {
            commandLine.getErr().println("sorot: " + sorot.code() + ": " + sorot.getMessage());
            return BAD_INPUT;
        }
        commandLine.getErr().println("sorot: unexpected error: " + e);
        return FAILURE;
    }

    static int onBadParameters(ParameterException e, String[] args) {
        var err = e.getCommandLine().getErr();
        err.println("sorot: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        return BAD_INPUT;
    }
}

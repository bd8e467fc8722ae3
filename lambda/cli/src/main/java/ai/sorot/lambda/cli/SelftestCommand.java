package ai.sorot.lambda.cli;

import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sorot selftest}: reads the sample screenplay bundled in the jar and checks the result.
 * A quick proof that an install works, and the run the launcher records its class-data-sharing
 * archive from.
 */
@Command(name = "selftest", description = "Parse the bundled sample screenplay and check the result.")
final class SelftestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        byte[] pdf;
        try (InputStream in =
                SelftestCommand.class.getResourceAsStream("/ai/sorot/lambda/sample/brick-and-steel.pdf")) {
            pdf = in.readAllBytes();
        }
        var screenplay = new ScreenplayReader().read(pdf, "brick-and-steel.pdf");
        Json.mapper().writeValueAsString(screenplay);
        var out = spec.commandLine().getOut();
        boolean ok = "BRICK & STEEL FULL RETIRED".equals(screenplay.title())
                && screenplay.scenes().size() == 8;
        out.printf(
                "%s: \"%s\", %d pages, %d scenes, %d speaking roles%n",
                ok ? "ok" : "FAILED",
                screenplay.title(),
                screenplay.pageCount(),
                screenplay.scenes().size(),
                screenplay.stats().speakingRoles());
        return ok ? 0 : 1;
    }
}

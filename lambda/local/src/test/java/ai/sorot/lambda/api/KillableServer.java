package ai.sorot.lambda.api;

import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.LocalServer;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.offline.LocalNarrator;
import ai.sorot.lambda.offline.OfflineTrailerAnalyst;
import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.Analysts;
import ai.sorot.lambda.pipeline.CoverageAnalyst;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Provenance;
import java.nio.file.Path;

/**
 * A local server, in its own process, whose coverage step never ends: the resume test starts it,
 * waits until an analysis is inside step 2, and kills the process with SIGKILL.
 */
public final class KillableServer {

    public static void main(String[] args) throws Exception {
        CoverageAnalyst endless = new CoverageAnalyst() {
            @Override
            public Provenance provenance() {
                return new Provenance("endless", "e", true);
            }

            @Override
            public AnalystResult<Coverage> analyse(CoverageRequest request) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("interrupted");
            }
        };
        var home = new SorotHome(Path.of(args[0]));
        var analysts = new Analysts(
                new ScreenplayReader()::read, endless, new OfflineTrailerAnalyst(), new LocalNarrator(null));
        var server = LocalServer.start(LocalServer.Options.defaults(home)
                .withPort(0)
                .withBackend(LocalBackend.Options.defaults(home)
                        .withAnalysts(analysts)
                        .withWorkers(1)));
        System.out.println("URL " + server.url());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package ai.sorot.lambda.pipeline;

import ai.sorot.lambda.offline.OfflineCoverageAnalyst;
import ai.sorot.lambda.offline.OfflineTrailerAnalyst;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.TrailerAnalysis;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The analysts the pipeline tests plug in: the real offline ones with something done first (count a call,
 * record the request, wait for a release), and analysts that fail with a given error or hang until stopped.
 */
public final class TestAnalysts {

    /** What a cloud coverage analyst says it is. */
    public static final Provenance BEDROCK = new Provenance("Amazon Bedrock", "us.deepseek.r1-v1:0", false);
    /** What the cloud trailer analyst says it is. */
    public static final Provenance GEMINI = new Provenance("Google Gemini API", "gemini-2.5-flash-lite", false);

    private TestAnalysts() {}

    /** The offline coverage analyst, after {@code first} has seen the request. */
    public static CoverageAnalyst offlineCoverageAfter(Consumer<CoverageRequest> first) {
        var offline = new OfflineCoverageAnalyst();
        return new CoverageAnalyst() {
            @Override
            public Provenance provenance() {
                return offline.provenance();
            }

            @Override
            public AnalystResult<Coverage> analyse(CoverageRequest request) {
                first.accept(request);
                return offline.analyse(request);
            }
        };
    }

    /** The offline trailer analyst, after {@code first} has seen the request. */
    public static TrailerAnalyst offlineTrailerAfter(Consumer<TrailerRequest> first) {
        var offline = new OfflineTrailerAnalyst();
        return new TrailerAnalyst() {
            @Override
            public Provenance provenance() {
                return offline.provenance();
            }

            @Override
            public AnalystResult<TrailerAnalysis> analyse(TrailerRequest request) {
                first.accept(request);
                return offline.analyse(request);
            }
        };
    }

    /** A coverage analyst that throws {@code error} on every script. */
    public static CoverageAnalyst failingCoverage(Provenance provenance, RuntimeException error) {
        return new CoverageAnalyst() {
            @Override
            public Provenance provenance() {
                return provenance;
            }

            @Override
            public AnalystResult<Coverage> analyse(CoverageRequest request) {
                throw error;
            }
        };
    }

    /** A trailer analyst that throws {@code error} on every trailer. */
    public static TrailerAnalyst failingTrailer(Provenance provenance, RuntimeException error) {
        return new TrailerAnalyst() {
            @Override
            public Provenance provenance() {
                return provenance;
            }

            @Override
            public AnalystResult<TrailerAnalysis> analyse(TrailerRequest request) {
                throw error;
            }
        };
    }

    /**
     * A coverage analyst that counts {@code entered} down and then answers nothing for {@code hang}: a model
     * that never replies. Interrupted (a step budget, a worker shut down), it ends with an exception.
     */
    public static CoverageAnalyst hangingCoverage(Duration hang, CountDownLatch entered) {
        return new CoverageAnalyst() {
            @Override
            public Provenance provenance() {
                return new Provenance("hangs", "h", true);
            }

            @Override
            public AnalystResult<Coverage> analyse(CoverageRequest request) {
                entered.countDown();
                try {
                    Thread.sleep(hang); // the hang itself, which the pipeline must cut short
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("interrupted");
            }
        };
    }

    /** Waits (at most 30 s) until {@code latch} is released: an analyst held until the test lets it go. */
    public static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package ai.sorot.lambda.coverage;

import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.CoverageAnalyst;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Check;
import ai.sorot.model.report.CheckCode;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Provenance;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * A model's coverage when the model can be used, and Sorot's own no-model coverage when it
 * cannot (the server is down, the model is not installed, it did not answer in time, its answer
 * was not coverage even after the repair): the analysis completes, and the report says why there
 * is no model's reading in a MODEL_UNAVAILABLE or MODEL_ANSWER_UNUSABLE check that names the
 * server and the model. A prose answer is never shown as the model's coverage.
 *
 * <p>Used when a model is configured but not insisted on; with {@code SOROT_ANALYSTS=local-model}
 * the model's analyst serves alone and the step fails with the code instead.
 */
public final class NoModelFallback implements CoverageAnalyst {

    private static final System.Logger LOG = System.getLogger(NoModelFallback.class.getName());

    private final CoverageAnalyst model;
    private final CoverageAnalyst noModel;

    public NoModelFallback(CoverageAnalyst model, CoverageAnalyst noModel) {
        this.model = model;
        this.noModel = noModel;
    }

    public CoverageAnalyst model() {
        return model;
    }

    /** The model's: it is what serves coverage when it can. */
    @Override
    public Provenance provenance() {
        return model.provenance();
    }

    @Override
    public AnalystResult<Coverage> analyse(CoverageRequest request) {
        try {
            return model.analyse(request);
        } catch (SorotException e) {
            var code = switch (e.code()) {
                case MODEL_UNAVAILABLE, STEP_TIMEOUT, THROTTLED -> CheckCode.MODEL_UNAVAILABLE;
                case MODEL_ANSWER_UNUSABLE -> CheckCode.MODEL_ANSWER_UNUSABLE;
                default -> null;
            };
            if (code == null || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            LOG.log(
                    Level.WARNING,
                    "analysis {0}: {1}: {2}; writing the report without a model",
                    request.analysisId(),
                    e.code(),
                    e.getMessage());
            var check = Check.of(
                    code,
                    Check.Severity.WARNING,
                    (code == CheckCode.MODEL_UNAVAILABLE
                                    ? "The model " + model.provenance().label() + " could not be used: "
                                    : "The answer of " + model.provenance().label() + " was not usable coverage: ")
                            + e.getMessage() + " This report is Sorot's own reading, without a model.");
            return noModel.analyse(request).withChecks(List.of(check));
        }
    }
}

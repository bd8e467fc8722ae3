package ai.sorot.lambda.aws.bedrock;

import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.PriceList;
import ai.sorot.lambda.coverage.CoverageChat;
import ai.sorot.lambda.coverage.CoverageExchange;
import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.CoverageAnalyst;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Usage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Step 2 in the cloud: coverage by DeepSeek-R1 on Amazon Bedrock, through the Converse API.
 *
 * <p>R1 answers with a reasoning block and a text block; only the text is read, and it must be the
 * coverage as JSON. The conversation itself (prompt, quotes checked against the script, one
 * repair request naming the problems, MODEL_ANSWER_UNUSABLE when even the repair is no
 * coverage, the checks) is {@link CoverageExchange}'s, shared with every chat model. Throttling and 5xx answers are retried by the SDK (STANDARD mode:
 * exponential backoff with jitter, four attempts). The step's budget caps everything: each call's
 * timeout is what is left of it, and no repair starts without a minute in hand.
 *
 * <p>A model id Bedrock no longer serves (retired, never enabled, or an on-demand id where only
 * an inference profile works) fails with MODEL_UNAVAILABLE and names the setting to change. A
 * retirement is known before any call: {@link ModelLifecycle} reads the model's end-of-life date.
 */
public final class BedrockCoverageAnalyst implements CoverageAnalyst {

    /** R1's output counts its reasoning: 8k tokens leave room for both. */
    public static final int MAX_OUTPUT_TOKENS = 8192;
    /** DeepSeek's advice for R1: 0.5 to 0.7, lower repeats itself, higher wanders. */
    static final float TEMPERATURE = 0.6f;

    static final Duration REPAIR_NEEDS = Duration.ofSeconds(60);
    static final Duration BUDGET_MARGIN = Duration.ofSeconds(5);

    private final Supplier<BedrockRuntimeClient> client;
    private final ModelLifecycle lifecycle;
    private final String modelId;
    private final int maxInputTokens;
    private final PriceList prices;
    private final Clock clock;
    private final Provenance provenance;
    private final CoverageExchange.CallObserver calls;

    public BedrockCoverageAnalyst(
            Supplier<BedrockRuntimeClient> client,
            ModelLifecycle lifecycle,
            String modelId,
            int maxInputTokens,
            PriceList prices,
            Clock clock) {
        this(client, lifecycle, modelId, maxInputTokens, prices, clock, CoverageExchange.CallObserver.NONE);
    }

    /** {@code calls} hears every answer's stop reason and output tokens (R1's 8k output limit includes its reasoning). */
    public BedrockCoverageAnalyst(
            Supplier<BedrockRuntimeClient> client,
            ModelLifecycle lifecycle,
            String modelId,
            int maxInputTokens,
            PriceList prices,
            Clock clock,
            CoverageExchange.CallObserver calls) {
        this.calls = calls;
        this.client = client;
        this.lifecycle = lifecycle;
        this.modelId = modelId;
        this.maxInputTokens = maxInputTokens;
        this.prices = prices;
        this.clock = clock;
        this.provenance = new Provenance("Amazon Bedrock", displayName(modelId), false);
    }

    /** "DeepSeek-R1 (us.deepseek.r1-v1:0)": what the report and {@code /health} show. */
    static String displayName(String modelId) {
        return modelId.toLowerCase(Locale.ROOT).contains("deepseek.r1") ? "DeepSeek-R1 (" + modelId + ")" : modelId;
    }

    public String modelId() {
        return modelId;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public AnalystResult<Coverage> analyse(CoverageRequest request) {
        var screenplay = request.screenplay();
        if (screenplay == null || screenplay.elements().isEmpty()) {
            throw new SorotException(ErrorCode.NOT_A_SCREENPLAY, "The screenplay has no text to cover.");
        }
        if (lifecycle.standing() instanceof ModelLifecycle.Standing.Retired retired) {
            throw unavailable(
                    "it reached its end of life on Bedrock on "
                            + retired.endOfLife()
                                    .atZone(java.time.ZoneOffset.UTC)
                                    .toLocalDate(),
                    null);
        }
        var exchange = new CoverageExchange(
                new Chat(), provenance, new CoverageExchange.Settings(REPAIR_NEEDS, BUDGET_MARGIN), clock, calls);
        var result = exchange.run(request);
        return new AnalystResult<>(result.coverage(), provenance, result.usage(), result.checks());
    }

    /** The Converse API as the coverage exchange's chat model. */
    private final class Chat implements CoverageChat {

        @Override
        public String describe() {
            return provenance.model() + " on Amazon Bedrock";
        }

        @Override
        public int maxPromptTokens() {
            return maxInputTokens;
        }

        @Override
        public Reply send(List<Turn> turns, Duration timeLeft) {
            var messages = turns.stream()
                    .map(t -> Message.builder()
                            .role(t.role() == Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT)
                            .content(ContentBlock.fromText(t.text()))
                            .build())
                    .toList();
            var response = converse(messages, timeLeft);
            var stop = response.stopReason();
            // Bedrock refuses a prompt over the model's window rather than cutting it: no prompt count to compare
            return new Reply(
                    answerText(response),
                    stop == StopReason.MAX_TOKENS,
                    stop == null ? "unknown" : stop.toString(),
                    0,
                    usage(response));
        }
    }

    /** The answer: the text blocks only. The reasoning block is the model's scratchpad, never the answer. */
    static String answerText(ConverseResponse response) {
        if (response.output() == null || response.output().message() == null) {
            return "";
        }
        var sb = new StringBuilder();
        for (var block : response.output().message().content()) {
            if (block.text() != null) {
                sb.append(block.text());
            }
        }
        return sb.toString();
    }

    private Usage usage(ConverseResponse response) {
        if (response.usage() == null) {
            return Usage.NONE;
        }
        long in = response.usage().inputTokens() == null ? 0 : response.usage().inputTokens();
        long out =
                response.usage().outputTokens() == null ? 0 : response.usage().outputTokens();
        return new Usage(in, out, 0, 0, prices.bedrockR1(in, out));
    }

    private ConverseResponse converse(List<Message> messages, Duration left) {
        var request = ConverseRequest.builder()
                .modelId(modelId)
                .messages(messages)
                .inferenceConfig(InferenceConfiguration.builder()
                        .maxTokens(MAX_OUTPUT_TOKENS)
                        .temperature(TEMPERATURE)
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(left))
                .build();
        try {
            return client.get().converse(request);
        } catch (ThrottlingException | ServiceQuotaExceededException e) {
            throw new SorotException(
                    ErrorCode.THROTTLED,
                    "Amazon Bedrock is throttling DeepSeek-R1 requests for this " + "account (" + message(e)
                            + "); submit the analysis again later, or ask AWS for a higher quota.",
                    e);
        } catch (ValidationException e) {
            throw validation(e);
        } catch (ResourceNotFoundException e) {
            throw unavailable("Bedrock has no model " + modelId + " (" + message(e) + ")", e);
        } catch (AccessDeniedException e) {
            throw unavailable(
                    "this account may not call " + modelId + " (" + message(e) + "): enable the model "
                            + "in the Bedrock console (Model access) and check the function's role",
                    e);
        } catch (ModelTimeoutException e) {
            throw new SorotException(
                    ErrorCode.STEP_TIMEOUT, "DeepSeek-R1 took too long to answer on Bedrock (" + message(e) + ").", e);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw timeout();
        } catch (AbortedException e) {
            Thread.currentThread().interrupt();
            throw timeout();
        } catch (BedrockRuntimeException e) {
            throw new SorotException(
                    ErrorCode.ANALYST_FAILED,
                    "Amazon Bedrock failed (" + e.statusCode() + " " + errorCode(e) + ": " + message(e) + ").",
                    e);
        } catch (SdkClientException e) {
            if (e.getCause() instanceof java.net.SocketTimeoutException) {
                throw timeout();
            }
            throw new SorotException(
                    ErrorCode.ANALYST_FAILED, "Amazon Bedrock cannot be reached: " + e.getMessage(), e);
        }
    }

    private SorotException validation(ValidationException e) {
        var text = message(e).toLowerCase(Locale.ROOT);
        if (text.contains("model identifier")
                || text.contains("model id")
                || text.contains("inference profile")
                || text.contains("on-demand throughput")
                || text.contains("end of its life")
                || text.contains("not supported")) {
            return unavailable(message(e), e);
        }
        if (text.contains("too long") || text.contains("too many tokens") || text.contains("context")) {
            return new SorotException(
                    ErrorCode.ANALYST_FAILED,
                    "The screenplay prompt is too long for " + modelId + " (" + message(e) + "); lower "
                            + CloudConfig.COVERAGE_INPUT_SETTING + ".",
                    e);
        }
        return new SorotException(
                ErrorCode.ANALYST_FAILED, "Amazon Bedrock refused the coverage request: " + message(e), e);
    }

    private SorotException unavailable(String why, Exception cause) {
        return new SorotException(
                ErrorCode.MODEL_UNAVAILABLE,
                "The coverage model " + modelId + " is not available: " + why
                        + ". Set " + CloudConfig.BEDROCK_MODEL_SETTING
                        + " (the stack's BedrockModelId parameter) to a model or "
                        + "inference profile this account can call, e.g. us.deepseek.r1-v1:0 in a US region.",
                cause);
    }

    private SorotException timeout() {
        return new SorotException(
                ErrorCode.STEP_TIMEOUT, "DeepSeek-R1 did not finish the coverage within the step's budget.");
    }

    private static String errorCode(BedrockRuntimeException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "error"
                : e.awsErrorDetails().errorCode();
    }

    private static String message(BedrockRuntimeException e) {
        var details = e.awsErrorDetails();
        var text = details != null && details.errorMessage() != null ? details.errorMessage() : e.getMessage();
        return text == null ? e.getClass().getSimpleName() : text;
    }
}

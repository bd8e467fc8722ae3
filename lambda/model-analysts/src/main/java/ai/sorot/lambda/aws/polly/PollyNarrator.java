package ai.sorot.lambda.aws.polly;

import ai.sorot.lambda.aws.CloudConfig;
import ai.sorot.lambda.aws.PriceList;
import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.NarrationRequest;
import ai.sorot.lambda.pipeline.Narrator;
import ai.sorot.lambda.pipeline.SpokenAudio;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Usage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.polly.PollyClient;
import software.amazon.awssdk.services.polly.model.Engine;
import software.amazon.awssdk.services.polly.model.EngineNotSupportedException;
import software.amazon.awssdk.services.polly.model.InvalidSsmlException;
import software.amazon.awssdk.services.polly.model.LanguageNotSupportedException;
import software.amazon.awssdk.services.polly.model.OutputFormat;
import software.amazon.awssdk.services.polly.model.PollyException;
import software.amazon.awssdk.services.polly.model.TextLengthExceededException;
import software.amazon.awssdk.services.polly.model.TextType;

/**
 * Step 5's voice in the cloud: Amazon Polly, a neural voice, SSML, MP3 at 24 kHz. The summary is
 * sent in as few requests as Polly's limits allow ({@link SsmlChunks}) and the MP3s are joined;
 * the length is read from the joined frames, so the pipeline can rewrite a summary that lands
 * outside 60 to 120 seconds. Throttling and 5xx answers are retried by the SDK.
 */
public final class PollyNarrator implements Narrator {

    static final String SAMPLE_RATE = "24000";

    private final Supplier<PollyClient> client;
    private final String voice;
    private final PriceList prices;
    private final Clock clock;
    private final Provenance provenance;

    public PollyNarrator(Supplier<PollyClient> client, String voice, PriceList prices, Clock clock) {
        this.client = client;
        this.voice = voice;
        this.prices = prices;
        this.clock = clock;
        this.provenance = new Provenance("Amazon Polly", "neural voice " + voice, false);
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public AnalystResult<SpokenAudio> narrate(NarrationRequest request) {
        var deadline = clock.instant().plus(request.budget());
        var chunks = SsmlChunks.of(request.script());
        var parts = new ArrayList<byte[]>();
        long characters = 0;
        for (var chunk : chunks) {
            var left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new SorotException(
                        ErrorCode.STEP_TIMEOUT, "Polly did not finish the audio summary within the step's budget.");
            }
            var response = synthesize(chunk.ssml(), left);
            parts.add(response.bytes);
            characters += response.characters > 0 ? response.characters : chunk.billedCharacters();
        }
        var audio = Mp3Frames.join(parts);
        double seconds;
        try {
            seconds = Mp3Frames.read(audio).seconds();
        } catch (IllegalArgumentException e) {
            throw new SorotException(
                    ErrorCode.ANALYST_FAILED,
                    "Polly's audio is not an MP3 this step can read (" + e.getMessage() + ").");
        }
        var usage = new Usage(0, 0, characters, 0, prices.pollyNeural(characters));
        return new AnalystResult<>(
                new SpokenAudio(audio, "mp3", "audio/mpeg", seconds, "Amazon Polly " + voice + " (neural)"),
                provenance,
                usage);
    }

    private record Synthesized(byte[] bytes, int characters) {}

    private Synthesized synthesize(String ssml, Duration left) {
        try (var stream = client.get()
                .synthesizeSpeech(b -> b.engine(Engine.NEURAL)
                        .outputFormat(OutputFormat.MP3)
                        .sampleRate(SAMPLE_RATE)
                        .textType(TextType.SSML)
                        .voiceId(voice)
                        .text(ssml)
                        .overrideConfiguration(o -> o.apiCallTimeout(left)))) {
            var bytes = stream.readAllBytes();
            var characters = stream.response().requestCharacters();
            return new Synthesized(bytes, characters == null ? 0 : characters);
        } catch (EngineNotSupportedException | LanguageNotSupportedException e) {
            throw voiceUnavailable(e);
        } catch (InvalidSsmlException | TextLengthExceededException e) {
            throw new SorotException(
                    ErrorCode.ANALYST_FAILED,
                    "Polly refused the summary's SSML (" + e.awsErrorDetails().errorCode() + ": "
                            + e.awsErrorDetails().errorMessage() + ").",
                    e);
        } catch (PollyException e) {
            var code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if (e.statusCode() == 429 || "ThrottlingException".equals(code)) {
                throw new SorotException(
                        ErrorCode.THROTTLED, "Amazon Polly is throttling this account; submit again later.", e);
            }
            if ("ValidationException".equals(code)
                    && String.valueOf(e.awsErrorDetails().errorMessage())
                            .toLowerCase()
                            .contains("voice")) {
                throw voiceUnavailable(e);
            }
            throw new SorotException(
                    ErrorCode.ANALYST_FAILED, "Amazon Polly failed (" + e.statusCode() + " " + code + ").", e);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new SorotException(ErrorCode.STEP_TIMEOUT, "Polly did not answer within the step's budget.", e);
        } catch (SdkClientException e) {
            throw new SorotException(ErrorCode.ANALYST_FAILED, "Amazon Polly cannot be reached: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new SorotException(ErrorCode.ANALYST_FAILED, "Polly's audio stream broke off: " + e.getMessage(), e);
        }
    }

    private SorotException voiceUnavailable(PollyException e) {
        return new SorotException(
                ErrorCode.MODEL_UNAVAILABLE,
                "Polly's voice " + voice + " has no neural engine here ("
                        + e.awsErrorDetails().errorMessage() + "); set " + CloudConfig.POLLY_VOICE_SETTING
                        + " to a neural voice such as Joanna, Matthew or Ruth.",
                e);
    }
}

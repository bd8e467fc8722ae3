package ai.sorot.lambda.coverage;

import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Check;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Usage;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The coverage conversation with any chat model, written once: the prompt, the answer read and
 * its quotes looked up, one repair request naming every problem (schema problems, a cut-off
 * answer, claims whose quotes are not in the script), and the checks of the result.
 *
 * <p>A first answer that reads as coverage but has unfound quotes is kept if the repair comes
 * back worse: its unfound claims stay, marked NOT_FOUND. An answer that is still not coverage
 * after the repair fails with MODEL_ANSWER_UNUSABLE, naming the model and the problems.
 *
 * <p>A prompt the server cut (it counted far fewer tokens than were sent: Ollama silently keeps
 * only its context window) is condensed to what the server took and sent again, once; that is
 * not the repair.
 */
public final class CoverageExchange {

    private static final System.Logger LOG = System.getLogger(CoverageExchange.class.getName());
    /** Our estimate runs about 15 % high; a server count this far under it means the prompt was cut. */
    static final double CUT_RATIO = 1.5;

    /** Told of every call's answer: its stop reason and output tokens become metrics on the cloud path. */
    public interface CallObserver {
        CallObserver NONE = reply -> {};

        void answered(CoverageChat.Reply reply);
    }

    /** {@code repairNeeds}: no repair starts with less of the budget left. */
    public record Settings(Duration repairNeeds, Duration margin) {}

    /** The coverage, Sorot's checks of it, and what the calls consumed. */
    public record Result(Coverage coverage, List<Check> checks, Usage usage) {}

    private final CoverageChat chat;
    private final Provenance provenance;
    private final Settings settings;
    private final Clock clock;
    private final CallObserver observer;

    public CoverageExchange(
            CoverageChat chat, Provenance provenance, Settings settings, Clock clock, CallObserver observer) {
        this.chat = chat;
        this.provenance = provenance;
        this.settings = settings;
        this.clock = clock;
        this.observer = observer;
    }

    public Result run(CoverageRequest request) {
        var screenplay = request.screenplay();
        if (screenplay == null || screenplay.elements().isEmpty()) {
            throw new SorotException(ErrorCode.NOT_A_SCREENPLAY, "The screenplay has no text to cover.");
        }
        var deadline = clock.instant().plus(request.budget()).minus(settings.margin());
        var quotes = new QuoteFinder(screenplay);
        var prompt = CoveragePrompt.build(request.title(), screenplay, chat.maxPromptTokens());
        LOG.log(
                Level.INFO,
                "analysis {0}: coverage prompt of about {1} tokens ({2}) for {3}",
                request.analysisId(),
                prompt.estimatedTokens(),
                prompt.level().name().toLowerCase(Locale.ROOT),
                chat.describe());
        var usage = Usage.NONE;
        var turns = new ArrayList<CoverageChat.Turn>();
        turns.add(new CoverageChat.Turn(CoverageChat.Role.USER, prompt.text()));
        var first = send(turns, deadline);
        usage = usage.plus(first.usage());
        if (wasCut(prompt, first) && remaining(deadline).compareTo(settings.repairNeeds()) >= 0) {
            int fits = (int) (first.promptTokens() * 0.9);
            LOG.log(
                    Level.WARNING,
                    "analysis {0}: {1} took {2} of about {3} prompt tokens (its context window cut the "
                            + "script); condensing to {4} and asking again",
                    request.analysisId(),
                    chat.describe(),
                    first.promptTokens(),
                    prompt.estimatedTokens(),
                    fits);
            prompt = CoveragePrompt.build(request.title(), screenplay, fits);
            turns.set(0, new CoverageChat.Turn(CoverageChat.Role.USER, prompt.text()));
            first = send(turns, deadline);
            usage = usage.plus(first.usage());
        }
        var reading = CoverageAnswer.read(first.text(), screenplay, quotes, provenance);
        if (reading.ok() && reading.unfound().isEmpty()) {
            return result(reading, request, usage);
        }
        var problems = new ArrayList<>(reading.problems());
        if (first.cutOff()) {
            problems.addFirst(
                    "The answer was cut off at the output limit: keep the reasoning short and the JSON complete.");
        }
        problems.addAll(reading.unfound());
        if (remaining(deadline).compareTo(settings.repairNeeds()) < 0) {
            if (reading.ok()) {
                return result(reading, request, usage);
            }
            throw unusable(problems, "and no time was left in the step to ask again");
        }
        LOG.log(
                Level.INFO,
                "analysis {0}: coverage answer needs a repair ({1} problems); asking once more",
                request.analysisId(),
                problems.size());
        turns.add(new CoverageChat.Turn(
                CoverageChat.Role.ASSISTANT, first.text().isBlank() ? "(no answer)" : first.text()));
        turns.add(new CoverageChat.Turn(
                CoverageChat.Role.USER,
                repairRequest(problems, !reading.unfound().isEmpty())));
        var second = send(turns, deadline);
        usage = usage.plus(second.usage());
        var repaired = CoverageAnswer.read(second.text(), screenplay, quotes, provenance);
        if (repaired.ok()) {
            return result(repaired, request, usage);
        }
        if (reading.ok()) {
            return result(reading, request, usage); // the repair made it worse: the first answer, quotes marked
        }
        var left = new ArrayList<>(repaired.problems());
        if (second.cutOff()) {
            left.addFirst("the answer was cut off at the output limit again.");
        }
        throw unusable(left, "after one repair request");
    }

    static String repairRequest(List<String> problems, boolean quotes) {
        return "Your answer could not be used as it is:\n- " + String.join("\n- ", problems)
                + (quotes
                        ? "\nEvery quote must be words copied exactly from the script between the markers; replace "
                                + "each missing quote with one that is there, or leave the claim out."
                        : "")
                + "\nReply with the corrected coverage: one complete JSON object with every field, nothing else.";
    }

    private CoverageChat.Reply send(List<CoverageChat.Turn> turns, Instant deadline) {
        var left = remaining(deadline);
        if (left.isNegative() || left.isZero()) {
            throw new SorotException(
                    ErrorCode.STEP_TIMEOUT, chat.describe() + " did not finish the coverage within the step's budget.");
        }
        var reply = chat.send(List.copyOf(turns), left);
        observer.answered(reply);
        return reply;
    }

    private Result result(CoverageAnswer.Reading reading, CoverageRequest request, Usage usage) {
        var checks = new ArrayList<Check>();
        checks.addAll(CoverageChecks.of(reading.coverage(), request.screenplay(), request.title()));
        checks.addAll(CoverageChecks.injections(request.screenplay()));
        return new Result(reading.coverage(), checks, usage);
    }

    static boolean wasCut(CoveragePrompt.Prompt prompt, CoverageChat.Reply reply) {
        return reply.promptTokens() > 0 && prompt.estimatedTokens() > reply.promptTokens() * CUT_RATIO;
    }

    private SorotException unusable(List<String> problems, String when) {
        var joined = String.join(" ", problems);
        if (joined.length() > 400) {
            joined = joined.substring(0, 400) + "…";
        }
        return new SorotException(
                ErrorCode.MODEL_ANSWER_UNUSABLE,
                "The coverage answer of " + chat.describe() + " could not be used " + when + ": " + joined);
    }

    private Duration remaining(Instant deadline) {
        return Duration.between(clock.instant(), deadline);
    }
}

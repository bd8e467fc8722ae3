package ai.sorot.model.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A statement in a report and what backs it. A claim is verified when at least one piece of its
 * evidence supports it (evidence whose quote was not found never does); otherwise it is shown
 * as unverified.
 */
public record Claim(String text, List<Evidence> evidence) {

    public Claim {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static Claim of(String text, Evidence... evidence) {
        return new Claim(text, List.of(evidence));
    }

    @JsonIgnore
    public boolean isVerified() {
        return evidence.stream()
                .anyMatch(e -> e.verification() == null || e.verification().supports());
    }
}

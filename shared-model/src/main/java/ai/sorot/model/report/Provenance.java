package ai.sorot.model.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who produced a part of the report, and where the reading happened: no model at all (Sorot's
 * own measures on this machine), a model on this computer, a model on a named host of the
 * festival's, or a cloud model ("DeepSeek-R1 on Bedrock"). The report never hides which.
 *
 * <p>{@code offline} is true when nothing left the machine that ran the analysis. Reports saved
 * before {@code place} existed read as {@link Place#NO_MODEL} when offline, else {@link Place#CLOUD}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String provider, String model, boolean offline, Place place, String host) {

    public enum Place {
        NO_MODEL,
        THIS_COMPUTER,
        NAMED_HOST,
        CLOUD
    }

    public Provenance {
        if (place == null) {
            place = offline ? Place.NO_MODEL : Place.CLOUD;
        }
    }

    public Provenance(String provider, String model, boolean offline) {
        this(provider, model, offline, null, null);
    }

    /** A model served by {@code server} (Ollama, llama.cpp...) on this computer or on {@code host}. */
    public static Provenance localModel(String model, String server, String host, boolean loopback) {
        return loopback
                ? new Provenance(server, model, true, Place.THIS_COMPUTER, null)
                : new Provenance(server, model, false, Place.NAMED_HOST, host);
    }

    /** Whether a language model read the script (only then may the report carry a verdict). */
    @JsonIgnore
    public boolean modelRead() {
        return place != Place.NO_MODEL;
    }

    public String label() {
        return switch (place) {
            case NO_MODEL -> provider;
            case THIS_COMPUTER -> model + " via " + provider + ", on this computer";
            case NAMED_HOST -> model + " via " + provider + ", on " + host;
            case CLOUD -> model + " on " + provider;
        };
    }
}

package ai.sorot.model.report;

/**
 * Who produced a part of the report: "offline heuristics" on this machine, or a named model in
 * the cloud ("DeepSeek-R1 on Bedrock"). The report never hides which.
 */
public record Provenance(String provider, String model, boolean offline) {

    public String label() {
        return offline ? provider : model + " on " + provider;
    }
}

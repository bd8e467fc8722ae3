package ai.sorot.lambda.library;

/**
 * Where an AI score stands among others: "top 12% of 140". An AI that likes everything still
 * ranks, so the curator reads the rank, not the flattering number.
 */
public record Percentile(int rank, int of, int topPercent) {

    public static Percentile of(int rank, int of) {
        int top = of == 0 ? 100 : (int) Math.max(1, Math.ceil(100.0 * rank / of));
        return new Percentile(rank, of, top);
    }

    public String label() {
        return "top " + topPercent + "% of " + of;
    }
}

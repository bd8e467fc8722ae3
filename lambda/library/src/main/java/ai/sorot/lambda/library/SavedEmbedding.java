package ai.sorot.lambda.library;

import java.io.PrintStream;

/**
 * Embeds an analysis as it is saved, so its vector is stored with it rather than made at the first
 * "similar" or search by meaning. A failure here never fails the save: the analysis is kept, and
 * the first use embeds it as for analyses saved before this (SemanticLibrary's backfill).
 */
public final class SavedEmbedding {

    private static final System.Logger LOG = System.getLogger(SavedEmbedding.class.getName());

    private SavedEmbedding() {}

    /** Embeds {@code analysisId} now; says on {@code notes} (when given) if it could not. */
    public static void embed(Library library, String analysisId, PrintStream notes) {
        try {
            new SemanticLibrary(library).embedSaved(analysisId);
        } catch (RuntimeException | LinkageError e) {
            // the embedding model or its native runtime may be missing on an odd platform: the save stands
            LOG.log(System.Logger.Level.WARNING, "analysis " + analysisId + " saved but not embedded: " + e);
            if (notes != null) {
                notes.println("saved, but not yet searchable by meaning (" + e.getMessage()
                        + "); it will be embedded at the first 'library similar' or search");
            }
        }
    }
}

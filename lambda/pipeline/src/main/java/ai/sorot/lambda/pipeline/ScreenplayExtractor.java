package ai.sorot.lambda.pipeline;

import ai.sorot.model.screenplay.Screenplay;

/**
 * Step 1: bytes in, a parsed screenplay out, or a {@code SorotException} with the reason
 * (PDF_ENCRYPTED, PDF_IMAGE_ONLY...). The screenplay engine's reader is the one implementation;
 * the interface keeps the pipeline testable without a PDF.
 */
@FunctionalInterface
public interface ScreenplayExtractor {

    Screenplay extract(byte[] content, String fileName);
}

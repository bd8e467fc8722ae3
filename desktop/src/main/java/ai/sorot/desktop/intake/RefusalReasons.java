package ai.sorot.desktop.intake;

import ai.sorot.model.api.ErrorCode;
import java.util.Locale;

/**
 * The one place that says, in a programmer's words, why a file is not analysed. A refusal shows
 * Sorot's own sentence for its error code, else the code's default message; never the text of a
 * library's exception ("Missing root object specification in trailer" is PDFBox's, and a film
 * programmer reads "trailer" as a film's).
 */
public final class RefusalReasons {

    private RefusalReasons() {}

    /** The sentence shown when {@code fileName} is refused with {@code code} (an {@link ErrorCode} name, or one this build does not know). */
    public static String sentence(String code, String fileName) {
        ErrorCode known;
        try {
            known = ErrorCode.valueOf(code == null ? "" : code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fileName + " was not analysed.";
        }
        return sentence(known, fileName);
    }

    public static String sentence(ErrorCode code, String fileName) {
        return switch (code) {
            case EMPTY_FILE -> fileName + " is empty.";
            case NOT_A_PDF -> fileName + " is named .pdf but is not a PDF.";
            case PDF_CORRUPT ->
                fileName + " is damaged or incomplete, so Sorot cannot read it."
                        + " Export the PDF again from the writing software, or ask the writer for a new copy.";
            case PDF_ENCRYPTED -> fileName + " is password-protected; export it again without a password.";
            case PDF_IMAGE_ONLY ->
                fileName + " has no text layer (a scan?); export the PDF from the writing software instead.";
            case PDF_NO_PAGES -> fileName + " has no pages.";
            case FILE_NOT_FOUND ->
                "Sorot cannot open " + fileName
                        + ": it may have been moved or deleted, or this account may not be allowed to read it.";
            case FILE_TOO_LARGE -> fileName + " is larger than Sorot takes.";
            case TOO_MANY_PAGES -> fileName + " has more pages than a screenplay has.";
            default -> fileName + ": " + code.defaultMessage();
        };
    }

    /**
     * What a row shows for a refusal the API sent: its message, except where the code says the
     * file could not be read (the message may then carry a PDF library's words), and the code's
     * default message when the API sent none.
     */
    public static String fromApi(String code, String fileName, String apiMessage) {
        if (ErrorCode.PDF_CORRUPT.name().equals(code) || apiMessage == null || apiMessage.isBlank()) {
            return sentence(code, fileName);
        }
        return apiMessage;
    }
}

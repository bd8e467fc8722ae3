package ai.sorot.lambda.screenplay;

/** A body line once furniture is gone, with the scene number printed beside it, if any. */
record ScriptLine(PdfLine pdf, String text, String sceneNumber, int page) {

    ScriptLine(PdfLine pdf, int page) {
        this(pdf, pdf.text(), null, page);
    }

    float x0() {
        return pdf.x0();
    }

    float x1() {
        return pdf.x1();
    }

    float y() {
        return pdf.y();
    }

    /** The same line holding only some of its words (one column of a dual-dialogue row). */
    ScriptLine part(java.util.List<PdfWord> words) {
        return new ScriptLine(pdf.withWords(words), page);
    }
}

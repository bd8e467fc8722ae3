package ai.sorot.lambda.screenplay;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;

/** Content-stream tokens written out for comparison: strings by their bytes, numbers by their values. */
final class PdfTokens {

    private PdfTokens() {}

    /** PDFBox's own tokens for the content. */
    static List<String> ofPdfBox(byte[] content) throws IOException {
        return describe(new PDFStreamParser(content).parse());
    }

    static List<String> describe(List<?> tokens) {
        var out = new ArrayList<String>(tokens.size());
        for (Object token : tokens) {
            out.add(describe(token));
        }
        return out;
    }

    private static String describe(Object token) {
        return switch (token) {
            case COSString string -> "string " + HexFormat.of().formatHex(string.getBytes());
            case Operator operator -> "op " + operator.getName();
            case COSArray array ->
                array.toList().stream().map(PdfTokens::describe).collect(Collectors.joining(", ", "[", "]"));
            case COSDictionary dictionary ->
                dictionary.entrySet().stream()
                        .map(e -> e.getKey().getName() + "=" + describe(e.getValue()))
                        .collect(Collectors.joining(", ", "<<", ">>"));
            case COSBase base -> base.getClass().getSimpleName() + " " + base;
            default -> String.valueOf(token);
        };
    }
}

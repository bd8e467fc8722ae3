package ai.sorot.lambda.screenplay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PDFs damaged in the ways an attacker or a broken exporter makes them, written byte by byte
 * (objects, a correct cross-reference table and trailer) so that PDFBox meets exactly that damage.
 */
final class CorruptPdfs {

    private static final String TEXT = "BT /F1 12 Tf 72 700 Td (INT. HOUSE - DAY) Tj ET";
    private static final String FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>";

    private CorruptPdfs() {}

    /** A page tree whose Kids point back to the tree itself. */
    static byte[] pageTreeLoop() {
        return pdf(List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"), true);
    }

    /** A page whose only content is a form XObject that draws itself. */
    static byte[] selfDrawingXObject() {
        return pdf(
                List.of(
                        "<< /Type /Catalog /Pages 2 0 R >>",
                        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X1 5 0 R >> >> /Contents 4 0 R >>",
                        stream("", "/X1 Do"),
                        stream(
                                "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X1 5 0 R >> >>",
                                "/X1 Do")),
                true);
    }

    /** A page that carries {@code depth} arrays nested in one another. */
    static byte[] nestedArrays(int depth) {
        var deep = "[".repeat(depth) + "]".repeat(depth);
        return pdf(
                List.of(
                        "<< /Type /Catalog /Pages 2 0 R >>",
                        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep " + deep
                                + " /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
                        stream("", TEXT),
                        FONT),
                true);
    }

    /** A file whose trailer names no catalog (PDFBox: "Missing root object specification in trailer"). */
    static byte[] noCatalog() {
        return pdf(List.of("<< /Foo 1 >>"), false);
    }

    private static String stream(String dictionary, String data) {
        return "<< " + dictionary + " /Length " + data.length() + " >>\nstream\n" + data + "\nendstream";
    }

    private static byte[] pdf(List<String> objects, boolean withRoot) {
        var out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        var offsets = new ArrayList<Integer>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        var table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append("%010d 00000 n \n".formatted(o)));
        write(
                out,
                table + "trailer\n<< /Size " + (objects.size() + 1) + (withRoot ? " /Root 1 0 R" : "")
                        + " >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}

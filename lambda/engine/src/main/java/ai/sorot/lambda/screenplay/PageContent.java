package ai.sorot.lambda.screenplay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * A page's content as PDFBox's content loop reads it, held in memory: one stream decoded, or the
 * streams of a content array each followed by a line feed (PDPage joins them so). Null leaves the
 * page to PDFBox: no content, content already replaced, a stream that does not decode (PDFBox
 * reads what it can of it), or more than {@link #MAX_DECODED} bytes decoded.
 */
final class PageContent {

    /** Decoded content beyond this is left to PDFBox, which streams it. */
    static final int MAX_DECODED = 8 * 1024 * 1024;

    private PageContent() {}

    static byte[] of(PDPage page) {
        var contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        try {
            if (contents instanceof InMemoryContentStream) {
                return null;
            }
            if (contents instanceof COSStream stream) {
                return decoded(stream, MAX_DECODED);
            }
            if (contents instanceof COSArray array) {
                return joined(array);
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static byte[] joined(COSArray array) throws IOException {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < array.size(); i++) {
            if (array.getObject(i) instanceof COSStream stream) {
                byte[] bytes = decoded(stream, MAX_DECODED - out.size());
                if (bytes == null) {
                    return null;
                }
                out.write(bytes);
                out.write('\n');
            }
        }
        return out.size() == 0 ? null : out.toByteArray();
    }

    /** The stream's bytes as the page draws them, or null past {@code limit}. */
    private static byte[] decoded(COSStream stream, int limit) throws IOException {
        try (var in = stream.getFilters() == null ? stream.createRawInputStream() : stream.createInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }
}

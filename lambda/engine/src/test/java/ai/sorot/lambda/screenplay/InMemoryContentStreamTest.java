package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The array cursor reads a content stream exactly as PDFBox's own buffer does. */
class InMemoryContentStreamTest {

    private static final byte[] CONTENT = "BT /F1 12 Tf 72 700 Td (Hello) Tj ET".getBytes(StandardCharsets.US_ASCII);

    /** The same walk over both readers: reads, peeks, rewinds, skips, seeks past the end, bulk reads. */
    private static String walk(RandomAccessRead in) throws IOException {
        var seen = new StringBuilder();
        seen.append(in.read())
                .append(',')
                .append(in.peek())
                .append(',')
                .append(in.read())
                .append(',');
        in.rewind(2);
        seen.append(in.getPosition()).append(',').append(in.read()).append(',');
        in.skip(5);
        seen.append(in.getPosition()).append(',').append(in.available()).append(',');
        var buffer = new byte[8];
        seen.append(in.read(buffer, 0, 8))
                .append(new String(buffer, StandardCharsets.US_ASCII))
                .append(',');
        in.seek(CONTENT.length + 10);
        seen.append(in.getPosition())
                .append(',')
                .append(in.isEOF())
                .append(',')
                .append(in.read())
                .append(',')
                .append(in.peek())
                .append(',')
                .append(in.read(buffer, 0, 0))
                .append(',')
                .append(in.length());
        return seen.toString();
    }

    @Test
    void readsPeeksRewindsAndSeeksAsPdfBoxsBufferDoes() throws IOException {
        try (var ours = new InMemoryContentStream(CONTENT).createView();
                var theirs = new RandomAccessReadBuffer(CONTENT)) {
            assertThat(walk(ours)).isEqualTo(walk(theirs));
        }
    }

    @Test
    void aNegativePositionAndAClosedStreamAreErrors() throws IOException {
        var in = new InMemoryContentStream(CONTENT).createView();
        assertThatThrownBy(() -> in.seek(-1)).isInstanceOf(IOException.class);
        in.close();
        assertThat(in.isClosed()).isTrue();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
    }

    @Test
    void theStreamsOtherViewsKeepTheBytes() throws IOException {
        var stream = new InMemoryContentStream(CONTENT);
        assertThat(stream.getLength()).isEqualTo(CONTENT.length);
        try (var raw = stream.createRawInputStream()) {
            assertThat(raw.readAllBytes()).isEqualTo(CONTENT);
        }
    }
}

package ai.sorot.lambda.screenplay;

import java.io.IOException;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * A page's content stream held as one byte array, read through a plain array cursor. PDFBox's
 * content-stream tokenizer peeks and rewinds on every byte; through its own buffer classes each
 * of those is a bounds-checked ByteBuffer seek, a quarter of a batch parse's CPU. The bytes and
 * every other view of the stream (raw and decoded input streams, length) stay PDFBox's own.
 */
final class InMemoryContentStream extends COSStream {

    private final byte[] bytes;

    /** {@code bytes}: the content as the page draws it (already decoded, no filter left). */
    InMemoryContentStream(byte[] bytes) throws IOException {
        this.bytes = bytes;
        try (var out = createRawOutputStream()) {
            out.write(bytes);
        }
    }

    @Override
    public RandomAccessRead createView() {
        return new Cursor(bytes);
    }

    /** RandomAccessRead over an array, with the semantics of PDFBox's RandomAccessReadBuffer. */
    static final class Cursor implements RandomAccessRead {
        private final byte[] data;
        private int position;
        private boolean closed;
        // data.length while open, 0 once closed: the per-byte reads test one bound for both
        private int readable;

        Cursor(byte[] data) {
            this.data = data;
            this.readable = data.length;
        }

        @Override
        public int read() throws IOException {
            if (position < readable) {
                return data[position++] & 0xff;
            }
            checkOpen();
            return -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            checkOpen();
            if (position >= data.length) {
                return -1;
            }
            int n = Math.min(length, data.length - position);
            System.arraycopy(data, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public int peek() throws IOException {
            if (position < readable) {
                return data[position] & 0xff;
            }
            checkOpen();
            return -1;
        }

        @Override
        public void rewind(int count) throws IOException {
            if (count >= 0 && count <= position && !closed) {
                position -= count; // the tokenizer's one-byte step back, without seek's checks
                return;
            }
            seek((long) position - count);
        }

        @Override
        public void skip(int count) throws IOException {
            seek((long) position + count);
        }

        @Override
        public long getPosition() throws IOException {
            checkOpen();
            return position;
        }

        @Override
        public void seek(long to) throws IOException {
            checkOpen();
            if (to < 0) {
                throw new IOException("Invalid position " + to);
            }
            position = (int) Math.min(to, data.length);
        }

        @Override
        public long length() throws IOException {
            checkOpen();
            return data.length;
        }

        @Override
        public int available() throws IOException {
            checkOpen();
            return data.length - position;
        }

        @Override
        public boolean isEOF() throws IOException {
            checkOpen();
            return position >= data.length;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
            readable = 0;
        }

        @Override
        public RandomAccessReadView createView(long start, long length) throws IOException {
            checkOpen();
            return new RandomAccessReadView(this, start, length);
        }

        private void checkOpen() throws IOException {
            if (closed) {
                throw new IOException("The content stream is closed");
            }
        }
    }
}

package ai.sorot.lambda.screenplay;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * The type grid of a document: font size, the width of one character (screenplays are set in
 * a monospaced 12-point Courier, 10 characters to the inch) and the line pitch. Every other
 * distance the engine uses is counted in these units, so Letter, A4 and odd renderers all work.
 */
record LayoutMetrics(float fontSize, float charWidth, float lineHeight) {

    static LayoutMetrics measure(List<PdfPage> pages) {
        var sizes = new FloatList();
        var widths = new FloatList();
        var pitches = new HashMap<Integer, Integer>();
        for (var page : pages) {
            PdfLine previous = null;
            for (var line : page.lines()) {
                for (var word : line.words()) {
                    sizes.add(word.fontSize());
                    int length = word.text().codePointCount(0, word.text().length());
                    if (length >= 2) {
                        widths.add((word.x1() - word.x0()) / length);
                    }
                }
                if (previous != null) {
                    int pitch = Math.round((line.y() - previous.y()) * 2); // half-point bins
                    pitches.merge(pitch, 1, Integer::sum);
                }
                previous = line;
            }
        }
        float fontSize = sizes.median(12f);
        float charWidth = widths.median(fontSize * 0.6f);
        float lineHeight = fontSize;
        int bestCount = 0;
        for (var entry : pitches.entrySet()) {
            float pitch = entry.getKey() / 2f;
            if (pitch >= 0.75f * fontSize && pitch <= 1.6f * fontSize && entry.getValue() > bestCount) {
                bestCount = entry.getValue();
                lineHeight = pitch;
            }
        }
        return new LayoutMetrics(fontSize, charWidth, lineHeight);
    }

    /** Distance in characters. */
    float chars(float points) {
        return points / charWidth;
    }

    /** Distance in lines. */
    float lines(float points) {
        return points / lineHeight;
    }

    static final class FloatList {
        private float[] values = new float[256];
        private int size;

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        float median(float fallback) {
            if (size == 0) {
                return fallback;
            }
            var copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy[size / 2];
        }

        float percentile(double p, float fallback) {
            if (size == 0) {
                return fallback;
            }
            var copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy[(int) Math.min(size - 1, Math.floor(p * size))];
        }

        int size() {
            return size;
        }
    }
}

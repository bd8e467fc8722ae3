package ai.sorot.lambda.screenplay;

import java.util.List;

/** One page as text geometry: its size and its lines top to bottom. */
record PdfPage(int number, float width, float height, List<PdfLine> lines, int glyphCount) {}

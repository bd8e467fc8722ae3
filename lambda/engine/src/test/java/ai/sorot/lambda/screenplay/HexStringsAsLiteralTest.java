package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hex strings rewritten as literal strings parse, token for token, to what the original parses to. */
class HexStringsAsLiteralTest {

    private static List<String> tokens(byte[] content) throws IOException {
        return PdfTokens.ofPdfBox(content);
    }

    private static byte[] bytes(String content) {
        return content.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "BT /F1 12 Tf 72 700 Td [<000300140010> -120 <0006 0007\n0015>] TJ ET",
                "BT <28295C0A0D00FF> Tj (a \\(not nested\\) string with <hex> inside) Tj ET",
                "/P /Span BDC <4142> Tj EMC",
                "% a comment with <4142> and ( in it\nBT <4142> Tj ET",
                "BT <aBcDeF> Tj <> Tj ET",
            })
    void rewrittenContentParsesToTheSameTokens(String content) throws IOException {
        byte[] original = bytes(content);
        byte[] rewritten = HexStringsAsLiteral.rewrite(original);
        assertThat(rewritten).isNotEqualTo(original);
        assertThat(tokens(rewritten)).isEqualTo(tokens(original));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "BT (plain literal) Tj ET",
                // PDFBox repairs these two as it reads them: left for it to repair
                "BT <414> Tj ET",
                "BT <41x2> Tj ET",
                // strings whose end PDFBox guesses at: where they end decides what is a hex string
                "BT (a (nested) <4142>) Tj ET",
                "BT (odd \\)\n/F1 12 Tf <4142>) Tj ET",
                // inline image data, with or without its BI
                "ID <4142> EI",
                "q BII ID <4142> EI Q",
                "1BI /W 1 /H 1 ID <41> EI",
                // a dictionary, which PDFBox may read with a repair that decides what follows
                "/P <</MCID 0>> BDC <4142> Tj EMC",
                "<<</ G ID>>><c0>",
            })
    void contentWithNothingToRewriteIsLeftAsItIs(String content) {
        byte[] original = bytes(content);
        assertThat(HexStringsAsLiteral.rewrite(original)).isSameAs(original);
    }

    @Test
    void aStreamWithAnInlineImageIsLeftAsItIs() {
        byte[] original = bytes("BT <4142> Tj ET\nBI /W 1 /H 1 /BPC 8 /CS /G ID \u00ff<\u0000> EI\n");
        assertThat(HexStringsAsLiteral.rewrite(original)).isSameAs(original);
    }

    @Test
    void everyByteValueSurvivesTheRewrite() throws IOException {
        var hex = new StringBuilder("BT <");
        for (int b = 0; b < 256; b++) {
            hex.append("%02X".formatted(b));
        }
        byte[] original = bytes(hex.append("> Tj ET").toString());
        byte[] rewritten = HexStringsAsLiteral.rewrite(original);
        assertThat(rewritten.length).isLessThan(original.length);
        assertThat(tokens(rewritten)).isEqualTo(tokens(original));
    }
}

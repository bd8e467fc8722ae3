package ai.sorot.lambda.aws.polly;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.lambda.pipeline.SpeechScript;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class SsmlChunksTest {

    @Test
    void aShortSummaryIsOneWellFormedRequestWithPausesBetweenParagraphs() throws Exception {
        var chunks = SsmlChunks.of(new SpeechScript(List.of("First part.", "Second & last <part>.")));
        assertThat(chunks).hasSize(1);
        var ssml = chunks.getFirst().ssml();
        assertThat(ssml)
                .isEqualTo("<speak><p>First part.</p>" + SsmlChunks.SECTION_BREAK
                        + "<p>Second &amp; last &lt;part&gt;.</p></speak>");
        DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(ssml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(chunks.getFirst().billedCharacters())
                .isEqualTo("First part.".length() + "Second & last <part>.".length());
    }

    @Test
    void everyRequestStaysWithinPollysLimitsAndNoWordIsLost() {
        var paragraph = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            paragraph.append("Scene ").append(i).append(" turns on a choice & a cost. ");
        }
        var giantWordSentence = "x".repeat(3_500) + ".";
        var script = new SpeechScript(List.of(paragraph.toString().strip(), "Short one.", giantWordSentence));
        var chunks = SsmlChunks.of(script);
        assertThat(chunks.size()).isGreaterThan(3);
        var spoken = new StringBuilder();
        for (var chunk : chunks) {
            assertThat(chunk.billedCharacters()).isLessThanOrEqualTo(3_000);
            assertThat(chunk.ssml().length()).isLessThanOrEqualTo(6_000);
            assertThat(chunk.ssml()).startsWith("<speak>").endsWith("</speak>");
            spoken.append(chunk.ssml().replaceAll("<[^>]+>", " ").replace("&amp;", "&"))
                    .append(' ');
        }
        var words = spoken.toString().split("\\s+");
        assertThat(String.join(" ", words))
                .contains("Scene 0 turns")
                .contains("Scene 399 turns on a choice & a cost.")
                .contains("Short one.");
        // a chunk boundary falls between sentences: no chunk of the long paragraph ends mid-sentence
        for (var chunk : chunks.subList(0, chunks.size() - 2)) {
            assertThat(chunk.ssml().replaceAll("<[^>]+>", "").strip()).endsWith(".");
        }
    }
}

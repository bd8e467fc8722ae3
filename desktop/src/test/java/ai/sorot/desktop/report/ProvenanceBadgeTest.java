package ai.sorot.desktop.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.report.Provenance;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceBadgeTest {

    static final Provenance ENGINE = new Provenance("Sorot screenplay engine", "PDFBox", true);
    static final Provenance OWN = new Provenance("Sorot's own measures, no model", "sorot-offline-coverage-1", true);
    static final Provenance QWEN = Provenance.localModel("qwen3:14b", "Ollama", null, true);
    static final Provenance GEMINI = new Provenance("Google Gemini API", "gemini-2.5-flash-lite", false);

    @Test
    void aModelOnThisComputerIsNamedAndNeverCalledSorotsOwnMeasures() {
        var badge = ProvenanceBadge.of(List.of(ENGINE, QWEN), QWEN);
        assertThat(badge.text()).isEqualTo("Private model · qwen3:14b via Ollama, on this computer");
        assertThat(badge.style()).isEqualTo("local");
    }

    @Test
    void noModelAndCloudModelsSayWhatTheyAre() {
        assertThat(ProvenanceBadge.of(List.of(ENGINE, OWN), OWN).text()).isEqualTo("No model · Sorot's own measures");
        // a cloud model watched the trailer, but no model wrote the coverage
        assertThat(ProvenanceBadge.of(List.of(ENGINE, OWN, GEMINI), OWN).text())
                .isEqualTo("No model · Sorot's own measures");
        var cloud = ProvenanceBadge.of(
                List.of(
                        ENGINE,
                        new Provenance("Amazon Bedrock", "DeepSeek-R1", false),
                        GEMINI,
                        Provenance.localModel("qwen3:14b", "vLLM", "models.festival.example", false)),
                null);
        assertThat(cloud.style()).isEqualTo("cloud");
        assertThat(cloud.text())
                .contains("DeepSeek-R1 on Amazon Bedrock")
                .contains("qwen3:14b via vLLM, on models.festival.example");
    }
}

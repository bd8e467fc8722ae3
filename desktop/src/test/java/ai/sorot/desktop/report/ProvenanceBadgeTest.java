package ai.sorot.desktop.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.report.Provenance;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceBadgeTest {

    static final Provenance ENGINE = new Provenance("Sorot screenplay engine", "PDFBox", true);
    static final Provenance HEURISTICS = new Provenance("offline heuristics", "sorot-offline-coverage-1", true);

    @Test
    void aModelOnThisComputerIsNamedAndNeverCalledHeuristics() {
        var badge = ProvenanceBadge.of(List.of(ENGINE, Provenance.localModel("qwen3:14b", "Ollama", null, true)));
        assertThat(badge.text()).isEqualTo("Private model · qwen3:14b via Ollama, on this computer");
        assertThat(badge.style()).isEqualTo("local");
    }

    @Test
    void noModelAndCloudModelsSayWhatTheyAre() {
        assertThat(ProvenanceBadge.of(List.of(ENGINE, HEURISTICS)).text()).isEqualTo("Offline heuristics · no AI model");
        var cloud = ProvenanceBadge.of(List.of(ENGINE, new Provenance("Amazon Bedrock", "DeepSeek-R1", false),
                Provenance.localModel("qwen3:14b", "vLLM", "models.festival.example", false)));
        assertThat(cloud.style()).isEqualTo("cloud");
        assertThat(cloud.text()).contains("DeepSeek-R1 on Amazon Bedrock").contains("qwen3:14b via vLLM, on models.festival.example");
    }
}

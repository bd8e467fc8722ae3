package ai.sorot.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.api.AnalysisStatus;
import ai.sorot.model.api.AnalyzeAccepted;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ApiResponse;
import ai.sorot.model.api.JobState;
import ai.sorot.model.screenplay.Dual;
import ai.sorot.model.screenplay.Element;
import ai.sorot.model.screenplay.ElementType;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiEnvelopeJsonTest {

    @Test
    void acceptedAnalysisMatchesTheSeedExample() throws Exception {
        var json = Json.mapper().writeValueAsString(ApiResponse.ok(AnalyzeAccepted.started("analysis-1-abc")));
        JsonNode node = Json.mapper().readTree(json);
        assertThat(node.path("success").asBoolean()).isTrue();
        assertThat(node.path("data").path("analysisId").asText()).isEqualTo("analysis-1-abc");
        assertThat(node.path("data").path("status").asText()).isEqualTo("processing");
        assertThat(node.path("data").path("message").asText()).isEqualTo("Analysis started successfully");
        assertThat(node.has("error")).isFalse();
    }

    @Test
    void seedStatusExampleReadsIntoTheRecord() throws Exception {
        var seed = """
                {"success": true, "data": {"status": "processing", "currentStep": 1, "totalSteps": 5,
                 "stepName": "Current step name", "progress": 20}}""";
        ApiResponse<AnalysisStatus> response =
                Json.mapper().readValue(seed, new TypeReference<ApiResponse<AnalysisStatus>>() {});
        assertThat(response.data().status()).isEqualTo(JobState.PROCESSING);
        assertThat(response.data().totalSteps()).isEqualTo(5);
        assertThat(response.data().progress()).isEqualTo(20);
        assertThat(response.data().steps()).isEmpty();
    }

    @Test
    void errorEnvelopeCarriesCodeAndMessageOnly() throws Exception {
        var json = Json.mapper().writeValueAsString(ApiResponse.failure(new ApiError("PDF_ENCRYPTED", "locked")));
        assertThat(json).isEqualTo("{\"success\":false,\"error\":{\"code\":\"PDF_ENCRYPTED\",\"message\":\"locked\"}}");
    }

    @Test
    void elementsOmitAbsentFieldsAndWriteDualInLowerCase() throws Exception {
        var elements = List.of(
                Element.of(ElementType.CHARACTER, "BRICK", 1),
                new Element(ElementType.DIALOGUE, "Hi.", 1, null, Dual.RIGHT));
        var json = Json.mapper().writeValueAsString(elements);
        assertThat(json)
                .isEqualTo("[{\"type\":\"CHARACTER\",\"text\":\"BRICK\",\"page\":1},"
                        + "{\"type\":\"DIALOGUE\",\"text\":\"Hi.\",\"page\":1,\"dual\":\"right\"}]");
        assertThat(Json.mapper().readValue(json, new TypeReference<List<Element>>() {}))
                .isEqualTo(elements);
    }
}

package ai.sorot.lambda.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committee's routes as a client sees them, run through each way the API is reached: real
 * HTTP on a local server's loopback port (SQLite) and the Lambda handler's HTTP API v2 events
 * (DynamoDB on dynalite). The checks: the owner adds two readers, both review one
 * analysis, the reviews come back with mean and verdict counts; a reader cannot write the other's
 * review nor add members; a revoked reader's token is refused.
 */
public abstract class CommitteeApiContract {

    /** An answer: status, headers (lower-case names), and the body as JSON where it is JSON. */
    public record Answer(int status, Map<String, String> headers, String raw) {

        JsonNode json() {
            try {
                return Json.mapper().readTree(raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        JsonNode data() {
            return json().path("data");
        }

        String code() {
            return json().path("error").path("code").asText();
        }
    }

    /** One request; {@code token} null sends none. */
    protected abstract Answer call(String method, String path, String body, String token, Map<String, String> headers);

    /** The server's own token: the owner's. */
    protected abstract String ownerToken();

    /** A finished analysis the committee can review; a new one per call. */
    protected abstract String newAnalysis(String title);

    protected Answer call(String method, String path, String body, String token) {
        return call(method, path, body, token, Map.of());
    }

    private Answer expect(int status, String method, String path, String body, String token) {
        var answer = call(method, path, body, token);
        assertThat(answer.status())
                .as(method + " " + path + ": " + answer.raw())
                .isEqualTo(status);
        return answer;
    }

    private record Reader(String id, String token) {}

    private Reader addReader(String name) {
        var data = expect(200, "POST", "/members", "{\"name\":\"" + name + "\",\"role\":\"reader\"}", ownerToken())
                .data();
        assertThat(data.path("token").asText()).startsWith("sorot-member-");
        return new Reader(data.path("memberId").asText(), data.path("token").asText());
    }

    private static String review(int rating, String verdict, String sessionId) {
        return "{\"rating\":" + rating + ",\"verdict\":\"" + verdict + "\",\"notes\":\"n\",\"shortlisted\":false"
                + (sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"") + "}";
    }

    @Test
    void twoReadersReviewOneScriptAndTheCommitteeSeesBothWithMeanAndVerdicts() {
        var ada = addReader("Ada");
        var ben = addReader("Ben");
        var analysis = newAnalysis("Both read this");

        expect(200, "PUT", "/analyses/" + analysis + "/reviews/me", review(2, "DECLINE", null), ada.token());
        expect(200, "PUT", "/analyses/" + analysis + "/reviews/" + ben.id(), review(5, "ACCEPT", null), ben.token());

        var data = expect(200, "GET", "/analyses/" + analysis + "/reviews", null, ownerToken())
                .data();
        assertThat(data.path("reviews")).hasSize(2);
        assertThat(data.path("reviews").findValuesAsText("memberName")).containsExactlyInAnyOrder("Ada", "Ben");
        var aggregate = data.path("aggregate");
        assertThat(aggregate.path("count").asInt()).isEqualTo(2);
        assertThat(aggregate.path("meanRating").asDouble()).isEqualTo(3.5);
        assertThat(aggregate.path("ratingSpread").asInt()).isEqualTo(3);
        assertThat(aggregate.path("verdictCounts").path("ACCEPT").asInt()).isEqualTo(1);
        assertThat(aggregate.path("verdictCounts").path("DECLINE").asInt()).isEqualTo(1);
        assertThat(aggregate.path("verdictCounts").path("MAYBE").asInt()).isZero();
        // a reader reads the same (no blind session here)
        assertThat(expect(200, "GET", "/analyses/" + analysis + "/reviews", null, ada.token())
                        .data()
                        .path("reviews"))
                .hasSize(2);
    }

    @Test
    void aReaderCannotWriteAnotherMembersReview() {
        var ada = addReader("Ada");
        var ben = addReader("Ben");
        var analysis = newAnalysis("Not yours");
        var answer = expect(
                403, "PUT", "/analyses/" + analysis + "/reviews/" + ben.id(), review(1, "DECLINE", null), ada.token());
        assertThat(answer.code()).isEqualTo("FORBIDDEN");
        assertThat(expect(200, "GET", "/analyses/" + analysis + "/reviews", null, ownerToken())
                        .data()
                        .path("reviews"))
                .isEmpty();
    }

    @Test
    void aReaderCannotAddMembersNorListThemNorSubmit() {
        var ada = addReader("Ada");
        assertThat(expect(403, "POST", "/members", "{\"name\":\"Eve\",\"role\":\"lead\"}", ada.token())
                        .code())
                .isEqualTo("FORBIDDEN");
        assertThat(expect(403, "GET", "/members", null, ada.token()).code()).isEqualTo("FORBIDDEN");
        assertThat(expect(403, "POST", "/analyze", "{\"fountainText\":\"INT. ROOM - DAY\"}", ada.token())
                        .code())
                .isEqualTo("FORBIDDEN");
        // reading analyses is what a reader is for
        expect(200, "GET", "/analyses", null, ada.token());
    }

    @Test
    void aRevokedReadersTokenIsRefused() {
        var ada = addReader("Ada");
        expect(200, "GET", "/analyses", null, ada.token());
        var revoked = expect(200, "DELETE", "/members/" + ada.id(), null, ownerToken())
                .data();
        assertThat(revoked.path("revokedAt").isMissingNode()).isFalse();
        assertThat(expect(401, "GET", "/analyses", null, ada.token()).code()).isEqualTo("UNAUTHORIZED");
        assertThat(expect(
                                401,
                                "PUT",
                                "/analyses/" + newAnalysis("Too late") + "/reviews/me",
                                review(3, "MAYBE", null),
                                ada.token())
                        .code())
                .isEqualTo("UNAUTHORIZED");
        var listed = expect(200, "GET", "/members", null, ownerToken()).data();
        assertThat(listed.toString()).contains(ada.id()).doesNotContain(ada.token());
        assertThat(expect(401, "GET", "/analyses", null, "sorot-member-made-up-token")
                        .code())
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aWriteBasedOnAStaleVersionIsA409WithBothVersions() {
        var ada = addReader("Ada");
        var analysis = newAnalysis("Two devices");
        var first = expect(200, "PUT", "/analyses/" + analysis + "/reviews/me", review(3, "MAYBE", null), ada.token());
        assertThat(first.headers()).containsEntry("etag", "\"1\"");
        var laptop = call(
                "PUT",
                "/analyses/" + analysis + "/reviews/me",
                review(4, "ACCEPT", null),
                ada.token(),
                Map.of("if-match", "\"1\""));
        assertThat(laptop.status()).isEqualTo(200);
        assertThat(laptop.data().path("version").asInt()).isEqualTo(2);

        var train = call(
                "PUT",
                "/analyses/" + analysis + "/reviews/me",
                review(1, "DECLINE", null),
                ada.token(),
                Map.of("if-match", "\"1\""));
        assertThat(train.status()).as(train.raw()).isEqualTo(409);
        assertThat(train.code()).isEqualTo("REVIEW_CONFLICT");
        assertThat(train.data().path("current").path("rating").asInt()).isEqualTo(4);
        assertThat(train.data().path("current").path("version").asInt()).isEqualTo(2);
        assertThat(train.data().path("refused").path("rating").asInt()).isEqualTo(1);
        // a second "first" review is refused as well: nothing is overwritten without the version it replaces
        assertThat(expect(409, "PUT", "/analyses/" + analysis + "/reviews/me", review(2, "DECLINE", null), ada.token())
                        .code())
                .isEqualTo("REVIEW_CONFLICT");
        var chosen = call(
                "PUT",
                "/analyses/" + analysis + "/reviews/me",
                review(1, "DECLINE", null),
                ada.token(),
                Map.of("if-match", "2"));
        assertThat(chosen.data().path("rating").asInt()).isEqualTo(1);
    }

    @Test
    void badReviewsAreRefusedWithStableCodes() {
        var ada = addReader("Ada");
        var analysis = newAnalysis("Bad input");
        assertThat(expect(400, "PUT", "/analyses/" + analysis + "/reviews/me", review(6, "ACCEPT", null), ada.token())
                        .code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(expect(400, "PUT", "/analyses/" + analysis + "/reviews/me", "{\"verdict\":\"MEH\"}", ada.token())
                        .code())
                .isEqualTo("INVALID_JSON");
        assertThat(expect(
                                404,
                                "PUT",
                                "/analyses/analysis-1700000000000-nothere0/reviews/me",
                                review(3, "MAYBE", null),
                                ada.token())
                        .code())
                .isEqualTo("NOT_FOUND");
        assertThat(call(
                                "PUT",
                                "/analyses/" + analysis + "/reviews/me",
                                review(3, "MAYBE", null),
                                ada.token(),
                                Map.of("if-match", "yesterday"))
                        .code())
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void aBlindSessionShowsAReaderTheOthersReviewsOnlyAfterTheirOwn() {
        var ada = addReader("Ada");
        var ben = addReader("Ben");
        var analysis = newAnalysis("Blind read");
        var session = expect(
                        200,
                        "POST",
                        "/sessions",
                        "{\"name\":\"Shorts\",\"analysisIds\":[\"" + analysis + "\"],"
                                + "\"readersPerScript\":2,\"blind\":true,\"rubric\":[{\"name\":\"story\",\"scale\":5}],"
                                + "\"readerIds\":[\"" + ada.id() + "\",\"" + ben.id() + "\"]}",
                        ownerToken())
                .data()
                .path("sessionId")
                .asText();

        var queue = expect(200, "GET", "/sessions/" + session + "/assignments/me", null, ada.token())
                .data();
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).path("analysisId").asText()).isEqualTo(analysis);
        assertThat(queue.get(0).path("reviewed").asBoolean()).isFalse();

        expect(
                200,
                "PUT",
                "/analyses/" + analysis + "/reviews/me",
                "{\"rating\":5,\"verdict\":\"ACCEPT\",\"sessionId\":\"" + session + "\",\"scores\":{\"story\":5}}",
                ben.token());
        var before = expect(
                        200, "GET", "/sessions/" + session + "/analyses/" + analysis + "/reviews", null, ada.token())
                .data();
        assertThat(before.path("hidden").asBoolean()).isTrue();
        assertThat(before.path("reviews")).isEmpty();
        var outside = expect(200, "GET", "/analyses/" + analysis + "/reviews", null, ada.token())
                .data();
        assertThat(outside.path("hidden").asBoolean()).isTrue();
        assertThat(outside.path("reviews")).isEmpty();

        expect(
                200,
                "PUT",
                "/analyses/" + analysis + "/reviews/me",
                "{\"rating\":2,\"verdict\":\"DECLINE\",\"sessionId\":\"" + session + "\",\"scores\":{\"story\":2}}",
                ada.token());
        var after = expect(200, "GET", "/sessions/" + session + "/analyses/" + analysis + "/reviews", null, ada.token())
                .data();
        assertThat(after.path("hidden").asBoolean()).isFalse();
        assertThat(after.path("reviews")).hasSize(2);
        assertThat(after.path("aggregate").path("meanRating").asDouble()).isEqualTo(3.5);
        assertThat(expect(200, "GET", "/sessions/" + session + "/assignments/me", null, ada.token())
                        .data()
                        .get(0)
                        .path("reviewed")
                        .asBoolean())
                .isTrue();

        var progress =
                expect(200, "GET", "/sessions/" + session, null, ownerToken()).data();
        assertThat(progress.path("readers").findValuesAsText("name")).containsExactlyInAnyOrder("Ada", "Ben");
        assertThat(progress.path("scripts").get(0).path("reviewed").asInt()).isEqualTo(2);
        assertThat(progress.path("agreement")
                        .path("mostDisputed")
                        .get(0)
                        .path("ratingSpread")
                        .asInt())
                .isEqualTo(3);
        // a score outside the rubric is refused
        assertThat(expect(
                                400,
                                "PUT",
                                "/analyses/" + analysis + "/reviews/me",
                                "{\"rating\":2,\"sessionId\":\"" + session + "\",\"scores\":{\"dialogue\":2}}",
                                ada.token())
                        .code())
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void aConflictDeclaredAfterAssignmentMovesTheScriptToAnotherReader() {
        var readers = List.of(addReader("Ada"), addReader("Ben"), addReader("Cy"));
        var one = newAnalysis("Conflict one");
        var two = newAnalysis("Conflict two");
        var ids = readers.stream().map(r -> "\"" + r.id() + "\"").toList();
        var session = expect(
                        200,
                        "POST",
                        "/sessions",
                        "{\"name\":\"Features\",\"analysisIds\":[\"" + one + "\",\"" + two
                                + "\"],\"readersPerScript\":1,\"blind\":false,\"readerIds\":" + ids + "}",
                        ownerToken())
                .data()
                .path("sessionId")
                .asText();
        var holders = new HashMap<String, Reader>();
        for (var reader : readers) {
            for (var a : expect(200, "GET", "/sessions/" + session + "/assignments/me", null, reader.token())
                    .data()) {
                holders.put(a.path("analysisId").asText(), reader);
            }
        }
        assertThat(holders).containsOnlyKeys(one, two);
        var holder = holders.get(one);
        var queue = expect(
                        200,
                        "PUT",
                        "/sessions/" + session + "/conflicts/me",
                        "{\"analysisIds\":[\"" + one + "\"]}",
                        holder.token())
                .data();
        assertThat(queue.findValuesAsText("analysisId")).doesNotContain(one);
        var progress =
                expect(200, "GET", "/sessions/" + session, null, ownerToken()).data();
        for (var script : progress.path("scripts")) {
            if (script.path("analysisId").asText().equals(one)) {
                assertThat(script.path("readerIds")).hasSize(1);
                assertThat(script.path("readerIds").get(0).asText()).isNotEqualTo(holder.id());
            }
        }
        var csv = call("GET", "/sessions/" + session + "/export.csv", null, ownerToken());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-type")).startsWith("text/csv");
        assertThat(expect(
                                403,
                                "POST",
                                "/sessions",
                                "{\"name\":\"x\",\"analysisIds\":[\"" + one + "\"],\"readersPerScript\":1}",
                                holder.token())
                        .code())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void aSessionWithTooFewReadersIsRefusedClearly() {
        var ada = addReader("Ada");
        var analysis = newAnalysis("Lonely");
        var answer = expect(
                400,
                "POST",
                "/sessions",
                "{\"name\":\"Big\",\"analysisIds\":[\"" + analysis + "\"],\"readersPerScript\":3,\"readerIds\":[\""
                        + ada.id() + "\"]}",
                ownerToken());
        assertThat(answer.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(answer.json().path("error").path("message").asText()).contains("3 readers per script");
    }

    @Test
    void aLeadReadsTheScriptsOnePageAtATimeWhileTheReadersStayWhole() {
        var ada = addReader("Ada");
        var ids = List.of(newAnalysis("Paged one"), newAnalysis("Paged two"), newAnalysis("Paged three"));
        var session = expect(
                        200,
                        "POST",
                        "/sessions",
                        "{\"name\":\"Paged\",\"analysisIds\":[\"" + String.join("\",\"", ids)
                                + "\"],\"readersPerScript\":1,\"blind\":false,\"readerIds\":[\"" + ada.id() + "\"]}",
                        ownerToken())
                .data()
                .path("sessionId")
                .asText();
        expect(200, "PUT", "/analyses/" + ids.get(2) + "/reviews/me", review(4, "ACCEPT", session), ada.token());

        var first = expect(200, "GET", "/sessions/" + session + "?limit=2", null, ownerToken())
                .data();
        assertThat(first.path("scripts").findValuesAsText("analysisId")).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.path("readers").get(0).path("assigned").asInt()).isEqualTo(3);
        assertThat(first.path("readers").get(0).path("reviewed").asInt()).isEqualTo(1);
        assertThat(first.path("nextCursor").isTextual()).isTrue();

        var second = expect(
                        200,
                        "GET",
                        "/sessions/" + session + "?limit=2&cursor="
                                + first.path("nextCursor").asText(),
                        null,
                        ownerToken())
                .data();
        assertThat(second.path("scripts").findValuesAsText("analysisId")).containsExactly(ids.get(2));
        assertThat(second.path("scripts").get(0).path("aggregate").path("count").asInt())
                .isEqualTo(1);
        assertThat(second.path("readers").get(0).path("reviewed").asInt()).isEqualTo(1);
        assertThat(second.path("nextCursor").isNull()).isTrue();

        var whole =
                expect(200, "GET", "/sessions/" + session, null, ownerToken()).data();
        assertThat(whole.path("scripts")).hasSize(3);
        assertThat(whole.path("nextCursor").isNull()).isTrue();

        assertThat(expect(400, "GET", "/sessions/" + session + "?limit=0", null, ownerToken())
                        .code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(expect(400, "GET", "/sessions/" + session + "?cursor=somewhere", null, ownerToken())
                        .code())
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void thePreflightAllowsPutAndDelete() {
        var answer = call("OPTIONS", "/members", null, null);
        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.headers().get("access-control-allow-methods"))
                .contains("PUT")
                .contains("DELETE");
    }
}

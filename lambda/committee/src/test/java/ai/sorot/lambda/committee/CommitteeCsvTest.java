package ai.sorot.lambda.committee;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.Review;
import ai.sorot.model.committee.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitteeCsvTest {

    private static Review review(String analysis, String member, int rating, CommitteeVerdict verdict) {
        return new Review(analysis, member, member, rating, verdict, null, false, "s", null, 1, Instant.EPOCH);
    }

    @Test
    void eachReadersRatingAndTheAggregateAreColumnsOfTheScriptsRow() {
        var session = new StoredSession(
                new Session("s", "Shorts", Instant.EPOCH, "owner", 2, false, List.of(), List.of("a1", "a2")),
                List.of("m1", "m2", "m3"));
        var assignments = List.of(
                new Assignment("s", "a1", "=HYPERLINK(\"x\")", "m1", 12, false),
                new Assignment("s", "a1", "=HYPERLINK(\"x\")", "m2", 12, false),
                new Assignment("s", "a2", "Quiet", "m2", 90, false),
                new Assignment("s", "a2", "Quiet", "m3", 90, false));
        var csv = CommitteeCsv.write(
                session,
                assignments,
                List.of(
                        review("a1", "m1", 2, CommitteeVerdict.DECLINE),
                        review("a1", "m2", 5, CommitteeVerdict.ACCEPT),
                        review("a2", "m3", 4, CommitteeVerdict.MAYBE)),
                Map.of("m1", "Ada", "m2", "Ben", "m3", "Cy"));
        var lines = csv.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("analysis_id,title,pages,\"Ada (m1) rating\",\"Ada (m1) verdict\",\"Ben (m2) rating\","
                        + "\"Ben (m2) verdict\",\"Cy (m3) rating\",\"Cy (m3) verdict\",reviews,mean_rating,rating_spread,rating_std_dev,"
                        + "accept,maybe,decline");
        // the title a spreadsheet would run is neutralised
        assertThat(lines.get(1)).isEqualTo("a1,\"'=HYPERLINK(\"\"x\"\")\",12,2,DECLINE,5,ACCEPT,,,2,3.50,3,1.50,1,0,1");
        assertThat(lines.get(2)).isEqualTo("a2,Quiet,90,,,,,4,MAYBE,1,4.00,0,0.00,0,1,0");
    }
}

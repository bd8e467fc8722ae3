package ai.sorot.lambda.committee;

import ai.sorot.lambda.library.CsvCells;
import ai.sorot.model.committee.Assignment;
import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.Review;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A committee session as the spreadsheet the leads discuss: one row per script, each reader's
 * rating and verdict in their own columns (empty where they were not assigned or have not
 * reviewed), then the aggregate: count, mean, spread, standard deviation and verdict counts.
 * Text cells a spreadsheet would run as a formula are neutralised as the library's exports do.
 */
public final class CommitteeCsv {

    private CommitteeCsv() {}

    public static String write(
            StoredSession stored, List<Assignment> assignments, List<Review> reviews, Map<String, String> names) {
        var readers = new LinkedHashSet<>(stored.readerIds());
        assignments.forEach(a -> readers.add(a.memberId()));
        reviews.forEach(r -> readers.add(r.memberId()));
        var columns = new ArrayList<>(List.of("analysis_id", "title", "pages"));
        var readerColumn = new LinkedHashMap<String, String>();
        for (var reader : readers) {
            var label = names.getOrDefault(reader, reader) + " (" + reader + ")";
            readerColumn.put(reader, label);
            columns.add(label + " rating");
            columns.add(label + " verdict");
        }
        columns.addAll(
                List.of("reviews", "mean_rating", "rating_spread", "rating_std_dev", "accept", "maybe", "decline"));
        var byScript = assignments.stream().collect(Collectors.groupingBy(Assignment::analysisId));
        var reviewsByScript = reviews.stream().collect(Collectors.groupingBy(Review::analysisId));
        var rows = new ArrayList<Map<String, Object>>();
        for (var id : stored.session().analysisIds()) {
            var its = byScript.getOrDefault(id, List.of());
            var theirs = reviewsByScript.getOrDefault(id, List.of());
            var row = new LinkedHashMap<String, Object>();
            row.put("analysis_id", id);
            row.put(
                    "title",
                    CsvCells.neutralise(
                            its.isEmpty()
                                    ? ""
                                    : its.get(0).title() == null
                                            ? ""
                                            : its.get(0).title()));
            row.put("pages", its.isEmpty() ? "" : its.get(0).pages());
            for (var reader : readers) {
                var review =
                        theirs.stream().filter(r -> r.memberId().equals(reader)).findFirst();
                row.put(
                        readerColumn.get(reader) + " rating",
                        review.map(Review::rating).map(Object.class::cast).orElse(""));
                row.put(
                        readerColumn.get(reader) + " verdict",
                        review.map(Review::verdict).map(Enum::name).orElse(""));
            }
            var aggregate = ReviewAggregates.of(theirs);
            row.put("reviews", aggregate.count());
            row.put(
                    "mean_rating",
                    aggregate.meanRating() == null
                            ? ""
                            : String.format(java.util.Locale.ROOT, "%.2f", aggregate.meanRating()));
            row.put("rating_spread", aggregate.ratingSpread() == null ? "" : aggregate.ratingSpread());
            row.put(
                    "rating_std_dev",
                    aggregate.ratingStdDev() == null
                            ? ""
                            : String.format(java.util.Locale.ROOT, "%.2f", aggregate.ratingStdDev()));
            row.put("accept", aggregate.verdictCounts().get(CommitteeVerdict.ACCEPT));
            row.put("maybe", aggregate.verdictCounts().get(CommitteeVerdict.MAYBE));
            row.put("decline", aggregate.verdictCounts().get(CommitteeVerdict.DECLINE));
            rows.add(row);
        }
        var schema = CsvSchema.builder();
        columns.forEach(c -> schema.addColumn(CsvCells.neutralise(c).toString()));
        var neutralised = rows.stream()
                .map(row -> {
                    var out = new LinkedHashMap<String, Object>();
                    row.forEach((k, v) -> out.put(CsvCells.neutralise(k).toString(), v));
                    return out;
                })
                .toList();
        try {
            return new CsvMapper().writer(schema.build().withHeader()).writeValueAsString(neutralised);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

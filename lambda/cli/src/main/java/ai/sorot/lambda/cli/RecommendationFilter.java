package ai.sorot.lambda.cli;

import ai.sorot.lambda.library.LibraryQuery;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The library commands' {@code --recommendation} values: a model's verdicts, and "not judged" (no model read it). */
final class RecommendationFilter {

    private static final Set<String> VERDICTS = Set.of("RECOMMEND", "CONSIDER", "PASS");

    private RecommendationFilter() {}

    static Set<String> parse(List<String> values) {
        var out = new LinkedHashSet<String>();
        if (values == null) {
            return out;
        }
        for (var value : values) {
            var v = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            if (v.isEmpty()) {
                continue;
            }
            if (v.equals(LibraryQuery.NOT_JUDGED) || VERDICTS.contains(v)) {
                out.add(v);
            } else {
                throw new SorotException(
                        ErrorCode.INVALID_PARAMETER,
                        "--recommendation takes recommend, consider, pass " + "or not-judged, not: "
                                + TerminalText.clip(value, 40) + ".");
            }
        }
        return out;
    }
}

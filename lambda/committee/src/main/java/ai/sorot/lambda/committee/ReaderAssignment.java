package ai.sorot.lambda.committee;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.committee.Assignment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who reads what in a session. Each script gets {@code readersPerScript} different readers; a
 * reader's load is counted in pages (a feature is not a short), and each script, longest first,
 * goes to the least-loaded readers who have not declared a conflict with it: the greedy "longest
 * processing time first" rule, which keeps the heaviest load within a third of the best possible.
 * A script of unknown length counts as one page.
 */
public final class ReaderAssignment {

    /** One script to assign: its id, its title, its length in pages (0 when unknown). */
    public record Script(String analysisId, String title, int pages) {}

    /** What a conflict declared after assignment changes: the assignments taken away and given. */
    public record Move(List<Assignment> removed, List<Assignment> added) {

        public boolean isEmpty() {
            return removed.isEmpty();
        }
    }

    private ReaderAssignment() {}

    public static List<Assignment> assign(
            String sessionId,
            List<Script> scripts,
            List<String> readerIds,
            int readersPerScript,
            Map<String, Set<String>> conflicts) {
        if (readersPerScript < 1) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER, "readersPerScript must be at least 1, not " + readersPerScript + ".");
        }
        if (readerIds.size() < readersPerScript) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER,
                    "The session asks for " + readersPerScript
                            + " readers per script but the committee has " + readerIds.size() + " active reader"
                            + (readerIds.size() == 1 ? "" : "s") + "; add readers or ask for fewer per script.");
        }
        var loads = new Loads(readerIds);
        var ordered = new ArrayList<>(scripts);
        ordered.sort(Comparator.comparingInt((Script s) -> weight(s.pages()))
                .reversed()
                .thenComparing(Script::analysisId));
        var result = new ArrayList<Assignment>();
        for (var script : ordered) {
            var chosen =
                    loads.leastLoaded(readersPerScript, reader -> !conflicted(conflicts, reader, script.analysisId()));
            if (chosen.size() < readersPerScript) {
                throw notEnough(script.analysisId(), script.title(), readersPerScript, chosen.size());
            }
            for (var reader : chosen) {
                loads.add(reader, script.pages());
                result.add(
                        new Assignment(sessionId, script.analysisId(), script.title(), reader, script.pages(), false));
            }
        }
        result.sort(Comparator.comparing(Assignment::analysisId).thenComparing(Assignment::memberId));
        return result;
    }

    /**
     * Moves every assignment that now meets a declared conflict to another reader of the session:
     * the least-loaded one who neither reads that script already nor declared a conflict with it.
     */
    public static Move reassign(List<Assignment> current, List<String> readerIds, Map<String, Set<String>> conflicts) {
        var loads = new Loads(readerIds);
        var readersOf = new HashMap<String, Set<String>>();
        for (var a : current) {
            loads.add(a.memberId(), a.pages());
            readersOf.computeIfAbsent(a.analysisId(), k -> new HashSet<>()).add(a.memberId());
        }
        var removed = new ArrayList<Assignment>();
        var added = new ArrayList<Assignment>();
        for (var a : current) {
            if (!conflicted(conflicts, a.memberId(), a.analysisId())) {
                continue;
            }
            var taken = readersOf.get(a.analysisId());
            var next = loads.leastLoaded(
                    1, reader -> !taken.contains(reader) && !conflicted(conflicts, reader, a.analysisId()));
            if (next.isEmpty()) {
                throw notEnough(a.analysisId(), a.title(), taken.size(), taken.size() - 1);
            }
            var to = next.get(0);
            loads.remove(a.memberId(), a.pages());
            loads.add(to, a.pages());
            taken.remove(a.memberId());
            taken.add(to);
            removed.add(a);
            added.add(new Assignment(a.sessionId(), a.analysisId(), a.title(), to, a.pages(), false));
        }
        return new Move(removed, added);
    }

    private static boolean conflicted(Map<String, Set<String>> conflicts, String reader, String analysisId) {
        var declared = conflicts.get(reader);
        return declared != null && declared.contains(analysisId);
    }

    private static int weight(int pages) {
        return Math.max(1, pages);
    }

    private static SorotException notEnough(String analysisId, String title, int wanted, int available) {
        return new SorotException(
                ErrorCode.INVALID_PARAMETER,
                "Not enough readers for '" + (title == null ? analysisId : title)
                        + "' (" + analysisId + "): it needs " + wanted + " and only " + available
                        + " reader(s) have declared no conflict with it; add readers or ask for fewer per script.");
    }

    /** Each reader's load in pages (and scripts, to break ties), in the session's reader order. */
    private static final class Loads {
        private final Map<String, long[]> byReader = new LinkedHashMap<>();

        Loads(List<String> readerIds) {
            readerIds.forEach(r -> byReader.put(r, new long[2]));
        }

        void add(String reader, int pages) {
            var load = byReader.get(reader);
            if (load != null) {
                load[0] += weight(pages);
                load[1]++;
            }
        }

        void remove(String reader, int pages) {
            var load = byReader.get(reader);
            if (load != null) {
                load[0] -= weight(pages);
                load[1]--;
            }
        }

        List<String> leastLoaded(int count, java.util.function.Predicate<String> eligible) {
            return byReader.entrySet().stream()
                    .filter(e -> eligible.test(e.getKey()))
                    .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[0])
                            .thenComparingLong(e -> e.getValue()[1]))
                    .limit(count)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }
}

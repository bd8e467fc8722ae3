package ai.sorot.lambda.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.lambda.committee.ReaderAssignment.Script;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.committee.Assignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReaderAssignmentTest {

    private static final List<String> READERS = List.of("ada", "ben", "cy", "di");

    private static Map<String, Integer> pagesByReader(List<Assignment> assignments) {
        return assignments.stream()
                .collect(Collectors.groupingBy(Assignment::memberId, Collectors.summingInt(Assignment::pages)));
    }

    @Test
    void eachScriptGetsTheAskedNumberOfDifferentReaders() {
        var scripts = new ArrayList<Script>();
        for (int i = 0; i < 30; i++) {
            scripts.add(new Script("a" + i, "T" + i, 10 + i * 3));
        }
        var assignments = ReaderAssignment.assign("s", scripts, READERS, 3, Map.of());
        assertThat(assignments).hasSize(90);
        var readersPerScript = assignments.stream()
                .collect(Collectors.groupingBy(
                        Assignment::analysisId, Collectors.mapping(Assignment::memberId, Collectors.toSet())));
        assertThat(readersPerScript.values())
                .allSatisfy(readers -> assertThat(readers).hasSize(3));
    }

    @Test
    void loadsAreBalancedInPagesNotInScripts() {
        // one feature and many shorts: counting scripts would give the feature's reader the same number
        var scripts = new ArrayList<Script>();
        scripts.add(new Script("feature", "Feature", 120));
        for (int i = 0; i < 12; i++) {
            scripts.add(new Script("short" + i, "Short " + i, 10));
        }
        var pages = pagesByReader(ReaderAssignment.assign("s", scripts, List.of("ada", "ben"), 1, Map.of()));
        assertThat(pages.values()).containsExactlyInAnyOrder(120, 120);
    }

    @Test
    void theHeaviestLoadStaysCloseToTheLightest() {
        var scripts = new ArrayList<Script>();
        for (int i = 0; i < 200; i++) {
            scripts.add(new Script("a" + i, null, 5 + (i * 37) % 115));
        }
        var pages = pagesByReader(ReaderAssignment.assign("s", scripts, READERS, 2, Map.of()));
        int max = pages.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = pages.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(119); // within one script's length
    }

    @Test
    void aReaderNeverGetsAScriptTheyDeclaredAConflictWith() {
        var scripts = List.of(new Script("a1", "One", 100), new Script("a2", "Two", 90), new Script("a3", "Three", 80));
        var conflicts = Map.of("ada", Set.of("a1", "a2"), "ben", Set.of("a3"));
        var assignments = ReaderAssignment.assign("s", scripts, READERS, 2, conflicts);
        assertThat(assignments)
                .noneMatch(a -> conflicts.getOrDefault(a.memberId(), Set.of()).contains(a.analysisId()));
        assertThat(assignments).hasSize(6);
    }

    @Test
    void tooFewReadersIsAClearError() {
        var scripts = List.of(new Script("a1", "One", 100));
        assertThatThrownBy(() -> ReaderAssignment.assign("s", scripts, List.of("ada", "ben"), 3, Map.of()))
                .isInstanceOf(SorotException.class)
                .hasMessageContaining("3 readers per script")
                .hasMessageContaining("2 active readers")
                .extracting(e -> ((SorotException) e).code())
                .isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThatThrownBy(() ->
                        ReaderAssignment.assign("s", scripts, List.of("ada", "ben"), 2, Map.of("ada", Set.of("a1"))))
                .isInstanceOf(SorotException.class)
                .hasMessageContaining("'One'")
                .hasMessageContaining("conflict");
    }

    @Test
    void aConflictDeclaredAfterAssignmentMovesTheScriptToAnotherReader() {
        var scripts = List.of(new Script("a1", "One", 100), new Script("a2", "Two", 20), new Script("a3", "Three", 20));
        var assignments = ReaderAssignment.assign("s", scripts, List.of("ada", "ben", "cy"), 2, Map.of());
        var adaHas = assignments.stream()
                .filter(a -> a.memberId().equals("ada"))
                .map(Assignment::analysisId)
                .findFirst()
                .orElseThrow();

        var move = ReaderAssignment.reassign(assignments, List.of("ada", "ben", "cy"), Map.of("ada", Set.of(adaHas)));
        assertThat(move.removed()).singleElement().satisfies(a -> {
            assertThat(a.memberId()).isEqualTo("ada");
            assertThat(a.analysisId()).isEqualTo(adaHas);
        });
        assertThat(move.added()).singleElement().satisfies(a -> {
            assertThat(a.memberId()).isNotEqualTo("ada");
            assertThat(a.analysisId()).isEqualTo(adaHas);
        });
        var after = new ArrayList<>(assignments);
        after.removeAll(move.removed());
        after.addAll(move.added());
        var readers = new HashMap<String, Set<String>>();
        after.forEach(a ->
                readers.computeIfAbsent(a.analysisId(), k -> new HashSet<>()).add(a.memberId()));
        assertThat(readers.values()).allSatisfy(r -> assertThat(r).hasSize(2));
        assertThat(ReaderAssignment.reassign(after, List.of("ada", "ben", "cy"), Map.of("ada", Set.of(adaHas)))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void aConflictWithNoReaderLeftToTakeTheScriptIsAClearError() {
        var assignments =
                ReaderAssignment.assign("s", List.of(new Script("a1", "One", 100)), List.of("ada", "ben"), 2, Map.of());
        assertThatThrownBy(() ->
                        ReaderAssignment.reassign(assignments, List.of("ada", "ben"), Map.of("ben", Set.of("a1"))))
                .isInstanceOf(SorotException.class)
                .hasMessageContaining("Not enough readers for 'One'");
    }
}

package ai.sorot.lambda.library;

import java.util.Optional;

/** Where an analysis's model score ranks, in the library or in a session. */
final class LibraryRanks {

    private final Library library;

    LibraryRanks(Library library) {
        this.library = library;
    }

    /** The analysis's AI score ranked within the whole library. */
    Optional<Percentile> percentileInLibrary(String id) {
        return percentile(
                id,
                "SELECT count(*) FROM analyses WHERE ai_score IS NOT NULL",
                "SELECT count(*) FROM analyses WHERE ai_score > ?",
                null);
    }

    /** The analysis's AI score ranked within a session. */
    Optional<Percentile> percentileInSession(String id, long sessionId) {
        return percentile(
                id,
                "SELECT count(*) FROM analyses a JOIN session_items si ON si.analysis_id = a.id AND si.session_id = ?"
                        + " WHERE a.ai_score IS NOT NULL",
                "SELECT count(*) FROM analyses a JOIN session_items si ON si.analysis_id = a.id AND si.session_id = ?"
                        + " WHERE a.ai_score > ?",
                sessionId);
    }

    Optional<Percentile> percentile(String id, String totalSql, String aboveSql, Long sessionId) {
        Double score = library.query(
                "SELECT ai_score FROM analyses WHERE id = ?",
                st -> st.setString(1, id),
                rs -> rs.next() && rs.getObject(1) != null ? rs.getDouble(1) : null);
        if (score == null) {
            return Optional.empty();
        }
        int total = library.query(
                totalSql,
                st -> {
                    if (sessionId != null) {
                        st.setLong(1, sessionId);
                    }
                },
                rs -> rs.getInt(1));
        int above = library.query(
                aboveSql,
                st -> {
                    int i = 1;
                    if (sessionId != null) {
                        st.setLong(i++, sessionId);
                    }
                    st.setDouble(i, score);
                },
                rs -> rs.getInt(1));
        return total == 0 ? Optional.empty() : Optional.of(Percentile.of(above + 1, total));
    }
}

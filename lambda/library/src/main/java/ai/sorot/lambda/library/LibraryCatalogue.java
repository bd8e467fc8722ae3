package ai.sorot.lambda.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Finding analyses in the library: the filtered, sorted, paged list and its count, with each row's review and tags. */
final class LibraryCatalogue {

    private final Library library;

    LibraryCatalogue(Library library) {
        this.library = library;
    }

    int count(LibraryQuery query) {
        var sql = new StringBuilder("SELECT count(*) FROM analyses a LEFT JOIN reviews r ON r.analysis_id = a.id");
        var filter = LibraryFilters.of(query, null, List.of());
        sql.append(filter.sql());
        return library.query(sql.toString(), st -> LibrarySql.bind(st, filter.params()), rs -> rs.getInt(1));
    }

    List<LibraryEntry> search(LibraryQuery query, String extraWhere, List<Object> extraParams) {
        var sql = new StringBuilder("""
                SELECT a.id, a.title, a.authors, a.file_name, a.logline, a.genres, a.recommendation, a.ai_score,
                  a.pages, a.runtime, a.scenes, a.analysers, a.saved_at, a.has_audio, a.checks,
                  r.rating, r.verdict, r.notes, r.shortlisted,
                  (SELECT group_concat(tag, char(31)) FROM tags t WHERE t.analysis_id = a.id) AS tag_list""");
        boolean fullText = LibraryFilters.hasText(query);
        sql.append(fullText ? ", bm25(search) AS rank" : ", 0 AS rank");
        sql.append(" FROM analyses a LEFT JOIN reviews r ON r.analysis_id = a.id");
        var filter = LibraryFilters.of(query, extraWhere, extraParams);
        sql.append(filter.sql());
        var params = filter.params();
        var sort = query.sort() == LibraryQuery.Sort.RELEVANCE && !fullText ? LibraryQuery.Sort.SAVED : query.sort();
        boolean desc = sort == LibraryQuery.Sort.RELEVANCE ? false : query.descending();
        sql.append(" ORDER BY ")
                .append(sort.sql)
                .append(desc ? " DESC" : " ASC")
                .append(" NULLS LAST, a.rowid DESC");
        sql.append(" LIMIT ? OFFSET ?");
        params.add(query.limit());
        params.add(query.offset());
        return library.query(sql.toString(), st -> LibrarySql.bind(st, params), rs -> {
            var entries = new ArrayList<LibraryEntry>();
            while (rs.next()) {
                entries.add(entry(rs));
            }
            return entries;
        });
    }

    private static LibraryEntry entry(ResultSet rs) throws SQLException {
        String verdict = rs.getString("verdict");
        String tagList = rs.getString("tag_list");
        return new LibraryEntry(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("authors"),
                rs.getString("file_name"),
                rs.getString("logline"),
                rs.getString("genres"),
                rs.getString("recommendation"),
                (Double) rs.getObject("ai_score") == null ? null : rs.getDouble("ai_score"),
                rs.getObject("pages") == null ? null : rs.getInt("pages"),
                rs.getObject("runtime") == null ? null : rs.getDouble("runtime"),
                rs.getObject("scenes") == null ? null : rs.getInt("scenes"),
                rs.getString("analysers"),
                Instant.parse(rs.getString("saved_at")),
                rs.getInt("has_audio") == 1,
                rs.getObject("rating") == null ? null : rs.getInt("rating"),
                verdict == null ? null : CuratorVerdict.valueOf(verdict),
                rs.getString("notes") == null ? "" : rs.getString("notes"),
                rs.getInt("shortlisted") == 1,
                tagList == null
                        ? List.of()
                        : Arrays.stream(tagList.split("\u001f")).sorted().toList(),
                rs.getString("checks") == null || rs.getString("checks").isBlank()
                        ? List.of()
                        : List.of(rs.getString("checks").split(" ")));
    }
}

package ai.sorot.lambda.library;

import java.util.ArrayList;
import java.util.List;

/**
 * The joins and WHERE conditions of a query, each written together with its own parameters, so
 * the parameters are bound in the order their placeholders appear in the SQL: joins first, then
 * conditions. (Binding a full-text MATCH before a join's session id, the other way round from the
 * SQL, once made every search inside a session find nothing.)
 */
final class SqlFilter {

    /** A piece of SQL and the values of its placeholders, in order. */
    record Clause(String sql, List<Object> params) {

        Clause {
            long placeholders = sql.chars().filter(c -> c == '?').count();
            if (placeholders != params.size()) {
                throw new IllegalArgumentException(
                        placeholders + " placeholders but " + params.size() + " values: " + sql);
            }
            params = List.copyOf(params);
        }
    }

    private final List<Clause> joins = new ArrayList<>();
    private final List<Clause> conditions = new ArrayList<>();

    SqlFilter join(String sql, Object... params) {
        joins.add(new Clause(sql, List.of(params)));
        return this;
    }

    SqlFilter where(String sql, Object... params) {
        return where(sql, List.of(params));
    }

    SqlFilter where(String sql, java.util.Collection<?> params) {
        conditions.add(new Clause(sql, new ArrayList<>(params)));
        return this;
    }

    /** The joins, then {@code WHERE} and the conditions joined by {@code AND} (nothing when there are none). */
    String sql() {
        var sql = new StringBuilder();
        for (var join : joins) {
            sql.append(' ').append(join.sql());
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ")
                    .append(String.join(
                            " AND ", conditions.stream().map(Clause::sql).toList()));
        }
        return sql.toString();
    }

    /** The values in the order of {@link #sql()}'s placeholders. */
    List<Object> params() {
        var params = new ArrayList<Object>();
        joins.forEach(j -> params.addAll(j.params()));
        conditions.forEach(c -> params.addAll(c.params()));
        return params;
    }
}

package ai.sorot.lambda.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A prepared statement bound in one call, by position, with the types Sorot stores: text, whole
 * numbers, decimals, booleans (0/1), instants (epoch milliseconds), enums (their names) and
 * nulls. So a 17-column insert is one {@code bind(...)} in column order instead of 17 numbered
 * setter calls.
 */
public final class Statement {

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final PreparedStatement st;

    Statement(PreparedStatement st) {
        this.st = st;
    }

    /** Binds the values to the parameters 1..n, in order. */
    public Statement bind(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            set(i + 1, values[i]);
        }
        return this;
    }

    /** Binds a list of values from parameter 1 on (an {@code IN (?, ?, ...)} list). */
    public Statement bindAll(List<?> values) throws SQLException {
        return bind(values.toArray());
    }

    private void set(int index, Object value) throws SQLException {
        switch (value) {
            case null -> st.setNull(index, Types.NULL);
            case String s -> st.setString(index, s);
            case Integer n -> st.setInt(index, n);
            case Long n -> st.setLong(index, n);
            case Double d -> st.setDouble(index, d);
            case Float f -> st.setDouble(index, f);
            case Boolean b -> st.setInt(index, b ? 1 : 0);
            case Instant t -> st.setLong(index, t.toEpochMilli());
            case Enum<?> e -> st.setString(index, e.name());
            case byte[] bytes -> st.setBytes(index, bytes);
            default ->
                throw new IllegalArgumentException(
                        "no SQLite binding for " + value.getClass().getName());
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
    public int update() throws SQLException {
        return st.executeUpdate();
    }

    /** Queues this binding for {@link #runBatch()}. */
    public void addBatch() throws SQLException {
        st.addBatch();
    }

    public int[] runBatch() throws SQLException {
        return st.executeBatch();
    }

    public <T> List<T> list(RowMapper<T> mapper) throws SQLException {
        var out = new ArrayList<T>();
        try (var rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
        }
        return out;
    }

    public <T> Optional<T> first(RowMapper<T> mapper) throws SQLException {
        try (var rs = st.executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
        }
    }

    void clear() throws SQLException {
        st.clearParameters();
    }

    void close() throws SQLException {
        st.close();
    }
}

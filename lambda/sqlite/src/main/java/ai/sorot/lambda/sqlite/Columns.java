package ai.sorot.lambda.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reading the nullable columns Sorot writes through {@link Statement#bind}. */
public final class Columns {

    private Columns() {}

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    public static Double decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    public static Long whole(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Boolean flag(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value == 1;
    }

    public static <E extends Enum<E>> E enumOf(ResultSet rs, String column, Class<E> type) throws SQLException {
        var name = rs.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}

package ai.sorot.lambda.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A connection with its statements, each prepared once and reused with fresh parameters. */
public final class SqliteConnection {

    private final Connection connection;
    private final Map<String, Statement> statements = new HashMap<>();

    SqliteConnection(Connection connection) {
        this.connection = connection;
    }

    /** The statement for this SQL, its parameters cleared. */
    public Statement sql(String sql) throws SQLException {
        var st = statements.get(sql);
        if (st == null) {
            st = new Statement(connection.prepareStatement(sql));
            statements.put(sql, st);
        } else {
            st.clear();
        }
        return st;
    }

    Connection connection() {
        return connection;
    }

    void close() {
        try {
            for (var st : statements.values()) {
                st.close();
            }
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing left to save
        }
    }
}

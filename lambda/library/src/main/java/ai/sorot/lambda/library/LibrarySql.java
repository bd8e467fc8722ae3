package ai.sorot.lambda.library;

import ai.sorot.lambda.files.DiskFull;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The library's one SQLite connection and the three things done with it: run work in a
 * transaction (nested work joins the outer one), update with parameters in order, and query
 * through a binder and a reader. Failures become {@code INTERNAL} ("Library error"), or
 * {@code DISK_FULL} when the disk is full. The {@link Library} serialises calls.
 */
final class LibrarySql {

    private final Connection connection;

    LibrarySql(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    static void bind(PreparedStatement st, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            st.setObject(i + 1, params.get(i));
        }
    }

    interface SqlWork {
        void run() throws SQLException;
    }

    interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    void inTransaction(SqlWork work) {
        try {
            boolean outer = connection.getAutoCommit();
            if (!outer) {
                work.run(); // already inside one
                return;
            }
            connection.setAutoCommit(false);
            Exception failed = null;
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                failed = e;
                try {
                    connection.rollback();
                } catch (SQLException alreadyRolledBack) {
                    // a commit that fails on a full disk is rolled back by SQLite itself: keep the real cause
                    e.addSuppressed(alreadyRolledBack);
                }
            }
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // the same: "cannot commit - no transaction is active" must not hide why the transaction ended
                if (failed == null) {
                    throw e;
                }
                failed.addSuppressed(e);
            }
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed != null) {
                throw (SQLException) failed;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    int update(String sql, Object... params) throws SQLException {
        try (var st = connection.prepareStatement(sql)) {
            bind(st, Arrays.asList(params));
            return st.executeUpdate();
        }
    }

    <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (var st = connection.prepareStatement(sql)) {
            binder.bind(st);
            try (var rs = st.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static SorotException failure(Exception e) {
        return DiskFull.or(ErrorCode.INTERNAL, "Library error", e);
    }

    void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing left to save
        }
    }
}

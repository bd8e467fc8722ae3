package ai.sorot.lambda.sqlite;

import ai.sorot.lambda.files.DiskFull;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite file opened the way Sorot's stores use it: WAL, so readers read while the writer
 * writes; one writer connection behind a lock (SQLite has one writer anyway), each write a
 * transaction committed or rolled back whole; a small pool of reader connections. Statements are
 * prepared once per connection. Failures become {@code INTERNAL} errors naming the database.
 */
public final class SqliteDatabase implements AutoCloseable {

    /** Work on one connection; a write's work runs inside its transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(SqliteConnection c) throws SQLException;
    }

    private final Path file;
    private final String name;
    private final SqliteConnection writer;
    /** Whether other processes write the file too, so the writer holds no lock between writes. */
    private final boolean shared;

    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<SqliteConnection> readers;
    private final List<SqliteConnection> all = new ArrayList<>();
    private volatile boolean closed;

    private SqliteDatabase(Path file, String name, int readerCount, Migrations migrations, boolean shared)
            throws SQLException {
        this.file = file;
        this.name = name;
        this.shared = shared;
        this.writer = connect(file, shared);
        all.add(writer);
        try {
            migrations.applyTo(writer.connection());
            this.readers = new ArrayBlockingQueue<>(readerCount);
            for (int i = 0; i < readerCount; i++) {
                var reader = connect(file, true);
                all.add(reader);
                readers.add(reader);
            }
        } catch (SQLException | RuntimeException e) {
            all.forEach(SqliteConnection::close);
            throw e;
        }
    }

    /**
     * Opens and migrates the database. {@code name} is what errors call it ("the job database").
     * SQLite creates a missing file with the umask's permissions: a caller that keeps private data
     * creates the file owner-only first.
     */
    public static SqliteDatabase open(Path file, String name, int readerCount, Migrations migrations) {
        return open(file, name, readerCount, migrations, false);
    }

    /**
     * Opens a database that another process writes too (the committee file, which {@code sorot
     * members} edits while the server runs). The driver begins the next transaction as soon as a
     * commit ends when autocommit is off, and with IMMEDIATE transactions that holds the write lock
     * between writes; so here the writer stays in autocommit and each write opens its transaction.
     */
    public static SqliteDatabase openShared(Path file, String name, int readerCount, Migrations migrations) {
        return open(file, name, readerCount, migrations, true);
    }

    private static SqliteDatabase open(Path file, String name, int readerCount, Migrations migrations, boolean shared) {
        try {
            return new SqliteDatabase(file, name, readerCount, migrations, shared);
        } catch (SQLException e) {
            throw new SorotException(ErrorCode.INTERNAL, "Cannot open " + name + " " + file + ": " + e.getMessage(), e);
        }
    }

    /** Readers for a process with this many cores: two at least, eight at most. */
    public static int defaultReaders() {
        return Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2));
    }

    public Path file() {
        return file;
    }

    private static SqliteConnection connect(Path file, boolean autoCommit) throws SQLException {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        var connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        if (!autoCommit) {
            connection.setAutoCommit(false);
        }
        return new SqliteConnection(connection);
    }

    /** Runs the work in one transaction on the writer: committed if it returns, rolled back if it throws. */
    public <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            if (shared) {
                writer.connection().setAutoCommit(false);
            }
            try {
                var result = work.run(writer);
                writer.connection().commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                if (shared) {
                    writer.connection().setAutoCommit(true); // ends the transaction the commit began
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs the work on a reader connection, waiting for one if all are busy. */
    public <T> T read(Work<T> work) {
        ensureOpen();
        SqliteConnection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SorotException(ErrorCode.INTERNAL, "Interrupted while waiting for " + name + ".");
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            readers.add(c);
        }
    }

    private SorotException failed(SQLException e) {
        return DiskFull.or(ErrorCode.INTERNAL, capitalised(name) + " failed", e);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void rollbackQuietly() {
        try {
            writer.connection().rollback();
        } catch (SQLException ignored) {
            // the original failure is the one to report
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SorotException(ErrorCode.INTERNAL, capitalised(name) + " is closed.");
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            all.forEach(SqliteConnection::close);
        } finally {
            writeLock.unlock();
        }
    }
}

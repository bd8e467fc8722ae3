package ai.sorot.lambda.local;

import ai.sorot.lambda.pipeline.JobStore;
import ai.sorot.lambda.pipeline.JobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The job store contract, on the local SQLite store. */
class SqliteJobStoreContractTest extends JobStoreContract {

    @TempDir
    Path dir;

    @Override
    protected JobStore open() {
        return SqliteJobStore.open(dir.resolve("sorot.db"));
    }
}

package ai.sorot.lambda.committee;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.committee.Member;
import ai.sorot.model.committee.Role;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committee store contract on a real SQLite file, and what only a file can show: reopening. */
class SqliteCommitteeStoreTest extends CommitteeStoreContract {

    @TempDir
    Path dir;

    @Override
    protected CommitteeStore open() {
        return SqliteCommitteeStore.open(dir.resolve("committee.db"));
    }

    @Test
    void membersSurviveReopeningAndTheSchemaVersionIsRecorded() throws Exception {
        var member = new Member("m-1", "Ada", null, Role.LEAD, null, T0, null);
        store.addMember(member, MemberTokens.hash("t"));
        store.close();
        store = open();
        assertThat(store.member("m-1")).contains(member);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("committee.db"));
                var rs = c.createStatement().executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(CommitteeSchema.MIGRATIONS.latest());
        }
    }

    @Test
    void noTokenIsStoredOnlyItsHash() throws Exception {
        var token = MemberTokens.newToken();
        store.addMember(new Member("m-2", "Ben", null, Role.READER, null, T0, null), MemberTokens.hash(token));
        store.close();
        store = open();
        var bytes = java.nio.file.Files.readAllBytes(dir.resolve("committee.db"));
        var wal = dir.resolve("committee.db-wal");
        var all = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                + (java.nio.file.Files.exists(wal)
                        ? java.nio.file.Files.readString(wal, java.nio.charset.StandardCharsets.ISO_8859_1)
                        : "");
        assertThat(all)
                .doesNotContain(token.substring(MemberTokens.PREFIX.length()))
                .contains(MemberTokens.hash(token));
    }

    @Test
    void anotherConnectionWritesBetweenTheStoresWrites() throws Exception {
        // 'sorot members' opens the file while the server holds it: no write lock may outlive a write
        store.addMember(new Member("m-3", "Cy", null, Role.READER, null, T0, null), MemberTokens.hash("a"));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("committee.db"));
                var st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 500");
            st.executeUpdate("INSERT INTO members (member_id, name, role, created_at, token_hash) "
                    + "VALUES ('m-4', 'Di', 'READER', '" + T0 + "', '" + MemberTokens.hash("b") + "')");
        }
        assertThat(store.revoke("m-3", T0)).isTrue();
        assertThat(store.member("m-4")).map(Member::name).contains("Di");
    }
}

package ai.sorot.lambda.cli;

import ai.sorot.lambda.committee.CommitteeMembers;
import ai.sorot.lambda.committee.SqliteCommitteeStore;
import ai.sorot.lambda.files.OwnerOnly;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.committee.NewMember;
import ai.sorot.model.committee.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sorot members ...}: the committee of the server in this Sorot home, for its owner. It
 * acts on the committee's SQLite file directly (a running {@code sorot serve} sees the change at
 * once), so it needs no token: whoever can read the home is its owner.
 */
@Command(
        name = "members",
        mixinStandardHelpOptions = true,
        description = "Add, list and revoke the screening committee's members of the local server.",
        subcommands = {MembersCommand.Add.class, MembersCommand.ListMembers.class, MembersCommand.Revoke.class})
final class MembersCommand {

    /** Which home: {@code --home DIR}, else {@code $SOROT_HOME}, else {@code ~/.sorot}. */
    static final class Home {
        @Option(
                names = "--home",
                paramLabel = "DIR",
                description = "The Sorot home (default: $SOROT_HOME, else ~/.sorot)")
        Path folder;

        SqliteCommitteeStore open() {
            var home = (folder != null ? new SorotHome(folder) : SorotHome.fromEnvironment()).ensureExists();
            try {
                OwnerOnly.createFileIfMissing(home.committeeDatabase());
            } catch (IOException e) {
                throw new SorotException(
                        ErrorCode.INTERNAL, "Cannot create " + home.committeeDatabase() + ": " + e.getMessage(), e);
            }
            return SqliteCommitteeStore.open(home.committeeDatabase());
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a member and print their token (shown this once; only its hash is kept).")
    static final class Add implements Callable<Integer> {
        @Mixin
        Home home;

        @Parameters(paramLabel = "NAME", description = "The member's name")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "lead or reader")
        Role role;

        @Option(names = "--email", paramLabel = "EMAIL")
        String email;

        @Option(
                names = "--subject",
                paramLabel = "SUB",
                description = "The sign-in subject (JWT 'sub') that acts as this member")
        String subject;

        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (var store = home.open()) {
                var created = CommitteeMembers.add(store, new NewMember(name, email, role, subject), Instant.now());
                var out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.mapper().writeValueAsString(created));
                } else {
                    out.println("Added " + TerminalText.clip(created.name(), 80) + " ("
                            + created.role().json() + "), member id " + created.memberId() + ".");
                    out.println(
                            "Token (shown once; hand it to the member, who sends it as 'Authorization: Bearer ...'):");
                    out.println(created.token());
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the members, revoked ones marked.")
    static final class ListMembers implements Callable<Integer> {
        @Mixin
        Home home;

        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (var store = home.open()) {
                var members = store.members();
                var out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(members));
                } else if (members.isEmpty()) {
                    out.println("No members yet: add one with 'sorot members add NAME --role reader'.");
                } else {
                    out.printf("%-24s %-7s %-8s %s%n", "MEMBER", "ROLE", "STATE", "NAME");
                    for (var m : members) {
                        out.printf(
                                "%-24s %-7s %-8s %s%n",
                                m.memberId(),
                                m.role().json(),
                                m.revoked() ? "revoked" : "active",
                                TerminalText.clip(m.name(), 60));
                    }
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a member: their token is refused from now on.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        Home home;

        @Parameters(paramLabel = "MEMBER_ID")
        String memberId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var store = home.open()) {
                var member = CommitteeMembers.revoke(store, memberId, Instant.now());
                spec.commandLine()
                        .getOut()
                        .println("Revoked " + member.memberId() + " (" + TerminalText.clip(member.name(), 60) + ") at "
                                + member.revokedAt() + ".");
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }
}

package ai.sorot.desktop.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.desktop.connection.ApiFailure;
import ai.sorot.lambda.library.CuratorVerdict;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.ReviewInput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's offline-first sync against a real local server over loopback, with real libraries on disk. */
class CommitteeSyncTest {

    @TempDir
    static Path dir;

    private static CommitteeServer server;
    private static String first;
    private static String second;
    private static String third;
    private static String fourth;

    @BeforeAll
    static void start() throws Exception {
        server = new CommitteeServer(dir);
        first = server.analyse("Salt Road", 12);
        second = server.analyse("Night Ferry", 8);
        third = server.analyse("Paper Lantern", 6);
        fourth = server.analyse("Winter Orchard", 6);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aReviewWrittenOfflineIsSentWhenTheNetworkIsBackAndTheOtherReaderSeesIt() throws Exception {
        var ada = server.member("ada-1", server.reader("Ada One"));
        var ben = server.member("ben-1", server.reader("Ben One"));
        var synced = ada.sync().sync(ada.client(), null, () -> false);
        assertThat(synced.analysesSeen()).isGreaterThanOrEqualTo(2);
        assertThat(ada.archive.library().contains(first)).isTrue();
        assertThat(ada.archive.audio(first)).as("audio waits until played").isEmpty();

        ada.online.set(false);
        ada.archive.library().rate(first, 4);
        ada.archive.library().setVerdict(first, CuratorVerdict.ACCEPT);
        assertThat(ada.sync().noteLocalEdit(first, null)).isTrue();
        assertThat(ada.desk.client()).isEmpty();
        assertThat(ada.sync().store().pending()).hasSize(1);

        ada.online.set(true);
        var back = ada.sync().sync(ada.client(), null, () -> false);
        assertThat(back.pushed()).isEqualTo(1);
        assertThat(ada.sync().store().pending()).isEmpty();

        ben.sync().sync(ben.client(), null, () -> false);
        var seen = ben.sync().store().reviews("", first).orElseThrow();
        assertThat(seen.reviews()).extracting(r -> r.memberName()).contains("Ada One");
        assertThat(seen.aggregate().count()).isEqualTo(1);
        assertThat(seen.aggregate().meanRating()).isEqualTo(4.0);
        assertThat(seen.aggregate().verdictCounts()).containsEntry(CommitteeVerdict.ACCEPT, 1);
        assertThat(ben.desk.summaryFor(first, false))
                .as("what review mode shows beside Ben's own rating")
                .isEqualTo("Committee: 1 review · mean 4.0★ · 1 accept · spread 0 (all agree)");

        var audio = ben.sync().audio(ben.client(), first);
        assertThat(audio).as("fetched when played, then kept").isPresent();
        assertThat(ben.archive.audio(first)).isPresent();
    }

    @Test
    void theSameReviewEditedOnTwoDevicesIsAConflictWithBothVersionsAndNeitherIsLost() throws Exception {
        var token = server.reader("Cleo Two");
        var laptop = server.member("cleo-laptop", token);
        var train = server.member("cleo-train", token);
        laptop.sync().sync(laptop.client(), null, () -> false);
        train.sync().sync(train.client(), null, () -> false);

        laptop.archive.library().rate(second, 3);
        laptop.sync().sync(laptop.client(), null, () -> false);

        train.online.set(false);
        train.archive.library().rate(second, 5);
        train.archive.library().setNotes(second, "Best ending of the round.");
        train.sync().noteLocalEdit(second, null);
        train.online.set(true);
        var outcome = train.sync().sync(train.client(), null, () -> false);

        assertThat(outcome.conflicts()).isEqualTo(1);
        var pending = train.sync().store().pending(second).orElseThrow();
        assertThat(pending.input().rating()).as("the train's version is kept").isEqualTo(5);
        assertThat(pending.conflict().current().rating()).as("and the laptop's").isEqualTo(3);
        assertThat(train.archive.library().entry(second).orElseThrow().rating()).isEqualTo(5);
        assertThat(server.owner.reviews(second).reviews())
                .filteredOn(r -> "Cleo Two".equals(r.memberName()))
                .extracting(r -> r.rating())
                .containsExactly(3);

        train.sync().keepMine(second);
        train.sync().push(train.client());
        assertThat(train.sync().store().pending()).isEmpty();
        assertThat(server.owner.reviews(second).reviews())
                .filteredOn(r -> "Cleo Two".equals(r.memberName()))
                .extracting(r -> r.rating())
                .containsExactly(5);

        // the laptop's next sync brings the version chosen on the train into its library
        laptop.sync().sync(laptop.client(), null, () -> false);
        var onLaptop = laptop.archive.library().entry(second).orElseThrow();
        assertThat(onLaptop.rating()).isEqualTo(5);
        assertThat(onLaptop.notes()).isEqualTo("Best ending of the round.");
    }

    @Test
    void keepingTheOtherVersionPutsItInTheLibraryAndDropsTheQueuedEdit() throws Exception {
        var token = server.reader("Dev Three");
        var one = server.member("dev-one", token);
        var two = server.member("dev-two", token);
        one.sync().sync(one.client(), null, () -> false);
        two.sync().sync(two.client(), null, () -> false);
        one.archive.library().setVerdict(third, CuratorVerdict.DECLINE);
        one.sync().sync(one.client(), null, () -> false);
        two.archive.library().setVerdict(third, CuratorVerdict.ACCEPT);
        two.sync().sync(two.client(), null, () -> false);
        assertThat(two.sync().store().pending(third).orElseThrow().conflict()).isNotNull();

        two.sync().keepTheirs(third);

        assertThat(two.sync().store().pending()).isEmpty();
        assertThat(two.archive.library().entry(third).orElseThrow().verdict()).isEqualTo(CuratorVerdict.DECLINE);
        assertThat(two.sync().sync(two.client(), null, () -> false).pushed())
                .as("nothing left to send")
                .isZero();
    }

    @Test
    void aReaderMayNotWriteAnotherMembersReviewAndARevokedTokenIsRefused() throws Exception {
        var ada = server.member("ada-4", server.reader("Ada Four"));
        var created = server.owner.addMember(
                new ai.sorot.model.committee.NewMember("Eve Four", null, ai.sorot.model.committee.Role.READER, null));
        var input = new ReviewInput(2, CommitteeVerdict.DECLINE, "", false, null, null);

        assertThatThrownBy(() -> ada.client().putReviewOf(first, created.memberId(), input))
                .isInstanceOfSatisfying(ApiFailure.class, f -> {
                    assertThat(f.httpStatus()).isEqualTo(403);
                    assertThat(f.code()).isEqualTo(ErrorCode.FORBIDDEN);
                });
        server.owner.revoke(created.memberId());
        var eve = new CommitteeClient(server.http, server.server.url(), created.token());
        assertThatThrownBy(() -> eve.reviews(first)).isInstanceOfSatisfying(ApiFailure.class, f -> {
            assertThat(f.httpStatus()).isEqualTo(401);
            assertThat(f.isUnauthorized()).isTrue();
        });
    }

    @Test
    void inABlindSessionTheOthersReviewsShowOnlyOnceTheReadersOwnIsIn() throws Exception {
        var adaMember = server.addReader("Ada Five");
        var benMember = server.addReader("Ben Five");
        var ada = server.member("ada-5", adaMember.token());
        var ben = server.member("ben-5", benMember.token());
        var session = server.session(
                "Blind round", List.of(fourth), 2, true, List.of(adaMember.memberId(), benMember.memberId()));
        ada.sync().sync(ada.client(), session, () -> false);
        ben.sync().sync(ben.client(), session, () -> false);
        assertThat(ada.sync().store().queue(session))
                .extracting(a -> a.analysisId())
                .contains(fourth);

        ben.archive.library().rate(fourth, 2);
        ben.sync().noteLocalEdit(fourth, session);
        ben.sync().push(ben.client());

        var before = ada.sync().pullSessionReviews(ada.client(), session, fourth);
        assertThat(before.hidden()).isTrue();
        assertThat(before.reviews()).noneMatch(r -> "Ben Five".equals(r.memberName()));

        ada.archive.library().rate(fourth, 4);
        ada.sync().noteLocalEdit(fourth, session);
        ada.sync().push(ada.client());
        var after = ada.sync().pullSessionReviews(ada.client(), session, fourth);
        assertThat(after.hidden()).isFalse();
        assertThat(after.reviews()).extracting(r -> r.memberName()).contains("Ada Five", "Ben Five");
        assertThat(after.aggregate().meanRating()).isEqualTo(3.0);
    }
}

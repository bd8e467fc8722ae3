package ai.sorot.desktop.tour;

import ai.sorot.desktop.committee.CommitteeClient;
import ai.sorot.desktop.connection.ConnectionState;
import ai.sorot.desktop.testing.TestPdfs;
import ai.sorot.model.api.JobState;
import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.NewMember;
import ai.sorot.model.committee.NewSession;
import ai.sorot.model.committee.ReviewInput;
import ai.sorot.model.committee.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The committee page in the real window on the real embedded backend, under Xvfb
 * ({@code bench/committee-screenshot.sh}): three analysed scripts in a session, Ben's ratings on
 * the server, Ada's desktop with her queue, her rating beside the committee's, and a review she
 * changed on two devices waiting for her choice. Not a test: a picture to look at.
 */
public final class CommitteeTour {

    public static void main(String[] args) {
        try {
            tour(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void tour(Path out) throws Exception {
        Files.createDirectories(out);
        var work = Files.createTempDirectory("sorot-committee-tour");
        var opened = TourFx.open(Files.createDirectories(work.resolve("home")), false, true);
        var app = opened.app();
        await("online", () -> app.connection().stateProperty().get() == ConnectionState.ONLINE);
        var api = app.connection().api();
        var ids = new ArrayList<String>();
        for (var title : List.of("Harbour Lights", "The Quiet Field", "Low Tide")) {
            var pdf = TestPdfs.screenplay(work.resolve(title.replace(' ', '-') + ".pdf"), title, "A. Writer", 40);
            ids.add(api.submit(pdf, pdf.getFileName().toString(), null, null, title, false).analysisId());
        }
        for (var id : ids) {
            await("analysed", () -> api.status(id).status() == JobState.COMPLETED);
        }
        var http = app.http(); // the app's client: its pinned trust, its pool
        var owner = new CommitteeClient(http, api.endpoint().baseUrl(), api.endpoint().token());
        var ada = owner.addMember(new NewMember("Ada Lind", null, Role.READER, null));
        var ben = owner.addMember(new NewMember("Ben Okafor", null, Role.READER, null));
        var cleo = owner.addMember(new NewMember("Cleo Marsh", null, Role.READER, null));
        var session = owner.createSession(new NewSession("Shorts 2027 · first read", ids, 3, false, List.of(),
                List.of(ada.memberId(), ben.memberId(), cleo.memberId()))).session().sessionId();
        var benClient = new CommitteeClient(http, api.endpoint().baseUrl(), ben.token());
        var cleoClient = new CommitteeClient(http, api.endpoint().baseUrl(), cleo.token());
        benClient.putMyReview(ids.get(0), new ReviewInput(2, CommitteeVerdict.DECLINE, "The second act stalls.", false, session, null), null);
        cleoClient.putMyReview(ids.get(0), new ReviewInput(5, CommitteeVerdict.ACCEPT, "Wonderful last scene.", true, session, null), null);
        benClient.putMyReview(ids.get(1), new ReviewInput(3, CommitteeVerdict.MAYBE, "", false, session, null), null);

        app.memberTokens().save(ada.token());
        var window = opened.window();
        var model = TourFx.call(() -> {
            window.showCommittee(true);
            var m = window.committeeView().model();
            m.sessionIdProperty().set(session);
            m.openSession();
            return m;
        });
        await("queue", () -> call(() -> model.queue().size() == 3 && model.selectedProperty().get() != null));
        // on the train: the second script rated here too, differently, then the sync meets the laptop's version
        TourFx.call(() -> {
            model.select(model.queue().stream().filter(a -> a.analysisId().equals(ids.get(1))).findFirst().orElseThrow());
            return null;
        });
        await("second", () -> call(() -> !model.busyProperty().get()));
        // meanwhile Ada rated it on her laptop; this desktop has not seen that yet
        new CommitteeClient(http, api.endpoint().baseUrl(), ada.token())
                .putMyReview(ids.get(1), new ReviewInput(2, CommitteeVerdict.DECLINE, "Too long for the slot.", false, session, null), null);
        TourFx.call(() -> {
            model.rate(4);
            return null;
        });
        await("conflict", () -> call(() -> model.conflicts().size() == 1));
        TourFx.call(() -> {
            model.select(model.queue().stream().filter(a -> a.analysisId().equals(ids.get(0))).findFirst().orElseThrow());
            return null;
        });
        await("first", () -> call(() -> !model.busyProperty().get()));
        TourFx.call(() -> {
            model.rate(4);
            model.setVerdict(CommitteeVerdict.MAYBE);
            return null;
        });
        await("aggregate", () -> call(() -> model.committeeTextProperty().get().startsWith("3 reviews")));
        Thread.sleep(500);
        TourFx.shot(opened.scene(), out, "committee");
    }

    private static boolean call(java.util.concurrent.Callable<Boolean> check) {
        try {
            return TourFx.call(check);
        } catch (Exception e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(150);
        }
    }
}

package ai.sorot.desktop.committee;

import ai.sorot.model.committee.CommitteeVerdict;
import ai.sorot.model.committee.ReviewInput;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long a new member's desktop takes to sync a committee library over loopback: N analyses on a
 * real local server, each reviewed by three readers, then a fresh desktop's first sync (reports and
 * every analysis's reviews; audio is fetched when played, so not here). Run by
 * {@code bench/committee-sync.sh [N]}; prints figures, asserts nothing.
 */
public final class CommitteeSyncBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        var dir = Files.createTempDirectory("sorot-committee-bench");
        try (var server = new CommitteeServer(dir)) {
            long t0 = System.nanoTime();
            var ids = new ArrayList<String>();
            for (int i = 0; i < n; i++) {
                ids.add(server.analyse("Bench Script " + i, 6));
            }
            long analysed = System.nanoTime();
            var readers = List.of(server.reader("Reader A"), server.reader("Reader B"), server.reader("Reader C"));
            int r = 0;
            for (var token : readers) {
                var client = new CommitteeClient(server.http, server.server.url(), token);
                for (int i = 0; i < ids.size(); i++) {
                    client.putMyReview(
                            ids.get(i),
                            new ReviewInput(
                                    1 + (i + r) % 5, CommitteeVerdict.values()[(i + r) % 3], "", false, null, null),
                            null);
                }
                r++;
            }
            long reviewed = System.nanoTime();
            var fresh = server.member("fresh", server.reader("New Desktop"));
            long s0 = System.nanoTime();
            var outcome = fresh.sync().sync(fresh.client(), null, () -> false);
            long s1 = System.nanoTime();
            var again = fresh.sync().sync(fresh.client(), null, () -> false);
            long s2 = System.nanoTime();
            long g0 = System.nanoTime();
            for (var id : ids) {
                fresh.client().report(id);
            }
            long g1 = System.nanoTime();
            var scratch = server.member("scratch", server.reader("Scratch"));
            long w0 = System.nanoTime();
            for (var id : ids) {
                scratch.archive.save(fresh.archive.report(id).orElseThrow(), null, null, null, null);
            }
            long w1 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT, "of which GET /analyses/{id} alone: %.1f ms per report%n", (g1 - g0) / 1e6 / n);
            System.out.printf(
                    Locale.ROOT, "of which saving in the library:    %.1f ms per report%n", (w1 - w0) / 1e6 / n);
            System.out.printf(
                    Locale.ROOT,
                    "analyses on the server:            %d (analysed in %.1f s, setup only)%n",
                    n,
                    (analysed - t0) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "reviews written (3 readers):       %d in %.2f s (%.1f ms per PUT)%n",
                    3 * n,
                    (reviewed - analysed) / 1e9,
                    (reviewed - analysed) / 1e6 / (3 * n));
            System.out.printf(
                    Locale.ROOT,
                    "first sync of a new desktop:       %.2f s (%d reports saved, %d reviews pulled per analysis)%n",
                    (s1 - s0) / 1e9,
                    outcome.reportsSaved(),
                    3);
            System.out.printf(Locale.ROOT, "  per analysis:                    %.1f ms%n", (s1 - s0) / 1e6 / n);
            System.out.printf(Locale.ROOT, "second sync (nothing new):         %.2f s%n", (s2 - s1) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "3,000 analyses at the first sync's per-analysis rate: about %.0f s (an extrapolation, not a measurement)%n",
                    (s1 - s0) / 1e9 / n * 3000);
        }
        System.exit(0);
    }
}

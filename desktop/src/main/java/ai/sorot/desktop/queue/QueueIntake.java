package ai.sorot.desktop.queue;

import ai.sorot.desktop.connection.Backoff;
import ai.sorot.desktop.intake.PreflightResult;
import ai.sorot.desktop.intake.TrailerLinks;
import ai.sorot.desktop.ui.Notice;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * What joins the queue: pre-flighted scripts, refused files, and trailer links (UI thread).
 * {@code newBackoff} spaces out a new row's status polls.
 */
final class QueueIntake {

    private final List<QueueItem> items;
    private final QueueEngine engine;
    private final RowActions rows;
    private final StringProperty pendingTrailer;
    private final ObjectProperty<Notice> notice;
    private final Clock clock;
    private final Supplier<Backoff> newBackoff;
    private final Runnable persistSoon;

    QueueIntake(
            List<QueueItem> items,
            QueueEngine engine,
            RowActions rows,
            StringProperty pendingTrailer,
            ObjectProperty<Notice> notice,
            Clock clock,
            Supplier<Backoff> newBackoff,
            Runnable persistSoon) {
        this.items = items;
        this.engine = engine;
        this.rows = rows;
        this.pendingTrailer = pendingTrailer;
        this.notice = notice;
        this.clock = clock;
        this.newBackoff = newBackoff;
        this.persistSoon = persistSoon;
    }

    /** A pre-flighted screenplay joins the queue and is sent when a slot is free (UI thread). */
    QueueItem addAccepted(PreflightResult.Accepted accepted) {
        var trailer = pendingTrailer.get();
        // the same file is waiting or running already, or was analysed with this same trailer
        var duplicate = items.stream()
                .filter(i -> accepted.sha256().equals(i.sha256()))
                .filter(i -> !i.state().isFinal()
                        || i.state() == SubmissionState.COMPLETED && Objects.equals(i.trailerUrl(), trailer))
                .findFirst();
        if (duplicate.isPresent()) {
            notice.set(Notice.warning(accepted.fileName() + " is already in the queue as \""
                    + duplicate.get().title() + "\"."));
            return duplicate.get();
        }
        var item = QueueItem.accepted(accepted, accepted.thumbnailPng() != null, clock.instant());
        item.backoff = newBackoff.get();
        if (trailer != null) {
            item.trailerUrlProperty().set(trailer);
            pendingTrailer.set(null);
            notice.set(Notice.info("Trailer " + trailer + " attached to \"" + item.title() + "\"."));
        }
        items.add(item);
        engine.pump();
        persistSoon.run();
        return item;
    }

    /** A refused file is shown with its reason, never sent (UI thread). */
    QueueItem addRefused(PreflightResult.Refused refused) {
        var item = QueueItem.refused(refused, clock.instant());
        items.add(item);
        persistSoon.run();
        return item;
    }

    /**
     * A trailer link, dropped or pasted. On a row, it attaches to that script (an analysis that
     * already ran is run again with the trailer); on its own, it waits for the next script.
     */
    boolean offerTrailer(String link, QueueItem target) {
        var check = TrailerLinks.check(link);
        if (check instanceof TrailerLinks.Invalid invalid) {
            notice.set(Notice.error(invalid.reason()));
            return false;
        }
        var url = ((TrailerLinks.Valid) check).url();
        if (target == null) {
            pendingTrailer.set(url);
            notice.set(Notice.info("Trailer link kept: it goes with the next screenplay you add."));
            return true;
        }
        if (target.state() == SubmissionState.REFUSED) {
            notice.set(Notice.error(
                    "\"" + target.title() + "\" was refused; add a readable screenplay to attach a trailer."));
            return false;
        }
        if (url.equals(target.trailerUrl())) {
            notice.set(Notice.info("That trailer is already attached to \"" + target.title() + "\"."));
            return true;
        }
        target.trailerUrlProperty().set(url);
        if (target.state() == SubmissionState.WAITING) {
            notice.set(Notice.info("Trailer attached to \"" + target.title() + "\"."));
        } else {
            rows.restart(target, false);
            notice.set(Notice.info("Trailer attached: \"" + target.title() + "\" is analysed again with it."));
        }
        engine.pump();
        persistSoon.run();
        return true;
    }
}

package ai.sorot.desktop.library;

import ai.sorot.lambda.library.LibraryQuery;
import ai.sorot.lambda.library.ReviewSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The library page's search and filters, the query they make, and what the table says when they
 * match nothing. A change to any filter runs the listener given at construction, except while the
 * session filter is swapped for a fresher copy of the same session.
 */
final class LibraryFilterState {

    final StringProperty text;
    final ObjectProperty<String> recommendation;
    final ObjectProperty<Double> minScore;
    final ObjectProperty<Double> maxScore;
    final StringProperty genre;
    final ObjectProperty<Boolean> rated;
    final BooleanProperty shortlistedOnly;
    final ObjectProperty<String> tag;
    final ObjectProperty<LocalDate> savedFrom;
    final ObjectProperty<LocalDate> savedTo;
    final ObjectProperty<ReviewSession> sessionFilter;

    /** What the table says when no row shows: why it is empty, for the search and session at hand. */
    final StringBinding emptyMessage;

    private boolean quiet;

    /** {@code bean} owns the properties (their bean, as JavaFX reports it); {@code changed} runs on a filter change. */
    LibraryFilterState(Object bean, Runnable changed) {
        text = new SimpleStringProperty(bean, "text", "");
        recommendation = new SimpleObjectProperty<>(bean, "recommendation");
        minScore = new SimpleObjectProperty<>(bean, "minScore");
        maxScore = new SimpleObjectProperty<>(bean, "maxScore");
        genre = new SimpleStringProperty(bean, "genre", "");
        rated = new SimpleObjectProperty<>(bean, "rated");
        shortlistedOnly = new SimpleBooleanProperty(bean, "shortlistedOnly");
        tag = new SimpleObjectProperty<>(bean, "tag");
        savedFrom = new SimpleObjectProperty<>(bean, "savedFrom");
        savedTo = new SimpleObjectProperty<>(bean, "savedTo");
        sessionFilter = new SimpleObjectProperty<>(bean, "sessionFilter");
        var all = all();
        emptyMessage = Bindings.createStringBinding(this::emptyText, all.toArray(Observable[]::new));
        for (Observable filter : all) {
            filter.addListener(o -> {
                if (!quiet) {
                    changed.run();
                }
            });
        }
    }

    private List<Observable> all() {
        return List.of(
                text,
                recommendation,
                minScore,
                maxScore,
                genre,
                rated,
                shortlistedOnly,
                tag,
                savedFrom,
                savedTo,
                sessionFilter);
    }

    /** The filters as a library query (UI thread), at most {@code maxRows} rows. */
    LibraryQuery query(int maxRows) {
        var q = LibraryQuery.ALL
                .withText(text.get() == null || text.get().isBlank() ? null : text.get())
                .withRecommendations(recommendation.get() == null ? Set.of() : Set.of(recommendation.get()))
                .withScore(minScore.get(), maxScore.get())
                .withGenre(genre.get() == null || genre.get().isBlank() ? null : genre.get())
                .withRated(rated.get())
                .withShortlisted(shortlistedOnly.get() ? Boolean.TRUE : null)
                .withTags(tag.get() == null ? Set.of() : Set.of(tag.get()))
                .withSaved(
                        start(savedFrom.get()),
                        savedTo.get() == null ? null : start(savedTo.get().plusDays(1)))
                .inSession(
                        sessionFilter.get() == null ? null : sessionFilter.get().id());
        boolean words = q.text() != null && q.text().codePoints().anyMatch(Character::isLetterOrDigit);
        return q.sortedBy(words ? LibraryQuery.Sort.RELEVANCE : LibraryQuery.Sort.SAVED, true)
                .page(maxRows, 0);
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    /**
     * After a reload: a session picked as filter is replaced by its fresh copy from
     * {@code allSessions} so its counts stay true, or cleared when it was deleted.
     */
    void refreshSessionFilter(List<ReviewSession> allSessions) {
        var current = sessionFilter.get();
        if (current == null) {
            return;
        }
        allSessions.stream()
                .filter(s -> s.id() == current.id())
                .findFirst()
                .ifPresentOrElse(
                        s -> {
                            if (!s.equals(current)) {
                                sessionFilterQuietly(s);
                            }
                        },
                        () -> sessionFilter.set(null));
    }

    private void sessionFilterQuietly(ReviewSession s) {
        // same session, fresher counts: no new query
        quiet = true;
        try {
            sessionFilter.set(s);
        } finally {
            quiet = false;
        }
    }

    /** The tag filter keeps its choice only while the library still has that tag. */
    void keepTagIfKnown(List<String> allTags) {
        var chosen = tag.get();
        tag.set(chosen != null && allTags.contains(chosen) ? chosen : null);
    }

    /** Unfilters the session filter when it is {@code session}, about to be deleted. */
    void forget(ReviewSession session) {
        if (sessionFilter.get() != null && sessionFilter.get().id() == session.id()) {
            sessionFilter.set(null);
        }
    }

    void clear() {
        text.set("");
        recommendation.set(null);
        minScore.set(null);
        maxScore.set(null);
        genre.set("");
        rated.set(null);
        shortlistedOnly.set(false);
        tag.set(null);
        savedFrom.set(null);
        savedTo.set(null);
        sessionFilter.set(null);
    }

    private String emptyText() {
        boolean narrowed = text.get() != null && !text.get().isBlank()
                || recommendation.get() != null
                || minScore.get() != null
                || maxScore.get() != null
                || genre.get() != null && !genre.get().isBlank()
                || rated.get() != null
                || shortlistedOnly.get()
                || tag.get() != null
                || savedFrom.get() != null
                || savedTo.get() != null;
        if (sessionFilter.get() != null) {
            return narrowed
                    ? "No match in this session."
                    : "This session is empty: select analyses and choose Add to session.";
        }
        return narrowed
                ? "No match in the library."
                : "Nothing here yet: every analysis you run is saved to the library.";
    }
}

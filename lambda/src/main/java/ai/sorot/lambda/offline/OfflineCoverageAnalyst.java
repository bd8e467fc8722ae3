package ai.sorot.lambda.offline;

import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.CoverageAnalyst;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.lambda.pipeline.Lexicon;
import ai.sorot.lambda.pipeline.ScriptWords;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Claim;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Evidence;
import ai.sorot.model.report.GridScore;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Recommendation;
import ai.sorot.model.report.Usage;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import ai.sorot.model.screenplay.ScreenplayStats;
import ai.sorot.model.screenplay.ScreenplayStats.CharacterStat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Coverage without a language model: what the statistics and the words of a script show, and
 * nothing they do not. The synopsis quotes the script's own action lines; genre, tone and themes
 * come from counted vocabulary; the grid scores only what structure can indicate (structure,
 * characters, dialogue, festival fit), each with the figures behind it. Premise, originality and
 * the quality of the writing are left to a reader, and the report says so.
 */
public final class OfflineCoverageAnalyst implements CoverageAnalyst {

    public static final Provenance PROVENANCE = new Provenance("offline heuristics", "sorot-offline-coverage-1", true);
    private static final EnumSet<ElementType> PROSE = EnumSet.copyOf(ScriptWords.PROSE);

    @Override
    public Provenance provenance() {
        return PROVENANCE;
    }

    @Override
    public AnalystResult<Coverage> analyse(CoverageRequest request) {
        var screenplay = request.screenplay();
        if (screenplay == null || screenplay.elements().isEmpty()) {
            throw new SorotException(ErrorCode.NOT_A_SCREENPLAY, "The screenplay has no text to cover.");
        }
        var reading = new Reading(screenplay, request.title());
        return new AnalystResult<>(reading.coverage(), PROVENANCE, Usage.NONE);
    }

    /** One pass over one script: the figures first, then the coverage written from them. */
    static final class Reading {
        final Screenplay screenplay;
        final ScriptWords text;
        final ScreenplayStats stats;
        final String title;
        final int pages;
        final int sceneCount;
        final int proseWords;
        final Indicators indicators;

        Reading(Screenplay screenplay, String title) {
            this.screenplay = screenplay;
            this.text = new ScriptWords(screenplay);
            this.stats = screenplay.stats() != null ? screenplay.stats()
                    : new ScreenplayStats(screenplay.pageCount(), screenplay.pageCount(), screenplay.scenes().size(),
                    null, null, null, null, 0, 0, 0, 0, null, null, null);
            this.title = title;
            this.pages = Math.max(1, screenplay.pageCount());
            this.sceneCount = screenplay.scenes().size();
            this.proseWords = Math.max(1, text.proseWords());
            this.indicators = new Indicators(screenplay, text, stats);
        }

        Coverage coverage() {
            var protagonist = indicators.protagonist();
            var genres = genres();
            var themes = themes();
            var strengths = new ArrayList<Claim>();
            var concerns = new ArrayList<Claim>();
            var grid = new ArrayList<GridScore>();
            grid.add(indicators.structure(strengths, concerns));
            grid.add(indicators.characters(strengths, concerns));
            grid.add(indicators.dialogue(strengths, concerns));
            grid.add(indicators.festivalFit(strengths, concerns));
            double average = grid.stream().mapToInt(GridScore::score).average().orElse(0);
            var rationale = ("Offline heuristics read the script's structure, statistics and vocabulary, not its quality: "
                    + "premise, originality and the writing itself are not assessed, and no comparable titles are "
                    + "suggested. CONSIDER marks it for a human reader or a cloud analysis. Indicator grid average: "
                    + "%.1f of 10 over %d criteria.").formatted(average, grid.size());
            return new Coverage(logline(protagonist, genres), synopsis(protagonist), genres, tone(), themes, List.of(),
                    protagonist == null ? null : protagonist.name(), strengths, concerns, grid, Recommendation.CONSIDER,
                    rationale, PROVENANCE);
        }

        /** A structural logline: who, where, how long; the one line a statistic can honestly write. */
        String logline(CharacterStat protagonist, List<String> genres) {
            var sb = new StringBuilder("A ").append(pages).append("-page ");
            sb.append(genres.isEmpty() ? "screenplay" : genres.getFirst().toLowerCase(Locale.ROOT) + " screenplay");
            if (protagonist != null) {
                sb.append(" following ").append(protagonist.name());
            }
            if (sceneCount > 0) {
                sb.append(" across ").append(sceneCount).append(sceneCount == 1 ? " scene" : " scenes");
            }
            var places = stats.locations().stream().limit(2).map(ScreenplayStats.LocationStat::name).toList();
            if (!places.isEmpty()) {
                sb.append(", mostly at ").append(String.join(" and ", places));
            }
            return sb.append('.').toString();
        }

        /**
         * An extractive synopsis: the opening line, the most telling action sentence of each
         * quarter (most about the lead and the script's recurring words), and the closing line.
         */
        String synopsis(CharacterStat protagonist) {
            var candidates = new ArrayList<Sentence>();
            var elements = screenplay.elements();
            for (int i = 0; i < elements.size(); i++) {
                var element = elements.get(i);
                if (element.type() != ElementType.ACTION) {
                    continue;
                }
                for (var sentence : ScriptWords.sentences(element.text())) {
                    int words = ScriptWords.wordCount(sentence);
                    if (words >= 4 && words <= 45) {
                        candidates.add(new Sentence(i, element.page(), sentence, words));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return "No action lines to quote: the script is all dialogue or headings.";
            }
            var leadNames = new ArrayList<String>();
            stats.characters().stream().sorted(Comparator.comparingInt(CharacterStat::words).reversed()).limit(4)
                    .forEach(c -> leadNames.add(c.name().toLowerCase(Locale.ROOT)));
            var lead = protagonist == null ? null : protagonist.name().toLowerCase(Locale.ROOT);
            var picks = new ArrayList<Sentence>();
            var first = candidates.getFirst();
            var last = candidates.getLast();
            picks.add(first);
            String[] labels = {"Set-up", "Development", "Turn", "Climax"};
            for (int q = 0; q < 4; q++) {
                double from = pages * q / 4.0;
                double to = pages * (q + 1) / 4.0;
                Sentence best = null;
                double bestScore = 0;
                for (var c : candidates) {
                    if (c == first || c == last || c.page() <= from || c.page() > to
                            || picks.stream().anyMatch(p -> p.text().equals(c.text()))) {
                        continue;
                    }
                    double score = score(c, lead, leadNames);
                    if (best == null || score > bestScore) {
                        best = c;
                        bestScore = score;
                    }
                }
                if (best != null) {
                    picks.add(best.withLabel(labels[q]));
                }
            }
            if (last != first) {
                picks.add(last.withLabel("Ending"));
            }
            var sb = new StringBuilder("Extractive synopsis (the script's own action lines, in order):");
            for (int i = 0; i < picks.size(); i++) {
                var p = picks.get(i);
                var label = i == 0 ? "Opening" : p.label();
                sb.append('\n').append(label).append(", p. ").append(p.page()).append(": ")
                        .append(ScriptWords.clip(p.text(), 240));
            }
            return sb.toString();
        }

        private static double score(Sentence c, String lead, List<String> leadNames) {
            var words = ScriptWords.words(c.text());
            double score = 0;
            if (lead != null && words.contains(lead)) {
                score += 3;
            }
            for (var name : leadNames) {
                if (!name.equals(lead) && words.contains(name)) {
                    score += 1;
                }
            }
            // mid-length sentences carry a beat; very short ones are stage furniture
            score += c.words() >= 8 && c.words() <= 30 ? 1.5 : 0;
            return score;
        }

        private record Sentence(int element, int page, String text, int words, String label) {
            Sentence(int element, int page, String text, int words) {
                this(element, page, text, words, null);
            }

            Sentence withLabel(String l) {
                return new Sentence(element, page, text, words, l);
            }
        }

        /** Genres whose vocabulary clearly stands out: at least 6 hits of 3 different words, 3 per 1,000 words. */
        List<String> genres() {
            record Scored(String name, double rate) {}
            var scored = new ArrayList<Scored>();
            for (var lexicon : Vocabulary.GENRES) {
                var hits = text.scan(lexicon, PROSE, 0);
                double rate = hits.count() * 1000.0 / proseWords;
                if (hits.count() >= 6 && hits.distinctTerms() >= 3 && rate >= 3) {
                    scored.add(new Scored(lexicon.name(), rate));
                }
            }
            scored.sort(Comparator.comparingDouble(Scored::rate).reversed());
            return scored.stream().limit(2).map(Scored::name).toList();
        }

        String tone() {
            record Scored(Lexicon lexicon, ScriptWords.Hits hits, double rate) {}
            var scored = new ArrayList<Scored>();
            for (var lexicon : Vocabulary.TONES) {
                var hits = text.scan(lexicon, PROSE, 0);
                scored.add(new Scored(lexicon, hits, hits.count() * 1000.0 / proseWords));
            }
            scored.sort(Comparator.comparingDouble(Scored::rate).reversed());
            var top = scored.stream().filter(s -> s.hits().count() >= 4).limit(2).toList();
            var sb = new StringBuilder();
            if (top.isEmpty()) {
                sb.append("No tone stands out in the vocabulary");
            } else {
                sb.append(Character.toUpperCase(top.getFirst().lexicon().name().charAt(0)))
                        .append(top.getFirst().lexicon().name().substring(1));
                if (top.size() > 1) {
                    sb.append(" and ").append(top.get(1).lexicon().name());
                }
                sb.append(", by its vocabulary (");
                sb.append(String.join("; ", top.stream().map(s -> s.hits().topTerms(3)).toList())).append(')');
            }
            int night = stats.timesOfDay().getOrDefault("NIGHT", 0);
            int timed = stats.timesOfDay().values().stream().mapToInt(Integer::intValue).sum();
            if (timed > 0 && night > 0) {
                sb.append("; ").append(Math.round(100.0 * night / timed)).append("% of scenes at night");
            }
            return sb.append('.').toString();
        }

        List<String> themes() {
            record Scored(String name, int count) {}
            var scored = new ArrayList<Scored>();
            for (var lexicon : Vocabulary.THEMES) {
                var hits = text.scan(lexicon, PROSE, 0);
                if (hits.count() >= Math.max(4, proseWords / 1500) && hits.distinctTerms() >= 2) {
                    scored.add(new Scored(lexicon.name(), hits.count()));
                }
            }
            scored.sort(Comparator.comparingInt(Scored::count).reversed());
            return scored.stream().limit(4).map(Scored::name).toList();
        }
    }

    /** The structural indicators and the grid rows built from them; every row says its figures. */
    static final class Indicators {
        private final Screenplay screenplay;
        private final ScriptWords text;
        private final ScreenplayStats stats;
        private final int pages;
        private final int sceneCount;

        Indicators(Screenplay screenplay, ScriptWords text, ScreenplayStats stats) {
            this.screenplay = screenplay;
            this.text = text;
            this.stats = stats;
            this.pages = Math.max(1, screenplay.pageCount());
            this.sceneCount = screenplay.scenes().size();
        }

        /** The lead: most of the dialogue and most of the scenes, weighed together. */
        CharacterStat protagonist() {
            int scenes = Math.max(1, sceneCount);
            return stats.characters().stream()
                    .max(Comparator.comparingDouble((CharacterStat c) -> 0.55 * c.dialogueShare() + 0.45 * c.scenes() / (double) scenes)
                            .thenComparing(CharacterStat::name))
                    .orElse(null);
        }

        boolean isShort() {
            return pages < 40;
        }

        GridScore structure(List<Claim> strengths, List<Claim> concerns) {
            int score = 5;
            var reasons = new ArrayList<String>();
            var evidence = new ArrayList<Evidence>();
            var lastPage = Evidence.page(pages);
            if (isShort() || (pages >= 85 && pages <= 125)) {
                score++;
                reasons.add(pages + " pages, within the usual length for a " + (isShort() ? "short" : "feature"));
                strengths.add(new Claim("Length within the usual range: %d pages, about %d minutes."
                        .formatted(pages, Math.round(runtime())), List.of(lastPage)));
            } else if (pages > 135 || (pages >= 45 && pages < 75)) {
                score--;
                reasons.add(pages + " pages, outside the usual short (under 40) or feature (85–125) range");
                concerns.add(new Claim(pages > 135
                        ? "Runs long: %d pages, about %d minutes at a page a minute.".formatted(pages, Math.round(runtime()))
                        : "An in-between length: %d pages is long for a short and short for a feature.".formatted(pages),
                        List.of(lastPage)));
            }
            var longScenes = stats.sceneLengths().stream().filter(s -> s.eighths() > 40)
                    .sorted(Comparator.comparingInt(ScreenplayStats.SceneLength::eighths).reversed()).toList();
            if (sceneCount >= 3) {
                if (longScenes.isEmpty()) {
                    score++;
                    reasons.add("no scene runs over 5 pages");
                } else {
                    score -= Math.min(2, longScenes.size());
                    var longest = longScenes.getFirst();
                    var where = Evidence.scene(longest.scene(), longest.sceneNumber(), longest.page());
                    evidence.add(where);
                    reasons.add(longScenes.size() + (longScenes.size() == 1 ? " scene runs" : " scenes run") + " over 5 pages");
                    concerns.add(new Claim("Long scene: scene %d (%s) runs %s pages, from p. %d."
                            .formatted(longest.scene(), longest.heading(), longest.display(), longest.page()), List.of(where)));
                }
            }
            var lengths = stats.sceneLengths();
            if (lengths.size() >= 8) {
                double all = lengths.stream().mapToInt(ScreenplayStats.SceneLength::eighths).average().orElse(0);
                var lastQuarter = lengths.stream().filter(s -> s.page() > pages * 0.75).toList();
                double end = lastQuarter.stream().mapToInt(ScreenplayStats.SceneLength::eighths).average().orElse(all);
                if (!lastQuarter.isEmpty() && end < all * 0.85) {
                    score++;
                    var where = Evidence.page(lastQuarter.getFirst().page());
                    evidence.add(where);
                    reasons.add("scenes shorten in the last quarter (average %s against %s pages)"
                            .formatted(eighths(end), eighths(all)));
                    strengths.add(new Claim("The pace quickens in the last quarter: scenes average %s pages from p. %d, against %s overall."
                            .formatted(eighths(end), lastQuarter.getFirst().page(), eighths(all)), List.of(where)));
                }
                int[] quarters = new int[4];
                for (var s : lengths) {
                    quarters[Math.min(3, (int) ((s.page() - 1) * 4.0 / pages))]++;
                }
                int thinnest = Math.min(Math.min(quarters[0], quarters[1]), Math.min(quarters[2], quarters[3]));
                if (thinnest < lengths.size() * 0.1) {
                    score--;
                    reasons.add("one quarter of the script holds under a tenth of its scenes");
                }
            }
            return grid("structure", score, reasons, evidence);
        }

        GridScore characters(List<Claim> strengths, List<Claim> concerns) {
            int score = 5;
            var reasons = new ArrayList<String>();
            var evidence = new ArrayList<Evidence>();
            var lead = protagonist();
            if (lead == null) {
                reasons.add("no character speaks");
                return grid("characters", 3, reasons, evidence);
            }
            var firstPage = Evidence.page(Math.max(1, lead.firstPage()));
            evidence.add(firstPage);
            var ranked = stats.characters().stream().sorted(Comparator.comparingInt(CharacterStat::words).reversed()).toList();
            var second = ranked.stream().filter(c -> c != lead).findFirst().orElse(null);
            if (second == null || lead.dialogueShare() >= 0.25 || lead.words() >= second.words() * 1.3) {
                score++;
                reasons.add("a clear lead: %s has %d%% of the dialogue".formatted(lead.name(), pct(lead.dialogueShare())));
            }
            if (sceneCount > 0) {
                double presence = lead.scenes() / (double) sceneCount;
                if (presence >= 0.4) {
                    score++;
                    reasons.add("%s is in %d of %d scenes".formatted(lead.name(), lead.scenes(), sceneCount));
                    strengths.add(new Claim("%s carries the script: %d%% of the dialogue, in %d of %d scenes, from p. %d."
                            .formatted(lead.name(), pct(lead.dialogueShare()), lead.scenes(), sceneCount, lead.firstPage()),
                            List.of(firstPage)));
                }
            }
            var gap = absence(lead.name());
            if (gap != null && pages >= 20 && gap[1] - gap[0] + 1 >= Math.max(10, pages * 0.15)) {
                score--;
                var where = Evidence.page(gap[0]);
                evidence.add(where);
                reasons.add("%s is absent for %d pages".formatted(lead.name(), gap[1] - gap[0] + 1));
                concerns.add(new Claim("%s is absent from pp. %d–%d (%d pages)."
                        .formatted(lead.name(), gap[0], gap[1], gap[1] - gap[0] + 1), List.of(where, Evidence.page(gap[1]))));
            }
            int roles = stats.speakingRoles();
            if (roles > 45) {
                score--;
                reasons.add(roles + " speaking roles");
                concerns.add(new Claim("A large cast: %d speaking roles.".formatted(roles), List.of(firstPage)));
            } else if (roles >= 2) {
                score++;
                reasons.add(roles + " speaking roles, a castable number");
            }
            return grid("characters", score, reasons, evidence);
        }

        GridScore dialogue(List<Claim> strengths, List<Claim> concerns) {
            int score = 5;
            var reasons = new ArrayList<String>();
            var evidence = new ArrayList<Evidence>();
            double share = stats.dialogueShare();
            int speeches = 0;
            int parentheticals = 0;
            var monologues = new ArrayList<Evidence>();
            String monologueSpeaker = null;
            int monologueWords = 0;
            String speaker = null;
            var elements = screenplay.elements();
            for (int i = 0; i < elements.size(); i++) {
                var e = elements.get(i);
                switch (e.type()) {
                    case CHARACTER -> speaker = e.text().replaceAll("\\s*\\(.*$", "").strip();
                    case PARENTHETICAL -> parentheticals++;
                    case DIALOGUE -> {
                        speeches++;
                        int words = ScriptWords.wordCount(e.text());
                        if (words > 120) {
                            monologues.add(text.evidenceAt(i).withQuote(ScriptWords.clip(e.text(), 120)));
                            if (words > monologueWords) {
                                monologueWords = words;
                                monologueSpeaker = speaker;
                            }
                        }
                    }
                    default -> { }
                }
            }
            if (speeches == 0) {
                reasons.add("no dialogue");
                return grid("dialogue", 3, reasons, evidence);
            }
            if (share >= 0.3 && share <= 0.65) {
                score++;
                reasons.add("dialogue is %d%% of the words, a balance of talk and action".formatted(pct(share)));
            } else if (share > 0.75) {
                score--;
                reasons.add("dialogue is %d%% of the words".formatted(pct(share)));
                concerns.add(new Claim("Talk-heavy: dialogue is %d%% of the words.".formatted(pct(share)), List.of(Evidence.page(1))));
            }
            double perSpeech = stats.dialogueWords() / (double) speeches;
            if (perSpeech <= 25) {
                score++;
                reasons.add("speeches average %.0f words".formatted(perSpeech));
                strengths.add(new Claim("Lean dialogue: speeches average %.0f words.".formatted(perSpeech), List.of(Evidence.page(1))));
            } else if (perSpeech > 40) {
                score--;
                reasons.add("speeches average %.0f words".formatted(perSpeech));
            }
            if (monologues.size() > 3) {
                score--;
                reasons.add(monologues.size() + " speeches over 120 words");
            }
            if (!monologues.isEmpty()) {
                evidence.add(monologues.getFirst());
                concerns.add(new Claim("%d %s over 120 words; the longest, %d words%s."
                        .formatted(monologues.size(), monologues.size() == 1 ? "speech runs" : "speeches run", monologueWords,
                                monologueSpeaker == null ? "" : ", by " + monologueSpeaker),
                        monologues.stream().limit(3).toList()));
            }
            double perCue = parentheticals / (double) speeches;
            if (perCue < 0.15) {
                score++;
                reasons.add("few parentheticals (%d for %d speeches)".formatted(parentheticals, speeches));
            } else if (perCue > 0.35) {
                score--;
                reasons.add("many parentheticals (%d for %d speeches)".formatted(parentheticals, speeches));
            }
            return grid("dialogue", score, reasons, evidence);
        }

        GridScore festivalFit(List<Claim> strengths, List<Claim> concerns) {
            int score = 5;
            var reasons = new ArrayList<String>();
            double minutes = runtime();
            var lastPage = Evidence.page(pages);
            if (minutes <= 20) {
                score += 2;
                reasons.add("about %d minutes: fits any shorts programme".formatted(Math.round(minutes)));
            } else if (minutes < 40) {
                score += 1;
                reasons.add("about %d minutes: a long short".formatted(Math.round(minutes)));
            } else if (minutes < 75) {
                score -= 1;
                reasons.add("about %d minutes: hard to slot".formatted(Math.round(minutes)));
            } else if (minutes <= 110) {
                score += 2;
                reasons.add("about %d minutes: a standard feature slot".formatted(Math.round(minutes)));
            } else if (minutes <= 125) {
                score += 1;
                reasons.add("about %d minutes: a long feature slot".formatted(Math.round(minutes)));
            } else {
                score -= 2;
                reasons.add("about %d minutes: over two hours".formatted(Math.round(minutes)));
            }
            int locations = stats.locations().size();
            if (locations > 0 && locations <= 12 && !isShort()) {
                score++;
                reasons.add(locations + " locations: a contained production");
                strengths.add(new Claim("Contained: %d locations, the scale of an independent production.".formatted(locations),
                        List.of(Evidence.page(1))));
            } else if (locations > 60) {
                reasons.add(locations + " locations");
                concerns.add(new Claim("Many locations (%d): a large production for an independent film.".formatted(locations),
                        List.of(lastPage)));
            }
            return grid("festival fit", score, reasons, List.of(lastPage));
        }

        double runtime() {
            return stats.runtimeMinutes() > 0 ? stats.runtimeMinutes() : pages;
        }

        /** The longest stretch of pages where the character neither speaks nor is named, as {from, to}. */
        int[] absence(String name) {
            var present = new java.util.TreeSet<Integer>();
            var upper = name.toUpperCase(Locale.ROOT);
            var lower = name.toLowerCase(Locale.ROOT);
            var elements = screenplay.elements();
            for (var e : elements) {
                if (e.type() == ElementType.CHARACTER) {
                    if (e.text().toUpperCase(Locale.ROOT).replaceAll("\\s*\\(.*$", "").strip().equals(upper)) {
                        present.add(e.page());
                    }
                } else if (e.type() == ElementType.ACTION && ScriptWords.words(e.text()).contains(lower)) {
                    present.add(e.page());
                }
            }
            if (present.isEmpty()) {
                return null;
            }
            int[] best = null;
            int previous = 0;
            for (int page : present) {
                if (page - previous - 1 > (best == null ? 0 : best[1] - best[0] + 1)) {
                    best = new int[] {previous + 1, page - 1};
                }
                previous = page;
            }
            if (pages - previous > (best == null ? 0 : best[1] - best[0] + 1)) {
                best = new int[] {previous + 1, pages};
            }
            return best;
        }

        private static GridScore grid(String criterion, int score, List<String> reasons, List<Evidence> evidence) {
            int clamped = Math.max(1, Math.min(10, score));
            var reason = "Indicator score from the script's statistics, not a reading"
                    + (reasons.isEmpty() ? "." : ": " + String.join("; ", reasons) + ".");
            return new GridScore(criterion, clamped, reason, evidence);
        }

        private static int pct(double share) {
            return (int) Math.round(share * 100);
        }

        private static String eighths(double eighths) {
            return ai.sorot.model.screenplay.Eighths.format((int) Math.round(eighths));
        }
    }
}

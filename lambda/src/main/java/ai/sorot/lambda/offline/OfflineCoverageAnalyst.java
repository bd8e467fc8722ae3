package ai.sorot.lambda.offline;

import ai.sorot.lambda.checks.ScriptChecks;
import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.CoverageAnalyst;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.lambda.pipeline.Lexicon;
import ai.sorot.lambda.pipeline.ScriptWords;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Coverage;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Usage;
import ai.sorot.model.report.Verdicts;
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
 * Coverage when no model reads the script: what the statistics and the words of a script show,
 * and nothing they do not. There is no verdict, no score and no grid: no reader judged the
 * writing. The craft indicators give figures with what they mean; the key lines quote the
 * script's own action lines; genre, tone and themes are counted vocabulary, with the counts.
 */
public final class OfflineCoverageAnalyst implements CoverageAnalyst {

    /** No model read the script: Sorot's own measures, on this machine. */
    public static final Provenance PROVENANCE = new Provenance("Sorot's own measures, no model", "sorot-no-model-2", true);
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
        final CraftIndicators indicators;

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
            this.indicators = new CraftIndicators(screenplay, text, stats);
        }

        Coverage coverage() {
            var protagonist = indicators.protagonist();
            // the word lists are English: on another language, or on words that make no sentences, they would count noise
            var why = ScriptChecks.text(screenplay).whyNoWordLists();
            var genres = why == null ? genres() : List.<String>of();
            var themes = why == null ? themes() : List.<String>of();
            var tone = why == null ? tone() : why;
            return new Coverage(logline(protagonist), synopsis(protagonist), genres, tone, themes, List.of(),
                    protagonist == null ? null : protagonist.name(), List.of(), List.of(), List.of(), null,
                    Verdicts.NOT_JUDGED + ". " + Verdicts.HOW_TO_JUDGE
                            + " What is shown is measured: the craft indicators, vocabulary counts and quoted lines.",
                    PROVENANCE, indicators.all());
        }

        /**
         * What is known, and nothing more: "A 121-page feature, mostly at night, led by EDWARD (38% of
         * dialogue)". A place or a time of day is named only when it holds at least 15% of the scenes.
         */
        String logline(CharacterStat protagonist) {
            var sb = new StringBuilder("A ").append(pages).append("-page ").append(form());
            var where = mostlyAt();
            if (where != null) {
                sb.append(", mostly ").append(where);
            }
            if (protagonist != null) {
                sb.append(", led by ").append(protagonist.name())
                        .append(" (").append(CraftIndicators.pct(protagonist.dialogueShare())).append("% of dialogue)");
            }
            return sb.append('.').toString();
        }

        private String form() {
            return pages < 40 ? "short" : pages < 70 ? "mid-length screenplay" : "feature";
        }

        /** "at night", "by day" or "at THE DINER" when it holds at least 15% of the scenes; else null. */
        private String mostlyAt() {
            if (sceneCount == 0) {
                return null;
            }
            var location = stats.locations().stream().findFirst().orElse(null);
            double locationShare = location == null ? 0 : location.scenes() / (double) sceneCount;
            int night = stats.timesOfDay().getOrDefault("NIGHT", 0);
            int day = stats.timesOfDay().getOrDefault("DAY", 0);
            if (night > day && night >= 0.5 * sceneCount) {
                return "at night";
            }
            if (location != null && locationShare >= 0.15) {
                return "at " + location.name();
            }
            return null;
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
}

package ai.sorot.lambda.offline;

import ai.sorot.lambda.checks.EnglishWords;
import ai.sorot.lambda.checks.ScriptChecks;
import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.CoverageAnalyst;
import ai.sorot.lambda.pipeline.CoverageRequest;
import ai.sorot.lambda.pipeline.Lexicon;
import ai.sorot.lambda.pipeline.ScriptWords;
import ai.sorot.lambda.semantic.Embedder;
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
    public static final Provenance PROVENANCE =
            new Provenance("Sorot's own measures, no model", "sorot-no-model-2", true);

    private static final EnumSet<ElementType> PROSE = EnumSet.copyOf(ScriptWords.PROSE);

    @Override
    public Provenance provenance() {
        return PROVENANCE;
    }

    /** Loads the embedding model (for the key lines) on a daemon thread, once per process, while the script is read. */
    @Override
    public void prepare() {
        if (EMBEDDER_REQUESTED.compareAndSet(false, true)) {
            var thread = new Thread(
                    () -> {
                        try {
                            Embedder.shared();
                        } catch (RuntimeException | LinkageError e) {
                            // the key lines fall back to word counts; nothing to do here
                        }
                    },
                    "sorot-embedder-load");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean EMBEDDER_REQUESTED =
            new java.util.concurrent.atomic.AtomicBoolean();

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
        /** The word counts behind each genre and theme named, for the report to show. */
        final List<String> cues = new ArrayList<>();

        Reading(Screenplay screenplay, String title) {
            this.screenplay = screenplay;
            this.text = new ScriptWords(screenplay);
            this.stats = screenplay.stats() != null
                    ? screenplay.stats()
                    : new ScreenplayStats(
                            screenplay.pageCount(),
                            screenplay.pageCount(),
                            screenplay.scenes().size(),
                            null,
                            null,
                            null,
                            null,
                            0,
                            0,
                            0,
                            0,
                            null,
                            null,
                            null);
            this.title = title;
            this.pages = Math.max(1, screenplay.pageCount());
            this.sceneCount = screenplay.scenes().size();
            this.proseWords = Math.max(1, text.proseWords());
            this.indicators = new CraftIndicators(screenplay, text, stats);
        }

        Coverage coverage() {
            var protagonist = indicators.protagonist();
            // the word lists are English: on another language, or on words that make no sentences, they would count
            // noise
            var why = ScriptChecks.text(screenplay).whyNoWordLists();
            var genres = why == null ? genres() : List.<String>of();
            var themes = why == null ? themes() : List.<String>of();
            var tone = why == null ? tone() : why;
            return new Coverage(
                    logline(protagonist),
                    synopsis(protagonist),
                    genres,
                    tone,
                    themes,
                    List.of(),
                    protagonist == null ? null : protagonist.name(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    Verdicts.NOT_JUDGED + ". " + Verdicts.HOW_TO_JUDGE
                            + " What is shown is measured: the craft indicators, vocabulary counts and quoted lines."
                            + (cues.isEmpty()
                                    ? ""
                                    : " Vocabulary cues (word counts): " + String.join("; ", cues) + "."),
                    PROVENANCE,
                    indicators.all());
        }

        /**
         * What is known, and nothing more: "A 121-page feature, mostly at night, led by EDWARD (38% of
         * dialogue)". A place or a time of day is named only when it holds at least 15% of the scenes.
         */
        String logline(CharacterStat protagonist) {
            // "an 8-page short", "an 11-page short": the article follows the spoken number
            var spoken = String.valueOf(pages);
            boolean vowel = spoken.startsWith("8") || pages == 11 || pages == 18;
            var sb = new StringBuilder(vowel ? "An " : "A ")
                    .append(pages)
                    .append("-page ")
                    .append(form());
            var where = mostlyAt();
            if (where != null) {
                sb.append(", mostly ").append(where);
            }
            if (protagonist != null) {
                sb.append(", led by ")
                        .append(protagonist.name())
                        .append(" (")
                        .append(CraftIndicators.pct(protagonist.dialogueShare()))
                        .append("% of dialogue)");
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
         * Key lines: the script's own action sentences, the most representative of each act (acts by
         * page: the first quarter, the middle half, the last quarter): the closest in meaning to their
         * act's mean sentence embedding ({@link KeyLines}), not a position. Without the embedding
         * model, the sentences whose content words their act uses most. Only action: never a cue, a
         * note, a transition or a heading.
         */
        String synopsis(CharacterStat protagonist) {
            var candidates = new ArrayList<Sentence>();
            var elements = screenplay.elements();
            for (int i = 0; i < elements.size(); i++) {
                var element = elements.get(i);
                if (element.type() != ElementType.ACTION || element.text().contains("[[")) {
                    continue;
                }
                for (var sentence : ScriptWords.sentences(element.text())) {
                    int words = ScriptWords.wordCount(sentence);
                    boolean shouted = sentence.equals(sentence.toUpperCase(Locale.ROOT));
                    // a whole sentence: a capital first, a full stop last (not a fragment cut by "--" or a cue)
                    boolean whole =
                            Character.isUpperCase(sentence.charAt(0)) && sentence.matches("(?s).*[.!?][\"”']?$");
                    if (words >= 5 && words <= 45 && !shouted && whole) {
                        candidates.add(new Sentence(i, element.page(), sentence, words));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return "No action lines to quote: the script is all dialogue or headings.";
            }
            int[] perAct = pages < 40 ? new int[] {1, 2, 1} : new int[] {2, 2, 2};
            // names are what every line shares; what the act is about is in the other words
            var names = new java.util.HashSet<String>();
            stats.characters().forEach(c -> names.addAll(ScriptWords.words(c.name())));
            var acts = new ArrayList<List<Sentence>>();
            for (int act = 0; act < 3; act++) {
                int a = act;
                acts.add(candidates.stream().filter(c -> actOf(c.page()) == a).toList());
            }
            List<List<Sentence>> chosen;
            String heading;
            try {
                chosen = KeyLines.central(acts, Sentence::text, perAct, Embedder.shared());
                heading = "Key lines (the script's own action lines, the most representative of each act by meaning):";
            } catch (RuntimeException | LinkageError noEmbeddings) {
                // no embedding model on this computer: the lines whose words their act uses most
                chosen = new ArrayList<>();
                for (int act = 0; act < 3; act++) {
                    chosen.add(mostTypical(acts.get(act), perAct[act], names));
                }
                heading = "Key lines (the script's own action lines, the most typical of each act):";
            }
            var picks = new ArrayList<Sentence>();
            for (int act = 0; act < 3; act++) {
                int a = act;
                picks.addAll(chosen.get(act).stream()
                        .map(c -> c.withLabel("Act " + (a + 1)))
                        .toList());
            }
            picks.sort(Comparator.comparingInt(Sentence::element));
            var sb = new StringBuilder(heading);
            for (var p : picks) {
                sb.append('\n')
                        .append(p.label())
                        .append(", p. ")
                        .append(p.page())
                        .append(": ")
                        .append(ScriptWords.clip(p.text(), 240));
            }
            return sb.toString();
        }

        private int actOf(int page) {
            double at = (page - 0.5) / pages;
            return at < 0.25 ? 0 : at < 0.75 ? 1 : 2;
        }

        /** The {@code n} sentences whose content words are most used across {@code sentences}, one per paragraph. */
        private static List<Sentence> mostTypical(List<Sentence> sentences, int n, java.util.Set<String> names) {
            var counts = new java.util.HashMap<String, Integer>();
            var contentWords = new java.util.IdentityHashMap<Sentence, java.util.Set<String>>();
            for (var s : sentences) {
                var content = new java.util.HashSet<String>();
                for (var w : ScriptWords.words(s.text())) {
                    if (w.length() > 2 && !EnglishWords.FUNCTION.contains(w) && !names.contains(w)) {
                        content.add(w);
                    }
                }
                contentWords.put(s, content);
                content.forEach(w -> counts.merge(w, 1, Integer::sum));
            }
            record Scored(Sentence sentence, double score) {}
            var scored = new ArrayList<Scored>();
            for (var s : sentences) {
                var content = contentWords.get(s);
                if (content.size() < 3) {
                    continue;
                }
                // words shared with other sentences of the act, not the sentence's own: centrality, not length
                double shared =
                        content.stream().mapToDouble(w -> counts.get(w) - 1).sum();
                scored.add(new Scored(s, shared / Math.sqrt(content.size())));
            }
            scored.sort(Comparator.comparingDouble(Scored::score).reversed());
            var out = new ArrayList<Sentence>();
            for (var s : scored) {
                if (out.size() == n) {
                    break;
                }
                // typical, but not the same line twice: a pick shares at most half its words with another
                var words = contentWords.get(s.sentence());
                boolean distinct = out.stream()
                        .noneMatch(o ->
                                o.element() == s.sentence().element() || overlap(contentWords.get(o), words) > 0.5);
                if (distinct) {
                    out.add(s.sentence());
                }
            }
            return out;
        }

        private static double overlap(java.util.Set<String> a, java.util.Set<String> b) {
            long common = a.stream().filter(b::contains).count();
            return common / (double) Math.max(1, Math.min(a.size(), b.size()));
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
            record Scored(String name, double rate, String terms) {}
            var scored = new ArrayList<Scored>();
            for (var lexicon : Vocabulary.GENRES) {
                var hits = text.scan(lexicon, PROSE, 0);
                double rate = hits.count() * 1000.0 / proseWords;
                if (hits.count() >= 6 && hits.distinctTerms() >= 3 && rate >= 3) {
                    scored.add(new Scored(lexicon.name(), rate, hits.topTerms(4)));
                }
            }
            scored.sort(Comparator.comparingDouble(Scored::rate).reversed());
            var top = scored.stream().limit(2).toList();
            top.forEach(g -> cues.add(g.name() + " (" + g.terms() + ")"));
            return top.stream().map(Scored::name).toList();
        }

        String tone() {
            record Scored(Lexicon lexicon, ScriptWords.Hits hits, double rate) {}
            var scored = new ArrayList<Scored>();
            for (var lexicon : Vocabulary.TONES) {
                var hits = text.scan(lexicon, PROSE, 0);
                scored.add(new Scored(lexicon, hits, hits.count() * 1000.0 / proseWords));
            }
            scored.sort(Comparator.comparingDouble(Scored::rate).reversed());
            var top =
                    scored.stream().filter(s -> s.hits().count() >= 4).limit(2).toList();
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
                sb.append(String.join(
                                "; ",
                                top.stream().map(s -> s.hits().topTerms(3)).toList()))
                        .append(')');
            }
            int night = stats.timesOfDay().getOrDefault("NIGHT", 0);
            int timed = stats.timesOfDay().values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            if (timed > 0 && night > 0) {
                sb.append("; ").append(Math.round(100.0 * night / timed)).append("% of scenes at night");
            }
            return sb.append('.').toString();
        }

        List<String> themes() {
            record Scored(String name, int count, String terms) {}
            var scored = new ArrayList<Scored>();
            for (var lexicon : Vocabulary.THEMES) {
                var hits = text.scan(lexicon, PROSE, 0);
                if (hits.count() >= Math.max(4, proseWords / 1500) && hits.distinctTerms() >= 2) {
                    scored.add(new Scored(lexicon.name(), hits.count(), hits.topTerms(3)));
                }
            }
            scored.sort(Comparator.comparingInt(Scored::count).reversed());
            var top = scored.stream().limit(4).toList();
            top.forEach(t -> cues.add(t.name() + " (" + t.terms() + ")"));
            return top.stream().map(Scored::name).toList();
        }
    }
}

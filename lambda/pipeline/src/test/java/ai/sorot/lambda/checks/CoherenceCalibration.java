package ai.sorot.lambda.checks;

import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Calibrates the coherence check: every script of the shared corpora (read at run time, never
 * copied), and from each one with enough text two generated ones with its structure kept (headings,
 * cues, the length of every paragraph) and its words replaced: shuffled across the script, drawn
 * at random from the corpus vocabulary (a dictionary), or drawn as often as the corpus uses each
 * word (so "the" and "of" come up as in English, in no order). Prints one line per script with its figures.
 * Run by bench/coherence-calibration.sh; {@code CoherenceCalibrationTest} asserts on the same rows.
 */
public final class CoherenceCalibration {

    /** One script's figures and what the checks made of it. */
    public record Row(
            String name,
            String kind,
            Coherence coherence,
            Language language,
            boolean flagged,
            boolean placeholder,
            ai.sorot.lambda.language.TagConfidence tags,
            ai.sorot.lambda.language.DetectedLanguage detected) {}

    private CoherenceCalibration() {}

    public static Path shared() {
        var env = System.getenv("SOROT_SHARED");
        for (var candidate : Stream.of(env, "../../shared", "../../../shared", "/work/shared")
                .filter(s -> s != null)
                .toList()) {
            var p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve("corpus"))) {
                return p;
            }
        }
        return null;
    }

    /** The real scripts: every Fountain and PDF file of corpus and corpus-real. */
    public static List<Path> scripts(Path shared) throws IOException {
        var out = new ArrayList<Path>();
        for (var dir : List.of(shared.resolve("corpus"), shared.resolve("corpus-real"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> {
                            var n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                            return n.endsWith(".fountain") || n.endsWith(".pdf");
                        })
                        .sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    public static List<Row> measure(Path shared) throws IOException {
        var reader = new ScreenplayReader();
        var rows = new ArrayList<Row>();
        var parsed = new ArrayList<Screenplay>();
        var names = new ArrayList<String>();
        for (var file : scripts(shared)) {
            Screenplay screenplay;
            try {
                screenplay = reader.read(file);
            } catch (RuntimeException refused) {
                continue; // not a screenplay the reader accepts (an image-only PDF, a fragment): nothing to check
            }
            var name = shared.relativize(file).toString();
            rows.add(row(name, "real", screenplay));
            parsed.add(screenplay);
            names.add(name);
        }
        var vocabulary = new TreeSet<String>();
        parsed.forEach(s -> ProseWords.paragraphs(s).forEach(vocabulary::addAll));
        var dictionary = List.copyOf(vocabulary);
        var allWords =
                new ArrayList<String>(); // every word as often as the corpus uses it: draws follow English frequencies
        parsed.forEach(s -> ProseWords.paragraphs(s).forEach(allWords::addAll));
        var random = new Random(20261206);
        for (int i = 0; i < parsed.size(); i++) {
            var screenplay = parsed.get(i);
            if (!Coherence.measure(ProseWords.paragraphs(screenplay)).enoughText()) {
                continue;
            }
            var own = new ArrayList<String>();
            ProseWords.paragraphs(screenplay).forEach(own::addAll);
            Collections.shuffle(own, random);
            rows.add(row(names.get(i), "shuffled", reader.readFountain(rewrite(screenplay, own, random))));
            var drawn = new ArrayList<String>();
            for (int k = 0; k < own.size(); k++) {
                drawn.add(dictionary.get(random.nextInt(dictionary.size())));
            }
            rows.add(row(names.get(i), "random", reader.readFountain(rewrite(screenplay, drawn, random))));
            var weighted = new ArrayList<String>();
            for (int k = 0; k < own.size(); k++) {
                weighted.add(allWords.get(random.nextInt(allWords.size())));
            }
            rows.add(row(names.get(i), "weighted", reader.readFountain(rewrite(screenplay, weighted, random))));
        }
        return rows;
    }

    private static Row row(String name, String kind, Screenplay screenplay) {
        var result = ScriptChecks.run(screenplay);
        boolean flagged = result.checks().stream().anyMatch(c -> c.code().equals("INCOHERENT_TEXT"));
        var texts = ProseWords.texts(screenplay);
        return new Row(
                name,
                kind,
                result.coherence(),
                result.language(),
                flagged,
                placeholder(screenplay),
                ai.sorot.lambda.language.TagConfidence.measure(texts),
                ai.sorot.lambda.language.LanguageDetector.detect(String.join("\n", texts)));
    }

    /** Prose that is mostly one word repeated ("action. action.", "blah blah"): a parser test's filler, not a script. */
    static boolean placeholder(Screenplay screenplay) {
        var counts = new java.util.HashMap<String, Integer>();
        int words = 0;
        for (var paragraph : ProseWords.paragraphs(screenplay)) {
            for (var w : paragraph) {
                counts.merge(w, 1, Integer::sum);
                words++;
            }
        }
        int top = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return words >= Coherence.MIN_WORDS && top > words * 0.3;
    }

    /** The script as Fountain with its structure kept and each prose paragraph's words taken, in turn, from {@code words}. */
    public static String rewrite(Screenplay screenplay, List<String> words, Random random) {
        var sb = new StringBuilder("Title: Generated\nAuthor: Calibration\n\n");
        int next = 0;
        for (var e : screenplay.elements()) {
            switch (e.type()) {
                case SCENE_HEADING ->
                    sb.append(
                                    e.text().toUpperCase(Locale.ROOT).startsWith("INT")
                                                    || e.text()
                                                            .toUpperCase(Locale.ROOT)
                                                            .startsWith("EXT")
                                            ? e.text()
                                            : "." + e.text())
                            .append("\n\n");
                case CHARACTER -> sb.append('@').append(e.text()).append('\n');
                case PARENTHETICAL ->
                    sb.append(e.text().startsWith("(") ? e.text() : "(" + e.text() + ")")
                            .append('\n');
                case DIALOGUE, ACTION -> {
                    int n = ProseWords.words(e.text()).size();
                    var out = new StringBuilder();
                    for (int k = 0; k < n && next < words.size(); k++) {
                        var w = words.get(next++);
                        out.append(k == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
                        if (random.nextInt(12) == 0 && k < n - 1) {
                            out.append('.');
                        }
                    }
                    if (!out.isEmpty()) {
                        out.append('.');
                    }
                    if (e.type() == ElementType.ACTION) {
                        sb.append('!');
                    }
                    sb.append(out).append(e.type() == ElementType.DIALOGUE ? "\n\n" : "\n\n");
                }
                default -> {}
            }
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        var shared = args.length > 0 ? Path.of(args[0]) : shared();
        if (shared == null) {
            System.err.println("no shared folder (set SOROT_SHARED)");
            System.exit(2);
        }
        var rows = measure(shared);
        for (var r : rows) {
            var c = r.coherence();
            System.out.printf(
                    Locale.ROOT,
                    "%-9s %-6s %s words=%6d function=%.3f afterDet=%.3f (n=%4d) lang=%-5s nlp=%s %.2f tagP=%.4f unsure=%.4f (%d tok) %s%n",
                    r.kind(),
                    r.flagged() ? "FLAG" : "ok",
                    r.placeholder() ? "placeholder" : "",
                    c.words(),
                    c.functionShare(),
                    c.brokenAfterDeterminer(),
                    c.determiners(),
                    r.language() == null ? "none" : r.language().code(),
                    r.detected() == null ? "-" : r.detected().code(),
                    r.detected() == null ? 0 : r.detected().confidence(),
                    r.tags().meanProbability(),
                    r.tags().unsureShare(),
                    r.tags().tokens(),
                    r.name());
        }
        for (var kind : List.of("real", "shuffled", "random", "weighted")) {
            var judged = rows.stream()
                    .filter(r -> r.kind().equals(kind)
                            && r.coherence().enoughText()
                            && (r.language() == null || r.language().isEnglish()))
                    .toList();
            var fs = judged.stream()
                    .mapToDouble(r -> r.coherence().functionShare())
                    .summaryStatistics();
            var ad = judged.stream()
                    .filter(r -> r.coherence().determiners() >= Coherence.MIN_DETERMINERS)
                    .mapToDouble(r -> r.coherence().brokenAfterDeterminer())
                    .summaryStatistics();
            var tags = judged.stream()
                    .filter(r -> !r.placeholder())
                    .mapToDouble(r -> r.tags().meanProbability())
                    .summaryStatistics();
            System.out.printf(
                    Locale.ROOT,
                    "%-9s scripts=%3d flagged=%3d  function share %.3f–%.3f  after-article %.3f–%.3f"
                            + "  tag confidence %.3f–%.3f (%d, placeholders left out)%n",
                    kind,
                    rows.stream().filter(r -> r.kind().equals(kind)).count(),
                    rows.stream()
                            .filter(r -> r.kind().equals(kind) && r.flagged())
                            .count(),
                    fs.getMin(),
                    fs.getMax(),
                    ad.getMin(),
                    ad.getMax(),
                    tags.getMin(),
                    tags.getMax(),
                    tags.getCount());
        }
    }
}

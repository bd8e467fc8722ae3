package ai.sorot.lambda.cli;

import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.model.Json;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.Screenplay;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sorot parse FILE...}: screenplays in, structure and statistics out. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description =
                "Read screenplays (PDF, Fountain, Final Draft .fdx, Highland .highland; or folders of them) and print their structure.")
final class ParseCommand implements Callable<Integer> {

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "PDF, .fountain, .fdx or .highland files, or folders holding them")
    List<Path> inputs;

    @Option(names = "--json", description = "Print JSON: elements, title page and statistics")
    boolean json;

    @Option(names = "--stats", description = "Statistics only (no elements)")
    boolean statsOnly;

    @Option(names = "--threads", description = "Files parsed at once (default: one per core)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec spec;

    private record Outcome(Path file, Screenplay screenplay, SorotException error) {}

    @Override
    public Integer call() throws Exception {
        var files = expand(inputs);
        var reader = new ScreenplayReader();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        boolean failed = false;
        // Each result is printed as soon as those before it are, then dropped: a batch of hundreds of
        // scripts never holds them all, so the collector has little to copy and output starts early.
        try (var printer = new Printer(out, files.size() > 1);
                var pool = files.size() == 1
                        ? null
                        : Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files.size())))) {
            var futures = new ArrayList<Future<Outcome>>(files.size());
            for (var file : files) {
                futures.add(
                        pool == null
                                ? CompletableFuture.completedFuture(parse(reader, file))
                                : pool.submit(() -> parse(reader, file)));
            }
            for (int i = 0; i < futures.size(); i++) {
                var outcome = get(futures.get(i));
                futures.set(i, null);
                if (outcome.error() != null) {
                    failed = true;
                    err.println("sorot: " + outcome.file() + ": "
                            + outcome.error().code() + ": " + outcome.error().getMessage());
                }
                printer.print(outcome);
            }
        }
        out.flush();
        return failed ? CliErrors.BAD_INPUT : 0;
    }

    /** Writes outcomes in input order: one JSON object, a JSON array of them, or the readable summaries. */
    private final class Printer implements AutoCloseable {
        private final PrintWriter out;
        private final boolean several;
        private final JsonGenerator generator;

        Printer(PrintWriter out, boolean several) throws IOException {
            this.out = out;
            this.several = several;
            this.generator = json
                    ? Json.mapper().getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    : null;
            if (generator != null && several) {
                generator.writeStartArray();
            }
        }

        void print(Outcome outcome) throws IOException {
            if (generator != null) {
                Json.mapper().writeValue(generator, fields(outcome, several));
                return;
            }
            if (outcome.screenplay() != null) {
                if (several) {
                    out.println("== " + outcome.file());
                }
                out.print(
                        statsOnly
                                ? ScreenplaySummary.stats(outcome.screenplay())
                                : ScreenplaySummary.full(outcome.screenplay()));
                out.println();
            }
        }

        @Override
        public void close() throws IOException {
            if (generator != null) {
                if (several) {
                    generator.writeEndArray();
                }
                generator.close();
                out.println();
            }
        }
    }

    private static Outcome parse(ScreenplayReader reader, Path file) {
        try {
            return new Outcome(file, reader.read(file), null);
        } catch (SorotException e) {
            return new Outcome(file, null, e);
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(
                    file,
                    null,
                    new SorotException(
                            ErrorCode.PDF_CORRUPT,
                            "The file could not be read (" + e.getClass().getSimpleName() + ").",
                            e));
        }
    }

    private static Outcome get(Future<Outcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The bench format: title, authors, pageCount, format, elements, and the statistics under
     * "stats"; written straight from the records, with no JSON tree in between.
     */
    private Map<String, Object> fields(Outcome outcome, boolean withFile) {
        var fields = new LinkedHashMap<String, Object>();
        if (withFile) {
            fields.put("file", outcome.file().toString());
        }
        if (outcome.error() != null) {
            fields.put(
                    "error",
                    new ApiError(outcome.error().code().name(), outcome.error().getMessage()));
            return fields;
        }
        var screenplay = outcome.screenplay();
        fields.put("title", screenplay.title());
        fields.put("authors", screenplay.authors());
        fields.put("pageCount", screenplay.pageCount());
        fields.put("format", screenplay.format().name());
        if (screenplay.isTextLayerRepaired()) {
            fields.put("textLayerRepaired", true);
        }
        if (!screenplay.titlePage().isEmpty()) {
            fields.put("titlePage", screenplay.titlePage());
        }
        if (!statsOnly) {
            fields.put("elements", screenplay.elements());
        }
        fields.put("scenes", screenplay.scenes());
        fields.put("stats", screenplay.stats());
        return fields;
    }

    /** Files as given, and every screenplay file under the folders given, in name order. */
    static List<Path> expand(List<Path> inputs) throws IOException {
        var files = new ArrayList<Path>();
        for (var input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(ParseCommand::isScreenplayFile)
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        if (files.isEmpty()) {
            throw new SorotException(
                    ErrorCode.FILE_NOT_FOUND, "No screenplay files (.pdf, .fountain, .fdx, .highland) in " + inputs);
        }
        return files;
    }

    /** In a folder, the name picks the files (a folder holds other things); each file's bytes then decide its format. */
    private static boolean isScreenplayFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pdf")
                || name.endsWith(".fountain")
                || name.endsWith(".fdx")
                || name.endsWith(".highland");
    }
}

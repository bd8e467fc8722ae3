package ai.sorot.lambda.cli;

import ai.sorot.lambda.screenplay.ScreenplayReader;
import ai.sorot.model.Json;
import ai.sorot.model.api.ApiError;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.Screenplay;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sorot parse FILE...}: screenplays in, structure and statistics out. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Read screenplay PDFs or Fountain files (or folders of them) and print their structure.")
final class ParseCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "PDF or .fountain files, or folders holding them")
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
        var outcomes = new ArrayList<Outcome>(files.size());
        if (files.size() == 1) {
            outcomes.add(parse(reader, files.getFirst()));
        } else {
            try (var pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files.size())))) {
                var futures = new ArrayList<Future<Outcome>>();
                for (var file : files) {
                    futures.add(pool.submit(() -> parse(reader, file)));
                }
                for (var future : futures) {
                    outcomes.add(get(future));
                }
            }
        }
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        boolean failed = false;
        for (var outcome : outcomes) {
            if (outcome.error() != null) {
                failed = true;
                err.println("sorot: " + outcome.file() + ": " + outcome.error().code() + ": " + outcome.error().getMessage());
            }
        }
        if (json) {
            printJson(out, outcomes);
        } else {
            for (var outcome : outcomes) {
                if (outcome.screenplay() != null) {
                    if (outcomes.size() > 1) {
                        out.println("== " + outcome.file());
                    }
                    out.print(statsOnly ? ScreenplaySummary.stats(outcome.screenplay())
                            : ScreenplaySummary.full(outcome.screenplay()));
                    out.println();
                }
            }
        }
        out.flush();
        return failed ? CliErrors.BAD_INPUT : 0;
    }

    private static Outcome parse(ScreenplayReader reader, Path file) {
        try {
            return new Outcome(file, reader.read(file), null);
        } catch (SorotException e) {
            return new Outcome(file, null, e);
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(file, null, new SorotException(ErrorCode.PDF_CORRUPT,
                    "The file could not be read (" + e.getClass().getSimpleName() + ").", e));
        }
    }

    private static Outcome get(Future<Outcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void printJson(PrintWriter out, List<Outcome> outcomes) throws IOException {
        var mapper = Json.mapper();
        if (outcomes.size() == 1) {
            out.println(mapper.writeValueAsString(node(outcomes.getFirst(), false)));
            return;
        }
        var array = mapper.createArrayNode();
        for (var outcome : outcomes) {
            array.add(node(outcome, true));
        }
        out.println(mapper.writeValueAsString(array));
    }

    /** The bench format: title, authors, pageCount, elements, and the statistics under "stats". */
    private ObjectNode node(Outcome outcome, boolean withFile) {
        var mapper = Json.mapper();
        var node = mapper.createObjectNode();
        if (withFile) {
            node.put("file", outcome.file().toString());
        }
        if (outcome.error() != null) {
            node.set("error", mapper.valueToTree(new ApiError(outcome.error().code().name(), outcome.error().getMessage())));
            return node;
        }
        var screenplay = outcome.screenplay();
        node.put("title", screenplay.title());
        node.set("authors", mapper.valueToTree(screenplay.authors()));
        node.put("pageCount", screenplay.pageCount());
        if (screenplay.isTextLayerRepaired()) {
            node.put("textLayerRepaired", true);
        }
        if (!screenplay.titlePage().isEmpty()) {
            node.set("titlePage", mapper.valueToTree(screenplay.titlePage()));
        }
        if (!statsOnly) {
            node.set("elements", mapper.valueToTree(screenplay.elements()));
        }
        node.set("scenes", mapper.valueToTree(screenplay.scenes()));
        node.set("stats", mapper.valueToTree(screenplay.stats()));
        return node;
    }

    /** Files as given, and every PDF or Fountain file under the folders given, in name order. */
    static List<Path> expand(List<Path> inputs) throws IOException {
        var files = new ArrayList<Path>();
        for (var input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(ParseCommand::isScreenplayFile).sorted().forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        if (files.isEmpty()) {
            throw new SorotException(ErrorCode.FILE_NOT_FOUND, "No PDF or Fountain files in " + inputs);
        }
        return files;
    }

    private static boolean isScreenplayFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pdf") || name.endsWith(".fountain");
    }
}

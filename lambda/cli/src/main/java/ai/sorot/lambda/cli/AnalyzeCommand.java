package ai.sorot.lambda.cli;

import ai.sorot.lambda.api.SubmissionService;
import ai.sorot.lambda.checks.ScriptChecks;
import ai.sorot.lambda.library.AtomicFiles;
import ai.sorot.lambda.library.Library;
import ai.sorot.lambda.library.SavedEmbedding;
import ai.sorot.lambda.library.Thumbnails;
import ai.sorot.lambda.local.LocalBackend;
import ai.sorot.lambda.local.SorotHome;
import ai.sorot.lambda.pipeline.Job;
import ai.sorot.lambda.pipeline.ReportAssembler;
import ai.sorot.lambda.pipeline.StepRun;
import ai.sorot.lambda.screenplay.ScriptFormat;
import ai.sorot.model.Json;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.JobState;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.api.StepStatus;
import ai.sorot.model.report.Verdicts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./sorot analyze FILE}: one analysis in this process, with the offline analysers, in a
 * scratch home that is removed afterwards; the report (JSON and Markdown) and the audio summary
 * are written to {@code --out}.
 */
@Command(
        name = "analyze",
        aliases = "analyse",
        mixinStandardHelpOptions = true,
        description =
                "Analyse one screenplay (PDF, Fountain, Final Draft or Highland) offline and write the report and the audio summary.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "The screenplay: a PDF, .fountain, .fdx or .highland file.")
    Path file;

    @Option(names = "--trailer", paramLabel = "URL", description = "The trailer's YouTube or Vimeo link.")
    String trailer;

    @Option(names = "--title", description = "The title to show (default: the title page's).")
    String title;

    @Option(
            names = "--form",
            paramLabel = "FORM",
            description = "The form it is submitted as: short, feature or episode (or a FilmFreeway category); "
                    + "a short over 40 pages or a feature under 70 gets a FORM_LENGTH check.")
    String form;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Where to write the report and audio (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quiet", description = "Print only the written files.")
    boolean quiet;

    @Option(names = "--no-save", description = "Do not keep the analysis in the local library.")
    boolean noSave;

    @Option(
            names = "--library",
            paramLabel = "DIR",
            description = "The library to save into (default: the Sorot home's).")
    Path library;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var err = System.err;
        var submittedAs = ScriptChecks.Form.parse(form); // a wrong form is INVALID_PARAMETER before anything runs
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SorotException(ErrorCode.FILE_NOT_FOUND, "No such file: " + file);
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.FILE_NOT_FOUND,
                    "Cannot read " + file + ": "
                            + (Files.isDirectory(file)
                                    ? "it is a folder; analyse one screenplay file (./sorot parse takes folders)"
                                    : e.getMessage()));
        }
        requireUsableOut();
        var scratch = Files.createTempDirectory("sorot-analyze-");
        // Ctrl+C (or a kill) runs shutdown hooks, not finally blocks: the scratch home goes either way
        var running = new java.util.concurrent.atomic.AtomicReference<LocalBackend>();
        var cleanup = new Thread(
                () -> {
                    var open = running.get();
                    if (open != null) {
                        open.close();
                    }
                    deleteQuietly(scratch);
                },
                "sorot-analyze-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        var options = WorkstationAnalysts.chosenFor(
                LocalBackend.Options.defaults(new SorotHome(scratch)).withWorkers(1));
        try (var backend = LocalBackend.open(options)) {
            running.set(backend);
            var id = new SubmissionService(backend.backend())
                    .analyzeFile(content, file.getFileName().toString(), trailer, title, true, submittedAs)
                    .analysisId();
            var job = follow(backend, id, quiet ? null : err);
            var report = new ReportAssembler(backend.blobs()).report(job);
            Files.createDirectories(out);
            var wanted = baseName(file.getFileName().toString());
            var base = freeBaseName(out, wanted);
            if (!base.equals(wanted) && !quiet) {
                err.println("a report named " + wanted + " is already in " + out + "; this one is " + base);
            }
            var json = out.resolve(base + ".report.json");
            var md = out.resolve(base + ".report.md");
            AtomicFiles.write(
                    json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
            AtomicFiles.write(md, ReportMarkdown.render(report).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            System.out.println(json);
            System.out.println(md);
            var audio = new ReportAssembler(backend.blobs()).audio(job);
            byte[] audioBytes = null;
            if (audio.isPresent()) {
                var target = out.resolve(base + ".summary." + audio.get().format());
                audioBytes = backend.blobs().get(audio.get().key()).orElseThrow();
                AtomicFiles.write(target, audioBytes);
                System.out.println(target);
            }
            if (job.state() == JobState.COMPLETED && !noSave) {
                var folder = library != null
                        ? library
                        : SorotHome.fromEnvironment().ensureExists().library();
                try (var saved = Library.open(folder)) {
                    var name = file.getFileName().toString();
                    byte[] thumbnail = ScriptFormat.hasPdfMagic(content)
                            ? Thumbnails.firstPage(content).orElse(null)
                            : null;
                    saved.save(
                            report,
                            new Library.Attachments(
                                    audioBytes,
                                    audio.map(ReportAssembler.AudioRef::contentType)
                                            .orElse(null),
                                    thumbnail,
                                    content,
                                    name));
                    SavedEmbedding.embed(saved, report.analysisId(), quiet ? null : err);
                }
                if (!quiet) {
                    err.println("saved in the library: " + folder);
                }
            }
            if (job.state() == JobState.FAILED) {
                err.println("sorot: " + job.error().code() + ": " + job.error().message());
                return CliErrors.BAD_INPUT;
            }
            if (!quiet && report.curation() != null) {
                err.printf(Locale.ROOT, "%s: %s%n", report.title(), Verdicts.line(report.curation()));
                if (!report.curation().isJudged()) {
                    err.println(Verdicts.HOW_TO_JUDGE);
                }
                report.checks()
                        .forEach(c -> err.printf(
                                Locale.ROOT,
                                "check %s (%s): %s%n",
                                c.code(),
                                c.severity().name().toLowerCase(Locale.ROOT),
                                c.message()));
            }
            return 0;
        } finally {
            running.set(null);
            deleteTree(scratch);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs, and finds nothing left to do
            }
        }
    }

    /** Waits for the job to finish, printing each step as it starts and ends. */
    private static Job follow(LocalBackend backend, String id, PrintStream progress) throws InterruptedException {
        var printed = new StepStatus[5];
        while (true) {
            var job = backend.jobs().find(id).orElseThrow();
            if (progress != null) {
                for (var run : job.steps()) {
                    int i = run.step().ordinal();
                    if (run.status() != printed[i] && run.status() != StepStatus.PENDING) {
                        printed[i] = run.status();
                        progress.println(describe(run));
                    }
                }
            }
            if (job.state().isFinal()) {
                return job;
            }
            Thread.sleep(50);
        }
    }

    private static String describe(StepRun run) {
        var sb = new StringBuilder("[%d/5] %-26s %s"
                .formatted(
                        run.step().number(), run.step().stepName(), run.status().json()));
        if (run.durationMillis() != null && run.status().isDone()) {
            sb.append(String.format(Locale.ROOT, " in %.1f s", run.durationMillis() / 1000.0));
        }
        if (run.provenance() != null && run.status().isDone()) {
            sb.append(" (").append(run.provenance().label()).append(')');
        }
        if (run.error() != null) {
            sb.append(": ")
                    .append(run.error().code())
                    .append(": ")
                    .append(run.error().message());
        }
        return sb.toString();
    }

    /**
     * The base name to write under: the file's own, or with "-2", "-3"... when a report of that name
     * is already there (two drafts called script.pdf and script.fountain, or the same script
     * analysed twice), so an earlier report is never overwritten.
     */
    static String freeBaseName(Path out, String wanted) throws IOException {
        for (int n = 1; ; n++) {
            var candidate = n == 1 ? wanted : wanted + "-" + n;
            if (!taken(out, candidate)) {
                return candidate;
            }
        }
    }

    private static boolean taken(Path out, String base) throws IOException {
        if (!Files.isDirectory(out)) {
            return false;
        }
        var prefixes = java.util.List.of(base + ".report.", base + ".summary.");
        try (var files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString())
                    .anyMatch(n -> prefixes.stream().anyMatch(n::startsWith));
        }
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void deleteQuietly(Path root) {
        try {
            if (Files.exists(root)) {
                deleteTree(root);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // a file still being written: the next pass of the OS's temp cleaning takes it
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (var p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** --out is checked before the analysis runs, so a typo costs a second, not a whole analysis. */
    private void requireUsableOut() {
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new SorotException(
                        ErrorCode.INVALID_PARAMETER, "--out " + out + " is a file; give a folder for the report.");
            }
            Files.createDirectories(out);
            if (!Files.isWritable(out)) {
                throw new SorotException(ErrorCode.INVALID_PARAMETER, "--out " + out + " is not writable by you.");
            }
        } catch (IOException e) {
            throw new SorotException(
                    ErrorCode.INVALID_PARAMETER,
                    "--out " + out + " cannot be created ("
                            + (e instanceof java.nio.file.NoSuchFileException
                                    ? "its parent folder does not exist or cannot hold folders"
                                    : e.getClass().getSimpleName().replace("Exception", ""))
                            + "); give a folder you can write to.");
        }
    }
}

package ai.sorot.lambda.screenplay;

import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.screenplay.ElementType;
import ai.sorot.model.screenplay.Screenplay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Reads a screenplay PDF by its page geometry, within the work limits. */
final class PdfScreenplayReader {

    private final ReadLimits limits;

    PdfScreenplayReader(ReadLimits limits) {
        this.limits = limits;
    }

    Screenplay read(Path file) {
        try (var trouble = PdfTrouble.listen();
                var document = PdfDocuments.open(file)) {
            return read(document, trouble);
        } catch (IOException e) {
            throw new SorotException(ErrorCode.PDF_CORRUPT, PdfDocuments.damaged(e), e);
        }
    }

    Screenplay read(byte[] content) {
        try (var trouble = PdfTrouble.listen();
                var document = PdfDocuments.open(content)) {
            return read(document, trouble);
        } catch (IOException e) {
            throw new SorotException(ErrorCode.PDF_CORRUPT, PdfDocuments.damaged(e), e);
        }
    }

    private Screenplay read(PDDocument document, PdfTrouble.Listening trouble) {
        int pageCount = document.getNumberOfPages();
        if (pageCount == 0) {
            throw new SorotException(ErrorCode.PDF_NO_PAGES, "The PDF has no pages.");
        }
        if (pageCount > limits.maxPages()) {
            throw new SorotException(
                    ErrorCode.TOO_MANY_PAGES,
                    "The PDF has %d pages; a screenplay has at most %d.".formatted(pageCount, limits.maxPages()));
        }
        List<PdfPage> pages;
        boolean repaired;
        try {
            long deadline = System.nanoTime() + limits.timeout().toNanos();
            var extractor = new PageGeometryExtractor(deadline);
            pages = extractor.extract(document);
            repaired = extractor.repaired();
        } catch (SorotException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new SorotException(ErrorCode.PDF_CORRUPT, PdfDocuments.damaged(e), e);
        }
        int glyphs = pages.stream().mapToInt(PdfPage::glyphCount).sum();
        int imagePages = glyphs < 5 * pageCount ? countPagesWithImages(document) : 0;
        if (glyphs == 0 && !trouble.heard().isEmpty()) {
            // no text, and PDFBox met a broken structure on the way: a damaged file, not a scan
            throw new SorotException(
                    ErrorCode.PDF_CORRUPT,
                    "The PDF is damaged and no text could be read from it: " + PdfTrouble.describe(trouble.heard())
                            + ". Export it again from the writing software.");
        }
        if (glyphs == 0 || imagePages > 0) {
            throw new SorotException(
                    ErrorCode.PDF_IMAGE_ONLY,
                    imagePages > 0
                            ? "The PDF has no text layer: its %d page(s) are images (%d characters of text in all). Export the script from the writing software, or run OCR first."
                                    .formatted(pageCount, glyphs)
                            : "The PDF has no readable text (%d characters on %d page(s))."
                                    .formatted(glyphs, pageCount));
        }
        var parsed = new PdfLayoutParser()
                .parse(pages, document.getDocumentInformation().getTitle());
        checkLooksLikeScreenplay(parsed);
        return ScreenplayBuilder.build(
                parsed.titlePage(), parsed.blocks(), parsed.bodyPages(), Screenplay.SourceFormat.PDF, repaired);
    }

    /**
     * A document that is prose, a spreadsheet or a letter has neither scene headings nor speeches
     * laid out as a screenplay's; say so with the counts, rather than inventing a structure.
     */
    private static void checkLooksLikeScreenplay(PdfLayoutParser.Parsed parsed) {
        int headings = 0;
        int cues = 0;
        int words = 0;
        int actionWords = 0;
        for (var block : parsed.blocks()) {
            int n = ScreenplayText.countWords(block.text());
            words += n;
            if (block.type() == ElementType.SCENE_HEADING) {
                headings++;
            } else if (block.type() == ElementType.CHARACTER) {
                cues++;
            } else if (block.type() == ElementType.ACTION) {
                actionWords += n;
            }
        }
        int pages = Math.max(1, parsed.bodyPages());
        if (words < 250) {
            return; // a scene or two: too little text to call it anything else
        }
        boolean noStructure = headings + cues == 0;
        boolean thin = pages >= 4 && cues < pages && headings < pages / 4.0 && actionWords > 0.85 * words;
        if (noStructure || thin) {
            throw new SorotException(
                    ErrorCode.NOT_A_SCREENPLAY,
                    ("This does not look like a screenplay: %d page(s) "
                                    + "with %d scene heading(s) and %d character cue(s); %d%% of the text sits at the left margin "
                                    + "like prose.")
                            .formatted(
                                    pages, headings, cues, words == 0 ? 0 : Math.round(100.0 * actionWords / words)));
        }
    }

    private static int countPagesWithImages(PDDocument document) {
        int count = 0;
        for (PDPage page : document.getPages()) {
            var resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}

package ai.sorot.model.screenplay;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A parsed screenplay: its cover, its paragraphs in reading order, its scenes and figures.
 * The JSON form is the one {@code ./sorot parse --json} prints and the bench tools score.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "title",
    "authors",
    "pageCount",
    "format",
    "textLayerRepaired",
    "titlePage",
    "elements",
    "scenes",
    "stats"
})
public record Screenplay(
        String title,
        List<String> authors,
        int pageCount,
        SourceFormat format,
        TitlePage titlePage,
        List<Element> elements,
        List<Scene> scenes,
        ScreenplayStats stats,
        Boolean textLayerRepaired) {

    /**
     * A screenplay whose text was read as the file gave it. {@code textLayerRepaired} is true (and
     * null otherwise) when a PDF's text layer was mis-encoded in a known way and the engine
     * repaired it (Mac Roman read as WinAnsi: Õ for ’; spaces given as "!"): the text is right,
     * but the file deserves a TEXT_LAYER_GARBLED check.
     */
    public Screenplay(
            String title,
            List<String> authors,
            int pageCount,
            SourceFormat format,
            TitlePage titlePage,
            List<Element> elements,
            List<Scene> scenes,
            ScreenplayStats stats) {
        this(title, authors, pageCount, format, titlePage, elements, scenes, stats, null);
    }

    public Screenplay {
        authors = authors == null ? List.of() : List.copyOf(authors);
        elements = elements == null ? List.of() : List.copyOf(elements);
        scenes = scenes == null ? List.of() : List.copyOf(scenes);
        titlePage = titlePage == null ? TitlePage.EMPTY : titlePage;
        textLayerRepaired = Boolean.TRUE.equals(textLayerRepaired) ? Boolean.TRUE : null;
    }

    /** The same screenplay without its paragraphs: what a report or a list needs. */
    public Screenplay withoutElements() {
        return new Screenplay(
                title, authors, pageCount, format, titlePage, List.of(), scenes, stats, textLayerRepaired);
    }

    /** Whether the engine repaired a mis-encoded text layer (see the constructor). */
    public boolean isTextLayerRepaired() {
        return Boolean.TRUE.equals(textLayerRepaired);
    }

    /**
     * Where a screenplay came from: the page layout of a PDF, Fountain markup, a Final Draft
     * {@code .fdx} file, or a Highland {@code .highland} archive (Fountain inside a zip).
     */
    public enum SourceFormat {
        PDF,
        FOUNTAIN,
        FINAL_DRAFT,
        HIGHLAND
    }
}

package ai.sorot.desktop.pdf;

import ai.sorot.desktop.ui.Icons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The screenplay at the page a claim cites, drawn by PDFBox inside the app, with the quoted words
 * marked, so a programmer can check the AI in seconds. An overlay over the report: Escape or the
 * close button hides it; arrow keys turn pages.
 */
public final class PageViewer extends StackPane {

    private static final float RENDER_SCALE = 1.6f;

    private final ExecutorService renderThread = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "sorot-page-render");
        thread.setDaemon(true);
        return thread;
    });
    private final Label heading = new Label();
    private final Label pageLabel = new Label();
    private final Label quoteLabel = new Label();
    private final Label message = new Label();
    private final ImageView image = new ImageView();
    private final Pane marks = new Pane();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Button previous = new Button(null, Icons.of(Icons.PREVIOUS));
    private final Button next = new Button(null, Icons.of(Icons.NEXT));
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(this, "page");
    private final ScrollPane pageScroller = new ScrollPane();
    /** A script with no printed pages (Fountain): the cited scene as text, the quote marked. */
    private final TextFlow sceneText = new TextFlow();

    private final javafx.scene.shape.Path sceneMark = new javafx.scene.shape.Path();
    private final ScrollPane sceneScroller = new ScrollPane();
    private ScriptScene sceneShown;

    private PageRenderer renderer;
    private PageRenderer.RenderedPage shown;
    private Path openFile;
    private String quote;
    private int pageCount;
    /** The script's page count as the report gives it; its page 1 comes after the title page(s). */
    private int scriptPages;

    private int offset;
    private int request;

    public PageViewer() {
        setId("page-viewer");
        getStyleClass().add("page-viewer");
        setVisible(false);

        heading.getStyleClass().add("section-title");
        pageLabel.setId("page-label");
        previous.setId("page-previous");
        next.setId("page-next");
        previous.setTooltip(new Tooltip("Previous page (←)"));
        next.setTooltip(new Tooltip("Next page (→)"));
        previous.setOnAction(e -> show(page.get() - 1));
        next.setOnAction(e -> show(page.get() + 1));
        var close = new Button("Close", Icons.of(Icons.CLOSE, 12));
        close.setId("page-close");
        close.setOnAction(e -> close());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(8, heading, spacer, previous, pageLabel, next, close);
        bar.setAlignment(Pos.CENTER_LEFT);

        quoteLabel.getStyleClass().add("quote");
        quoteLabel.setWrapText(true);
        quoteLabel.managedProperty().bind(quoteLabel.visibleProperty());
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());

        image.setPreserveRatio(true);
        image.setSmooth(true);
        marks.setMouseTransparent(true);
        var pageStack = new StackPane(image, marks);
        pageStack.getStyleClass().add("page-image-frame");
        StackPane.setAlignment(image, Pos.TOP_LEFT);
        var pageGroup = new Group(pageStack);
        var scroller = pageScroller;
        scroller.setId("page-scroller");
        scroller.setContent(new StackPane(pageGroup, spinner));
        scroller.setFitToWidth(true);
        scroller.setPannable(true);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        spinner.setMaxSize(48, 48);
        spinner.setVisible(false);

        sceneText.setId("scene-text");
        sceneText.getStyleClass().add("scene-text");
        sceneText.setPadding(new Insets(18, 24, 24, 24));
        sceneMark.getStyleClass().add("quote-mark");
        sceneMark.setFill(Color.rgb(255, 214, 0, 0.35));
        sceneMark.setStroke(Color.rgb(230, 160, 0, 0.9));
        sceneMark.setManaged(false);
        sceneMark.setMouseTransparent(true);
        var sceneStack = new StackPane(sceneMark, sceneText);
        sceneStack.getStyleClass().add("page-image-frame");
        StackPane.setAlignment(sceneText, Pos.TOP_LEFT);
        sceneScroller.setContent(sceneStack);
        sceneScroller.setFitToWidth(true);
        VBox.setVgrow(sceneScroller, Priority.ALWAYS);
        sceneText.layoutBoundsProperty().addListener((obs, was, now) -> markQuoteInScene());
        for (var node : new javafx.scene.Node[] {pageScroller, sceneScroller}) {
            node.managedProperty().bind(node.visibleProperty());
        }
        sceneScroller.setVisible(false);

        var panel = new VBox(10, bar, quoteLabel, message, scroller, sceneScroller);
        panel.getStyleClass().add("page-viewer-panel");
        panel.setMaxWidth(900);
        panel.setFillWidth(true);
        StackPane.setMargin(panel, new Insets(18));
        getChildren().add(panel);

        // the page fits the panel's height; the viewer's size decides how large that is
        image.fitHeightProperty().bind(scroller.heightProperty().subtract(6));
        image.fitHeightProperty().addListener((obs, was, now) -> drawMarks()); // marks follow the page size
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                close();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.PAGE_UP) {
                show(page.get() - 1);
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.PAGE_DOWN) {
                show(page.get() + 1);
                e.consume();
            }
        });
    }

    /**
     * Opens {@code pdf} at script page {@code pageNumber}, marking {@code quoteText} when it is
     * found there. Reports number pages as the screenplay does, from the first page after the title
     * page, and count {@code scriptPages} of them; the PDF pages before those are the cover.
     * {@code pdf} null (a Fountain script, or a file that moved) shows why there is no page.
     */
    public void open(Path pdf, int scriptPages, int pageNumber, String title, String quoteText) {
        showingPages(true);
        this.scriptPages = scriptPages;
        setVisible(true);
        requestFocus();
        heading.setText(title);
        quote = quoteText;
        quoteLabel.setVisible(quoteText != null && !quoteText.isBlank());
        quoteLabel.setText(quoteText == null ? "" : "“" + quoteText + "”");
        if (pdf == null || !Files.isRegularFile(pdf)) {
            closeRenderer();
            shown = null;
            image.setImage(null);
            marks.getChildren().clear();
            pageLabel.setText("Page " + pageNumber);
            message.setVisible(true);
            message.setText(
                    pdf == null
                            ? "This screenplay has no PDF here (a Fountain file has no printed pages). The claim cites page "
                                    + pageNumber + "."
                            : "The screenplay is no longer at " + pdf + ". Move it back to check page " + pageNumber
                                    + ".");
            previous.setDisable(true);
            next.setDisable(true);
            return;
        }
        message.setVisible(false);
        if (!pdf.equals(openFile)) {
            closeRenderer();
            openFile = pdf;
            int ticket = ++request;
            spinner.setVisible(true);
            renderThread.execute(() -> {
                try {
                    var opened = PageRenderer.open(pdf);
                    Platform.runLater(() -> {
                        if (ticket != request || !pdf.equals(openFile)) {
                            closeQuietly(opened);
                            return;
                        }
                        renderer = opened;
                        pageCount = opened.pageCount();
                        // the engine's body pages are the PDF's last ones: what comes before is title matter
                        offset = this.scriptPages > 0 && this.scriptPages <= pageCount
                                ? pageCount - this.scriptPages
                                : 0;
                        show(pageNumber);
                    });
                } catch (IOException e) {
                    // PDFBox's words are not a programmer's: say what it means for them
                    Platform.runLater(
                            () -> failed("The screenplay's PDF cannot be opened here: it is damaged or incomplete."));
                }
            });
        } else {
            offset = scriptPages > 0 && scriptPages <= pageCount ? pageCount - scriptPages : 0;
            show(pageNumber);
        }
    }

    private void show(int pageNumber) {
        if (renderer == null || pageCount == 0) {
            return;
        }
        int last = pageCount - offset;
        int target = Math.clamp(pageNumber, 1, last);
        page.set(target);
        pageLabel.setText("Page " + target + " of " + last);
        pageLabel.setTooltip(
                offset == 0
                        ? null
                        : new Tooltip("PDF page " + (target + offset) + " of " + pageCount + " (the first " + offset
                                + " " + (offset == 1 ? "is the title page" : "are title pages") + ")"));
        previous.setDisable(target <= 1);
        next.setDisable(target >= last);
        var current = renderer;
        var marked = quote;
        int pdfOffset = offset;
        int ticket = ++request;
        spinner.setVisible(true);
        renderThread.execute(() -> {
            try {
                var rendered = current.render(target + pdfOffset, RENDER_SCALE, marked);
                Platform.runLater(() -> {
                    if (ticket != request) {
                        return;
                    }
                    spinner.setVisible(false);
                    shown = rendered;
                    image.setImage(rendered.image());
                    drawMarks();
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(
                        () -> failed("Page " + target + " cannot be drawn: that part of the PDF is damaged."));
            }
        });
    }

    private void drawMarks() {
        marks.getChildren().clear();
        var rendered = shown;
        if (rendered == null) {
            return;
        }
        double scale = image.getFitHeight() > 0
                ? image.getFitHeight() / rendered.image().getHeight()
                : 1.0;
        for (var box : rendered.highlights()) {
            var rect = new Rectangle(
                    box.getX() * scale - 2,
                    box.getY() * scale - 1,
                    box.getWidth() * scale + 4,
                    box.getHeight() * scale + 2);
            rect.setFill(Color.rgb(255, 214, 0, 0.35));
            rect.setStroke(Color.rgb(230, 160, 0, 0.9));
            rect.getStyleClass().add("quote-mark");
            marks.getChildren().add(rect);
        }
    }

    private void failed(String text) {
        spinner.setVisible(false);
        message.setVisible(true);
        message.setText(text);
    }

    /**
     * Opens a screenplay that has no printed pages (a Fountain file) at the scene a claim cites
     * ({@code sceneIndex}, else the scene on {@code pageNumber}): the scene's text, laid out as a
     * script lays it out, with {@code quoteText} marked where it is found.
     */
    public void openText(Path source, Integer sceneIndex, Integer pageNumber, String title, String quoteText) {
        closeRenderer();
        request++;
        showingPages(false);
        setVisible(true);
        requestFocus();
        heading.setText(title);
        pageLabel.setText(pageNumber == null ? "" : "about page " + pageNumber);
        pageLabel.setTooltip(new Tooltip(
                "A Fountain script has no printed pages: the page is where the scene would fall when printed"));
        previous.setDisable(true);
        next.setDisable(true);
        quoteLabel.setVisible(quoteText != null && !quoteText.isBlank());
        quoteLabel.setText(quoteText == null ? "" : "“" + quoteText + "”");
        sceneText.getChildren().clear();
        sceneShown = null;
        markQuoteInScene();
        message.setVisible(false);
        if (source == null || !Files.isRegularFile(source)) {
            failed("The screenplay's text is not saved with this analysis, so the scene cannot be shown.");
            return;
        }
        int ticket = request;
        spinner.setVisible(true);
        renderThread.execute(() -> {
            try {
                var screenplay = new ai.sorot.lambda.screenplay.ScreenplayReader().read(source);
                var scene = ScriptScene.of(screenplay, sceneIndex, pageNumber, quoteText);
                Platform.runLater(() -> {
                    if (ticket != request) {
                        return;
                    }
                    spinner.setVisible(false);
                    scene.ifPresentOrElse(
                            this::showScene,
                            () -> failed("The screenplay has no scene "
                                    + (sceneIndex != null ? sceneIndex : "on page " + pageNumber) + "."));
                });
            } catch (RuntimeException e) {
                Platform.runLater(
                        () -> failed("The screenplay's text cannot be read again, so the scene cannot be shown."));
            }
        });
    }

    private void showScene(ScriptScene scene) {
        sceneShown = scene;
        var body = scene.text();
        if (scene.quoteFound()) {
            sceneText
                    .getChildren()
                    .setAll(
                            courier(body.substring(0, scene.quoteStart()), false),
                            courier(body.substring(scene.quoteStart(), scene.quoteEnd()), true),
                            courier(body.substring(scene.quoteEnd()), false));
        } else {
            sceneText.getChildren().setAll(courier(body, false));
            if (quoteLabel.isVisible()) {
                message.setVisible(true);
                message.setText("The quoted words are not in this scene's text.");
            }
        }
        sceneScroller.setVvalue(0);
        markQuoteInScene();
    }

    /** Script type on white paper, as a page is drawn whatever the theme; the quote in bold over its mark. */
    private static Text courier(String text, boolean quoted) {
        var node = new Text(text);
        node.getStyleClass().addAll("scene-line", quoted ? "quoted" : "plain");
        node.setFont(Font.font("Monospaced", quoted ? FontWeight.BOLD : FontWeight.NORMAL, 13));
        node.setFill(Color.rgb(20, 20, 20));
        return node;
    }

    /** The highlight under the quoted words, wherever the text flow has wrapped them. */
    private void markQuoteInScene() {
        var scene = sceneShown;
        if (scene == null || !scene.quoteFound()) {
            sceneMark.getElements().clear();
            return;
        }
        // the shape is in the text's own coordinates, inside the flow's padding
        sceneMark.setLayoutX(sceneText.getLayoutX() + sceneText.getInsets().getLeft());
        sceneMark.setLayoutY(sceneText.getLayoutY() + sceneText.getInsets().getTop());
        sceneMark.getElements().setAll(sceneText.rangeShape(scene.quoteStart(), scene.quoteEnd()));
        // a quote far down a long scene is scrolled to, a third of the way down the view
        double content = sceneText.getHeight();
        double view = sceneScroller.getViewportBounds().getHeight();
        double top = sceneMark.getLayoutBounds().getMinY();
        if (content > view && view > 0 && top > view * 0.6) {
            sceneScroller.setVvalue(Math.clamp((top - view / 3) / (content - view), 0, 1));
        }
    }

    private void showingPages(boolean pages) {
        pageScroller.setVisible(pages);
        sceneScroller.setVisible(!pages);
        if (pages) {
            sceneShown = null;
            sceneText.getChildren().clear();
            sceneMark.getElements().clear();
        }
    }

    public void close() {
        setVisible(false);
        request++;
    }

    /** Frees the open PDF (when the report shown changes). */
    public void release() {
        close();
        closeRenderer();
    }

    private void closeRenderer() {
        openFile = null;
        pageCount = 0;
        offset = 0;
        if (renderer != null) {
            var old = renderer;
            renderer = null;
            renderThread.execute(() -> closeQuietly(old));
        }
    }

    private static void closeQuietly(PageRenderer renderer) {
        try {
            renderer.close();
        } catch (IOException ignored) {
            // a read-only document: nothing to lose
        }
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }
}

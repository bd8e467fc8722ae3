package ai.sorot.desktop.library;

import ai.sorot.lambda.library.LibraryQuery;
import java.util.ArrayList;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** The filters above the library's table, bound both ways to the view model's. */
final class LibraryFilters extends FlowPane {

    LibraryFilters(LibraryViewModel model) {
        super(8, 6);
        var recommendation = new ComboBox<String>();
        recommendation.setId("filter-recommendation");
        recommendation.getItems().addAll(null, "RECOMMEND", "CONSIDER", "PASS", LibraryQuery.NOT_JUDGED);
        recommendation.setConverter(ThemeGroupsDialog.recommendationNames());
        recommendation.valueProperty().bindBidirectional(model.recommendationProperty());

        var min = scoreField("filter-min-score", "min");
        bindScore(min, model.minScoreProperty());
        var max = scoreField("filter-max-score", "max");
        bindScore(max, model.maxScoreProperty());
        var scoreLabel = new Label("Score");

        var genre = new TextField();
        genre.setId("filter-genre");
        genre.setPromptText("Genre");
        genre.setPrefColumnCount(8);
        genre.textProperty().bindBidirectional(model.genreProperty());

        var rated = new ComboBox<Boolean>();
        rated.setId("filter-rated");
        rated.getItems().addAll(null, true, false);
        rated.setConverter(new StringConverter<>() {
            @Override
            public String toString(Boolean b) {
                return b == null ? "Rated or not" : b ? "Rated" : "Unrated";
            }

            @Override
            public Boolean fromString(String s) {
                return null;
            }
        });
        rated.valueProperty().bindBidirectional(model.ratedProperty());

        var shortlisted = new CheckBox("Shortlisted");
        shortlisted.setId("filter-shortlisted");
        shortlisted.selectedProperty().bindBidirectional(model.shortlistedOnlyProperty());

        var tag = new ComboBox<String>();
        tag.setId("filter-tag");
        tag.setConverter(named("Any tag"));
        model.tags().subscribe(() -> {
            var chosen = tag.getValue();
            var items = new ArrayList<String>();
            items.add(null);
            items.addAll(model.tags());
            tag.getItems().setAll(items);
            tag.setValue(chosen);
        });
        tag.valueProperty().bindBidirectional(model.tagProperty());

        var from = new DatePicker();
        from.setId("filter-from");
        from.setPromptText("Saved from");
        from.setPrefWidth(150);
        from.valueProperty().bindBidirectional(model.savedFromProperty());
        var to = new DatePicker();
        to.setId("filter-to");
        to.setPromptText("to");
        to.setPrefWidth(150);
        to.valueProperty().bindBidirectional(model.savedToProperty());

        var clear = new Button("Clear");
        clear.setId("filter-clear");
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> model.clearFilters());

        var score = new HBox(4, scoreLabel, min, new Label("–"), max);
        score.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(recommendation, score, genre, rated, shortlisted, tag, from, to, clear);
        getStyleClass().add("library-filters");
        setPrefWrapLength(1300); // one row at a usual window width from the first layout, no jump when shown
        setAlignment(Pos.CENTER_LEFT);
    }

    private static <T> StringConverter<T> named(String whenNull) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? whenNull : value.toString();
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static TextField scoreField(String id, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(3);
        field.setTextFormatter(
                new TextFormatter<String>(change -> change.getControlNewText().matches("\\d{0,3}") ? change : null));
        return field;
    }

    private static void bindScore(TextField field, ObjectProperty<Double> target) {
        field.textProperty()
                .addListener((o, was, now) -> target.set(now == null || now.isBlank() ? null : Double.valueOf(now)));
        target.addListener((o, was, now) -> {
            var text = now == null ? "" : Integer.toString(now.intValue());
            if (!text.equals(field.getText())) {
                field.setText(text);
            }
        });
    }
}

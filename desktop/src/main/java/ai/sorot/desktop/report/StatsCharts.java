package ai.sorot.desktop.report;

import ai.sorot.model.screenplay.ScreenplayStats;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;

/** The statistics charts a programmer reads at a glance. Static, no animation: they are read, not watched. */
final class StatsCharts {

    private StatsCharts() {}

    static PieChart split(String id, String title, java.util.Map<String, Integer> counts) {
        var chart = new PieChart();
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setLabelsVisible(true);
        chart.setLabelLineLength(12);
        chart.setStartAngle(90);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        for (var slice : ChartData.slices(counts)) {
            long percent = total == 0 ? 0 : Math.round(100.0 * slice.count() / total);
            chart.getData()
                    .add(new PieChart.Data(slice.label() + " " + slice.count() + " (" + percent + "%)", slice.count()));
        }
        chart.setPrefSize(320, 250);
        chart.setMinHeight(220);
        return chart;
    }

    static BarChart<Number, String> dialogueShare(ScreenplayStats stats) {
        var shares = ChartData.dialogueShares(stats);
        var x = new NumberAxis();
        x.setLabel("% of all dialogue");
        var y = new CategoryAxis();
        var chart = new BarChart<Number, String>(x, y);
        chart.setId("chart-dialogue-share");
        chart.setTitle("Dialogue share per character");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(6);
        var series = new XYChart.Series<Number, String>();
        // largest at the top: a category axis draws the first category at the bottom
        for (int i = shares.size() - 1; i >= 0; i--) {
            var share = shares.get(i);
            series.getData().add(new XYChart.Data<>(share.percent(), share.name()));
        }
        chart.getData().add(series);
        chart.setPrefHeight(Math.max(200, 70 + 26 * shares.size()));
        chart.setMinHeight(chart.getPrefHeight());
        return chart;
    }

    static BarChart<String, Number> sceneLengths(ScreenplayStats stats) {
        var x = new CategoryAxis();
        x.setLabel("Scene length (pages)");
        var y = new NumberAxis();
        y.setLabel("Scenes");
        y.setMinorTickVisible(false);
        var chart = new BarChart<String, Number>(x, y);
        chart.setId("chart-scene-lengths");
        chart.getStyleClass().add("histogram");
        chart.setTitle("Scene lengths");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(4);
        var series = new XYChart.Series<String, Number>();
        ChartData.sceneLengthHistogram(stats)
                .forEach((bin, count) -> series.getData().add(new XYChart.Data<>(bin, count)));
        chart.getData().add(series);
        chart.setPrefSize(380, 260);
        chart.setMinHeight(230);
        return chart;
    }

    static LineChart<Number, Number> dialogueDensity(ScreenplayStats stats) {
        List<ChartData.Point> points = ChartData.dialogueDensity(stats);
        int pages = Math.max(
                1, points.isEmpty() ? stats.pageCount() : points.getLast().page());
        var x = new NumberAxis(1, Math.max(2, pages), pages <= 20 ? 1 : pages <= 60 ? 5 : 10);
        x.setLabel("Page");
        x.setMinorTickVisible(false);
        var y = new NumberAxis(0, 100, 20);
        y.setLabel("% dialogue");
        y.setMinorTickVisible(false);
        var chart = new LineChart<Number, Number>(x, y);
        chart.setId("chart-dialogue-density");
        chart.getStyleClass().add("density-chart");
        chart.setTitle("Dialogue density across the pages");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCreateSymbols(points.size() <= 12);
        var series = new XYChart.Series<Number, Number>();
        for (var point : points) {
            series.getData().add(new XYChart.Data<>(point.page(), point.percent()));
        }
        chart.getData().add(series);
        chart.setPrefHeight(250);
        chart.setMinHeight(220);
        return chart;
    }
}

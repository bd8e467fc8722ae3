package ai.sorot.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import javax.imageio.ImageIO;

/** Checks that a self-check's PNG is a drawn window, not an empty or blank frame. */
final class Screenshots {

    private Screenshots() {}

    /**
     * The window at its self-check size with a report on the right: text, charts and the queue make
     * hundreds of colours (antialiased text alone does), while a blank or black frame has one or two.
     */
    static BufferedImage assertDrawnReport(Path png) throws IOException {
        assertThat(png).isRegularFile();
        var image = ImageIO.read(png.toFile());
        assertThat(image).as("%s is a PNG ImageIO can read", png).isNotNull();
        assertThat(image.getWidth()).as("width").isGreaterThanOrEqualTo(1000);
        assertThat(image.getHeight()).as("height").isGreaterThanOrEqualTo(700);

        var colours = new HashSet<Integer>();
        var counts = new HashMap<Integer, Integer>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                counts.merge(rgb, 1, Integer::sum);
            }
        }
        int background = counts.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        assertThat(colours.size()).as("distinct colours in %s", png).isGreaterThan(200);
        // the report pane (the right two thirds) carries most of the drawing: title, score, sections
        long drawn = 0;
        long area = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = image.getWidth() / 3; x < image.getWidth(); x++) {
                area++;
                if (image.getRGB(x, y) != background) {
                    drawn++;
                }
            }
        }
        assertThat((double) drawn / area)
                .as("share of the report pane drawn over the background in %s", png)
                .isGreaterThan(0.10);
        return image;
    }

    /** Keeps a copy in target/screenshots for a person to look at. */
    static void keep(Path png, String name) throws IOException {
        var dir = Files.createDirectories(Path.of(PackagedApp.required("sorot.screenshots")));
        Files.copy(png, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}

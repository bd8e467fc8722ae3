package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SceneHeadingTest {

    @Test
    void theTimeOfDayIsFoundBehindEveryUsualSeparator() {
        assertThat(SceneHeading.parse("EXT. PARK - DAY")).isEqualTo(new SceneHeading("EXT", "PARK", "DAY"));
        assertThat(SceneHeading.parse("EXT. PARK -- DAY")).isEqualTo(new SceneHeading("EXT", "PARK", "DAY"));
        assertThat(SceneHeading.parse("EXT. PARK--DAY")).isEqualTo(new SceneHeading("EXT", "PARK", "DAY"));
        assertThat(SceneHeading.parse("INT. TRAFFIC LIGHT HORIZONTAL BEAM--NIGHT"))
                .isEqualTo(new SceneHeading("INT", "TRAFFIC LIGHT HORIZONTAL BEAM", "NIGHT"));
        assertThat(SceneHeading.parse("INT HOUSE DAY")).isEqualTo(new SceneHeading("INT", "HOUSE", "DAY"));
    }

    @Test
    void aHyphenatedPlaceIsNotSplit() {
        assertThat(SceneHeading.parse("INT. JEAN-LUC'S FLAT - NIGHT")).isEqualTo(new SceneHeading("INT", "JEAN-LUC'S FLAT", "NIGHT"));
        assertThat(SceneHeading.parse("EXT. HALF-WAY HOUSE")).isEqualTo(new SceneHeading("EXT", "HALF-WAY HOUSE", null));
    }
}

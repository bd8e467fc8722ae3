package ai.sorot.lambda.screenplay;

import static org.assertj.core.api.Assertions.assertThat;

import ai.sorot.model.screenplay.Screenplay;
import ai.sorot.model.screenplay.ScreenplayStats.LocationStat;
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
        assertThat(SceneHeading.parse("INT. JEAN-LUC'S FLAT - NIGHT"))
                .isEqualTo(new SceneHeading("INT", "JEAN-LUC'S FLAT", "NIGHT"));
        assertThat(SceneHeading.parse("EXT. HALF-WAY HOUSE"))
                .isEqualTo(new SceneHeading("EXT", "HALF-WAY HOUSE", null));
    }

    @Test
    void aTimeWithALabelOrANoteBesideItIsStillDayOrNight() {
        assertThat(bucket("INT. WAREHOUSE - NIGHT [CONTINUOUS]")).isEqualTo("NIGHT");
        assertThat(bucket("EXT. HARBOUR - (PRESENT) DAY")).isEqualTo("DAY");
        assertThat(bucket("INT. CLASSROOM - DAY [FLASHBACK]")).isEqualTo("DAY");
        assertThat(bucket("INT. CLASSROOM - DAY (FLASHBACK)")).isEqualTo("DAY");
        assertThat(bucket("EXT. FARM - DAY - FLASHBACK")).isEqualTo("DAY");
        assertThat(bucket("EXT. FARM - ANOTHER DAY")).isEqualTo("DAY");
        assertThat(bucket("INT. BAR - LATER THAT NIGHT")).isEqualTo("NIGHT");
        assertThat(bucket("INT. KITCHEN - THE NEXT MORNING")).isEqualTo("DAY");
        assertThat(bucket("EXT. STREET - NIGHT (1985)")).isEqualTo("NIGHT");
        assertThat(SceneHeading.parse("INT. CLASSROOM - DAY [FLASHBACK]").location())
                .isEqualTo("CLASSROOM");
        assertThat(SceneHeading.parse("EXT. FARM - DAY - FLASHBACK").location()).isEqualTo("FARM");
    }

    @Test
    void aClockTimeIsBookedByItsHour() {
        assertThat(bucket("EXT. HARBOUR - JETTY - 4:30AM")).isEqualTo("NIGHT");
        assertThat(bucket("EXT. HARBOUR - 6 AM")).isEqualTo("DAWN");
        assertThat(bucket("INT. OFFICE - 10:15 A.M.")).isEqualTo("DAY");
        assertThat(bucket("INT. OFFICE - 7:30 PM")).isEqualTo("DUSK");
        assertThat(bucket("INT. OFFICE - 23:00")).isEqualTo("NIGHT");
        assertThat(bucket("EXT. ORCHARD - NORTH FIELD - LATE AFTERNOON")).isEqualTo("DAY");
    }

    @Test
    void dawnAndDuskAreTheirOwnBuckets() {
        assertThat(bucket("EXT. BEACH - DAWN")).isEqualTo("DAWN");
        assertThat(bucket("EXT. BEACH - SUNRISE")).isEqualTo("DAWN");
        assertThat(bucket("EXT. BEACH - DUSK")).isEqualTo("DUSK");
        assertThat(bucket("EXT. BEACH - SUNSET")).isEqualTo("DUSK");
        assertThat(bucket("EXT. BEACH - MAGIC HOUR")).isEqualTo("DUSK");
    }

    @Test
    void aRelativeTimeTakesTheTimeOfTheSceneItContinues() {
        assertThat(SceneHeading.parse("INT. HALL - CONTINUOUS").timeBucket()).isNull();
        assertThat(SceneHeading.parse("INT. HALL - CONTINUOUS").timeBucket("NIGHT"))
                .isEqualTo("NIGHT");
        assertThat(SceneHeading.parse("INT. HALL - MOMENTS LATER").timeBucket("DAY"))
                .isEqualTo("DAY");
        assertThat(SceneHeading.parse("INT. HALL - SAME").timeBucket("DUSK")).isEqualTo("DUSK");
        assertThat(SceneHeading.parse("INT. HALL - LATER").timeBucket(null)).isEqualTo("OTHER");
        assertThat(SceneHeading.parse("INT. HALL - SHORTLY THEREAFTER").timeBucket("NIGHT"))
                .isEqualTo("NIGHT");
        assertThat(SceneHeading.parse("INT. HALL - TEN MINUTES LATER").timeBucket("NIGHT"))
                .isEqualTo("NIGHT");
        assertThat(SceneHeading.parse("INT. HALL").timeBucket("DAY")).isEqualTo("OTHER");
        assertThat(SceneHeading.parse("KITCHEN").timeBucket("DAY")).isEqualTo("DAY");
        assertThat(SceneHeading.parse("KITCHEN").timeBucket(null)).isEqualTo("OTHER");
        assertThat(SceneHeading.parse("INT. HALL - FLASHBACK").timeBucket(null)).isEqualTo("OTHER");
    }

    @Test
    void theStatisticsResolveRelativeTimesAndJoinSpellingsOfOnePlace() throws Exception {
        String fountain = """
                Title: Times

                EXT. BIG-TOP - NIGHT

                The tent sways.

                INT. BIG TOP - CONTINUOUS

                Inside, a drum.

                INT. BIG TOP - MOMENTS LATER

                Quiet.

                EXT. FIELD - DAWN

                Mist.

                .INTERCUT - FIELD / BIG TOP

                Both at once.

                EXT. FIELD - LATER

                Birds.
                """;
        Screenplay play = new ScreenplayReader().readFountain(fountain);
        var times = play.stats().timesOfDay();
        assertThat(times)
                .containsEntry("NIGHT", 3)
                .containsEntry("DAWN", 3)
                .containsEntry("DAY", 0)
                .containsEntry("OTHER", 0);
        assertThat(play.stats().locations()).extracting(LocationStat::name).containsExactly("BIG-TOP", "FIELD");
        assertThat(play.stats().locations().getFirst().scenes()).isEqualTo(3);
    }

    private static String bucket(String heading) {
        return SceneHeading.parse(heading).timeBucket();
    }
}

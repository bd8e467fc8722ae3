package ai.sorot.lambda.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    @Test
    void namesEnglishAndLanguagesSorotHasNoWordListFor() {
        var english = LanguageDetector.detect(
                "She opens the window and looks down at the empty street. "
                        + "I don't know what you want from me, but I am here with you. This is the last time we talk about it.");
        assertThat(english.isEnglish()).isTrue();
        assertThat(english.shortCode()).isEqualTo("en");
        var finnish =
                LanguageDetector.detect("Maria astuu keittiöön ja avaa ikkunan. Tuuli on kylmä ja kaupunki nukkuu "
                        + "vielä. En tiedä mitä haluat minulta, mutta olen täällä sinun kanssasi. Tämä on viimeinen kerta kun "
                        + "puhumme tästä asiasta tässä talossa.");
        assertThat(finnish.code()).isEqualTo("fin");
        assertThat(finnish.name()).isEqualTo("Finnish");
        assertThat(finnish.shortCode()).isEqualTo("fi");
        assertThat(finnish.isEnglish()).isFalse();
    }

    @Test
    void noLettersNoLanguage() {
        assertThat(LanguageDetector.detect("12:45 -- 3.14 !!")).isNull();
        assertThat(LanguageDetector.detect(null)).isNull();
    }

    @Test
    void aLongTextIsSampledThroughoutNotOnlyItsStart() {
        var text = "a".repeat(50_000) + "b".repeat(50_000);
        var sample = LanguageDetector.sample(text).toString();
        assertThat(sample.length()).isLessThanOrEqualTo(LanguageDetector.SAMPLE_CHARS + 20);
        assertThat(sample).contains("a").contains("b");
    }
}

package ai.sorot.lambda.aws.polly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.sorot.lambda.aws.testkit.ServiceStubs;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Mp3FramesTest {

    /** The fixture was encoded by sox (libmp3lame); soxi reports 633,024 samples at 24 kHz. */
    @Test
    void measuresARealMp3AsSoxDoes() {
        var summary = Mp3Frames.read(ServiceStubs.speechMp3());
        assertThat(summary.sampleRate()).isEqualTo(24_000);
        assertThat(summary.frames()).isEqualTo(633_024 / 576);
        assertThat(summary.seconds()).isCloseTo(26.376, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void joinedFilesPlayForTheSumOfTheirLengthsAndAnId3TagIsSkipped() {
        var mp3 = ServiceStubs.speechMp3();
        var tag = new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        var tagged = new byte[tag.length + mp3.length];
        System.arraycopy(tag, 0, tagged, 0, tag.length);
        System.arraycopy(mp3, 0, tagged, tag.length, mp3.length);
        var joined = Mp3Frames.join(List.of(tagged, tagged, mp3));
        assertThat(joined).hasSize(tagged.length + mp3.length + mp3.length);
        assertThat(Mp3Frames.read(joined).seconds()).isCloseTo(3 * 26.376, org.assertj.core.data.Offset.offset(0.003));
    }

    @Test
    void refusesWhatIsNotMpegAudio() {
        assertThatThrownBy(() -> Mp3Frames.read("RIFF....WAVEfmt ".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mp3Frames.read(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        var cut = Arrays.copyOf(ServiceStubs.speechMp3(), 5_000);
        assertThat(Mp3Frames.read(cut).frames()).isPositive(); // a cut-off tail is read up to the last whole header
    }
}

package ai.sorot.desktop.player;

import java.util.List;

/** The speeds the player offers: slower for a dense summary, faster for a familiar one. */
public record PlaybackSpeed(double rate) {

    public static final List<PlaybackSpeed> CHOICES = List.of(
            new PlaybackSpeed(0.75),
            new PlaybackSpeed(1.0),
            new PlaybackSpeed(1.25),
            new PlaybackSpeed(1.5),
            new PlaybackSpeed(1.75),
            new PlaybackSpeed(2.0));

    public static final PlaybackSpeed NORMAL = CHOICES.get(1);

    public PlaybackSpeed {
        if (rate < 0.75 || rate > 2.0) {
            throw new IllegalArgumentException("speed must be 0.75x to 2x, was " + rate);
        }
    }

    @Override
    public String toString() {
        var text = rate == Math.rint(rate) ? Integer.toString((int) rate) : Double.toString(rate);
        return text + "×";
    }
}

package ai.sorot.lambda.offline;

import ai.sorot.lambda.pipeline.AnalystResult;
import ai.sorot.lambda.pipeline.NarrationRequest;
import ai.sorot.lambda.pipeline.Narrator;
import ai.sorot.lambda.pipeline.SpokenAudio;
import ai.sorot.model.api.ErrorCode;
import ai.sorot.model.api.SorotException;
import ai.sorot.model.report.Provenance;
import ai.sorot.model.report.Usage;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.locks.ReentrantLock;
import javax.sound.sampled.AudioFormat;

/**
 * Pure-Java speech (FreeTTS, the 16 kHz "kevin16" diphone voice) for machines without
 * espeak-ng: no native code, nothing to install. A FreeTTS voice is not thread-safe, so
 * narrations take turns; the voice loads on first use (about a second), not at server start.
 */
public final class FreeTtsNarrator implements Narrator {

    static final String VOICE = "kevin16";
    private static final float WORDS_PER_MINUTE = 150f;
    private static final double PARAGRAPH_PAUSE_SECONDS = 0.6;

    private final ReentrantLock lock = new ReentrantLock();
    private Voice voice;

    @Override
    public Provenance provenance() {
        return new Provenance("FreeTTS 1.2 (local speech)", "FreeTTS " + VOICE, true);
    }

    @Override
    public AnalystResult<SpokenAudio> narrate(NarrationRequest request) {
        lock.lock();
        try {
            var v = voice();
            var collector = new Collector();
            v.setAudioPlayer(collector);
            for (var paragraph : request.script().paragraphs()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new SorotException(ErrorCode.STEP_TIMEOUT, "Speech synthesis was interrupted.");
                }
                if (!v.speak(paragraph) && !collector.cancelled) {
                    throw new SorotException(ErrorCode.ANALYST_FAILED, "FreeTTS could not speak the summary.");
                }
                collector.silence(PARAGRAPH_PAUSE_SECONDS);
            }
            if (collector.format == null || collector.pcm.size() == 0) {
                throw new SorotException(ErrorCode.ANALYST_FAILED, "FreeTTS produced no audio.");
            }
            int rate = Math.round(collector.format.getSampleRate());
            var wav = Wav.pcm16Mono(collector.littleEndian(), rate);
            var audio = new SpokenAudio(wav, "wav", "audio/wav", Wav.durationSeconds(wav), "FreeTTS " + VOICE);
            return new AnalystResult<>(
                    audio,
                    provenance(),
                    new Usage(0, 0, request.script().plainText().length(), 0, 0));
        } finally {
            lock.unlock();
        }
    }

    private Voice voice() {
        if (voice == null) {
            Voice found = null;
            for (var candidate : new KevinVoiceDirectory().getVoices()) {
                if (candidate.getName().equals(VOICE)) {
                    found = candidate;
                }
            }
            if (found == null) {
                throw new SorotException(ErrorCode.ANALYST_FAILED, "The FreeTTS voice " + VOICE + " is missing.");
            }
            found.allocate();
            found.setRate(WORDS_PER_MINUTE);
            voice = found;
        }
        return voice;
    }

    /** An AudioPlayer that keeps the samples instead of playing them. */
    private static final class Collector implements AudioPlayer {
        final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        AudioFormat format;
        volatile boolean cancelled;

        void silence(double seconds) {
            if (format != null) {
                int frames = (int) (format.getSampleRate() * seconds);
                pcm.writeBytes(new byte[frames * format.getFrameSize()]);
            }
        }

        byte[] littleEndian() {
            var bytes = pcm.toByteArray();
            if (format.getSampleSizeInBits() == 16 && format.isBigEndian()) {
                for (int i = 0; i + 1 < bytes.length; i += 2) {
                    byte t = bytes[i];
                    bytes[i] = bytes[i + 1];
                    bytes[i + 1] = t;
                }
            }
            return bytes;
        }

        @Override
        public void setAudioFormat(AudioFormat audioFormat) {
            if (audioFormat.getSampleSizeInBits() != 16 || audioFormat.getChannels() != 1) {
                throw new SorotException(ErrorCode.ANALYST_FAILED, "Unexpected FreeTTS audio format " + audioFormat);
            }
            this.format = audioFormat;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public boolean write(byte[] audioData) {
            return write(audioData, 0, audioData.length);
        }

        @Override
        public boolean write(byte[] bytes, int offset, int size) {
            if (Thread.currentThread().isInterrupted()) {
                cancelled = true;
                return false;
            }
            pcm.write(bytes, offset, size);
            return true;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void reset() {}

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public void begin(int size) {}

        @Override
        public boolean end() {
            return true;
        }

        @Override
        public void close() {}

        @Override
        public float getVolume() {
            return 1f;
        }

        @Override
        public void setVolume(float volume) {}

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {}

        @Override
        public void startFirstSampleTimer() {}

        @Override
        public void showMetrics() {}
    }
}

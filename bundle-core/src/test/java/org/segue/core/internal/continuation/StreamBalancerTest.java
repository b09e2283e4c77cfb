package org.segue.core.internal.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Duration;
import org.segue.model.Pitch;

class StreamBalancerTest {

    /** A source that repeats one duration and records when it was asked, in the order of all calls. */
    private static final class Recording implements StreamBalancer.SoundSource {
        private final String name;
        private final Duration step;
        private final List<String> calls;

        Recording(String name, Duration step, List<String> calls) {
            this.name = name;
            this.step = step;
            this.calls = calls;
        }

        @Override
        public Sound next() {
            calls.add(name);
            return new Sound(List.of(Pitch.parse("C4")), step);
        }
    }

    @Test
    void theStaffThatIsBehindGoesNextAndBothEndTogether() {
        List<String> calls = new ArrayList<>();
        List<List<Sound>> streams = StreamBalancer.balance(Duration.of(3, 4), List.of(
                new Recording("treble", Duration.EIGHTH, calls), new Recording("bass", Duration.of(3, 8), calls)));

        assertThat(calls).containsExactly("treble", "bass", "treble", "treble", "treble", "bass", "treble", "treble");
        assertThat(streams).allSatisfy(s -> assertThat(total(s)).isEqualTo(Duration.of(3, 4)));
    }

    @Test
    void theLastSoundIsShortenedToEndAtTheBarLine() {
        List<List<Sound>> streams = StreamBalancer.balance(Duration.HALF, List.of(
                new Recording("treble", Duration.of(3, 8), new ArrayList<>())));

        assertThat(streams.get(0)).extracting(Sound::duration).containsExactly(Duration.of(3, 8), Duration.EIGHTH);
    }

    private static Duration total(List<Sound> sounds) {
        return sounds.stream().map(Sound::duration).reduce(Duration.ZERO, Duration::plus);
    }
}

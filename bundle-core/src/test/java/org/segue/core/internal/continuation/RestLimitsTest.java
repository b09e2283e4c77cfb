package org.segue.core.internal.continuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;

class RestLimitsTest {

    private static final Duration BAR = Duration.of(3, 4);

    @Test
    void aStaffThatNeverRestsForABarNeverRestsForABarsLength() {
        // bass: a half note then a quarter rest, while a second voice holds the quarter: never silent
        Measure m = bass(List.of(new Voice(5, 2, List.of(note("C3", Duration.HALF), new Rest(Duration.QUARTER))),
                new Voice(6, 2, List.of(new Rest(Duration.HALF), note("G2", Duration.QUARTER)))));

        RestLimits limits = RestLimits.of(List.of(m, m), 2, BAR);

        assertThat(limits.wholeMeasureRests()).isFalse();
        assertThat(limits.silentShare()).isZero();
        assertThat(limits.allowsRest(Duration.ZERO, Duration.HALF)).isTrue();
        assertThat(limits.allowsRest(Duration.HALF, Duration.QUARTER)).isFalse();
        assertThat(limits.allowsRestAfter(Duration.of(11, 16))).isFalse();
        assertThat(limits.allowsRestAfter(Duration.HALF)).isTrue();
    }

    @Test
    void aStaffWithWholeBarRestsInThePieceMayHaveThemAndRestsAreHeldBackOnlyBeyondItsShare() {
        Measure played = bass(List.of(new Voice(5, 2, List.of(note("C3", Duration.HALF), new Rest(Duration.QUARTER)))));
        Measure silent = bass(List.of(new Voice(5, 2, List.of(new Rest(BAR)))));

        RestLimits limits = RestLimits.of(List.of(played, silent), 2, BAR);

        assertThat(limits.wholeMeasureRests()).isTrue();
        assertThat(limits.silentShare()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(limits.allowsRest(Duration.HALF, BAR)).isTrue();
        assertThat(limits.restWeight(1, 2)).isEqualTo(RestLimits.ENCOURAGE);
        assertThat(limits.restWeight(3.8, 6)).isEqualTo(1);
        assertThat(limits.restWeight(5, 6)).isEqualTo(RestLimits.HOLD_BACK);
    }

    private static Note note(String pitch, Duration duration) {
        return new Note(Pitch.parse(pitch), duration);
    }

    private static Measure bass(List<Voice> bassVoices) {
        List<Voice> voices = new java.util.ArrayList<>(List.of(new Voice(1, 1, List.of(note("C5", BAR)))));
        voices.addAll(bassVoices);
        return new Measure("1", KeySignature.C_MAJOR, new TimeSignature(3, 4), List.of(Clef.TREBLE, Clef.BASS), null,
                BAR, voices);
    }
}

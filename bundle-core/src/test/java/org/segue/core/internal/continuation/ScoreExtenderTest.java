package org.segue.core.internal.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Clef;
import org.segue.model.ClefChange;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.KeySignature;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Pitch;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.model.TimeSignature;
import org.segue.model.Voice;

class ScoreExtenderTest {

    private static final TimeSignature WALTZ = new TimeSignature(3, 4);
    private static final KeySignature E_FLAT = KeySignature.parse("E-flat");

    @Test
    void keepsTheOriginalMeasuresAndAppendsFullOnes() {
        Score piece = piano(List.of(measure("1", Duration.of(3, 4))));
        ScoreExtender extender = new ScoreExtender(piece, 0, null, null, 2);

        Score whole = extender.extend(staves(extender.measureLengths()));

        List<Measure> measures = whole.parts().get(0).measures();
        assertThat(measures).hasSize(3);
        assertThat(measures.get(0)).isEqualTo(piece.parts().get(0).measures().get(0));
        assertThat(measures.subList(1, 3)).allSatisfy(m -> {
            assertThat(m.key()).isEqualTo(E_FLAT);
            assertThat(m.time()).isEqualTo(WALTZ);
            assertThat(m.voices()).allSatisfy(v -> assertThat(v.length()).isEqualTo(WALTZ.measureLength()));
        });
        assertThat(measures.get(2).number()).isEqualTo("3");
        assertThat(whole.parts().get(1).measures()).hasSize(3);
    }

    @Test
    void completesAnUnfinishedLastMeasureFirst() {
        Score piece = piano(List.of(measure("1", Duration.HALF)));
        ScoreExtender extender = new ScoreExtender(piece, 0, null, null, 1);

        assertThat(extender.measureLengths()).containsExactly(Duration.QUARTER, WALTZ.measureLength());
        Measure completed = extender.extend(staves(extender.measureLengths())).parts().get(0).measures().get(0);
        assertThat(completed.length()).isEqualTo(WALTZ.measureLength());
        assertThat(completed.voicesOnStaff(1).get(0).events().get(0))
                .isEqualTo(piece.parts().get(0).measures().get(0).voicesOnStaff(1).get(0).events().get(0));
    }

    @Test
    void carriesOnTheClefInForceAndMarksTheNewTempoAndKey() {
        Measure last = measure("1", WALTZ.measureLength());
        last = new Measure("1", last.key(), last.time(), last.clefs(), null, last.length(), last.voices(),
                List.of(new ClefChange(2, Duration.QUARTER, Clef.TREBLE)));
        Score piece = piano(List.of(last));
        ScoreExtender extender = new ScoreExtender(piece, 0, KeySignature.C_MAJOR, Tempo.quarterNotesPerMinute(90), 1);

        Score whole = extender.extend(staves(extender.measureLengths()));
        Measure added = whole.parts().get(0).measures().get(1);

        assertThat(added.clefs()).containsExactly(Clef.TREBLE, Clef.TREBLE);
        assertThat(added.key()).isEqualTo(KeySignature.C_MAJOR);
        assertThat(added.tempo().quarterNotesPerMinute()).isEqualTo(90.0);
        Score alone = extender.newBarsOnly(whole);
        assertThat(alone.parts().get(0).measures()).containsExactly(added);
    }

    private static Score piano(List<Measure> measures) {
        Measure rests = measures.get(0);
        Measure voiceMeasure = new Measure(rests.number(), rests.key(), rests.time(), List.of(Clef.TREBLE), null,
                rests.length(), List.of(new Voice(1, 1, List.of(new Rest(rests.length())))));
        return new Score("test", "", List.of(new Part("P1", "Piano", measures),
                new Part("P2", "Voice", List.of(voiceMeasure))));
    }

    private static Measure measure(String number, Duration length) {
        return new Measure(number, E_FLAT, WALTZ, List.of(Clef.TREBLE, Clef.BASS), null, length, List.of(
                new Voice(1, 1, List.of(new Note(Pitch.parse("Eb4"), length))),
                new Voice(1, 2, List.of(new Note(Pitch.parse("Eb2"), length)))));
    }

    private static List<List<List<Event>>> staves(List<Duration> lengths) {
        List<List<Event>> measures = lengths.stream().map(l -> List.<Event>of(new Note(Pitch.parse("G4"), l))).toList();
        return List.of(measures, measures);
    }
}

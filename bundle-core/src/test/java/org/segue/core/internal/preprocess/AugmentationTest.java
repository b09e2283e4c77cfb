package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.model.Duration;
import org.segue.training.Staff;

class AugmentationTest {

    /** C4 and E4-G4 as eighths, then a quarter rest: 1/2 of a whole note in all. */
    private static final StaffStream STREAM = stream(Staff.TREBLE, List.of(
            EventLabel.of(60), EventLabel.of(64, 67), EventLabel.REST),
            List.of(Duration.EIGHTH, Duration.EIGHTH, Duration.QUARTER));

    private static StaffStream stream(Staff staff, List<EventLabel> labels, List<Duration> durations) {
        List<StreamEvent> events = new ArrayList<>();
        Duration onset = Duration.ZERO;
        for (int i = 0; i < labels.size(); i++) {
            events.add(new StreamEvent(labels.get(i), onset, durations.get(i)));
            onset = onset.plus(durations.get(i));
        }
        return new StaffStream(staff, events);
    }

    private static List<String> labels(StaffStream s) {
        return s.events().stream().map(e -> e.label() + "/" + e.category().label()).toList();
    }

    @Test
    void fourFormsOfAStreamInTheMiddleOfTheKeyboard() {
        List<StaffStream> forms = Augmentation.formsOf(STREAM);

        assertThat(forms).extracting(AugmentationTest::labels).containsExactly(
                List.of("C5/eighth", "E5.G5/eighth", "R/quarter"),
                List.of("C3/eighth", "E3.G3/eighth", "R/quarter"),
                List.of("C4/quarter", "E4.G4/quarter", "R/half"),
                List.of("C4/16th", "E4.G4/16th", "R/eighth"));
        assertThat(forms.get(2).length()).isEqualTo(Duration.WHOLE);
        assertThat(forms.get(3).length()).isEqualTo(Duration.QUARTER);
        assertThat(forms).allSatisfy(f -> assertThat(f.size()).isEqualTo(STREAM.size()));
    }

    @Test
    void anOctaveThatWouldLeaveThePianoIsLeftOut() {
        StaffStream high = stream(Staff.TREBLE, List.of(EventLabel.of(100)), List.of(Duration.QUARTER));
        StaffStream low = stream(Staff.BASS, List.of(EventLabel.of(30, 40)), List.of(Duration.QUARTER));

        assertThat(Augmentation.transposed(high, 12)).isEmpty();
        assertThat(Augmentation.transposed(high, -12)).isPresent();
        assertThat(Augmentation.transposed(low, -12)).isEmpty();
        assertThat(Augmentation.formsOf(high)).hasSize(3);
    }
}

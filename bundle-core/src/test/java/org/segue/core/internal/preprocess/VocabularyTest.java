package org.segue.core.internal.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = Vocabulary.byFrequency(
            Map.of("C4", 5, "R", 9, "E4", 5, "C4.E4.G4", 1, "G4", 2), 2);

    @Test
    void ordersByFrequencyThenLabelAndDropsRareLabels() {
        assertThat(vocabulary.labels()).containsExactly("R", "C4", "E4", "G4");
        assertThat(vocabulary.count(0)).isEqualTo(9);
        assertThat(vocabulary.contains("C4.E4.G4")).isFalse();
        assertThat(vocabulary.mostFrequent()).isZero();
    }

    @Test
    void encodingAndDecodingAreInverse() {
        for (int i = 0; i < vocabulary.size(); i++) {
            assertThat(vocabulary.indexOf(vocabulary.label(i))).isEqualTo(i);
        }
        for (String label : vocabulary.labels()) {
            assertThat(vocabulary.label(vocabulary.indexOf(label))).isEqualTo(label);
        }
        assertThat(vocabulary.indexOf("B9")).isEqualTo(-1);
    }

    @Test
    void writingAndReadingGiveTheSameVocabulary() throws IOException {
        StringWriter text = new StringWriter();
        vocabulary.write(text);
        assertThat(text.toString()).startsWith("R\t9\nC4\t5\n");
        assertThat(Vocabulary.read(new StringReader(text.toString()))).isEqualTo(vocabulary);
    }

    @Test
    void aBrokenLineIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> Vocabulary.read(new StringReader("R\t9\nC4 five\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2");
    }
}

package org.segue.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeySignatureTest {

    @Test
    void parsesKeysAsComposersWriteThem() {
        assertThat(KeySignature.parse("C")).isEqualTo(KeySignature.C_MAJOR);
        assertThat(KeySignature.parse("a")).isEqualTo(KeySignature.A_MINOR);
        assertThat(KeySignature.parse("E-flat")).isEqualTo(new KeySignature(-3, Mode.MAJOR));
        assertThat(KeySignature.parse("f-sharp")).isEqualTo(new KeySignature(3, Mode.MINOR));
        assertThat(KeySignature.parse("e")).isEqualTo(new KeySignature(1, Mode.MINOR));
        assertThat(KeySignature.parse("Bb")).isEqualTo(new KeySignature(-2, Mode.MAJOR));
        assertThat(KeySignature.parse("c#")).isEqualTo(new KeySignature(4, Mode.MINOR));
    }

    @Test
    void refusesUnknownKeysNamingTheAcceptedForms() {
        assertThatThrownBy(() -> KeySignature.parse("H")).hasMessageContaining("E-flat");
        assertThatThrownBy(() -> KeySignature.parse("G-sharp")).hasMessageContaining("8 sharps");
    }

    @Test
    void namesItsTonic() {
        assertThat(new KeySignature(-3, Mode.MAJOR).displayName()).isEqualTo("E-flat major");
        assertThat(new KeySignature(3, Mode.MINOR).displayName()).isEqualTo("f-sharp minor");
        assertThat(new KeySignature(6, Mode.MAJOR).tonic()).hasToString("F#4");
        assertThat(new KeySignature(-6, Mode.MINOR).tonic()).hasToString("Eb4");
    }

    @Test
    void knowsItsScale() {
        KeySignature aMinor = KeySignature.A_MINOR;
        assertThat(aMinor.inScale(9)).isTrue();
        assertThat(aMinor.inScale(1)).isFalse();
        assertThat(new KeySignature(-1, Mode.MAJOR).inScale(10)).isTrue(); // B-flat in F major
    }
}

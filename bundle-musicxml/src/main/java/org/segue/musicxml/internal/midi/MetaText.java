package org.segue.musicxml.internal.midi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The text of a MIDI meta event: MIDI names no encoding, so UTF-8 where the bytes are valid UTF-8, else Latin-1. */
final class MetaText {

    private MetaText() {
    }

    static String decode(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString().trim();
        } catch (CharacterCodingException e) {
            return new String(data, StandardCharsets.ISO_8859_1).trim(); // older files: Latin-1, as piano-midi.de's
        }
    }

    static byte[] encode(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

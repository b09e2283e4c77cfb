package org.segue.musicxml.internal.lilypond;

import java.util.List;

import org.segue.model.Clef;
import org.segue.model.Duration;
import org.segue.model.KeySignature;
import org.segue.model.Pitch;
import org.segue.model.Step;
import org.segue.musicxml.internal.musicxml.NoteValue;

/**
 * How the score model's values are spelled in LilyPond input ({@code \language "english"}, absolute octaves):
 * pitches like {@code ef'}, note values like {@code 4.}, clefs, keys and strings.
 */
final class LilyPondSyntax {

    /** MusicXML note types, longest first, and LilyPond's names for them. */
    private static final List<String> TYPES = List.of("maxima", "long", "breve", "whole", "half", "quarter",
            "eighth", "16th", "32nd", "64th", "128th", "256th", "512th", "1024th");
    private static final List<String> LILYPOND_DURATIONS = List.of("\\maxima", "\\longa", "\\breve", "1", "2", "4",
            "8", "16", "32", "64", "128", "256", "512", "1024");

    private LilyPondSyntax() {
    }

    /** {@code c'} for C4, {@code bf,,} for Bb1, {@code fss''} for F##5. */
    static String pitch(Pitch pitch) {
        StringBuilder s = new StringBuilder(pitch.step().name().toLowerCase(java.util.Locale.ROOT));
        s.append(switch (pitch.alter()) {
            case -2 -> "ff";
            case -1 -> "f";
            case 1 -> "s";
            case 2 -> "ss";
            default -> "";
        });
        int marks = pitch.octave() - 3;
        for (int i = 0; i < Math.abs(marks); i++) s.append(marks > 0 ? '\'' : ',');
        return s.toString();
    }

    /** A written note value without its tuplet ratio: {@code 4}, {@code 8.}, {@code \breve}. */
    static String duration(NoteValue value) {
        return LILYPOND_DURATIONS.get(TYPES.indexOf(value.type())) + ".".repeat(value.dots());
    }

    /** Any length as a whole note scaled: {@code 1*3/4}, for spacers, whole-measure rests and {@code \partial}. */
    static String scaledWhole(Duration length) {
        return length.den() == 1 ? "1*" + length.num() : "1*" + length.num() + "/" + length.den();
    }

    /** {@code #(ly:make-moment 3/4)}. */
    static String moment(Duration length) {
        return "#(ly:make-moment " + length.num() + "/" + length.den() + ")";
    }

    /** {@code \key ef \major}; modes keep their own tonic, so the signature is the file's. */
    static String key(KeySignature key) {
        int tonicFifths = key.fifths() + switch (key.mode()) {
            case MINOR, AEOLIAN -> 3;
            case DORIAN -> 2;
            case PHRYGIAN -> 4;
            case LYDIAN -> -1;
            case MIXOLYDIAN -> 1;
            case LOCRIAN -> 5;
            default -> 0;
        };
        String mode = switch (key.mode()) {
            case MAJOR, IONIAN, NONE -> "major";
            default -> key.mode().xmlName();
        };
        return "\\key " + tonicByFifths(tonicFifths) + " \\" + mode;
    }

    /** The note name {@code fifths} fifths above C (negative: below), without octave: {@code ef}, {@code fs}. */
    private static String tonicByFifths(int fifths) {
        String order = "FCGDAEB";
        int index = fifths + 1;
        Step step = Step.parse(String.valueOf(order.charAt(Math.floorMod(index, 7))));
        int alter = Math.floorDiv(index, 7);
        return pitch(new Pitch(step, Math.max(-2, Math.min(2, alter)), 3));
    }

    /** {@code \clef "treble"}, {@code \clef "treble_8"}, {@code \clef "bass"}, {@code \clef "alto"} ... */
    static String clef(Clef clef) {
        String name = switch (clef.sign()) {
            case G -> clef.line() == 1 ? "french" : "treble";
            case F -> switch (clef.line()) {
                case 3 -> "varbaritone";
                case 5 -> "subbass";
                default -> "bass";
            };
            case C -> switch (clef.line()) {
                case 1 -> "soprano";
                case 2 -> "mezzosoprano";
                case 4 -> "tenor";
                case 5 -> "baritone";
                default -> "alto";
            };
            case PERCUSSION -> "percussion";
            case TAB -> "tab";
            default -> "treble";
        };
        int shift = clef.octaveChange();
        String octave = shift == 0 ? "" : (shift > 0 ? "^" : "_") + (Math.abs(shift) >= 2 ? "15" : "8");
        return "\\clef \"" + name + octave + "\"";
    }

    /** A LilyPond string literal: quotes and backslashes escaped, line breaks as spaces. */
    static String string(String text) {
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
        return "\"" + oneLine.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

package org.segue.musicxml.internal.musicxml;

import java.util.ArrayList;
import java.util.List;

import org.segue.model.Duration;

/**
 * Where the tuplet brackets of one voice go. The model keeps only exact durations, so the groups are found again:
 * consecutive note values with the same tuplet ratio belong together until, added up, they last a plain (binary)
 * length again: three eighth-note triplets (1/4), a quarter and an eighth triplet (1/4), five quintuplet 16ths
 * (1/4). A run that never gets back to a binary length (nested tuplets, a tuplet cut by the bar line) ends where
 * the ratio changes or the voice ends. MusicXML writes the groups as {@code <tuplet type="start"/"stop">}, LilyPond
 * as {@code \tuplet}.
 *
 * <p>Public for the other writers of this bundle (sheet music).
 */
public final class TupletGroups {

    /**
     * One bracket: the note values from index {@code first} to {@code last} (both included) of the voice.
     *
     * @param actualNotes how many notes of the written value the bracket holds (3 for a triplet)
     * @param normalNotes in the time of how many (2 for a triplet)
     */
    public record Group(int first, int last, int actualNotes, int normalNotes) {
    }

    private TupletGroups() {
    }

    /** The brackets of a voice whose events, split into note values, are {@code values}, in order. */
    public static List<Group> of(List<NoteValue> values) {
        List<Group> groups = new ArrayList<>();
        int i = 0;
        while (i < values.size()) {
            NoteValue first = values.get(i);
            if (!first.isTuplet()) {
                i++;
                continue;
            }
            int start = i;
            Duration sum = Duration.ZERO;
            while (i < values.size() && sameRatio(values.get(i), first)) {
                sum = sum.plus(values.get(i).duration());
                i++;
                if (isBinary(sum)) break;
            }
            groups.add(new Group(start, i - 1, first.actualNotes(), first.normalNotes()));
        }
        return groups;
    }

    private static boolean sameRatio(NoteValue a, NoteValue b) {
        return a.actualNotes() == b.actualNotes() && a.normalNotes() == b.normalNotes();
    }

    /** A length without an odd factor in its denominator: one that plain and dotted values can write. */
    private static boolean isBinary(Duration d) {
        return Long.bitCount(d.den()) == 1;
    }
}

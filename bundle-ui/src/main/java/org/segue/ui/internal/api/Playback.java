package org.segue.ui.internal.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.segue.model.Chord;
import org.segue.model.Duration;
import org.segue.model.Event;
import org.segue.model.Measure;
import org.segue.model.Note;
import org.segue.model.Part;
import org.segue.model.Rest;
import org.segue.model.Score;
import org.segue.model.Tempo;
import org.segue.model.Voice;
import org.segue.ui.MeasureRange;

/**
 * The notes of some measures as a browser plays them: start and length in seconds from the first measure of the
 * range, at the tempo in force, with tied notes joined into one sound.
 */
final class Playback {

    /** One sound. */
    record Sound(double start, double duration, int midi, int velocity) {
    }

    private static final int VELOCITY = 80;

    private Playback() {
    }

    static List<Sound> of(Score score, MeasureRange range) {
        List<Sound> sounds = new ArrayList<>();
        for (Part part : score.parts()) {
            sounds.addAll(ofPart(part, range));
        }
        sounds.sort(Comparator.comparingDouble(Sound::start).thenComparingInt(Sound::midi));
        return sounds;
    }

    private static List<Sound> ofPart(Part part, MeasureRange range) {
        List<Sound> sounds = new ArrayList<>();
        Map<String, Map<Integer, Integer>> tiedByVoice = new HashMap<>(); // voice -> midi -> index in sounds
        double secondsPerWhole = secondsPerWhole(tempoBefore(part, range.first()));
        double measureStart = 0;
        int last = Math.min(range.last(), part.measures().size() - 1);
        for (int m = range.first(); m <= last; m++) {
            Measure measure = part.measures().get(m);
            if (measure.tempo() != null) secondsPerWhole = secondsPerWhole(measure.tempo());
            for (Voice voice : measure.voices()) {
                Map<Integer, Integer> tied = tiedByVoice.computeIfAbsent(voice.staff() + "/" + voice.number(),
                        k -> new HashMap<>());
                Duration onset = Duration.ZERO;
                for (Event event : voice.events()) {
                    double start = measureStart + seconds(onset, secondsPerWhole);
                    double length = seconds(event.duration(), secondsPerWhole);
                    for (Note note : notesOf(event)) {
                        int midi = note.pitch().midi();
                        Integer open = tied.remove(midi);
                        if (open != null && note.tie().tiedFromPrevious()) {
                            Sound s = sounds.get(open);
                            sounds.set(open, new Sound(s.start(), start + length - s.start(), midi, s.velocity()));
                            if (note.tie().tiedToNext()) tied.put(midi, open);
                        } else {
                            sounds.add(new Sound(start, length, midi, VELOCITY));
                            if (note.tie().tiedToNext()) tied.put(midi, sounds.size() - 1);
                        }
                    }
                    onset = onset.plus(event.duration());
                }
            }
            measureStart += seconds(measure.length(), secondsPerWhole);
        }
        return sounds;
    }

    private static List<Note> notesOf(Event event) {
        if (event instanceof Note note) return List.of(note);
        if (event instanceof Chord chord) return chord.notes();
        if (event instanceof Rest) return List.of();
        throw new IllegalArgumentException("unknown event " + event);
    }

    private static Tempo tempoBefore(Part part, int index) {
        for (int i = Math.min(index, part.measures().size() - 1); i >= 0; i--) {
            Tempo tempo = part.measures().get(i).tempo();
            if (tempo != null) return tempo;
        }
        return Tempo.DEFAULT;
    }

    private static double secondsPerWhole(Tempo tempo) {
        return 4 * 60.0 / tempo.quarterNotesPerMinute();
    }

    private static double seconds(Duration duration, double secondsPerWhole) {
        return (double) duration.num() / duration.den() * secondsPerWhole;
    }
}

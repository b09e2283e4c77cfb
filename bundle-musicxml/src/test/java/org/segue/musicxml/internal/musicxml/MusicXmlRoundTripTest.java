package org.segue.musicxml.internal.musicxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segue.model.Measure;
import org.segue.model.Part;
import org.segue.model.Score;
import org.segue.musicxml.ScoreFileException;

/**
 * Every importable file of the shared MusicXML folders (the test suite, the OpenScore songs and the whole OpenScore
 * Lieder corpus) goes model -> MusicXML 4.0 -> model: the written file
 * validates against the official XSD, and the second model sounds the same as the first, staff by staff (same
 * pitches, onsets and durations, tied notes merged), with the same rests, measures and attributes.
 */
class MusicXmlRoundTripTest {

    private static XsdValidator xsd;
    private final MusicXmlFormat format = new MusicXmlFormat();

    @TempDir
    Path temp;

    @BeforeAll
    static void loadSchema() throws Exception {
        xsd = XsdValidator.load(SharedData.folder("musicxml-4.0-schema"), "musicxml.xsd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"musicxml-testsuite", "openscore-chopin-songs", "openscore-lieder"})
    void everyImportableFileRoundTripsAndValidates(String folder) throws Exception {
        List<Path> files = SharedData.scores(folder);
        List<String> failures = new ArrayList<>();
        int importable = 0;
        int validated = 0;
        int roundTripped = 0;
        for (Path file : files) {
            Score original;
            try (InputStream in = Files.newInputStream(file)) {
                original = format.read(in, file.getFileName().toString());
            } catch (ScoreFileException refused) {
                continue; // the corpus test lists these
            }
            importable++;
            String name = file.getFileName().toString().replaceAll("\\.[^.]+$", "") + ".musicxml";
            Path written = temp.resolve(name);
            try (OutputStream out = Files.newOutputStream(written)) {
                format.write(original, out, name);
            }
            byte[] bytes = Files.readAllBytes(written);
            List<String> errors = xsd.validate(bytes);
            if (errors.isEmpty()) {
                validated++;
            } else {
                failures.add(name + " does not validate: " + errors.subList(0, Math.min(3, errors.size())));
            }
            Score again = format.read(new ByteArrayInputStream(bytes), name);
            String difference = difference(original, again);
            if (difference == null) {
                roundTripped++;
            } else {
                failures.add(name + ": " + difference);
            }
        }
        System.out.printf("MusicXML round trip of %s: %d importable files, %d round-tripped, %d validated against "
                + "the XSD%n", folder, importable, roundTripped, validated);
        failures.forEach(f -> System.out.println("  FAILED " + f));
        assertThat(failures).isEmpty();
        assertThat(roundTripped).isEqualTo(importable).isPositive();
    }

    @Test
    void compressedFilesRoundTripThroughMxl() throws Exception {
        Path song = SharedData.scores("openscore-chopin-songs").get(0);
        Score original;
        try (InputStream in = Files.newInputStream(song)) {
            original = format.read(in, song.getFileName().toString());
        }
        Path written = temp.resolve("song.mxl");
        try (OutputStream out = Files.newOutputStream(written)) {
            format.write(original, out, "song.mxl");
        }
        byte[] bytes = Files.readAllBytes(written);
        assertThat(MxlContainer.isZip(bytes)).isTrue();
        assertThat(xsd.validate(new MxlContainer().rootFile(bytes, "song.mxl"))).isEmpty();
        assertThat(difference(original, format.read(new ByteArrayInputStream(bytes), "song.mxl"))).isNull();
    }

    /** The first difference that matters between two readings of a score, or null. */
    static String difference(Score a, Score b) {
        if (!a.title().equals(b.title())) return "title " + a.title() + " became " + b.title();
        if (!a.composer().equals(b.composer())) return "composer " + a.composer() + " became " + b.composer();
        if (a.parts().size() != b.parts().size()) return "parts " + a.parts().size() + " became " + b.parts().size();
        for (int p = 0; p < a.parts().size(); p++) {
            String partDifference = difference(a.parts().get(p), b.parts().get(p));
            if (partDifference != null) return "part " + a.parts().get(p).id() + ": " + partDifference;
        }
        String notes = firstDifference(SoundingNotes.notes(a), SoundingNotes.notes(b));
        if (notes != null) return "notes: " + notes;
        String rests = firstDifference(SoundingNotes.rests(a), SoundingNotes.rests(b));
        return rests == null ? null : "rests: " + rests;
    }

    private static String difference(Part a, Part b) {
        if (!a.name().equals(b.name())) return "name " + a.name() + " became " + b.name();
        if (a.measures().size() != b.measures().size()) {
            return a.measures().size() + " measures became " + b.measures().size();
        }
        for (int m = 0; m < a.measures().size(); m++) {
            Measure x = a.measures().get(m);
            Measure y = b.measures().get(m);
            List<Object> before = List.of(x.number(), x.key(), x.time(), x.clefs(), x.length(), x.clefChanges(),
                    x.transposition());
            List<Object> after = List.of(y.number(), y.key(), y.time(), y.clefs(), y.length(), y.clefChanges(),
                    y.transposition());
            if (!Objects.equals(before, after)) return "measure " + x.number() + ": " + before + " became " + after;
            if (!Objects.equals(x.tempo(), y.tempo()) && (x.tempo() == null || y.tempo() == null
                    || Math.abs(x.tempo().quarterNotesPerMinute() - y.tempo().quarterNotesPerMinute()) > 0.01)) {
                return "measure " + x.number() + ": tempo " + x.tempo() + " became " + y.tempo();
            }
        }
        return null;
    }

    private static <T> String firstDifference(Map<String, List<T>> a, Map<String, List<T>> b) {
        if (!a.keySet().equals(b.keySet())) return "staves " + a.keySet() + " became " + b.keySet();
        for (String key : a.keySet()) {
            List<T> x = a.get(key);
            List<T> y = b.get(key);
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!x.get(i).equals(y.get(i))) return key + " #" + i + ": " + x.get(i) + " became " + y.get(i);
            }
            if (x.size() != y.size()) return key + ": " + x.size() + " became " + y.size();
        }
        return null;
    }
}

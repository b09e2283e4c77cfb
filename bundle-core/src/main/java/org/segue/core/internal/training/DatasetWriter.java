package org.segue.core.internal.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.segue.core.internal.preprocess.DurationCategory;
import org.segue.core.internal.preprocess.PieceStreams;
import org.segue.core.internal.preprocess.PreparedCorpus;
import org.segue.core.internal.preprocess.PreparedPiece;
import org.segue.core.internal.preprocess.StaffStream;
import org.segue.core.internal.preprocess.StaffVocabularies;
import org.segue.core.internal.preprocess.StreamEvent;
import org.segue.core.internal.preprocess.Vocabulary;
import org.segue.files.AtomicFile;
import org.segue.training.Corpus;
import org.segue.training.DatasetSummary;
import org.segue.training.ModelException;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;
import org.segue.training.TrainingService;

/** Writes the preprocessed corpus as CSV files, as {@link TrainingService#writeDataset} describes. */
public final class DatasetWriter {

    private DatasetWriter() {
    }

    public static DatasetSummary write(Corpus corpus, TrainingConfig config, Path folder) throws ModelException {
        PreparedCorpus prepared = PreparedCorpus.of(corpus, config.heldOutShare());
        List<Path> files = new ArrayList<>();
        Map<Staff, Integer> rows = new EnumMap<>(Staff.class);
        Map<Staff, Integer> eventSizes = new EnumMap<>(Staff.class);
        Map<Staff, Integer> durationSizes = new EnumMap<>(Staff.class);
        try {
            Files.createDirectories(folder);
            for (Staff staff : Staff.values()) {
                List<StaffStream> training = prepared.streams(staff, false).stream()
                        .map(PreparedCorpus.NamedStream::stream).toList();
                StaffVocabularies v = training.isEmpty() ? null
                        : TrainingData.vocabularies(staff, training, TrainingData.formsOf(training, config), config);
                rows.put(staff, writeEvents(folder.resolve(staff.label() + ".csv"), prepared, staff, v));
                files.add(folder.resolve(staff.label() + ".csv"));
                if (v != null) {
                    writeEventVocabulary(folder.resolve(staff.label() + "-events.csv"), v.events());
                    writeDurationVocabulary(folder.resolve(staff.label() + "-durations.csv"), v.durations());
                    files.add(folder.resolve(staff.label() + "-events.csv"));
                    files.add(folder.resolve(staff.label() + "-durations.csv"));
                    eventSizes.put(staff, v.events().size());
                    durationSizes.put(staff, v.durations().size());
                }
            }
            writeSplit(folder.resolve("split.csv"), prepared);
            files.add(folder.resolve("split.csv"));
        } catch (IOException e) {
            throw new ModelException(folder + ": cannot write the dataset: " + e.getMessage(), e);
        }
        if (rows.values().stream().allMatch(r -> r == 0)) {
            throw new ModelException("corpus " + corpus.name() + " holds no notes on any staff; nothing to write");
        }
        return new DatasetSummary(folder, files, prepared.split().training(), prepared.split().heldOut(), rows,
                eventSizes, durationSizes);
    }

    private static int writeEvents(Path file, PreparedCorpus prepared, Staff staff, StaffVocabularies v)
            throws IOException {
        int[] rows = {0};
        writeText(file, w -> {
            w.write("piece,split,index,onset,event,vocabulary_event,duration,duration_category\n");
            for (PreparedPiece piece : prepared.pieces()) {
                StaffStream stream = piece.streams().stream(staff).orElse(null);
                if (stream == null) continue;
                int index = 0;
                for (StreamEvent e : stream.events()) {
                    String known = v == null ? "" : v.events().label(v.eventIndex(e.label()));
                    w.write(String.join(",", csv(piece.name()), split(piece), Integer.toString(index++),
                            e.onset().toString(), e.label().toString(), known, e.duration().toString(),
                            e.category().label()));
                    w.write('\n');
                    rows[0]++;
                }
            }
        });
        return rows[0];
    }

    private static void writeEventVocabulary(Path file, Vocabulary events) throws IOException {
        writeText(file, w -> {
            w.write("index,event,count\n");
            for (int i = 0; i < events.size(); i++) w.write(i + "," + events.label(i) + "," + events.count(i) + "\n");
        });
    }

    private static void writeDurationVocabulary(Path file, Vocabulary durations) throws IOException {
        writeText(file, w -> {
            w.write("index,category,length,count\n");
            for (int i = 0; i < durations.size(); i++) {
                DurationCategory c = DurationCategory.parse(durations.label(i));
                w.write(i + "," + c.label() + "," + c.length().map(Object::toString).orElse("") + ","
                        + durations.count(i) + "\n");
            }
        });
    }

    private static void writeSplit(Path file, PreparedCorpus prepared) throws IOException {
        writeText(file, w -> {
            w.write("piece,split,key,key_source,diatonic_steps,semitones,treble_events,bass_events\n");
            for (PreparedPiece piece : prepared.pieces()) {
                PieceStreams s = piece.streams();
                w.write(String.join(",", csv(piece.name()), split(piece), csv(s.key().key().displayName()),
                        csv(s.key().source()), Integer.toString(s.transposition().diatonicSteps()),
                        Integer.toString(s.transposition().semitones()),
                        Integer.toString(s.stream(Staff.TREBLE).map(StaffStream::size).orElse(0)),
                        Integer.toString(s.stream(Staff.BASS).map(StaffStream::size).orElse(0))));
                w.write('\n');
            }
        });
    }

    /** What goes into a text file. */
    @FunctionalInterface
    private interface TextContent {
        void writeTo(BufferedWriter w) throws IOException;
    }

    /** Writes a UTF-8 text file whole or not at all ({@link AtomicFile}). */
    private static void writeText(Path file, TextContent content) throws IOException {
        AtomicFile.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        });
    }

    private static String split(PreparedPiece piece) {
        return piece.heldOut() ? "held-out" : "training";
    }

    /** Quotes a field when it holds a comma, a quote or a line break. */
    static String csv(String field) {
        if (field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}

package org.segue.core.internal.model;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.segue.training.ModelException;
import org.segue.training.Staff;

/**
 * A trained Segue model, loaded: both staves' networks with their vocabularies, and the metadata. Immutable and
 * safe to share between threads; generation runs in {@link StaffSession}s, one per request and thread.
 *
 * <p>How the continuation service uses it:
 * <pre>{@code
 * SegueModel model = file == null ? SegueModel.defaultModel() : SegueModel.load(file);
 * PieceStreams piece = StreamExtractor.extract(score);            // transposed to C major / A minor
 * StaffModel treble = model.staff(Staff.TREBLE);
 * List<Token> prefix = treble.tokens(piece.stream(Staff.TREBLE).orElseThrow());  // take the last 100
 * StaffSession session = treble.newSession(variations);           // its own recurrent state
 * List<Distributions> next = session.prime(prefix);               // reads the prefix
 * ... choose a token per row from next.get(row).events() / .durations() (never the duration "other":
 *     treble.duration(index) is empty for it) ...
 * next = session.step(chosenTokens);
 * EventLabel label = treble.event(token.event());                  // rest, or MIDI numbers in C / a
 * Duration length = treble.duration(token.duration()).orElseThrow();
 * int midiInPieceKey = piece.transposition().inverse().apply(midi);  // or Transposition.fromCanonical(key)
 * }</pre>
 * Unknown labels at priming time are replaced by their nearest known ones ({@code NearestEvent}).
 */
public final class SegueModel {

    /** The default model's resource, next to this class in the core bundle. */
    public static final String DEFAULT_RESOURCE = "default.segue-model";
    public static final String DEFAULT_NAME = "default model";

    private static volatile SegueModel defaultModel;

    private final String source;
    private final ModelMetadata metadata;
    private final Map<Staff, StaffModel> staves;

    public SegueModel(String source, ModelMetadata metadata, Map<Staff, StaffModel> staves) {
        this.source = Objects.requireNonNull(source, "source");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.staves = Map.copyOf(new EnumMap<>(staves));
        for (Staff staff : Staff.values()) {
            if (!this.staves.containsKey(staff)) {
                throw new IllegalArgumentException("a model needs both staves; " + staff.label() + " is missing");
            }
        }
    }

    /**
     * Reads a model file.
     *
     * @throws ModelException one line naming the file when it is missing or not a Segue model
     */
    public static SegueModel load(Path file) throws ModelException {
        return ModelFile.read(file);
    }

    /**
     * The model shipped in the core bundle, loaded once and then shared.
     *
     * @throws ModelException when this build has no default model
     */
    public static SegueModel defaultModel() throws ModelException {
        SegueModel m = defaultModel;
        if (m != null) return m;
        synchronized (SegueModel.class) {
            if (defaultModel == null) {
                InputStream in = SegueModel.class.getResourceAsStream(DEFAULT_RESOURCE);
                if (in == null) {
                    throw new ModelException("this build of Segue has no default model; train one with "
                            + "./segue train and pass it with --model");
                }
                defaultModel = ModelFile.read(in, DEFAULT_NAME);
            }
            return defaultModel;
        }
    }

    /** Loads {@code file}, or the default model when it is null. */
    public static SegueModel loadOrDefault(Path file) throws ModelException {
        return file == null ? defaultModel() : load(file);
    }

    /** The file it was read from, or {@value #DEFAULT_NAME}. */
    public String source() {
        return source;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public StaffModel staff(Staff staff) {
        return staves.get(staff);
    }

    /**
     * Writes the model file atomically.
     *
     * @throws ModelException when it cannot be written
     */
    public void write(Path file) throws ModelException {
        ModelFile.write(this, file);
    }
}

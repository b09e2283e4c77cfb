package org.segue.core.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.segue.core.internal.preprocess.DurationCategory;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.EventLabel;
import org.segue.core.internal.preprocess.StaffStream;
import org.segue.core.internal.preprocess.StaffVocabularies;
import org.segue.core.internal.preprocess.StreamEvent;
import org.segue.core.internal.runtime.Nd4jRuntime;
import org.segue.model.Duration;
import org.segue.training.Staff;

/**
 * One staff of a {@link SegueModel}: its trained network, its vocabularies and the training pieces' token streams
 * (for the baselines). Immutable as far as callers can tell: the DL4J network is never run here; scoring copies it
 * ({@link #copyOfNetwork()}) and generation reads its weights into one shared {@link InferenceNetwork} that
 * {@link StaffSession}s run.
 */
public final class StaffModel {

    private final Staff staff;
    private final StaffVocabularies vocabularies;
    /** Restores the DL4J network when first needed (a model read from a file restores it only for scoring). */
    interface NetworkLoader {
        ComputationGraph load() throws java.io.IOException;
    }

    private final Object lock = new Object();
    private final NetworkLoader loader;
    private final List<EncodedStream> trainingStreams;
    private volatile ComputationGraph network;
    private volatile InferenceNetwork inference;

    public StaffModel(Staff staff, StaffVocabularies vocabularies, ComputationGraph network,
                      List<EncodedStream> trainingStreams) {
        this(staff, vocabularies, Objects.requireNonNull(network, "network"), null, null, trainingStreams);
    }

    /**
     * A staff read from a model file: generation runs {@code inference} (read without DL4J), and the DL4J network
     * is restored by {@code loader} only when scoring, training or writing needs it.
     */
    StaffModel(Staff staff, StaffVocabularies vocabularies, InferenceNetwork inference, NetworkLoader loader,
               List<EncodedStream> trainingStreams) {
        this(staff, vocabularies, null, Objects.requireNonNull(inference, "inference"),
                Objects.requireNonNull(loader, "loader"), trainingStreams);
    }

    private StaffModel(Staff staff, StaffVocabularies vocabularies, ComputationGraph network,
                       InferenceNetwork inference, NetworkLoader loader, List<EncodedStream> trainingStreams) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
        this.network = network;
        this.inference = inference;
        this.loader = loader;
        this.trainingStreams = List.copyOf(trainingStreams);
    }

    public Staff staff() {
        return staff;
    }

    public StaffVocabularies vocabularies() {
        return vocabularies;
    }

    /** The training pieces of this staff, encoded: what the baselines are fitted on. */
    public List<EncodedStream> trainingStreams() {
        return trainingStreams;
    }

    /** A new session with its own recurrent state, for {@code batchSize} sequences side by side. */
    public StaffSession newSession(int batchSize) {
        return new StaffSession(this, inference(), batchSize);
    }

    /** The weights for generation, copied from the network at the first session and shared by all. */
    private InferenceNetwork inference() {
        InferenceNetwork i = inference;
        if (i == null) {
            synchronized (lock) {
                if (inference == null) inference = GraphWeights.read(network());
                i = inference;
            }
        }
        return i;
    }

    /**
     * A copy of the network that the caller owns (for scoring, or a session). Copying reads the shared network,
     * so copies are made one at a time.
     */
    public ComputationGraph copyOfNetwork() {
        ComputationGraph n = network();
        synchronized (lock) {
            return Nd4jRuntime.call(n::clone);
        }
    }

    /** The network itself, for writing the model file and for comparing with it in tests; never run it. */
    ComputationGraph network() {
        ComputationGraph n = network;
        if (n != null) return n;
        synchronized (lock) {
            if (network == null) {
                try {
                    network = loader.load();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("the " + staff.label() + " network of the model cannot be "
                            + "restored: " + e.getMessage(), e);
                }
            }
            return network;
        }
    }

    /** A stream event as a token: its label and category, or their nearest known ones. */
    public Token token(EventLabel label, DurationCategory category) {
        return new Token(vocabularies.eventIndex(label), vocabularies.durationIndex(category));
    }

    /** A whole stream (already in C major / A minor, as {@code StreamExtractor} gives it) as tokens. */
    public List<Token> tokens(StaffStream stream) {
        List<Token> tokens = new ArrayList<>(stream.size());
        for (StreamEvent e : stream.events()) tokens.add(token(e.label(), e.category()));
        return tokens;
    }

    /** The event label at an index: a rest, a note or a chord, its MIDI numbers in C major / A minor. */
    public EventLabel event(int index) {
        return vocabularies.event(index);
    }

    /** The duration category at an index. */
    public DurationCategory durationCategory(int index) {
        return vocabularies.duration(index);
    }

    /** The exact length of a duration index; empty for {@code other}, which a generator must not choose. */
    public Optional<Duration> duration(int index) {
        return durationCategory(index).length();
    }

    /** The index of the rest event, or -1 where the vocabulary has none. */
    public int restEvent() {
        return vocabularies.events().indexOf(EventLabel.REST_LABEL);
    }
}

package org.segue.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Trains Segue's two networks (treble and bass staff) on a corpus, evaluates a model against baselines, and
 * writes the preprocessed data for inspection. Reading score files is not its job: give it {@link org.segue.model}
 * scores (the command line reads them with the score file service).
 *
 * <p>Preprocessing, the same for all three operations: the pieces are split by name into training and held-out
 * pieces (deterministically, {@link TrainingConfig#heldOutShare()}); each piece is transposed to C major or A
 * minor; its upper and lower staves become a treble and a bass stream of events (a note, a chord or a rest, each
 * lasting until the next one starts); durations become categories; labels become vocabulary indices.
 */
@ProviderType
public interface TrainingService {

    /**
     * Trains both staves' networks and writes one model file. After each epoch a checkpoint is written next to
     * the model file ({@link #checkpointOf(Path)}); it is removed once the model file is written.
     *
     * @param modelFile where the model goes; written atomically (a temporary file, then a move)
     * @param resume continue from the checkpoint of {@code modelFile} left by an interrupted run; it must come
     *        from the same corpus and configuration
     * @param listener gets progress after every minibatch and epoch; {@link TrainingListener#NONE} for none
     * @throws ModelException when a staff of the corpus has too little music to train on, when the checkpoint to
     *         resume from is missing or does not fit, or when a file cannot be written; the message is one line
     */
    default TrainingResult train(Corpus corpus, TrainingConfig config, Path modelFile, boolean resume,
                                 TrainingListener listener) throws ModelException {
        return train(List.of(corpus), config, modelFile, resume, listener);
    }

    /**
     * Trains on the pieces of several corpora together: each corpus is split by itself, holding out its own share
     * ({@link TrainingConfig#heldOutShare()}), and the model's metadata records every corpus with its split. With
     * more than one corpus, pieces are named {@code corpus/piece} in the result, by the corpus's short name (the
     * last part of {@link Corpus#name()}, its folder's name); these must differ. A run resumes only with the same
     * corpora, in the same order. Otherwise as {@link #train(Corpus, TrainingConfig, Path, boolean,
     * TrainingListener)}.
     *
     * @throws ModelException as that method, and when two corpora have the same short name
     * @since 2.1
     */
    TrainingResult train(List<Corpus> corpora, TrainingConfig config, Path modelFile, boolean resume,
                         TrainingListener listener) throws ModelException;

    /**
     * The pieces a model learned from, by their names in their corpora (file names), all its corpora together:
     * {@link #evaluate} leaves these out.
     *
     * @param modelFile a model written by {@link #train}, or null for the default model
     * @throws ModelException when the model file is missing or not a Segue model
     * @since 2.1
     */
    Set<String> trainingPieces(Path modelFile) throws ModelException;

    /**
     * The pieces a model held out of its training (its validation pieces), by their names in their corpora (file
     * names), all its corpora together: what {@link #calibrate} fits on. Empty for a model file written before
     * models recorded their split.
     *
     * @param modelFile a model written by {@link #train}, or null for the default model
     * @throws ModelException when the model file is missing or not a Segue model
     * @since 3.1
     */
    Set<String> heldOutPieces(Path modelFile) throws ModelException;

    /**
     * Calibrates a model: fits, per staff and head, the temperature under which the network's probabilities give
     * its held-out pieces the lowest cross-entropy (temperature scaling), and writes the model with these
     * temperatures and its evaluation on those pieces to {@code out}. {@link #evaluate} then scores the network's
     * probabilities at these temperatures; generation is unchanged. {@link #train} calibrates every model it
     * writes; this is for models written before.
     *
     * @param modelFile a model written by {@link #train}, or null for the default model
     * @param corpora the corpora it was trained on (at least its held-out pieces of them)
     * @param out the calibrated model file; it must not exist
     * @return the calibrated model's evaluation on the held-out pieces found in {@code corpora}
     * @throws ModelException when the model file is missing or not a Segue model, when {@code out} exists or
     *         cannot be written, or when none of the model's held-out pieces is in {@code corpora}
     * @since 3.1
     */
    EvaluationReport calibrate(Path modelFile, List<Corpus> corpora, Path out, TrainingListener listener)
            throws ModelException;

    /**
     * Evaluates a model on the pieces of {@code corpus} that it was not trained on (by piece name, in any of its
     * training corpora): its held-out pieces when the corpus is one it trained on whole, or every piece of a corpus
     * it has never seen.
     *
     * @param modelFile a model written by {@link #train}, or null for the default model shipped with Segue
     * @throws ModelException when the model file is missing or not a Segue model, or when every piece of the
     *         corpus was used in training; the message is one line
     */
    EvaluationReport evaluate(Path modelFile, Corpus corpus) throws ModelException;

    /**
     * Writes the preprocessed corpus: {@code treble.csv} and {@code bass.csv} (one row per event: piece, split,
     * index, onset, event label, the label the vocabulary uses for it, exact duration, duration category), the
     * vocabularies per staff ({@code treble-events.csv}, {@code treble-durations.csv} and the same for the bass)
     * and {@code split.csv} (each piece, its split, its key and the transposition applied).
     *
     * @throws ModelException when the folder cannot be written or the corpus holds no music
     */
    DatasetSummary writeDataset(Corpus corpus, TrainingConfig config, Path folder) throws ModelException;

    /** {@link #writeDataset(Corpus, TrainingConfig, Path)} with the default configuration. */
    default DatasetSummary writeDataset(Corpus corpus, Path folder) throws ModelException {
        return writeDataset(corpus, TrainingConfig.defaults(), folder);
    }

    /** Where {@link #train} keeps the checkpoint for a model file: beside it, named like it plus {@code .checkpoint}. */
    static Path checkpointOf(Path modelFile) {
        Path absolute = modelFile.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".checkpoint");
    }
}

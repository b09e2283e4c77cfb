package org.segue.core.internal.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.segue.core.internal.model.SegueModel;
import org.segue.core.internal.model.StaffModel;
import org.segue.core.internal.network.HeadScore;
import org.segue.core.internal.network.SequenceScorer;
import org.segue.core.internal.network.Temperatures;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.PieceSplit;
import org.segue.core.internal.preprocess.PreparedCorpus;
import org.segue.core.internal.runtime.Nd4jRuntime;
import org.segue.training.BaselineScore;
import org.segue.training.Corpus;
import org.segue.training.EvaluationReport;
import org.segue.training.HeadEvaluation;
import org.segue.training.ModelException;
import org.segue.training.Staff;
import org.segue.training.StaffEvaluation;
import org.segue.training.TrainingConfig;

/**
 * Evaluates a model against every {@link Baseline} on the same tokens: every token but the first of every evaluated
 * stream, encoded with the model's vocabularies (unknown labels replaced by their nearest known ones, for the
 * network and the baselines alike). The network reads the streams in windows of the training sequence length (see
 * {@link SequenceScorer}), its probabilities at the model's calibration temperatures (and as they are, beside);
 * the baselines are fitted on the training pieces' tokens stored in the model file (so also when the evaluated
 * corpus is one the model never saw), the events and the durations separately.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates on the pieces of {@code corpus} that the model was not trained on: a piece whose name is among
     * the training pieces of any of the model's corpora is left out (the held-out pieces of a corpus it trained on
     * are thus evaluated, and every piece of another).
     *
     * @throws ModelException when the model was trained on every piece of the corpus
     */
    public static EvaluationReport evaluate(SegueModel model, Corpus corpus) throws ModelException {
        Set<String> trained = model.metadata().trainedPieceNames();
        List<String> evaluated = corpus.pieceNames().stream().filter(n -> !trained.contains(n)).toList();
        if (evaluated.isEmpty()) {
            throw new ModelException("corpus " + corpus.name() + ": the model " + model.source() + " was trained on "
                    + "all its " + corpus.pieces().size() + " pieces, so none is left to evaluate; pass a corpus "
                    + "with other pieces");
        }
        Set<String> heldOutNames = model.metadata().heldOutPieceNames();
        // a model file without its corpora's split names no held-out piece: then the pieces left of a corpus it
        // trained on are its held-out ones
        int heldOut = heldOutNames.isEmpty() && evaluated.size() < corpus.pieces().size() ? evaluated.size()
                : (int) evaluated.stream().filter(heldOutNames::contains).count();
        return evaluate(model, corpus.name(), evaluated, heldOut, streams(model, corpus, evaluated));
    }

    /**
     * The {@code evaluated} pieces of {@code corpus}, per staff, prepared as training prepares pieces and encoded
     * with the model's vocabularies.
     */
    public static Map<Staff, List<EncodedStream>> streams(SegueModel model, Corpus corpus, List<String> evaluated) {
        Set<String> chosen = Set.copyOf(evaluated);
        List<String> others = corpus.pieceNames().stream().filter(n -> !chosen.contains(n)).toList();
        PreparedCorpus prepared = PreparedCorpus.of(corpus, new PieceSplit(others, evaluated));
        Map<Staff, List<EncodedStream>> streams = new EnumMap<>(Staff.class);
        for (Staff staff : Staff.values()) {
            streams.put(staff, PreparedCorpus.encode(prepared.streams(staff, true),
                    model.staff(staff).vocabularies(), model.metadata().config().listening()));
        }
        return streams;
    }

    /**
     * Evaluates on streams already encoded with the model's vocabularies; {@code heldOut} of the {@code pieces} are
     * held-out ones of the model's split, the others unseen.
     */
    public static EvaluationReport evaluate(SegueModel model, String corpus, List<String> pieces, int heldOut,
                                            Map<Staff, List<EncodedStream>> streams) {
        TrainingConfig config = model.metadata().config();
        Map<Staff, StaffEvaluation> staves = new EnumMap<>(Staff.class);
        for (Staff staff : Staff.values()) {
            List<EncodedStream> s = streams.getOrDefault(staff, List.of()).stream()
                    .filter(e -> e.size() >= 2).toList();
            if (s.isEmpty()) continue;
            StaffModel staffModel = model.staff(staff);
            ComputationGraph network = staffModel.copyOfNetwork();
            Temperatures temperatures = model.metadata().temperatures(staff);
            SequenceScorer.Scores lstm = Nd4jRuntime.call(() -> SequenceScorer.score(network, s,
                    config.sequenceLength(), config.windowStride(), temperatures));
            staves.put(staff, new StaffEvaluation(staff,
                    head(lstm.events(), staffModel.vocabularies().events().size(), s, staffModel, true),
                    head(lstm.durations(), staffModel.vocabularies().durations().size(), s, staffModel, false)));
        }
        return new EvaluationReport(model.source(), corpus, pieces, heldOut, descriptions(), staves);
    }

    private static HeadEvaluation head(HeadScore lstm, int vocabularySize, List<EncodedStream> streams,
                                       StaffModel model, boolean events) {
        List<int[]> training = new ArrayList<>();
        for (EncodedStream t : model.trainingStreams()) training.add(events ? t.events() : t.durations());
        List<int[]> evaluated = new ArrayList<>();
        int replaced = 0;
        for (EncodedStream s : streams) {
            evaluated.add(events ? s.events() : s.durations());
            java.util.BitSet r = events ? s.replacedEvents() : s.replacedDurations();
            replaced += r.get(1, Math.max(1, s.size())).cardinality();
        }
        List<BaselineScore> baselines = new ArrayList<>();
        for (Baseline b : Baseline.values()) {
            baselines.add(new BaselineScore(b.label(), b.fit(vocabularySize, training).crossEntropy(evaluated)));
        }
        return new HeadEvaluation((int) lstm.tokens(), replaced, vocabularySize, lstm.crossEntropy(), baselines,
                lstm.top1(), lstm.top5(), lstm.temperature(), lstm.untemperedCrossEntropy());
    }

    private static Map<String, String> descriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Baseline b : Baseline.values()) descriptions.put(b.label(), b.description());
        return descriptions;
    }
}

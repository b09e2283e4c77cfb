package org.segue.core.internal.model;

import java.time.Instant;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.segue.core.internal.network.StaffNetworkFactory;
import org.segue.core.internal.preprocess.EncodedStream;
import org.segue.core.internal.preprocess.StaffVocabularies;
import org.segue.core.internal.preprocess.Vocabulary;
import org.segue.core.internal.runtime.Nd4jRuntime;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;

/** Untrained tiny models with real vocabularies, for file and session tests. */
final class TinyModels {

    static final TrainingConfig CONFIG = TrainingConfig.defaults().withHiddenSize(12).withDenseSize(10)
            .withEmbeddingSizes(5, 3).withSequenceLength(16).withSeed(3);

    private TinyModels() {
    }

    static SegueModel model(String source) {
        Map<Staff, StaffModel> staves = new EnumMap<>(Staff.class);
        for (Staff staff : Staff.values()) {
            Vocabulary events = new Vocabulary(List.of("R", "C4", "E4", "G4", "C4.E4.G4", "A3.C4.E4"),
                    List.of(9, 8, 7, 6, 5, 4));
            Vocabulary durations = new Vocabulary(List.of("half", "quarter", "eighth", "other"),
                    List.of(3, 9, 5, 1));
            EncodedStream training = new EncodedStream("piece-a", staff, new int[] {1, 2, 3, 4, 0, 5},
                    new int[] {1, 1, 2, 0, 1, 3}, new BitSet(), new BitSet());
            staves.put(staff, new StaffModel(staff, new StaffVocabularies(staff, events, durations),
                    Nd4jRuntime.call(() -> StaffNetworkFactory.build(CONFIG.withSeed(CONFIG.seed() + staff.ordinal()),
                            events.size(), durations.size())), List.of(training)));
        }
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, Instant.EPOCH.toString(),
                Versions.segue(), Versions.dl4j(), "tiny corpus", List.of("piece-a"), List.of("piece-b"), CONFIG,
                Map.of(), 1234, "");
        return new SegueModel(source, metadata, staves);
    }
}

package org.segue.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.segue.core.internal.network.StaffNetworkFactory;
import org.segue.core.internal.runtime.Nd4jRuntime;
import org.segue.training.Staff;
import org.segue.training.TrainingConfig;

/** The plain-Java forward pass gives DL4J's own {@code rnnTimeStep} outputs, step after step. */
class InferenceNetworkTest {

    private static final List<Token> TOKENS = List.of(new Token(1, 1), new Token(2, 1), new Token(4, 2),
            new Token(0, 0), new Token(5, 3), new Token(3, 1), new Token(3, 2), new Token(1, 0));

    @Test
    void givesDl4jsOutputsAtEveryStepOfATinyModel() {
        StaffModel staff = TinyModels.model("tiny").staff(Staff.TREBLE);
        assertSameAsDl4j(staff.copyOfNetwork(), GraphWeights.read(staff.network()));
    }

    @Test
    void givesDl4jsOutputsForTheShippedSizesWithRandomWeights() {
        assertSameAsDl4jWithRandomWeights(TrainingConfig.defaults());
    }

    @Test
    void givesDl4jsOutputsForTheIndependentNetworksOfThePublishedDesign() {
        assertSameAsDl4jWithRandomWeights(TrainingConfig.defaults().withListening(false));
    }

    private static void assertSameAsDl4jWithRandomWeights(TrainingConfig config) {
        ComputationGraph graph = Nd4jRuntime.call(() -> StaffNetworkFactory.build(config, 40, 16));
        // the factory's fresh biases are zero but for the forget gates: give every weight a value
        Nd4jRuntime.call(() -> {
            graph.setParams(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, graph.numParams())
                    .subi(0.5).muli(0.4));
            return null;
        });
        assertSameAsDl4j(graph, GraphWeights.read(graph));
    }

    @Test
    void aPrimedSessionGoesOnLikeOneThatReadTheSameTokensStepByStep() {
        StaffModel staff = TinyModels.model("tiny").staff(Staff.BASS);
        StaffSession primed = staff.newSession(2);
        StaffSession stepped = staff.newSession(1);

        List<Distributions> afterPrefix = primed.prime(TOKENS.subList(0, 5));
        stepped.prime(TOKENS.subList(0, 1));
        Distributions last = null;
        for (Token t : TOKENS.subList(1, 5)) last = stepped.step(t);

        assertThat(afterPrefix.get(0).events()).containsExactly(last.events());
        assertThat(afterPrefix.get(1).durations()).containsExactly(last.durations());
        assertThat(primed.step(List.of(TOKENS.get(5), TOKENS.get(5))).get(1).events())
                .containsExactly(stepped.step(TOKENS.get(5)).events());
    }

    private static void assertSameAsDl4j(ComputationGraph graph, InferenceNetwork inference) {
        InferenceNetwork.State state = inference.newState();
        Nd4jRuntime.call(() -> {
            graph.rnnClearPreviousState();
            return null;
        });
        java.util.Random random = new java.util.Random(3);
        int width = inference.contextWidth();
        assertThat(width).isEqualTo(graph.getConfiguration().getNetworkInputs().size() == 3
                ? TrainingConfig.CONTEXT_WIDTH : 0);
        for (Token token : TOKENS) {
            if (token.event() >= inference.eventClasses()) continue;
            float[] context = new float[width];
            for (int k = 0; k < width; k++) context[k] = random.nextFloat();
            INDArray event = Nd4j.create(new float[] {token.event()}, new long[] {1, 1, 1});
            INDArray duration = Nd4j.create(new float[] {token.duration()}, new long[] {1, 1, 1});
            INDArray[] expected = Nd4jRuntime.call(() -> width == 0 ? graph.rnnTimeStep(event, duration)
                    : graph.rnnTimeStep(event, duration, Nd4j.create(context, new long[] {1, width, 1})));
            Distributions actual = inference.newDistributions();
            inference.step(state, token, context, actual);
            float[] events = expected[0].reshape(inference.eventClasses()).toFloatVector();
            float[] durations = expected[1].reshape(inference.durationClasses()).toFloatVector();
            for (int c = 0; c < events.length; c++) {
                assertThat(actual.events()[c]).as("event " + c + " after " + token).isCloseTo(events[c], within(2e-5f));
            }
            for (int c = 0; c < durations.length; c++) {
                assertThat(actual.durations()[c]).as("duration " + c).isCloseTo(durations[c], within(2e-5f));
            }
        }
    }
}

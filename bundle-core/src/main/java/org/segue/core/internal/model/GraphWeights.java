package org.segue.core.internal.model;

import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.segue.core.internal.network.StaffNetworkFactory;
import org.segue.core.internal.runtime.Nd4jRuntime;

/**
 * Copies the weights of a DL4J graph built by {@link StaffNetworkFactory} into an {@link InferenceNetwork}: the
 * one place where the plain-Java forward pass meets DL4J (kept apart so that generation from a model file never
 * loads DL4J's classes).
 */
final class GraphWeights {

    private GraphWeights() {
    }

    static InferenceNetwork read(ComputationGraph graph) {
        return Nd4jRuntime.call(() -> new InferenceNetwork(
                embedding(graph.getLayer("eventEmbedding")),
                embedding(graph.getLayer("durationEmbedding")),
                new InferenceNetwork.Lstm[] {lstm(graph.getLayer("lstm1")), lstm(graph.getLayer("lstm2")),
                        lstm(graph.getLayer("lstm3"))},
                dense(graph.getLayer("dense")),
                dense(graph.getLayer(StaffNetworkFactory.EVENT_OUTPUT)),
                dense(graph.getLayer(StaffNetworkFactory.DURATION_OUTPUT))));
    }

    private static InferenceNetwork.Dense dense(Layer layer) {
        Map<String, INDArray> p = layer.paramTable();
        float[][] w = p.get("W").toFloatMatrix();
        return new InferenceNetwork.Dense(flatten(w), p.get("b").toFloatVector(), w.length, w[0].length,
                activationOf(layer));
    }

    private static InferenceNetwork.Embedding embedding(Layer layer) {
        Map<String, INDArray> p = layer.paramTable();
        float[][] w = p.get("W").toFloatMatrix();
        float[] b = p.containsKey("b") ? p.get("b").toFloatVector() : new float[w[0].length];
        return new InferenceNetwork.Embedding(flatten(w), b, w[0].length, activationOf(layer));
    }

    private static InferenceNetwork.Lstm lstm(Layer layer) {
        if (activationOf(layer) != InferenceNetwork.Activation.TANH) {
            throw new IllegalStateException("LSTM layer " + layer.conf().getLayer().getLayerName()
                    + " is not tanh; the inference pass knows tanh only");
        }
        Map<String, INDArray> p = layer.paramTable();
        float[][] w = p.get("W").toFloatMatrix();
        float[][] rw = p.get("RW").toFloatMatrix();
        return new InferenceNetwork.Lstm(flatten(w), flatten(rw), p.get("b").toFloatVector(), w.length, rw.length);
    }

    private static InferenceNetwork.Activation activationOf(Layer layer) {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        if (conf instanceof BaseWrapperLayer wrapper) conf = wrapper.getUnderlying(); // TimeDistributed
        IActivation a = ((BaseLayer) conf).getActivationFn();
        if (a instanceof ActivationIdentity) return InferenceNetwork.Activation.IDENTITY;
        if (a instanceof ActivationReLU) return InferenceNetwork.Activation.RELU;
        if (a instanceof ActivationTanH) return InferenceNetwork.Activation.TANH;
        if (a instanceof ActivationSigmoid) return InferenceNetwork.Activation.SIGMOID;
        if (a instanceof ActivationSoftmax) return InferenceNetwork.Activation.SOFTMAX;
        throw new IllegalStateException("activation " + a + " is not supported by the inference pass");
    }

    private static float[] flatten(float[][] m) {
        int width = m[0].length;
        float[] flat = new float[m.length * width];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, flat, i * width, width);
        return flat;
    }
}

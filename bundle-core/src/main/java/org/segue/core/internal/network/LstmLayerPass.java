package org.segue.core.internal.network;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Forward and backward pass of one of DL4J's {@code LSTM} layers (no peepholes, gate blocks in DL4J's order:
 * block input, forget, output, input gate) over a whole minibatch, shaped the way that makes it cheap: the input
 * projection of every time step is one large matrix product, each step then needs only the recurrent product and
 * the gate arithmetic, and the backward pass has the same shape (per step the recurrent product of the gate
 * gradients; the weight gradients and the input gradient are three large products at the end).
 *
 * <p>Matrices are time-major, row {@code t * batch + b} holding sequence {@code b} at step {@code t}. Products run
 * in ND4J (BLAS); the gate arithmetic runs in plain Java on float arrays, fused into one loop per step, because
 * each ND4J element-wise call costs tens of microseconds of overhead whatever its size (measured: 50-90 us for a
 * 32 x 256 multiplication), and a step needs a dozen of them. Values cross between the two through the direct
 * buffers of contiguous arrays, which costs about a microsecond per step. The gate arithmetic of a step runs on two
 * threads, half of the sequences each ({@link SplitRange}): between two BLAS calls the second core would otherwise
 * wait (the arithmetic is the same, so the results are too).
 *
 * <p>Not thread-safe: it keeps the activations of the last forward pass for the backward pass.
 */
final class LstmLayerPass {

    private final INDArray inputWeights;     // [in, 4H], a view of the network's parameters
    private final INDArray recurrentWeights; // [H, 4H]
    private final INDArray bias;             // [1, 4H]
    private final int inputs;
    private final int size;
    private final SplitRange split;

    private int steps;
    private int batch;
    private INDArray projected;  // [TB, 4H]: x W + b
    private INDArray output;     // [TB, H]
    private INDArray gateGradients; // [TB, 4H]
    private INDArray stepOutput;    // [B, H]: h of the step before, the left side of the recurrent product
    private INDArray stepRecurrent; // [B, 4H]: h RW
    private INDArray stepGateGradients; // [B, 4H]
    private INDArray stepHiddenGradient; // [B, H]
    private float[] gates;       // [TB * 4H], after their activations
    private float[] cells;       // [TB * H]
    private float[] tanhCells;   // [TB * H]
    private float[] z;           // [B * 4H], scratch
    private float[] recurrent;   // [B * 4H], scratch
    private float[] h;           // [B * H], scratch

    /** @param split runs the gate arithmetic of a step on two threads, half of the sequences each */
    LstmLayerPass(INDArray inputWeights, INDArray recurrentWeights, INDArray bias, SplitRange split) {
        this.split = split;
        this.inputWeights = inputWeights;
        this.recurrentWeights = recurrentWeights;
        this.bias = bias;
        this.inputs = (int) inputWeights.size(0);
        this.size = (int) recurrentWeights.size(0);
    }

    int size() {
        return size;
    }

    /** Runs the layer over {@code x} ({@code [steps * batch, inputs]}, time-major); returns its outputs. */
    INDArray forward(INDArray x, int steps, int batch) {
        allocate(steps, batch);
        int hh = size;
        int width = 4 * hh;
        int rowBlock = batch * width;
        Nd4j.gemm(x, inputWeights, projected, false, false, 1.0, 0.0);
        projected.addiRowVector(bias);
        FloatBuffer projectedData = buffer(projected);
        FloatBuffer outputData = buffer(output);
        FloatBuffer stepOutputData = buffer(stepOutput);
        FloatBuffer stepRecurrentData = buffer(stepRecurrent);
        for (int t = 0; t < steps; t++) {
            projectedData.get(t * rowBlock, z, 0, rowBlock);
            if (t > 0) {
                Nd4j.gemm(stepOutput, recurrentWeights, stepRecurrent, false, false, 1.0, 0.0);
                stepRecurrentData.get(0, recurrent, 0, rowBlock);
            }
            int cellBase = t * batch * hh;
            int step = t;
            split.run(batch, (from, to) -> gatesForward(step, from, to));
            outputData.put(cellBase, h, 0, batch * hh);
            stepOutputData.put(0, h, 0, batch * hh);
        }
        return output;
    }

    /**
     * The gate arithmetic of step {@code t} for sequences {@code from} to {@code to}: from {@link #z} (the input
     * projection) plus {@link #recurrent} (from the second step on) to h and c.
     */
    private void gatesForward(int t, int from, int to) {
        int hh = size;
        int width = 4 * hh;
        int gateBase = t * batch * width;
        int cellBase = t * batch * hh;
        for (int b = from; b < to; b++) {
            int zr = b * width;
            int cr = b * hh;
            if (t > 0) {
                for (int k = zr; k < zr + width; k++) z[k] += recurrent[k];
            }
            for (int j = 0; j < hh; j++) {
                float a = tanh(z[zr + j]);
                float f = sigmoid(z[zr + hh + j]);
                float o = sigmoid(z[zr + 2 * hh + j]);
                float i = sigmoid(z[zr + 3 * hh + j]);
                int g = gateBase + zr + j;
                gates[g] = a;
                gates[g + hh] = f;
                gates[g + 2 * hh] = o;
                gates[g + 3 * hh] = i;
                int c = cellBase + cr + j;
                float cell = i * a + (t > 0 ? f * cells[c - batch * hh] : 0f);
                float tc = tanh(cell);
                cells[c] = cell;
                tanhCells[c] = tc;
                h[cr + j] = o * tc;
            }
        }
    }

    /**
     * The backward pass of the last {@link #forward}: from the gradient of the loss with respect to the outputs
     * ({@code [steps * batch, H]}), adds nothing but sets this layer's weight gradients in {@code gradients}
     * ({@code [in, 4H]}, {@code [H, 4H]}, {@code [1, 4H]}, laid out like the weights) and returns the gradient
     * with respect to the input {@code x} (or null when {@code inputGradient} is false).
     */
    INDArray backward(INDArray x, INDArray outputGradient, INDArray inputWeightGradient,
                      INDArray recurrentWeightGradient, INDArray biasGradient, boolean inputGradient) {
        int hh = size;
        int width = 4 * hh;
        int rowBlock = batch * width;
        int cellBlock = batch * hh;
        float[] dh = new float[steps * cellBlock];
        buffer(outputGradient.dup('c')).get(0, dh, 0, dh.length);
        float[] dcNext = new float[cellBlock];
        float[] dhNext = new float[cellBlock];
        float[] dz = z;
        FloatBuffer gateGradientData = buffer(gateGradients);
        FloatBuffer stepGateData = buffer(stepGateGradients);
        FloatBuffer stepHiddenData = buffer(stepHiddenGradient);
        for (int t = steps - 1; t >= 0; t--) {
            int gateBase = t * rowBlock;
            int step = t;
            split.run(batch, (from, to) -> gatesBackward(step, from, to, dh, dhNext, dcNext, dz));
            gateGradientData.put(gateBase, dz, 0, rowBlock);
            if (t > 0) {
                stepGateData.put(0, dz, 0, rowBlock);
                Nd4j.gemm(stepGateGradients, recurrentWeights, stepHiddenGradient, false, true, 1.0, 0.0);
                stepHiddenData.get(0, dhNext, 0, cellBlock);
            }
        }
        inputWeightGradient.assign(product(x, gateGradients, true, false));
        if (steps > 1) {
            INDArray before = output.get(NDArrayIndex.interval(0, (long) (steps - 1) * batch),
                    NDArrayIndex.all());
            INDArray after = gateGradients.get(NDArrayIndex.interval((long) batch,
                    (long) steps * batch), NDArrayIndex.all());
            recurrentWeightGradient.assign(product(before, after, true, false));
        } else {
            recurrentWeightGradient.assign(0);
        }
        biasGradient.assign(gateGradients.sum(true, 0));
        return inputGradient ? product(gateGradients, inputWeights, false, true) : null;
    }

    /**
     * The gate arithmetic of the backward pass at step {@code t} for sequences {@code from} to {@code to}: from
     * the output gradient {@code dh} and the gradients coming back from step {@code t + 1} ({@code dhNext},
     * {@code dcNext}, which it updates for step {@code t - 1}) to the gate gradients {@code dz}.
     */
    private void gatesBackward(int t, int from, int to, float[] dh, float[] dhNext, float[] dcNext, float[] dz) {
        int hh = size;
        int width = 4 * hh;
        int gateBase = t * batch * width;
        int cellBlock = batch * hh;
        int cellBase = t * cellBlock;
        for (int b = from; b < to; b++) {
            int zr = b * width;
            int cr = b * hh;
            for (int j = 0; j < hh; j++) {
                int c = cellBase + cr + j;
                int g = gateBase + zr + j;
                float a = gates[g];
                float f = gates[g + hh];
                float o = gates[g + 2 * hh];
                float i = gates[g + 3 * hh];
                float tc = tanhCells[c];
                float cellBefore = t > 0 ? cells[c - cellBlock] : 0f;
                float dOut = dh[c] + dhNext[cr + j];
                float dCell = dcNext[cr + j] + dOut * o * (1 - tc * tc);
                dz[zr + j] = dCell * i * (1 - a * a);
                dz[zr + hh + j] = dCell * cellBefore * f * (1 - f);
                dz[zr + 2 * hh + j] = dOut * tc * o * (1 - o);
                dz[zr + 3 * hh + j] = dCell * a * i * (1 - i);
                dcNext[cr + j] = dCell * f;
            }
        }
    }

    private void allocate(int steps, int batch) {
        if (steps == this.steps && batch == this.batch) return;
        this.steps = steps;
        this.batch = batch;
        int rows = steps * batch;
        projected = Nd4j.create(DataType.FLOAT, new long[] {rows, 4L * size}, 'c');
        output = Nd4j.create(DataType.FLOAT, new long[] {rows, size}, 'c');
        gateGradients = Nd4j.create(DataType.FLOAT, new long[] {rows, 4L * size}, 'c');
        stepOutput = Nd4j.create(DataType.FLOAT, new long[] {batch, size}, 'c');
        stepRecurrent = Nd4j.create(DataType.FLOAT, new long[] {batch, 4L * size}, 'c');
        stepGateGradients = Nd4j.create(DataType.FLOAT, new long[] {batch, 4L * size}, 'c');
        stepHiddenGradient = Nd4j.create(DataType.FLOAT, new long[] {batch, size}, 'c');
        gates = new float[rows * 4 * size];
        cells = new float[rows * size];
        tanhCells = new float[rows * size];
        z = new float[batch * 4 * size];
        recurrent = new float[batch * 4 * size];
        h = new float[batch * size];
    }

    /** {@code op(a) op(b)} as a new row-major matrix, {@code op} transposing where asked. */
    static INDArray product(INDArray a, INDArray b, boolean transposeA, boolean transposeB) {
        long rows = transposeA ? a.size(1) : a.size(0);
        long columns = transposeB ? b.size(0) : b.size(1);
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {rows, columns}, 'c');
        return Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
    }

    /** The direct buffer of a contiguous array that starts at its buffer's start (all those created here). */
    static FloatBuffer buffer(INDArray a) {
        if (a.offset() != 0 || a.ordering() != 'c' || a.length() != a.data().length()) {
            throw new IllegalStateException("not a whole contiguous array: " + a.shapeInfoToString());
        }
        return a.data().asNioFloat();
    }

    static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }

    /** tanh through exp, which the JIT makes an intrinsic ({@code Math.tanh} is several times slower). */
    static float tanh(float v) {
        if (v > 20) return 1f;
        if (v < -20) return -1f;
        double e = Math.exp(2.0 * v);
        return (float) ((e - 1) / (e + 1));
    }
}

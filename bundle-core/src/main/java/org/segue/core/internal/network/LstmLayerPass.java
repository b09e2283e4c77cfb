package org.segue.core.internal.network;

import java.nio.FloatBuffer;
import java.util.Arrays;

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
 * in ND4J's BLAS (the per-step ones straight through {@link Blas}, which adds each step's recurrent product into
 * that step's rows of the input projection); the gate arithmetic runs in plain Java on float arrays, because
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
    private INDArray projected;  // [TB, 4H]: x W + b, then step by step plus h RW
    private INDArray output;     // [TB, H]
    private INDArray gateGradients; // [TB, 4H]
    private INDArray[] projectedRows;    // per step, its [B, 4H] rows of projected, where h RW is added
    private INDArray[] outputRows;       // per step, its [B, H] rows of output: the next step's recurrent input
    private INDArray[] gateGradientRows; // per step, its [B, 4H] rows of gateGradients
    private INDArray stepHiddenGradient; // [B, H]
    private float[] gates;       // [TB * 4H], after their activations
    private float[] cells;       // [TB * H]
    private float[] tanhCells;   // [TB * H]
    private float[] z;           // [B * 4H], scratch
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
        for (int t = 0; t < steps; t++) {
            if (t > 0) Blas.gemm(outputRows[t - 1], false, recurrentWeights, false, 1f, projectedRows[t]);
            projectedData.get(t * rowBlock, z, 0, rowBlock);
            int cellBase = t * batch * hh;
            int step = t;
            split.run(batch, (from, to) -> gatesForward(step, from, to));
            outputData.put(cellBase, h, 0, batch * hh);
        }
        return output;
    }

    /**
     * The gate arithmetic of step {@code t} for sequences {@code from} to {@code to}: from {@link #z} (the input
     * projection plus, from the second step on, the recurrent product) to h and c.
     *
     * <p>The gates of a sequence are copied into arrays of their own, so that every loop reads and writes one index
     * of small arrays: the JIT vectorises a loop only where no store can overlap another iteration's load, which it
     * cannot rule out for two offsets into float arrays that may be the same array (measured: 180 us a step as one
     * fused loop over the large arrays, 50 us as it is).
     */
    private void gatesForward(int t, int from, int to) {
        int hh = size;
        int width = 4 * hh;
        int cellBlock = batch * hh;
        int gateBase = t * batch * width;
        int cellBase = t * cellBlock;
        float[] a = new float[hh];
        float[] f = new float[hh];
        float[] o = new float[hh];
        float[] i = new float[hh];
        float[] cell = new float[hh];
        float[] squashed = new float[hh]; // the cell before, then tanh of the new cell
        float[] out = new float[hh];
        for (int b = from; b < to; b++) {
            int zr = b * width;
            int cr = b * hh;
            int c = cellBase + cr;
            unpack(z, zr, a, f, o, i);
            if (t > 0) {
                System.arraycopy(cells, c - cellBlock, squashed, 0, hh);
            } else {
                Arrays.fill(squashed, 0f);
            }
            for (int j = 0; j < hh; j++) a[j] = Activations.tanh(a[j]);
            for (int j = 0; j < hh; j++) f[j] = Activations.sigmoid(f[j]);
            for (int j = 0; j < hh; j++) o[j] = Activations.sigmoid(o[j]);
            for (int j = 0; j < hh; j++) i[j] = Activations.sigmoid(i[j]);
            for (int j = 0; j < hh; j++) cell[j] = i[j] * a[j] + f[j] * squashed[j];
            for (int j = 0; j < hh; j++) squashed[j] = Activations.tanh(cell[j]);
            for (int j = 0; j < hh; j++) out[j] = o[j] * squashed[j];
            pack(a, f, o, i, gates, gateBase + zr);
            System.arraycopy(cell, 0, cells, c, hh);
            System.arraycopy(squashed, 0, tanhCells, c, hh);
            System.arraycopy(out, 0, h, cr, hh);
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
        FloatBuffer stepHiddenData = buffer(stepHiddenGradient);
        for (int t = steps - 1; t >= 0; t--) {
            int gateBase = t * rowBlock;
            int step = t;
            split.run(batch, (from, to) -> gatesBackward(step, from, to, dh, dhNext, dcNext, dz));
            gateGradientData.put(gateBase, dz, 0, rowBlock);
            if (t > 0) {
                Blas.gemm(gateGradientRows[t], false, recurrentWeights, true, 0f, stepHiddenGradient);
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
        biasGradient.assign(columnSums(gateGradients));
        return inputGradient ? product(gateGradients, inputWeights, false, true) : null;
    }

    /**
     * The gate arithmetic of the backward pass at step {@code t} for sequences {@code from} to {@code to}: from
     * the output gradient {@code dh} and the gradients coming back from step {@code t + 1} ({@code dhNext},
     * {@code dcNext}, which it updates for step {@code t - 1}) to the gate gradients {@code dz}. Laid out in
     * small arrays as the forward pass is, for the same reason.
     */
    private void gatesBackward(int t, int from, int to, float[] dh, float[] dhNext, float[] dcNext, float[] dz) {
        int hh = size;
        int width = 4 * hh;
        int gateBase = t * batch * width;
        int cellBlock = batch * hh;
        int cellBase = t * cellBlock;
        float[] a = new float[hh];
        float[] f = new float[hh];
        float[] o = new float[hh];
        float[] i = new float[hh];
        float[] squashed = new float[hh];
        float[] before = new float[hh];
        float[] dOut = new float[hh];
        float[] dCell = new float[hh];
        float[] dGate = new float[hh];
        for (int b = from; b < to; b++) {
            int zr = b * width;
            int cr = b * hh;
            int c = cellBase + cr;
            unpack(gates, gateBase + zr, a, f, o, i);
            System.arraycopy(tanhCells, c, squashed, 0, hh);
            if (t > 0) {
                System.arraycopy(cells, c - cellBlock, before, 0, hh);
            } else {
                Arrays.fill(before, 0f);
            }
            System.arraycopy(dh, c, dOut, 0, hh);
            System.arraycopy(dcNext, cr, dCell, 0, hh);
            System.arraycopy(dhNext, cr, dGate, 0, hh);
            for (int j = 0; j < hh; j++) dOut[j] += dGate[j];
            for (int j = 0; j < hh; j++) dCell[j] += dOut[j] * o[j] * (1 - squashed[j] * squashed[j]);
            for (int j = 0; j < hh; j++) dGate[j] = dCell[j] * i[j] * (1 - a[j] * a[j]);
            System.arraycopy(dGate, 0, dz, zr, hh);
            for (int j = 0; j < hh; j++) dGate[j] = dCell[j] * before[j] * f[j] * (1 - f[j]);
            System.arraycopy(dGate, 0, dz, zr + hh, hh);
            for (int j = 0; j < hh; j++) dGate[j] = dOut[j] * squashed[j] * o[j] * (1 - o[j]);
            System.arraycopy(dGate, 0, dz, zr + 2 * hh, hh);
            for (int j = 0; j < hh; j++) dGate[j] = dCell[j] * a[j] * i[j] * (1 - i[j]);
            System.arraycopy(dGate, 0, dz, zr + 3 * hh, hh);
            for (int j = 0; j < hh; j++) dCell[j] *= f[j];
            System.arraycopy(dCell, 0, dcNext, cr, hh);
        }
    }

    /** Copies the four gate blocks of one sequence, {@code H} values each from {@code at}, into their arrays. */
    private static void unpack(float[] from, int at, float[] a, float[] f, float[] o, float[] i) {
        int hh = a.length;
        System.arraycopy(from, at, a, 0, hh);
        System.arraycopy(from, at + hh, f, 0, hh);
        System.arraycopy(from, at + 2 * hh, o, 0, hh);
        System.arraycopy(from, at + 3 * hh, i, 0, hh);
    }

    /** The reverse of {@link #unpack}. */
    private static void pack(float[] a, float[] f, float[] o, float[] i, float[] to, int at) {
        int hh = a.length;
        System.arraycopy(a, 0, to, at, hh);
        System.arraycopy(f, 0, to, at + hh, hh);
        System.arraycopy(o, 0, to, at + 2 * hh, hh);
        System.arraycopy(i, 0, to, at + 3 * hh, hh);
    }

    private void allocate(int steps, int batch) {
        if (steps == this.steps && batch == this.batch) return;
        this.steps = steps;
        this.batch = batch;
        int rows = steps * batch;
        projected = Nd4j.create(DataType.FLOAT, new long[] {rows, 4L * size}, 'c');
        output = Nd4j.create(DataType.FLOAT, new long[] {rows, size}, 'c');
        gateGradients = Nd4j.create(DataType.FLOAT, new long[] {rows, 4L * size}, 'c');
        projectedRows = rowsOfEachStep(projected);
        outputRows = rowsOfEachStep(output);
        gateGradientRows = rowsOfEachStep(gateGradients);
        stepHiddenGradient = Nd4j.create(DataType.FLOAT, new long[] {batch, size}, 'c');
        gates = new float[rows * 4 * size];
        cells = new float[rows * size];
        tanhCells = new float[rows * size];
        z = new float[batch * 4 * size];
        h = new float[batch * size];
    }

    /** Views of a time-major matrix, one per step: its rows {@code t * batch} to {@code (t + 1) * batch}. */
    private INDArray[] rowsOfEachStep(INDArray matrix) {
        INDArray[] rows = new INDArray[steps];
        for (int t = 0; t < steps; t++) {
            rows[t] = matrix.get(NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch), NDArrayIndex.all());
        }
        return rows;
    }

    /** {@code op(a) op(b)} as a new row-major matrix, {@code op} transposing where asked. */
    static INDArray product(INDArray a, INDArray b, boolean transposeA, boolean transposeB) {
        long rows = transposeA ? a.size(1) : a.size(0);
        long columns = transposeB ? b.size(0) : b.size(1);
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {rows, columns}, 'c');
        return Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
    }

    /**
     * The sum of each column of a row-major matrix, as a row: a product with a row of ones. ND4J's own
     * {@code sum(true, 0)} walks the columns with a stride and took 23 ms for one LSTM layer's bias gradient
     * ({@code [3200, 1024]}), a fifth of a training step for the three layers; the product takes about 1 ms.
     */
    static INDArray columnSums(INDArray a) {
        return product(Nd4j.ones(DataType.FLOAT, 1, a.size(0)), a, false, false);
    }

    /** The direct buffer of a contiguous array that starts at its buffer's start (all those created here). */
    static FloatBuffer buffer(INDArray a) {
        if (a.offset() != 0 || a.ordering() != 'c' || a.length() != a.data().length()) {
            throw new IllegalStateException("not a whole contiguous array: " + a.shapeInfoToString());
        }
        return a.data().asNioFloat();
    }
}

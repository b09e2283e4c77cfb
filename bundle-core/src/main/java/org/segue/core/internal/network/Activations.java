package org.segue.core.internal.network;

/**
 * The LSTM's two squashing functions in float arithmetic the JIT can vectorise: {@code tanh} as a ratio of two
 * polynomials on a clamped range, and the logistic sigmoid through it ({@code sigmoid(x) = (1 + tanh(x / 2)) / 2}).
 * Neither calls {@code Math.exp}, which C2 compiles to a scalar call per value, so a loop over a row of gates runs
 * several values per instruction. Both agree with the exact functions to within a few float ulps; the training
 * tests compare the trainer's gradient with DL4J's, which uses the exact ones. Generation's own forward pass
 * ({@code InferenceNetwork}) uses them too, where {@code Math.tanh}, never compiled to an intrinsic, cost about a
 * fifth of a step.
 *
 * <p>The polynomial coefficients are the published fit Eigen uses for its float {@code tanh} (a [13/6] rational
 * approximation, exact to rounding at the clamp, where {@code tanh} is 1 in float).
 */
public final class Activations {

    private static final float CLAMP = 7.90531110763549805f;
    private static final float A1 = 4.89352455891786e-03f;
    private static final float A3 = 6.37261928875436e-04f;
    private static final float A5 = 1.48572235717979e-05f;
    private static final float A7 = 5.12229709037114e-08f;
    private static final float A9 = -8.60467152213735e-11f;
    private static final float A11 = 2.00018790482477e-13f;
    private static final float A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f;
    private static final float B2 = 2.26843463243900e-03f;
    private static final float B4 = 1.18534705686654e-04f;
    private static final float B6 = 1.19825839466702e-06f;

    private Activations() {
    }

    public static float tanh(float v) {
        float x = Math.max(-CLAMP, Math.min(CLAMP, v));
        float x2 = x * x;
        float p = ((((((A13 * x2 + A11) * x2 + A9) * x2 + A7) * x2 + A5) * x2 + A3) * x2 + A1) * x;
        float q = ((B6 * x2 + B4) * x2 + B2) * x2 + B0;
        return p / q;
    }

    public static float sigmoid(float v) {
        return 0.5f + 0.5f * tanh(0.5f * v);
    }
}

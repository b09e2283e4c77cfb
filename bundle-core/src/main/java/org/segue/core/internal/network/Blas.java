package org.segue.core.internal.network;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Single-precision matrix products straight through the OpenBLAS that ND4J itself loads and calls
 * ({@code openblas_nolapack}, the same library, threads and kernels), for the 600 small per-step products of a
 * training step. ND4J's {@code Nd4j.gemm} builds and checks a custom op for every call, which cost about 15 us on
 * top of a 115 us product at 32 x 256 x 1024 (measured in a loop); and it refuses a view as the result, which the
 * forward pass wants in order to add the recurrent product into the input projection in place.
 *
 * <p>Operands are contiguous float matrices in 'c' or 'f' order (a network's parameter views are 'f'); the result
 * is row-major and may be a view of whole rows.
 */
final class Blas {

    private Blas() {
    }

    /** {@code c = op(a) op(b) + beta c}, {@code op} transposing where asked. */
    static void gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, float beta, INDArray c) {
        if (!rowMajor(c)) {
            throw new IllegalArgumentException("the result must be row-major and contiguous: " + c.shapeInfoToString());
        }
        Operand left = Operand.of(a, transposeA);
        Operand right = Operand.of(b, transposeB);
        int m = (int) c.size(0);
        int n = (int) c.size(1);
        int k = (int) (transposeA ? a.size(0) : a.size(1));
        if ((transposeA ? a.size(1) : a.size(0)) != m || (transposeB ? b.size(0) : b.size(1)) != n
                || (transposeB ? b.size(1) : b.size(0)) != k) {
            throw new IllegalArgumentException("shapes do not multiply: " + a.shapeInfoToString() + " x "
                    + b.shapeInfoToString() + " into " + c.shapeInfoToString());
        }
        cblas_sgemm(CblasRowMajor, left.transpose, right.transpose, m, n, k, 1f, left.pointer, left.leading,
                right.pointer, right.leading, beta, pointer(c), n);
    }

    /** A matrix as row-major BLAS sees it: a 'f' matrix is the transpose of a row-major one. */
    private record Operand(FloatPointer pointer, int transpose, int leading) {

        static Operand of(INDArray x, boolean transposed) {
            boolean rowMajor = rowMajor(x);
            boolean columnMajor = !rowMajor && columnMajor(x);
            if (!rowMajor && !columnMajor) {
                throw new IllegalArgumentException("not a contiguous matrix: " + x.shapeInfoToString());
            }
            boolean flip = transposed != columnMajor;
            int leading = (int) (rowMajor ? x.size(1) : x.size(0));
            return new Operand(Blas.pointer(x), flip ? CblasTrans : CblasNoTrans, leading);
        }
    }

    /** Whether {@code x} is a contiguous row-major matrix (of one row: any stride between rows). */
    private static boolean rowMajor(INDArray x) {
        return x.rank() == 2 && x.stride(1) == 1 && (x.size(0) == 1 || x.stride(0) == x.size(1));
    }

    private static boolean columnMajor(INDArray x) {
        return x.rank() == 2 && x.stride(0) == 1 && (x.size(1) == 1 || x.stride(1) == x.size(0));
    }

    private static FloatPointer pointer(INDArray x) {
        if (x.dataType() != DataType.FLOAT || x.rank() != 2) {
            throw new IllegalArgumentException("not a float matrix: " + x.shapeInfoToString());
        }
        return new FloatPointer(x.data().addressPointer()); // a view's buffer starts where the view starts
    }
}

package org.segue.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.segue.core.internal.runtime.Nd4jRuntime;

/** {@link Blas} against ND4J's own product, on the operands the trainer gives it: row views and parameter views. */
class BlasTest {

    @Test
    void productsOfRowViewsAndColumnMajorParameterViewsEqualNd4js() {
        Nd4jRuntime.run(() -> {
            Nd4j.getRandom().setSeed(3);
            INDArray rows = Nd4j.rand(DataType.FLOAT, 12, 5).get(NDArrayIndex.interval(4, 8), NDArrayIndex.all());
            INDArray parameters = Nd4j.rand(DataType.FLOAT, 1, 17 + 5 * 7);
            INDArray columnMajor = parameters.get(NDArrayIndex.point(0), NDArrayIndex.interval(17, 17 + 5 * 7))
                    .reshape('f', 5, 7);
            for (INDArray weights : new INDArray[] {columnMajor, columnMajor.dup('c')}) {
                INDArray product = Nd4j.create(DataType.FLOAT, 4, 7);
                Blas.gemm(rows, false, weights, false, 0f, product);
                assertThat(product.equalsWithEps(rows.mmul(weights), 1e-5)).as("%s", weights.ordering()).isTrue();

                INDArray gradient = Nd4j.rand(DataType.FLOAT, 4, 7);
                INDArray back = Nd4j.create(DataType.FLOAT, 4, 5);
                Blas.gemm(gradient, false, weights, true, 0f, back);
                assertThat(back.equalsWithEps(gradient.mmul(weights.transpose()), 1e-5)).isTrue();

                INDArray target = Nd4j.rand(DataType.FLOAT, 12, 7);
                INDArray before = target.dup();
                Blas.gemm(rows, false, weights, false, 1f, target.get(NDArrayIndex.interval(4, 8), NDArrayIndex.all()));
                INDArray expected = before.dup();
                expected.get(NDArrayIndex.interval(4, 8), NDArrayIndex.all()).addi(rows.mmul(weights));
                assertThat(target.equalsWithEps(expected, 1e-5)).as("added into rows 4-7 only").isTrue();
            }
            return null;
        });
    }

    @Test
    void refusesShapesThatDoNotMultiply() {
        Nd4jRuntime.run(() -> {
            INDArray a = Nd4j.create(DataType.FLOAT, 4, 5);
            INDArray b = Nd4j.create(DataType.FLOAT, 6, 7);
            assertThatThrownBy(() -> Blas.gemm(a, false, b, false, 0f, Nd4j.create(DataType.FLOAT, 4, 7)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not multiply");
            return null;
        });
    }
}

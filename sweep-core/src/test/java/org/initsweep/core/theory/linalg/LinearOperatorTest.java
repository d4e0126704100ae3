package org.initsweep.core.theory.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Dense, diagonal, transposed and chained operators against hand-multiplied products. */
class LinearOperatorTest {

    private static final double[][] A = {{1, 2, 3}, {4, 5, 6}}; // 2 × 3

    @Test
    void denseAppliesTheMatrixAndItsTranspose() {
        LinearOperator a = LinearOperator.dense(A);
        double[] y = {Double.NaN, Double.NaN};
        a.apply(new double[] {1, 0, -1}, y);
        assertArrayEquals(new double[] {-2, -2}, y, 0);
        double[] z = {7, 7, 7};
        a.applyTransposed(new double[] {1, 1}, z);
        assertArrayEquals(new double[] {5, 7, 9}, z, 0);
        assertEquals(2, a.transpose().cols());
        a.transpose().apply(new double[] {1, 1}, z);
        assertArrayEquals(new double[] {5, 7, 9}, z, 0);
    }

    @Test
    void chainAppliesLayersInputFirst() {
        // diag(2, 3) · A · diag(1, −1, 0.5): listed input side first
        LinearOperator chain = LinearOperator.chain(List.of(LinearOperator.diagonal(new double[] {1, -1, 0.5}),
                LinearOperator.dense(A), LinearOperator.diagonal(new double[] {2, 3})));
        double[] y = new double[2];
        chain.apply(new double[] {1, 1, 2}, y); // diag → (1, −1, 1); A → (2, 5); diag → (4, 15)
        assertArrayEquals(new double[] {4, 15}, y, 0);
        double[] z = new double[3];
        chain.applyTransposed(new double[] {1, 0}, z); // diag → (2, 0); Aᵀ → (2, 4, 6); diag → (2, −4, 3)
        assertArrayEquals(new double[] {2, -4, 3}, z, 0);
    }

    @Test
    void chainRefusesShapesThatDoNotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearOperator.chain(List.of(LinearOperator.dense(A), LinearOperator.dense(A))));
        assertTrue(e.getMessage().contains("3 columns") && e.getMessage().contains("2 rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearOperator.chain(List.of()));
        assertThrows(IllegalArgumentException.class, () -> LinearOperator.dense(new double[][] {{1, 2}, {3}}));
    }
}

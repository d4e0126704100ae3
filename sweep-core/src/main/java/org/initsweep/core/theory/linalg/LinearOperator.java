package org.initsweep.core.theory.linalg;

import java.util.Arrays;
import java.util.List;

/**
 * A real rows × cols matrix A given by its action on vectors: y = A·x and y = Aᵀ·x. Lets the
 * Jacobian of a deep network, J = D<sub>L</sub>W<sub>L</sub>···D<sub>1</sub>W<sub>1</sub>, be
 * used without forming it ({@link #chain(List)}).
 *
 * <p>Implementations must not keep or modify the argument arrays, and must write every element of
 * the output (which may hold garbage on entry). Not required to be thread-safe.
 */
public interface LinearOperator {

    /** @return the number of rows (length of A·x), ≥ 1 */
    int rows();

    /** @return the number of columns (length of x), ≥ 1 */
    int cols();

    /**
     * y = A·x.
     *
     * @param x input of length {@link #cols()}
     * @param y output of length {@link #rows()}, overwritten
     */
    void apply(double[] x, double[] y);

    /**
     * y = Aᵀ·x.
     *
     * @param x input of length {@link #rows()}
     * @param y output of length {@link #cols()}, overwritten
     */
    void applyTransposed(double[] x, double[] y);

    /** @return Aᵀ as an operator (a view, no copy) */
    default LinearOperator transpose() {
        LinearOperator a = this;
        return new LinearOperator() {
            @Override
            public int rows() {
                return a.cols();
            }

            @Override
            public int cols() {
                return a.rows();
            }

            @Override
            public void apply(double[] x, double[] y) {
                a.applyTransposed(x, y);
            }

            @Override
            public void applyTransposed(double[] x, double[] y) {
                a.apply(x, y);
            }
        };
    }

    /**
     * A dense matrix (not copied: later changes to {@code a} show through).
     *
     * @param a the matrix, shape [rows][cols], rectangular, at least 1 × 1
     * @return the operator
     * @throws IllegalArgumentException if {@code a} is empty or ragged
     */
    static LinearOperator dense(double[][] a) {
        int rows = a.length;
        if (rows == 0 || a[0].length == 0) {
            throw new IllegalArgumentException("matrix must be at least 1 x 1");
        }
        int cols = a[0].length;
        for (double[] row : a) {
            if (row.length != cols) {
                throw new IllegalArgumentException("matrix rows must all have length " + cols);
            }
        }
        return new LinearOperator() {
            @Override
            public int rows() {
                return rows;
            }

            @Override
            public int cols() {
                return cols;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int i = 0; i < rows; i++) {
                    double[] row = a[i];
                    double s = 0;
                    for (int j = 0; j < cols; j++) {
                        s += row[j] * x[j];
                    }
                    y[i] = s;
                }
            }

            @Override
            public void applyTransposed(double[] x, double[] y) {
                Arrays.fill(y, 0, cols, 0);
                for (int i = 0; i < rows; i++) {
                    double[] row = a[i];
                    double xi = x[i];
                    for (int j = 0; j < cols; j++) {
                        y[j] += row[j] * xi;
                    }
                }
            }
        };
    }

    /**
     * A square diagonal matrix diag(d) (not copied), e.g. D = diag(φ'(h)).
     *
     * @param d the diagonal, length ≥ 1
     * @return the operator
     * @throws IllegalArgumentException if {@code d} is empty
     */
    static LinearOperator diagonal(double[] d) {
        if (d.length == 0) {
            throw new IllegalArgumentException("diagonal must not be empty");
        }
        return new LinearOperator() {
            @Override
            public int rows() {
                return d.length;
            }

            @Override
            public int cols() {
                return d.length;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int i = 0; i < d.length; i++) {
                    y[i] = d[i] * x[i];
                }
            }

            @Override
            public void applyTransposed(double[] x, double[] y) {
                apply(x, y);
            }
        };
    }

    /**
     * The product A<sub>k</sub>···A<sub>2</sub>A<sub>1</sub> of operators listed in the order they
     * act, {@code layers.get(0)} = A₁ first (input side) — for a network, the layer Jacobians
     * from the first hidden layer to the last. Scratch vectors are allocated once here, so the
     * result is not thread-safe.
     *
     * @param layers the factors, at least one, with layers.get(i).rows() = layers.get(i+1).cols()
     * @return the product
     * @throws IllegalArgumentException if the list is empty or the shapes do not chain
     */
    static LinearOperator chain(List<LinearOperator> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("chain needs at least one operator");
        }
        LinearOperator[] ops = layers.toArray(new LinearOperator[0]);
        for (int i = 1; i < ops.length; i++) {
            if (ops[i].cols() != ops[i - 1].rows()) {
                throw new IllegalArgumentException("operator " + i + " has " + ops[i].cols()
                        + " columns but operator " + (i - 1) + " has " + ops[i - 1].rows() + " rows");
            }
        }
        double[][] forward = new double[ops.length][];
        double[][] backward = new double[ops.length][];
        for (int i = 0; i < ops.length; i++) {
            forward[i] = new double[ops[i].rows()];
            backward[i] = new double[ops[i].cols()];
        }
        return new LinearOperator() {
            @Override
            public int rows() {
                return ops[ops.length - 1].rows();
            }

            @Override
            public int cols() {
                return ops[0].cols();
            }

            @Override
            public void apply(double[] x, double[] y) {
                double[] in = x;
                for (int i = 0; i < ops.length; i++) {
                    double[] out = i == ops.length - 1 ? y : forward[i];
                    ops[i].apply(in, out);
                    in = out;
                }
            }

            @Override
            public void applyTransposed(double[] x, double[] y) {
                double[] in = x;
                for (int i = ops.length - 1; i >= 0; i--) {
                    double[] out = i == 0 ? y : backward[i];
                    ops[i].applyTransposed(in, out);
                    in = out;
                }
            }
        };
    }
}

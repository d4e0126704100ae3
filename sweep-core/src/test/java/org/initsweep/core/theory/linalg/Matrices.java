package org.initsweep.core.theory.linalg;

import java.util.Random;

/** Test matrices with known singular values: U·diag(σ)·Vᵀ from products of Householder reflections. */
final class Matrices {

    private Matrices() {
    }

    /** An n × n orthogonal matrix: the product of {@code n} Householder reflections I − 2vvᵀ. */
    static double[][] orthogonal(int n, Random random) {
        double[][] q = identity(n);
        for (int k = 0; k < n; k++) {
            double[] v = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                v[i] = random.nextGaussian();
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
            // q ← q (I − 2vvᵀ)
            for (double[] row : q) {
                double d = 0;
                for (int i = 0; i < n; i++) {
                    d += row[i] * v[i];
                }
                for (int i = 0; i < n; i++) {
                    row[i] -= 2 * d * v[i];
                }
            }
        }
        return q;
    }

    /** U·diag(σ)·Vᵀ with U rows × rows and V cols × cols orthogonal; σ has min(rows, cols) entries. */
    static double[][] withSingularValues(int rows, int cols, double[] sigma, Random random) {
        double[][] u = orthogonal(rows, random);
        double[][] v = orthogonal(cols, random);
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int k = 0; k < sigma.length; k++) {
                    s += u[i][k] * sigma[k] * v[j][k];
                }
                a[i][j] = s;
            }
        }
        return a;
    }

    static double[][] gaussian(int rows, int cols, Random random) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return a;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    static double[][] identity(int n) {
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        return q;
    }
}

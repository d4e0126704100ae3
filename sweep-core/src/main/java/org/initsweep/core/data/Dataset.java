package org.initsweep.core.data;

/**
 * A generated binary-classification training set, row-major.
 *
 * @param kind   which generator made it
 * @param x      inputs, {@code [samples, dim]} row-major, each feature normalized to zero mean and
 *               unit (population) variance
 * @param y      labels {@code [samples]}, each 0 or 1
 * @param samples number of examples, ≥ 1
 * @param dim    input dimension n^[0], ≥ 1
 */
public record Dataset(DatasetKind kind, float[] x, float[] y, int samples, int dim) {

    /** @throws IllegalArgumentException if the array lengths do not match {@code samples × dim} */
    public Dataset {
        if (samples < 1 || dim < 1 || x.length != (long) samples * dim || y.length != samples) {
            throw new IllegalArgumentException("dataset arrays do not match [" + samples + ", " + dim + "]");
        }
    }

    /** Labels as class indices {@code [samples]} (0 or 1). */
    public int[] labels() {
        int[] out = new int[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (int) y[i];
        }
        return out;
    }

    /** Population variance of all input entries (1 after normalization, up to rounding). */
    public double inputVariance() {
        double sum = 0;
        double sumSq = 0;
        for (float v : x) {
            sum += v;
            sumSq += (double) v * v;
        }
        double mean = sum / x.length;
        return sumSq / x.length - mean * mean;
    }
}

package org.initsweep.core.data;

import java.io.Serializable;
import java.util.List;

/**
 * A labelled classification set in memory.
 *
 * <p>Arrays are owned by the record and never copied: do not change them after construction (the
 * readers, {@link Splits} and {@link FeatureTransform} always make new ones). {@code equals} compares
 * arrays by identity, as records do.
 *
 * @param x            features, row-major {@code [samples, features]}, float32
 * @param y            class indices {@code [samples]}, each in [0, classes)
 * @param samples      rows, ≥ 1
 * @param features     columns, ≥ 1
 * @param classValues  the label of class k as the source wrote it ({@code classValues[k]}), strictly
 *                     increasing: labels are numbered in sorted order, so {0, 1, …, 9} keep their value
 *                     and {−1, 1} become 0 and 1. Length K = {@link #classes()}, 1 ≤ K ≤ {@link #MAX_CLASSES}
 * @param featureNames the column names of a table, in order; empty when the source has none (IDX images)
 */
public record LabeledData(float[] x, int[] y, int samples, int features, long[] classValues,
                          List<String> featureNames) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most classes a dataset may have. */
    public static final int MAX_CLASSES = 1000;

    /** The most entries one Java array holds (a few below Integer.MAX_VALUE, as the JDK's own collections assume). */
    public static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    /** @throws IllegalArgumentException if shapes, labels or class values are inconsistent (a bug, not bad input) */
    public LabeledData {
        if (samples < 1 || features < 1 || x.length != (long) samples * features || y.length != samples) {
            throw new IllegalArgumentException("arrays x[" + x.length + "], y[" + y.length + "] do not match ["
                    + samples + ", " + features + "]");
        }
        if (classValues.length < 1 || classValues.length > MAX_CLASSES) {
            throw new IllegalArgumentException("classes must be in [1, " + MAX_CLASSES + "], got " + classValues.length);
        }
        for (int k = 1; k < classValues.length; k++) {
            if (classValues[k] <= classValues[k - 1]) {
                throw new IllegalArgumentException("class values must be strictly increasing at " + k);
            }
        }
        for (int i = 0; i < samples; i++) {
            if (y[i] < 0 || y[i] >= classValues.length) {
                throw new IllegalArgumentException("label " + y[i] + " of row " + i + " outside [0, " + classValues.length + ")");
            }
        }
        featureNames = List.copyOf(featureNames);
        if (!featureNames.isEmpty() && featureNames.size() != features) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for " + features + " features");
        }
    }

    /** Number of classes K. */
    public int classes() {
        return classValues.length;
    }

    /** Examples per class, {@code [classes]}. */
    public int[] classCounts() {
        int[] counts = new int[classValues.length];
        for (int label : y) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * The given rows, in the given order, as a new dataset with the same classes and names.
     *
     * @param rows row indices in [0, samples), at least one
     */
    public LabeledData rows(int[] rows) {
        float[] nx = new float[Math.multiplyExact(rows.length, features)];
        int[] ny = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(x, rows[r] * features, nx, r * features, features);
            ny[r] = y[rows[r]];
        }
        return new LabeledData(nx, ny, rows.length, features, classValues, featureNames);
    }

    /** Bytes the arrays of a dataset of this shape take: 4 per feature value and 4 per label. */
    public static long bytes(long samples, long features) {
        return samples * (features + 1) * Float.BYTES;
    }

    /** Bytes this dataset's arrays take. */
    public long bytes() {
        return bytes(samples, features);
    }
}

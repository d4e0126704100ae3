package org.initsweep.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How features are brought to a common scale before training. Statistics come from the training split
 * only ({@link #fit}) and the same transform is applied to train and test, so no test information
 * leaks into training. Sums are accumulated in double; a constant feature (train maximum = minimum,
 * e.g. MNIST's border pixels) maps to exactly 0 in both modes, never NaN.
 */
public enum Preprocessing {

    /**
     * Per-feature standardization: x' = (x − μ_j) / σ_j with the train mean μ_j and population standard
     * deviation σ_j, so every training feature has mean 0 and variance 1 (the generated datasets' default).
     */
    STANDARDIZE,

    /**
     * Scale to [0, 1], then centre: x' = (x − μ_j) / (max_j − min_j), with the train minimum, maximum
     * and mean of feature j. Training values span an interval of width 1 (min-max scaling to [0, 1],
     * shifted) with mean 0; relative sizes of the features' spreads are kept, unlike standardization.
     * For MNIST (pixels 0–255 with min 0 and max 255 in nearly every column) this is x/255 centred.
     * Test values are not clipped.
     */
    SCALE;

    /** The spec name: {@code standardize} or {@code scale}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Spec names of all modes. */
    public static List<String> specNames() {
        return Arrays.stream(values()).map(Preprocessing::specName).toList();
    }

    /** The mode with that spec name, if any. */
    public static Optional<Preprocessing> fromSpecName(String name) {
        return Arrays.stream(values()).filter(p -> p.specName().equals(name)).findFirst();
    }

    /**
     * Computes this mode's transform from the training split.
     *
     * @param train the training examples
     * @return x' = (x − offset_j) · scale_j per feature
     */
    public FeatureTransform fit(LabeledData train) {
        int n = train.samples();
        int f = train.features();
        float[] x = train.x();
        double[] sum = new double[f];
        float[] min = new float[f];
        float[] max = new float[f];
        System.arraycopy(x, 0, min, 0, f);
        System.arraycopy(x, 0, max, 0, f);
        for (int i = 0, o = 0; i < n; i++, o += f) {
            for (int j = 0; j < f; j++) {
                float v = x[o + j];
                sum[j] += v;
                // features are finite (the readers refuse NaN), so plain comparisons suffice
                min[j] = v < min[j] ? v : min[j];
                max[j] = v > max[j] ? v : max[j];
            }
        }
        double[] offset = new double[f];
        double[] scale = new double[f];
        for (int j = 0; j < f; j++) {
            offset[j] = sum[j] / n;
        }
        if (this == SCALE) {
            for (int j = 0; j < f; j++) {
                double range = (double) max[j] - min[j];
                scale[j] = range > 0 ? 1 / range : 0;
            }
        } else {
            double[] squares = new double[f];
            for (int i = 0, o = 0; i < n; i++, o += f) {
                for (int j = 0; j < f; j++) {
                    double d = x[o + j] - offset[j];
                    squares[j] += d * d;
                }
            }
            for (int j = 0; j < f; j++) {
                double sd = Math.sqrt(squares[j] / n);
                scale[j] = max[j] > min[j] && sd > 0 ? 1 / sd : 0;
            }
        }
        return new FeatureTransform(offset, scale);
    }
}

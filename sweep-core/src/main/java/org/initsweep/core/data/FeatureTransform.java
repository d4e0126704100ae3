package org.initsweep.core.data;

import java.io.Serializable;

/**
 * A per-feature affine map x' = (x − offset_j) · scale_j, fitted on a training split by
 * {@link Preprocessing#fit}. A scale of 0 marks a constant feature, which maps to exactly 0.
 *
 * @param offset subtracted from feature j, {@code [features]}
 * @param scale  multiplies the difference, {@code [features]}, ≥ 0
 */
public record FeatureTransform(double[] offset, double[] scale) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** @throws IllegalArgumentException if the arrays differ in length */
    public FeatureTransform {
        if (offset.length != scale.length) {
            throw new IllegalArgumentException("offset[" + offset.length + "] and scale[" + scale.length + "] differ");
        }
    }

    /**
     * @param data examples with {@code offset.length} features
     * @return a new dataset with the transformed features (computed in double, rounded to float32) and
     *     the same labels
     * @throws IllegalArgumentException if the feature count differs
     */
    public LabeledData apply(LabeledData data) {
        int f = data.features();
        if (f != offset.length) {
            throw new IllegalArgumentException("transform of " + offset.length + " features applied to " + f);
        }
        float[] x = data.x();
        float[] out = new float[x.length];
        for (int o = 0; o < x.length; o += f) {
            for (int j = 0; j < f; j++) {
                double s = scale[j];
                out[o + j] = s == 0 ? 0f : (float) ((x[o + j] - offset[j]) * s);
            }
        }
        return new LabeledData(out, data.y(), data.samples(), f, data.classValues(), data.featureNames());
    }
}

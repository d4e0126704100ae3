package org.initsweep.core.head;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * K &gt; 2 classes: K softmax units, p_k = e^{z_k} / Σ_j e^{z_j}, with the cross-entropy
 * J = −(1/B)·Σ_i ln p_{i,y_i} (Bridle 1990; Goodfellow et al. 2016, §6.2.2.3). Its gradient with
 * respect to z is (p − onehot(y))/B. Probabilities are computed in double from z − max z (no
 * overflow) and rounded once to float32.
 *
 * @param classes K ≥ 3
 */
public record SoftmaxCrossEntropy(int classes) implements OutputHead {

    /** @throws IllegalArgumentException if K &lt; 3 (two classes use {@link SigmoidCrossEntropy}) */
    public SoftmaxCrossEntropy {
        if (classes < 3) {
            throw new IllegalArgumentException("softmax head needs K ≥ 3 classes, got " + classes);
        }
    }

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public int units() {
        return classes;
    }

    @Override
    public void activate(float[] z, float[] a, int batch) {
        int k = classes;
        double[] e = new double[k];
        for (int i = 0; i < batch; i++) {
            int o = i * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, z[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                e[j] = Math.exp(z[o + j] - max);
                sum += e[j];
            }
            for (int j = 0; j < k; j++) {
                a[o + j] = (float) (e[j] / sum);
            }
        }
    }

    @Override
    public void activate(INDArray z, INDArray a) {
        int batch = (int) z.rows();
        int k = classes;
        double[] zd = z.dup('c').data().asDouble();
        double[] out = new double[zd.length];
        for (int i = 0; i < batch; i++) {
            int o = i * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, zd[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                out[o + j] = Math.exp(zd[o + j] - max);
                sum += out[o + j];
            }
            for (int j = 0; j < k; j++) {
                out[o + j] /= sum;
            }
        }
        a.assign(org.nd4j.linalg.factory.Nd4j.create(out, new long[] {batch, k}, 'c').castTo(a.dataType()));
    }

    @Override
    public void delta(float[] a, int[] y, float[] dz, int batch) {
        int k = classes;
        float b = batch;
        for (int i = 0; i < batch; i++) {
            int o = i * k;
            for (int j = 0; j < k; j++) {
                dz[o + j] = (a[o + j] - (j == y[i] ? 1f : 0f)) / b;
            }
        }
    }

    @Override
    public void targets(int[] y, INDArray t) {
        t.assign(0);
        for (int i = 0; i < t.rows(); i++) {
            t.putScalar(i, y[i], 1.0);
        }
    }

    /** ln Σ_j e^{z_j} − z_y, with the maximum taken out of the sum. */
    @Override
    public double loss(double[] z, int[] y) {
        for (double v : z) {
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
        }
        int batch = z.length / classes;
        double sum = 0;
        for (int i = 0; i < batch; i++) {
            double lse = logSumExp(z, i * classes);
            if (!Double.isFinite(lse)) {
                return Double.NaN;
            }
            sum += lse - z[i * classes + y[i]];
        }
        return sum / batch;
    }

    @Override
    public double accuracy(double[] z, int[] y) {
        int batch = z.length / classes;
        int right = 0;
        for (int i = 0; i < batch; i++) {
            int o = i * classes;
            int best = 0;
            for (int j = 0; j < classes; j++) {
                if (Double.isNaN(z[o + j])) {
                    return Double.NaN;
                }
                if (z[o + j] > z[o + best]) {
                    best = j;
                }
            }
            if (best == y[i]) {
                right++;
            }
        }
        return (double) right / batch;
    }

    /**
     * ∂J/∂a_{i,k} = −[k = y_i]/(B·p_{i,y_i}), 1/p_{i,y} = e^{ln Σ e^{z} − z_y}: 0 off the label, and the
     * variance over all B·K entries.
     */
    @Override
    public double outputGradVariance(double[] z, int[] y) {
        int batch = z.length / classes;
        long n = (long) batch * classes;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < batch; i++) {
            double g = -Math.exp(logSumExp(z, i * classes) - z[i * classes + y[i]]) / batch;
            sum += g;
            sumSq += g * g;
        }
        if (sumSq == Double.POSITIVE_INFINITY) {
            return sumSq;
        }
        double mean = sum / n;
        return Math.max(0, sumSq / n - mean * mean);
    }

    private double logSumExp(double[] z, int o) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            if (Double.isNaN(z[o + j])) {
                return Double.NaN;
            }
            max = Math.max(max, z[o + j]);
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        double s = 0;
        for (int j = 0; j < classes; j++) {
            s += Math.exp(z[o + j] - max);
        }
        return max + Math.log(s);
    }

}

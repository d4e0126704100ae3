package org.initsweep.core.head;

import org.initsweep.core.activation.Sigmoid;
import org.initsweep.core.math.Log1p;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Two classes: one sigmoid output unit, p = σ(z) = P(class 1), with the binary cross-entropy
 * J = −(1/B)·Σ [y ln p + (1 − y) ln(1 − p)]. In float32, σ is computed in double and rounded once.
 */
public final class SigmoidCrossEntropy implements OutputHead {

    private static final long serialVersionUID = 1L;

    /** The only instance (the head has no parameters). */
    public static final SigmoidCrossEntropy INSTANCE = new SigmoidCrossEntropy();

    private SigmoidCrossEntropy() {
    }

    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public int classes() {
        return 2;
    }

    @Override
    public int units() {
        return 1;
    }

    @Override
    public void activate(float[] z, float[] a, int batch) {
        for (int i = 0; i < batch; i++) {
            a[i] = Sigmoid.of(z[i]);
        }
    }

    @Override
    public void activate(INDArray z, INDArray a) {
        Transforms.sigmoid(a.assign(z), false);
    }

    @Override
    public void delta(float[] a, int[] y, float[] dz, int batch) {
        float b = batch;
        for (int i = 0; i < batch; i++) {
            dz[i] = (a[i] - (float) y[i]) / b;
        }
    }

    @Override
    public void targets(int[] y, INDArray t) {
        for (int i = 0; i < t.rows(); i++) {
            t.putScalar(i, 0, y[i]);
        }
    }

    /**
     * max(z, 0) − z·y + log(1 + e^{−|z|}), finite for every finite z; the logarithms are taken for all
     * rows at once ({@link Log1p#of(double[], double[], int)}, the same bits), then summed in row order.
     * NaN for any infinite z, as the contract says, whichever its sign and label.
     */
    @Override
    public double loss(double[] z, int[] y) {
        int n = z.length;
        double[] log1pExp = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(z[i])) {
                return Double.NaN;
            }
            log1pExp[i] = Math.exp(-Math.abs(z[i]));
        }
        Log1p.of(log1pExp, log1pExp, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double zi = z[i];
            sum += Math.max(zi, 0) - zi * y[i] + log1pExp[i];
        }
        return sum / n;
    }

    /** (z &gt; 0) == (y = 1); ±Infinity predicts its sign's class. */
    @Override
    public double accuracy(double[] z, int[] y) {
        int right = 0;
        for (int i = 0; i < z.length; i++) {
            if (Double.isNaN(z[i])) {
                return Double.NaN;
            }
            if ((z[i] > 0) == (y[i] == 1)) {
                right++;
            }
        }
        return (double) right / z.length;
    }

    /**
     * ∂J/∂a = (a − y)/(a(1 − a)B), written via z so saturation cannot divide by zero:
     * −(1 + e^{−z})/B for y = 1 and (1 + e^{z})/B for y = 0.
     */
    @Override
    public double outputGradVariance(double[] z, int[] y) {
        int n = z.length;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double g = (y[i] == 1 ? -(1 + Math.exp(-z[i])) : 1 + Math.exp(z[i])) / n;
            sum += g;
            sumSq += g * g;
        }
        if (sumSq == Double.POSITIVE_INFINITY) {
            return sumSq; // Inf − Inf below would give NaN (a NaN z still does)
        }
        double mean = sum / n;
        return Math.max(0, sumSq / n - mean * mean);
    }
}

package org.initsweep.core.train;

/** Binary cross-entropy and accuracy of a sigmoid output, from its pre-activations z. */
public final class Losses {

    private Losses() {
    }

    /**
     * Mean binary cross-entropy of σ(z) against y, in nats, in the overflow-free form
     * max(z, 0) − z·y + log(1 + e^{−|z|}); finite for every finite z.
     *
     * @param z output pre-activations {@code [n]}
     * @param y labels {@code [n]} in {0, 1}
     * @return NaN if any z is NaN or infinite (∞ − ∞, ∞·0): the trainer reads a non-finite loss as
     *         divergence, and an infinite output means some layer overflowed
     */
    public static double binaryCrossEntropy(double[] z, double[] y) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double zi = z[i];
            sum += Math.max(zi, 0) - zi * y[i] + Math.log1p(Math.exp(-Math.abs(zi)));
        }
        return sum / z.length;
    }

    /**
     * Fraction of examples with (z &gt; 0) == (y == 1).
     *
     * @param z output pre-activations {@code [n]}
     * @param y labels {@code [n]} in {0, 1}
     * @return NaN if any z is NaN (a diverged network predicts nothing; {@code NaN > 0} would count
     *         as class 0 and give the share of that class); ±Infinity predicts its sign's class
     */
    public static double accuracy(double[] z, double[] y) {
        int right = 0;
        for (int i = 0; i < z.length; i++) {
            if (Double.isNaN(z[i])) {
                return Double.NaN;
            }
            if ((z[i] > 0) == (y[i] > 0.5)) {
                right++;
            }
        }
        return (double) right / z.length;
    }
}

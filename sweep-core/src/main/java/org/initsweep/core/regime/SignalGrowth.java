package org.initsweep.core.regime;

/**
 * Measured per-layer growth rates of a network's signals and the regime they put it in.
 *
 * <p><b>Rates.</b> The forward rate is the least-squares slope of ln Var(z^[l]) against l, the
 * backward rate that of ln Var(∂J/∂a^[l]) against L − l (so both are "per layer, in the direction
 * the signal travels"), in nats per layer. A rate r means the variance is multiplied by e^r per
 * layer: for a linear net with Var(W) = m/fan_in, r = ln m; at the critical point r = 0. The
 * forward signal is the pre-activation z, whose variance q^l is what mean-field theory propagates
 * (Poole et al. 2016, eq. 3): it obeys the same map in every hidden layer, whereas Var(a) differs
 * from Var(z) by a factor set by φ (about 0.34 for ReLU) and Var(x) by none. The output layer (one
 * unit) enters the fit only for one-hidden-layer networks.
 *
 * <p>For depth L ≥ 4 the slopes are fitted over the deeper half of the network (l ≥ ⌈L/2⌉), which
 * estimates the asymptotic rate that mean-field theory predicts (ln χ₁ backward; Schoenholz et al.
 * 2017): the first layers are a transient (e.g. tanh at m = 1 decays only like 1/l, algebraically).
 * For L &lt; 4 every layer is used; a one-hidden-layer net has no backward rate.
 *
 * <p><b>Threshold.</b> A regime is a statement about the whole network: a signal is {@code stable}
 * while its growth over the L − 1 steps between the hidden layers, |r|·(L − 1) nats, stays within D
 * decades (default 1, a factor 10), i.e. while |r| ≤ τ_L = D·ln(10)/max(1, L − 1)
 * ({@link #thresholdAtDepth}). So a per-layer rate of 0.19 is stable at depth 10 (a factor 5.5)
 * and exploding at depth 50 (10⁴); at depth 2 to 4 only rates beyond ln(10)/(L − 1) per layer
 * (0.77 at L = 4) count, and such shallow nets tell strong trends only. The regime of a network is
 * that of its forward or backward rate, whichever has the larger magnitude. A variance of exactly
 * 0 in the fitted range (e.g. zero init) is a rate of −∞ (vanishing); NaN or +∞ (float overflow) a
 * rate of +∞ (exploding).
 */
public final class SignalGrowth {

    /** Default growth allowed over the hidden layers of a stable network: 1 decade. */
    public static final double DEFAULT_DECADES = 1;

    /**
     * The per-layer threshold τ_L that allows D decades of growth over a depth-L network's hidden
     * layers: D·ln(10)/max(1, L − 1) nats per layer.
     *
     * @param decades D &gt; 0, finite
     * @param depth   L ≥ 1
     * @throws IllegalArgumentException if {@code decades} is not positive and finite or {@code depth} &lt; 1
     */
    public static double thresholdAtDepth(double decades, int depth) {
        if (!(decades > 0) || Double.isInfinite(decades)) {
            throw new IllegalArgumentException("decades must be > 0 and finite, got " + decades);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        return decades * Math.log(10) / Math.max(1, depth - 1);
    }

    private SignalGrowth() {
    }

    /**
     * Forward rate, nats per layer.
     *
     * @param varZ Var(z^[l]) for layers l = 1..L+1 ({@code varZ[l-1]}, output layer last); L ≥ 1
     * @throws IllegalArgumentException if fewer than two layers are given
     */
    public static double forwardRate(double[] varZ) {
        int layers = varZ.length;
        if (layers < 2) {
            throw new IllegalArgumentException("varZ must hold layers 1..L+1 (at least 2), got " + layers);
        }
        int depth = layers - 1;
        // The single output unit is left out once there are two hidden layers to fit: its variance over the
        // batch lacks the spread of per-unit means that a layer of many units averages in (for ReLU, whose
        // activations have a non-zero mean, that is a third of the signal).
        int last = depth >= 2 ? depth : layers;
        int from = depth >= 4 ? (depth + 1) / 2 : 1;
        double[] v = new double[last - from + 1];
        System.arraycopy(varZ, from - 1, v, 0, v.length);
        return slope(v);
    }

    /**
     * Backward rate, nats per layer toward the input.
     *
     * @param varGradA Var(∂J/∂a^[l]) for hidden layers l = 1..L ({@code varGradA[l-1]})
     * @return the rate, or NaN for a single hidden layer (no layer-to-layer step)
     */
    public static double backwardRate(double[] varGradA) {
        int depth = varGradA.length;
        if (depth < 2) {
            return Double.NaN;
        }
        // The deeper half again: there the forward signal sits at its fixed point, so the
        // per-layer factor is the asymptotic one (χ₁ in mean-field theory).
        int from = depth >= 4 ? (depth + 1) / 2 : 1;
        double[] v = new double[depth - from + 1];
        for (int i = 0; i < v.length; i++) {
            v[i] = varGradA[depth - 1 - i]; // travel order: layer L first, layer 'from' last
        }
        return slope(v);
    }

    /**
     * The regime of a network from its two rates: of the larger in magnitude, a tie (−∞ forward beside +∞
     * backward among them) going to the forward rate, whose signal the backward pass is computed from.
     *
     * @param forward   forward rate (may be ±∞ or NaN: NaN counts as overflow)
     * @param backward  backward rate, NaN when not defined (then only the forward rate counts)
     * @param threshold τ &gt; 0, nats per layer
     * @throws IllegalArgumentException if the threshold is not positive and finite
     */
    public static Regime classify(double forward, double backward, double threshold) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be > 0 and finite, got " + threshold);
        }
        double f = Double.isNaN(forward) ? Double.POSITIVE_INFINITY : forward;
        double r = Double.isNaN(backward) || Math.abs(f) >= Math.abs(backward) ? f : backward;
        if (r > threshold) {
            return Regime.EXPLODING;
        }
        if (r < -threshold) {
            return Regime.VANISHING;
        }
        return Regime.STABLE;
    }

    /**
     * Least-squares slope of ln v[i] against i. Zero anywhere: −∞; NaN or +∞ anywhere: +∞.
     */
    public static double slope(double[] v) {
        int n = v.length;
        if (n < 2) {
            return Double.NaN;
        }
        for (double x : v) {
            if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (double x : v) {
            if (x <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        double meanI = (n - 1) / 2.0;
        double meanY = 0;
        for (double x : v) {
            meanY += Math.log(x);
        }
        meanY /= n;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double di = i - meanI;
            num += di * (Math.log(v[i]) - meanY);
            den += di * di;
        }
        return num / den;
    }
}

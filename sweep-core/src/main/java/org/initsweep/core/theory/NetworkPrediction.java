package org.initsweep.core.theory;

import java.util.Optional;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.regime.SignalGrowth;

/**
 * What mean-field theory predicts for one network of the grid at initialization, layer by layer,
 * in the same units and with the same rate fits as the measurements, so the two can sit side by
 * side.
 *
 * <p>The network has n^[l] = {@code units[l]} units in layer l (n^[0] the input, n^[L+1] the
 * output), so W^[l] has fan_in n^[l-1] and fan_out n^[l]. Layer l = 1..L+1 has effective
 * multiplier m_l = fan_in·Var(W^[l]) from the init scheme ({@link InitSpec#effectiveMultiplier});
 * the pre-activation variance follows the length map q^1 = m_1·q⁰ + σ_b²,
 * q^l = m_l·E[φ(√q^{l-1} u)²] + σ_b² (Poole et al. 2016, eq. 3; the output layer L+1 reads
 * φ(z^[L]) like any other), and the back-propagated gradient of hidden layers
 * Var(∂J/∂a^[l-1]) = fan_out·Var(W^[l])·E[φ'(√q^l u)²]·Var(∂J/∂a^[l])
 * = m_l·(n^[l]/n^[l-1])·E[φ'²]·Var(∂J/∂a^[l]) (Glorot &amp; Bengio 2010, eq. 6 and 10 for the
 * fans; Schoenholz et al. 2017, eq. 3's χ₁ taken at q^l, away from the fixed point, at equal fans). So at unequal
 * widths fan_in scaling keeps the forward signal and lets the backward one drift by
 * ∏ n^[l]/n^[l-1], fan_out scaling the reverse.
 *
 * <p>A linear network with W = α·I ({@code identity_scaled}) has the same maps exactly, not only at
 * large width: each unit receives one unit of the layer below, so the mean square over units is
 * m_l·q^{l-1} + σ_b² with m_l = α²·min(n^[l-1], n^[l])/n^[l] (the share of units that receive one),
 * and the gradient of a square hidden layer is α times the one above: both signals move by ln α²
 * per layer, χ₁ = α², and there is no multiplier, so no critical one. With a nonlinear φ a unit's
 * pre-activation is not Gaussian and nothing is predicted.
 *
 * <p>χ₁, its regime and the critical multiplier describe one map shared by the hidden layers 2..L;
 * where their effective multipliers differ (fan_out or fan_avg scaling of a width profile) there
 * is no such map: χ₁ and m_c are NaN and the regime null. The rates are defined either way.
 *
 * @param varZ          predicted Var(z^[l]), l = 1..L+1 ({@code varZ[l-1]})
 * @param varA          predicted Var(a^[l]) = E[φ(z)²] − E[φ(z)]², l = 1..L+1 (σ for the output)
 * @param varGradA      predicted Var(∂J/∂a^[l]) for hidden l = 1..L, relative to layer L (= 1)
 * @param forwardRate   {@link SignalGrowth#forwardRate} of {@code varZ}
 * @param backwardRate  {@link SignalGrowth#backwardRate} of {@code varGradA}
 * @param chi1          χ₁ of the hidden layers at the fixed point q* their map approaches from this network's
 *                      own first length q¹ = {@code varZ[0]} (NaN if their maps differ)
 * @param regime        the regime χ₁ gives (vanishing / critical / exploding); null if χ₁ is NaN
 * @param criticalM     the sweep multiplier m at which χ₁ = 1 for this init scheme and σ_b²
 *                      ({@link InitSpec#multiplierFor}); NaN where χ₁ does not cross 1 but jumps over it
 *                      (GELU, SiLU at σ_b² = 0: see {@link MeanField#criticalMultiplier}), or where the
 *                      scheme's σ_w² never reaches it (trunc_normal's bounds)
 */
public record NetworkPrediction(double[] varZ, double[] varA, double[] varGradA, double forwardRate,
        double backwardRate, double chi1, MeanField.Regime regime, double criticalM) {

    /** m_c per (activation, σ_b²): a root search of tens of ms, asked for once per run otherwise. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Double> CRITICAL =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Predicts one network.
     *
     * @param phi       hidden activation
     * @param init      init scheme
     * @param m         sweep multiplier (&gt; 0)
     * @param sigmaB2   bias variance ≥ 0
     * @param inputDim  n^[0]
     * @param width     n
     * @param depth     L ≥ 1
     * @param inputVar  second moment of the (zero-mean) input entries, q⁰
     * @return empty for the fixed schemes (zero, constant, identity_scaled), which have no
     *         mean-field description, except identity_scaled in a linear network (exact; {@code m} unused)
     */
    public static Optional<NetworkPrediction> of(Activation phi, InitSpec init, double m, double sigmaB2,
            int inputDim, int width, int depth, double inputVar) {
        int[] units = new int[depth + 2];
        java.util.Arrays.fill(units, width);
        units[0] = inputDim;
        units[depth + 1] = 1;
        return of(phi, init, m, sigmaB2, units, inputVar);
    }

    /**
     * Predicts one network of any layer widths.
     *
     * @param phi      hidden activation
     * @param init     init scheme
     * @param m        sweep multiplier (&gt; 0; NaN for a fixed scheme, which has none)
     * @param sigmaB2  bias variance ≥ 0
     * @param units    n^[0..L+1]: input dimension, the L hidden widths, output units (L ≥ 1); each ≥ 1
     * @param inputVar second moment of the (zero-mean) input entries, q⁰
     * @return empty for the fixed schemes (zero, constant, identity_scaled), which have no
     *         mean-field description, except identity_scaled in a linear network (exact; {@code m} unused),
     *         and for weights of non-zero mean ({@link InitSpec#drawsNonZeroMean()})
     * @throws IllegalArgumentException if {@code units} has fewer than 3 entries or one below 1
     */
    public static Optional<NetworkPrediction> of(Activation phi, InitSpec init, double m, double sigmaB2,
            int[] units, double inputVar) {
        if (units.length < 3) {
            throw new IllegalArgumentException("units must hold n[0], at least one hidden width and n[L+1], got "
                    + java.util.Arrays.toString(units));
        }
        for (int n : units) {
            if (n < 1) {
                throw new IllegalArgumentException("units must all be >= 1, got " + java.util.Arrays.toString(units));
            }
        }
        boolean identity = init.scheme() == org.initsweep.core.init.InitScheme.IDENTITY_SCALED
                && Activation.LINEAR.equals(phi);
        if (!identity && (!init.scheme().scaledByMultiplier() || init.drawsNonZeroMean() || !(m > 0))) {
            return Optional.empty();
        }
        int depth = units.length - 2;
        MeanField[] layer = new MeanField[depth + 2];
        for (int l = 1; l <= depth + 1; l++) {
            layer[l] = new MeanField(phi, multiplier(identity, init, m, units[l - 1], units[l]), sigmaB2);
        }
        MeanField sigmoid = new MeanField(Activation.SIGMOID, 1, 0);

        double[] varZ = new double[depth + 1];
        double[] varA = new double[depth + 1];
        varZ[0] = layer[1].m() * inputVar + sigmaB2;
        for (int l = 2; l <= depth + 1; l++) {
            varZ[l - 1] = layer[l].qMap(varZ[l - 2]);
        }
        for (int l = 1; l <= depth + 1; l++) {
            MeanField act = l == depth + 1 ? sigmoid : layer[l];
            double mean = act.meanPhi(varZ[l - 1]);
            varA[l - 1] = Math.max(0, act.meanPhiSquared(varZ[l - 1]) - mean * mean);
        }
        double[] varGradA = new double[depth];
        varGradA[depth - 1] = 1;
        for (int l = depth; l >= 2; l--) {
            double fanOutVar = layer[l].m() * units[l] / units[l - 1];
            varGradA[l - 2] = varGradA[l - 1] * fanOutVar * layer[l].meanDerivativeSquared(varZ[l - 1]);
        }
        MeanField hidden = depth == 1
                ? new MeanField(phi, multiplier(identity, init, m, units[1], units[1]), sigmaB2)
                : sharedHiddenMap(layer, depth);
        // q* from the network's own first length, not the map's standardized one (q¹ = σ_w² + σ_b²): where the
        // map has two attracting fixed points (GELU, SiLU) only this start gives the one its layers approach
        double chi1 = hidden == null ? Double.NaN : hidden.chi1(hidden.fixedPoint(varZ[0]));
        double criticalM = Double.NaN;
        if (hidden != null && !identity) {
            // the m at which the hidden layers' own σ_w²(m) reaches m_c's σ_w² (not proportional to m for trunc_normal)
            double critical = CRITICAL.computeIfAbsent(phi.label() + "|" + sigmaB2, k -> criticalOrNaN(phi, sigmaB2));
            criticalM = init.multiplierFor(units[1], depth == 1 ? units[1] : units[2], critical);
        }
        return Optional.of(new NetworkPrediction(varZ, varA, varGradA, SignalGrowth.forwardRate(varZ),
                SignalGrowth.backwardRate(varGradA), chi1,
                hidden == null ? null : MeanField.regimeOf(chi1, MeanField.DEFAULT_REGIME_TOL), criticalM));
    }

    /**
     * m_l = fan_in·E[W²] of a layer from {@code fanIn} to {@code fanOut} units: the scheme's effective
     * multiplier, or for W = α·I ({@code identity}) α² on the min(fan_in, fan_out) units that get an input.
     */
    private static double multiplier(boolean identity, InitSpec init, double m, int fanIn, int fanOut) {
        return identity ? init.param() * init.param() * Math.min(fanIn, fanOut) / fanOut
                : init.effectiveMultiplier(fanIn, fanOut, m);
    }

    /**
     * The map of the hidden layers 2..L if they share one effective multiplier (to rounding), else
     * null. (A one-hidden-layer net has none; it takes the map of a width-n^[1] to width-n^[1] layer.)
     */
    private static MeanField sharedHiddenMap(MeanField[] layer, int depth) {
        MeanField first = layer[2];
        for (int l = 3; l <= depth; l++) {
            if (Math.abs(layer[l].m() - first.m()) > 1e-12 * first.m()) {
                return null;
            }
        }
        return first;
    }

    private static double criticalOrNaN(Activation phi, double sigmaB2) {
        try {
            return MeanField.criticalMultiplier(phi, sigmaB2);
        } catch (IllegalStateException noCrossing) {
            return Double.NaN;
        }
    }
}

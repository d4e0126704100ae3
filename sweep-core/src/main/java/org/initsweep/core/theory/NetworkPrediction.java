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
 * <p>Layer l = 1..L+1 has effective multiplier m_l = fan_in·Var(W^[l]) from the init scheme
 * ({@link InitSpec#effectiveMultiplier}); the pre-activation variance follows the length map
 * q^1 = m_1·q⁰ + σ_b², q^l = m_l·E[φ(√q^{l-1} u)²] + σ_b² (Poole et al. 2016, eq. 3; the output
 * layer L+1 reads φ(z^[L]) like any other), and the back-propagated gradient
 * Var(∂J/∂a^[l-1]) = m_l·E[φ'(√q^l u)²]·Var(∂J/∂a^[l]) for hidden layers (equal fans;
 * Schoenholz et al. 2017, eq. 9's χ₁ away from the fixed point).
 *
 * @param varZ          predicted Var(z^[l]), l = 1..L+1 ({@code varZ[l-1]})
 * @param varA          predicted Var(a^[l]) = E[φ(z)²] − E[φ(z)]², l = 1..L+1 (σ for the output)
 * @param varGradA      predicted Var(∂J/∂a^[l]) for hidden l = 1..L, relative to layer L (= 1)
 * @param forwardRate   {@link SignalGrowth#forwardRate} of {@code varZ}
 * @param backwardRate  {@link SignalGrowth#backwardRate} of {@code varGradA}
 * @param chi1          χ₁ of the hidden layers at their fixed point q*
 * @param regime        the regime χ₁ gives (vanishing / critical / exploding)
 * @param criticalM     the sweep multiplier m at which χ₁ = 1 for this init scheme and σ_b²; NaN where
 *                      χ₁ does not cross 1 but jumps over it (GELU, SiLU at σ_b² = 0: see
 *                      {@link MeanField#criticalMultiplier})
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
     *         mean-field description
     */
    public static Optional<NetworkPrediction> of(Activation phi, InitSpec init, double m, double sigmaB2,
            int inputDim, int width, int depth, double inputVar) {
        if (!init.scheme().scaledByMultiplier() || !(m > 0)) {
            return Optional.empty();
        }
        MeanField first = new MeanField(phi, init.effectiveMultiplier(inputDim, width, m), sigmaB2);
        MeanField hidden = new MeanField(phi, init.effectiveMultiplier(width, width, m), sigmaB2);
        MeanField output = new MeanField(phi, init.effectiveMultiplier(width, 1, m), sigmaB2);
        MeanField sigmoid = new MeanField(Activation.SIGMOID, 1, 0);

        double[] varZ = new double[depth + 1];
        double[] varA = new double[depth + 1];
        varZ[0] = first.m() * inputVar + sigmaB2;
        for (int l = 2; l <= depth + 1; l++) {
            MeanField layer = l == depth + 1 ? output : hidden;
            varZ[l - 1] = layer.qMap(varZ[l - 2]);
        }
        for (int l = 1; l <= depth + 1; l++) {
            MeanField act = l == depth + 1 ? sigmoid : hidden;
            double mean = act.meanPhi(varZ[l - 1]);
            varA[l - 1] = Math.max(0, act.meanPhiSquared(varZ[l - 1]) - mean * mean);
        }
        double[] varGradA = new double[depth];
        varGradA[depth - 1] = 1;
        for (int l = depth; l >= 2; l--) {
            varGradA[l - 2] = varGradA[l - 1] * hidden.m() * hidden.meanDerivativeSquared(varZ[l - 1]);
        }
        double chi1 = hidden.chi1();
        double unit = init.effectiveMultiplier(width, width, 1.0);
        double criticalM = CRITICAL.computeIfAbsent(phi.label() + "|" + sigmaB2,
                k -> criticalOrNaN(phi, sigmaB2)) / unit;
        return Optional.of(new NetworkPrediction(varZ, varA, varGradA, SignalGrowth.forwardRate(varZ),
                SignalGrowth.backwardRate(varGradA), chi1, MeanField.regimeOf(chi1, MeanField.DEFAULT_REGIME_TOL),
                criticalM));
    }

    private static double criticalOrNaN(Activation phi, double sigmaB2) {
        try {
            return MeanField.criticalMultiplier(phi, sigmaB2);
        } catch (IllegalStateException noCrossing) {
            return Double.NaN;
        }
    }
}

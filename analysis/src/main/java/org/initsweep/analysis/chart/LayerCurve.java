package org.initsweep.analysis.chart;

/**
 * Per-layer variances of one network configuration at one epoch, averaged over seeds; one line of
 * a per-layer variance chart. Arrays are indexed by layer l − 1 for l = 1..L+1 (output last).
 *
 * @param multiplier       m of the line (the legend shows it)
 * @param epoch            recorded epoch
 * @param varA             measured Var(a^[l]); entries may be 0, NaN or ±∞ (must be skipped on a log axis)
 * @param varGradA         measured Var(∂J/∂a^[l]); same conventions
 * @param predictedVarA    theory's Var(a^[l]) or null when not available (drawn dashed)
 * @param predictedVarGradA theory's Var(∂J/∂a^[l]) or null
 * @param label            legend text, or null for "m = …" (fixed init schemes have no m: NaN)
 * @param lnVarASd         theory's finite-width spread s_l of ln Var(a^[l]) for hidden layers
 *                         ({@link org.initsweep.core.theory.FiniteWidthSpread}), or null: the forward panel
 *                         shades predictedVarA·exp(−s²/2 ± 2s) where both are given
 */
public record LayerCurve(double multiplier, int epoch, double[] varA, double[] varGradA, double[] predictedVarA,
        double[] predictedVarGradA, String label, double[] lnVarASd) {

    /** A curve without the finite-width band. */
    public LayerCurve(double multiplier, int epoch, double[] varA, double[] varGradA, double[] predictedVarA,
            double[] predictedVarGradA, String label) {
        this(multiplier, epoch, varA, varGradA, predictedVarA, predictedVarGradA, label, null);
    }

    /** A curve labelled by its multiplier. */
    public LayerCurve(double multiplier, int epoch, double[] varA, double[] varGradA, double[] predictedVarA,
            double[] predictedVarGradA) {
        this(multiplier, epoch, varA, varGradA, predictedVarA, predictedVarGradA, null);
    }
}

package org.initsweep.core.theory;

import java.util.Locale;
import org.initsweep.core.Quantities;

/**
 * χ₁ does not cross 1 but jumps over it: where the fixed point q* reached from a first layer of length
 * σ_w² + σ_b² changes branch (GELU and SiLU, whose length maps have two attracting fixed points, 0 and ∞, on
 * either side of an unstable one), χ₁ steps from {@link #below()} to {@link #above()} at σ_w² =
 * {@link #sigmaW2()}, so there is no critical σ_w² (README, the activations' critical table).
 */
public final class Chi1JumpException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final double sigmaW2;
    private final double below;
    private final double above;

    /**
     * @param sigmaW2    σ_w² of the jump
     * @param below      χ₁ just below it
     * @param above      χ₁ just above it
     * @param activation the activation's name
     * @param sigmaB2    σ_b²
     */
    Chi1JumpException(double sigmaW2, double below, double above, String activation, double sigmaB2) {
        super(String.format(Locale.ROOT, "χ₁ jumps over 1 at σ_w² = %.4g (from %.4g to %.4g: the fixed point q*"
                + " reached from a first layer of length σ_w² + σ_b² changes branch), so no σ_w² has χ₁ = 1"
                + " (%s, σ_b² = %s); a network whose first layer is shorter can stay on the lower branch past it,"
                + " as its cells' own χ₁ say",
                sigmaW2, below, above, activation, Quantities.number(sigmaB2)));
        this.sigmaW2 = sigmaW2;
        this.below = below;
        this.above = above;
    }

    /** @return σ_w² where χ₁ jumps */
    public double sigmaW2() {
        return sigmaW2;
    }

    /** @return χ₁ on the branch below the jump */
    public double below() {
        return below;
    }

    /** @return χ₁ on the branch above the jump */
    public double above() {
        return above;
    }
}

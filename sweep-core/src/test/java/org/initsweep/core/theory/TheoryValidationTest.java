package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Argument checks of the plain-function theory classes: the message names the parameter and value. */
class TheoryValidationTest {

    private static final Nonlinearity TANH = Nonlinearity.of(Activation.TANH);

    private static void rejects(String name, String value, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void variancesMustBeInRange() {
        rejects("sigmaW2", "0.0", () -> new LengthMap(TANH, 0, 0.1));
        rejects("sigmaW2", "Infinity", () -> DepthScales.of(TANH, Double.POSITIVE_INFINITY, 0.1));
        rejects("sigmaB2", "-0.1", () -> DepthScales.of(TANH, 1, -0.1));
        rejects("sigmaB2", "NaN", () -> CriticalLine.sigmaW2(TANH, Double.NaN));
        rejects("q0", "0.0", () -> DepthScales.of(TANH, 1, 0.1, 0));
        rejects("q0", "-1.0", () -> new LengthMap(TANH, 1, 0.1).fixedPoint(-1));
        rejects("q", "NaN", () -> new LengthMap(TANH, 1, 0.1).apply(Double.NaN));
        rejects("q", "0.0", () -> new CorrelationMap(TANH, 1, 0.1, 0));
    }

    @Test
    void correlationsAndBivariateVariancesMustBeInRange() {
        rejects("c", "1.5", () -> new CorrelationMap(TANH, 1, 0.1, 1).apply(1.5));
        rejects("c", "NaN", () -> BivariateGaussian.expectation(Math::tanh, Math::tanh, 1, 1, Double.NaN));
        rejects("q1", "-1.0", () -> BivariateGaussian.expectation(Math::tanh, Math::tanh, -1, 1, 0));
        rejects("q2", "Infinity", () -> BivariateGaussian.expectation(Math::tanh, Math::tanh, 1,
                Double.POSITIVE_INFINITY, 0));
    }

    @Test
    void depthsAndMomentsMustBeInRange() {
        rejects("depth", "0", () -> Trainability.trainableSigmaW2(TANH, 0.05, 0));
        rejects("depth", "-3", () -> Trainability.predictsTrainable(-3, TheoryValue.finite(1)));
        rejects("depth", "0", () -> DynamicalIsometry.predict(TANH, 1, 0, 0, DynamicalIsometry.Weights.GAUSSIAN));
        rejects("weights", "null", () -> DynamicalIsometry.predict(TANH, 1, 0, 3, null));
        rejects("mu1", "0.0", () -> DynamicalIsometry.fromMoments(0, 1, 1, 3, DynamicalIsometry.Weights.GAUSSIAN));
        rejects("mu2", "0.1", () -> DynamicalIsometry.fromMoments(0.5, 0.1, 1, 3,
                DynamicalIsometry.Weights.GAUSSIAN));
    }

    @Test
    void functionsMustBeGiven() {
        rejects("phi", "null", () -> new LengthMap(null, 1, 0));
        rejects("derivative", "null", () -> new Nonlinearity("f", Math::tanh, null));
    }
}

package org.initsweep.core.theory;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.core.activation.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every input is validated with an IllegalArgumentException naming the parameter and the value. */
class MeanFieldValidationTest {

    private static final MeanField VALID = new MeanField(Activation.TANH, 1, 0);

    private static void rejects(String parameter, String value, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(parameter) && e.getMessage().contains(value),
                "message should name " + parameter + " and " + value + ": " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void multiplierMustBePositiveAndFinite(double m) {
        rejects("m", String.valueOf(m), () -> new MeanField(Activation.RELU, m, 0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void biasVarianceMustBeNonNegativeAndFinite(double sigmaB2) {
        rejects("sigmaB2", String.valueOf(sigmaB2), () -> new MeanField(Activation.RELU, 1, sigmaB2));
        rejects("sigmaB2", String.valueOf(sigmaB2), () -> MeanField.criticalMultiplier(Activation.TANH, sigmaB2));
    }

    @Test
    void activationMustNotBeNull() {
        rejects("activation", "null", () -> new MeanField(null, 1, 0));
        rejects("activation", "null", () -> MeanField.criticalMultiplier(null, 0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
    void inputSecondMomentMustBeNonNegativeAndFinite(double q0) {
        String v = String.valueOf(q0);
        rejects("q0", v, () -> VALID.fixedPoint(q0));
        rejects("q0", v, () -> VALID.predictedVarZ(q0, 3));
        rejects("q0", v, () -> VALID.predictedVarA(q0, 3));
        rejects("q0", v, () -> VALID.predictedVarGradA(q0, 3, 1));
    }

    @Test
    void lengthsMustBeNonNegative() {
        rejects("q", "-2.0", () -> VALID.qMap(-2));
        rejects("q", "-2.0", () -> VALID.chi1(-2));
        rejects("q", "NaN", () -> VALID.meanPhi(Double.NaN));
        rejects("q", "-2.0", () -> VALID.gradientFactor(-2, 3, 3));
    }

    @Test
    void depthFansAndGradientScaleAreValidated() {
        rejects("depth", "-1", () -> VALID.predictedVarZ(1, -1));
        rejects("fanIn", "0", () -> VALID.gradientFactor(1, 0, 3));
        rejects("fanOut", "-4", () -> VALID.gradientFactor(1, 3, -4));
        rejects("outputGradVar", "-1.0", () -> VALID.predictedVarGradA(1, 3, -1));
        rejects("outputGradVar", "NaN", () -> VALID.predictedVarGradA(1, 3, Double.NaN));
    }

    @Test
    void regimeToleranceIsValidated() {
        rejects("tol", "-0.1", () -> VALID.regime(-0.1));
        rejects("tol", "Infinity", () -> MeanField.regimeOf(1, Double.POSITIVE_INFINITY));
        rejects("chi1", "NaN", () -> MeanField.regimeOf(Double.NaN, 0.1));
    }
}

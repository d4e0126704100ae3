package org.initsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * tanh's φ' = sech² z and φ'' = −2 tanh z sech² z in float64 (theory and the Jacobian meter use them),
 * against sech² z = 1/cosh² z and tanh z = (eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ) worked to 50 digits from their
 * definitions: to the last bits also where 1 − tanh² z cancels (|z| ≳ 5) or rounds to 0 (|z| ≳ 19).
 */
class TanhTest {

    private final Tanh tanh = new Tanh();

    /** z, sech² z, −2 tanh z sech² z (50-digit decimal arithmetic, rounded to 18 digits). */
    private static final double[][] EXACT = {
        {1, 4.19974341614026081e-01, -6.39700008449224478e-01},
        {5, 1.81583230943806694e-04, -3.63133487920905577e-04},
        {10, 8.24461445576739678e-09, -1.64892288435611275e-08},
        {19, 1.25565311681921184e-16, -2.51130623363842318e-16},
        {20, 1.69934170211663555e-17, -3.39868340423327110e-17},
        {40, 7.21940555138166119e-35, -1.44388111027633224e-34},
        {-30, 3.50260430507860801e-26, 7.00520861015721603e-26},
    };

    @Test
    void derivativesAgreeWithTheDefinitionToTheLastBits() {
        for (double[] row : EXACT) {
            double z = row[0];
            // 1 − tanh² z is off by ≈ 1e-16 / sech² z relatively (1e-8 at z = 10) and exactly 0 past z ≈ 19.06
            assertEquals(1, tanh.derivative(z) / row[1], 4e-16, "φ'(" + z + ") = " + tanh.derivative(z));
            assertEquals(1, tanh.secondDerivative(z) / row[2], 8e-16, "φ''(" + z + ") = " + tanh.secondDerivative(z));
        }
        assertEquals(1, tanh.derivative(0), 0);
        assertEquals(0, tanh.secondDerivative(0), 0);
        assertEquals(tanh.derivative(1), tanh.derivative(-1), 0);
    }

    @Test
    void noNaNFarOut() {
        assertEquals(0, tanh.derivative(1000), 0);
        assertEquals(0, tanh.derivative(-1000), 0);
        assertEquals(0, tanh.secondDerivative(1000), 0);
    }
}

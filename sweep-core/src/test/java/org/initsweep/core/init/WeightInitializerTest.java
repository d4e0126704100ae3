package org.initsweep.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.initsweep.core.trace.TraceRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each scheme's sample variance against its formula, on 512 × 256 matrices (131,072 draws). */
class WeightInitializerTest {

    private static final int FAN_IN = 512;
    private static final int FAN_OUT = 256;
    private static final double M = 1.7;

    private static INDArray draw(InitSpec init, double m, long seed, int fanIn, int fanOut) {
        INDArray w = Nd4j.create(DataType.DOUBLE, fanIn, fanOut);
        WeightInitializer.fill(w, init, m, new SplittableRandom(seed));
        return w;
    }

    @ParameterizedTest
    @EnumSource(value = InitScheme.class, names = {"SCALED_NORMAL", "LECUN_NORMAL", "XAVIER_NORMAL", "GLOROT_NORMAL",
        "GLOROT_UNIFORM", "HE_NORMAL", "HE_UNIFORM", "UNIFORM_FAN_IN", "STANDARD_NORMAL", "ORTHOGONAL"})
    void sampleVarianceMatchesFormula(InitScheme scheme) {
        double expected = switch (scheme) {
            case SCALED_NORMAL, LECUN_NORMAL, XAVIER_NORMAL -> M / FAN_IN;
            case GLOROT_NORMAL, GLOROT_UNIFORM -> M * 2.0 / (FAN_IN + FAN_OUT);
            case HE_NORMAL, HE_UNIFORM -> M * 2.0 / FAN_IN;
            case UNIFORM_FAN_IN -> M / (3.0 * FAN_IN);
            case STANDARD_NORMAL -> M;
            case ORTHOGONAL -> M / FAN_IN; // orthonormal columns of length 1 over FAN_IN rows
            default -> throw new AssertionError();
        };
        INDArray w = draw(InitSpec.of(scheme), M, 11, FAN_IN, FAN_OUT);
        double[] mv = org.initsweep.core.nn.FastMoments.of(w);
        // Relative standard error of a variance from 131k normal draws is √(2/131072) ≈ 0.4%.
        assertEquals(expected, mv[1], 0.02 * expected, scheme + " variance");
        assertEquals(0, mv[0], 4 * Math.sqrt(expected / w.length()), scheme + " mean");
        assertEquals(expected, scheme.variance(FAN_IN, FAN_OUT, M), 1e-15, scheme + " formula");
    }

    @Test
    void uniformSchemesStayInsideTheirBounds() {
        INDArray w = draw(InitSpec.of(InitScheme.UNIFORM_FAN_IN), 1.0, 3, FAN_IN, FAN_OUT);
        double bound = 1 / Math.sqrt(FAN_IN) * (1 + 1e-12);
        assertTrue(w.maxNumber().doubleValue() <= bound && w.minNumber().doubleValue() >= -bound);
        assertTrue(w.maxNumber().doubleValue() > 0.95 * bound, "uses its whole range");
    }

    @Test
    void orthogonalHasOrthonormalColumnsScaledBySqrtM() {
        INDArray w = draw(InitSpec.of(InitScheme.ORTHOGONAL), 2.0, 5, 64, 32);
        INDArray gram = w.transpose().mmul(w);
        INDArray expected = Nd4j.eye(32).castTo(DataType.DOUBLE).muli(2.0);
        // Entries are rounded to float32 (relative error ≤ 2⁻²⁴ each), so WᵀW = m·I to ≈ 1e-7.
        assertTrue(gram.equalsWithEps(expected, 1e-6), "WᵀW = m·I");
        INDArray wide = draw(InitSpec.of(InitScheme.ORTHOGONAL), 1.0, 5, 16, 48);
        assertTrue(wide.mmul(wide.transpose()).equalsWithEps(Nd4j.eye(16).castTo(DataType.DOUBLE), 1e-6),
                "fan_in < fan_out: orthonormal rows");
    }

    @Test
    void orthogonalIsHaarDistributed() {
        // For Haar Q, q₁₁ is a coordinate of a uniform unit vector in R⁸: mean 0, E[q₁₁²] = 1/8. Q of a
        // plain QR (no sign(diag R) correction) has q₁₁ = −|a₁₁|/‖a₁‖ < 0 from Householder's sign choice.
        int draws = 4000;
        double sum = 0;
        double sumSq = 0;
        for (long seed = 0; seed < draws; seed++) {
            double q11 = draw(InitSpec.of(InitScheme.ORTHOGONAL), 1.0, seed, 8, 8).getDouble(0, 0);
            sum += q11;
            sumSq += q11 * q11;
        }
        // Var(q₁₁) = 1/8, Var(q₁₁²) = E q⁴ − 1/64 = 3/80 − 1/64 (Beta(1/2, 7/2) moments)
        assertEquals(0, sum / draws, 5 * Math.sqrt(1.0 / 8 / draws), "E[q11]");
        assertEquals(1.0 / 8, sumSq / draws, 5 * Math.sqrt((3.0 / 80 - 1.0 / 64) / draws), "E[q11^2]");
    }

    @Test
    void orthogonalOneByOneIsPlusOrMinusSqrtM() {
        // a width-1 network's hidden layers (ND4J's QR of a 1×1 matrix kills the JVM)
        int positive = 0;
        for (long seed = 1; seed <= 40; seed++) {
            double v = draw(InitSpec.of(InitScheme.ORTHOGONAL), 3.0, seed, 1, 1).getDouble(0, 0);
            assertEquals((float) Math.sqrt(3.0), Math.abs(v), 0.0, "√m rounded to float32");
            positive += v > 0 ? 1 : 0;
        }
        assertTrue(positive > 8 && positive < 32, "both signs, Haar on {−1, 1}: " + positive + " of 40 positive");
        INDArray column = draw(InitSpec.of(InitScheme.ORTHOGONAL), 2.0, 4, 7, 1);
        assertEquals(2.0, column.transpose().mmul(column).getDouble(0, 0), 1e-6, "a 7×1 column of length √m");
    }

    @Test
    void fixedSchemesIgnoreTheMultiplier() {
        INDArray zero = draw(InitSpec.of(InitScheme.ZERO), Double.NaN, 1, 4, 3);
        assertEquals(0, zero.sumNumber().doubleValue());
        INDArray c = draw(new InitSpec(InitScheme.CONSTANT, 0.25), Double.NaN, 1, 4, 3);
        assertEquals(0.25 * 12, c.sumNumber().doubleValue(), 1e-12);
        INDArray id = draw(new InitSpec(InitScheme.IDENTITY_SCALED, 1.5), Double.NaN, 1, 4, 3);
        assertEquals(1.5, id.getDouble(2, 2));
        assertEquals(0, id.getDouble(3, 2));
        assertEquals(4.5, id.sumNumber().doubleValue(), 1e-12, "rectangular identity: min(fan_in, fan_out) ones");
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        InitSpec he = InitSpec.of(InitScheme.HE_NORMAL);
        assertEquals(draw(he, 1, 9, 32, 32), draw(he, 1, 9, 32, 32));
        assertTrue(!draw(he, 1, 9, 32, 32).equals(draw(he, 1, 10, 32, 32)));
    }

    @Test
    void float64ArraysGetExactlyTheFloat32Weights() {
        // a float64 run (theory checks) starts from the float32 run's weights, widened
        for (InitScheme scheme : new InitScheme[] {InitScheme.HE_NORMAL, InitScheme.GLOROT_UNIFORM, InitScheme.ORTHOGONAL}) {
            INDArray f = Nd4j.create(DataType.FLOAT, 24, 40);
            WeightInitializer.fill(f, InitSpec.of(scheme), 1.3, new SplittableRandom(17));
            INDArray d = draw(InitSpec.of(scheme), 1.3, 17, 24, 40);
            assertEquals(f.castTo(DataType.DOUBLE), d, scheme.specName());
            float[] v = new float[24 * 40];
            WeightInitializer.fill(v, 24, 40, InitSpec.of(scheme), 1.3, new SplittableRandom(17));
            assertEquals(Nd4j.createFromArray(v).reshape(24, 40), f, scheme.specName() + ": float[] and INDArray forms");
        }
    }

    @Test
    void biasesHaveVarianceSigmaB2OrAreZero() {
        float[] b = new float[100_000];
        WeightInitializer.fillBias(b, b.length, 0.04, new SplittableRandom(3));
        INDArray x = Nd4j.createFromArray(b);
        // standard error of a variance from 100k normal draws: 0.04·√(2/100000) ≈ 1.8e-4
        assertEquals(0.04, org.initsweep.core.nn.FastMoments.of(x)[1], 0.0009);
        WeightInitializer.fillBias(b, b.length, 0, new SplittableRandom(3));
        assertEquals(0, Nd4j.createFromArray(b).amaxNumber().doubleValue());
    }

    @Test
    void badArgumentsNameTheProblem() {
        float[] w = new float[10];
        var tooSmall = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WeightInitializer.fill(w, 4, 3, InitSpec.of(InitScheme.HE_NORMAL), 1, new SplittableRandom(1)));
        assertTrue(tooSmall.getMessage().contains("[4, 3]"), tooSmall.getMessage());
        var badM = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WeightInitializer.fill(w, 2, 3, InitSpec.of(InitScheme.HE_NORMAL), -1, new SplittableRandom(1)));
        assertTrue(badM.getMessage().contains("-1"), badM.getMessage());
    }

    @Test
    void glorotVarianceIsTheHarmonicMeanOfForwardAndBackwardConditions() {
        // Forward wants Var(W) = 1/fan_in, backward 1/fan_out (the article, §IV); Glorot's 2/(fan_in+fan_out)
        // is their harmonic mean.
        double forward = 1.0 / FAN_IN;
        double backward = 1.0 / FAN_OUT;
        double harmonic = 2 / (1 / forward + 1 / backward);
        assertEquals(harmonic, InitScheme.GLOROT_NORMAL.variance(FAN_IN, FAN_OUT, 1), 1e-18);
    }
}

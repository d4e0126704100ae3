package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.initsweep.core.init.Distribution;
import org.initsweep.core.init.FanMode;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code inits} entries of the Keras/PyTorch families: read, written back, refused with one line. */
class InitEntriesTest {

    private static final String SPEC = """
            {"name": "v", "depths": [3], "widths": [8], "activations": ["relu"], "inits": [%s]}
            """;

    @Test
    void modesDistributionsAndBoundsAreReadAndWrittenBack() throws SpecException {
        SweepSpec spec = SpecReader.parse(SPEC.formatted("""
                "he_normal", {"scheme": "he_normal", "mode": "fan_out"},
                {"scheme": "variance_scaling", "scale": 2.0, "mode": "fan_avg", "distribution": "truncated_normal"},
                {"scheme": "trunc_normal", "std": 0.02, "a": -0.04, "b": 0.04}"""), "s.json");
        assertEquals(List.of(InitSpec.of(InitScheme.HE_NORMAL),
                InitSpec.of(InitScheme.HE_NORMAL).withMode(FanMode.FAN_OUT),
                new InitSpec(InitScheme.VARIANCE_SCALING, 2, FanMode.FAN_AVG, Distribution.TRUNCATED_NORMAL, Double.NaN,
                        Double.NaN),
                new InitSpec(InitScheme.TRUNC_NORMAL, 0.02, null, null, -0.04, 0.04)), spec.inits());
        assertEquals(spec.inits(), SpecReader.parse(SpecWriter.toJson(spec), "again.json").inits());
    }

    private static String only(String entry) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(SPEC.formatted(entry), "s.json"));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aTruncationHoldingAlmostNothingAtSomeMultiplierIsRefusedNotSampledForever() throws SpecException {
        // P(X ≥ 3.5) = 2.33e-4 for X ~ N(0, 1): drawable; P(X ≥ 4) = 3.17e-5: not
        SpecReader.parse(SPEC.formatted("{\"scheme\": \"trunc_normal\", \"std\": 1, \"a\": 3.5, \"b\": 10}"), "s.json");
        assertEquals("s.json: inits[0]: trunc_normal's [4.0, 10.0] holds 3.2e-05 of N(0, σ²) with σ = std·√m = 1.00 at"
                + " multiplier 1.0, less than 1e-4: weights could not be drawn; widen [a, b] toward 0 or raise std",
                only("{\"scheme\": \"trunc_normal\", \"std\": 1, \"a\": 4, \"b\": 10}"));
        // the bounds are absolute: a multiplier shrinks σ = std·√m until [1, 2] is out of reach
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
                {"name": "v", "depths": [3], "widths": [8], "activations": ["relu"], "multipliers": [1, 0.01],
                 "inits": [{"scheme": "trunc_normal", "std": 1, "a": 1, "b": 2}]}""", "s.json"));
        assertEquals(List.of("s.json: inits[0]: trunc_normal's [1.0, 2.0] holds 0.0 of N(0, σ²) with σ = std·√m = 0.100"
                + " at multiplier 0.01, less than 1e-4: weights could not be drawn; widen [a, b] toward 0 or raise std"),
                e.getMessage().lines().toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"scheme\": \"he_normal\", \"mode\": \"fan_ot\"} | s.json: inits[0].mode: unknown value \"fan_ot\" (did you mean 'fan_out'?); known: fan_in, fan_out, fan_avg",
        "{\"scheme\": \"variance_scaling\", \"distribution\": \"gaussian\"} | s.json: inits[0].distribution: unknown value \"gaussian\"",
        "{\"scheme\": \"variance_scaling\", \"scale\": 0} | s.json: inits[0].scale: must be a finite number > 0, got the number 0",
        "{\"scheme\": \"trunc_normal\", \"a\": 1, \"b\": -1} | s.json: inits[0]: trunc_normal needs a < b, got a = 1.0, b = -1.0",
        "{\"scheme\": \"orthogonal\", \"mode\": \"fan_in\"} | s.json: inits[0].mode: unknown field; allowed: scheme",
        "{\"scheme\": \"he_normal\", \"distribution\": \"uniform\"} | s.json: inits[0].distribution: unknown field; allowed: scheme, mode",
    })
    void badEntriesGetOneLineWithTheirPath(String entry, String expectedStart) {
        String line = only(entry);
        org.junit.jupiter.api.Assertions.assertTrue(line.startsWith(expectedStart), line);
    }
}

package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.initsweep.core.init.InitScheme;
import org.junit.jupiter.api.Test;

/** Grid expansion: size, order, fixed schemes, run ids. */
class GridTest {

    private static SweepSpec spec(String inits) throws SpecException {
        return SpecReader.parse("""
                {"name": "g", "depths": [2, 5], "widths": [4, 8, 16], "activations": ["tanh", "relu"],
                 "inits": %s, "multipliers": [0.5, 1, 2], "seeds": [1, 2]}
                """.formatted(inits), "g.json");
    }

    @Test
    void sizeIsTheProductOfTheAxes() throws SpecException {
        assertEquals(2 * 3 * 2 * 3 * 2, new Grid(spec("[\"scaled_normal\"]")).size());
    }

    @Test
    void fixedSchemesDoNotRepeatOverMultipliers() throws SpecException {
        Grid g = new Grid(spec("[\"he_normal\", \"zero\", {\"scheme\": \"identity_scaled\", \"alpha\": 0.5}]"));
        assertEquals(2L * (3 + 1 + 1) * 2 * 3 * 2, g.size());
        long fixed = 0;
        for (RunSpec r : g) {
            if (!r.init().scheme().scaledByMultiplier()) {
                fixed++;
                assertTrue(Double.isNaN(r.multiplier()));
            }
        }
        assertEquals(2L * 2 * 2 * 3 * 2, fixed);
    }

    @Test
    void everyCombinationOnceInADeterministicOrder() throws SpecException {
        Grid g = new Grid(spec("[\"scaled_normal\", \"he_uniform\"]"));
        Set<String> keys = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (RunSpec r : g) {
            assertTrue(keys.add(r.canonicalKey()), "duplicate " + r);
            order.add(r.runId());
        }
        assertEquals(g.size(), keys.size());
        List<String> again = new ArrayList<>();
        new Grid(spec("[\"scaled_normal\", \"he_uniform\"]")).forEach(r -> again.add(r.runId()));
        assertEquals(order, again);
        RunSpec first = g.run(0);
        assertEquals("tanh", first.activation().label());
        assertEquals(InitScheme.SCALED_NORMAL, first.init().scheme());
        assertEquals(1L, first.seed(), "seed is the innermost axis");
        assertEquals(2L, g.run(1).seed());
        assertThrows(IndexOutOfBoundsException.class, () -> g.run(g.size()));
    }

    @Test
    void runIdDependsOnParametersNotOnTheSweepName() throws SpecException {
        RunSpec r = new Grid(spec("[\"scaled_normal\"]")).run(7);
        RunSpec renamed = r.inSweep("other");
        assertEquals(r.runId(), renamed.runId());
        RunSpec otherSeed = r.withSeed(r.seed() + 1);
        assertNotEquals(r.runId(), otherSeed.runId());
        assertTrue(r.runId().matches("[0-9a-f]{16}"), r.runId());
    }

    @Test
    void aMillionRunGridIsIndexedWithoutMaterializing() throws SpecException {
        List<Integer> depths = new ArrayList<>();
        for (int d = 1; d <= 1000; d++) {
            depths.add(d);
        }
        SweepSpec s = SpecReader.parse("""
                {"name": "big", "depths": %s, "widths": [4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048],
                 "activations": ["tanh"], "inits": ["scaled_normal"],
                 "multipliers": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
                 "seeds": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
                """.formatted(depths), "big.json");
        Grid g = new Grid(s);
        assertEquals(1_000_000L, g.size());
        RunSpec last = g.run(g.size() - 1);
        assertEquals(1000, last.depth());
        assertEquals(2048, last.width());
        assertEquals(10L, last.seed());
    }
}

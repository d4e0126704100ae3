package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.initsweep.core.data.DataShape;
import org.junit.jupiter.api.Test;

/** Preflight estimates against hand counts, and grids too large to exist. */
class PreflightTest {

    @Test
    void countsRunsWorkAndMemoryByHand() throws SpecException {
        SweepSpec s = SpecReader.parse("""
                {"name": "p", "depths": [2], "widths": [10], "activations": ["tanh"], "inits": ["he_normal", "zero"],
                 "multipliers": [1, 2], "seeds": [1, 2, 3], "samples": 100, "epochs": 4, "record_epochs": [0, 4],
                 "datasets": ["moons"]}
                """, "p.json");
        Preflight p = Preflight.of(s);
        assertEquals(new Grid(s).size(), p.runs());
        assertEquals(9, p.runs(), "(2 multipliers + 1 fixed) × 3 seeds");
        // P = 2·10 + 10·10 + 10 = 130 weights; per run 6·100·130·4 + 2·100·130·5 + 4·100·130·2 = 546,000.
        assertEquals(9 * 546_000.0, p.flops(), 1e-6);
        // float32 values: 3P (W, Wᵀ, ∂W) + 4·100·(2·10 + 1) + 100·(2 + 1) = 390 + 8400 + 300 = 9090, 4 bytes each.
        assertEquals(9090L * 4, p.maxRunBytes());
        // in ND4J only the weights, biases and inputs: P + (2·10 + 1) + 300 = 451 floats
        assertEquals(451L * 4, p.maxRunOffHeapBytes());
        assertTrue(p.float32());
        assertEquals("9 runs, 4.9 MFLOP of work, largest run 35.5 KiB of memory", p.describe());
    }

    @Test
    void float64RunsHoldTwoCopiesOfTheWeightsInNd4j() throws SpecException {
        SweepSpec s = SpecReader.parse("""
                {"name": "p", "depths": [2], "widths": [10], "activations": ["tanh"], "inits": ["he_normal"],
                 "samples": 100, "epochs": 4, "record_epochs": [0, 4], "precision": "float64", "datasets": ["moons"]}
                """, "p.json");
        Preflight p = Preflight.of(s);
        // 2P (W, ∂W) + 4·100·21 + 100·3 = 260 + 8400 + 300 = 8960 doubles.
        assertEquals(8960L * 8, p.maxRunBytes());
        assertEquals(p.maxRunBytes(), p.maxRunOffHeapBytes(), "all of it in ND4J");
        assertFalse(p.float32());
        assertTrue(p.describe().endsWith("largest run 70.0 KiB of ND4J memory"), p.describe());
    }

    @Test
    void float32LayersAboveTheVectorBoundAlsoHoldTheirBuffersInNd4j() throws SpecException {
        SweepSpec s = SpecReader.parse("""
                {"name": "p", "depths": [2], "widths": [600], "activations": ["tanh"], "inits": ["he_normal"],
                 "samples": 100, "epochs": 4, "datasets": ["moons"]}
                """, "p.json");
        Preflight p = Preflight.of(s);
        // P = 2·600 + 600² + 600 = 361,800; units 2·600 + 1 = 1201; buffers 4·100·1201; inputs 100·3
        long params = 361_800;
        assertEquals(4 * (3 * params + 480_400 + 300), p.maxRunBytes());
        // 600² > 512² (and 128²): the products run in OpenBLAS on ND4J arrays (weights, ∂W, z, a, ∂z, ∂a)
        assertEquals(4 * (params + 1201 + 300 + params + 480_400), p.maxRunOffHeapBytes());
    }

    @Test
    void aMillionRunGridIsEstimatedFromItsAxesNotRunByRun() throws SpecException {
        StringBuilder depths = new StringBuilder();
        for (int d = 1; d <= 1000; d++) {
            depths.append(d == 1 ? "" : ",").append(d);
        }
        SweepSpec s = SpecReader.parse("{\"name\": \"big\", \"depths\": [" + depths + "], \"widths\": [4,8,16,32,64,128,"
                + "256,512,1024,2048], \"activations\": [\"tanh\"], \"inits\": [\"scaled_normal\"], \"multipliers\": "
                + "[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1], \"seeds\": [1,2,3,4,5,6,7,8,9,10], \"datasets\": "
                + "[{\"name\": \"t\", \"format\": \"csv\", \"path\": \"t.csv\"}]}", "big.json");
        AtomicLong lookups = new AtomicLong();
        Preflight p = Preflight.of(s, (source, width) -> {
            lookups.incrementAndGet();
            return new DataShape(5, 100, 0, 3);
        });
        assertEquals(1_000_000L, p.runs());
        assertEquals(1000L * 10, lookups.get(), "one shape per (depth, width) and dataset, not one per run");
    }

    @Test
    void gridsBeyondAnySweepAreRejectedWhileReading() {
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 10_000; i++) {
            many.append(i == 1 ? "" : ",").append(i);
        }
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("{\"name\": \"huge\", \"depths\": ["
                + many + "], \"widths\": [" + many + "], \"activations\": [\"tanh\", \"relu\"], \"inits\": [\"scaled_normal\"],"
                + " \"seeds\": [" + many + "], \"samples\": 10000000, \"batch_size\": 1}", "huge.json"));
        assertTrue(e.getMessage().startsWith("huge.json: the grid has up to 2000000000000 runs, more than any sweep"),
                e.getMessage());
    }

    @Test
    void datasetsWhoseRunsRecordNoBoundaryAreSaid() throws Exception {
        String spec = """
                {"name": "b", "depths": [3], "widths": %s, "activations": ["tanh"], "inits": ["he_normal"],
                 "datasets": ["moons", "gaussian", {"name": "three", "format": "csv", "path": "t.csv"}], "boundaries": %s}""";
        Preflight.Shapes threeClasses = (source, width) -> new DataShape(2, 90, 10, 3);
        Preflight.Shapes fiveFeatures = (source, width) -> new DataShape(5, 90, 10, 3);
        String tail = ": decision boundaries are drawn over the plane of 2 features, so its runs record none";
        // a 2-D set of 3 classes is drawn (its class regions)
        assertEquals(java.util.List.of("boundaries: dataset gaussian has 8 features" + tail),
                Preflight.withoutBoundaries(SpecReader.parse(spec.formatted("[8]", "true"), "b.json"), threeClasses));
        // gaussian's input is as wide as the first hidden layer: at width 2 some of its runs are drawn
        assertEquals(java.util.List.of("boundaries: dataset three has 5 features" + tail),
                Preflight.withoutBoundaries(SpecReader.parse(spec.formatted("[8, 2]", "true"), "b.json"), fiveFeatures));
        assertEquals(java.util.List.of(), Preflight.withoutBoundaries(SpecReader.parse(spec.formatted("[8]", "false"),
                "b.json"), threeClasses), "no boundaries asked, nothing to say");
    }
}

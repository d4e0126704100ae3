package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link ChunkPlan}: chunks sized by work, equal sizes, within the run bounds. */
class ChunkPlanTest {

    @Test
    void aSweepOfUnderAMinuteIsOneChunk() {
        // 540 runs, 1.9e12 FLOPs on 2 cores (the default sweep): 1.9e12 / (2 · 3e12) < 1 chunk of work
        assertEquals(new ChunkPlan(1, 540), ChunkPlan.of(540, 1.9e12, 1e4, 2, 0));
    }

    @Test
    void longSweepsGetAMinuteOfClusterWorkPerChunk() {
        // 1e15 / (2 · 3e12) = 166.7 → 167 chunks of ⌈100000 / 167⌉ = 599 runs
        assertEquals(new ChunkPlan(167, 599), ChunkPlan.of(100_000, 1e15, 1e6, 2, 0));
        // the same work on 8 cores: ⌈1e15 / 2.4e13⌉ = 42 chunks of 2381
        assertEquals(new ChunkPlan(42, 2381), ChunkPlan.of(100_000, 1e15, 1e6, 8, 0));
    }

    @Test
    void chunksHoldAtLeast256RunsAndEightPerCore() {
        // 1000 heavy runs: work asks for 167 chunks, but 1000 / 256 → at most 3
        assertEquals(new ChunkPlan(3, 334), ChunkPlan.of(1000, 1e15, 1e4, 2, 0));
        // 100 runs on 64 cores: 8 · 64 = 512 > 100 → one chunk
        assertEquals(new ChunkPlan(1, 100), ChunkPlan.of(100, 1e15, 1e3, 64, 0));
    }

    @Test
    void chunksHoldAtMostTenThousandRuns() {
        // a million tiny runs: one chunk of work, but ⌈1e6 / 1e4⌉ = 100 chunks
        assertEquals(new ChunkPlan(100, 10_000), ChunkPlan.of(1_000_000, 1e12, 1e6, 2, 0));
    }

    @Test
    void chunksHoldAtMostAMillionTraceRows() throws Exception {
        // 10,000 cheap runs of depth 50 recording 101 epochs: 10⁴ · 101 · 51 = 5.151e7 rows → 52 chunks of
        // 193 runs, below the 256-run floor: executor memory wins over task balance
        var spec = org.initsweep.core.spec.SpecReader.parse(("{\"name\": \"rows\", \"depths\": [50], \"widths\": [1],"
                + " \"activations\": [\"tanh\"], \"inits\": [\"he_normal\"], \"seeds\": [%s], \"datasets\": [\"moons\"],"
                + " \"samples\": 16, \"epochs\": 100, \"record_epochs\": [%s]}").formatted(range(1, 10_000), range(0, 100)),
                "rows");
        assertEquals(5.151e7, ChunkPlan.traceRows(spec, 10_000), 1);
        assertEquals(new ChunkPlan(52, 193), ChunkPlan.of(spec, org.initsweep.spark.data.SweepData.GENERATED.shapes(spec), 10_000, 2, 0));
    }

    private static String range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","));
    }

    @Test
    void anExplicitChunkSizeWins() {
        assertEquals(new ChunkPlan(4, 6), ChunkPlan.of(20, 1e15, 1e9, 2, 6));
        assertEquals(new ChunkPlan(0, 1), ChunkPlan.of(0, 0, 0, 2, 0));
    }
}

package org.initsweep.spark;

/**
 * How a sweep is cut into chunks, the job's unit of commit and resume. Each chunk costs Spark a
 * fixed ≈ 0.5–1 s (one job per output table, the commit's renames) whatever its size, and a crash
 * loses at most the chunk in flight; so chunks are sized by the work they hold, about a minute of
 * training for the whole cluster, and are all the same size (no trailing sliver that would pay the
 * fixed cost for a handful of runs).
 *
 * <p>Bounds: at least {@value #MIN_RUNS} runs (and 8 per core) per chunk so tasks balance, at most
 * {@value #MAX_RUNS} so a chunk's results stay a modest amount of executor memory.
 *
 * @param chunks   number of chunks, ≥ 1
 * @param runsEach runs per chunk (the last may hold fewer), ≥ 1
 */
record ChunkPlan(long chunks, long runsEach) {

    /** Fewest runs per chunk (unless the grid is smaller). */
    static final long MIN_RUNS = 256;
    /** Most runs per chunk. */
    static final long MAX_RUNS = 10_000;
    /**
     * Work per core per chunk, floating-point operations: a minute at 50 GFLOP/s, the engine's rate
     * on layers of 64 and wider (docs/benchmarks.md: 60–70 GFLOP/s per core on the default sweep).
     * Narrower layers run slower per FLOP, so their chunks take longer, up to {@link #MAX_RUNS} runs.
     */
    static final double FLOPS_PER_CORE = 60 * 50e9;

    /**
     * @param runs        runs in the grid, ≥ 0
     * @param flops       their total work ({@link org.initsweep.core.spec.Preflight#flops()})
     * @param parallelism cores (Spark's default parallelism), ≥ 1
     * @param fixedRuns   runs per chunk asked for explicitly, or 0 for the plan above
     */
    static ChunkPlan of(long runs, double flops, int parallelism, long fixedRuns) {
        if (runs <= 0) {
            return new ChunkPlan(0, 1);
        }
        if (fixedRuns > 0) {
            return new ChunkPlan((runs + fixedRuns - 1) / fixedRuns, fixedRuns);
        }
        long minRuns = Math.max(MIN_RUNS, 8L * parallelism);
        long most = Math.max(1, runs / minRuns);
        long least = (runs + MAX_RUNS - 1) / MAX_RUNS;
        long byWork = (long) Math.ceil(flops / (FLOPS_PER_CORE * parallelism));
        long chunks = Math.max(least, Math.min(most, Math.max(1, byWork)));
        return new ChunkPlan(chunks, (runs + chunks - 1) / chunks);
    }
}

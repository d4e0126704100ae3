package org.initsweep.spark;

/**
 * How a sweep is cut into chunks, the job's unit of commit and resume. Each chunk costs Spark a
 * fixed ≈ 0.5–1 s (one job per output table, the commit's renames) whatever its size, and a crash
 * loses at most the chunk in flight; so chunks are sized by the work they hold, about a minute of
 * training for the whole cluster, and are all the same size (no trailing sliver that would pay the
 * fixed cost for a handful of runs).
 *
 * <p>Bounds: at least {@value #MIN_RUNS} runs (and 8 per core) per chunk so tasks balance; at most
 * {@value #MAX_RUNS} runs and {@value #MAX_TRACE_ROWS} {@code layers/} rows, so that a chunk's
 * results — held in executor memory between training and writing — stay a few hundred MB even for
 * cheap runs that record many epochs of deep networks.
 *
 * @param chunks   number of chunks, ≥ 1
 * @param runsEach runs per chunk (the last may hold fewer), ≥ 1
 */
record ChunkPlan(long chunks, long runsEach) {

    /** Fewest runs per chunk (unless the grid is smaller). */
    static final long MIN_RUNS = 256;
    /** Most runs per chunk. */
    static final long MAX_RUNS = 10_000;
    /** Most {@code layers/} rows (recorded epochs × layers, summed over runs) per chunk. */
    static final long MAX_TRACE_ROWS = 1_000_000;
    /**
     * Work per core per chunk, floating-point operations: a minute at 50 GFLOP/s, the engine's rate
     * on layers of 64 and wider (docs/benchmarks.md: 60–70 GFLOP/s per core on the default sweep).
     * Narrower layers run slower per FLOP, so their chunks take longer, up to {@link #MAX_RUNS} runs.
     */
    static final double FLOPS_PER_CORE = 60 * 50e9;

    /**
     * @param runs        runs in the grid, ≥ 0
     * @param flops       their total work ({@link org.initsweep.core.spec.Preflight#flops()})
     * @param traceRows   their total {@code layers/} rows ({@link #traceRows})
     * @param parallelism cores (Spark's default parallelism), ≥ 1
     * @param fixedRuns   runs per chunk asked for explicitly, or 0 for the plan above
     */
    static ChunkPlan of(long runs, double flops, double traceRows, int parallelism, long fixedRuns) {
        if (runs <= 0) {
            return new ChunkPlan(0, 1);
        }
        if (fixedRuns > 0) {
            return new ChunkPlan((runs + fixedRuns - 1) / fixedRuns, fixedRuns);
        }
        long minRuns = Math.max(MIN_RUNS, 8L * parallelism);
        long most = Math.max(1, runs / minRuns);
        long least = Math.max((runs + MAX_RUNS - 1) / MAX_RUNS, (long) Math.ceil(traceRows / MAX_TRACE_ROWS));
        long byWork = (long) Math.ceil(flops / (FLOPS_PER_CORE * parallelism));
        long chunks = Math.max(least, Math.min(most, Math.max(1, byWork)));
        return new ChunkPlan(chunks, (runs + chunks - 1) / chunks);
    }

    /**
     * The plan for a sweep: its work from {@link org.initsweep.core.spec.Preflight}, its
     * {@code layers/} rows from {@link #traceRows}.
     *
     * @param runs        runs in the grid of {@code spec}
     * @param parallelism cores, ≥ 1
     * @param fixedRuns   runs per chunk asked for explicitly, or 0
     */
    static ChunkPlan of(org.initsweep.core.spec.SweepSpec spec, org.initsweep.core.spec.Preflight.Shapes shapes,
            long runs, int parallelism, long fixedRuns) {
        return of(runs, org.initsweep.core.spec.Preflight.of(spec, shapes).flops(), traceRows(spec, runs), parallelism,
                fixedRuns);
    }

    /**
     * {@code layers/} rows of a sweep: every run records {@code record_epochs} × (depth + 1) layers,
     * and each depth of the axis occurs equally often in the grid.
     *
     * @param runs runs in the grid
     */
    static double traceRows(org.initsweep.core.spec.SweepSpec spec, long runs) {
        double meanLayers = org.initsweep.core.spec.Preflight.hiddenShapes(spec).stream().mapToInt(h -> h.length)
                .average().orElse(0) + 1;
        return (double) runs * spec.recordEpochs().size() * meanLayers;
    }
}

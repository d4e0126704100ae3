package org.initsweep.core.trace;

/** Names of the tables (folders) and files under a sweep's output directory. */
public final class Tables {

    /** One row per run. */
    public static final String RUNS = "runs";
    /** One row per run × recorded epoch × layer, partitioned by activation. */
    public static final String LAYERS = "layers";
    /** One row per run × epoch: cost and accuracy. */
    public static final String EPOCHS = "epochs";
    /** Activation histograms per run, recorded epoch, layer and bin (spec: "histograms": true). */
    public static final String HISTOGRAMS = "histograms";
    /** Decision boundaries on a grid over the input plane (spec: "boundaries": true). */
    public static final String BOUNDARIES = "boundaries";
    /** The input–output Jacobian's spectrum per run and recorded epoch (spec: "jacobian": true). */
    public static final String JACOBIAN = "jacobian";
    /** Analysis: measured vs predicted Jacobian spectrum per grid cell (sweeps with {@code jacobian}). */
    public static final String ISOMETRY = "isometry";
    /** Analysis: init schemes compared on paired runs, per grid cell (sweeps with two inits or more). */
    public static final String COMPARE = "compare";
    /** Written by the analysis: per-run, per-layer signal growth. */
    public static final String GROWTH = "growth";
    /** Written by the analysis: one row per grid cell with its regime. */
    public static final String REGIONS = "regions";
    /** Written by the analysis: measured vs predicted critical multiplier and variance error. */
    public static final String AGREEMENT = "agreement";
    /** Written by the analysis: per grid cell, accuracies over seeds beside the trainable depth 6·ξ_c. */
    public static final String TRAINABILITY = "trainability";
    /** Written by the analysis: per σ_w², the deepest depth that trained beside 6·ξ_c. */
    public static final String TRAINABILITY_BOUND = "trainability_bound";
    /** Written by the analysis: PNG charts. */
    public static final String CHARTS = "charts";
    /** The spec as run (normalized JSON). */
    public static final String SPEC_FILE = "spec.json";
    /** Engine version, Spark/ND4J/Java versions, master, times. */
    public static final String ENGINE_FILE = "engine.json";
    /** A manifest per committed chunk of runs (its files and their lengths). */
    public static final String CHUNKS = ".chunks";
    /** Which committed chunks the analysis outputs describe (written last by an analysis). */
    public static final String ANALYZED = ".analyzed";

    private Tables() {
    }
}

package org.initsweep.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.initsweep.core.EngineVersion;
import org.initsweep.core.Provenance;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.spec.Axes;
import org.initsweep.core.spec.Column;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.trace.ActivationHistogram;
import org.initsweep.core.trace.DecisionBoundary;
import org.initsweep.core.trace.EpochMetrics;
import org.initsweep.core.trace.JacobianStats;
import org.initsweep.core.trace.LayerTrace;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.trace.RunStatus;

/**
 * Schemas of the three result tables and the conversion of a {@link RunResult} into their rows.
 * Column names and units are documented in the README ("Output schema").
 */
public final class TraceRows {

    /** {@code runs/}: one row per run; the grid axes' columns ({@link Axes#columns()}) after run_id and sweep. */
    public static final StructType RUNS = schema(
            List.of(field("run_id", DataTypes.StringType, false), field("sweep", DataTypes.StringType, false)),
            Axes.columns(),
            List.of(field("samples", DataTypes.IntegerType, false),
                field("epochs", DataTypes.IntegerType, false),
                field("batch_size", DataTypes.IntegerType, false),
                field("precision", DataTypes.StringType, false),
                field("test_fraction", DataTypes.DoubleType, true),
                field("preprocessing", DataTypes.StringType, false),
                field("dataset_source", DataTypes.StringType, false),
                field("dataset_sha256", DataTypes.StringType, true),
                field("input_dim", DataTypes.IntegerType, false),
                field("classes", DataTypes.IntegerType, false),
                field("train_samples", DataTypes.IntegerType, false),
                field("test_samples", DataTypes.IntegerType, false),
                field("input_var", DataTypes.DoubleType, false),
                field("status", DataTypes.StringType, false),
                field("diverged_epoch", DataTypes.IntegerType, true),
                field("diverged_layer", DataTypes.IntegerType, true),
                field("final_loss", DataTypes.DoubleType, false),
                field("final_accuracy", DataTypes.DoubleType, false),
                field("final_test_loss", DataTypes.DoubleType, false),
                field("final_test_accuracy", DataTypes.DoubleType, false),
                field("duration_ms", DataTypes.LongType, false),
                field("engine_version", DataTypes.StringType, false),
                field("engine_commit", DataTypes.StringType, false),
                field("settings", DataTypes.StringType, false),
                field("kernel", DataTypes.StringType, false)));

    /** Every grid column but the partition column, which Spark writes last. */
    private static final List<Column> LAYER_KEYS = Axes.columns().stream()
            .filter(c -> !c.name().equals(Axes.ACTIVATION.name())).toList();

    /**
     * {@code layers/}: one row per run × recorded epoch × layer, then the grid axes' columns so that
     * queries need no join; partitioned by {@code activation} (last).
     */
    public static final StructType LAYERS = schema(
            List.of(field("run_id", DataTypes.StringType, false),
                field("epoch", DataTypes.IntegerType, false),
                field("layer", DataTypes.IntegerType, false),
                field("fan_in", DataTypes.IntegerType, false),
                field("fan_out", DataTypes.IntegerType, false),
                field("mean_z", DataTypes.DoubleType, false),
                field("var_z", DataTypes.DoubleType, false),
                field("mean_a", DataTypes.DoubleType, false),
                field("var_a", DataTypes.DoubleType, false),
                field("var_grad_a", DataTypes.DoubleType, false),
                field("var_grad_w", DataTypes.DoubleType, false),
                field("var_w", DataTypes.DoubleType, false),
                field("unit_mean_z_sq", DataTypes.DoubleType, false),
                field("dead_fraction", DataTypes.DoubleType, false),
                field("saturated_fraction", DataTypes.DoubleType, false)),
            LAYER_KEYS, List.of(field(Axes.ACTIVATION.name(), DataTypes.StringType, false)));

    /**
     * Parquet writer options for {@link #LAYERS}: no dictionary for the per-layer moments, whose float
     * values almost never repeat, so that Parquet does not build a dictionary page per column chunk only
     * to drop it (8% and 31% less layers/ write CPU in two A/Bs on 180,000 rows; docs/benchmarks.md).
     */
    public static final java.util.Map<String, String> LAYERS_WRITE_OPTIONS = java.util.stream.Stream.of("mean_z", "var_z",
            "mean_a", "var_a", "var_grad_a", "var_grad_w", "var_w", "unit_mean_z_sq")
            .collect(java.util.stream.Collectors.toUnmodifiableMap(c -> "parquet.enable.dictionary#" + c, c -> "false"));

    /** Columns of {@link #LAYERS} before the grid's. */
    private static final int LAYER_TRACE_COLUMNS = LAYERS.size() - Axes.columns().size();

    /** {@code epochs/}: one row per run × epoch reached. */
    public static final StructType EPOCHS = new StructType(new StructField[] {
        field("run_id", DataTypes.StringType, false),
        field("epoch", DataTypes.IntegerType, false),
        field("loss", DataTypes.DoubleType, false),
        field("accuracy", DataTypes.DoubleType, false),
        field("test_loss", DataTypes.DoubleType, false),
        field("test_accuracy", DataTypes.DoubleType, false),
    });

    /** {@code histograms/}: one row per run × recorded epoch × layer × bin (when the spec asks). */
    public static final StructType HISTOGRAMS = new StructType(new StructField[] {
        field("run_id", DataTypes.StringType, false),
        field("epoch", DataTypes.IntegerType, false),
        field("layer", DataTypes.IntegerType, false),
        field("bin", DataTypes.IntegerType, false),
        field("lower", DataTypes.DoubleType, false),
        field("upper", DataTypes.DoubleType, false),
        field("count", DataTypes.LongType, false),
    });

    /** {@code jacobian/}: one row per run × recorded epoch (when the spec asks). */
    public static final StructType JACOBIAN = new StructType(new StructField[] {
        field("run_id", DataTypes.StringType, false),
        field("epoch", DataTypes.IntegerType, false),
        field("inputs", DataTypes.IntegerType, false),
        field("mean_eig", DataTypes.DoubleType, false),
        field("var_eig", DataTypes.DoubleType, false),
        field("relative_variance", DataTypes.DoubleType, false),
        field("max_singular", DataTypes.DoubleType, false),
        field("min_singular", DataTypes.DoubleType, false),
        field("exact", DataTypes.BooleanType, false),
    });

    /** {@code boundaries/}: one row per run × grid point of the input plane (when the spec asks). */
    public static final StructType BOUNDARIES = new StructType(new StructField[] {
        field("run_id", DataTypes.StringType, false),
        field("i1", DataTypes.IntegerType, false),
        field("i2", DataTypes.IntegerType, false),
        field("x1", DataTypes.DoubleType, false),
        field("x2", DataTypes.DoubleType, false),
        field("p", DataTypes.DoubleType, false),
        field("predicted_class", DataTypes.IntegerType, true),
        field("confidence", DataTypes.DoubleType, false),
    });

    private TraceRows() {
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    private static StructType schema(List<StructField> head, List<Column> grid, List<StructField> tail) {
        List<StructField> all = new ArrayList<>(head);
        for (Column c : grid) {
            all.add(field(c.name(), type(c.type()), c.nullable()));
        }
        all.addAll(tail);
        return new StructType(all.toArray(new StructField[0]));
    }

    /** The Spark SQL type of a result column. */
    public static org.apache.spark.sql.types.DataType type(Column.Type t) {
        return switch (t) {
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case STRING -> DataTypes.StringType;
        };
    }

    /**
     * The {@code runs/} rows of a task's results, one per result in order. What every run of the task
     * shares (engine, settings, a dataset's description) is formatted once, not once a run.
     */
    public static Iterator<Row> runRows(Iterator<RunResult> results) {
        String version = EngineVersion.get();
        String commit = engineCommit();
        String settings = Provenance.current().numbersText();
        Map<DatasetSource, String> datasets = new HashMap<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return results.hasNext();
            }

            @Override
            public Row next() {
                RunResult r = results.next();
                RunSpec s = r.spec();
                boolean diverged = r.status() == RunStatus.DIVERGED;
                List<Object> v = new ArrayList<>(RUNS.size());
                v.add(r.runId());
                v.add(s.sweep());
                v.addAll(Axes.columnValues(s));
                RunResult.DataSummary d = r.data();
                // samples and test_fraction as applied: 0 (the whole training split) and null (the default
                // share) are written as what they came to, so that a query can select on them
                v.addAll(Arrays.asList(s.samples() > 0 ? s.samples() : d.trainSamples(), s.epochs(), s.batchSize(),
                        s.precision().specName(), d.testFraction(), s.preprocessing().specName(),
                        datasets.computeIfAbsent(s.dataset(), k -> k.toJson().toString()), d.sha256(), d.inputDim(),
                        d.classes(), d.trainSamples(), d.testSamples(), r.inputVar(), r.status().label(),
                        diverged ? r.divergedEpoch() : null, diverged ? r.divergedLayer() : null,
                        r.finalLoss(), r.finalAccuracy(), r.finalTestLoss(), r.finalTestAccuracy(), r.durationMs(),
                        version, commit, settings, r.kernel()));
                return RowFactory.create(v.toArray());
            }
        };
    }

    /** The commit this engine was built from, with {@code +dirty} for an uncommitted tree. */
    static String engineCommit() {
        return EngineVersion.commit() + ("true".equals(EngineVersion.dirty()) ? "+dirty" : "");
    }

    /** The {@code layers/} rows of a result. */
    public static List<Row> layerRows(RunResult r) {
        List<Column> all = Axes.columns();
        List<Object> values = Axes.columnValues(r.spec());
        // The grid's values, activation (the partition column) last, boxed once for all of the run's rows.
        Object[] keys = new Object[all.size()];
        int k = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(Axes.ACTIVATION.name())) {
                keys[keys.length - 1] = values.get(i);
            } else {
                keys[k++] = values.get(i);
            }
        }
        List<Row> rows = new ArrayList<>(r.layers().size());
        for (LayerTrace t : r.layers()) {
            Object[] v = new Object[LAYER_TRACE_COLUMNS + keys.length];
            v[0] = r.runId();
            v[1] = t.epoch();
            v[2] = t.layer();
            v[3] = t.fanIn();
            v[4] = t.fanOut();
            v[5] = t.meanZ();
            v[6] = t.varZ();
            v[7] = t.meanA();
            v[8] = t.varA();
            v[9] = t.varGradA();
            v[10] = t.varGradW();
            v[11] = t.varW();
            v[12] = t.unitMeanZSq();
            v[13] = t.deadFraction();
            v[14] = t.saturatedFraction();
            System.arraycopy(keys, 0, v, LAYER_TRACE_COLUMNS, keys.length);
            rows.add(RowFactory.create(v));
        }
        return rows;
    }

    /** The {@code histograms/} rows of a result. */
    public static List<Row> histogramRows(RunResult r) {
        List<Row> rows = new ArrayList<>();
        for (ActivationHistogram h : r.histograms()) {
            for (int b = 0; b < h.counts().length; b++) {
                rows.add(RowFactory.create(r.runId(), h.epoch(), h.layer(), b, h.edges()[b], h.edges()[b + 1],
                        h.counts()[b]));
            }
        }
        return rows;
    }

    /** The {@code boundaries/} rows of a result (none without a boundary). */
    public static List<Row> boundaryRows(RunResult r) {
        DecisionBoundary d = r.boundary();
        if (d == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>(d.steps() * d.steps());
        for (int i2 = 0; i2 < d.steps(); i2++) {
            for (int i1 = 0; i1 < d.steps(); i1++) {
                int k = i2 * d.steps() + i1;
                int predicted = d.predicted(k);
                rows.add(RowFactory.create(r.runId(), i1, i2, d.coordinate(i1), d.coordinate(i2), (double) d.p(k),
                        predicted < 0 ? null : predicted, (double) d.confidence(k)));
            }
        }
        return rows;
    }

    /** The {@code jacobian/} rows of a result. */
    public static List<Row> jacobianRows(RunResult r) {
        List<Row> rows = new ArrayList<>(r.jacobian().size());
        for (JacobianStats j : r.jacobian()) {
            rows.add(RowFactory.create(r.runId(), j.epoch(), j.inputs(), j.meanEig(), j.varEig(), j.relativeVariance(),
                    j.maxSingular(), j.minSingular(), j.exact()));
        }
        return rows;
    }

    /** The {@code epochs/} rows of a result. */
    public static List<Row> epochRows(RunResult r) {
        List<Row> rows = new ArrayList<>(r.epochs().size());
        for (EpochMetrics e : r.epochs()) {
            rows.add(RowFactory.create(r.runId(), e.epoch(), e.loss(), e.accuracy(), e.testLoss(), e.testAccuracy()));
        }
        return rows;
    }
}

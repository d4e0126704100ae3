package org.initsweep.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.initsweep.analysis.io.AnalysisStamp;
import org.initsweep.analysis.io.Publish;
import org.initsweep.analysis.report.HtmlReport;
import org.initsweep.analysis.trainability.TrainabilityAnalysis;
import org.initsweep.core.regime.Regime;
import org.initsweep.core.regime.SignalGrowth;
import org.initsweep.core.trace.Tables;

/**
 * Reads a sweep's traces with Spark SQL, measures each run's signal growth at initialization,
 * classifies every grid cell, and writes {@code growth/}, {@code regions/} and the charts.
 *
 * <p>Beside every measurement stands mean-field theory's prediction ({@link
 * org.initsweep.core.theory.NetworkPrediction}): per layer {@code predicted_var_z},
 * {@code predicted_var_a}, {@code predicted_var_grad_a} and the finite-width spread
 * {@code predicted_ln_var_a_sd} ({@link org.initsweep.core.theory.FiniteWidthSpread}) in {@code growth/}; per cell χ₁, the
 * predicted rates and regime, and the critical multiplier in {@code regions/}; and the
 * {@code agreement/} table ({@link Agreement}).
 *
 * <p>Per run and layer ({@code growth/}): forward growth ln(Var(a^[l]) / Var(x)) and backward
 * growth ln(Var(∂J/∂a^[l]) / Var(∂J/∂a^[L])), in nats. Per run: the forward and backward rates of
 * {@link SignalGrowth} (from Var(z) forward, Var(∂J/∂a) backward). Per cell (activation × init ×
 * width or profile × σ_b² × dataset × depth × m, {@code regions/}): the rates averaged over seeds,
 * the regime they give — stable while the growth over the hidden layers stays within D decades, a
 * per-layer threshold τ_L = D·ln(10)/(L − 1) ({@link SignalGrowth#thresholdAtDepth}) — and the regime of each direction alone (at unequal widths
 * the two part: fan_in scaling keeps the forward signal, fan_out the backward one). Theory uses each
 * run's recorded layer widths (fan_in, fan_out per layer).
 *
 * <p>Sweeps with {@code "jacobian": true} also get {@code isometry/} (the measured Jacobian spectrum
 * beside free probability: {@link org.initsweep.analysis.isometry.IsometryAnalysis}). Sweeps with a
 * test split also get {@code trainability/} and {@code trainability_bound/}
 * ({@link TrainabilityAnalysis}).
 */
public final class Analysis {

    /**
     * What an analysis replaces in a sweep's directory: its tables, the charts and the report. (It reads
     * {@code runs/}, {@code layers/}, {@code epochs/} and the rest of the sweep's own tables without writing them.)
     */
    public static final List<String> WRITES = List.of(Tables.GROWTH, Tables.REGIONS, Tables.AGREEMENT,
            Tables.TRAINABILITY, Tables.TRAINABILITY_BOUND, Tables.ISOMETRY, Tables.COMPARE, Tables.CHARTS,
            HtmlReport.DIR);

    /** Mean-field theory's view of a run or cell (null for fixed init schemes). */
    private static final StructField[] THEORY = {
        DataTypes.createStructField("predicted_forward_rate", DataTypes.DoubleType, true),
        DataTypes.createStructField("predicted_backward_rate", DataTypes.DoubleType, true),
        DataTypes.createStructField("chi1", DataTypes.DoubleType, true),
        DataTypes.createStructField("chi1_regime", DataTypes.StringType, true),
        DataTypes.createStructField("critical_multiplier", DataTypes.DoubleType, true),
    };

    /**
     * The columns that name a grid cell (every axis but the seed and the optimizer's), in the order
     * {@code regions/}, {@code growth/}, {@code run_rates} and {@code isometry/} share.
     */
    public static final StructField[] CELL_KEY = {
        DataTypes.createStructField("activation", DataTypes.StringType, false),
        DataTypes.createStructField("init", DataTypes.StringType, false),
        DataTypes.createStructField("width", DataTypes.IntegerType, true),
        DataTypes.createStructField("profile", DataTypes.StringType, true),
        DataTypes.createStructField("sigma_b2", DataTypes.DoubleType, false),
        DataTypes.createStructField("dataset", DataTypes.StringType, false),
        DataTypes.createStructField("depth", DataTypes.IntegerType, false),
        DataTypes.createStructField("multiplier", DataTypes.DoubleType, true),
    };

    /** A schema made of the given runs of fields, in order. */
    public static StructType schema(StructField[]... parts) {
        return new StructType(java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(StructField[]::new));
    }

    /** {@code regions/} schema. */
    public static final StructType REGIONS = schema(CELL_KEY, new StructField[] {
        DataTypes.createStructField("runs", DataTypes.LongType, false),
        DataTypes.createStructField("forward_rate", DataTypes.DoubleType, false),
        DataTypes.createStructField("backward_rate", DataTypes.DoubleType, false),
        DataTypes.createStructField("regime", DataTypes.StringType, false),
        DataTypes.createStructField("forward_regime", DataTypes.StringType, false),
        DataTypes.createStructField("backward_regime", DataTypes.StringType, true),
        DataTypes.createStructField("threshold", DataTypes.DoubleType, false),
        DataTypes.createStructField("decades", DataTypes.DoubleType, false),
    }, THEORY, new StructField[] {
        DataTypes.createStructField("predicted_regime", DataTypes.StringType, true),
        DataTypes.createStructField("predicted_forward_regime", DataTypes.StringType, true),
        DataTypes.createStructField("predicted_backward_regime", DataTypes.StringType, true),
    });

    /** Per-run rates (an intermediate view, {@code run_rates}). */
    static final StructType RUN_RATES = schema(new StructField[] {
        DataTypes.createStructField("run_id", DataTypes.StringType, false),
    }, CELL_KEY, new StructField[] {
        DataTypes.createStructField("seed", DataTypes.LongType, false),
        DataTypes.createStructField("forward_rate", DataTypes.DoubleType, false),
        DataTypes.createStructField("backward_rate", DataTypes.DoubleType, false),
    }, THEORY);

    /** {@code agreement/} schema. */
    public static final StructType AGREEMENT = Agreement.SCHEMA;

    /** {@code growth/} schema. */
    public static final StructType GROWTH = schema(new StructField[] {
        DataTypes.createStructField("run_id", DataTypes.StringType, false),
        DataTypes.createStructField("layer", DataTypes.IntegerType, false),
    }, CELL_KEY, new StructField[] {
        DataTypes.createStructField("seed", DataTypes.LongType, false),
        DataTypes.createStructField("var_z", DataTypes.DoubleType, false),
        DataTypes.createStructField("var_a", DataTypes.DoubleType, false),
        DataTypes.createStructField("var_grad_a", DataTypes.DoubleType, false),
        DataTypes.createStructField("forward_growth", DataTypes.DoubleType, false),
        DataTypes.createStructField("backward_growth", DataTypes.DoubleType, false),
        DataTypes.createStructField("predicted_var_z", DataTypes.DoubleType, true),
        DataTypes.createStructField("predicted_var_a", DataTypes.DoubleType, true),
        DataTypes.createStructField("predicted_var_grad_a", DataTypes.DoubleType, true),
        DataTypes.createStructField("predicted_ln_var_a_sd", DataTypes.DoubleType, true),
    });

    /**
     * @param runs           runs analyzed
     * @param cells          grid cells classified
     * @param cellsByRegime  cells per regime
     * @param charts         chart files written (paths)
     * @param agreement      rows of {@code agreement/}: measured vs predicted critical multiplier
     * @param trainability   console lines of {@code trainability_bound/} (none without test data)
     */
    public record Summary(long runs, long cells, Map<Regime, Long> cellsByRegime, List<String> charts,
            List<Row> agreement, List<String> trainability) {
    }

    private Analysis() {
    }

    /**
     * Analyzes a sweep directory in place.
     *
     * @param dir       output directory of a sweep
     * @param decades   growth over the hidden layers that a stable network stays within, in decades
     *                  ({@link SignalGrowth#DEFAULT_DECADES})
     * @param charts    whether to draw the PNG charts and the HTML report (without: those of an earlier
     *                  analysis are removed, as they would not match the new tables)
     * @throws IllegalArgumentException if the directory holds no readable sweep
     * @throws IOException              on file system errors
     */
    public static Summary run(SparkSession spark, String dir, double decades, boolean charts) throws IOException {
        return run(spark, dir, decades, charts, null);
    }

    /**
     * As {@link #run(SparkSession, String, double, boolean)}, with the target training cost of
     * {@code compare/}'s "epochs to target" ({@code targetLoss} nats; null: ln(K)/2 per dataset).
     *
     * @throws org.initsweep.core.UserInputException also if {@code targetLoss} is not &gt; 0 and finite
     */
    public static Summary run(SparkSession spark, String dir, double decades, boolean charts, Double targetLoss)
            throws IOException {
        return run(spark, dir, decades, charts, targetLoss, RealDatasets.NONE);
    }

    /**
     * As {@link #run(SparkSession, String, double, boolean, Double)}, with the sweep's real datasets, whose
     * training points the decision-boundary charts draw.
     */
    public static Summary run(SparkSession spark, String dir, double decades, boolean charts, Double targetLoss,
            RealDatasets datasets) throws IOException {
        checkOptions(decades, targetLoss);
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
        org.apache.hadoop.fs.FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        ResultViews.register(spark, dir, WRITES); // first: a directory that holds no sweep is refused untouched
        for (String place : new String[] {"", Tables.CHARTS, HtmlReport.DIR}) {
            Publish.removeLeftovers(fs, place.isEmpty() ? root : new org.apache.hadoop.fs.Path(root, place));
        }
        // under the directory's lock no chunk commits while this runs: these are the chunks it reads
        List<String> chunks = AnalysisStamp.chunks(fs, root);
        AnalysisStamp.clear(fs, root);
        // layers_all: the join with runs keeps the committed runs' rows, as the layers view's own filter would
        Dataset<Row> profiles = spark.sql("""
                SELECT l.run_id, l.activation, l.init, l.width, l.profile, l.sigma_b2, l.dataset, l.depth,
                       l.multiplier, l.seed, r.input_var,
                       sort_array(collect_list(struct(l.layer, l.var_a, l.var_grad_a, l.var_z, l.fan_in, l.fan_out)))
                           AS layers
                FROM layers_all l JOIN runs r ON l.run_id = r.run_id
                WHERE l.epoch = 0
                GROUP BY l.run_id, l.activation, l.init, l.width, l.profile, l.sigma_b2, l.dataset, l.depth,
                         l.multiplier, l.seed, r.input_var
                """).persist();
        try {
            JavaRDD<Row> rates = profiles.javaRDD().map(r -> RunProfile.of(r).ratesRow());
            spark.createDataFrame(rates, RUN_RATES).createOrReplaceTempView("run_rates");
            ResultViews.publish(spark, spark.createDataFrame(
                    profiles.javaRDD().flatMap(r -> RunProfile.of(r).growthRows().iterator()), GROWTH), dir,
                    Tables.GROWTH);

            // one row per cell: kept on the driver for the agreement, the console and the heatmaps alike
            List<Row> collected = spark.createDataFrame(cells(spark).javaRDD().map(r -> withRegime(r, decades)),
                    REGIONS).collectAsList();
            ResultViews.publish(spark, spark.createDataFrame(collected, REGIONS).coalesce(1), dir, Tables.REGIONS);

            List<Row> agreement = Agreement.rows(spark, collected);
            ResultViews.publish(spark, spark.createDataFrame(agreement, Agreement.SCHEMA).coalesce(1), dir,
                    Tables.AGREEMENT);
            DeepestCurves.Reading curves = new DeepestCurves.Reading(spark);
            TrainabilityAnalysis.Result trainability = TrainabilityAnalysis.run(spark, dir, curves.runs());
            org.initsweep.analysis.isometry.IsometryAnalysis.run(spark, dir);
            // each registers the view of the table it writes (and drops that of one it removes)
            org.initsweep.analysis.compare.InitComparison.run(spark, dir, targetLoss, curves.runs());

            Map<Regime, Long> byRegime = new EnumMap<>(Regime.class);
            for (Row r : collected) {
                byRegime.merge(Regime.fromLabel(r.getString(r.fieldIndex("regime"))), 1L, Long::sum);
            }
            long runs = curves.runs().count();
            List<String> files = charts ? ChartWriter.writeAll(spark, dir, collected, curves, datasets) : List.of();
            if (charts) {
                List<String> withReport = new ArrayList<>(files);
                withReport.addAll(TrainabilityAnalysis.writeCharts(spark, dir, trainability));
                // the trainability charts too, so that the report links each beside the chart it draws
                withReport.add(HtmlReport.write(spark, dir, List.copyOf(withReport), curves));
                files = withReport;
                Publish.retainOnly(fs, new org.apache.hadoop.fs.Path(root, Tables.CHARTS), files.stream()
                        .map(f -> new org.apache.hadoop.fs.Path(f).getName()).collect(java.util.stream.Collectors.toSet()));
            } else {
                // an earlier analysis's charts and report would show other regions than these tables
                fs.delete(new org.apache.hadoop.fs.Path(root, Tables.CHARTS), true);
                fs.delete(new org.apache.hadoop.fs.Path(root, HtmlReport.DIR), true);
            }
            AnalysisStamp.write(fs, root, chunks, runs);
            return new Summary(runs, collected.size(), byRegime, files, agreement, trainability.consoleLines());
        } finally {
            profiles.unpersist();
        }
    }

    /**
     * Refuses analysis options out of range, before any directory is looked at.
     *
     * @throws org.initsweep.core.UserInputException if {@code decades} is not &gt; 0 and finite, or
     *                                               {@code targetLoss} is given and not &gt; 0 and finite
     */
    public static void checkOptions(double decades, Double targetLoss) {
        if (!(decades > 0) || Double.isInfinite(decades)) {
            throw new org.initsweep.core.UserInputException("--decades must be > 0 and finite, got "
                    + org.initsweep.core.Quantities.number(decades));
        }
        if (targetLoss != null && !(targetLoss > 0 && Double.isFinite(targetLoss))) {
            throw new org.initsweep.core.UserInputException("--target-loss must be > 0 and finite (nats), got "
                    + org.initsweep.core.Quantities.number(targetLoss));
        }
    }

    /**
     * The grid cells of the {@code run_rates} view: the measured rates averaged over the cell's runs (in an order
     * of their own: {@link OrderFreeSql#mean}), and theory's
     * values, which start from each run's own {@code input_var} ("scale" preprocessing makes it differ by seed),
     * as their mean ({@link #seedMean}); a {@code chi1_regime} only where every run's is the same.
     */
    static Dataset<Row> cells(SparkSession spark) {
        return spark.sql("""
                SELECT activation, init, width, profile, sigma_b2, dataset, depth, multiplier, count(*) AS runs,
                       %s AS forward_rate, %s AS backward_rate,
                       %s AS predicted_forward_rate, %s AS predicted_backward_rate, %s AS chi1,
                       CASE WHEN min(chi1_regime) = max(chi1_regime) AND count(chi1_regime) = count(*)
                            THEN min(chi1_regime) END AS chi1_regime,
                       %s AS critical_multiplier
                FROM run_rates
                GROUP BY activation, init, width, profile, sigma_b2, dataset, depth, multiplier
                """.formatted(OrderFreeSql.mean("forward_rate"), OrderFreeSql.mean("backward_rate"),
                seedMean("predicted_forward_rate"), seedMean("predicted_backward_rate"),
                seedMean("chi1"), seedMean("critical_multiplier")));
    }

    /**
     * The runs' common value of a prediction, or their mean where they differ; null where any run has none.
     * (A mean of equal values may not be that value: (0.1 + 0.1 + 0.1)/3 = 0.10000000000000002.)
     */
    static String seedMean(String column) {
        return "CASE WHEN count(" + column + ") < count(*) THEN NULL WHEN min(" + column + ") = max(" + column
                + ") THEN min(" + column + ") ELSE " + OrderFreeSql.mean(column) + " END";
    }

    /**
     * A cell of the {@code cells} query as a {@link #REGIONS} row: the regime of both rates, of each
     * rate alone, and the same three of the predicted rates, all by one rule at the same τ_L (so
     * measured and predicted calls compare one to one). {@code chi1_regime} is theory's other call,
     * from χ₁ at the fixed point (critical within ±{@code MeanField.DEFAULT_REGIME_TOL} of 1), the
     * infinite-depth view.
     */
    static Row withRegime(Row c, double decades) {
        double threshold = SignalGrowth.thresholdAtDepth(decades, c.<Integer>getAs("depth"));
        double f = c.<Double>getAs("forward_rate");
        double b = c.<Double>getAs("backward_rate");
        Object[] values = new Object[REGIONS.size()];
        for (int i = 0; i < values.length; i++) {
            String name = REGIONS.fields()[i].name();
            values[i] = switch (name) {
                case "regime" -> SignalGrowth.classify(f, b, threshold).label();
                case "forward_regime" -> forwardRegime(f, threshold);
                case "backward_regime" -> backwardRegime(b, threshold);
                case "threshold" -> threshold;
                case "decades" -> decades;
                case "predicted_regime" -> c.isNullAt(c.fieldIndex("predicted_forward_rate")) ? null
                        : SignalGrowth.classify(c.<Double>getAs("predicted_forward_rate"),
                                c.isNullAt(c.fieldIndex("predicted_backward_rate")) ? Double.NaN
                                        : c.<Double>getAs("predicted_backward_rate"), threshold).label();
                case "predicted_forward_regime" -> forwardRegime(c.getAs("predicted_forward_rate"), threshold);
                case "predicted_backward_regime" -> backwardRegime(c.getAs("predicted_backward_rate"), threshold);
                default -> c.get(c.fieldIndex(name));
            };
        }
        return RowFactory.create(values);
    }

    /** The regime of a forward rate at τ (NaN is overflow, as in {@link SignalGrowth#classify}); null if none. */
    private static String forwardRegime(Double rate, double threshold) {
        return rate == null ? null : SignalGrowth.classify(rate, Double.NaN, threshold).label();
    }

    /** The regime of a backward rate at τ; null where it is not defined (one hidden layer: NaN). */
    private static String backwardRegime(Double rate, double threshold) {
        return rate == null || Double.isNaN(rate) ? null : SignalGrowth.classify(rate, Double.NaN, threshold).label();
    }
}

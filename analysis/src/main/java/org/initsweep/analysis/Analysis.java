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
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.initsweep.core.regime.Regime;
import org.initsweep.core.regime.SignalGrowth;
import org.initsweep.core.trace.Tables;

/**
 * Reads a sweep's traces with Spark SQL, measures each run's signal growth at initialization,
 * classifies every grid cell, and writes {@code growth/}, {@code regions/} and the charts.
 *
 * <p>Per run and layer ({@code growth/}): forward growth ln(Var(a^[l]) / Var(x)) and backward
 * growth ln(Var(∂J/∂a^[l]) / Var(∂J/∂a^[L])), in nats. Per run: the forward and backward rates of
 * {@link SignalGrowth} (from Var(z) forward, Var(∂J/∂a) backward). Per cell (activation × init × width × σ_b² × dataset × depth × m,
 * {@code regions/}): the rates averaged over seeds and the regime they give at threshold τ.
 */
public final class Analysis {

    /** {@code regions/} schema. */
    public static final StructType REGIONS = new StructType(new StructField[] {
        DataTypes.createStructField("activation", DataTypes.StringType, false),
        DataTypes.createStructField("init", DataTypes.StringType, false),
        DataTypes.createStructField("width", DataTypes.IntegerType, false),
        DataTypes.createStructField("sigma_b2", DataTypes.DoubleType, false),
        DataTypes.createStructField("dataset", DataTypes.StringType, false),
        DataTypes.createStructField("depth", DataTypes.IntegerType, false),
        DataTypes.createStructField("multiplier", DataTypes.DoubleType, true),
        DataTypes.createStructField("runs", DataTypes.LongType, false),
        DataTypes.createStructField("forward_rate", DataTypes.DoubleType, false),
        DataTypes.createStructField("backward_rate", DataTypes.DoubleType, false),
        DataTypes.createStructField("regime", DataTypes.StringType, false),
        DataTypes.createStructField("threshold", DataTypes.DoubleType, false),
    });

    /** Per-run rates (an intermediate view, {@code run_rates}). */
    static final StructType RUN_RATES = new StructType(new StructField[] {
        DataTypes.createStructField("run_id", DataTypes.StringType, false),
        DataTypes.createStructField("activation", DataTypes.StringType, false),
        DataTypes.createStructField("init", DataTypes.StringType, false),
        DataTypes.createStructField("width", DataTypes.IntegerType, false),
        DataTypes.createStructField("sigma_b2", DataTypes.DoubleType, false),
        DataTypes.createStructField("dataset", DataTypes.StringType, false),
        DataTypes.createStructField("depth", DataTypes.IntegerType, false),
        DataTypes.createStructField("multiplier", DataTypes.DoubleType, true),
        DataTypes.createStructField("seed", DataTypes.LongType, false),
        DataTypes.createStructField("forward_rate", DataTypes.DoubleType, false),
        DataTypes.createStructField("backward_rate", DataTypes.DoubleType, false),
    });

    /** {@code growth/} schema. */
    public static final StructType GROWTH = new StructType(new StructField[] {
        DataTypes.createStructField("run_id", DataTypes.StringType, false),
        DataTypes.createStructField("layer", DataTypes.IntegerType, false),
        DataTypes.createStructField("activation", DataTypes.StringType, false),
        DataTypes.createStructField("init", DataTypes.StringType, false),
        DataTypes.createStructField("width", DataTypes.IntegerType, false),
        DataTypes.createStructField("depth", DataTypes.IntegerType, false),
        DataTypes.createStructField("multiplier", DataTypes.DoubleType, true),
        DataTypes.createStructField("seed", DataTypes.LongType, false),
        DataTypes.createStructField("var_a", DataTypes.DoubleType, false),
        DataTypes.createStructField("var_grad_a", DataTypes.DoubleType, false),
        DataTypes.createStructField("forward_growth", DataTypes.DoubleType, false),
        DataTypes.createStructField("backward_growth", DataTypes.DoubleType, false),
    });

    /**
     * @param runs           runs analyzed
     * @param cells          grid cells classified
     * @param cellsByRegime  cells per regime
     * @param charts         chart files written (paths)
     */
    public record Summary(long runs, long cells, Map<Regime, Long> cellsByRegime, List<String> charts) {
    }

    private Analysis() {
    }

    /**
     * Analyzes a sweep directory in place.
     *
     * @param dir       output directory of a sweep
     * @param threshold τ in nats per layer ({@link SignalGrowth#DEFAULT_THRESHOLD})
     * @param charts    whether to draw the PNG charts
     * @throws IllegalArgumentException if the directory holds no readable sweep
     * @throws IOException              on file system errors
     */
    public static Summary run(SparkSession spark, String dir, double threshold, boolean charts) throws IOException {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be > 0 and finite, got " + threshold);
        }
        ResultViews.register(spark, dir);
        Dataset<Row> profiles = spark.sql("""
                SELECT l.run_id, l.activation, l.init, l.width, l.sigma_b2, l.dataset, l.depth, l.multiplier,
                       l.seed, r.input_var,
                       sort_array(collect_list(struct(l.layer, l.var_a, l.var_grad_a, l.var_z))) AS profile
                FROM layers l JOIN runs r ON l.run_id = r.run_id
                WHERE l.epoch = 0
                GROUP BY l.run_id, l.activation, l.init, l.width, l.sigma_b2, l.dataset, l.depth, l.multiplier,
                         l.seed, r.input_var
                """).persist();
        try {
            JavaRDD<Row> rates = profiles.javaRDD().map(Analysis::rates);
            spark.createDataFrame(rates, RUN_RATES).createOrReplaceTempView("run_rates");
            spark.createDataFrame(profiles.javaRDD().flatMap(r -> growth(r).iterator()), GROWTH)
                    .write().mode(SaveMode.Overwrite).parquet(dir + "/" + Tables.GROWTH);

            Dataset<Row> cells = spark.sql("""
                    SELECT activation, init, width, sigma_b2, dataset, depth, multiplier, count(*) AS runs,
                           avg(forward_rate) AS forward_rate, avg(backward_rate) AS backward_rate
                    FROM run_rates
                    GROUP BY activation, init, width, sigma_b2, dataset, depth, multiplier
                    """);
            JavaRDD<Row> regions = cells.javaRDD().map(r -> withRegime(r, threshold));
            Dataset<Row> regionsDf = spark.createDataFrame(regions, REGIONS);
            regionsDf.write().mode(SaveMode.Overwrite).parquet(dir + "/" + Tables.REGIONS);
            ResultViews.register(spark, dir);

            List<Row> collected = spark.sql("SELECT * FROM regions").collectAsList();
            Map<Regime, Long> byRegime = new EnumMap<>(Regime.class);
            for (Row r : collected) {
                byRegime.merge(Regime.valueOf(r.getString(r.fieldIndex("regime")).toUpperCase()), 1L, Long::sum);
            }
            long runs = spark.sql("SELECT count(*) FROM runs").first().getLong(0);
            List<String> files = charts ? ChartWriter.writeAll(spark, dir, collected) : List.of();
            return new Summary(runs, collected.size(), byRegime, files);
        } finally {
            profiles.unpersist();
        }
    }

    private static double[][] profile(Row r) {
        List<Row> p = r.getList(r.fieldIndex("profile"));
        int depth = r.getInt(r.fieldIndex("depth"));
        double[] varA = new double[p.size()];
        double[] varGradA = new double[p.size()];
        double[] varZ = new double[p.size()];
        for (Row layer : p) {
            int l = layer.getInt(0);
            varA[l - 1] = layer.getDouble(1);
            varGradA[l - 1] = layer.getDouble(2);
            varZ[l - 1] = layer.getDouble(3);
        }
        if (p.size() != depth + 1) {
            throw new IllegalStateException("run " + r.getString(0) + " has " + p.size()
                    + " traced layers at epoch 0, expected " + (depth + 1));
        }
        return new double[][] {varA, varGradA, varZ};
    }

    static Row rates(Row r) {
        double[][] p = profile(r);
        int depth = r.getInt(r.fieldIndex("depth"));
        double[] hiddenG = java.util.Arrays.copyOf(p[1], depth);
        double forward = SignalGrowth.forwardRate(p[2]);
        double backward = SignalGrowth.backwardRate(hiddenG);
        return RowFactory.create(r.getString(0), r.getString(1), r.getString(2), r.getInt(3), r.getDouble(4),
                r.getString(5), depth, r.isNullAt(7) ? null : r.getDouble(7), r.getLong(8), forward, backward);
    }

    static List<Row> growth(Row r) {
        double[][] p = profile(r);
        int depth = r.getInt(r.fieldIndex("depth"));
        double inputVar = r.getDouble(r.fieldIndex("input_var"));
        double lastHidden = p[1][depth - 1];
        List<Row> out = new ArrayList<>(p[0].length);
        for (int i = 0; i < p[0].length; i++) {
            out.add(RowFactory.create(r.getString(0), i + 1, r.getString(1), r.getString(2), r.getInt(3), depth,
                    r.isNullAt(7) ? null : r.getDouble(7), r.getLong(8), p[0][i], p[1][i],
                    Math.log(p[0][i] / inputVar), Math.log(p[1][i] / lastHidden)));
        }
        return out;
    }

    static Row withRegime(Row c, double threshold) {
        double f = c.getDouble(8);
        double b = c.getDouble(9);
        Regime regime = SignalGrowth.classify(f, b, threshold);
        return RowFactory.create(c.getString(0), c.getString(1), c.getInt(2), c.getDouble(3), c.getString(4),
                c.getInt(5), c.isNullAt(6) ? null : c.getDouble(6), c.getLong(7), f, b, regime.label(), threshold);
    }
}

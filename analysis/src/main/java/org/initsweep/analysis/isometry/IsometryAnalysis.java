package org.initsweep.analysis.isometry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.initsweep.analysis.Analysis;
import org.initsweep.analysis.ChartGroup;
import org.initsweep.analysis.OrderFreeSql;
import org.initsweep.analysis.chart.IsometryChart;
import org.initsweep.analysis.io.Publish;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.theory.DynamicalIsometry;
import org.initsweep.core.theory.Nonlinearity;
import org.initsweep.core.theory.TheoryValue;
import org.initsweep.core.trace.JacobianStats;
import org.initsweep.core.trace.Tables;

/**
 * The {@code isometry/} table: per grid cell (activation × init × width × σ_b² × dataset × depth ×
 * m) at initialization, seeds averaged, the measured {@code mean_eig} and {@code relative_variance}
 * (var_eig / mean_eig² of each input's spectrum, averaged: {@code jacobian/}'s {@code relative_variance};
 * null where a mean is outside [10⁻¹⁵⁰, 10¹⁵⁰], whose squared eigenvalues, and so var_eig, leave the range
 * of double: a vanishing or exploding network's) of the eigenvalues of JJᵀ, beside
 * {@code predicted_log_mean_eig} = Σ_l ln(σ_w²μ₁) and {@code predicted_relative_variance} =
 * Σ_l (μ₂/μ₁² − 1 − s₁) (Pennington, Schoenholz &amp; Ganguli 2017, eq. 12–14, with μ_k = E[φ'(h)^{2k}]
 * at each layer's q^l on the length map's path from the runs' q⁰ = {@code input_var} (averaged over seeds), the
 * first layer at its own σ_w² over n^[0] = {@code input_dim} inputs: {@link DynamicalIsometry#predictAlongPath}),
 * {@code weights} the ensemble theory assumes: {@code orthogonal} (s₁ = 0) for the orthogonal scheme,
 * {@code gaussian} (s₁ = −1, any i.i.d. draw) for the other random schemes; null (no prediction) for
 * fixed schemes and width profiles, and no {@code predicted_relative_variance} where the input is narrower than
 * the width ({@link #rankDeficient}).
 */
public final class IsometryAnalysis {

    /** {@code isometry/} schema. */
    public static final StructType SCHEMA = Analysis.schema(Analysis.CELL_KEY, new StructField[] {
        DataTypes.createStructField("runs", DataTypes.LongType, false),
        DataTypes.createStructField("mean_eig", DataTypes.DoubleType, false),
        DataTypes.createStructField("relative_variance", DataTypes.DoubleType, true),
        DataTypes.createStructField("weights", DataTypes.StringType, true),
        DataTypes.createStructField("predicted_log_mean_eig", DataTypes.DoubleType, true),
        DataTypes.createStructField("predicted_relative_variance", DataTypes.DoubleType, true),
    });

    private IsometryAnalysis() {
    }

    /**
     * Writes {@code isometry/} when the sweep has a {@code jacobian} table (its view registered), and removes an
     * earlier one otherwise; registers or drops the view {@code isometry} to match.
     *
     * @return whether the table was written
     * @throws IOException on file system errors
     */
    public static boolean run(SparkSession spark, String dir) throws IOException {
        if (!spark.catalog().tableExists(Tables.JACOBIAN)) {
            Publish.remove(spark, dir, Tables.ISOMETRY);
            return false;
        }
        // per input, then averaged (jacobian/'s relative_variance); outputs written before that column existed
        // have only the averages' ratio
        String relative = java.util.Arrays.asList(spark.table(Tables.JACOBIAN).columns()).contains("relative_variance")
                ? "CASE WHEN NOT isnan(j.relative_variance) THEN j.relative_variance END"
                : "CASE WHEN j.mean_eig BETWEEN " + JacobianStats.MIN_MEAN + " AND " + JacobianStats.MAX_MEAN
                        + " THEN j.var_eig / j.mean_eig / j.mean_eig END";
        List<Row> cells = spark.sql("""
                SELECT r.activation, r.init, r.width, r.profile, r.sigma_b2, r.dataset, r.depth, r.multiplier,
                       count(*) AS runs, %s AS mean_eig, %s AS relative_variance,
                       %s AS input_var, min(r.input_dim) AS input_dim
                FROM jacobian j JOIN runs r ON j.run_id = r.run_id
                WHERE j.epoch = 0 AND j.mean_eig > 0
                GROUP BY r.activation, r.init, r.width, r.profile, r.sigma_b2, r.dataset, r.depth, r.multiplier
                """.formatted(OrderFreeSql.mean("j.mean_eig"), OrderFreeSql.mean(relative),
                OrderFreeSql.mean("r.input_var"))).collectAsList();
        List<Row> out = new ArrayList<>(cells.size());
        for (Row c : cells) {
            Object[] v = new Object[SCHEMA.size()];
            int measured = SCHEMA.fieldIndex("weights"); // the columns before it come from the query
            for (int i = 0; i < measured; i++) {
                v[i] = c.get(c.fieldIndex(SCHEMA.fields()[i].name()));
            }
            DynamicalIsometry.Spectrum p = predict(c);
            v[measured] = p == null ? null : weights(c.getAs("init")).name().toLowerCase(java.util.Locale.ROOT);
            v[SCHEMA.fieldIndex("predicted_log_mean_eig")] = p == null ? null : p.logMean();
            v[SCHEMA.fieldIndex("predicted_relative_variance")] = p == null || rankDeficient(c) ? null
                    : p.relativeVariance();
            out.add(RowFactory.create(v));
        }
        org.initsweep.analysis.ResultViews.publish(spark, spark.createDataFrame(out, SCHEMA).coalesce(1), dir,
                Tables.ISOMETRY);
        return true;
    }

    /**
     * Whether JJᵀ, {@code [width, width]}, has rank below its size: with fewer inputs than units
     * ({@code input_dim} &lt; width) width − input_dim of its eigenvalues are 0, which the measured relative
     * variance counts and the square-layer theory does not model (Pennington et al. 2017 take every layer
     * square). Its mean is still the product of the layers' σ_w²: the prediction of {@code mean_eig} stands.
     */
    static boolean rankDeficient(Row c) {
        return !c.isNullAt(c.fieldIndex("width")) && c.<Integer>getAs("input_dim") < c.<Integer>getAs("width");
    }

    /** Theory's spectrum for a cell, or null where it gives none. */
    static DynamicalIsometry.Spectrum predict(Row c) {
        if (c.isNullAt(c.fieldIndex("multiplier")) || c.isNullAt(c.fieldIndex("width"))) {
            return null;
        }
        InitSpec init = InitSpec.fromLabel(c.getAs("init"));
        if (init.drawsNonZeroMean()) {
            return null;
        }
        int width = c.<Integer>getAs("width");
        double m = c.<Double>getAs("multiplier");
        // along the length map's path from the runs' own q⁰ = input_var (1 for standardized features), not at q*:
        // at σ_b² = 0 a tanh net never reaches its q* = 0 within any depth swept
        DynamicalIsometry.Spectrum s = DynamicalIsometry.predictAlongPath(
                Nonlinearity.of(Activation.fromLabel(c.getAs("activation"))),
                init.effectiveMultiplier(c.<Integer>getAs("input_dim"), width, m),
                init.effectiveMultiplier(width, width, m),
                c.<Double>getAs("sigma_b2"), c.<Integer>getAs("depth"), weights(c.getAs("init")),
                c.<Double>getAs("input_var"));
        return s.status() == TheoryValue.Status.FINITE ? s : null;
    }

    private static DynamicalIsometry.Weights weights(String init) {
        return InitSpec.fromLabel(init).scheme() == InitScheme.ORTHOGONAL ? DynamicalIsometry.Weights.ORTHOGONAL
                : DynamicalIsometry.Weights.GAUSSIAN;
    }

    /**
     * One chart of the isometry table: relative variance against depth, a line per init.
     *
     * @param stem   the PNG's name without {@code .png}
     * @param title  its title
     * @param byInit one line per init label, in the table's order
     */
    public record Chart(String stem, String title, Map<String, IsometryChart.Line> byInit) {
    }

    /**
     * One chart per activation × width × σ_b² × dataset × m: relative variance against depth, a line
     * per init, from the registered {@code isometry} view (none if it is absent).
     *
     * @param local directory the PNGs are written to
     * @return the PNGs written
     */
    public static List<Path> writeCharts(SparkSession spark, Path local) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Chart chart : charts(spark)) {
            Path png = org.initsweep.analysis.ChartFileName.png(local, chart.stem());
            IsometryChart.write(chart.title(), chart.byInit(), png);
            written.add(png);
        }
        return written;
    }

    /** The charts {@link #writeCharts} draws, from the registered {@code isometry} view (none if it is absent). */
    public static List<Chart> charts(SparkSession spark) {
        if (!spark.catalog().tableExists(Tables.ISOMETRY)) {
            return List.of();
        }
        Map<String, Map<String, TreeMap<Integer, double[]>>> charts = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Row r : spark.sql("SELECT * FROM isometry WHERE width IS NOT NULL AND multiplier IS NOT NULL"
                + " ORDER BY activation, width, sigma_b2, dataset, multiplier, init, depth").collectAsList()) {
            ChartGroup g = ChartGroup.of(r);
            double m = r.<Double>getAs("multiplier");
            String stem = ChartGroup.sanitize("isometry_" + g.activation() + "_w" + g.shapeText() + "_sb" + g.sigmaB2()
                    + "_" + g.dataset() + "_m" + m);
            titles.put(stem, "Jacobian spectrum at initialization: " + g.activation() + ", " + g.shapeTitle()
                    + ", m = " + m + ", σ_b² = " + g.sigmaB2() + ", " + g.dataset());
            int ri = r.fieldIndex("predicted_relative_variance");
            int mi = r.fieldIndex("relative_variance");
            charts.computeIfAbsent(stem, k -> new LinkedHashMap<>()).computeIfAbsent(g.init(), k -> new TreeMap<>())
                    .put(r.<Integer>getAs("depth"), new double[] {r.isNullAt(mi) ? Double.NaN : r.getDouble(mi),
                        r.isNullAt(ri) ? Double.NaN : r.getDouble(ri)});
        }
        List<Chart> out = new ArrayList<>();
        for (var chart : charts.entrySet()) {
            Map<String, IsometryChart.Line> lines = new LinkedHashMap<>();
            chart.getValue().forEach((init, byDepth) -> {
                int[] depths = byDepth.keySet().stream().mapToInt(Integer::intValue).toArray();
                double[] measured = byDepth.values().stream().mapToDouble(a -> a[0]).toArray();
                double[] predicted = byDepth.values().stream().mapToDouble(a -> a[1]).toArray();
                lines.put(init, new IsometryChart.Line(depths, measured, predicted));
            });
            out.add(new Chart(chart.getKey(), titles.get(chart.getKey()), lines));
        }
        return out;
    }
}

package org.initsweep.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.chart.LayerCurve;
import org.initsweep.analysis.chart.LayerVarianceChart;
import org.initsweep.analysis.chart.LossCurveChart;

/**
 * Charts that compare init schemes side by side — the article's experiments: for every network
 * shape (activation × width × depth × σ_b² × dataset) trained with more than one init scheme, or
 * with a fixed scheme (zero, constant, identity_scaled), one cost chart and per-layer variance
 * charts at the first and last recorded epoch, one line per (init, m), seeds averaged.
 */
final class CompareCharts {

    private CompareCharts() {
    }

    private record Shape(String activation, int width, int depth, double sigmaB2, String dataset) {
        String stem() {
            return ChartWriter.sanitize(activation + "_w" + width + "_d" + depth + "_sb" + sigmaB2 + "_" + dataset);
        }

        String title() {
            return activation + ", width " + width + ", depth " + depth + ", σ_b² = " + sigmaB2 + ", " + dataset;
        }

        static Shape of(Row r) {
            return new Shape(r.getAs("activation"), r.<Integer>getAs("width"), r.<Integer>getAs("depth"),
                    r.<Double>getAs("sigma_b2"), r.getAs("dataset"));
        }
    }

    private static final String SHAPES = """
            compared AS (
              SELECT activation, width, depth, sigma_b2, dataset FROM runs
              GROUP BY activation, width, depth, sigma_b2, dataset
              HAVING count(DISTINCT init) > 1 OR max(CASE WHEN multiplier IS NULL THEN 1 ELSE 0 END) = 1)
            """;

    static String label(Row r) {
        String init = r.getAs("init");
        return r.isNullAt(r.fieldIndex("multiplier")) ? init
                : init + ", m = " + ChartWriter.trim(r.<Double>getAs("multiplier"));
    }

    static List<Path> write(SparkSession spark, Path local) throws IOException {
        List<Path> written = new ArrayList<>();
        written.addAll(costCharts(spark, local));
        written.addAll(layerCharts(spark, local));
        return written;
    }

    private static List<Path> costCharts(SparkSession spark, Path local) throws IOException {
        List<Row> rows = spark.sql("WITH " + SHAPES + """
                SELECT r.activation, r.width, r.depth, r.sigma_b2, r.dataset, r.init, r.multiplier, e.epoch,
                       avg(e.loss) AS loss
                FROM epochs e JOIN runs r ON e.run_id = r.run_id
                JOIN compared c ON r.activation = c.activation AND r.width = c.width AND r.depth = c.depth
                     AND r.sigma_b2 = c.sigma_b2 AND r.dataset = c.dataset
                GROUP BY r.activation, r.width, r.depth, r.sigma_b2, r.dataset, r.init, r.multiplier, e.epoch
                ORDER BY r.init, r.multiplier, e.epoch
                """).collectAsList();
        Map<Shape, Map<String, TreeMap<Integer, Double>>> byShape = new LinkedHashMap<>();
        for (Row r : rows) {
            byShape.computeIfAbsent(Shape.of(r), k -> new LinkedHashMap<>())
                    .computeIfAbsent(label(r), k -> new TreeMap<>()).put(r.<Integer>getAs("epoch"), r.<Double>getAs("loss"));
        }
        List<Path> written = new ArrayList<>();
        for (var e : byShape.entrySet()) {
            Map<String, double[]> lines = new LinkedHashMap<>();
            e.getValue().forEach((label, byEpoch) -> {
                double[] loss = ChartWriter.nanArray(byEpoch.lastKey() + 1);
                byEpoch.forEach((ep, v) -> loss[ep] = v);
                lines.put(label, loss);
            });
            Path png = local.resolve("compare_cost_" + e.getKey().stem() + ".png");
            LossCurveChart.write("Cost per epoch by init: " + e.getKey().title(), lines, png);
            written.add(png);
        }
        return written;
    }

    private static List<Path> layerCharts(SparkSession spark, Path local) throws IOException {
        List<Row> rows = spark.sql("WITH " + SHAPES + """
                , ends AS (SELECT min(epoch) AS first_epoch, max(epoch) AS last_epoch FROM layers)
                SELECT l.activation, l.width, l.depth, l.sigma_b2, l.dataset, l.init, l.multiplier, l.epoch, l.layer,
                       avg(l.var_a) AS var_a, avg(l.var_grad_a) AS var_grad_a
                FROM layers l
                JOIN compared c ON l.activation = c.activation AND l.width = c.width AND l.depth = c.depth
                     AND l.sigma_b2 = c.sigma_b2 AND l.dataset = c.dataset
                CROSS JOIN ends
                WHERE l.epoch = ends.first_epoch OR l.epoch = ends.last_epoch
                GROUP BY l.activation, l.width, l.depth, l.sigma_b2, l.dataset, l.init, l.multiplier, l.epoch, l.layer
                ORDER BY l.init, l.multiplier, l.layer
                """).collectAsList();
        Map<Shape, TreeMap<Integer, Map<String, double[][]>>> byShape = new LinkedHashMap<>();
        for (Row r : rows) {
            Shape shape = Shape.of(r);
            double[][] arrays = byShape.computeIfAbsent(shape, k -> new TreeMap<>())
                    .computeIfAbsent(r.<Integer>getAs("epoch"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(label(r), k -> new double[][] {
                        ChartWriter.nanArray(shape.depth() + 1), ChartWriter.nanArray(shape.depth() + 1)});
            int l = r.<Integer>getAs("layer");
            arrays[0][l - 1] = r.<Double>getAs("var_a");
            // The output unit's ∂J/∂a (a saturated sigmoid's can reach 1e22) is not the signal the
            // hidden layers pass back; the backward panel shows hidden layers only.
            arrays[1][l - 1] = l <= r.<Integer>getAs("depth") ? r.<Double>getAs("var_grad_a") : Double.NaN;
        }
        List<Path> written = new ArrayList<>();
        for (var e : byShape.entrySet()) {
            for (var byEpoch : e.getValue().entrySet()) {
                List<LayerCurve> lines = new ArrayList<>();
                byEpoch.getValue().forEach((label, a) ->
                        lines.add(new LayerCurve(Double.NaN, byEpoch.getKey(), a[0], a[1], null, null, label)));
                Path png = local.resolve("compare_layers_" + e.getKey().stem() + "_epoch" + byEpoch.getKey() + ".png");
                LayerVarianceChart.write("Per-layer variance by init, epoch " + byEpoch.getKey() + ": "
                        + e.getKey().title(), lines, png);
                written.add(png);
            }
        }
        return written;
    }
}

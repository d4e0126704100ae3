package org.initsweep.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Theory's dashed lines beside each chart group's deepest curves at initialization, from {@code growth/}: the
 * source of the PNG layer charts and the report (the compare charts join {@code growth/} in their own query),
 * so that all draw the prediction for the runs' own inputs (their dimension and second moment
 * {@code input_var}, their output units).
 */
public final class PredictedCurves {

    private PredictedCurves() {
    }

    /** The key of a fixed scheme's one line (no multiplier) among the predicted curves keyed by m. */
    public static final double FIXED = Double.NaN;

    /**
     * The mean-field prediction of Var(a) and Var(∂J/∂a) per layer at initialization and the
     * finite-width spread of ln Var(a) ({@code growth/} columns {@code predicted_var_a},
     * {@code predicted_var_grad_a}, {@code predicted_ln_var_a_sd}, where the analysis wrote them), seeds
     * averaged, for each group's deepest networks.
     *
     * @param spark   a session with the sweep's views registered
     * @param deepest each group's deepest runs ({@link RunIndex#deepest}), whose {@code growth/} rows are read by id
     *                and averaged here ({@link OrderFreeSql#mean(java.util.Collection)})
     * @return per group, per m ({@link #FIXED} for a fixed scheme), {predicted Var(a), Var(∂J/∂a), sd of ln Var(a)}
     *         over layers 1..L+1 ({@code [L + 1]} each, NaN where {@code growth/} has none); empty without
     *         {@code growth/} or its prediction columns
     */
    public static Map<ChartGroup, TreeMap<Double, double[][]>> read(SparkSession spark, List<RunIndex.Run> deepest) {
        Map<ChartGroup, TreeMap<Double, double[][]>> out = new LinkedHashMap<>();
        List<String> cols;
        try {
            cols = List.of(spark.table("growth").columns());
        } catch (RuntimeException e) {
            return out;
        }
        if (!cols.containsAll(List.of("predicted_var_a", "predicted_var_grad_a", "sigma_b2", "dataset"))) {
            return out;
        }
        Map<String, RunIndex.Run> byId = new java.util.HashMap<>();
        deepest.forEach(r -> byId.put(r.runId(), r));
        record Point(ChartGroup group, int depth, Double multiplier, int layer) {
        }
        Map<Point, List<List<Double>>> values = new LinkedHashMap<>();
        String spread = cols.contains("predicted_ln_var_a_sd") ? "predicted_ln_var_a_sd" : "CAST(NULL AS DOUBLE)";
        for (Row r : RunIndex.rows(spark, "growth", deepest, "run_id", "layer", "predicted_var_a",
                "predicted_var_grad_a", spread)) {
            if (r.isNullAt(2)) {
                continue;
            }
            RunIndex.Run run = byId.get(r.getString(0));
            List<List<Double>> v = values.computeIfAbsent(new Point(run.group(), run.depth(), run.multiplier(),
                    r.getInt(1)), k -> List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                            new java.util.ArrayList<>()));
            for (int i = 0; i < 3; i++) {
                v.get(i).add(r.isNullAt(2 + i) ? null : r.getDouble(2 + i));
            }
        }
        values.forEach((p, v) -> {
            int depth = p.depth();
            int l = p.layer();
            if (l < 1 || l > depth + 1) {
                return;
            }
            double[][] a = out.computeIfAbsent(p.group(), k -> new TreeMap<>()).computeIfAbsent(
                    p.multiplier() == null ? FIXED : p.multiplier(),
                    k -> new double[][] {ChartWriter.nanArray(depth + 1), ChartWriter.nanArray(depth + 1),
                            ChartWriter.nanArray(depth + 1)});
            for (int i = 0; i < 3; i++) {
                Double mean = OrderFreeSql.mean(v.get(i));
                a[i][l - 1] = mean == null ? Double.NaN : mean;
            }
        });
        return out;
    }

    /**
     * Theory's per-layer curves for one line of a {@code layers_*} chart (Var(a), Var(∂J/∂a) anchored at the
     * measured layer L, the finite-width spread of ln Var(a)) at initialization, as {@code growth/} has them
     * for the runs' own inputs ({@link DeepestCurves.Reading#predicted()}), or nulls.
     *
     * @param byM   the group's predicted curves per m ({@code predicted().get(group)}), or null
     * @param m     the line's multiplier, null for a fixed scheme
     * @param epoch the chart's epoch: theory only at 0
     * @return {Var(a), Var(∂J/∂a), sd of ln Var(a)} over layers 1..L+1, each null where there is none (the
     *         output layer NaN in the second)
     */
    public static double[][] forLine(Map<Double, double[][]> byM, Double m, int epoch) {
        double[][] theory = epoch != 0 || byM == null ? null : byM.get(m == null ? FIXED : m);
        if (theory == null) {
            return new double[][] {null, null, null};
        }
        boolean spread = m != null && java.util.Arrays.stream(theory[2]).anyMatch(Double::isFinite);
        double[] grad = theory[1].clone();
        grad[grad.length - 1] = Double.NaN; // the output layer's ∂J/∂a is the cost's, not a hidden layer's
        return new double[][] {theory[0], grad, spread ? theory[2] : null};
    }
}

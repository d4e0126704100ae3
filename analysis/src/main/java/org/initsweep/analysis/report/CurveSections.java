package org.initsweep.analysis.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.ChartGroup;
import org.initsweep.analysis.DeepestCurves;
import org.initsweep.analysis.TrainingSetting;

/**
 * The report's curves of each chart group's deepest networks ({@link DeepestCurves}): per-layer Var(a)
 * and Var(∂J/∂a) beside the mean-field prediction at initialization, and the cost and accuracy per epoch.
 */
final class CurveSections {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CurveSections() {
    }

    static Map<ChartGroup, ObjectNode> layers(SparkSession spark, Set<String> pngs, DeepestCurves.Reading reading) {
        Map<ChartGroup, Integer> depthOf = new LinkedHashMap<>();
        Map<ChartGroup, DeepestCurves.Curves> curves = reading.curves();
        curves.forEach((g, c) -> depthOf.put(g, c.depth()));
        Map<ChartGroup, TreeMap<Double, double[][]>> predicted = predictedVariance(spark, depthOf);
        Map<ChartGroup, ObjectNode> out = new LinkedHashMap<>();
        for (var e : curves.entrySet()) {
            ChartGroup g = e.getKey();
            int depth = depthOf.get(g);
            ObjectNode node = F.objectNode();
            node.put("depth", depth);
            ArrayNode epochs = node.putArray("epochs");
            int first = e.getValue().byEpoch().firstKey();
            List<TrainingSetting> settings = e.getValue().namesSettings() ? e.getValue().settings() : null;
            for (var byEpoch : e.getValue().byEpoch().entrySet()) {
                ObjectNode ep = epochs.addObject();
                ep.put("epoch", byEpoch.getKey());
                org.initsweep.analysis.JsonFields.putPng(ep, "png", "layers_" + g.fileStem() + "_d" + depth + "_epoch" + byEpoch.getKey() + ".png", pngs);
                if (settings != null) {
                    ArrayNode missing = ep.putArray("missing_settings");
                    e.getValue().missing(byEpoch.getKey()).forEach(s -> missing.add(s.label()));
                }
                ArrayNode series = ep.putArray("series");
                for (var byM : byEpoch.getValue().entrySet()) {
                    ObjectNode s = series.addObject();
                    putLine(s, byM.getKey(), settings);
                    s.set("var_a", ReportData.numbers(byM.getValue()[0]));
                    s.set("var_grad_a", ReportData.numbers(byM.getValue()[1]));
                    Double m = byM.getKey().multiplier();
                    double[][] theory = predicted.getOrDefault(g, new TreeMap<>()).get(m == null ? FIXED : m);
                    if (byEpoch.getKey() == first && first == 0 && theory != null) {
                        s.set("predicted_var_a", ReportData.numbers(theory[0]));
                        s.set("predicted_var_grad_a", ReportData.numbers(theory[1]));
                        s.set("ln_var_a_sd", ReportData.numbers(theory[2]));
                    }
                }
            }
            out.put(g, node);
        }
        return out;
    }

    /** The key of a fixed scheme's one line (no multiplier) among the predicted curves keyed by m. */
    private static final double FIXED = Double.NaN;

    /**
     * The mean-field prediction of Var(a) and Var(∂J/∂a) per layer at initialization and the
     * finite-width spread of ln Var(a) ({@code growth/} columns {@code predicted_var_a},
     * {@code predicted_var_grad_a}, {@code predicted_ln_var_a_sd}, where the analysis wrote them), seeds
     * averaged, for each group's deepest networks.
     */
    private static Map<ChartGroup, TreeMap<Double, double[][]>> predictedVariance(SparkSession spark,
            Map<ChartGroup, Integer> depthOf) {
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
        String spread = cols.contains("predicted_ln_var_a_sd") ? "avg(predicted_ln_var_a_sd)" : "CAST(NULL AS DOUBLE)";
        List<Row> rows = spark.sql("""
                SELECT activation, init, width, profile, sigma_b2, dataset, depth, multiplier, layer,
                       avg(predicted_var_a) AS predicted_var_a, avg(predicted_var_grad_a) AS predicted_var_grad_a,
                       %s AS ln_var_a_sd
                FROM growth WHERE predicted_var_a IS NOT NULL
                GROUP BY activation, init, width, profile, sigma_b2, dataset, depth, multiplier, layer
                """.formatted(spread)).collectAsList();
        for (Row r : rows) {
            ChartGroup g = ChartGroup.of(r);
            Integer depth = depthOf.get(g);
            int l = r.<Integer>getAs("layer");
            if (depth == null || depth != r.<Integer>getAs("depth") || l < 1 || l > depth + 1) {
                continue;
            }
            double[][] a = out.computeIfAbsent(g, k -> new TreeMap<>()).computeIfAbsent(
                    r.isNullAt(r.fieldIndex("multiplier")) ? FIXED : r.<Double>getAs("multiplier"),
                    k -> new double[][] {nan(depth + 1), nan(depth + 1), nan(depth + 1)});
            a[0][l - 1] = r.isNullAt(r.fieldIndex("predicted_var_a")) ? Double.NaN : r.<Double>getAs("predicted_var_a");
            a[1][l - 1] = r.isNullAt(r.fieldIndex("predicted_var_grad_a")) ? Double.NaN
                    : r.<Double>getAs("predicted_var_grad_a");
            a[2][l - 1] = r.isNullAt(r.fieldIndex("ln_var_a_sd")) ? Double.NaN : r.<Double>getAs("ln_var_a_sd");
        }
        return out;
    }

    static Map<ChartGroup, ObjectNode> costs(Set<String> pngs, DeepestCurves.Reading reading) {
        Map<ChartGroup, ObjectNode> out = new LinkedHashMap<>();
        for (var e : reading.costs().entrySet()) {
            ChartGroup g = e.getKey();
            int depth = e.getValue().depth();
            ObjectNode node = F.objectNode();
            node.put("depth", depth);
            org.initsweep.analysis.JsonFields.putPng(node, "png", "cost_" + g.fileStem() + "_d" + depth + ".png", pngs);
            ArrayNode series = node.putArray("series");
            List<TrainingSetting> all = DeepestCurves.settings(e.getValue().byLine().keySet());
            List<TrainingSetting> settings = all.size() > 1 ? all : null;
            for (DeepestCurves.Line line : e.getValue().byLine().keySet()) {
                ObjectNode s = series.addObject();
                putLine(s, line, settings);
                double[][] mean = e.getValue().mean(line); // over every seed, or a gap
                s.set("loss", ReportData.numbers(mean[0]));
                s.set("accuracy", ReportData.numbers(mean[1]));
                s.put("seeds", e.getValue().byLine().get(line).size());
                s.put("diverged", e.getValue().diverged(line));
            }
            out.put(g, node);
        }
        return out;
    }

    /**
     * A line's multiplier {@code m}; where the group has several training {@code settings} (else null), the
     * line's ({@code setting}, e.g. {@code adam η = 0.001}) and its index among them ({@code setting_index}:
     * the page dashes lines by it, the same in every chart of the group).
     */
    private static void putLine(ObjectNode s, DeepestCurves.Line line, List<TrainingSetting> settings) {
        s.put("m", line.multiplier());
        if (settings != null && line.setting() != null) {
            s.put("setting", line.setting().label());
            s.put("setting_index", settings.indexOf(line.setting()));
        }
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}

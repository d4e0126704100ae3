package org.initsweep.analysis.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.ChartGroup;
import org.initsweep.analysis.DeepestCurves;
import org.initsweep.analysis.PredictedCurves;
import org.initsweep.analysis.TrainingSetting;

/**
 * The report's curves of each chart group's deepest networks ({@link DeepestCurves}): per-layer Var(a)
 * and Var(∂J/∂a) beside the mean-field prediction at initialization, and the cost and accuracy per epoch.
 */
final class CurveSections {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CurveSections() {
    }

    static Map<ChartGroup, ObjectNode> layers(Set<String> pngs, DeepestCurves.Reading reading) {
        Map<ChartGroup, DeepestCurves.Curves> curves = reading.curves();
        Map<ChartGroup, TreeMap<Double, double[][]>> predicted = reading.predicted();
        Map<ChartGroup, ObjectNode> out = new LinkedHashMap<>();
        for (var e : curves.entrySet()) {
            ChartGroup g = e.getKey();
            int depth = e.getValue().depth();
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
                    double[][] theory = predicted.getOrDefault(g, new TreeMap<>())
                            .get(m == null ? PredictedCurves.FIXED : m);
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
}

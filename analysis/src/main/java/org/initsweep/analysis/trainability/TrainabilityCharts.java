package org.initsweep.analysis.trainability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.initsweep.analysis.NumberText;
import org.initsweep.analysis.TrainingSetting;
import org.initsweep.analysis.chart.LearningCurveChart;
import org.initsweep.analysis.chart.TrainabilityHeatmapChart;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.theory.CriticalLine;
import org.initsweep.core.theory.MeanField;
import org.initsweep.core.theory.Nonlinearity;

/**
 * The trainability charts of a sweep, per chart group (every key column but depth and multiplier):
 * {@code trainability_<group>.png}, the heatmap of the judged accuracy (test, or train with
 * {@code "target_split": "train"}) over m × depth with the critical line and the 6·ξ_c curve
 * ({@link TrainabilityHeatmapChart}), and {@code learning_<group>.png}, the mean judged accuracy per
 * epoch of each multiplier at the deepest depth where any cell trained (else the deepest), labelled
 * with theory's regime ({@link LearningCurveChart}).
 */
public final class TrainabilityCharts {

    /** Most lines on a learning-curve chart. */
    static final int MAX_CURVES = 8;

    private TrainabilityCharts() {
    }

    /**
     * @param result what {@link TrainabilityAnalysis#run} found
     * @param local  a local folder to draw into
     * @return the PNG files written
     * @throws IOException if a PNG cannot be written
     */
    public static List<Path> write(TrainabilityAnalysis.Result result, Path local) throws IOException {
        List<String> keys = TrainabilityAnalysis.KEYS;
        int depthAt = keys.indexOf("depth");
        int mAt = keys.indexOf("multiplier");
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < result.cells().size(); i++) {
            List<Object> key = result.cells().get(i).cell();
            if (key.get(mAt) == null) {
                continue;
            }
            List<Object> g = new ArrayList<>(key);
            g.set(depthAt, null);
            g.set(mAt, null);
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
        }
        List<Path> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Integer>> e : groups.entrySet()) {
            Map<String, Object> k = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                k.put(keys.get(i), e.getKey().get(i));
            }
            String activation = (String) k.get("activation");
            String init = (String) k.get("init");
            Integer width = (Integer) k.get("width");
            double sigmaB2 = (Double) k.get("sigma_b2");
            TrainingSetting setting = new TrainingSetting((String) k.get("optimizer"), (Double) k.get("learning_rate"));
            String title = activation + ", " + init + ", " + (width == null ? "profile " + k.get("profile") : "width " + width)
                    + ", σ_b² = " + sigmaB2 + ", " + k.get("dataset") + ", " + setting.label();
            String profile = (String) k.get("profile");
            String stem = stem(activation, init, width, profile, sigmaB2, (String) k.get("dataset"), setting);

            List<TrainabilityHeatmapChart.Cell> cells = new ArrayList<>();
            for (int i : e.getValue()) {
                CellResult c = result.cells().get(i);
                cells.add(new TrainabilityHeatmapChart.Cell((Integer) c.cell().get(depthAt), (Double) c.cell().get(mAt),
                        c.judgedAccuracy()));
            }
            double criticalM = criticalMultiplier(activation, init, width, profile, sigmaB2);
            Path heat = org.initsweep.analysis.ChartFileName.png(local, "trainability_" + stem);
            String accuracy = result.split().accuracyLabel();
            TrainabilityHeatmapChart.write(Character.toUpperCase(accuracy.charAt(0)) + accuracy.substring(1) + ": " + title,
                    cells, criticalM, m -> {
                        Double b = TheoryColumns.of(activation, init, width, profile, m, sigmaB2).bound();
                        return b == null ? Double.NaN : b;
                    }, org.initsweep.analysis.ChartGroup.multiplierUnit(init, width, profile), accuracy, heat);
            out.add(heat);

            int depth = learningDepth(result, e.getValue(), depthAt);
            TreeMap<Double, double[]> byM = new TreeMap<>();
            Map<Double, TheoryColumns> theoryByM = new LinkedHashMap<>();
            for (int i : e.getValue()) {
                CellResult c = result.cells().get(i);
                if ((Integer) c.cell().get(depthAt) == depth) {
                    byM.put((Double) c.cell().get(mAt), c.meanCurve());
                    theoryByM.put((Double) c.cell().get(mAt), result.theory().get(i));
                }
            }
            Map<String, double[]> curves = new LinkedHashMap<>();
            List<Double> ms = new ArrayList<>(byM.keySet());
            for (int j = 0; j < Math.min(MAX_CURVES, ms.size()); j++) {
                double m = ms.size() <= MAX_CURVES ? ms.get(j)
                        : ms.get((int) Math.round(j * (ms.size() - 1) / (double) (MAX_CURVES - 1)));
                TheoryColumns t = theoryByM.get(m);
                String regime = t.sigmaW2() == null ? "no single σ_w²" : t.chi1() == null ? "no fixed point"
                        : MeanField.regimeOf(t.chi1(), MeanField.DEFAULT_REGIME_TOL).name().toLowerCase(Locale.ROOT)
                                + String.format(Locale.ROOT, ", χ₁ = %.3g", t.chi1());
                curves.put("m = " + NumberText.of(m) + " (" + regime + ")", byM.get(m));
            }
            Path learn = org.initsweep.analysis.ChartFileName.png(local, "learning_" + stem);
            double target = result.cells().get(e.getValue().get(0)).target();
            LearningCurveChart.write("Learning curves at depth " + depth + ": " + title, curves, target, accuracy, learn);
            out.add(learn);
        }
        return out;
    }

    /** The deepest depth at which some cell of the group trained, else the deepest depth. */
    private static int learningDepth(TrainabilityAnalysis.Result result, List<Integer> cells, int depthAt) {
        int deepest = Integer.MIN_VALUE;
        int trained = Integer.MIN_VALUE;
        for (int i : cells) {
            CellResult c = result.cells().get(i);
            int d = (Integer) c.cell().get(depthAt);
            deepest = Math.max(deepest, d);
            if (c.trained()) {
                trained = Math.max(trained, d);
            }
        }
        return trained == Integer.MIN_VALUE ? deepest : trained;
    }

    /**
     * The sweep multiplier where χ₁ = 1 for this scheme: at equal fans for a constant width, at the shared
     * σ_w² of a profile's hidden layers ({@link org.initsweep.analysis.ChartGroup#multiplierUnit(String, Integer,
     * String)}); NaN if none.
     */
    static double criticalMultiplier(String activation, String init, Integer width, String profile, double sigmaB2) {
        var sw2 = CriticalLine.sigmaW2(Nonlinearity.of(Activation.fromLabel(activation)), sigmaB2);
        return sw2.isPresent()
                ? org.initsweep.analysis.ChartGroup.multiplierAt(init, width, profile, sw2.getAsDouble()) : Double.NaN;
    }

    /**
     * The part of a group's chart names after {@code trainability_} / {@code learning_}: the group's stem as
     * every other chart names it ({@link org.initsweep.analysis.ChartGroup#fileStem}, a profile as
     * {@code w64-32-16}), then the training setting, e.g. {@code tanh_lecun_normal_w16_sb0.05_digits_sgd_lr0.0001};
     * the report finds the charts by it.
     */
    static String stem(String activation, String init, Integer width, String profile, double sigmaB2, String dataset,
                       TrainingSetting setting) {
        return new org.initsweep.analysis.ChartGroup(activation, init, width, profile, sigmaB2, dataset).fileStem()
                + "_" + org.initsweep.analysis.ChartGroup.sanitize(setting.fileText());
    }
}

package org.initsweep.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.chart.LayerCurve;
import org.initsweep.analysis.chart.LayerVarianceChart;
import org.initsweep.analysis.chart.LossCurveChart;
import org.initsweep.analysis.chart.RegimeHeatmapChart;
import org.initsweep.analysis.chart.RegionCell;
import org.initsweep.core.regime.Regime;
import org.initsweep.core.theory.NetworkPrediction;

/**
 * Chooses what to chart from the analyzed views and writes the PNGs under {@code charts/}: per
 * chart group (activation × init × width × σ_b² × dataset) a regime heatmap over depth × m, the
 * per-layer variance curves of the deepest networks at the first and last recorded epoch, and
 * their cost curves. Charts are drawn on the driver's local disk, then copied to the output
 * directory's file system (which may be HDFS or S3 on a cluster).
 */
final class ChartWriter {

    /** Multipliers shown on per-layer charts: the ones nearest these (in log m). */
    private static final double[] CURVE_TARGETS = {0.25, 0.5, 1, 2, 4};

    private ChartWriter() {
    }

    static List<String> writeAll(SparkSession spark, String dir, List<Row> regions, DeepestCurves.Reading curves,
            RealDatasets datasets) throws IOException {
        // each chart drawn beside the queries that gather the next ones' data
        return ChartPublisher.drawAndPublish(spark, dir, "initsweep-charts",
                local -> drawAll(spark, local, regions, curves, datasets));
    }

    private static List<java.nio.file.Path> drawAll(SparkSession spark, java.nio.file.Path local, List<Row> regions,
            DeepestCurves.Reading curves, RealDatasets datasets) throws IOException {
        Map<ChartGroup, List<RegionCell>> heatmaps = new LinkedHashMap<>();
        // one analysis, one rule: every row of regions/ carries the same D
        double decades = regions.isEmpty() ? Double.NaN : regions.get(0).<Double>getAs("decades");
        for (Row r : regions) {
            if (r.isNullAt(r.fieldIndex("multiplier"))) {
                continue;
            }
            heatmaps.computeIfAbsent(ChartGroup.of(r), g -> new ArrayList<>()).add(new RegionCell(
                    r.<Integer>getAs("depth"), r.<Double>getAs("multiplier"),
                    Regime.fromLabel(r.<String>getAs("regime")),
                    r.<Double>getAs("forward_rate"), r.<Double>getAs("backward_rate"),
                    (int) (long) r.<Long>getAs("runs")));
        }
        List<java.nio.file.Path> written = new ArrayList<>();
        for (var e : heatmaps.entrySet()) {
            ChartGroup g = e.getKey();
            java.nio.file.Path png = ChartFileName.png(local, "regime_" + g.fileStem());
            RegimeHeatmapChart.write("Regime at initialization: " + g.title(), e.getValue(),
                    predictedCriticalMultiplier(g, e.getValue().stream().mapToInt(RegionCell::depth).max().orElse(1)),
                    decades, g.multiplierUnit(), png);
            written.add(png);
        }
        written.addAll(layerAndLossCharts(spark, local, curves));
        written.addAll(CompareCharts.write(spark, local, curves));
        written.addAll(RunCharts.write(spark, local, curves.runs(), datasets));
        written.addAll(org.initsweep.analysis.isometry.IsometryAnalysis.writeCharts(spark, local));
        written.addAll(org.initsweep.analysis.compare.InitComparison.writeCharts(spark, local));
        return written;
    }

    /**
     * The sweep multiplier at which mean-field theory puts χ₁ = 1 for this group's activation, init
     * scheme and σ_b² (NaN for fixed schemes).
     */
    static double predictedCriticalMultiplier(ChartGroup g, int depth) {
        return RunProfile.predict(g.activation(), g.init(), 1.0, g.sigmaB2(), RunProfile.units(g, depth), 1.0)
                .map(NetworkPrediction::criticalM).orElse(Double.NaN);
    }

    private static List<java.nio.file.Path> layerAndLossCharts(SparkSession spark, java.nio.file.Path local,
            DeepestCurves.Reading curves) throws IOException {
        List<java.nio.file.Path> written = new ArrayList<>();
        for (var e : curves.curves().entrySet()) {
            ChartGroup g = e.getKey();
            int depth = e.getValue().depth();
            for (var byEpoch : e.getValue().byEpoch().entrySet()) {
                int epoch = byEpoch.getKey();
                Map<DeepestCurves.Line, double[][]> shown = shownLines(byEpoch.getValue());
                // named even where one setting is left (the others' runs all diverged): never read as their mean
                boolean settings = e.getValue().namesSettings() && !DeepestCurves.settings(shown.keySet()).isEmpty();
                List<LayerCurve> lines = new ArrayList<>();
                shown.forEach((line, a) -> {
                    double[][] theory = PredictedCurves.forLine(curves.predicted().get(g), line.multiplier(), epoch);
                    boolean fixed = line.multiplier() == null;
                    lines.add(new LayerCurve(fixed ? Double.NaN : line.multiplier(), epoch, a[0], a[1], theory[0], theory[1],
                            settings || fixed ? line.label(settings) : null, theory[2]));
                });
                java.nio.file.Path png = ChartFileName.png(local, "layers_" + g.fileStem() + "_d" + depth
                        + "_epoch" + epoch);
                LayerVarianceChart.write("Per-layer variance, depth " + depth + ", epoch " + epoch
                        + ": " + g.title(), lines, settings ? styles(shown.keySet(), e.getValue().settings()) : null, png);
                written.add(png);
            }
        }
        written.addAll(lossCharts(local, curves));
        return written;
    }

    private static List<java.nio.file.Path> lossCharts(java.nio.file.Path local,
            DeepestCurves.Reading curves) throws IOException {
        List<java.nio.file.Path> written = new ArrayList<>();
        Map<String, Integer> classes = curves.classes();
        for (var e : curves.costs().entrySet()) {
            ChartGroup g = e.getKey();
            Map<DeepestCurves.Line, List<DeepestCurves.RunCost>> shown = shownLines(e.getValue().byLine());
            boolean settings = DeepestCurves.settings(shown.keySet()).size() > 1;
            Map<String, List<org.initsweep.analysis.chart.SeedCost>> lines = new LinkedHashMap<>();
            shown.forEach((line, runs) -> lines.put(line.label(settings), runs.stream()
                    .map(r -> new org.initsweep.analysis.chart.SeedCost(r.seed(), r.loss(), r.diverged())).toList()));
            int depth = e.getValue().depth();
            java.nio.file.Path png = ChartFileName.png(local, "cost_" + g.fileStem() + "_d" + depth);
            LossCurveChart.writeSeeds("Cost per epoch, depth " + depth + ": " + g.title(), lines,
                    settings ? styles(shown.keySet(), DeepestCurves.settings(shown.keySet())) : null,
                    classes.getOrDefault(g.dataset(), 2), png);
            written.add(png);
        }
        return written;
    }

    /** The lines of {@link #pickMultipliers}' multipliers (a fixed scheme's always), every setting of each, in line order. */
    static <V> Map<DeepestCurves.Line, V> shownLines(Map<DeepestCurves.Line, V> lines) {
        TreeSet<Double> picked = pickMultipliers(lines.keySet().stream().map(DeepestCurves.Line::multiplier)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        Map<DeepestCurves.Line, V> out = new java.util.TreeMap<>();
        lines.forEach((line, v) -> {
            if (line.multiplier() == null || picked.contains(line.multiplier())) {
                out.put(line, v);
            }
        });
        return out;
    }

    /**
     * Line styles when lines differ in training setting: colour by multiplier, dashes (or marker shapes) by
     * the setting's index in {@code settings} (the group's, so a setting keeps its dashes from chart to
     * chart), keyed by {@link DeepestCurves.Line#label(boolean) label(true)}.
     */
    static Map<String, org.initsweep.analysis.chart.LineStyle> styles(java.util.Collection<DeepestCurves.Line> lines,
            List<TrainingSetting> settings) {
        List<Double> ms = lines.stream().map(DeepestCurves.Line::multiplier).distinct()
                .sorted(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).toList();
        Map<String, org.initsweep.analysis.chart.LineStyle> out = new LinkedHashMap<>();
        for (DeepestCurves.Line line : lines) {
            out.put(line.label(true), new org.initsweep.analysis.chart.LineStyle(ms.indexOf(line.multiplier()),
                    ms.size(), Math.max(0, settings.indexOf(line.setting()))));
        }
        return out;
    }

    /** Up to five multipliers, the nearest (in log m) to 0.25, 0.5, 1, 2 and 4. */
    static TreeSet<Double> pickMultipliers(java.util.Set<Double> available) {
        TreeSet<Double> picked = new TreeSet<>();
        for (double target : CURVE_TARGETS) {
            double best = Double.NaN;
            for (double m : available) {
                if (Double.isNaN(best) || Math.abs(Math.log(m / target)) < Math.abs(Math.log(best / target))) {
                    best = m;
                }
            }
            if (!Double.isNaN(best)) {
                picked.add(best);
            }
        }
        return picked;
    }

    static double[] nanArray(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    static String sanitize(String s) {
        return ChartGroup.sanitize(s);
    }
}

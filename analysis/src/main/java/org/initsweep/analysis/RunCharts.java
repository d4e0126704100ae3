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
import org.initsweep.analysis.chart.ActivationHistogramChart;
import org.initsweep.analysis.chart.BoundaryGrid;
import org.initsweep.analysis.chart.ClassRegionChart;
import org.initsweep.analysis.chart.ClassRegions;
import org.initsweep.analysis.chart.DecisionBoundaryChart;
import org.initsweep.analysis.chart.LayerHistogram;
import org.initsweep.core.UserInputException;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.data.LabeledData;
import org.initsweep.core.data.LoadedDataset;
import org.initsweep.core.data.Preprocessing;
import org.initsweep.core.train.RunDatasets;

/**
 * Charts of single runs, drawn when the spec asked for the outputs behind them: the decision
 * boundary of every run on a 2-D dataset (with its training points, drawn again from the seed or read again
 * from the dataset's files, split and preprocessed as the run's were)
 * and the activation histograms of every run at each recorded epoch.
 */
final class RunCharts {

    /** Runs drawn at most per kind of chart: a safety net for large sweeps that asked for these. */
    static final int MAX_RUNS = 200;

    private RunCharts() {
    }

    static List<Path> write(SparkSession spark, Path local, RunIndex runs, RealDatasets datasets) throws IOException {
        List<Path> written = new ArrayList<>();
        Naming naming = new Naming(runs.variesSigmaB2(), runs.variesSetting());
        if (spark.catalog().tableExists("boundaries")) {
            written.addAll(boundaries(spark, local, naming, datasets));
        }
        if (spark.catalog().tableExists("histograms")) {
            written.addAll(histograms(spark, local, naming));
        }
        return written;
    }

    /**
     * Names a run's charts: activation, init, m, width, depth, dataset and seed, then σ_b² and the
     * training setting where the sweep has several of them (two runs' charts must never share a file).
     */
    record Naming(boolean sigmaB2, boolean setting) {

        /** E.g. {@code tanh_lecun_normal_m1_w8_d3_gaussian_s1}, then {@code _sb0.05}, {@code _sgd_lr0.5}. */
        String stem(Row r) {
            String m = r.isNullAt(r.fieldIndex("multiplier")) ? "" : "_m" + NumberText.of(r.<Double>getAs("multiplier"));
            return ChartWriter.sanitize(r.<String>getAs("activation") + "_" + r.<String>getAs("init") + m + "_w"
                    + ChartGroup.of(r).shapeText() + "_d" + r.<Integer>getAs("depth") + "_" + r.<String>getAs("dataset")
                    + "_s" + r.<Long>getAs("seed") + (sigmaB2 ? "_sb" + r.<Double>getAs("sigma_b2") : "")
                    + (setting ? "_" + TrainingSetting.of(r).fileText() : ""));
        }

        String title(Row r) {
            String m = r.isNullAt(r.fieldIndex("multiplier")) ? "" : ", m = " + NumberText.of(r.<Double>getAs("multiplier"));
            return r.<String>getAs("activation") + ", " + r.<String>getAs("init") + m + ", " + ChartGroup.of(r).shapeTitle()
                    + ", depth " + r.<Integer>getAs("depth") + ", " + r.<String>getAs("dataset") + ", seed "
                    + r.<Long>getAs("seed") + (sigmaB2 ? ", \u03c3_b\u00b2 = " + r.<Double>getAs("sigma_b2") : "")
                    + (setting ? ", " + TrainingSetting.of(r).label() : "");
        }
    }

    /**
     * The first {@link #MAX_RUNS} runs (in {@code runOrder}) that have rows in {@code table}, each with
     * its rows of {@code columns} in {@code rowOrder} (run_id appended as the last column): one read of the table
     * for all of them ({@link RunIndex#rowsById}), not one per run, sorted here ({@link SqlOrder}) rather than by
     * a sort in the query.
     */
    private static Map<Row, List<Row>> runsWithRows(SparkSession spark, String table, String runOrder,
            String columns, String rowOrder) {
        List<Row> runs = spark.sql("SELECT r.* FROM runs r WHERE r.run_id IN (SELECT DISTINCT run_id FROM " + table
                + ") ORDER BY " + runOrder).takeAsList(MAX_RUNS);
        Map<Row, List<Row>> out = new LinkedHashMap<>();
        if (runs.isEmpty()) {
            return out;
        }
        List<String> ids = runs.stream().map(r -> r.<String>getAs("run_id")).toList();
        java.util.Comparator<Row> order = SqlOrder.ascending(rowOrder.split(",\\s*"));
        Map<String, List<Row>> byRun = new java.util.HashMap<>();
        for (Row row : RunIndex.rowsById(spark, table, ids, (columns + ", run_id").split(",\\s*"))) {
            byRun.computeIfAbsent(row.<String>getAs("run_id"), k -> new ArrayList<>()).add(row);
        }
        for (List<Row> rows : byRun.values()) {
            rows.sort(order);
        }
        for (Row run : runs) {
            out.put(run, byRun.getOrDefault(run.<String>getAs("run_id"), List.of()));
        }
        return out;
    }

    private static List<Path> boundaries(SparkSession spark, Path local, Naming naming, RealDatasets datasets)
            throws IOException {
        List<Path> written = new ArrayList<>();
        Map<String, Object> read = new java.util.HashMap<>();
        // a sweep of an engine before class regions has no predicted_class: its runs are all of two classes
        boolean regions = java.util.Arrays.asList(spark.table("boundaries").columns()).contains("predicted_class");
        for (var entry : runsWithRows(spark, "boundaries", "r.dataset, r.init, r.multiplier, r.seed",
                "i1, i2, x1, p" + (regions ? ", predicted_class, confidence" : ""), "i2, i1").entrySet()) {
            Row run = entry.getKey();
            List<Row> cells = entry.getValue();
            int steps = (int) Math.round(Math.sqrt(cells.size()));
            if (steps * steps != cells.size() || steps < 2) {
                continue;
            }
            double cell = cells.get(1).<Double>getAs("x1") - cells.get(0).<Double>getAs("x1");
            double min = cells.get(0).<Double>getAs("x1") - cell / 2;
            Points points = trainingPoints(run, datasets, read);
            LabeledData train = points.train();
            float[] x = train == null ? new float[0] : train.x();
            int[] y = train == null ? new int[0] : java.util.Arrays.copyOf(train.y(), train.samples());
            String note = train == null ? "training points not drawn: dataset " + run.getAs("dataset") + " "
                    + points.missing() : "points: the " + train.samples() + " training examples the run trained on";
            Path png = ChartFileName.png(local, "boundary_" + naming.stem(run));
            String title = "Decision boundary after " + run.<Integer>getAs("epochs") + " epochs: " + naming.title(run);
            int classes = run.<Integer>getAs("classes");
            boolean generated = DatasetKind.fromSpecName(run.getAs("dataset")).isPresent();
            if (classes > 2 && !regions) {
                continue; // an older engine's table: it records no classes to draw
            }
            if (classes > 2) {
                int[] predicted = new int[cells.size()];
                double[] confidence = new double[cells.size()];
                for (int i = 0; i < predicted.length; i++) {
                    Row c = cells.get(i);
                    predicted[i] = c.isNullAt(c.fieldIndex("predicted_class")) ? -1
                            : c.<Integer>getAs("predicted_class");
                    confidence[i] = c.<Double>getAs("confidence");
                }
                ClassRegionChart.write(title.replace("Decision boundary", "Class regions"), new ClassRegions(min,
                        min + cell * steps, steps, classes, predicted, confidence), x, y,
                        classNames(classes, generated, train), note, png);
            } else {
                double[] p = new double[cells.size()];
                float[] labels = new float[y.length];
                for (int i = 0; i < p.length; i++) {
                    p[i] = cells.get(i).<Double>getAs("p");
                }
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = y[i];
                }
                DecisionBoundaryChart.write(title, new BoundaryGrid(min, min + cell * steps, steps, p), x, labels,
                        classNames(2, generated, train), note, png);
            }
            written.add(png);
        }
        return written;
    }

    /**
     * The legend's name of each class: "class k (y = k)" for a generated set, whose labels are its classes;
     * "class k (label v)" for a file's, v the class's label in the data read again; "class k" where they could
     * not be (the file gone or changed: its labels are not known here).
     */
    static List<String> classNames(int classes, boolean generated, LabeledData train) {
        List<String> names = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            names.add("class " + c + (generated ? " (y = " + c + ")"
                    : train != null && train.classValues().length == classes ? " (label " + train.classValues()[c] + ")"
                    : ""));
        }
        return names;
    }

    /**
     * A run's training points, or why they are not drawn.
     *
     * @param train   the examples the run trained on, split off its test set and preprocessed as it was; null
     *                where its real dataset cannot be read again or has changed
     * @param missing then the reason, a phrase after "dataset NAME"; else null
     */
    record Points(LabeledData train, String missing) {
    }

    /**
     * The run's {@link Points}.
     *
     * @param read the datasets read so far by name (a {@link LoadedDataset} or the reason), each read once
     */
    static Points trainingPoints(Row run, RealDatasets datasets, Map<String, Object> read) {
        String name = run.getAs("dataset");
        int samples = run.<Integer>getAs("samples");
        long seed = run.<Long>getAs("seed");
        Double testFraction = run.isNullAt(run.fieldIndex("test_fraction")) ? null : run.<Double>getAs("test_fraction");
        Preprocessing preprocessing = Preprocessing.fromSpecName(run.getAs("preprocessing")).orElseThrow();
        var generated = DatasetKind.fromSpecName(name);
        if (generated.isPresent()) {
            return new Points(RunDatasets.generated(generated.get(), samples, run.<Integer>getAs("input_dim"), seed,
                    testFraction, preprocessing).train(), null);
        }
        Object data = read.computeIfAbsent(name, n -> {
            try {
                return datasets.get(n);
            } catch (UserInputException e) {
                return "could not be read again (" + e.getMessage() + ")";
            }
        });
        if (!(data instanceof LoadedDataset loaded)) {
            return new Points(null, (String) data);
        }
        String sha = run.isNullAt(run.fieldIndex("dataset_sha256")) ? null : run.getAs("dataset_sha256");
        if (sha != null && !sha.equals(loaded.sha256())) {
            return new Points(null, "has changed since the run (SHA-256 " + sha.substring(0, 12) + "… then, "
                    + loaded.sha256().substring(0, 12) + "… now)");
        }
        try {
            return new Points(RunDatasets.prepared(loaded, seed, samples, testFraction, preprocessing).train(), null);
        } catch (UserInputException e) {
            return new Points(null, "does not give the run's examples now (" + e.getMessage() + ")");
        }
    }

    private static List<Path> histograms(SparkSession spark, Path local, Naming naming) throws IOException {
        List<Path> written = new ArrayList<>();
        for (var entry : runsWithRows(spark, "histograms", "r.activation, r.init, r.multiplier, r.seed",
                "epoch, layer, bin, lower, upper, count", "epoch, layer, bin").entrySet()) {
            Row run = entry.getKey();
            List<Row> bins = entry.getValue();
            Map<Integer, Map<Integer, List<Row>>> byEpoch = new TreeMap<>();
            for (Row b : bins) {
                byEpoch.computeIfAbsent(b.<Integer>getAs("epoch"), k -> new LinkedHashMap<>())
                        .computeIfAbsent(b.<Integer>getAs("layer"), k -> new ArrayList<>()).add(b);
            }
            for (var e : byEpoch.entrySet()) {
                List<LayerHistogram> layers = new ArrayList<>();
                for (var l : e.getValue().entrySet()) {
                    List<Row> rows = l.getValue();
                    double[] edges = new double[rows.size() + 1];
                    long[] counts = new long[rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        edges[i] = rows.get(i).<Double>getAs("lower");
                        edges[i + 1] = rows.get(i).<Double>getAs("upper");
                        counts[i] = rows.get(i).<Long>getAs("count");
                    }
                    layers.add(new LayerHistogram(l.getKey(), edges, counts));
                }
                Path png = ChartFileName.png(local, "histograms_" + naming.stem(run) + "_epoch" + e.getKey());
                ActivationHistogramChart.write("Activations per layer, epoch " + e.getKey() + ": " + naming.title(run),
                        layers, png);
                written.add(png);
            }
        }
        return written;
    }
}

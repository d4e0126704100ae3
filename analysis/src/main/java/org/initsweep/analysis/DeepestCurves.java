package org.initsweep.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.trace.Tables;

/**
 * The per-layer variance curves both the PNG charts and the HTML report draw: for every chart group
 * ({@link ChartGroup}: activation × init × width or profile × σ_b² × dataset), its deepest networks' Var(a^[l]) and
 * Var(∂J/∂a^[l]) per multiplier at the first and last recorded epoch, seeds averaged; a fixed scheme's group
 * (zero, constant, identity_scaled: no multiplier) has one line, {@code m} null. Arrays are
 * indexed by layer l − 1, l = 1..L+1; the output unit's ∂J/∂a (a saturated sigmoid's reaches 1e22, and
 * it is not the signal the hidden layers pass back) is NaN.
 *
 * <p>After training, curves and costs are kept apart per {@link TrainingSetting} (optimizer and η), which
 * a chart group does not name; at initialization (epoch 0) the setting has played no part yet and the
 * curves average every setting's networks.
 */
public final class DeepestCurves {

    /**
     * One line of a group's chart: a multiplier and the training setting of its runs.
     *
     * @param multiplier m, or null for a fixed scheme (its weights ignore m)
     * @param setting    the runs' optimizer and η, or null at epoch 0, where every setting's runs are averaged
     */
    public record Line(Double multiplier, TrainingSetting setting) implements Comparable<Line> {

        /** What names a fixed scheme's line in place of {@code m = …}, as the report's selectors do. */
        public static final String FIXED = "fixed scheme (no m)";

        private static final Comparator<Line> ORDER = Comparator.comparing(Line::multiplier,
                        Comparator.nullsFirst(Comparator.<Double>naturalOrder()))
                .thenComparing(Line::setting, Comparator.nullsFirst(Comparator.naturalOrder()));

        /** Multiplier, then setting: lines of one m stay together, as their colour does. */
        @Override
        public int compareTo(Line o) {
            return ORDER.compare(this, o);
        }

        /**
         * {@code m = 2}, or {@code m = 2, adam η = 0.001} when {@code withSetting} and there is one;
         * {@link #FIXED} for a fixed scheme.
         */
        public String label(boolean withSetting) {
            return (multiplier == null ? FIXED : "m = " + NumberText.of(multiplier))
                    + (withSetting && setting != null ? ", " + setting.label() : "");
        }
    }

    /** The distinct settings of some lines (nulls left out), in order. */
    public static List<TrainingSetting> settings(Collection<Line> lines) {
        return lines.stream().map(Line::setting).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /**
     * @param depth    the group's deepest depth L
     * @param byEpoch  epoch → line → {Var(a) per layer, Var(∂J/∂a) per layer}
     * @param settings the group's training settings, in order, whether or not a run of each reached an
     *                 epoch (a setting whose runs all diverged has no line after training)
     */
    public record Curves(int depth, TreeMap<Integer, TreeMap<Line, double[][]>> byEpoch, List<TrainingSetting> settings) {

        /** Whether lines after training must name their setting: the group has more than one. */
        public boolean namesSettings() {
            return settings.size() > 1;
        }

        /** The group's settings without a line at {@code epoch} (none at epoch 0, where lines have none). */
        public List<TrainingSetting> missing(int epoch) {
            List<TrainingSetting> present = DeepestCurves.settings(byEpoch.get(epoch).keySet());
            return present.isEmpty() ? List.of() : settings.stream().filter(s -> !present.contains(s)).toList();
        }
    }

    /**
     * One run's training curve.
     *
     * @param seed     its seed
     * @param loss     cost J after e epochs at index e (nats per example; NaN where not reached)
     * @param accuracy training accuracy after e epochs at index e (NaN where not reached)
     * @param diverged whether the run stopped on a non-finite value
     */
    public record RunCost(long seed, double[] loss, double[] accuracy, boolean diverged) {
    }

    /**
     * @param depth  the group's deepest depth L
     * @param byLine multiplier and training setting → its runs (one per seed), by seed
     */
    public record Costs(int depth, TreeMap<Line, List<RunCost>> byLine) {

        /**
         * Cost and accuracy of one line averaged over its seeds, at the epochs where every seed has a
         * finite value and NaN elsewhere: a mean never changes which runs it averages.
         *
         * @return {cost per epoch, accuracy per epoch}
         */
        public double[][] mean(Line line) {
            List<RunCost> runs = byLine.get(line);
            int n = runs.stream().mapToInt(r -> r.loss().length).max().orElse(0);
            double[][] out = {ChartWriter.nanArray(n), ChartWriter.nanArray(n)};
            for (int k = 0; k < 2; k++) {
                for (int e = 0; e < n; e++) {
                    double sum = 0;
                    boolean all = true;
                    for (RunCost r : runs) {
                        double[] v = k == 0 ? r.loss() : r.accuracy();
                        all &= e < v.length && Double.isFinite(v[e]);
                        sum += all ? v[e] : 0;
                    }
                    out[k][e] = all ? sum / runs.size() : Double.NaN;
                }
            }
            return out;
        }

        /** How many runs of a line diverged. */
        public long diverged(Line line) {
            return byLine.get(line).stream().filter(RunCost::diverged).count();
        }
    }

    private DeepestCurves() {
    }

    /**
     * One analysis's read of the runs, curves, costs and classes, each read on first use and then shared: the
     * charts and the report draw the same tables, which do not change between the two, and each query
     * costs several Spark jobs. Not thread-safe; the maps it returns are not to be changed.
     */
    public static final class Reading {
        private final SparkSession spark;
        private RunIndex runs;
        private Map<ChartGroup, Curves> curves;
        private Map<ChartGroup, Costs> costs;
        private Map<String, Integer> classes;
        private Map<ChartGroup, TreeMap<Double, double[][]>> predicted;
        private int[] epochEnds;
        private boolean epochEndsRead;

        /** @param spark a session with the sweep's views registered ({@code ResultViews.register}) */
        public Reading(SparkSession spark) {
            this.spark = spark;
        }

        /** {@link RunIndex#read}, read once. */
        public RunIndex runs() {
            if (runs == null) {
                runs = RunIndex.read(spark);
            }
            return runs;
        }

        /** {@link DeepestCurves#load}, read once. */
        public Map<ChartGroup, Curves> curves() {
            if (curves == null) {
                curves = java.util.Collections.unmodifiableMap(load(spark, runs(), epochEnds()));
            }
            return curves;
        }

        /** {@link DeepestCurves#epochEnds}, read once: the layer charts of the deepest runs and of compared inits. */
        public int[] epochEnds() {
            if (!epochEndsRead) {
                epochEnds = DeepestCurves.epochEnds(spark);
                epochEndsRead = true;
            }
            return epochEnds == null ? null : epochEnds.clone();
        }

        /** {@link DeepestCurves#loadCosts}, read once. */
        public Map<ChartGroup, Costs> costs() {
            if (costs == null) {
                costs = java.util.Collections.unmodifiableMap(loadCosts(spark, runs()));
            }
            return costs;
        }

        /** K per dataset ({@link RunIndex#classes}): the loss charts, the compare charts and the report need it. */
        public Map<String, Integer> classes() {
            if (classes == null) {
                classes = java.util.Collections.unmodifiableMap(runs().classes());
            }
            return classes;
        }

        /**
         * {@link PredictedCurves#read} for every group's deepest runs (those {@link #curves()} draws), read once:
         * the layer charts and the report.
         */
        public Map<ChartGroup, TreeMap<Double, double[][]>> predicted() {
            if (predicted == null) {
                predicted = java.util.Collections.unmodifiableMap(
                        PredictedCurves.read(spark, runs().deepest(r -> true)));
            }
            return predicted;
        }
    }

    /** {@link #loadCosts(SparkSession, RunIndex)} of the registered {@code runs} view. */
    public static Map<ChartGroup, Costs> loadCosts(SparkSession spark) {
        return loadCosts(spark, RunIndex.read(spark));
    }

    /**
     * Cost and accuracy per epoch of every group's deepest trained networks, run by run, per line: the
     * {@code epochs} rows of those runs, read by id (one Spark job: a scan, no shuffle).
     */
    public static Map<ChartGroup, Costs> loadCosts(SparkSession spark, RunIndex index) {
        List<RunIndex.Run> deepest = index.deepest(r -> r.epochs() > 0);
        Map<String, TreeMap<Integer, double[]>> epochsOf = new java.util.HashMap<>();
        for (Row r : RunIndex.rows(spark, Tables.EPOCHS, deepest, "run_id", "epoch", "loss", "accuracy")) {
            double loss = r.isNullAt(2) ? Double.NaN : r.getDouble(2);
            double acc = r.isNullAt(3) ? Double.NaN : r.getDouble(3);
            epochsOf.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getInt(1), new double[] {loss, acc});
        }
        Map<ChartGroup, Integer> depthOf = new LinkedHashMap<>();
        Map<ChartGroup, TreeMap<Line, List<RunCost>>> byGroup = new LinkedHashMap<>();
        for (RunIndex.Run run : deepest) {
            TreeMap<Integer, double[]> epochs = epochsOf.get(run.runId());
            if (epochs == null) {
                continue; // no epoch row: nothing to draw, as the join with epochs/ gave none
            }
            double[] loss = ChartWriter.nanArray(epochs.lastKey() + 1);
            double[] acc = ChartWriter.nanArray(epochs.lastKey() + 1);
            epochs.forEach((ep, v) -> {
                if (ep >= 0) {
                    loss[ep] = v[0];
                    acc[ep] = v[1];
                }
            });
            depthOf.put(run.group(), run.depth());
            byGroup.computeIfAbsent(run.group(), k -> new TreeMap<>())
                    .computeIfAbsent(new Line(run.multiplier(), run.setting()), k -> new ArrayList<>())
                    .add(new RunCost(run.seed(), loss, acc, run.diverged()));
        }
        Map<ChartGroup, Costs> out = new LinkedHashMap<>();
        byGroup.forEach((g, runs) -> out.put(g, new Costs(depthOf.get(g), runs)));
        return out;
    }

    /** {@link #load(SparkSession, RunIndex)} of the registered {@code runs} view. */
    public static Map<ChartGroup, Curves> load(SparkSession spark) {
        return load(spark, RunIndex.read(spark));
    }

    /**
     * Reads the curves: the {@code layers} rows of every group's deepest runs at the sweep's first and last
     * recorded epoch, read by id, averaged over seeds here ({@link OrderFreeSql#mean(java.util.Collection)}, the
     * same bits as the query's mean) rather than in a grouped query.
     */
    public static Map<ChartGroup, Curves> load(SparkSession spark, RunIndex index) {
        return load(spark, index, epochEnds(spark));
    }

    /**
     * The sweep's first and last recorded epoch in {@code layers}, over every committed run (the view: not 10⁵
     * ids in a filter), as {@code {first, last}}; null where it has no row.
     */
    public static int[] epochEnds(SparkSession spark) {
        Row ends = spark.sql("SELECT min(epoch), max(epoch) FROM layers").first();
        return ends.isNullAt(0) ? null : new int[] {ends.getInt(0), ends.getInt(1)};
    }

    private static Map<ChartGroup, Curves> load(SparkSession spark, RunIndex index, int[] ends) {
        if (ends == null) {
            return new LinkedHashMap<>();
        }
        Map<ChartGroup, List<TrainingSetting>> settingsOf = index.settings();
        List<RunIndex.Run> deepest = index.deepest(r -> true);
        Map<String, RunIndex.Run> byId = new java.util.HashMap<>();
        deepest.forEach(r -> byId.put(r.runId(), r));
        int first = ends[0];
        int last = ends[1];
        record Point(ChartGroup group, int depth, Line line, int epoch, int layer) {
        }
        Map<Point, List<Double>[]> values = new LinkedHashMap<>();
        for (Row r : RunIndex.rows(spark, Tables.LAYERS, deepest, "run_id", "epoch", "layer", "var_a", "var_grad_a")) {
            int epoch = r.getInt(1);
            if (epoch != first && epoch != last) {
                continue;
            }
            RunIndex.Run run = byId.get(r.getString(0));
            // at initialization the setting has played no part yet: every setting's networks are averaged
            Line line = new Line(run.multiplier(), epoch == 0 ? null : run.setting());
            @SuppressWarnings("unchecked")
            List<Double>[] v = values.computeIfAbsent(new Point(run.group(), run.depth(), line, epoch, r.getInt(2)),
                    k -> new List[] {new ArrayList<>(), new ArrayList<>()});
            v[0].add(r.isNullAt(3) ? null : r.getDouble(3));
            v[1].add(r.isNullAt(4) ? null : r.getDouble(4));
        }
        Map<ChartGroup, Curves> out = new LinkedHashMap<>();
        values.forEach((p, v) -> {
            int depth = p.depth();
            Curves c = out.computeIfAbsent(p.group(), k -> new Curves(depth, new TreeMap<>(),
                    settingsOf.getOrDefault(k, List.of())));
            double[][] arrays = c.byEpoch().computeIfAbsent(p.epoch(), k -> new TreeMap<>())
                    .computeIfAbsent(p.line(), k -> new double[][] {
                        ChartWriter.nanArray(depth + 1), ChartWriter.nanArray(depth + 1)});
            int l = p.layer();
            if (l >= 1 && l <= depth + 1) {
                Double varA = OrderFreeSql.mean(v[0]);
                Double varGradA = OrderFreeSql.mean(v[1]);
                arrays[0][l - 1] = varA == null ? Double.NaN : varA;
                arrays[1][l - 1] = l <= depth && varGradA != null ? varGradA : Double.NaN;
            }
        });
        return out;
    }
}

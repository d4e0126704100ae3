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
     * One analysis's read of the curves, the costs and the classes, each queried on first use and then shared: the
     * charts and the report draw the same tables, which do not change between the two, and each query
     * costs several Spark jobs. Not thread-safe; the maps it returns are not to be changed.
     */
    public static final class Reading {
        private final SparkSession spark;
        private Map<ChartGroup, Curves> curves;
        private Map<ChartGroup, Costs> costs;
        private Map<String, Integer> classes;
        private Map<ChartGroup, TreeMap<Double, double[][]>> predicted;

        /** @param spark a session with the sweep's views registered ({@code ResultViews.register}) */
        public Reading(SparkSession spark) {
            this.spark = spark;
        }

        /** {@link DeepestCurves#load}, read once. */
        public Map<ChartGroup, Curves> curves() {
            if (curves == null) {
                curves = java.util.Collections.unmodifiableMap(load(spark));
            }
            return curves;
        }

        /** {@link DeepestCurves#loadCosts}, read once. */
        public Map<ChartGroup, Costs> costs() {
            if (costs == null) {
                costs = java.util.Collections.unmodifiableMap(loadCosts(spark));
            }
            return costs;
        }

        /** {@link DatasetClasses#of}, read once: the loss charts, the compare charts and the report each need it. */
        public Map<String, Integer> classes() {
            if (classes == null) {
                classes = java.util.Collections.unmodifiableMap(DatasetClasses.of(spark));
            }
            return classes;
        }

        /**
         * {@link PredictedCurves#read} for the groups of {@link #curves()}, read once: the layer charts and the
         * report.
         */
        public Map<ChartGroup, TreeMap<Double, double[][]>> predicted() {
            if (predicted == null) {
                Map<ChartGroup, Integer> depthOf = new LinkedHashMap<>();
                curves().forEach((g, c) -> depthOf.put(g, c.depth()));
                predicted = java.util.Collections.unmodifiableMap(PredictedCurves.read(spark, depthOf));
            }
            return predicted;
        }
    }

    /** Cost and accuracy per epoch of every group's deepest trained networks, run by run, per line. */
    public static Map<ChartGroup, Costs> loadCosts(SparkSession spark) {
        Map<ChartGroup, Integer> depthOf = new LinkedHashMap<>();
        Map<ChartGroup, TreeMap<Line, Map<String, TreeMap<Integer, double[]>>>> byRun = new LinkedHashMap<>();
        record Run(long seed, boolean diverged) {
        }
        Map<String, Run> runOf = new java.util.HashMap<>();
        for (Row r : spark.sql("""
                WITH deepest AS (
                  SELECT activation, init, width, profile, sigma_b2, dataset, max(depth) AS depth
                  FROM runs WHERE epochs > 0
                  GROUP BY activation, init, width, profile, sigma_b2, dataset)
                SELECT r.activation, r.init, r.width, r.profile, r.sigma_b2, r.dataset, r.depth, r.multiplier,
                       r.optimizer, r.learning_rate, r.run_id, r.seed, r.status, e.epoch, e.loss, e.accuracy
                FROM epochs e JOIN runs r ON e.run_id = r.run_id
                JOIN deepest d ON r.activation = d.activation AND r.init = d.init AND r.width <=> d.width AND r.profile <=> d.profile
                     AND r.sigma_b2 = d.sigma_b2 AND r.dataset = d.dataset AND r.depth = d.depth
                ORDER BY r.multiplier, r.seed, r.run_id, e.epoch
                """).collectAsList()) {
            ChartGroup g = ChartGroup.of(r);
            depthOf.put(g, r.<Integer>getAs("depth"));
            double loss = r.isNullAt(r.fieldIndex("loss")) ? Double.NaN : r.<Double>getAs("loss");
            double acc = r.isNullAt(r.fieldIndex("accuracy")) ? Double.NaN : r.<Double>getAs("accuracy");
            String id = r.getAs("run_id");
            runOf.putIfAbsent(id, new Run(((Number) r.getAs("seed")).longValue(), "diverged".equals(r.getAs("status"))));
            byRun.computeIfAbsent(g, k -> new TreeMap<>())
                    .computeIfAbsent(new Line(r.<Double>getAs("multiplier"), TrainingSetting.of(r)), k -> new LinkedHashMap<>())
                    .computeIfAbsent(id, k -> new TreeMap<>())
                    .put(r.<Integer>getAs("epoch"), new double[] {loss, acc});
        }
        Map<ChartGroup, Costs> out = new LinkedHashMap<>();
        byRun.forEach((g, byM) -> {
            TreeMap<Line, List<RunCost>> runs = new TreeMap<>();
            byM.forEach((m, byId) -> byId.forEach((id, epochs) -> {
                double[] loss = ChartWriter.nanArray(epochs.lastKey() + 1);
                double[] acc = ChartWriter.nanArray(epochs.lastKey() + 1);
                epochs.forEach((ep, v) -> {
                    if (ep >= 0) {
                        loss[ep] = v[0];
                        acc[ep] = v[1];
                    }
                });
                Run run = runOf.get(id);
                runs.computeIfAbsent(m, k -> new ArrayList<>()).add(new RunCost(run.seed(), loss, acc, run.diverged()));
            }));
            out.put(g, new Costs(depthOf.get(g), runs));
        });
        return out;
    }

    /** Reads the curves from the registered {@code runs} and {@code layers} views. */
    public static Map<ChartGroup, Curves> load(SparkSession spark) {
        Map<ChartGroup, List<TrainingSetting>> settingsOf = new LinkedHashMap<>();
        for (Row r : spark.sql("SELECT DISTINCT activation, init, width, profile, sigma_b2, dataset, optimizer, learning_rate"
                + " FROM runs ORDER BY optimizer, learning_rate").collectAsList()) {
            settingsOf.computeIfAbsent(ChartGroup.of(r), k -> new ArrayList<>()).add(TrainingSetting.of(r));
        }
        Map<ChartGroup, Curves> out = new LinkedHashMap<>();
        for (Row r : spark.sql("""
                WITH deepest AS (
                  SELECT activation, init, width, profile, sigma_b2, dataset, max(depth) AS depth
                  FROM runs
                  GROUP BY activation, init, width, profile, sigma_b2, dataset),
                ends AS (SELECT min(epoch) AS first_epoch, max(epoch) AS last_epoch FROM layers),
                l AS (SELECT *, CASE WHEN epoch = 0 THEN NULL ELSE optimizer END AS setting_optimizer,
                             CASE WHEN epoch = 0 THEN NULL ELSE learning_rate END AS setting_lr FROM layers)
                SELECT l.activation, l.init, l.width, l.profile, l.sigma_b2, l.dataset, l.depth, l.multiplier, l.epoch, l.layer,
                       l.setting_optimizer, l.setting_lr, %s AS var_a, %s AS var_grad_a
                FROM l
                JOIN deepest d ON l.activation = d.activation AND l.init = d.init AND l.width <=> d.width AND l.profile <=> d.profile
                     AND l.sigma_b2 = d.sigma_b2 AND l.dataset = d.dataset AND l.depth = d.depth
                CROSS JOIN ends
                WHERE l.epoch = ends.first_epoch OR l.epoch = ends.last_epoch
                GROUP BY l.activation, l.init, l.width, l.profile, l.sigma_b2, l.dataset, l.depth, l.multiplier, l.epoch, l.layer,
                         l.setting_optimizer, l.setting_lr
                ORDER BY l.layer
                """.formatted(OrderFreeSql.mean("l.var_a"), OrderFreeSql.mean("l.var_grad_a"))).collectAsList()) {
            int depth = r.<Integer>getAs("depth");
            TrainingSetting setting = r.isNullAt(r.fieldIndex("setting_optimizer")) ? null
                    : new TrainingSetting(r.getAs("setting_optimizer"), r.<Double>getAs("setting_lr"));
            Curves c = out.computeIfAbsent(ChartGroup.of(r), k -> new Curves(depth, new TreeMap<>(),
                    settingsOf.getOrDefault(k, List.of()).stream().sorted().toList()));
            double[][] arrays = c.byEpoch().computeIfAbsent(r.<Integer>getAs("epoch"), k -> new TreeMap<>())
                    .computeIfAbsent(new Line(r.<Double>getAs("multiplier"), setting), k -> new double[][] {
                        ChartWriter.nanArray(depth + 1), ChartWriter.nanArray(depth + 1)});
            int l = r.<Integer>getAs("layer");
            if (l >= 1 && l <= depth + 1) {
                arrays[0][l - 1] = r.<Double>getAs("var_a");
                arrays[1][l - 1] = l <= depth ? r.<Double>getAs("var_grad_a") : Double.NaN;
            }
        }
        return out;
    }
}

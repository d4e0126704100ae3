package org.initsweep.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How well theory and measurement agree, per chart group ({@link ChartGroup}: activation × init ×
 * width or profile × σ_b² × dataset) at its deepest depth.
 *
 * <p>A critical point of a direction is the multiplier where that direction's rate crosses 0 (first
 * sign change from ≤ 0 to &gt; 0 over the grid's multipliers, interpolated linearly in ln m). It is
 * found the same way for the measured rates and for theory's prediction of the same rate at the same
 * depth and layer widths ({@link org.initsweep.core.theory.NetworkPrediction}), so the two compare
 * one statistic. Backward (ln χ₁ at equal widths, the rate that decides trainability): columns
 * {@code measured_critical_multiplier}, {@code predicted_backward_critical_multiplier}; forward:
 * {@code measured_forward_critical_multiplier}, {@code predicted_forward_critical_multiplier}. At
 * unequal widths the two directions part (fan_in scaling keeps the forward signal, fan_out the
 * backward one: Glorot &amp; Bengio 2010, eq. 10–11). {@code predicted_critical_multiplier} is the
 * infinite-depth m_c with χ₁ = 1 (Poole et al. 2016), null where the hidden layers share no map.
 *
 * <p>Cell by cell: {@code forward_rate_error} and {@code backward_rate_error}, the mean
 * |measured − predicted| rate over the group's multipliers (nats per layer), and
 * {@code var_a_log_error}, the mean |ln(Var(a)/predicted)| over hidden layers and multipliers at
 * initialization. Log space, because at finite width ln Var(a^[l]) scatters about theory's value
 * with a spread that grows with depth over width (about √(Σ_l 2/n_l) for ReLU, Hanin &amp; Nica
 * 2019): a relative error of a log-normal quantity overstates it (e^1 − 1 = 172% for one nat).
 * {@code var_a_within_band}: the fraction of those (run, hidden layer) points inside theory's
 * finite-width band, |ln(Var(a)/predicted) + s²/2| ≤ 2s with s from
 * {@link org.initsweep.core.theory.FiniteWidthSpread} — about 0.95 where theory holds.
 */
final class Agreement {

    /** {@code agreement/} schema. */
    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("activation", DataTypes.StringType, false),
        DataTypes.createStructField("init", DataTypes.StringType, false),
        DataTypes.createStructField("sigma_b2", DataTypes.DoubleType, false),
        DataTypes.createStructField("dataset", DataTypes.StringType, false),
        DataTypes.createStructField("width", DataTypes.IntegerType, true),
        DataTypes.createStructField("profile", DataTypes.StringType, true),
        DataTypes.createStructField("depth", DataTypes.IntegerType, false),
        DataTypes.createStructField("measured_critical_multiplier", DataTypes.DoubleType, true),
        DataTypes.createStructField("predicted_critical_multiplier", DataTypes.DoubleType, true),
        DataTypes.createStructField("critical_multiplier_rel_error", DataTypes.DoubleType, true),
        DataTypes.createStructField("var_a_log_error", DataTypes.DoubleType, true),
        DataTypes.createStructField("predicted_backward_critical_multiplier", DataTypes.DoubleType, true),
        DataTypes.createStructField("measured_forward_critical_multiplier", DataTypes.DoubleType, true),
        DataTypes.createStructField("predicted_forward_critical_multiplier", DataTypes.DoubleType, true),
        DataTypes.createStructField("forward_rate_error", DataTypes.DoubleType, true),
        DataTypes.createStructField("backward_rate_error", DataTypes.DoubleType, true),
        DataTypes.createStructField("var_a_within_band", DataTypes.DoubleType, true),
    });

    private Agreement() {
    }

    /**
     * Builds the agreement rows from the cells of {@code regions/} and the {@code growth} view.
     *
     * @param regions every row of {@code regions/} ({@link Analysis#REGIONS}), as the analysis computed them
     */
    static List<Row> rows(SparkSession spark, List<Row> regions) {
        // each chart group's deepest cells with a multiplier: where theory's depth scales show most
        Map<ChartGroup, Integer> deepest = new LinkedHashMap<>();
        for (Row r : regions) {
            if (!r.isNullAt(r.fieldIndex("multiplier"))) {
                deepest.merge(ChartGroup.of(r), r.<Integer>getAs("depth"), Math::max);
            }
        }
        List<Row> cells = regions.stream().filter(r -> !r.isNullAt(r.fieldIndex("multiplier"))
                && r.<Integer>getAs("depth").equals(deepest.get(ChartGroup.of(r)))).toList();
        Map<ChartGroup, Double> varErrors = new LinkedHashMap<>();
        Map<ChartGroup, Double> withinBand = new LinkedHashMap<>();
        for (Row r : spark.sql("""
                WITH deepest AS (SELECT activation, init, sigma_b2, dataset, width, profile, max(depth) AS depth
                                 FROM growth WHERE multiplier IS NOT NULL
                                 GROUP BY activation, init, sigma_b2, dataset, width, profile)
                SELECT g.activation, g.init, g.sigma_b2, g.dataset, g.width, g.profile,
                       %s AS err,
                       %s AS within
                FROM growth g JOIN deepest d ON g.activation = d.activation AND g.init = d.init
                     AND g.sigma_b2 = d.sigma_b2 AND g.dataset = d.dataset AND g.width <=> d.width
                     AND g.profile <=> d.profile AND g.depth = d.depth
                WHERE g.predicted_var_a > 0 AND g.layer <= g.depth AND g.var_a > 0 AND g.var_a < 'Infinity'
                      AND NOT isnan(g.var_a)
                GROUP BY g.activation, g.init, g.sigma_b2, g.dataset, g.width, g.profile
                """.formatted(OrderFreeSql.mean("abs(ln(g.var_a / g.predicted_var_a))"),
                OrderFreeSql.mean("CASE WHEN abs(ln(g.var_a / g.predicted_var_a) + g.predicted_ln_var_a_sd"
                        + " * g.predicted_ln_var_a_sd / 2) <= 2 * g.predicted_ln_var_a_sd THEN 1.0D ELSE 0.0D END")))
                .collectAsList()) {
            varErrors.put(ChartGroup.of(r), r.isNullAt(r.fieldIndex("err")) ? null : r.<Double>getAs("err"));
            withinBand.put(ChartGroup.of(r), r.isNullAt(r.fieldIndex("within")) ? null : r.<Double>getAs("within"));
        }
        Map<ChartGroup, List<Row>> groups = new java.util.TreeMap<>(ChartGroup.ORDER);
        for (Row r : cells) {
            groups.computeIfAbsent(ChartGroup.of(r), k -> new ArrayList<>()).add(r);
        }
        List<Row> out = new ArrayList<>();
        for (var e : groups.entrySet()) {
            ChartGroup g = e.getKey();
            List<Row> byM = e.getValue();
            byM.sort(Comparator.comparingDouble(r -> r.<Double>getAs("multiplier")));
            Row first = byM.get(0);
            Double measured = crossing(byM, "backward_rate");
            int ci = first.fieldIndex("critical_multiplier");
            Double predicted = first.isNullAt(ci) ? null : first.getDouble(ci);
            Double relError = measured == null || predicted == null ? null : Math.abs(measured / predicted - 1);
            // with its schema, so that readers (the console summary) take columns by name
            out.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {
                g.activation(), g.init(), g.sigmaB2(), g.dataset(), g.width(), g.profile(),
                first.<Integer>getAs("depth"), measured, predicted, relError, varErrors.get(g),
                crossing(byM, "predicted_backward_rate"), crossing(byM, "forward_rate"),
                crossing(byM, "predicted_forward_rate"), meanAbsDifference(byM, "forward_rate", "predicted_forward_rate"),
                meanAbsDifference(byM, "backward_rate", "predicted_backward_rate"), withinBand.get(g)}, SCHEMA));
        }
        return out;
    }

    /** Mean |a − b| over rows where both are finite, or null if none is. */
    static Double meanAbsDifference(List<Row> rows, String a, String b) {
        double sum = 0;
        int n = 0;
        for (Row r : rows) {
            if (r.isNullAt(r.fieldIndex(a)) || r.isNullAt(r.fieldIndex(b))) {
                continue;
            }
            double d = r.<Double>getAs(a) - r.<Double>getAs(b);
            if (Double.isFinite(d)) {
                sum += Math.abs(d);
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /**
     * The m where column {@code rate} crosses 0: the first sign change from ≤ 0 to &gt; 0 between neighbouring
     * rows sorted by multiplier, interpolated linearly in ln m. An infinite rate counts by its sign (+∞: the
     * signal overflowed; −∞: a variance fell to 0), and where one side is infinite the crossing is the ln-m
     * midpoint of the two multipliers, as no interpolation holds. A pair with a missing (null or NaN) rate is
     * skipped.
     *
     * @return the m, or null if no pair changes sign
     */
    static Double crossing(List<Row> byMultiplier, String rate) {
        for (int i = 1; i < byMultiplier.size(); i++) {
            Row a = byMultiplier.get(i - 1);
            Row b = byMultiplier.get(i);
            if (a.isNullAt(a.fieldIndex(rate)) || b.isNullAt(b.fieldIndex(rate))) {
                continue;
            }
            double m0 = a.<Double>getAs("multiplier");
            double m1 = b.<Double>getAs("multiplier");
            double r0 = a.<Double>getAs(rate);
            double r1 = b.<Double>getAs(rate);
            if (r0 <= 0 && r1 > 0) { // false for NaN
                double t = Double.isFinite(r0) && Double.isFinite(r1) ? -r0 / (r1 - r0) : 0.5;
                return Math.exp(Math.log(m0) + t * (Math.log(m1) - Math.log(m0)));
            }
        }
        return null;
    }
}

package org.initsweep.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How well theory and measurement agree, per chart group (activation × init × σ_b² × dataset ×
 * width) at its deepest depth: the measured critical multiplier — where the measured backward rate
 * (ln χ₁, the rate that decides trainability) crosses 0, interpolated linearly in ln m between the
 * two grid multipliers around the crossing — against the predicted m_c, and the mean relative error
 * |Var(a)/predicted − 1| over hidden layers and multipliers at initialization.
 */
final class Agreement {

    /** {@code agreement/} schema. */
    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("activation", DataTypes.StringType, false),
        DataTypes.createStructField("init", DataTypes.StringType, false),
        DataTypes.createStructField("sigma_b2", DataTypes.DoubleType, false),
        DataTypes.createStructField("dataset", DataTypes.StringType, false),
        DataTypes.createStructField("width", DataTypes.IntegerType, false),
        DataTypes.createStructField("depth", DataTypes.IntegerType, false),
        DataTypes.createStructField("measured_critical_multiplier", DataTypes.DoubleType, true),
        DataTypes.createStructField("predicted_critical_multiplier", DataTypes.DoubleType, true),
        DataTypes.createStructField("critical_multiplier_rel_error", DataTypes.DoubleType, true),
        DataTypes.createStructField("var_a_rel_error", DataTypes.DoubleType, true),
    });

    private Agreement() {
    }

    /** Builds the agreement rows from the {@code regions} and {@code growth} views. */
    static List<Row> rows(SparkSession spark) {
        List<Row> cells = spark.sql("""
                WITH deepest AS (SELECT activation, init, sigma_b2, dataset, width, max(depth) AS depth
                                 FROM regions WHERE multiplier IS NOT NULL
                                 GROUP BY activation, init, sigma_b2, dataset, width)
                SELECT r.activation, r.init, r.sigma_b2, r.dataset, r.width, r.depth, r.multiplier,
                       r.backward_rate, r.critical_multiplier
                FROM regions r JOIN deepest d USING (activation, init, sigma_b2, dataset, width, depth)
                ORDER BY r.multiplier
                """).collectAsList();
        Map<String, Double> varErrors = new LinkedHashMap<>();
        for (Row r : spark.sql("""
                SELECT activation, init, sigma_b2, dataset, width, depth,
                       avg(abs(var_a / predicted_var_a - 1)) AS err
                FROM growth
                WHERE predicted_var_a > 0 AND layer <= depth AND isnotnull(var_a) AND NOT isnan(var_a)
                GROUP BY activation, init, sigma_b2, dataset, width, depth
                """).collectAsList()) {
            varErrors.put(key(r), r.isNullAt(6) ? null : r.getDouble(6));
        }
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : cells) {
            groups.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
        }
        List<Row> out = new ArrayList<>();
        for (List<Row> g : groups.values()) {
            g.sort(Comparator.comparingDouble(r -> r.getDouble(6)));
            Row first = g.get(0);
            Double measured = crossing(g);
            Double predicted = first.isNullAt(8) ? null : first.getDouble(8);
            Double relError = measured == null || predicted == null ? null : Math.abs(measured / predicted - 1);
            out.add(RowFactory.create(first.getString(0), first.getString(1), first.getDouble(2), first.getString(3),
                    first.getInt(4), first.getInt(5), measured, predicted, relError, varErrors.get(key(first))));
        }
        return out;
    }

    /** The m where the backward rate crosses 0 (first sign change from − to +), or null. */
    static Double crossing(List<Row> byMultiplier) {
        for (int i = 1; i < byMultiplier.size(); i++) {
            double m0 = byMultiplier.get(i - 1).getDouble(6);
            double m1 = byMultiplier.get(i).getDouble(6);
            double r0 = byMultiplier.get(i - 1).getDouble(7);
            double r1 = byMultiplier.get(i).getDouble(7);
            if (Double.isFinite(r0) && Double.isFinite(r1) && r0 <= 0 && r1 > 0) {
                double t = r0 == r1 ? 0 : -r0 / (r1 - r0);
                return Math.exp(Math.log(m0) + t * (Math.log(m1) - Math.log(m0)));
            }
        }
        return null;
    }

    private static String key(Row r) {
        return r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4) + "|" + r.get(5);
    }
}

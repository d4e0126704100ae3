package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Means and standard deviations with the same bits whatever the partitioning: 1e16, 1, −1e16, 1 in one
 * partition add to 1 (1e16 + 1 rounds to 1e16), split as {1e16, −1e16} and {1, 1} to 2, so Spark's avg gives
 * 0.25 or 0.5; the sorted sum gives one value for both.
 */
class OrderFreeSqlTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark("local[2]");

    private static Row aggregate(String layout, String select) {
        SPARK.session().sql("SELECT * FROM VALUES " + layout + " AS t(p, x)")
                .repartition(2, new org.apache.spark.sql.Column("p"))
                .sortWithinPartitions("p").createOrReplaceTempView("t");
        return SPARK.session().sql("SELECT " + select + " FROM t").first();
    }

    @Test
    void theMeanHasTheSameBitsWhateverThePartitioning() {
        String together = "(0, 1e16D), (0, 1D), (0, -1e16D), (0, 1D)";
        String apart = "(0, 1e16D), (1, 1D), (0, -1e16D), (1, 1D)";
        String both = "avg(x) AS plain, " + OrderFreeSql.mean("x") + " AS ordered";
        Row a = aggregate(together, both);
        Row b = aggregate(apart, both);
        assertNotEquals(a.getDouble(0), b.getDouble(0), "Spark's avg moves with the partitioning");
        List<Double> values = new ArrayList<>(List.of(1e16, 1.0, -1e16, 1.0));
        values.sort(null);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        assertEquals(sum / 4, a.getDouble(1), 0.0);
        assertEquals(sum / 4, b.getDouble(1), 0.0);
        assertEquals(2.5, aggregate("(0, 1D), (1, 2D), (0, 3D), (1, 4D)", OrderFreeSql.mean("x")).getDouble(0), 0.0);
        assertNull(aggregate("(0, CAST(NULL AS DOUBLE))", OrderFreeSql.mean("x")).get(0));
    }

    @Test
    void theDriversMeanHasTheQuerysBits() {
        // in this order the sum is 7 (1e16 + 3 rounds to 1e16 + 4), sorted it is 8: the mean 1.75 or 2
        String values = "(0, 1e16D), (1, 3D), (0, -1e16D), (1, 3D), (0, CAST(NULL AS DOUBLE))";
        java.util.List<Double> v = java.util.Arrays.asList(1e16, 3.0, -1e16, 3.0, null);
        assertEquals(2.0, aggregate(values, OrderFreeSql.mean("x")).getDouble(0), 0.0);
        assertEquals(2.0, OrderFreeSql.mean(v), 0.0);
        assertEquals(aggregate("(0, 2D), (1, CAST('NaN' AS DOUBLE)), (0, 1D)", OrderFreeSql.mean("x")).getDouble(0),
                OrderFreeSql.mean(java.util.Arrays.asList(2.0, Double.NaN, 1.0)), 0.0);
        assertNull(OrderFreeSql.mean(java.util.Arrays.asList((Double) null)));
    }

    @Test
    void theSampleStandardDeviationIsStddevSamps() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, sd = √(32/7)
        Row r = aggregate("(0, 2D), (1, 4D), (0, 4D), (1, 4D), (0, 5D), (1, 5D), (0, 7D), (1, 9D)",
                OrderFreeSql.sampleSd("x") + ", stddev_samp(x)");
        assertEquals(Math.sqrt(32.0 / 7), r.getDouble(0), 1e-15);
        assertEquals(r.getDouble(1), r.getDouble(0), 1e-15);
        assertNull(aggregate("(0, 3D)", OrderFreeSql.sampleSd("x")).get(0), "one value: no spread");
    }
}

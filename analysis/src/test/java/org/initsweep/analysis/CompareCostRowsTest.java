package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * compare_cost's lines against a hand calculation: the mean over all of a line's seeds, a gap once one
 * of them diverged (the mean of the survivors would make a line at 9.7e5 "recover" to 0.69).
 */
class CompareCostRowsTest {

    /** The one network shape every test's runs have, compared (two inits). */
    private static final List<Row> SHAPE = List.of(org.apache.spark.sql.RowFactory.create("relu", 16, null, 5, 0.0,
            "gaussian"));

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark("local[1]");

    @Test
    void aLineIsTheMeanOfAllItsSeedsOrAGap() {
        SPARK.session().sql("""
                SELECT run_id, 'relu' AS activation, CAST(16 AS INT) AS width, CAST(NULL AS STRING) AS profile,
                       CAST(5 AS INT) AS depth, 0.0D AS sigma_b2, 'gaussian' AS dataset, init, 1.0D AS multiplier, status
                FROM VALUES ('he-1', 'he_normal', 'ok'), ('he-2', 'he_normal', 'diverged'),
                            ('or-1', 'orthogonal', 'ok'), ('or-2', 'orthogonal', 'ok')
                AS t(run_id, init, status)
                """).createOrReplaceTempView("runs");
        // he-2 diverged during epoch 2: its cost is 9.7e5 after epoch 1, NaN after 2, and it stopped there
        SPARK.session().sql("""
                SELECT run_id, CAST(pos AS INT) AS epoch, CAST(loss AS DOUBLE) AS loss
                FROM VALUES ('he-1', array(0.70, 0.60, 0.50, 0.40)), ('he-2', array(0.70, 9.7e5, double('NaN'))),
                            ('or-1', array(0.70, 0.65, 0.60, 0.55)), ('or-2', array(0.70, 0.66, 0.62, 0.58))
                AS t(run_id, losses) LATERAL VIEW posexplode(losses) p AS pos, loss
                """).createOrReplaceTempView("epochs");
        Map<String, Row> at = new HashMap<>();
        for (Row r : CompareCharts.costRows(SPARK.session(), SHAPE, false)) {
            at.put(r.<String>getAs("init") + "@" + r.<Integer>getAs("epoch"), r);
        }
        assertEquals(8, at.size(), at.keySet().toString());
        assertEquals(0.70, at.get("he_normal@0").<Double>getAs("loss"), 1e-12);
        assertEquals((0.60 + 9.7e5) / 2, at.get("he_normal@1").<Double>getAs("loss"), 1e-9);
        assertNull(at.get("he_normal@2").getAs("loss"), "a NaN among the seeds: a gap");
        assertNull(at.get("he_normal@3").getAs("loss"), "he-2 stopped: not the mean of he-1 alone");
        assertEquals(1L, (long) at.get("he_normal@3").<Long>getAs("diverged"));
        assertEquals(2L, (long) at.get("he_normal@3").<Long>getAs("seeds"));
        assertEquals((0.55 + 0.58) / 2, at.get("orthogonal@3").<Double>getAs("loss"), 1e-12);
        assertEquals(0L, (long) at.get("orthogonal@3").<Long>getAs("diverged"));
        List<Row> none = CompareCharts.costRows(SPARK.session(), SHAPE, false).stream()
                .filter(r -> r.<Integer>getAs("depth") != 5).toList();
        assertEquals(List.of(), none);
    }

    /**
     * A line's cost has the same bits however its seeds' rows are partitioned: 1e16, 1, −1e16, 1 (see
     * OrderFreeSqlTest) together in one partition or split in two, where Spark's avg gives 0.25 or 0.5.
     */
    @Test
    void aLinesCostHasTheSameBitsWhateverThePartitioning() {
        SPARK.session().sql("""
                SELECT run_id, 'relu' AS activation, CAST(16 AS INT) AS width, CAST(NULL AS STRING) AS profile,
                       CAST(5 AS INT) AS depth, 0.0D AS sigma_b2, 'gaussian' AS dataset, init,
                       1.0D AS multiplier, 'ok' AS status
                FROM VALUES ('s1', 'he_normal'), ('s2', 'he_normal'), ('s3', 'he_normal'), ('s4', 'he_normal'),
                            ('o1', 'orthogonal') AS t(run_id, init)
                """).createOrReplaceTempView("runs");
        List<Double> values = new java.util.ArrayList<>(List.of(1e16, 1.0, -1e16, 1.0));
        values.sort(null);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        for (String layout : new String[] {
            "(0, 's1', 1e16D), (0, 's2', 1D), (0, 's3', -1e16D), (0, 's4', 1D), (0, 'o1', 1D)",
            "(0, 's1', 1e16D), (1, 's2', 1D), (0, 's3', -1e16D), (1, 's4', 1D), (0, 'o1', 1D)"}) {
            SPARK.session().sql("SELECT p, run_id, 0 AS epoch, loss FROM VALUES " + layout + " AS t(p, run_id, loss)")
                    .repartition(2, new org.apache.spark.sql.Column("p")).sortWithinPartitions("p")
                    .createOrReplaceTempView("epochs");
            List<Row> rows = CompareCharts.costRows(SPARK.session(), SHAPE, false).stream()
                    .filter(r -> r.<String>getAs("init").equals("he_normal")).toList();
            assertEquals(1, rows.size(), rows.toString());
            assertEquals(sum / 4, rows.get(0).<Double>getAs("loss"), 0.0, layout);
        }
    }

    @Test
    void aSweepOverLearningRatesGetsALinePerRateEachTheMeanOfItsOwnSeeds() {
        SPARK.session().sql("""
                SELECT run_id, 'relu' AS activation, CAST(16 AS INT) AS width, CAST(NULL AS STRING) AS profile,
                       CAST(5 AS INT) AS depth, 0.0D AS sigma_b2, 'gaussian' AS dataset, init, 1.0D AS multiplier,
                       'sgd' AS optimizer, CAST(lr AS DOUBLE) AS learning_rate, 'ok' AS status
                FROM VALUES ('he-slow', 'he_normal', 0.01), ('he-fast', 'he_normal', 1.0),
                            ('zero-slow', 'zeros', 0.01), ('zero-fast', 'zeros', 1.0)
                AS t(run_id, init, lr)
                """).createOrReplaceTempView("runs");
        SPARK.session().sql("""
                SELECT run_id, CAST(pos AS INT) AS epoch, CAST(loss AS DOUBLE) AS loss
                FROM VALUES ('he-slow', array(0.70, 0.68)), ('he-fast', array(0.70, 0.30)),
                            ('zero-slow', array(0.69, 0.69)), ('zero-fast', array(0.69, 0.69))
                AS t(run_id, losses) LATERAL VIEW posexplode(losses) p AS pos, loss
                """).createOrReplaceTempView("epochs");
        Map<String, Row> at = new HashMap<>();
        for (Row r : CompareCharts.costRows(SPARK.session(), SHAPE, true)) {
            at.put(r.<String>getAs("init") + "@" + r.<Double>getAs("setting_lr") + "@" + r.<Integer>getAs("epoch"), r);
        }
        assertEquals(8, at.size(), at.keySet().toString());
        assertEquals(0.68, at.get("he_normal@0.01@1").<Double>getAs("loss"), 1e-12, "not (0.68 + 0.30) / 2");
        assertEquals(0.30, at.get("he_normal@1.0@1").<Double>getAs("loss"), 1e-12);
        assertEquals(1L, (long) at.get("he_normal@1.0@1").<Long>getAs("seeds"));
        assertEquals("sgd", at.get("zeros@1.0@1").getAs("setting_optimizer"));
    }
}

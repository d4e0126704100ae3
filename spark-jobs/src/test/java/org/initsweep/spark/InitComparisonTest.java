package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.compare.InitComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** compare/: paired differences of final costs and epochs to the target cost against a hand calculation. */
class InitComparisonTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[1]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void pairsRunsOfOneSeedAndCellAndLeavesDivergedAndUnpairedRunsOutOfTheMean() {
        spark.sql("""
                SELECT CAST(depth AS INT) AS depth, CAST(32 AS INT) AS width, CAST(NULL AS STRING) AS profile,
                       'tanh' AS activation, init, CAST(multiplier AS DOUBLE) AS multiplier, 0.0D AS sigma_b2,
                       'gaussian' AS dataset, CAST(seed AS BIGINT) AS seed, 'sgd' AS optimizer, 0.1D AS learning_rate,
                       status, CAST(final_loss AS DOUBLE) AS final_loss,
                       concat(init, '-', depth, '-', seed) AS run_id, 2 AS classes
                FROM VALUES
                  (10, 'he_normal', 1.0, 1, 'ok', 0.30), (10, 'lecun_normal', 1.0, 1, 'ok', 0.35),
                  (10, 'he_normal', 1.0, 2, 'ok', 0.40), (10, 'lecun_normal', 1.0, 2, 'ok', 0.38),
                  (10, 'he_normal', 1.0, 3, 'ok', 0.50), (10, 'lecun_normal', 1.0, 3, 'ok', 0.60),
                  (10, 'he_normal', 1.0, 4, 'ok', 0.45), (10, 'lecun_normal', 1.0, 4, 'diverged', double('NaN')),
                  (10, 'he_normal', 1.0, 5, 'ok', 0.20),
                  (20, 'he_normal', 2.0, 1, 'ok', 0.70), (20, 'lecun_normal', 2.0, 1, 'ok', 0.60)
                AS t(depth, init, multiplier, seed, status, final_loss)
                """).createOrReplaceTempView("runs");
        // The training cost after each epoch; the target is ln(2)/2 = 0.3466 nats.
        spark.sql("""
                SELECT run_id, CAST(pos AS INT) AS epoch, CAST(loss AS DOUBLE) AS loss
                FROM VALUES
                  ('he_normal-10-1', array(0.69, 0.40, 0.30)), ('lecun_normal-10-1', array(0.69, 0.50, 0.35)),
                  ('he_normal-10-2', array(0.69, 0.34, 0.40)), ('lecun_normal-10-2', array(0.69, 0.33, 0.38)),
                  ('he_normal-10-3', array(0.69, 0.60, 0.50)), ('lecun_normal-10-3', array(0.69, 0.20, 0.60)),
                  ('he_normal-10-4', array(0.69, 0.50, 0.45)), ('lecun_normal-10-4', array(0.69, 0.10, double('NaN'))),
                  ('he_normal-10-5', array(0.69, 0.10, 0.20)),
                  ('he_normal-20-1', array(0.69, 0.70)), ('lecun_normal-20-1', array(0.69, 0.60))
                AS t(run_id, losses) LATERAL VIEW posexplode(losses) p AS pos, loss
                """).createOrReplaceTempView("epochs");
        List<Row> rows = InitComparison.rows(spark);
        assertEquals(2, rows.size());

        Row deep10 = rows.get(0);
        assertEquals("he_normal", deep10.getString(0));
        assertEquals("lecun_normal", deep10.getString(1));
        var schema = InitComparison.schema(spark.table("runs").schema());
        java.util.function.Function<String, Object> col = c -> deep10.get(schema.fieldIndex(c));
        assertEquals(10, col.apply("depth"));
        double[] d = {0.30 - 0.35, 0.40 - 0.38, 0.50 - 0.60}; // seeds 1-3; seed 4 diverged, seed 5 has no partner
        double mean = (d[0] + d[1] + d[2]) / 3;
        double sd = Math.sqrt((Math.pow(d[0] - mean, 2) + Math.pow(d[1] - mean, 2) + Math.pow(d[2] - mean, 2)) / 2);
        assertEquals(3L, col.apply("pairs"));
        assertEquals(-0.043333333333, (double) col.apply("mean_loss_diff"), 1e-9);
        assertEquals(sd, (double) col.apply("sd_loss_diff"), 1e-12);
        assertEquals(0.0602771, sd, 1e-6);
        double half = 4.303 * sd / Math.sqrt(3); // t(0.975, 2 df)
        assertEquals(mean - half, (double) col.apply("ci95_low"), 1e-12);
        assertEquals(mean + half, (double) col.apply("ci95_high"), 1e-12);
        assertEquals(2L, col.apply("a_lower"), "he ended lower for seeds 1 and 3");
        assertEquals(0L, col.apply("a_diverged"));
        assertEquals(1L, col.apply("b_diverged"));
        assertEquals(Math.log(2) / 2, (double) col.apply("target_loss"), 1e-15);
        // he reached 0.3466 after 2 epochs (seed 1) and 1 (seed 2), never in seed 3; lecun after 1 epoch in
        // seeds 2 and 3, not in seed 1 (0.35); lecun's diverged seed 4 (0.10 after 1 epoch) is not a pair
        assertEquals(2L, col.apply("a_reached"));
        assertEquals(2L, col.apply("b_reached"));
        assertEquals(1.5, (double) col.apply("a_median_epochs"), 0);
        assertEquals(1.0, (double) col.apply("b_median_epochs"), 0);
        // a target of the user's: 0.5 nats, reached by he in seeds 1, 2 (epoch 1) and 3 (epoch 2), lecun in 1-3 (epoch 1)
        Row at05 = InitComparison.rows(spark, 0.5).get(0);
        assertEquals(0.5, at05.getDouble(schema.fieldIndex("target_loss")), 0);
        assertEquals(3L, at05.get(schema.fieldIndex("a_reached")));
        assertEquals(1.0, at05.getDouble(schema.fieldIndex("a_median_epochs")), 0);
        assertEquals(3L, at05.get(schema.fieldIndex("b_reached")));
        // m = 1 means Var(W) = 2/fan_in for He, 1/fan_in for LeCun
        assertEquals(2.0, (double) col.apply("a_sigma_w2"), 1e-12);
        assertEquals(1.0, (double) col.apply("b_sigma_w2"), 1e-12);

        Row deep20 = rows.get(1);
        assertEquals(1L, deep20.get(schema.fieldIndex("pairs")));
        assertEquals(0.1, deep20.getDouble(schema.fieldIndex("mean_loss_diff")), 1e-12);
        assertNull(deep20.get(schema.fieldIndex("ci95_low")), "no interval from one pair");
        assertEquals(0L, deep20.get(schema.fieldIndex("a_reached")));
        assertNull(deep20.get(schema.fieldIndex("a_median_epochs")), "no median when no run reached the target");
    }

    @Test
    void aFixedSchemeWithoutMPairsWithTheOtherSchemesRunsOfEveryM() {
        spark.sql("""
                SELECT CAST(10 AS INT) AS depth, CAST(32 AS INT) AS width, CAST(NULL AS STRING) AS profile,
                       'relu' AS activation, init, CAST(multiplier AS DOUBLE) AS multiplier, 0.0D AS sigma_b2,
                       'moons' AS dataset, CAST(seed AS BIGINT) AS seed, 'sgd' AS optimizer, 0.1D AS learning_rate,
                       'ok' AS status, CAST(final_loss AS DOUBLE) AS final_loss,
                       concat(init, '-', coalesce(CAST(multiplier AS STRING), 'none'), '-', seed) AS run_id, 2 AS classes
                FROM VALUES
                  ('zero', NULL, 1, 0.69), ('zero', NULL, 2, 0.69),
                  ('he_normal', 0.5, 1, 0.40), ('he_normal', 0.5, 2, 0.50),
                  ('he_normal', 2.0, 1, 0.20), ('he_normal', 2.0, 2, 0.30),
                  ('constant(0.5)', NULL, 1, 0.60), ('constant(0.5)', NULL, 2, 0.65)
                AS t(init, multiplier, seed, final_loss)
                """).createOrReplaceTempView("runs");
        spark.sql("SELECT run_id, 0 AS epoch, 0.69D AS loss FROM runs").createOrReplaceTempView("epochs");
        List<Row> rows = InitComparison.rows(spark);
        var schema = InitComparison.schema(spark.table("runs").schema());
        java.util.function.Function<Row, String> pair = r -> r.getString(0) + " vs " + r.getString(1) + " at m = "
                + r.get(schema.fieldIndex("multiplier"));
        assertEquals(List.of("constant(0.5) vs he_normal at m = 0.5", "constant(0.5) vs he_normal at m = 2.0",
                "constant(0.5) vs zero at m = null", "he_normal vs zero at m = 0.5", "he_normal vs zero at m = 2.0"),
                rows.stream().map(pair).toList(), "every pair of schemes, a fixed one in the cell of each m");
        Row heZeroAt2 = rows.get(4);
        assertEquals(2L, heZeroAt2.get(schema.fieldIndex("pairs")));
        assertEquals(((0.20 - 0.69) + (0.30 - 0.69)) / 2, heZeroAt2.getDouble(schema.fieldIndex("mean_loss_diff")), 1e-12);
        assertEquals(4.0, heZeroAt2.getDouble(schema.fieldIndex("a_sigma_w2")), 1e-12, "He at m = 2: 4/fan_in");
        assertNull(heZeroAt2.get(schema.fieldIndex("b_sigma_w2")), "a fixed scheme has no σ_w² of m");
        Row constantZero = rows.get(2);
        assertEquals(2L, constantZero.get(schema.fieldIndex("pairs")));
        assertEquals(((0.60 - 0.69) + (0.65 - 0.69)) / 2, constantZero.getDouble(schema.fieldIndex("mean_loss_diff")), 1e-12);
    }

    @Test
    void onAWidthProfileEachSchemesSigmaW2IsTheOneItsHiddenLayersShare() {
        spark.sql("""
                SELECT CAST(3 AS INT) AS depth, CAST(NULL AS INT) AS width, profile,
                       'tanh' AS activation, init, 1.0D AS multiplier, 0.0D AS sigma_b2,
                       'moons' AS dataset, CAST(1 AS BIGINT) AS seed, 'sgd' AS optimizer, 0.1D AS learning_rate,
                       'ok' AS status, CAST(final_loss AS DOUBLE) AS final_loss,
                       concat(init, '-', profile) AS run_id, 2 AS classes
                FROM VALUES
                  ('[64,32,16]', 'glorot_normal', 0.40), ('[64,32,16]', 'he_normal', 0.50),
                  ('[64,32,32]', 'glorot_normal', 0.40), ('[64,32,32]', 'he_normal', 0.50)
                AS t(profile, init, final_loss)
                """).createOrReplaceTempView("runs");
        spark.sql("SELECT run_id, 0 AS epoch, 0.69D AS loss FROM runs").createOrReplaceTempView("epochs");
        List<Row> rows = InitComparison.rows(spark);
        var schema = InitComparison.schema(spark.table("runs").schema());
        assertEquals(2, rows.size(), rows.toString());
        for (Row r : rows) {
            assertEquals("glorot_normal", r.getString(0));
            assertEquals("he_normal", r.getString(1));
            Object glorot = r.get(schema.fieldIndex("a_sigma_w2"));
            // He: 2·m on every layer of a profile; Glorot 2·fan_in/(fan_in + fan_out) = 4/3 on 64 → 32 → 16,
            // 4/3 then 1 on 64 → 32 → 32: no single σ_w²
            assertEquals(2.0, r.getDouble(schema.fieldIndex("b_sigma_w2")), 1e-12, r.toString());
            if ("[64,32,16]".equals(r.get(schema.fieldIndex("profile")))) {
                assertEquals(4.0 / 3, (double) glorot, 1e-12, r.toString());
            } else {
                assertNull(glorot, r.toString());
            }
        }
    }
}

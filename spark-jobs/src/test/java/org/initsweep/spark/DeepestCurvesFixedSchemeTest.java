package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.ChartGroup;
import org.initsweep.analysis.DeepestCurves;
import org.initsweep.analysis.DeepestCurves.Line;
import org.initsweep.analysis.TrainingSetting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fixed scheme (identity_scaled: no multiplier) has variance and cost curves like any group: one line,
 * m null, the mean of its seeds; a random scheme beside it keeps its lines per m.
 */
class DeepestCurvesFixedSchemeTest {

    private static final double NaN = Double.NaN;
    private static final TrainingSetting SGD = new TrainingSetting("sgd", 0.1);
    private static final ChartGroup IDENTITY = new ChartGroup("linear", "identity_scaled(1.5)", 2, null, 0.0, "blobs");
    private static final ChartGroup LECUN = new ChartGroup("linear", "lecun_normal", 2, null, 0.0, "blobs");

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[1]");
        spark.sql("""
                SELECT run_id, CAST(2 AS INT) AS depth, CAST(2 AS INT) AS width, CAST(NULL AS STRING) AS profile,
                       'linear' AS activation, init, CAST(m AS DOUBLE) AS multiplier, 0.0D AS sigma_b2,
                       'blobs' AS dataset, CAST(seed AS BIGINT) AS seed, 'sgd' AS optimizer,
                       0.1D AS learning_rate, 'ok' AS status, CAST(2 AS INT) AS epochs
                FROM VALUES ('id1', 'identity_scaled(1.5)', NULL, 1), ('id2', 'identity_scaled(1.5)', NULL, 2),
                            ('lc1', 'lecun_normal', 1.0, 1)
                AS t(run_id, init, m, seed)
                """).createOrReplaceTempView("runs");
        spark.sql("""
                SELECT run_id, CAST(pos AS INT) AS epoch, CAST(loss AS DOUBLE) AS loss, CAST(0.5 AS DOUBLE) AS accuracy
                FROM VALUES ('id1', array(0.9, 0.7, 0.5)), ('id2', array(1.1, 0.9, 0.7)), ('lc1', array(0.69, 0.6, 0.5))
                AS t(run_id, losses) LATERAL VIEW posexplode(losses) p AS pos, loss
                """).createOrReplaceTempView("epochs");
        // W = 1.5·I in a linear network: Var(a^[l]) = 2.25^l · Var(x), Var(∂J/∂a^[l]) = 2.25^(L−l) · Var(∂J/∂a^[L])
        spark.sql("""
                SELECT r.run_id, CAST(v.epoch AS INT) AS epoch, CAST(l.layer AS INT) AS layer,
                       CAST(v.base * pow(2.25, l.layer) AS DOUBLE) AS var_a,
                       CAST(v.base * pow(2.25, 2 - l.layer) AS DOUBLE) AS var_grad_a,
                       r.activation, r.init, r.width, r.profile, r.sigma_b2, r.dataset, r.depth, r.multiplier,
                       r.optimizer, r.learning_rate
                FROM runs r
                JOIN VALUES ('id1', 0, 1.0), ('id2', 0, 3.0), ('id1', 2, 2.0), ('id2', 2, 4.0), ('lc1', 0, 5.0),
                            ('lc1', 2, 5.0)
                  AS v(run_id, epoch, base) ON r.run_id = v.run_id
                CROSS JOIN VALUES (1), (2), (3) AS l(layer)
                """).createOrReplaceTempView("layers");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aFixedSchemeHasOneLineWithoutMultiplierTheMeanOfItsSeeds() {
        Map<ChartGroup, DeepestCurves.Curves> all = DeepestCurves.load(spark);
        assertEquals(List.of(IDENTITY, LECUN), all.keySet().stream().sorted(ChartGroup.ORDER).toList());
        DeepestCurves.Curves id = all.get(IDENTITY);
        assertEquals(2, id.depth());
        Line atInit = new Line(null, null);
        assertEquals(List.of(atInit), List.copyOf(id.byEpoch().get(0).keySet()));
        assertArrayEquals(new double[] {2 * 2.25, 2 * 2.25 * 2.25, 2 * Math.pow(2.25, 3)},
                id.byEpoch().get(0).get(atInit)[0], 1e-9, "seeds' bases 1 and 3 averaged");
        assertArrayEquals(new double[] {2 * 2.25, 2, NaN}, id.byEpoch().get(0).get(atInit)[1], 1e-9);
        assertArrayEquals(new double[] {3 * 2.25, 3 * 2.25 * 2.25, 3 * Math.pow(2.25, 3)},
                id.byEpoch().get(2).get(new Line(null, SGD))[0], 1e-9);
        assertEquals(List.of(new Line(1.0, null)), List.copyOf(all.get(LECUN).byEpoch().get(0).keySet()));
    }

    @Test
    void aFixedSchemesCostIsTheMeanOfItsSeedsAndItsLineIsNamedSo() {
        DeepestCurves.Costs costs = DeepestCurves.loadCosts(spark).get(IDENTITY);
        Line line = new Line(null, SGD);
        assertEquals(List.of(line), List.copyOf(costs.byLine().keySet()));
        assertArrayEquals(new double[] {1.0, 0.8, 0.6}, costs.mean(line)[0], 1e-12);
        assertEquals("fixed scheme (no m)", line.label(false));
        assertEquals("fixed scheme (no m), sgd \u03b7 = 0.1", line.label(true));
        assertEquals(-1, new Line(null, SGD).compareTo(new Line(0.5, SGD)), "a fixed scheme's line first");
    }
}

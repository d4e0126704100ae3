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
 * A sweep over two learning rates: the deepest networks' cost and variance curves after training are
 * one line per (m, η), each the mean of its own seeds (by hand below), never the mean of both rates;
 * at initialization (epoch 0) one line per m averages every rate's networks.
 */
class DeepestCurvesSettingsTest {

    private static final double NaN = Double.NaN;
    private static final TrainingSetting SLOW = new TrainingSetting("sgd", 0.1);
    private static final TrainingSetting FAST = new TrainingSetting("sgd", 1.0);
    /** η = 20: its one run diverged in its first epoch, so it has layer rows at epoch 0 only. */
    private static final TrainingSetting WILD = new TrainingSetting("sgd", 20.0);
    private static final ChartGroup GROUP = new ChartGroup("tanh", "lecun_normal", 8, null, 0.0, "gaussian");

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[1]");
        // depth 3, m = 1, seeds 1 and 2, η = 0.1 and 1.0; a depth-2 run that is not the deepest
        spark.sql("""
                SELECT run_id, CAST(depth AS INT) AS depth, CAST(8 AS INT) AS width, CAST(NULL AS STRING) AS profile,
                       'tanh' AS activation, 'lecun_normal' AS init, 1.0D AS multiplier, 0.0D AS sigma_b2,
                       'gaussian' AS dataset, CAST(seed AS BIGINT) AS seed, 'sgd' AS optimizer,
                       CAST(lr AS DOUBLE) AS learning_rate, status, CAST(2 AS INT) AS epochs
                FROM VALUES ('slow1', 3, 1, 0.1, 'ok'), ('slow2', 3, 2, 0.1, 'ok'),
                            ('fast1', 3, 1, 1.0, 'ok'), ('fast2', 3, 2, 1.0, 'diverged'),
                            ('wild1', 3, 1, 20.0, 'diverged'), ('shallow', 2, 1, 0.1, 'ok')
                AS t(run_id, depth, seed, lr, status)
                """).createOrReplaceTempView("runs");
        spark.sql("""
                SELECT run_id, CAST(pos AS INT) AS epoch, CAST(loss AS DOUBLE) AS loss, CAST(0.5 AS DOUBLE) AS accuracy
                FROM VALUES ('slow1', array(0.69, 0.60, 0.50)), ('slow2', array(0.70, 0.62, 0.54)),
                            ('fast1', array(0.69, 0.30, 0.10)), ('fast2', array(0.70, 0.40, 0.20)),
                            ('wild1', array(0.69, 9e9)), ('shallow', array(0.69, 0.68, 0.67))
                AS t(run_id, losses) LATERAL VIEW posexplode(losses) p AS pos, loss
                """).createOrReplaceTempView("epochs");
        // Var(a^[l]) = base·l and Var(∂J/∂a^[l]) = base/l at every layer l = 1..4 of a depth-3 network
        spark.sql("""
                SELECT r.run_id, CAST(v.epoch AS INT) AS epoch, CAST(l.layer AS INT) AS layer,
                       CAST(v.base * l.layer AS DOUBLE) AS var_a, CAST(v.base / l.layer AS DOUBLE) AS var_grad_a,
                       r.activation, r.init, r.width, r.profile, r.sigma_b2, r.dataset, r.depth, r.multiplier,
                       r.optimizer, r.learning_rate
                FROM runs r
                JOIN VALUES ('slow1', 0, 1.0), ('slow2', 0, 1.2), ('fast1', 0, 1.0), ('fast2', 0, 1.2),
                            ('slow1', 2, 0.9), ('slow2', 2, 1.1), ('fast1', 2, 3.0), ('fast2', 2, 5.0), ('wild1', 0, 1.1),
                            ('shallow', 0, 7.0), ('shallow', 2, 7.0)
                  AS v(run_id, epoch, base) ON r.run_id = v.run_id
                CROSS JOIN VALUES (1), (2), (3), (4) AS l(layer)
                WHERE l.layer <= r.depth + 1
                """).createOrReplaceTempView("layers");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void costsAreOneLinePerLearningRateEachTheMeanOfItsOwnSeeds() {
        Map<ChartGroup, DeepestCurves.Costs> all = DeepestCurves.loadCosts(spark);
        assertEquals(List.of(GROUP), List.copyOf(all.keySet()));
        DeepestCurves.Costs costs = all.get(GROUP);
        assertEquals(3, costs.depth());
        Line slow = new Line(1.0, SLOW);
        Line fast = new Line(1.0, FAST);
        Line wild = new Line(1.0, WILD);
        assertEquals(List.of(slow, fast, wild), List.copyOf(costs.byLine().keySet()));
        // one mean of both rates would read 0.48 and 0.335 after epochs 1 and 2
        assertArrayEquals(new double[] {0.695, 0.61, 0.52}, costs.mean(slow)[0], 1e-12);
        assertArrayEquals(new double[] {0.695, 0.35, 0.15}, costs.mean(fast)[0], 1e-12);
        assertEquals(0, costs.diverged(slow));
        assertEquals(1, costs.diverged(fast));
        assertEquals(List.of(1L, 2L), costs.byLine().get(fast).stream().map(DeepestCurves.RunCost::seed).toList());
    }

    @Test
    void varianceCurvesAfterTrainingArePerLearningRateAndAtInitializationAverageEveryRate() {
        DeepestCurves.Curves curves = DeepestCurves.load(spark).get(GROUP);
        assertEquals(3, curves.depth());
        assertEquals(List.of(0, 2), List.copyOf(curves.byEpoch().keySet()));

        var init = curves.byEpoch().get(0);
        assertEquals(List.of(new Line(1.0, null)), List.copyOf(init.keySet()));
        double b0 = (1.0 + 1.2 + 1.0 + 1.2 + 1.1) / 5;
        assertArrayEquals(new double[] {b0, 2 * b0, 3 * b0, 4 * b0}, init.get(new Line(1.0, null))[0], 1e-12);
        assertArrayEquals(new double[] {b0, b0 / 2, b0 / 3, NaN}, init.get(new Line(1.0, null))[1], 1e-12,
                "the output unit's ∂J/∂a is NaN");

        var trained = curves.byEpoch().get(2);
        assertEquals(List.of(new Line(1.0, SLOW), new Line(1.0, FAST)), List.copyOf(trained.keySet()));
        double slow = (0.9 + 1.1) / 2;
        double fast = (3.0 + 5.0) / 2;
        assertArrayEquals(new double[] {slow, 2 * slow, 3 * slow, 4 * slow}, trained.get(new Line(1.0, SLOW))[0], 1e-12);
        assertArrayEquals(new double[] {fast, 2 * fast, 3 * fast, 4 * fast}, trained.get(new Line(1.0, FAST))[0], 1e-12,
                "the mean of both rates would be 2.5 at layer 1");

        // η = 20 has no line after training, but the chart still names each line's setting, and says so
        assertEquals(List.of(SLOW, FAST, WILD), curves.settings());
        assertEquals(true, curves.namesSettings());
        assertEquals(List.of(WILD), curves.missing(2));
        assertEquals(List.of(), curves.missing(0), "lines at initialization have no setting to miss");
    }
}

package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A grid cell's theory from its runs' predictions: each run's starts from its own input_var, which "scale"
 * preprocessing makes differ by seed, so the cell takes their mean, not one seed's (which one depended on
 * the partitioning); runs that agree give their common value exactly.
 */
class RegionCellsTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark("local[2]");

    @Test
    void aCellsPredictionIsItsRunsMeanAndTheirCommonValueWhereTheyAgree() {
        SPARK.session().sql("""
                SELECT 'tanh' AS activation, 'lecun_normal' AS init, CAST(16 AS INT) AS width,
                       CAST(NULL AS STRING) AS profile, 0.0D AS sigma_b2, dataset, CAST(5 AS INT) AS depth,
                       1.0D AS multiplier, CAST(fwd AS DOUBLE) AS forward_rate, -0.5D AS backward_rate,
                       CAST(pf AS DOUBLE) AS predicted_forward_rate, CAST(pb AS DOUBLE) AS predicted_backward_rate,
                       CAST(chi1 AS DOUBLE) AS chi1, regime AS chi1_regime, CAST(mc AS DOUBLE) AS critical_multiplier
                FROM VALUES
                    ('scaled', -0.1, -0.2, -0.6, 0.9, 'vanishing', 1.0),
                    ('scaled', -0.3, -0.4, -0.8, 1.1, 'exploding', 1.0),
                    ('standard', -0.1, 0.1, -0.6, 0.97, 'vanishing', 1.0),
                    ('standard', -0.2, 0.1, -0.6, 0.97, 'vanishing', 1.0),
                    ('standard', -0.3, 0.1, -0.6, 0.97, 'vanishing', 1.0),
                    ('fixed', -0.1, NULL, NULL, NULL, NULL, NULL),
                    ('fixed', -0.2, NULL, NULL, NULL, NULL, NULL)
                AS t(dataset, fwd, pf, pb, chi1, regime, mc)
                """).createOrReplaceTempView("run_rates");
        Map<String, Row> cells = new HashMap<>();
        for (Row r : Analysis.cells(SPARK.session()).collectAsList()) {
            cells.put(r.getAs("dataset"), r);
        }
        Row scaled = cells.get("scaled");
        assertEquals(2L, (long) scaled.<Long>getAs("runs"));
        assertEquals(-0.2, scaled.<Double>getAs("forward_rate"), 1e-15);
        assertEquals(-0.3, scaled.<Double>getAs("predicted_forward_rate"), 1e-15, "the mean, not one seed's");
        assertEquals(-0.7, scaled.<Double>getAs("predicted_backward_rate"), 1e-15);
        assertEquals(1.0, scaled.<Double>getAs("chi1"), 1e-15);
        assertNull(scaled.getAs("chi1_regime"), "the seeds' calls differ");
        Row standard = cells.get("standard");
        // (0.1 + 0.1 + 0.1)/3 is 0.10000000000000002: runs that agree keep their value, bit for bit
        assertEquals(0.1, standard.<Double>getAs("predicted_forward_rate"), 0.0);
        assertEquals(0.97, standard.<Double>getAs("chi1"), 0.0);
        assertEquals("vanishing", standard.getAs("chi1_regime"));
        assertEquals(1.0, standard.<Double>getAs("critical_multiplier"), 0.0);
        Row fixed = cells.get("fixed");
        assertNull(fixed.getAs("predicted_forward_rate"));
        assertNull(fixed.getAs("chi1"));
        assertNull(fixed.getAs("chi1_regime"));
    }
}

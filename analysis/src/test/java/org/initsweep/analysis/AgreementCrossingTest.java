package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Where a rate crosses 0 over the swept multipliers: agreement/'s measured and predicted critical m. */
class AgreementCrossingTest {

    private static final StructType SCHEMA = new StructType()
            .add("multiplier", DataTypes.DoubleType).add("rate", DataTypes.DoubleType, true);

    private static Double crossing(double[] ms, Double... rates) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ms.length; i++) {
            rows.add(new GenericRowWithSchema(new Object[] {ms[i], rates[i]}, SCHEMA));
        }
        return Agreement.crossing(rows, "rate");
    }

    @Test
    void finiteRatesAreInterpolatedInLnM() {
        assertEquals(2.0, crossing(new double[] {1, 4}, -0.5, 0.5), 1e-12);
        // −0.3 to 0.1 between m = 1 and 2: three quarters of the way in ln m, 2^0.75
        assertEquals(Math.pow(2, 0.75), crossing(new double[] {1, 2}, -0.3, 0.1), 1e-12);
        assertEquals(1.0, crossing(new double[] {1, 2}, 0.0, 0.1), 0, "an exact 0 is its m");
    }

    @Test
    void anInfiniteRateCountsByItsSignAtTheLnMidpoint() {
        // ReLU, LeCun, width 16, depth 16: the gradients overflow at the last m (helper-51's sweep)
        assertEquals(2.0, crossing(new double[] {0.25, 0.5, 1, 4}, -0.3, -0.2, -0.1, Double.POSITIVE_INFINITY), 1e-12);
        // a variance that fell to exactly 0 at the first m
        assertEquals(1.0, crossing(new double[] {0.5, 2, 4}, Double.NEGATIVE_INFINITY, 0.1, 0.2), 1e-12);
    }

    @Test
    void noCrossingWithoutASignChangeFromAPairOfKnownRates() {
        assertNull(crossing(new double[] {1, 2, 4}, -0.3, -0.2, -0.1));
        assertNull(crossing(new double[] {1, 2}, 0.1, -0.1), "falling");
        assertNull(crossing(new double[] {1, 2, 4}, -0.1, Double.NaN, 0.2), "NaN on both pairs");
        assertNull(crossing(new double[] {1, 2, 4}, -0.1, null, 0.2), "a missing rate splits the pairs");
        assertNull(crossing(new double[] {1}, -0.1));
    }
}

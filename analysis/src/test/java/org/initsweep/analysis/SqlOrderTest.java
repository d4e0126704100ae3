package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rows sorted on the driver come out in the order Spark SQL's ORDER BY gives them. */
class SqlOrderTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark("local[1]");

    @Test
    void theDriversOrderIsSparkSqls() {
        // nulls first; NaN after every number; -0.0 equal to 0.0 (so id decides); U+FF5A before U+1F600, which
        // Java's compareTo puts first (its UTF-16 unit D83D is below FF5A)
        List<Row> rows = SPARK.session().sql(values()).collectAsList();
        List<Integer> spark = SPARK.session().sql("SELECT id FROM (" + values() + ") ORDER BY s, d, id")
                .collectAsList().stream().map(r -> r.getInt(0)).toList();
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new java.util.Random(7));
        List<Integer> driver = shuffled.stream().sorted(SqlOrder.ascending("s", "d", "id"))
                .map(r -> r.<Integer>getAs("id")).toList();
        assertEquals(List.of(2, 10, 11, 6, 7, 4, 5, 1, 12, 3, 8, 9), spark, "Spark's own order, as reasoned above");
        assertEquals(spark, driver);
    }

    @Test
    void codePointsNotUtf16Units() {
        assertTrue(SqlOrder.compare("\uFF5A", "\uD83D\uDE00") < 0);
        assertTrue("\uFF5A".compareTo("\uD83D\uDE00") > 0, "Java's own order differs");
        assertTrue(SqlOrder.compare("ab", "a") > 0 && SqlOrder.compare("a", "ab") < 0);
        assertEquals(0, SqlOrder.compare(-0.0, 0.0));
        assertTrue(SqlOrder.compare(Double.NaN, Double.POSITIVE_INFINITY) > 0);
        assertEquals(0, SqlOrder.compare(Double.NaN, Double.NaN));
        assertTrue(SqlOrder.compare(null, Double.NEGATIVE_INFINITY) < 0);
    }

    private static String values() {
        return """
                SELECT * FROM VALUES
                  (1, 'b', 1.0D), (2, CAST(NULL AS STRING), 2.0D), (3, 'b', double('NaN')), (4, 'b', 0.0D),
                  (5, 'b', -0.0D), (6, 'b', CAST(NULL AS DOUBLE)), (7, 'b', -1.0D), (8, '\uFF5A', 0.0D),
                  (9, '\uD83D\uDE00', 0.0D), (10, 'a', 3.0D), (11, 'ab', 0.0D), (12, 'b', double('Infinity'))
                AS t(id, s, d)""";
    }
}

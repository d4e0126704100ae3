package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.initsweep.analysis.io.Publish;
import org.initsweep.core.trace.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registering some analysis tables only: a table published again is read as it is now, a table gone
 * loses its view, the other views stay, and per-run tables (whose views filter on {@code runs}) are
 * refused.
 */
class ResultViewsTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark("local[1]");

    private static void publish(String dir, String table, String query) throws Exception {
        Publish.table(SPARK.session().sql(query), dir, table);
    }

    private static List<Long> ids(String view) {
        return SPARK.session().sql("SELECT id FROM " + view + " ORDER BY id").collectAsList().stream()
                .map(r -> r.getLong(0)).toList();
    }

    @Test
    void aTablePublishedAgainIsReadAsItIsNowAndAGoneTableLosesItsView(@TempDir Path tmp) throws Exception {
        String dir = tmp.toString();
        publish(dir, Tables.RUNS, "SELECT 'r1' AS run_id");
        publish(dir, Tables.REGIONS, "SELECT id FROM range(2)");
        publish(dir, Tables.GROWTH, "SELECT id FROM range(3)");
        assertEquals(List.of(Tables.RUNS, Tables.GROWTH, Tables.REGIONS), ResultViews.register(SPARK.session(), dir));
        assertEquals(List.of(0L, 1L), ids(Tables.REGIONS));

        publish(dir, Tables.REGIONS, "SELECT id FROM range(10, 15)");
        publish(dir, Tables.GROWTH, "SELECT id FROM range(20, 21)");
        assertEquals(List.of(Tables.REGIONS), ResultViews.register(SPARK.session(), dir, Tables.REGIONS));
        assertEquals(List.of(10L, 11L, 12L, 13L, 14L), ids(Tables.REGIONS));
        // growth, published again too, is read anew once named
        assertEquals(List.of(Tables.GROWTH), ResultViews.register(SPARK.session(), dir, Tables.GROWTH));
        assertEquals(List.of(20L), ids(Tables.GROWTH));

        Publish.remove(SPARK.session(), dir, Tables.REGIONS);
        SPARK.session().sql("SELECT 1").createOrReplaceTempView(Tables.REGIONS); // a view the directory no longer backs
        assertEquals(List.of(), ResultViews.register(SPARK.session(), dir, Tables.REGIONS, Tables.COMPARE));
        assertFalse(SPARK.session().catalog().tableExists(Tables.REGIONS),
                "the view of a table that is gone is dropped");
        assertTrue(SPARK.session().catalog().tableExists(Tables.GROWTH), "a table not named keeps its view");
    }

    @Test
    void boundariesWrittenByTwoEnginesShowTheNewerColumns(@TempDir Path tmp) throws Exception {
        // a sweep resumed by a newer engine: its boundaries/ holds files with and without predicted_class
        String dir = tmp.toString();
        publish(dir, Tables.RUNS, "SELECT explode(array('old', 'new')) AS run_id");
        TwoEngineBoundaries.write(SPARK.session(), tmp);
        ResultViews.register(SPARK.session(), dir);
        List<String> rows = SPARK.session().sql("SELECT run_id, predicted_class FROM boundaries ORDER BY run_id")
                .collectAsList()
                .stream().map(Object::toString).toList();
        assertEquals(List.of("[new,1]", "[old,null]"), rows);
    }

    @Test
    void perRunTablesAreRegisteredOnlyWithRuns(@TempDir Path tmp) throws Exception {
        for (String t : new String[] {Tables.RUNS, Tables.LAYERS, Tables.EPOCHS, "nonsense"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> ResultViews.register(SPARK.session(), tmp.toString(), t), t);
        }
    }
}

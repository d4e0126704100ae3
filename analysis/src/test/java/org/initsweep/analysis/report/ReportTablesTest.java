package org.initsweep.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.initsweep.analysis.LocalSpark;
import org.initsweep.analysis.ResultViews;
import org.initsweep.analysis.TwoEngineBoundaries;
import org.initsweep.analysis.io.Publish;
import org.initsweep.core.trace.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The report takes the sweep's optional tables as the analysis registered their views (merged schema). */
class ReportTablesTest {

    @RegisterExtension
    static final LocalSpark SPARK = new LocalSpark("local[1]");

    private static void runs(Path dir) throws Exception {
        Publish.table(SPARK.session().sql("SELECT explode(array('old', 'new')) AS run_id"), dir.toString(),
                Tables.RUNS);
    }

    @Test
    void boundariesWrittenByTwoEnginesGiveTheReportTheNewerColumns(@TempDir Path tmp) throws Exception {
        runs(tmp);
        TwoEngineBoundaries.write(SPARK.session(), tmp);
        ResultViews.register(SPARK.session(), tmp.toString());
        assertTrue(ReportData.hasTable(SPARK.session(), Tables.BOUNDARIES, BoundarySection.COLUMNS));
        // BoundarySection draws class regions only where the view has predicted_class
        List<String> rows = SPARK.session().sql("SELECT run_id, predicted_class, confidence FROM boundaries"
                + " ORDER BY run_id").collectAsList().stream().map(Object::toString).toList();
        assertEquals(List.of("[new,1,0.75]", "[old,null,null]"), rows);
    }

    @Test
    void aTableWithoutTheColumnsASectionNeedsIsNotThere(@TempDir Path tmp) throws Exception {
        runs(tmp);
        ResultViews.register(SPARK.session(), tmp.toString());
        assertFalse(ReportData.hasTable(SPARK.session(), Tables.BOUNDARIES, BoundarySection.COLUMNS), "absent");
        SPARK.session().sql("SELECT 'new' AS run_id, 0.5D AS p").write()
                .parquet(tmp.resolve(Tables.BOUNDARIES).toString());
        ResultViews.register(SPARK.session(), tmp.toString());
        assertFalse(ReportData.hasTable(SPARK.session(), Tables.BOUNDARIES, BoundarySection.COLUMNS),
                "no i1, i2, x1, x2");
    }
}

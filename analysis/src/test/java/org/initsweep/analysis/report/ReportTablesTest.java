package org.initsweep.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.ResultViews;
import org.initsweep.analysis.TwoEngineBoundaries;
import org.initsweep.analysis.io.Publish;
import org.initsweep.core.trace.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's own views of the sweep's optional tables: the sweep's views, as the analysis registered them. */
class ReportTablesTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[1]").appName("report-tables-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static void runs(Path dir) throws Exception {
        Publish.table(spark.sql("SELECT explode(array('old', 'new')) AS run_id"), dir.toString(), Tables.RUNS);
    }

    @Test
    void boundariesWrittenByTwoEnginesGiveTheReportTheNewerColumns(@TempDir Path tmp) throws Exception {
        runs(tmp);
        TwoEngineBoundaries.write(spark, tmp);
        ResultViews.register(spark, tmp.toString());
        assertTrue(ReportData.hasTable(spark, Tables.BOUNDARIES, BoundarySection.COLUMNS));
        // BoundarySection draws class regions only where the view has predicted_class
        List<String> rows = spark.sql("SELECT run_id, predicted_class, confidence FROM report_boundaries"
                + " ORDER BY run_id").collectAsList().stream().map(Object::toString).toList();
        assertEquals(List.of("[new,1,0.75]", "[old,null,null]"), rows);
    }

    @Test
    void aTableWithoutTheColumnsASectionNeedsIsNotThere(@TempDir Path tmp) throws Exception {
        runs(tmp);
        ResultViews.register(spark, tmp.toString());
        assertFalse(ReportData.hasTable(spark, Tables.BOUNDARIES, BoundarySection.COLUMNS), "absent");
        spark.sql("SELECT 'new' AS run_id, 0.5D AS p").write().parquet(tmp.resolve(Tables.BOUNDARIES).toString());
        ResultViews.register(spark, tmp.toString());
        assertFalse(ReportData.hasTable(spark, Tables.BOUNDARIES, BoundarySection.COLUMNS), "no i1, i2, x1, x2");
    }
}

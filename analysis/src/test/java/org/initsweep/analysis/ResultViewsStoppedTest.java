package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table read that fails because Spark stopped is Spark's failure, not an unreadable table (bad input). */
class ResultViewsStoppedTest {

    @Test
    void aReadUnderAStoppedContextIsNotCalledABrokenTable(@TempDir Path tmp) throws Exception {
        Path table = Files.createDirectories(tmp.resolve("runs"));
        SparkSession spark = SparkSession.builder().master("local[1]").appName("stopped-read-test")
                .config("spark.ui.enabled", "false").getOrCreate();
        // the same read of a directory without Parquet files is the user's: one line, exit 2
        UserInputException bad = assertThrows(UserInputException.class,
                () -> ResultViews.read(spark, table.toString(), "runs"));
        assertEquals("cannot read table runs at " + table, bad.getMessage().substring(0, bad.getMessage().indexOf(':')));
        spark.stop();
        IllegalStateException stopped = assertThrows(IllegalStateException.class,
                () -> ResultViews.read(spark, table.toString(), "runs"));
        assertEquals("Cannot call methods on a stopped SparkContext.", stopped.getMessage().lines().findFirst().get());
    }
}

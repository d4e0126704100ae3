package org.initsweep.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.trace.Tables;

/**
 * A {@code boundaries/} table (one grid cell a run) as a sweep resumed by a newer engine leaves it: the older
 * engine's file (run {@code old}, no {@code predicted_class} or {@code confidence}) named so that it is listed
 * first, then the newer engine's (run {@code new}, class 1 at confidence 0.75). A reader that takes the schema of
 * one file sees the older columns only.
 */
public final class TwoEngineBoundaries {

    private TwoEngineBoundaries() {
    }

    /** Writes the table into {@code dir/boundaries}. */
    public static void write(SparkSession spark, Path dir) throws IOException {
        Path boundaries = dir.resolve(Tables.BOUNDARIES);
        String cell = "0 AS i1, 0 AS i2, -3.0D AS x1, -3.0D AS x2";
        spark.sql("SELECT 'old' AS run_id, " + cell + ", 0.25D AS p").write()
                .parquet(boundaries.resolve("a").toString());
        spark.sql("SELECT 'new' AS run_id, " + cell + ", 0.75D AS p, 1 AS predicted_class, 0.75D AS confidence")
                .write().parquet(boundaries.resolve("b").toString());
        for (String part : new String[] {"a", "b"}) {
            try (var files = Files.list(boundaries.resolve(part))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                    Files.move(f, boundaries.resolve(part + "-" + f.getFileName()));
                }
            }
        }
    }
}

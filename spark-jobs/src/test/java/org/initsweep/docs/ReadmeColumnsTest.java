package org.initsweep.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.initsweep.analysis.Analysis;
import org.initsweep.analysis.compare.InitComparison;
import org.initsweep.analysis.isometry.IsometryAnalysis;
import org.initsweep.analysis.trainability.TrainabilityAnalysis;
import org.initsweep.spark.TraceRows;
import org.junit.jupiter.api.Test;

/**
 * Every column of every table a sweep or an analysis writes is named, in backticks, in the README's
 * description of the output: a user querying with Spark SQL meets no column the documentation is silent on.
 */
class ReadmeColumnsTest {

    @Test
    void everyWrittenColumnIsDocumented() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Map<String, StructType> tables = new LinkedHashMap<>();
        tables.put("runs", TraceRows.RUNS);
        tables.put("layers", TraceRows.LAYERS);
        tables.put("epochs", TraceRows.EPOCHS);
        tables.put("histograms", TraceRows.HISTOGRAMS);
        tables.put("jacobian", TraceRows.JACOBIAN);
        tables.put("boundaries", TraceRows.BOUNDARIES);
        tables.put("regions", Analysis.REGIONS);
        tables.put("growth", Analysis.GROWTH);
        tables.put("agreement", Analysis.AGREEMENT);
        tables.put("trainability", TrainabilityAnalysis.SCHEMA);
        tables.put("trainability_bound", TrainabilityAnalysis.BOUND_SCHEMA);
        tables.put("isometry", IsometryAnalysis.SCHEMA);
        tables.put("compare", InitComparison.schema(TraceRows.RUNS));
        List<String> missing = new ArrayList<>();
        tables.forEach((table, schema) -> {
            for (StructField f : schema.fields()) {
                if (!readme.contains("`" + f.name() + "`")) {
                    missing.add(table + "." + f.name());
                }
            }
        });
        assertEquals(List.of(), missing, "columns the README does not name");
    }
}

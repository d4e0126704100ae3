package org.initsweep.analysis.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.initsweep.core.MessageLines;
import org.initsweep.core.trace.Tables;

/** Trace tables the report shows as plain tables, not charts: their columns, first rows and row count. */
final class ExtraTables {

    /** Tables shown as plain tables when present but not charted (another schema than expected). */
    static final List<String> TABLES = List.of(Tables.BOUNDARIES, Tables.HISTOGRAMS, Tables.COMPARE);

    /** Rows of an extra table put in the page. */
    static final int ROWS = 200;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ExtraTables() {
    }

    /**
     * Tables of {@link #TABLES} that exist but are not charted ({@code charted}): columns,
     * the first rows as text, the row count.
     */
    static ArrayNode collect(SparkSession spark, FileSystem fs, String dir, String... charted)
            throws IOException {
        ArrayNode out = F.arrayNode();
        for (String table : TABLES) {
            Path p = new Path(dir, table);
            if (!fs.exists(p) || List.of(charted).contains(table)) {
                continue;
            }

            ObjectNode t = out.addObject();
            t.put("table", table);
            try {
                var df = spark.read().parquet(p.toString());
                ArrayNode cols = t.putArray("columns");
                for (StructField f : df.schema().fields()) {
                    cols.add(f.name());
                }
                t.put("total", df.count());
                ArrayNode rows = t.putArray("rows");
                for (Row r : df.limit(ROWS).collectAsList()) {
                    ArrayNode row = rows.addArray();
                    for (int i = 0; i < r.length(); i++) {
                        Object v = r.get(i);
                        if (v == null) {
                            row.addNull();
                        } else if (v instanceof Number n && !(v instanceof java.math.BigDecimal)) {
                            row.add(ReportData.number(n.doubleValue()));
                        } else {
                            row.add(String.valueOf(v));
                        }
                    }
                }
            } catch (RuntimeException e) {
                t.put("error", "cannot read " + table + "/: " + MessageLines.reason(e));
            }
        }
        return out;
    }
}

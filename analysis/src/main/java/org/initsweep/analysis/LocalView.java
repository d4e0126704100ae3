package org.initsweep.analysis;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A few rows from the driver as a temporary view for one query: joined with a table, Spark broadcasts such a
 * local table, where computing the same rows in the query (an aggregate of {@code runs}) costs a shuffle and its
 * jobs. The view is named for the call alone, so that no other query of the session meets it, and dropped after.
 */
public final class LocalView {

    private LocalView() {
    }

    /**
     * Runs {@code query} with {@code rows} registered as a view whose name it is given.
     *
     * @param prefix the view name's start, saying what it holds
     * @return what {@code query} returns
     */
    public static <T> T with(SparkSession spark, List<Row> rows, StructType schema, String prefix,
            Function<String, T> query) {
        String view = "initsweep_" + prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "");
        spark.createDataFrame(rows, schema).createOrReplaceTempView(view);
        try {
            return query.apply(view);
        } finally {
            spark.catalog().dropTempView(view);
        }
    }
}

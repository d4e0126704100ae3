package org.initsweep.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * K, the classes of each dataset of a sweep (the {@code runs} view's {@code classes}): what its cost is
 * a cross-entropy over, and its chance level ln K.
 */
public final class DatasetClasses {

    private DatasetClasses() {
    }

    /** K per dataset name of the registered {@code runs} view. */
    public static Map<String, Integer> of(SparkSession spark) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Row r : spark.sql("SELECT dataset, max(classes) FROM runs GROUP BY dataset").collectAsList()) {
            out.put(r.getString(0), r.getInt(1));
        }
        return out;
    }
}

package org.initsweep.core.spec;

import java.io.Serializable;

/**
 * A column of the result tables: its name, SQL type and whether it may be null. Spark-free, so that
 * sweep-core can declare what {@code spark-jobs} writes.
 *
 * @param name     column name, e.g. {@code depth}
 * @param type     value type
 * @param nullable whether the column may hold null
 */
public record Column(String name, Type type, boolean nullable) implements Serializable {

    /** The value types of result columns (Spark SQL's INT, BIGINT, DOUBLE, STRING). */
    public enum Type {
        /** 32-bit integer; values are {@link Integer}. */
        INT,
        /** 64-bit integer; values are {@link Long}. */
        LONG,
        /** double; values are {@link Double}. */
        DOUBLE,
        /** text; values are {@link String}. */
        STRING
    }
}

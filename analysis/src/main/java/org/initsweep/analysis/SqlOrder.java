package org.initsweep.analysis;

import java.util.Comparator;
import org.apache.spark.sql.Row;

/**
 * Spark SQL's ascending {@code ORDER BY} for rows already on the driver: a sort in the query costs a sampling
 * job and a shuffle, where the collected rows can be sorted here in the same order. As Spark orders: nulls
 * first; a double or float NaN after every number and −0.0 equal to 0.0 ({@code SQLOrderingUtil}); a string
 * by its UTF-8 bytes, that is by code point (Java's {@code compareTo} compares UTF-16 units, which puts a
 * character past U+FFFF before U+E000…U+FFFF); other values by their natural order.
 */
public final class SqlOrder {

    private SqlOrder() {
    }

    /**
     * {@code ORDER BY c1, c2, …} ascending, nulls first, of rows with a schema that has the named columns.
     *
     * @throws IllegalArgumentException (when comparing) if a row's schema lacks a column; an
     *                                  {@link UnsupportedOperationException} if a row has no schema
     */
    public static Comparator<Row> ascending(String... columns) {
        Comparator<Row> order = (a, b) -> 0;
        for (String c : columns) {
            order = order.thenComparing((a, b) -> compare(a.get(a.fieldIndex(c)), b.get(b.fieldIndex(c))));
        }
        return order;
    }

    /** Two values of one column as Spark SQL orders them ascending, nulls first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue() ? 0 : Double.compare(x, y);
        }
        if (a instanceof Float x && b instanceof Float y) {
            return x.floatValue() == y.floatValue() ? 0 : Float.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return byCodePoint(x, y);
        }
        return ((Comparable) a).compareTo(b);
    }

    private static int byCodePoint(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Boolean.compare(i < x.length(), j < y.length());
    }
}

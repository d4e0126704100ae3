package org.initsweep.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for the console: columns as wide as their widest entry, text left-aligned and numbers
 * right-aligned, two spaces of indent. A column marked {@link Column#ifVarying} is shown only when its
 * rows differ, so that a sweep of one dataset does not print a column of one name while rows that
 * differ only there stay distinguishable.
 */
public final class ConsoleTable {

    /**
     * @param name      the header
     * @param right     right-aligned (numbers)
     * @param ifVarying shown only when not every row holds the same entry
     */
    public record Column(String name, boolean right, boolean ifVarying) {

        /** A text column, always shown. */
        public static Column text(String name) {
            return new Column(name, false, false);
        }

        /** A number column, always shown. */
        public static Column number(String name) {
            return new Column(name, true, false);
        }
    }

    private ConsoleTable() {
    }

    /**
     * @param columns the columns, in order
     * @param rows    one entry per column each
     * @return the header line, then one line per row
     * @throws IllegalArgumentException if a row has not one entry per column
     */
    public static List<String> lines(List<Column> columns, List<String[]> rows) {
        for (String[] r : rows) {
            if (r.length != columns.size()) {
                throw new IllegalArgumentException("a row has " + r.length + " entries for " + columns.size() + " columns");
            }
        }
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            int col = c;
            if (!columns.get(c).ifVarying() || rows.stream().map(r -> r[col]).distinct().count() > 1) {
                shown.add(c);
            }
        }
        int[] width = new int[columns.size()];
        for (int c : shown) {
            width[c] = columns.get(c).name().length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        List<String> out = new ArrayList<>();
        out.add(line(columns, shown, width, columns.stream().map(Column::name).toArray(String[]::new)));
        rows.forEach(r -> out.add(line(columns, shown, width, r)));
        return out;
    }

    private static String line(List<Column> columns, List<Integer> shown, int[] width, String[] entries) {
        StringBuilder b = new StringBuilder(" ");
        for (int c : shown) {
            String pad = " ".repeat(width[c] - entries[c].length());
            b.append(' ').append(columns.get(c).right() ? pad + entries[c] : entries[c] + pad);
        }
        return b.toString().stripTrailing();
    }
}

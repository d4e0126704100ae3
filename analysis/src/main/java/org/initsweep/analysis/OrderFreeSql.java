package org.initsweep.analysis;

/**
 * Spark SQL aggregates whose result does not depend on the order rows arrive in. Spark's {@code avg} and
 * {@code stddev_samp} add partial sums in partition order, so a published table's last bits moved with the
 * master, the tasks and the chunks (helper-54: {@code agreement/}'s {@code var_a_log_error} read
 * 0.1992943206438291 or 0.19929432064382918). These sum the group's values sorted, then divide: the same
 * bits from any partitioning, as the README's determinism section promises for every table.
 */
public final class OrderFreeSql {

    private OrderFreeSql() {
    }

    /** The mean of a double expression over a group, as {@code avg}: null where it has no non-null value. */
    public static String mean(String expr) {
        return "CASE WHEN count(" + expr + ") = 0 THEN NULL ELSE " + sortedSum(expr, "v") + " / count(" + expr
                + ") END";
    }

    /**
     * {@link #mean(String)} on the driver, bit for bit: the values sorted as Spark's {@code array_sort} sorts them
     * (NaN last), summed from 0 in that order, divided by their count. For rows a query has already brought to the
     * driver, where grouping them there saves the query a shuffle.
     *
     * @param values the group's values; nulls are skipped, as the aggregate skips them
     * @return their mean, or null where none is non-null
     */
    public static Double mean(java.util.Collection<Double> values) {
        double[] v = values.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        if (v.length == 0) {
            return null;
        }
        java.util.Arrays.sort(v);
        double sum = 0D;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /**
     * The sample standard deviation, as {@code stddev_samp}: null for fewer than two values. Welford's one-pass
     * update (Welford 1962; Knuth, TAOCP vol. 2, 4.2.2) over the sorted values.
     */
    public static String sampleSd(String expr) {
        return "CASE WHEN count(" + expr + ") < 2 THEN NULL ELSE aggregate(" + sorted(expr)
                + ", named_struct('n', 0D, 'm', 0D, 's', 0D), (a, v) -> named_struct('n', a.n + 1,"
                + " 'm', a.m + (v - a.m) / (a.n + 1), 's', a.s + (v - a.m) * (v - (a.m + (v - a.m) / (a.n + 1)))),"
                + " a -> sqrt(a.s / (a.n - 1))) END";
    }

    private static String sortedSum(String expr, String term) {
        return "aggregate(" + sorted(expr) + ", 0D, (s, v) -> s + " + term + ")";
    }

    private static String sorted(String expr) {
        return "array_sort(collect_list(CAST(" + expr + " AS DOUBLE)))";
    }
}

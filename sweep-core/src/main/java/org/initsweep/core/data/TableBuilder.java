package org.initsweep.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.initsweep.core.UserInputException;

/**
 * Collects the rows of a table (CSV here, Parquet in the Spark job) into a {@link LabeledData}, with
 * the checks and messages both formats share: features must be finite float32 numbers, labels
 * integers, at most {@link LabeledData#MAX_CLASSES} classes, and the data within a {@link MemoryBudget}
 * (enforced as rows arrive, since a file's length only estimates its rows).
 *
 * <p>Labels may be any 64-bit integers; they become classes 0..K−1 in sorted order
 * ({@link LabeledData#classValues()} keeps the mapping). Rows are stored in blocks of about 4 MiB and
 * copied into one array at the end, so reading needs up to twice the final size for a moment.
 */
public final class TableBuilder {

    private final String dataset;
    private final String path;
    private final String labelColumn;
    private final List<String> featureNames;
    private final int features;
    private final MemoryBudget budget;
    private final int rowsPerBlock;
    /** Rows within the budget. */
    private final long maxRows;
    private final List<float[]> blocks = new ArrayList<>();
    private float[] block;
    private int rowInBlock;
    private long[] labels = new long[1024];
    private int rows;

    /**
     * @param dataset      dataset name (for the memory refusal)
     * @param path         the table's path as written (for messages)
     * @param labelColumn  name of the label column (for messages)
     * @param featureNames feature columns in order, at least one
     * @param budget       the most bytes the finished data may take
     * @throws UserInputException if there is no feature column besides the label column
     */
    public TableBuilder(String dataset, String path, String labelColumn, List<String> featureNames, MemoryBudget budget) {
        if (featureNames.isEmpty()) {
            throw new UserInputException(path + ": no feature columns besides the label column \"" + labelColumn + "\"");
        }
        this.dataset = dataset;
        this.path = path;
        this.labelColumn = labelColumn;
        this.featureNames = List.copyOf(featureNames);
        this.features = featureNames.size();
        this.budget = budget;
        this.rowsPerBlock = Math.max(1, (1 << 20) / features);
        this.maxRows = budget.bytes() / LabeledData.bytes(1, features);
    }

    /** Sets feature {@code j} of the current row; {@code value} must have passed {@link #featureProblem(double)}. */
    public void set(int j, float value) {
        if (block == null || rowInBlock == rowsPerBlock) {
            newBlock();
        }
        block[rowInBlock * features + j] = value;
    }

    /**
     * Ends the current row with its label. Every feature of the row must have been set.
     *
     * @throws UserInputException if the table outgrows its memory budget or the most values one dataset holds
     */
    public void endRow(long label) {
        if (rows >= maxRows) {
            budget.checkAtLeast(dataset, LabeledData.bytes(rows + 1L, features));
        }
        if ((long) (rows + 1) * features > LabeledData.MAX_VALUES) {
            throw new UserInputException(String.format(Locale.ROOT, "%s: more than %d rows of %d features, more values"
                    + " than one array holds (%d)", path, rows, features, LabeledData.MAX_VALUES));
        }
        if (rows == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[rows++] = label;
        rowInBlock++;
    }

    /** Rows completed so far. */
    public int rows() {
        return rows;
    }

    private void newBlock() {
        block = new float[rowsPerBlock * features];
        blocks.add(block);
        rowInBlock = 0;
    }

    /**
     * The table as a dataset.
     *
     * @throws UserInputException if it has no rows or more than {@link LabeledData#MAX_CLASSES} distinct labels
     */
    public LabeledData build() {
        if (rows == 0) {
            throw new UserInputException(path + ": no data rows");
        }
        budget.check(dataset, LabeledData.bytes(rows, features));
        long[] sorted = Arrays.copyOf(labels, rows);
        Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < rows; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        if (k > LabeledData.MAX_CLASSES) {
            throw new UserInputException(String.format(Locale.ROOT, "%s: the label column \"%s\" holds %d distinct values;"
                    + " at most %d classes are supported (is it a class label?)", path, labelColumn, k, LabeledData.MAX_CLASSES));
        }
        long[] classValues = Arrays.copyOf(sorted, k);
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = Arrays.binarySearch(classValues, labels[i]);
        }
        float[] x = new float[rows * features];
        int done = 0;
        for (float[] b : blocks) {
            int n = Math.min(rowsPerBlock, rows - done);
            if (n <= 0) {
                break;
            }
            System.arraycopy(b, 0, x, done * features, n * features);
            done += n;
        }
        blocks.clear();
        return new LabeledData(x, y, rows, features, classValues, featureNames);
    }

    /**
     * What is wrong with a feature value, or null if it is a finite number within float32's range.
     *
     * @param value the value as read (a double, before rounding to float32)
     */
    public static String featureProblem(double value) {
        if (Double.isNaN(value)) {
            return "NaN is not allowed (features must be finite numbers)";
        }
        if (Double.isInfinite(value)) {
            return (value > 0 ? "" : "-") + "Infinity is not allowed (features must be finite numbers)";
        }
        if (Float.isInfinite((float) value)) {
            return String.format(Locale.ROOT, "%s is beyond the float32 range (±3.4e38)", value);
        }
        return null;
    }

    /** The label if {@code value} is an integer (at most 2^53 in magnitude, exact in a double), else null. */
    public static Long integralLabel(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) <= 0x1p53) {
            return (long) value;
        }
        return null;
    }

    /**
     * The refusal of a table without its label column, listing the columns it has (and a column that
     * differs only in case).
     */
    public static UserInputException noLabelColumn(String path, String labelColumn, List<String> columns) {
        return noLabelColumn(path, labelColumn, columns, null);
    }

    /**
     * As {@link #noLabelColumn(String, String, List)}, with a hint for the file's format.
     *
     * @param hint appended after the field's name, or null
     */
    public static UserInputException noLabelColumn(String path, String labelColumn, List<String> columns, String hint) {
        String near = "";
        for (String c : columns) {
            if (c.equalsIgnoreCase(labelColumn.strip())) {
                near = " (did you mean \"" + c + "\"?)";
            }
        }
        // the first columns and the last two, where a label column often stands
        String list = columns.size() <= 10 ? String.join(", ", columns)
                : String.join(", ", columns.subList(0, 8)) + ", …, "
                        + String.join(", ", columns.subList(columns.size() - 2, columns.size())) + " (" + columns.size()
                        + " in all)";
        return new UserInputException(path + ": no label column \"" + labelColumn + "\"" + near + "; columns: " + list
                + " (the dataset's \"label\" field names it" + (hint == null ? "" : "; " + hint) + ")");
    }
}

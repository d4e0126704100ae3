package org.initsweep.core.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.initsweep.core.UserInputException;

/**
 * Reads a CSV table (RFC 4180, see {@link CsvScanner}; plain or gzip, detected by the magic bytes): a
 * header row naming the columns (names are trimmed of spaces), then one example per row; or, without a
 * header row, columns named {@code _c0}, {@code _c1}, … as Spark's CSV reader names them. The column
 * named by the spec field {@code label} holds the class as an integer ({@code 3}, {@code -1}, also
 * {@code 3.0}); every other column is a numeric feature, stored as float32 (parsed as a double, then
 * rounded). Labels become classes in sorted order ({@link TableBuilder}).
 *
 * <p>Errors are one line naming the file, line and column: a ragged row, an empty cell, text that is
 * not a number, NaN or Infinity, a value beyond float32, a label that is not an integer, a missing
 * label column, a duplicate column name, more than 1,000 classes, no data rows.
 */
public final class CsvTableReader {

    /** The bytes {@link #estimateBytes} reads to estimate a table's rows. */
    static final int SAMPLE = 1 << 20;

    /** A label written as an integer: an optional sign and digits. */
    private static final java.util.regex.Pattern PLAIN_INTEGER = java.util.regex.Pattern.compile("[+-]?[0-9]+");

    private CsvTableReader() {
    }

    /**
     * Reads a table with a header row.
     *
     * @param input       the file
     * @param labelColumn name of the label column
     * @param dataset     the dataset's name (for the memory refusal)
     * @param budget      the most bytes the data may take in memory
     * @return features {@code [rows, columns − 1]} in column order, labels, the file's provenance
     * @throws UserInputException naming file, line and column of the first defect
     */
    public static ReadResult read(Input input, String labelColumn, String dataset, MemoryBudget budget) {
        return new Run(input, dataset, budget).read(labelColumn, -1, null);
    }

    /**
     * Reads a table with or without a header row.
     *
     * @param header      whether the first line names the columns; if not, they are {@code _c0}, {@code _c1}, …
     *                    ({@link #sparkName}), counted on the first line, and every line is an example
     * @param labelColumn name of the label column, e.g. {@code _c64} without a header row
     * @return features {@code [rows, columns − 1]} in column order, labels, the file's provenance
     * @throws UserInputException naming file, line and column of the first defect
     */
    public static ReadResult read(Input input, boolean header, String labelColumn, String dataset, MemoryBudget budget) {
        if (header) {
            return read(input, labelColumn, dataset, budget);
        }
        List<String> columns = new ArrayList<>();
        for (int c = 0, n = firstLineFields(input); c < n; c++) {
            columns.add(sparkName(c));
        }
        int labelIndex = columns.indexOf(labelColumn);
        if (labelIndex < 0) {
            throw TableBuilder.noLabelColumn(input.path(), labelColumn, columns, "without a header row the columns are"
                    + " named by position from _c0, e.g. \"label\": \"" + columns.get(columns.size() - 1) + "\" for the last");
        }
        return new Run(input, dataset, budget).read(labelColumn, labelIndex, columns);
    }

    /** The name Spark's CSV reader gives column {@code index} (from 0) of a table without a header row. */
    public static String sparkName(int index) {
        return "_c" + index;
    }

    /**
     * Reads a table without a header (the shipped {@code digits}).
     *
     * @param labelIndex   0-based index of the label column
     * @param featureNames names of the other columns, in order
     */
    static ReadResult readHeaderless(Input input, int labelIndex, List<String> featureNames, String dataset) {
        return new Run(input, dataset, MemoryBudget.UNLIMITED).read(null, labelIndex, featureNames);
    }

    /**
     * Estimates the bytes a table takes in memory ({@link LabeledData#bytes(long, long)}) from its header
     * and the rows in its first MiB, scaled to the stored size (for a gzip file, by the compression
     * ratio of that first MiB). Exact for a table smaller than that; {@link #read} enforces the budget
     * as it reads, so an estimate that falls short still stops a table too large.
     *
     * @param storedBytes the file's length
     * @throws UserInputException if the file cannot be read or has no header row
     */
    public static long estimateBytes(Input input, long storedBytes) {
        return estimateBytes(input, storedBytes, true);
    }

    /**
     * As {@link #estimateBytes(Input, long)}, for a table with or without a header row.
     *
     * @param header whether the first line names the columns (else it is an example too)
     * @throws UserInputException if the file cannot be read, is empty or (with a header) has no header row
     */
    public static long estimateBytes(Input input, long storedBytes, boolean header) {
        try (HashedInput in = HashedInput.open(input.source())) {
            byte[] buf = new byte[SAMPLE];
            int n = 0;
            boolean whole;
            try {
                for (int r; n < SAMPLE && (r = in.data.read(buf, n, SAMPLE - n)) > 0; ) {
                    n += r;
                }
                whole = n < SAMPLE || in.data.read() < 0;
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                whole = true; // a gzip stream cut or damaged within the sample: read() says at which line
            }
            byte[] sample = java.util.Arrays.copyOf(buf, n);
            CsvScanner s = new CsvScanner(new ByteArrayInputStream(sample));
            if (s.atEnd()) {
                throw new UserInputException(input.path() + (header ? ": empty (a header row naming the columns is expected)"
                        : ": empty (no data rows)"));
            }
            int columns = recordFields(s);
            long rows = header ? 0 : 1;
            try {
                while (!s.atEnd()) {
                    recordFields(s);
                    rows++;
                }
            } catch (CsvScanner.Malformed e) {
                // the sample may end inside a quoted field; a real defect is reported by read()
            }
            if (!whole) {
                // The sample ends inside a row (counted above as a whole one): bytes per row, scaled.
                double perRow = sample.length / (double) Math.max(1, rows);
                double content = in.gzip
                        ? storedBytes * (sample.length / (double) Math.max(1, in.storedBytesFor(sample.length)))
                        : storedBytes;
                rows = (long) Math.ceil(content / perRow);
            }
            return LabeledData.bytes(rows, Math.max(1, columns - 1));
        } catch (IOException e) {
            throw DataErrors.io(input.path(), e);
        } catch (CsvScanner.Malformed e) {
            throw new UserInputException(String.format(Locale.ROOT, "%s: line %d: %s", input.path(), e.line, e.getMessage()));
        }
    }

    /** Fields on the first line of a table; a table without one is empty. */
    private static int firstLineFields(Input input) {
        try (HashedInput in = HashedInput.open(input.source())) {
            CsvScanner s = new CsvScanner(in.data);
            if (s.atEnd()) {
                throw new UserInputException(input.path() + ": empty (no data rows)");
            }
            return recordFields(s);
        } catch (IOException e) {
            throw DataErrors.io(input.path(), e);
        } catch (CsvScanner.Malformed e) {
            throw new UserInputException(String.format(Locale.ROOT, "%s: line %d: %s", input.path(), e.line, e.getMessage()));
        }
    }

    /** Reads the scanner's next record to its end: how many fields it has. */
    private static int recordFields(CsvScanner s) throws IOException, CsvScanner.Malformed {
        int fields = 0;
        boolean last;
        do {
            last = s.readField();
            fields++;
        } while (!last);
        return fields;
    }

    /** One read of one file. */
    private static final class Run {
        private final Input input;
        private final String path;
        private final String dataset;
        private final MemoryBudget budget;
        private CsvScanner scanner;
        private boolean headerless;

        Run(Input input, String dataset, MemoryBudget budget) {
            this.input = input;
            this.path = input.path();
            this.dataset = dataset;
            this.budget = budget;
        }

        ReadResult read(String labelColumn, int labelIndex, List<String> givenNames) {
            try (HashedInput in = HashedInput.open(input.source())) {
                scanner = new CsvScanner(in.data);
                headerless = givenNames != null;
                List<String> columns;
                if (givenNames == null) {
                    columns = header();
                    labelIndex = columns.indexOf(labelColumn);
                    if (labelIndex < 0) {
                        throw TableBuilder.noLabelColumn(path, labelColumn, columns, allNumbers(columns)
                                ? "the first line holds numbers, not names: a table without a header row needs \"header\": false"
                                : null);
                    }
                } else if (labelColumn != null) {
                    columns = givenNames;
                } else {
                    columns = new ArrayList<>(givenNames);
                    columns.add(labelIndex, "label");
                    labelColumn = "label";
                }
                List<String> featureNames = new ArrayList<>(columns);
                featureNames.remove(labelIndex);
                TableBuilder table = new TableBuilder(dataset, path, labelColumn, featureNames, budget);
                rows(table, columns, labelIndex);
                LabeledData data = table.build();
                DataFile file = in.finish(input.role(), path);
                return new ReadResult(data, List.of(file));
            } catch (IOException e) {
                if (scanner == null) {
                    throw DataErrors.io(path, e);
                }
                // a gzip stream cut short or corrupt, or a read error, while parsing
                throw new UserInputException(String.format(Locale.ROOT, "%s: line %d: %s", path, scanner.recordLine,
                        DataErrors.describe(e)), e);
            } catch (CsvScanner.Malformed e) {
                throw new UserInputException(String.format(Locale.ROOT, "%s: line %d: %s", path, e.line, e.getMessage()));
            }
        }

        private List<String> header() throws IOException, CsvScanner.Malformed {
            if (scanner.atEnd()) {
                throw new UserInputException(path + ": empty (a header row naming the columns is expected)");
            }
            List<String> names = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean last;
            do {
                last = scanner.readField();
                String name = scanner.text().strip();
                Integer before = seen.put(name, names.size());
                names.add(name);
                if (before != null) {
                    throw new UserInputException(String.format(Locale.ROOT, "%s: line %d: columns %d and %d are both named \"%s\"%s",
                            path, scanner.recordLine, before + 1, names.size(), name, allNumbers(names)
                                    ? " (the first line is read as the header; a table without one needs \"header\": false)" : ""));
                }
            } while (!last);
            return names;
        }

        private void rows(TableBuilder table, List<String> columns, int labelIndex) throws IOException, CsvScanner.Malformed {
            int n = columns.size();
            while (!scanner.atEnd()) {
                long line = scanner.recordLine;
                long label = 0;
                int col = 0;
                boolean last = false;
                while (!last) {
                    last = scanner.readField();
                    if (col >= n) {
                        col++;
                        continue; // counted for the message below
                    }
                    if (col == labelIndex) {
                        label = label(line, col, columns.get(col));
                    } else {
                        table.set(col < labelIndex ? col : col - 1, feature(line, col, columns.get(col)));
                    }
                    col++;
                }
                if (col != n) {
                    throw new UserInputException(String.format(Locale.ROOT, "%s: line %d: %d field%s, but the %s has %d"
                            + " (ragged row)", path, line, col, col == 1 ? "" : "s", headerless ? "first row" : "header", n));
                }
                table.endRow(label);
            }
        }

        private float feature(long line, int col, String name) {
            CsvScanner s = scanner;
            double v = NumberParser.parse(s.field, 0, s.length);
            String problem;
            if (Double.isNaN(v)) {
                String text = s.text();
                problem = text.isBlank() ? "empty cell (features must be finite numbers)"
                        : NumberParser.namesNonFinite(text) ? text.strip() + " is not allowed (features must be finite numbers)"
                        : "not a number: \"" + shorten(text) + "\"";
            } else if (Float.isInfinite((float) v) && !NumberParser.namesNonFinite(s.text())) {
                // as written: 1e400 overflows the double to Infinity, which the file does not say
                problem = shorten(s.text().strip()) + " is beyond the float32 range (±3.4e38)";
            } else {
                problem = TableBuilder.featureProblem(v);
            }
            if (problem != null) {
                throw cell(line, col, name, problem);
            }
            return (float) v;
        }

        private long label(long line, int col, String name) {
            CsvScanner s = scanner;
            double v = NumberParser.parse(s.field, 0, s.length);
            if (Math.abs(v) < 0x1p53 && v == Math.rint(v)) {
                return (long) v; // a double holds every integer below 2^53 exactly: 3, 3.0 and 3e0 alike
            }
            // beyond, only the digits say which 64-bit label it is (2^53 + 1 parses as the double 2^53)
            String text = s.text().strip();
            if (PLAIN_INTEGER.matcher(text).matches()) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw cell(line, col, name, "the label " + shorten(text) + " is beyond the 64-bit integer range");
                }
            }
            throw cell(line, col, name, text.isEmpty() ? "empty label"
                    : Double.isFinite(v) && v == Math.rint(v) ? "the label " + shorten(text) + " is beyond 2^53: write it"
                    + " as a plain integer, whose digits give it exactly"
                    : "the label must be an integer, got \"" + shorten(text) + "\"");
        }

        private UserInputException cell(long line, int col, String name, String problem) {
            return new UserInputException(String.format(Locale.ROOT, "%s: line %d, column %d (\"%s\"): %s",
                    path, line, col + 1, name, problem));
        }
    }

    /** Whether every name is a number: a first line of data read as a header. */
    private static boolean allNumbers(List<String> names) {
        for (String name : names) {
            byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (Double.isNaN(NumberParser.parse(b, 0, b.length))) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}

package org.initsweep.spark.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.initsweep.core.MessageLines;
import org.initsweep.core.UserInputException;
import org.initsweep.core.data.DataFile;
import org.initsweep.core.data.LabeledData;
import org.initsweep.core.data.MemoryBudget;
import org.initsweep.core.data.ReadResult;
import org.initsweep.core.data.TableBuilder;
import org.initsweep.core.data.TableReader;

/**
 * Reads a Parquet table (a file, or a directory Spark wrote, partitions discovered) on the driver with
 * {@code spark.read().parquet(path)}, into a {@link LabeledData} with the checks and messages of a CSV
 * table ({@link TableBuilder}): the label column must exist and hold integers (an integer type, or a
 * floating or decimal type whose values are integral), every other column is a numeric feature
 * (rounded to float32), no nulls, NaN or Infinity.
 *
 * <p>Rows come in a fixed order, by file path and then by row within the file (Spark's
 * {@code _metadata.file_path} and {@code _metadata.row_index}), so the data, and every seeded split of
 * them, are the same whatever the master and its parallelism. Errors name the file and the row
 * (1-based) within it.
 *
 * <p>Provenance: for a single file, its length and the SHA-256 of its bytes; for a directory, the total
 * length of the files Spark reads ({@code Dataset.inputFiles()}) and the SHA-256 of the text
 * {@code "<sha256>  <path relative to the directory>\n"} over those files in order of relative path
 * (what {@code sha256sum} prints for them, sorted), read through Hadoop's FileSystem.
 */
public final class ParquetTableReader implements TableReader {

    private static final String FILE = "_initsweep_file";
    private static final String ROW = "_initsweep_row";

    private final SparkSession spark;

    /** @param spark the session that reads (on the driver) */
    public ParquetTableReader(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    public long estimateBytes(String path, String labelColumn) {
        Dataset<Row> df = open(path);
        // A count of a Parquet scan is answered from the footers' row counts.
        return LabeledData.bytes(df.count(), Math.max(1, df.columns().length - 1));
    }

    @Override
    public ReadResult read(String role, String path, String labelColumn, String dataset, MemoryBudget budget) {
        Dataset<Row> df = open(path);
        List<String> columns = Arrays.asList(df.columns());
        if (!columns.contains(labelColumn)) {
            throw TableBuilder.noLabelColumn(path, labelColumn, columns);
        }
        List<String> features = new ArrayList<>();
        List<Column> select = new ArrayList<>();
        boolean integralLabel = false;
        for (StructField f : df.schema().fields()) {
            DataType t = f.dataType();
            if (f.name().equals(labelColumn)) {
                integralLabel = isIntegral(t);
                if (!integralLabel && !isFractional(t)) {
                    throw new UserInputException(String.format(Locale.ROOT, "%s: the label column \"%s\" has type %s;"
                            + " labels must be integers", path, f.name(), t.simpleString()));
                }
                continue;
            }
            if (!isIntegral(t) && !isFractional(t)) {
                throw new UserInputException(String.format(Locale.ROOT, "%s: column \"%s\" has type %s; features must be"
                        + " numeric", path, f.name(), t.simpleString()));
            }
            features.add(f.name());
            select.add(functions.col(quote(f.name())).cast("double"));
        }
        select.add(functions.col(quote(labelColumn)).cast(integralLabel ? "long" : "double"));
        select.add(functions.col("_metadata.file_path").as(FILE));
        select.add(functions.col("_metadata.row_index").as(ROW));
        TableBuilder table = new TableBuilder(dataset, path, labelColumn, features, budget);
        int n = features.size();
        Dataset<Row> ordered = df.select(select.toArray(Column[]::new)).coalesce(1).sortWithinPartitions(FILE, ROW);
        Iterator<Row> rows = ordered.toLocalIterator();
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int j = 0; j < n; j++) {
                if (r.isNullAt(j)) {
                    throw cell(r, n, features.get(j), "null (a missing value; features must be finite numbers)");
                }
                double v = r.getDouble(j);
                String problem = TableBuilder.featureProblem(v);
                if (problem != null) {
                    throw cell(r, n, features.get(j), problem);
                }
                table.set(j, (float) v);
            }
            if (r.isNullAt(n)) {
                throw cell(r, n, labelColumn, "null (a missing label)");
            }
            long label;
            if (integralLabel) {
                label = r.getLong(n);
            } else {
                double v = r.getDouble(n);
                Long l = TableBuilder.integralLabel(v);
                if (l == null) {
                    throw cell(r, n, labelColumn, "the label must be an integer, got " + v);
                }
                label = l;
            }
            table.endRow(label);
        }
        LabeledData data = table.build();
        return new ReadResult(data, List.of(provenance(role, path, df.inputFiles())));
    }

    private Dataset<Row> open(String path) {
        HadoopPathOpener.path(path);
        try {
            return spark.read().parquet(path);
        } catch (Exception e) {
            // AnalysisException for a missing path, SparkException for a file that is not Parquet
            String msg = MessageLines.reason(e);
            if (e instanceof AnalysisException && msg.contains("PATH_NOT_FOUND")) {
                throw new UserInputException(path + ": no such file or directory", e);
            }
            throw new UserInputException(path + ": cannot read it as Parquet (" + MessageLines.innermost(e) + ")", e);
        }
    }

    private static UserInputException cell(Row r, int n, String column, String problem) {
        return new UserInputException(String.format(Locale.ROOT, "%s: row %d, column \"%s\": %s",
                r.getString(n + 1), r.getLong(n + 2) + 1, column, problem));
    }

    private DataFile provenance(String role, String path, String[] inputFiles) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            Path root = new Path(path);
            FileSystem fs = root.getFileSystem(conf);
            FileStatus rootStatus = fs.getFileStatus(root);
            if (!rootStatus.isDirectory()) {
                byte[] digest = digest(fs, root);
                return new DataFile(role, path, rootStatus.getLen(), HexFormat.of().formatHex(digest));
            }
            String prefix = fs.makeQualified(root).toUri().getPath();
            prefix = prefix.endsWith("/") ? prefix : prefix + "/";
            List<String[]> entries = new ArrayList<>();
            long bytes = 0;
            for (String f : inputFiles) {
                Path p = new Path(f);
                String rel = p.toUri().getPath();
                rel = rel.startsWith(prefix) ? rel.substring(prefix.length()) : rel;
                entries.add(new String[] {rel, HexFormat.of().formatHex(digest(fs, p))});
                bytes += fs.getFileStatus(p).getLen();
            }
            entries.sort((a, b) -> a[0].compareTo(b[0]));
            MessageDigest listing = sha256();
            for (String[] e : entries) {
                listing.update((e[1] + "  " + e[0] + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return new DataFile(role, path, bytes, HexFormat.of().formatHex(listing.digest()));
        } catch (IOException e) {
            throw new UserInputException(path + ": cannot read it to compute its SHA-256 (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] digest(FileSystem fs, Path p) throws IOException {
        MessageDigest d = sha256();
        try (InputStream in = fs.open(p)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                d.update(buf, 0, r);
            }
        }
        return d.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static boolean isIntegral(DataType t) {
        return t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType;
    }

    private static boolean isFractional(DataType t) {
        return t instanceof FloatType || t instanceof DoubleType || t instanceof DecimalType;
    }

    /** A column name as a backquoted identifier, so dots and spaces in names are taken literally. */
    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}

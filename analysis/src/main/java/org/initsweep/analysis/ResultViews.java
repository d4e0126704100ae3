package org.initsweep.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.MessageLines;
import org.initsweep.core.trace.Tables;

/**
 * Registers a sweep's tables as Spark SQL temporary views named after their folders
 * ({@code runs}, {@code layers}, {@code epochs}, and {@code growth}, {@code regions} once analyzed).
 * {@code spark.read().parquet(dir)} discovers the {@code activation} partition of {@code layers/}
 * itself, unlike a {@code CREATE TABLE … LOCATION}, which would need {@code MSCK REPAIR TABLE}.
 */
public final class ResultViews {

    private static final List<String> TABLES = List.of(Tables.RUNS, Tables.LAYERS, Tables.EPOCHS,
            Tables.GROWTH, Tables.REGIONS, Tables.AGREEMENT,
            Tables.HISTOGRAMS, Tables.BOUNDARIES, Tables.JACOBIAN, Tables.TRAINABILITY, Tables.TRAINABILITY_BOUND,
            Tables.ISOMETRY, Tables.COMPARE);

    /** Tables with rows per run, filtered to committed runs. */
    private static final List<String> PER_RUN = List.of(Tables.LAYERS, Tables.EPOCHS, Tables.HISTOGRAMS,
            Tables.BOUNDARIES, Tables.JACOBIAN);

    private ResultViews() {
    }

    /**
     * Refuses a directory without a {@code runs/} table, in one line naming it as the user did.
     *
     * @throws org.initsweep.core.UserInputException if {@code root} holds no {@code runs/}
     * @throws IOException                           if the file system cannot be asked
     */
    public static void requireSweep(FileSystem fs, Path root, String dir) throws IOException {
        if (!fs.exists(new Path(root, Tables.RUNS))) {
            throw new org.initsweep.core.UserInputException(dir + " holds no sweep results (no " + Tables.RUNS
                    + "/ table); run a sweep into it first");
        }
    }

    /**
     * Registers a view per table the directory holds now, and drops the view of a table it no longer holds
     * (a session that read the directory before an {@code --overwrite}, or before an analysis removed a table).
     *
     * @param dir a sweep's output directory
     * @return the names of the views registered
     * @throws IllegalArgumentException if {@code dir} holds no {@code runs/} table
     * @throws IOException              if the file system cannot be listed
     */
    public static List<String> register(SparkSession spark, String dir) throws IOException {
        return register(spark, dir, List.of());
    }

    /**
     * As {@link #register(SparkSession, String)}, but drops the views of the {@code replaced} tables instead of
     * reading them: an analysis about to write its tables again would pay a Spark job per table to read the old
     * files' footers, and must not read the old rows.
     *
     * @param replaced names of tables (others, such as {@code charts}, are ignored)
     * @throws IllegalArgumentException if {@code dir} holds no {@code runs/} table
     * @throws IOException              if the file system cannot be listed
     */
    public static List<String> register(SparkSession spark, String dir, java.util.Collection<String> replaced)
            throws IOException {
        Path root = new Path(dir);
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        requireSweep(fs, root, dir);
        List<String> registered = new ArrayList<>();
        for (String table : TABLES) {
            if (replaced.contains(table)) {
                spark.catalog().dropTempView(table);
            } else if (registerOne(spark, fs, root, table)) {
                registered.add(table);
            }
        }
        return registered;
    }

    /**
     * Registers (or, where the directory no longer holds it, drops) the views of some analysis tables
     * only, leaving the others as they are: an analysis that has just published a table needs its view,
     * and reading every table's footers again would cost a Spark job per table.
     *
     * @param dir    a sweep's output directory whose {@code runs} view is registered
     * @param tables names of tables not filtered by run ({@code growth}, {@code regions}, …)
     * @return the names of those whose views are registered (the others are not in the directory)
     * @throws IllegalArgumentException if a name is not a table's, or is one of the per-run tables, whose
     *                                  views depend on {@code runs} and are registered with it
     * @throws IOException              if the file system cannot be listed
     */
    public static List<String> register(SparkSession spark, String dir, String... tables) throws IOException {
        Path root = new Path(dir);
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<String> registered = new ArrayList<>();
        for (String table : tables) {
            requireAnalysisTable(table);
            if (registerOne(spark, fs, root, table)) {
                registered.add(table);
            }
        }
        return registered;
    }

    /**
     * Registers the view of an analysis table just written with {@code schema}: read with that schema, Spark
     * need not read the new files' footers to learn it (a Spark job per table).
     *
     * @param dir    a sweep's output directory
     * @param table  an analysis table's name, not one of the per-run tables
     * @param schema the schema the table was written with
     * @throws IllegalArgumentException if {@code table} is not an analysis table
     */
    public static void registerWritten(SparkSession spark, String dir, String table,
            org.apache.spark.sql.types.StructType schema) {
        requireAnalysisTable(table);
        spark.read().schema(schema).parquet(new Path(dir, table).toString()).createOrReplaceTempView(table);
    }

    /**
     * Writes an analysis table ({@link org.initsweep.analysis.io.Publish#table}) and registers its view with the
     * schema it was written with ({@link #registerWritten}), as {@link org.initsweep.analysis.io.Publish#remove}
     * drops the view of a table it deletes.
     *
     * @param rows  the table's rows; {@code rows.schema()} is the view's
     * @param table an analysis table's name, not one of the per-run tables
     * @throws IllegalArgumentException if {@code table} is not an analysis table
     * @throws IOException              on file system errors
     */
    public static void publish(SparkSession spark, Dataset<Row> rows, String dir, String table) throws IOException {
        requireAnalysisTable(table);
        org.initsweep.analysis.io.Publish.table(rows, dir, table);
        registerWritten(spark, dir, table, rows.schema());
    }

    /** A table whose view is not filtered by run and does not depend on {@code runs}'s. */
    private static void requireAnalysisTable(String table) {
        if (!TABLES.contains(table) || PER_RUN.contains(table) || table.equals(Tables.RUNS)) {
            throw new IllegalArgumentException("not an analysis table: " + table);
        }
    }

    private static boolean registerOne(SparkSession spark, FileSystem fs, Path root, String table) throws IOException {
        Path p = new Path(root, table);
        if (!fs.exists(p)) {
            spark.catalog().dropTempView(table);
            spark.catalog().dropTempView(table + "_all");
            return false;
        }
        Dataset<Row> df = read(spark, p.toString(), table);
        if (PER_RUN.contains(table)) {
            // Rows of a chunk whose runs/ row is not committed yet are not shown: a reader never
            // sees half a run while a sweep is being written or after it was interrupted.
            df.createOrReplaceTempView(table + "_all");
            df = spark.sql("SELECT * FROM " + table + "_all WHERE run_id IN (SELECT run_id FROM runs)");
        }
        df.createOrReplaceTempView(table);
        return true;
    }

    /**
     * Reads one table, turning Spark's failure on a foreign or broken file into one line; a failure because Spark
     * itself stopped is left as it is (it says nothing about the table).
     */
    static Dataset<Row> read(SparkSession spark, String path, String table) {
        try {
            // boundaries/ gained columns (predicted_class, confidence): a resumed sweep holds files of both
            // engines, whose columns only a merged schema shows whichever file Spark reads first
            return Tables.BOUNDARIES.equals(table) ? spark.read().option("mergeSchema", "true").parquet(path)
                    : spark.read().parquet(path);
        } catch (Exception e) {
            if (spark.sparkContext().isStopped()) {
                throw e;
            }
            throw brokenFile(e).map(m -> new org.initsweep.core.UserInputException("cannot read table " + table + ": " + m, e))
                    .orElseGet(() -> new org.initsweep.core.UserInputException("cannot read table " + table + " at " + path + ": "
                            + MessageLines.reason(e), e));
        }
    }

    private static final java.util.regex.Pattern PARQUET_FILE =
            java.util.regex.Pattern.compile("((?:file|hdfs|s3a?|gs|abfss?):)?/[^\\s,;'\"\\]\\[]+\\.parquet");

    /**
     * If {@code e} (Spark's failure while reading or querying) comes from a Parquet file that is
     * truncated or not Parquet at all, one line naming that file and why.
     */
    public static java.util.Optional<String> brokenFile(Throwable e) {
        if (changedWhileRead(e)) {
            return java.util.Optional.empty(); // gone, not broken: deleting anything would be the wrong advice
        }
        String file = null;
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String msg = t.getMessage();
            if (msg == null) {
                continue;
            }
            java.util.regex.Matcher m = PARQUET_FILE.matcher(msg);
            if (file == null && m.find()) {
                file = m.group();
            }
            if (t instanceof RuntimeException || t instanceof java.io.IOException) {
                reason = MessageLines.firstLine(msg);
            }
        }
        if (file == null) {
            return java.util.Optional.empty();
        }
        String why = reason == null ? "unreadable" : reason.replace(file, "").replaceAll("\\s+", " ").strip();
        return java.util.Optional.of("file " + file + " is truncated or not a Parquet file (" + why
                + "); delete it, or rerun the sweep with --overwrite");
    }

    /**
     * Whether {@code e} comes from a file that was removed while Spark read the table it belonged to (an
     * analysis replacing its tables, an {@code --overwrite}), rather than from a broken file: registering
     * the views again and rereading sees the table as it is now.
     */
    public static boolean changedWhileRead(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String msg = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof java.io.FileNotFoundException || msg.contains("FILE_NOT_EXIST")
                    || msg.contains("PATH_NOT_FOUND")) {
                return true;
            }
        }
        return false;
    }
}

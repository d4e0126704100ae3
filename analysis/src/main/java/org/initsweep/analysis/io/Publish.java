package org.initsweep.analysis.io;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes an output beside its place and renames it in, so that it never exists half-written.
 *
 * <p>On a file system whose rename is atomic (local, HDFS) a reader sees the old output, or none for
 * the instant between removing the old one and renaming the new one in, or the new one. A process
 * killed before the rename leaves only a hidden {@code .name-<random>.tmp} entry, which readers skip
 * (Spark ignores names starting with '.') and {@link #removeLeftovers} deletes at the next analysis.
 */
public final class Publish {

    private static final String SUFFIX = ".tmp";

    /** The name {@link #beside} gives, and the only one {@link #removeLeftovers} deletes. */
    private static final java.util.regex.Pattern LEFTOVER = java.util.regex.Pattern.compile(
            "\\..+-\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}\\.tmp");

    private Publish() {
    }

    /**
     * Writes {@code df} as the Parquet table {@code dir/name}, replacing what is there.
     *
     * @throws IOException if the file system refuses the rename or a delete
     */
    public static void table(Dataset<Row> df, String dir, String name) throws IOException {
        Path target = new Path(dir, name);
        FileSystem fs = target.getFileSystem(df.sparkSession().sparkContext().hadoopConfiguration());
        Path tmp = beside(target);
        df.write().mode(SaveMode.ErrorIfExists).parquet(tmp.toString());
        replace(fs, tmp, target);
    }

    /**
     * Deletes the table {@code dir/name} and drops its view: an analysis that does not write a table this time
     * (a sweep without two inits has no {@code compare/}) must not leave an earlier sweep's in place for
     * queries and charts to read.
     *
     * @throws IOException on file system errors
     */
    public static void remove(org.apache.spark.sql.SparkSession spark, String dir, String name) throws IOException {
        new Path(dir).getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(new Path(dir, name), true);
        spark.catalog().dropTempView(name);
    }

    /**
     * Writes {@code text} (UTF-8) as the file {@code target}, replacing what is there.
     *
     * @throws IOException on file system errors
     */
    public static void text(FileSystem fs, String text, Path target) throws IOException {
        Path tmp = beside(target);
        try (java.io.OutputStream os = fs.create(tmp, false)) {
            os.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        replaceFile(fs, tmp, target);
    }

    /**
     * Copies the local file {@code local} to {@code target}, replacing what is there; deletes the local copy.
     *
     * @throws IOException on file system errors
     */
    public static void file(FileSystem fs, java.nio.file.Path local, Path target) throws IOException {
        Path tmp = beside(target);
        fs.copyFromLocalFile(true, false, new Path(local.toUri()), tmp);
        replaceFile(fs, tmp, target);
    }

    /**
     * Deletes the entries of {@code dir} not named in {@code keep} (charts of a previous analysis that
     * this one did not draw), leaving hidden entries to {@link #removeLeftovers}.
     *
     * @throws IOException on file system errors
     */
    public static void retainOnly(FileSystem fs, Path dir, Set<String> keep) throws IOException {
        if (!fs.exists(dir)) {
            return;
        }
        for (FileStatus s : fs.listStatus(dir)) {
            String name = s.getPath().getName();
            if (!name.startsWith(".") && !keep.contains(name)) {
                fs.delete(s.getPath(), true);
            }
        }
    }

    /**
     * Deletes what an interrupted publication left in {@code dir} (not recursive): entries named as {@link #beside}
     * names them ({@code .name-<random UUID>.tmp}) and nothing else, so that a user's own hidden files stay.
     *
     * @throws IOException on file system errors
     */
    public static void removeLeftovers(FileSystem fs, Path dir) throws IOException {
        if (!fs.exists(dir)) {
            return;
        }
        for (FileStatus s : fs.listStatus(dir)) {
            String name = s.getPath().getName();
            if (LEFTOVER.matcher(name).matches()) {
                fs.delete(s.getPath(), true);
            }
        }
    }

    private static Path beside(Path target) {
        return new Path(target.getParent(), "." + target.getName() + "-" + UUID.randomUUID() + SUFFIX);
    }

    /**
     * Puts the file {@code tmp} in the place of {@code target} in one step, so that a kill or a reader finds the old
     * file or the new one, never none (a sweep's spec.json missing would strand its runs): rename(2) on a local
     * disk, whose old checksum file goes first (either file then reads without one); Hadoop's rename with
     * overwrite elsewhere (one step on HDFS).
     */
    private static void replaceFile(FileSystem fs, Path tmp, Path target) throws IOException {
        if (fs instanceof org.apache.hadoop.fs.LocalFileSystem local) {
            fs.delete(local.getChecksumFile(target), false);
            fs.delete(local.getChecksumFile(tmp), false);
            java.nio.file.Files.move(local.pathToFile(tmp).toPath(), local.pathToFile(target).toPath(),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        org.apache.hadoop.fs.FileContext context;
        try {
            context = org.apache.hadoop.fs.FileContext.getFileContext(fs.getUri(), fs.getConf());
        } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
            replace(fs, tmp, target); // a store without Hadoop's newer API: delete, then rename
            return;
        }
        context.rename(tmp, target, org.apache.hadoop.fs.Options.Rename.OVERWRITE);
    }

    private static void replace(FileSystem fs, Path tmp, Path target) throws IOException {
        fs.delete(target, true);
        if (!fs.rename(tmp, target)) {
            throw new IOException("cannot rename " + tmp + " to " + target);
        }
    }
}

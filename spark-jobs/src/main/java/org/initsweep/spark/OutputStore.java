package org.initsweep.spark;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.initsweep.core.MessageLines;
import org.initsweep.core.UserInputException;

/**
 * Checks that the output's file system can take a sweep's commits safely, before anything is written.
 *
 * <p>On an object store (S3, GCS, Azure, OSS) a rename is a copy of each object: every file still
 * appears whole, so a chunk's commit (files renamed one by one into the tables, {@code runs/} last)
 * keeps its guarantee, but Spark's own task commit must not write straight into the destination.
 * Refused there: {@code mapreduce.fileoutputcommitter.algorithm.version = 2} (a task's files are moved
 * into place one by one at task commit, so a task that fails halfway and is retried leaves the first
 * attempt's files beside the second's: rows twice), and speculative execution with the classic
 * committer (two attempts of one task may both commit). The S3A committers ({@code fs.s3a.committer.name}
 * {@code magic}, {@code directory}, {@code partitioned}) commit a task atomically. See
 * {@code docs/cluster.md}.
 */
public final class OutputStore {

    /** Schemes of object stores whose rename is a copy (Hadoop's S3A, EMR's s3, GCS, ABFS, WASB, OSS). */
    static final Set<String> OBJECT_STORES = Set.of("s3", "s3a", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs", "oss");

    private static final Set<String> S3A_COMMITTERS = Set.of("magic", "directory", "partitioned");

    private OutputStore() {
    }

    /** Whether {@code dir} is on an object store. */
    public static boolean isObjectStore(String dir) {
        String scheme = new Path(dir).toUri().getScheme();
        return scheme != null && OBJECT_STORES.contains(scheme.toLowerCase(Locale.ROOT));
    }

    /**
     * Why writing a sweep to {@code dir} with these settings would be unsafe, if it would.
     *
     * @param spark  Spark's settings ({@code spark.speculation})
     * @param hadoop the session's Hadoop settings (committer algorithm, S3A committer)
     */
    public static Optional<String> unsafe(String dir, SparkConf spark, Configuration hadoop) {
        if (!isObjectStore(dir)) {
            return Optional.empty();
        }
        String committer = hadoop.getTrimmed("fs.s3a.committer.name", "file");
        boolean atomicTaskCommit = S3A_COMMITTERS.contains(committer);
        if (!atomicTaskCommit && hadoop.getInt("mapreduce.fileoutputcommitter.algorithm.version", 1) == 2) {
            return Optional.of("--out " + dir + " is on an object store, where mapreduce.fileoutputcommitter."
                    + "algorithm.version=2 can leave a retried task's first files beside its second's (rows twice);"
                    + " use version 1 or the S3A magic committer (docs/cluster.md)");
        }
        if (!atomicTaskCommit && spark.getBoolean("spark.speculation", false)) {
            return Optional.of("--out " + dir + " is on an object store, where spark.speculation=true with the classic"
                    + " committer can commit two attempts of one task; turn speculation off or use the S3A magic"
                    + " committer (docs/cluster.md)");
        }
        return Optional.empty();
    }

    /**
     * Refuses an output that is unsafe ({@link #unsafe}) or whose file system is not on the classpath.
     *
     * @throws UserInputException naming {@code --out}, the setting and what to do instead
     */
    public static void check(String dir, SparkConf spark, Configuration hadoop) {
        Optional<String> why = unsafe(dir, spark, hadoop);
        if (why.isPresent()) {
            throw new UserInputException(why.get());
        }
        fileSystem("--out " + dir, dir, hadoop);
    }

    /**
     * The file system of a sweep directory the user named to read or analyze ({@code analyze DIR},
     * {@code sql DIR}), which must exist.
     *
     * @throws UserInputException as {@link #fileSystem}, or if nothing is at {@code dir}
     * @throws java.io.IOException if the file system cannot be asked
     */
    public static org.apache.hadoop.fs.FileSystem existing(String dir, Configuration hadoop) throws java.io.IOException {
        org.apache.hadoop.fs.FileSystem fs = fileSystem(dir, dir, hadoop);
        if (!fs.exists(new Path(dir))) {
            throw new UserInputException("no such directory: " + dir);
        }
        return fs;
    }

    /**
     * The file system of a directory the user named, or a refusal that names it: its scheme has no file
     * system on the classpath, or the store cannot be reached.
     *
     * @param named how messages name the directory ({@code --out results/x}, {@code results/x})
     * @throws UserInputException if there is no file system for the directory
     */
    public static org.apache.hadoop.fs.FileSystem fileSystem(String named, String dir, Configuration hadoop) {
        try {
            return new Path(dir).getFileSystem(hadoop);
        } catch (java.io.IOException | RuntimeException e) {
            String scheme = new Path(dir).toUri().getScheme();
            if (String.valueOf(e.getMessage()).contains("No FileSystem for scheme")
                    || String.valueOf(e.getMessage()).contains("ClassNotFoundException")) {
                throw new UserInputException(named + ": no file system for " + scheme + ":// on the classpath"
                        + ("s3a".equals(scheme) ? " (s3a needs hadoop-aws and the AWS SDK, docs/cluster.md)" : ""), e);
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.net.UnknownHostException) {
                    // Hadoop resolves the name node's host here, before any connection: the address is wrong
                    throw new UserInputException(unknownHost(named, t.getMessage()), e);
                }
            }
            throw new UserInputException(named + " cannot be reached: "
                    + MessageLines.reason(e), e);
        }
    }

    /**
     * The line for a directory whose host does not resolve, wherever the lookup failed (opening the file
     * system, or a connection later).
     *
     * @param named how messages name the directory
     * @param said  what the lookup said (the host name, perhaps with Hadoop's "; For more details see: …")
     */
    public static String unknownHost(String named, String said) {
        return "cannot reach " + named + " (unknown host " + withoutWiki(said == null ? "" : said)
                + "): check that the address is right";
    }

    /** A network message without the "; For more details see: <wiki>" Hadoop appends, stripped. */
    public static String withoutWiki(String said) {
        int cut = said.indexOf(';');
        return (cut > 0 ? said.substring(0, cut) : said).strip();
    }
}

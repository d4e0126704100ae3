package org.initsweep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.initsweep.cli.CliTest;

/** What the cluster tests read from a sweep directory on any file system. */
final class SweepDirs {

    private SweepDirs() {
    }

    /** The rows of {@code initsweep sql DIR --csv QUERY}, header left out; fails unless it exits 0. */
    static List<String> csv(String dir, String query) {
        CliTest.Result r = CliTest.cli("sql", dir, "--csv", "--limit", "100000", query);
        assertEquals(0, r.code(), r.err());
        return r.out().strip().lines().skip(1).toList();
    }

    /** Parquet files directly in {@code dir} (0 if it does not exist): a table's committed chunks. */
    static long parquetFiles(FileSystem fs, String dir) throws java.io.IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
        if (!fs.exists(p)) {
            return 0;
        }
        long n = 0;
        for (FileStatus s : fs.listStatus(p)) {
            n += s.getPath().getName().endsWith(".parquet") ? 1 : 0;
        }
        return n;
    }
}

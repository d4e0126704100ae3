package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** What is refused on an object store, and what is not refused anywhere else. */
class OutputStoreTest {

    private static Optional<String> unsafe(String dir, String algorithm, boolean speculation, String committer) {
        Configuration hadoop = new Configuration(false);
        if (algorithm != null) {
            hadoop.set("mapreduce.fileoutputcommitter.algorithm.version", algorithm);
        }
        if (committer != null) {
            hadoop.set("fs.s3a.committer.name", committer);
        }
        return OutputStore.unsafe(dir, new SparkConf(false).set("spark.speculation", Boolean.toString(speculation)), hadoop);
    }

    @Test
    void theClassicCommittersRisksAreRefusedOnObjectStores() {
        assertTrue(unsafe("s3a://b/sweeps/x", "2", false, null).orElseThrow().contains("algorithm.version=2"));
        assertTrue(unsafe("gs://b/x", null, true, null).orElseThrow().contains("spark.speculation=true"));
        assertTrue(unsafe("abfs://c@a.dfs.core.windows.net/x", "2", true, "file").isPresent());
        assertTrue(unsafe("S3A://b/x", null, true, null).isPresent(), "schemes in any case");
    }

    @Test
    void theS3aCommittersAndTheDefaultsAreSafe() {
        assertEquals(Optional.empty(), unsafe("s3a://b/x", null, false, null), "version 1, no speculation");
        assertEquals(Optional.empty(), unsafe("s3a://b/x", "2", true, "magic"));
        assertEquals(Optional.empty(), unsafe("s3a://b/x", null, true, "directory"));
    }

    @Test
    void fileSystemsWithAtomicRenameAreNeverRefused() {
        assertEquals(Optional.empty(), unsafe("hdfs://nn:8020/x", "2", true, null));
        assertEquals(Optional.empty(), unsafe("/tmp/x", "2", true, null));
        assertEquals(Optional.empty(), unsafe("file:/tmp/x", "2", true, null));
    }
}

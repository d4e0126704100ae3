package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.spark.sql.SparkSession;
import org.initsweep.spark.fs.NioLocalFileSystem;
import org.junit.jupiter.api.Test;

/** Session settings: which local file system a local session writes through. */
class SparkSessionsTest {

    private static Class<?> localFileSystem(SparkSession spark) throws Exception {
        // newInstance: the JVM's cached file: instance may predate this session
        try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), spark.sparkContext().hadoopConfiguration())) {
            return fs.getClass();
        }
    }

    @Test
    void aLocalSessionWritesThroughTheInProcessLocalFileSystem() throws Exception {
        SparkSession spark = TestSpark.session("local[1]");
        try {
            assertEquals(NioLocalFileSystem.class, localFileSystem(spark));
        } finally {
            spark.stop();
        }
    }

    @Test
    void aUsersOwnLocalFileSystemWins() throws Exception {
        System.setProperty("spark.hadoop.fs.file.impl", LocalFileSystem.class.getName());
        try {
            SparkSession spark = TestSpark.session("local[1]");
            try {
                assertEquals(LocalFileSystem.class, localFileSystem(spark));
            } finally {
                spark.stop();
            }
        } finally {
            System.clearProperty("spark.hadoop.fs.file.impl");
        }
    }
}

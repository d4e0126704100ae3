package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.initsweep.core.UserInputException;
import org.initsweep.spark.fs.NioLocalFileSystem;
import org.junit.jupiter.api.Test;

/** Session settings: which local file system a local session writes through, which master is used. */
class SparkSessionsTest {

    @Test
    void aMasterFromTheCliThatDiffersFromSparkSubmitsIsRefused() {
        // spark-submit hands its --master to the driver as the property spark.master
        SparkConf submitted = new SparkConf(false).set("spark.master", "spark://127.0.0.1:7077");
        UserInputException e = assertThrows(UserInputException.class,
                () -> SparkSessions.master(submitted, "local[2]"));
        assertEquals("--master local[2] differs from spark-submit's master spark://127.0.0.1:7077, which chooses "
                + "where the sweep runs: leave out the CLI's --master", e.getMessage());
        assertEquals("spark://127.0.0.1:7077", SparkSessions.master(submitted, "spark://127.0.0.1:7077"));
        assertEquals("spark://127.0.0.1:7077", SparkSessions.master(submitted, null));
        assertEquals("local[2]", SparkSessions.master(new SparkConf(false), "local[2]"));
        assertEquals(SparkSessions.DEFAULT_MASTER, SparkSessions.master(new SparkConf(false), null));
    }

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

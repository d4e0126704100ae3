package org.initsweep.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** The in-process HDFS of the cluster tests: one namenode and one datanode, kept under a folder of target/. */
final class MiniHdfs {

    private MiniHdfs() {
    }

    /** Empties {@code dir}, then starts an HDFS keeping its blocks in {@code dir/dfs}; returns it once active. */
    static MiniDFSCluster start(Path dir) throws Exception {
        org.initsweep.spark.TestFiles.deleteTree(dir);
        Files.createDirectories(dir);
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();
        return dfs;
    }
}

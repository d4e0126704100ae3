package org.initsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.initsweep.spark.fs.ProcessStarts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a table's Parquet files, which every commit, audit and resume does. */
class ChunkCommitTest {

    @Test
    void findsParquetFilesAtAnyDepthWithoutStartingAProcess(@TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path layers = tmp.resolve("layers");
        for (String f : new String[] {"activation=tanh/c1-part-0.parquet", "activation=tanh/.c1-part-0.parquet.crc",
            "activation=relu/c1-part-1.parquet", "activation=relu/deeper/c2-part-0.parquet", "_SUCCESS",
            "_temporary/0/_x.parquet", ".hidden.parquet", "notes.txt"}) {
            Files.createDirectories(layers.resolve(f).getParent());
            Files.writeString(layers.resolve(f), "x");
        }
        // Hadoop's own local file system: a located listing would run `ls -ld` for every file.
        FileSystem fs = FileSystem.newInstance(java.net.URI.create("file:///"), new Configuration());
        List<Path>[] found = new List[1];
        assertEquals(List.of(), ProcessStarts.commands(() -> found[0] = ChunkCommit.parquetFiles(fs, new Path(layers.toUri()))));
        assertEquals(List.of("activation=relu/c1-part-1.parquet", "activation=relu/deeper/c2-part-0.parquet",
                "activation=tanh/c1-part-0.parquet"), found[0].stream()
                .map(p -> layers.toUri().relativize(p.toUri()).getPath()).sorted().toList());
    }

    @Test
    void aMissingTableIsNotFound(@TempDir java.nio.file.Path tmp) throws Exception {
        FileSystem fs = FileSystem.newInstance(java.net.URI.create("file:///"), new Configuration());
        assertThrows(FileNotFoundException.class, () -> ChunkCommit.parquetFiles(fs, new Path(tmp.resolve("none").toUri())));
    }
}

package org.initsweep.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec.json edited by hand after Hadoop wrote it (and its checksum) still reads, as UTF-8. */
class TextFilesTest {

    @Test
    void aFileEditedByHandReadsPastItsStaleChecksum(@TempDir Path tmp) throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path spec = new org.apache.hadoop.fs.Path(tmp.resolve("spec.json").toUri());
        try (OutputStream out = fs.create(spec)) {
            out.write("{\"name\": \"σ_w² sweep\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("{\"name\": \"σ_w² sweep\"}", TextFiles.read(fs, spec));
        String edited = "{\"name\": \"σ_w² sweep, edited\", \"seeds\": [1, 2]}";
        Files.writeString(tmp.resolve("spec.json"), edited); // .spec.json.crc is now stale
        assertThrows(ChecksumException.class, () -> {
            try (var in = fs.open(spec)) {
                in.readAllBytes();
            }
        }, "Hadoop's own read refuses the edited file");
        assertEquals(edited, TextFiles.read(fs, spec));
    }
}

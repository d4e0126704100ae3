package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.initsweep.core.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local paths and file: URIs, whatever letters their names hold; other file systems' URIs are refused. */
class LocalPathOpenerTest {

    @Test
    void aFileUriOfANonAsciiNameIsRead(@TempDir Path tmp) throws Exception {
        Path file = Files.write(Files.createDirectories(tmp.resolve("données é")).resolve("σ.csv"), new byte[] {1, 2, 3});
        // as a user writes it, with or without the empty host; as Hadoop's Path, no %-escapes are decoded
        for (String path : new String[] {"file:" + file, "file://" + file, "file://localhost" + file, file.toString()}) {
            try (InputStream in = PathOpener.local().open(path)) {
                assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes(), path);
            }
            assertEquals(3, PathOpener.local().size(path), path);
        }
    }

    @Test
    void otherFileSystemsAreRefused() {
        for (String path : new String[] {"hdfs://nn:8020/d/x.csv", "s3a://bucket/x.csv", "gs://b/x"}) {
            assertThrows(UserInputException.class, () -> PathOpener.local().open(path), path);
        }
        assertThrows(UserInputException.class, () -> PathOpener.local().open("file://elsewhere/x.csv"));
    }
}
